"""rules.dataset_descriptions: a name described by what it holds ("X contains 23,354
turns") is a dataset."""
import pytest
from rulehelp import found

from kg.extract.rules import dataset_descriptions


@pytest.mark.parametrize(
    "text, names",
    [
        ("Smaller datasets exist: Zorblax (Henderson et al., 2014b) contains 23,354 turns, Quintar (Lee, 2017) "
         "comprises 19,986 turns, and Frobnik spans 14,796 turns.", {"Zorblax", "Quintar", "Frobnik"}),
        ("Zorbix contains about 2 million labeled images.", {"Zorbix"}),
        ("Zorbix consists of a total of 2,708 nodes.", {"Zorbix"}),
    ],
)
def test_names_counted_in_data_items(text, names):
    got = found(dataset_descriptions, text)
    assert set(got) == names and all(c.label == "DATASET" for c in got.values())


@pytest.mark.parametrize(
    "text",
    [
        "ZorbNet has 110M parameters and 12 layers.",  # models are counted in parameters
        "Table 2 contains 10 examples of errors.",  # a part of the paper
        "We train on Zorbix, which contains many images.",  # no count
        "Results for Zorbix contain 10 examples.",  # an object, not the clause's subject
    ],
)
def test_no_dataset_description(text):
    assert not found(dataset_descriptions, text)


def test_items_without_a_count_and_an_adverb_before_the_verb():
    assert set(found(dataset_descriptions, "Second, ZORBIC only contains notes from one hospital.")) == {"ZORBIC"}


def test_a_pronoun_is_no_name():
    assert not found(dataset_descriptions, "It contains 3,000 images of faces.")


@pytest.mark.parametrize("text, name", [
    ("作者在 ZhyX（3000 道、6 个物理域）上对模型做 ablation", "ZhyX"),
    ("We use Zorbnet (23,354 turns, 2 domains) for training.", "Zorbnet"),
])
def test_a_count_of_items_opening_a_bracket_describes_a_dataset(text, name):
    got = found(dataset_descriptions, text)
    assert list(got) == [name] and got[name].label == "DATASET"


@pytest.mark.parametrize("text", [
    "Zorbformer（7B）很强",  # a size
    "Zorbformer（2 个版本）",  # versions, not items
    "ZERT (110M parameters) is used.",  # parameters count a model
])
def test_other_counts_in_brackets_describe_no_dataset(text):
    assert not found(dataset_descriptions, text)
