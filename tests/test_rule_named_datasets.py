"""rules.named_datasets: ``the X dataset`` names a dataset whatever X looks like."""
from rulehelp import found

from kg.extract.rules import named_datasets


def test_capitalised_name_before_dataset_word():
    got = found(named_datasets, "Results on the Pick-a-Pic dataset are strong.")
    assert got["Pick-a-Pic"].label == "DATASET"


def test_lower_case_word_is_not_a_name():
    assert not found(named_datasets, "Results on the new dataset are strong.")


def test_descriptive_capitalised_words_are_not_a_name():
    # A title capitalises what only describes the data.
    assert not found(named_datasets, "Counting from Sky: A Large-scale Dataset for Counting")
    assert not found(named_datasets, "We release a New Multi-modal dataset today.")


def test_a_plain_capitalised_word_after_an_indefinite_article_is_a_kind():
    # titles capitalise every word: "a Planning Benchmark" is a kind of benchmark
    assert not found(named_datasets, "Introducing Zorbex: A Planning Benchmark for LLMs")
    assert not found(named_datasets, "Zorbex: A Human-Annotated Dataset and Model")
    # a name's shape still names one, and "the" still introduces a name
    assert "ZorbQA" in found(named_datasets, "We release a ZorbQA dataset.")
    assert "Pick-a-Pic" in found(named_datasets, "Results on the Pick-a-Pic dataset are strong.")
    assert "Planning" in found(named_datasets, "Results on the Planning benchmark are strong.")
