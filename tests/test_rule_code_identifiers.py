"""rules.code_identifiers: lowerCamelCase guesses are identifiers of code, not models."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import code_identifiers, shapes
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("Models trained with expMean, max, and swap scored higher.", "expMean"),
        ("We explain our program inference procedure (inferProgs, Fig 1).", "inferProgs"),
        ("The loop stops when numLayersDone reaches the limit.", "numLayersDone"),
        ("Tasks start from a broken build that raises ImportError at load time.", "ImportError"),
        ("A run that hits a TimeoutException is retried.", "TimeoutException"),
    ],
)
def test_a_lower_camel_identifier_is_vetoed(text, name):
    got = found(code_identifiers, text, prior_rules=(shapes,))
    assert name in got and got[name].label == GENERIC


@pytest.mark.parametrize(
    "text",
    [
        "We serve the model with vLLM and compare sMLP with xLSTM.",  # one-letter prefixes
        "We compare ZorbNet with DeBERTa.",  # UpperCamelCase
        "We train word2vec embeddings.",  # no capital inside
    ],
)
def test_model_shapes_are_left_alone(text):
    assert not found(code_identifiers, text, prior_rules=(shapes,))


def test_the_veto_reaches_the_reported_models():
    text = "ZorbNet beats BERT; the helper expMean averages the logits."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert "expMean" not in {m.name for m in models} and "ZorbNet" in {m.name for m in models}


def test_a_lower_case_library_with_an_index_is_no_shape_at_all():
    # "libsqlite3" (once vetoed here) is a lower-case word with an index: rules.shapes
    # no longer offers it, so there is nothing to veto.
    text = "They corrupt shared library headers (e.g., libsqlite3, libz) on purpose."
    assert "libsqlite3" not in found(shapes, text)
    models, _ = find_entities(text, [Span(0, len(text))])
    assert not models
