"""rules.mapping_labels: letter-2-letter labels ("c2c", "T2I") abbreviate a mapping, not a model."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import mapping_labels, shapes
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("Zorbos 将符号引用分为 4 类：c2c、c2d、d2c 和 d2d。", "c2d"),
        ("Routing in P2P overlays is slow; ZorbNet fixes it.", "P2P"),
    ],
)
def test_a_mapping_label_is_vetoed(text, name):
    got = found(mapping_labels, text, prior_rules=(shapes,))
    assert name in got and got[name].label == GENERIC


@pytest.mark.parametrize("text", ["We compare ZorbNet with Seq2Seq.", "We train Zorb2Vec and R2D2 agents."])
def test_longer_names_with_a_two_are_left_alone(text):
    assert not found(mapping_labels, text, prior_rules=(shapes,))


def test_the_veto_reaches_the_reported_models():
    text = "ZorbNet reads four kinds of references: c2c, c2d, d2c and d2d."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert {m.name for m in models} == {"ZorbNet"}
