"""rules.acrostics: capitals inside ordinary title words that spell the head's name."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import acrostics
from kg.records import Span


@pytest.mark.parametrize(
    "title, vetoed",
    [
        ("CHAIN: Better GANs via lipsCHitz continuity constrAIned Normalization", {"lipsCHitz", "constrAIned"}),
        ("ZN-DETR: Faster Detectors by Introducing Query ZeNoising", {"ZeNoising"}),
    ],
)
def test_acrostic_words_are_vetoed(title, vetoed):
    got = found(acrostics, "Body text.", title=title)
    assert set(got) == vetoed and all(c.label == GENERIC for c in got.values())


@pytest.mark.parametrize(
    "title",
    [
        "ZorbNet: Training with MoCo Features",  # M, C are no letters of ZorbNet in order
        "ZorbNet: Training with ZorbNet Features",  # the head itself
        "Training Detectors by Query ZeNoising",  # no head name
        "ZN-DETR: Faster Detectors with anchOr Boxes",  # one capital
    ],
)
def test_other_words_are_left_alone(title):
    assert not found(acrostics, "Body text.", title=title)


def test_only_the_title_is_read():
    assert not found(acrostics, "CHAIN: lipsCHitz continuity constrAIned.", title="A Title")


def test_the_entry_keeps_its_head_and_drops_the_acrostic():
    title = "CHAIN: Enhancing GANs via lipsCHitz continuity constrAIned Normalization"
    models, _ = find_entities(title, [Span(0, len(title))], Span(0, len(title)))
    assert [m.name for m in models] == ["CHAIN"]
