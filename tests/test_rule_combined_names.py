"""rules.combined_names: names joined into a combination are the names, not a third one."""
import pytest
from rulehelp import ctx_of, found

from kg.extract.candidate import GENERIC
from kg.extract.entities import entities_in
from kg.extract.rules import acronyms, combined_names, cues, gazetteer, shapes

_PRIOR = [gazetteer, acronyms, shapes, cues]


def _names(text: str) -> set[str]:
    return {e.name for e in entities_in(ctx_of(text)) if e.label == "MODEL"}


def test_a_plus_with_a_known_name_joins_two_systems():
    got = found(combined_names, "BERT outperforms the baseline ZESIM+ELMo system by 27 points.", prior_rules=_PRIOR)
    assert got["ZESIM+ELMo"].label == GENERIC
    assert got["ZESIM"].label == "MODEL" and got["ELMo"].known
    assert {"ZESIM", "ELMo"} <= _names("BERT outperforms the baseline ZESIM+ELMo system by 27 points.")


def test_a_hyphen_joins_two_names_the_entry_gives():
    text = "We propose Zorb Context Conditioning (ZCC) and Quintar Confidence Correction (QCC). ZCC-QCC improves math."
    got = found(combined_names, text, prior_rules=_PRIOR)
    assert got["ZCC-QCC"].label == GENERIC
    assert "ZCC-QCC" not in _names(text)


@pytest.mark.parametrize("text", [
    "We use Zorb-LLaMA and CLIP-ViT-L here.",  # hyphenated single names
    "Models trained under the LEST+ST+WS regimes.",  # no known part: settings, not systems
    "Our ZCC-QCC model is new.",  # the parts are not named elsewhere
])
def test_other_joins_are_left_alone(text):
    assert not [c for c in found(combined_names, text, prior_rules=_PRIOR).values() if c.label == GENERIC]
