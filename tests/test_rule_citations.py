"""rules.citations: the bibliography named in a citation key is no dataset."""
from rulehelp import found

from kg.extract.rules import citations


def test_bibliography_prefix_is_vetoed():
    got = found(citations, "As mentioned , DBLP : journals / corr / MelisDB17 established that LSTMs win .")
    assert set(got) == {"DBLP"} and got["DBLP"].label == "GENERIC"
    assert set(found(citations, "See DBLP:conf/acl/Smith20 for details.")) == {"DBLP"}


def test_prose_colons_are_not_keys():
    assert not found(citations, "We used DBLP: journals and conference papers from 2010.")
    assert not found(citations, "Results on DBLP are strong.")


def test_the_veto_removes_the_name_from_the_entry():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "As shown by DBLP : journals / corr / MelisDB17 , the LSTM beats the Zorblax baseline on PTB."
    models, datasets = find_entities(text, [Span(0, len(text))])
    assert "DBLP" not in {m.name for m in models + datasets} and "MelisDB17" not in {m.name for m in models + datasets}


def test_a_key_cut_after_its_colon_is_vetoed():
    # a line break took the rest of the key: alone, or after another key
    for text in ("DBLP:", "conf/acl/BowmanGRGMP16, DBLP:\n"):
        got = found(citations, text)
        assert set(got) == {"DBLP"} and got["DBLP"].label == "GENERIC", text
    # prose before the colon, or text after it, is no cut key
    assert not found(citations, "We evaluate link prediction on DBLP:")
    assert not found(citations, "DBLP: a bibliography of computer science.")
