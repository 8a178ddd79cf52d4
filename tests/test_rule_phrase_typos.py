"""rules.phrase_typos: one misspelt word of a two-word known name."""
from rulehelp import found

from kg.extract.rules import phrase_typos


def test_second_word_one_edit_away():
    got = found(phrase_typos, "We compare on Mapillary Vitas and ADE20K.")
    assert got["Mapillary Vistas"].known and got["Mapillary Vistas"].label == "DATASET"


def test_correct_spelling_and_other_words_are_left_alone():
    assert not found(phrase_typos, "We compare on Mapillary Vistas and ADE20K.")  # the gazetteer's
    assert not found(phrase_typos, "We compare on Mapillary Street and ADE20K.")
