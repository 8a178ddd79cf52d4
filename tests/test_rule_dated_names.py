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


def test_campaign_with_a_year_is_its_data_in_a_data_context():
    # CoNLL and SemEval are venues (kg/data/rules/venues.txt) that release data each year
    # under their name (kg/data/rules/shared_task_venues.txt).
    got = found(dated_names, "We used CoNLL'03 shared task data and report F1 on SemEval-2014.")
    assert {"CoNLL'03", "SemEval-2014"} <= set(got)
    assert all(c.label == "DATASET" for c in got.values())


def test_campaign_with_a_year_is_the_venue_elsewhere():
    assert not found(dated_names, "The paper was presented at CoNLL-2019 in Hong Kong.")
    assert not found(dated_names, "Both CoNLL'19 and SemEval-2014 accepted such papers.")
