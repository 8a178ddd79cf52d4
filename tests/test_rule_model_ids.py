"""rules.model_ids: lower-case model identifiers of known families (API and hub spellings)."""
import pytest
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.rules import model_ids
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("We query claude-3-5-sonnet through the API.", "Claude-3-5-sonnet"),
        ("Answers come from gemini-2.0-flash in all runs.", "Gemini-2.0-flash"),
        ("We fine-tune llama-3.1-70b on the data.", "LLaMA-3.1-70b"),
        ("The judge is mistral-large-2 throughout.", "Mistral-large-2"),
        ("We encode with bert-base-uncased for speed.", "BERT-base"),  # a tokenisation tail is cut
    ],
)
def test_lower_case_identifiers_of_known_families(text, name):
    assert name in found(model_ids, text)


@pytest.mark.parametrize(
    "text",
    [
        "A claude-style prompt helps.",  # no version, no size
        "We build llama-based agents.",
        "The zorb-3-mini model is new.",  # an unknown family: the shape and context rules decide
        "We compare Claude-3-Opus too.",  # capitals: the shape rule's
        "Pages use utf-8 encoding.",  # no known family
    ],
)
def test_other_compounds_are_left_alone(text):
    assert not found(model_ids, text)


def test_identifiers_are_reported_under_their_family_size():
    text = "We compare llama-3.1-70b with phi-3-mini."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["LLaMA-3.1", "Phi-3"]
