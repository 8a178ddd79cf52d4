"""rules.math_symbols: subscripts after a one-letter variable and functions of a formula."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import math_symbols
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("Compute the distillation loss L kl1 with Eq. (3).", "kl1"),
        ("We construct a data structure P BEST that keeps a program per shape.", "BEST"),
        ("Because σAB = σ(AB), we get that MHSelfAtt(H) is row-equivariant.", "MHSelfAtt"),
        ("We obtain InputEmbed(X) = H for each attribute.", "InputEmbed"),
        ("The tensor X (of shape IxJxK) is factorised.", "IxJxK"),
        ("The first columns of Wi (Wi+1) are copied.", "Wi+1"),
    ],
)
def test_formula_symbols_are_vetoed(text, name):
    got = found(math_symbols, text)
    assert name in got and got[name].label == GENERIC


@pytest.mark.parametrize(
    "text",
    [
        "We train a ZorbNet on images.",  # an article is no variable
        "Are we mimicking Google's QAZ2 here?",  # a possessive's s is no variable
        "We compare Type-B ZorbNet with others.",  # a letter inside a compound
        "GPT-4(V) answers the questions.",  # a known name
        "ZorbNet (X) beats the baselines.",  # spaced: an aside, not a function
    ],
)
def test_other_names_are_left_alone(text):
    assert not found(math_symbols, text)


def test_symbols_do_not_reach_the_models():
    text = "ZorbNet minimises the loss L kl2 over the batch."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["ZorbNet"]


def test_a_version_after_a_hyphen_is_no_index():
    assert not found(math_symbols, "We study two sequence tasks (Dyck-1 and SCAN) and Gen-1 videos.")
