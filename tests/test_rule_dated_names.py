"""rules.dated_names: a name with a year is data ("NIST 2006 evaluation data"), not a model."""
from rulehelp import ctx_of, found

from kg.extract.merge import merge
from kg.extract.rules import dated_names, shapes


def test_spaced_year_before_data_word():
    got = found(dated_names, "We tune on the ZORB 2006 evaluation data.")
    assert got["ZORB 2006"].label == "DATASET" and got["ZORB 2006"].force_label


def test_glued_and_apostrophe_years():
    got = found(dated_names, "Results on QUINT-2004 and on ZorbNLP'09 are reported.")
    assert {"QUINT-2004", "ZorbNLP'09"} <= set(got)


def test_venue_context_is_no_dataset():
    # "accepted at ZORB 2026": a venue is written like a dated benchmark.
    assert not found(dated_names, "The paper was accepted at ZORB 2026 as an oral.")
    assert not found(dated_names, "It appeared in ZorbConf'25 last year.")


def test_plain_capitalised_word_is_no_name():
    assert not found(dated_names, "In 2006 the Results 2006 data were lost.")


def test_covers_the_bare_acronym():
    ctx = ctx_of("We use the ZORB 2006 evaluation data.")
    ents = merge([c for r in (shapes, dated_names) for c in r.find(ctx, [])])
    assert [(e.name, e.label) for e in ents] == [("ZORB 2006", "DATASET")]
