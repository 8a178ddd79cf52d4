"""rules.typos: one edit from a long known name is that name."""
from rulehelp import found

from kg.extract.rules import typos


def test_misspelt_long_name():
    got = found(typos, "We compare with the Tranformer baseline.")
    assert [c.name for c in got.values()] == ["Transformer"]


def test_sentence_start_and_short_words_are_left_alone():
    assert not found(typos, "Tranformer models are common. We use Bret.")


def test_another_first_letter_is_another_word():
    assert not found(typos, "We fit Canonical Deformer maps to faces.")
