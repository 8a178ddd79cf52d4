"""rules.encoded_strings: base64 runs and padding are data, not model names."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import encoded_strings, shapes
from kg.extract.rules.encoded_strings import encoded
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        # a bookmark blob a reference manager writes into its export
        ("bdsk-file-1 = {QmxvYlplcm9ZdGFnVGVzdDEyMw9abc3Rya}", "QmxvYlplcm9ZdGFnVGVzdDEyMw9abc3Rya"),
        # a padding run
        ("blob = {8AAAAAAAAQADAAAKZorbAAAAAAAAAAAAB}", "8AAAAAAAAQADAAAKZorbAAAAAAAAAAAAB"),
    ],
)
def test_an_encoded_run_is_vetoed(text, name):
    got = found(encoded_strings, text, prior_rules=(shapes,))
    assert name in got and got[name].label == GENERIC


@pytest.mark.parametrize(
    "name",
    [
        "DeepConvolutionalGenerativeAdversarialNetworks",  # CamelCase words flip once a word
        "Zorblax-2.5-Omni-7B-Instruct",  # separators split a long compound
        "XLMZorbForSequenceClassification",
        "ZorbNet",  # short
    ],
)
def test_names_are_not_encodings(name):
    assert not encoded(name)


def test_the_veto_reaches_the_reported_models():
    text = "ZorbNet beats BERT. file = {YnBsaXN0MDDSAQIDBFxyZWxhdGl2ZVBhdGhZ}"
    models, _ = find_entities(text, [Span(0, len(text))])
    names = {m.name for m in models}
    assert "ZorbNet" in names and not any(encoded(n) for n in names)
