"""rules.org_neighbours: organisations among guessed names, where a layout did not mark
the affiliations."""
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import acronyms, org_neighbours, shapes
from kg.records import Span


def vetoed(text: str) -> set[str]:
    got = found(org_neighbours, text, prior_rules=(acronyms, shapes))
    assert all(c.label == GENERIC for c in got.values())
    return set(got)


def test_an_acronym_defined_by_an_organisations_long_form():
    assert vetoed("Computer Science, National University of Sciences and Technology (NUST), Islamabad.") == {"NUST"}


def test_a_name_listed_next_to_an_organisation():
    assert "OriginAI" in vetoed("University of Haifa, OriginAI, Braude College of Engineering")
    assert "TELIN-IPI" in vetoed("Osijek, Croatia, TELIN-IPI, Ghent University – imec, Belgium")


def test_a_phrase_that_mentions_an_organisation_is_no_organisation():
    assert not vetoed("We compare ZorbNet, Google's Gemini and GPT-4 from OpenAI.")
    assert not vetoed("ZorbLM, developed at MIT, beats QuinNet, OpenAI's model.")


def test_names_with_other_evidence_stay():
    # A contribution cue is evidence: the proposed name stays even beside an institute.
    text = "We propose ZorbNet, Zorb Research Institute, and release it."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert "ZorbNet" in {m.name for m in models}


def test_the_veto_reaches_the_reported_models():
    text = "University of Haifa, OriginAI, Braude College of Engineering. ZorbNet beats BERT."
    models, _ = find_entities(text, [Span(0, len(text))])
    names = {m.name for m in models}
    assert "OriginAI" not in names and "ZorbNet" in names
