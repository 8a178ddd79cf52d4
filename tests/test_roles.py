"""kg.extract.roles: the paper's own names (proposed) and the ones it uses."""
import pytest

from kg.extract.entities import find_entities
from kg.records import Span


def roles(text: str) -> dict[str, str]:
    models, _ = find_entities(text, [Span(0, len(text))])
    return {m.name: m.role for m in models}


@pytest.mark.parametrize("verb", ["compare", "evaluate", "employ", "adopt", "fine-tune", "benchmark", "prompt"])
def test_a_verb_of_use_after_we_makes_no_contribution(verb):
    # "we compare BERT …": the name after "we <verb>" is the paper's own only for a verb
    # of making (propose, introduce, build), not for one of use.
    assert roles(f"We {verb} BERT and GPT-2 on GLUE.")["BERT"] == "used"


def test_own_words_and_contribution_cues_still_propose():
    assert roles("We propose Zorblax, a retriever.")["Zorblax"] == "proposed"
    assert roles("In this paper, our ZorbNet beats BERT.")["ZorbNet"] == "proposed"
