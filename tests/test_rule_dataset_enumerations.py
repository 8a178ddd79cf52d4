"""rules.dataset_enumerations: lists a plural dataset noun introduces (after a colon or a
dash, citations allowed) or closes over lower-case modifiers."""
import pytest
from rulehelp import found

from kg.extract.rules import dataset_enumerations


@pytest.mark.parametrize(
    "text, names",
    [
        ("We used widely adopted benchmarks: Zorblax (Smith and Jones, 1996), Quintar (Lee, 1994) and Frobnik.",
         {"Zorblax", "Quintar", "Frobnik"}),
        ("Details for small datasets -Breast Cancer, Zorblax, Concrete, and Yacht.",
         {"Breast Cancer", "Zorblax", "Concrete", "Yacht"}),
        ("We test on the data sets: Zorblax [12], Quintar [13] and Frobnik [14].", {"Zorblax", "Quintar", "Frobnik"}),
        ("Zorblax, Quintar, and Frobnik handwritten databases are employed.", {"Zorblax", "Quintar", "Frobnik"}),
        ("The Zorblax and Quintar news data sets are small.", {"Zorblax", "Quintar"}),
    ],
)
def test_listed_names_are_datasets(text, names):
    got = found(dataset_enumerations, text)
    assert set(got) == names
    assert all(c.label == "DATASET" and c.force_label for c in got.values())


@pytest.mark.parametrize(
    "text",
    [
        "We compare BERT and RoBERTa pretraining corpora.",  # a list with a known model lists models
        "Both English and German parallel corpora are used.",  # languages are no names
        "We use two datasets: Zorblax is the first.",  # one name is no list
        "The Zorblax datasets are described below.",  # no modifier: rules.dataset_context's case
    ],
)
def test_no_list_of_names(text):
    assert not found(dataset_enumerations, text)


def test_a_singular_noun_before_a_colon_heads_its_list():
    got = found(dataset_enumerations, "We use one benchmark dataset: Zorblax [25] and Quintar [26].")
    assert set(got) == {"Zorblax", "Quintar"}
