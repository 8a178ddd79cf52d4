"""rules.hyphenated_names: a known dataset written with a hyphen inside is that dataset."""
from rulehelp import ctx_of, found

from kg.extract.entities import entities_in
from kg.extract.rules import hyphenated_names


def test_hyphen_inside_a_known_name():
    got = found(hyphenated_names, "We use the WNLI data from Super-GLUE and the Word-Net lexicon.")
    assert set(got) == {"SuperGLUE", "WordNet"}
    assert all(c.known and c.label == "DATASET" for c in got.values())


def test_the_part_inside_is_no_second_name():
    names = [e.name for e in entities_in(ctx_of("We use the WNLI data from Super-GLUE (Wang et al., 2019a)."))]
    assert "SuperGLUE" in names and "GLUE" not in names


def test_lower_case_words_and_unknown_compounds_are_left():
    # "news-commentary" describes text; "Zorb-Net" is no known name.
    assert not found(hyphenated_names, "We add news-commentary text and Zorb-Net data.")


def test_a_compound_inside_a_longer_known_name_is_part_of_it():
    assert not found(hyphenated_names, "Scores rose on SWE-bench Verified from 20% to 35%.")
    names = [e.name for e in entities_in(ctx_of("Scores rose on SWE-bench Verified from 20% to 35%."))]
    assert names == ["SWE-bench Verified"]
