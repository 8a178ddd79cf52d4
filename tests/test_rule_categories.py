"""rules.categories: "different LSOD methods", 不同LSOD方法 — a category, not a name."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.rules import categories


@pytest.mark.parametrize(
    "text, name",
    [
        ("We compare different ZSOD methods on these benchmarks.", "ZSOD"),
        ("Various QRAG approaches fail here.", "QRAG"),
        ("比较分析了不同ZSOD方法在这些基准上的性能。", "ZSOD"),
    ],
)
def test_a_quantified_category_is_vetoed(text, name):
    got = found(categories, text)
    assert set(got) == {name} and got[name].label == GENERIC


@pytest.mark.parametrize(
    "text",
    [
        "We compare different DETR methods.",  # known: built on DETR
        "Our ZSOD method beats them.",  # no quantifier: one method
        "We compare different ZorbNet methods.",  # a coined name, not an acronym
    ],
)
def test_other_phrases_are_left_alone(text):
    assert not found(categories, text)
