"""rules.funding: codes and programme names in an acknowledgement are no models."""
import pytest

from kg.extract.entities import find_entities
from kg.records import Span


def models(text):
    return {m.name for m in find_entities(text, [Span(0, len(text))])[0]}


@pytest.mark.parametrize(
    "text, code",
    [
        ("Work was supported by the MSMT LL1303 ERC-CZ grant.", "LL1303"),
        ("We acknowledge funding by the ERC Starting Grant ZorbLearn.", "ZorbLearn"),
        ("It was funded by the NIH, award number UH2CA203711.", "UH2CA203711"),
    ],
)
def test_codes_in_a_funding_sentence_are_no_models(text, code):
    assert code not in models(text)


def test_names_outside_the_funding_sentence_stay():
    text = "ZorbNet beats BERT on all tasks. This work was funded by grant IIS-1054319."
    assert models(text) == {"ZorbNet", "BERT"}


def test_known_names_in_a_funding_sentence_stay():
    assert "BERT" in models("We acknowledge the BERT authors for sharing code under grant IIS-1054319.")


def test_an_agency_defined_in_a_funding_sentence_is_no_model():
    text = "This work was supported by the National Institutes of Health (NIH), award number UH2CA203711."
    assert "NIH" not in models(text)
