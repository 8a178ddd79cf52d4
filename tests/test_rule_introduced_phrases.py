"""rules.introduced_phrases: "we propose zorbic context management, a technique …"."""
import pytest
from rulehelp import found

from kg.extract.rules import introduced_phrases


@pytest.mark.parametrize(
    "text, name",
    [
        ("To go further, we propose zorbic context management, a technique drawing on memory.",
         "zorbic context management"),
        ("This paper introduces a zorbed-gradient estimator, an unbiased method that works.", "zorbed-gradient estimator"),
    ],
)
def test_an_introduced_lower_case_phrase_renamed_by_a_kind_is_a_name(text, name):
    got = found(introduced_phrases, text)
    assert set(got) == {name} and got[name].proposed and got[name].label == "MODEL"


@pytest.mark.parametrize(
    "text",
    [
        "We propose zorbic context management for long inputs.",  # no apposition
        "We propose data augmentation, a technique for speech.",  # a paradigm
        "We propose to prune heads, a method that is cheap.",  # a clause
        "We propose zorbic context management, a dataset of logs.",  # data: another rule's
        "They use zorbic context management, a technique drawing on memory.",  # no contribution verb
    ],
)
def test_other_phrases_are_no_names(text):
    assert not found(introduced_phrases, text)
