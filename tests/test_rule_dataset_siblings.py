"""rules.dataset_siblings: names listed before a known dataset are datasets."""
import pytest
from rulehelp import found

from kg.extract.rules import dataset_siblings


@pytest.mark.parametrize(
    "text, names",
    [
        ("Our method works well on Quxal, MMLU and Flimset.", ["Quxal"]),
        ("Quxal and SQuAD are reported.", ["Quxal"]),
        ("Results on Quxal, Flimset, MMLU and SQuAD improve.", ["Flimset", "Quxal"]),
        # a bare acronym in a longer list is a name
        ("We test on ZRB, Quxal and MMLU.", ["Quxal", "ZRB"]),
        # a Russian list: "и" before its last item
        ("производительность в Quxal, Flimset и MMLU", ["Flimset", "Quxal"]),
    ],
)
def test_names_before_a_known_dataset_are_its_siblings(text, names):
    got = found(dataset_siblings, text)
    assert sorted(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values()), got


@pytest.mark.parametrize(
    "text",
    [
        "When trained with Zorbnet, MMLU accuracy rises.",  # a clause, not a list
        "Zorbnet, BERT and MMLU are compared.",  # a known model: a list of models
        "ZRB and MMLU are reported.",  # a lone bare acronym is jargon
        "However, MMLU is hard.",  # an opener is no name
        "Data come from the US Patent and Trademark Office, PubMed and Quxal.",  # sources
        "MMLU and SQuAD are reported.",  # known names are the gazetteer's
    ],
)
def test_no_siblings(text):
    assert not found(dataset_siblings, text)
