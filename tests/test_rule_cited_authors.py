"""rules.cited_authors: a capitalised word before "et al" is a cited surname, not a model."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import cited_authors
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("We use MNIST (LeCun et al., 1998) and Fashion-MNIST.", "LeCun"),
        ("Unlike Devlin et al. (2019), we do not inject short sequences.", "Devlin"),
        ("We extend McZorb et al (2020) to many languages.", "McZorb"),
    ],
)
def test_a_surname_before_et_al_is_vetoed(text, name):
    got = found(cited_authors, text)
    assert set(got) == {name} and got[name].label == GENERIC


@pytest.mark.parametrize(
    "text",
    [
        "We compare with ZorbNet and its variants.",  # no citation
        "Like BERT et al. we pretrain.",  # a known name is not taken for a surname
        "the model of zorb et al. works",  # not capitalised
    ],
)
def test_other_words_are_left_alone(text):
    assert not found(cited_authors, text)


def test_a_camel_case_surname_is_no_model():
    text = "Images come from MNIST (LeCun et al., 1998) and we train ZorbNet on them."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["ZorbNet"]
