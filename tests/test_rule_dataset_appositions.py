"""rules.dataset_appositions: "X, a … dataset" / "X is a new dataset" name a dataset."""
import pytest
from rulehelp import found

from kg.extract.rules import dataset_appositions


@pytest.mark.parametrize(
    "text, name",
    [
        ("We release Quintar, a 1M-image dataset for aerial detection.", "Quintar"),
        ("We also build Wibble, a suite of 12 coding tasks.", "Wibble"),
        ("Frobnik is a new dataset of 5,000 annotated dialogues.", "Frobnik"),
        ("We collect the Open Legal Corpus, a corpus of court rulings.", "Open Legal Corpus"),
    ],
)
def test_dataset_noun_heads_the_apposition(text, name):
    got = found(dataset_appositions, text)
    assert got[name].label == "DATASET" and got[name].force_label


@pytest.mark.parametrize(
    "text",
    [
        "We propose Zorb, a model trained on the dataset of dialogues.",  # the head is "model"
        "This is a new dataset of dialogues.",  # "This" is no name
        "Zorb, a method for building datasets, is fast.",
    ],
)
def test_other_heads_name_no_dataset(text):
    assert not found(dataset_appositions, text)


def test_name_in_brackets_after_a_dataset_noun():
    got = found(dataset_appositions, "We report on the official development test set (news-dev2009b) here.")
    assert "news-dev2009b" in got
    assert "ZorbBench" in found(dataset_appositions, "We build a new benchmark (ZorbBench) for agents.")
    assert not found(dataset_appositions, "Results on the test set (Table 3) are shown.")


def test_possessive_determiner_apposition():
    assert "Frobnik-Instruct" in found(dataset_appositions, "We fine-tune LLaMA on Frobnik-Instruct, our new instruction dataset.")


def test_an_adverb_opening_the_sentence_renames_nothing():
    # "Unfortunately, the computational resources …": the comma closes an opener.
    assert not found(dataset_appositions, "We tried. Unfortunately, the computational resources on the server are few.")
    assert not found(dataset_appositions, "Similarly, the corpus of news is small.")


@pytest.mark.parametrize(
    "text",
    [
        "Zorbank (Smith et al., 2019) is a benchmark for reasoning.",  # a citation between
        "Zorbank [12] is a dataset of 10k images.",
        "Zorbank (a benchmark for reasoning) is used.",  # a bracket opens the gloss
        "Zorbank is one of the most popular benchmarks.",
    ],
)
def test_citations_brackets_and_one_of(text):
    got = found(dataset_appositions, text)
    assert "Zorbank" in got and got["Zorbank"].label == "DATASET"


@pytest.mark.parametrize(
    "text",
    [
        "Zorbnet (Smith et al., 2019) is a model for reasoning.",
        "Zorbnet (a model trained on the dataset) is used.",
        "Zorbnet is one of the best models.",
    ],
)
def test_other_heads_after_a_citation_or_bracket(text):
    assert not found(dataset_appositions, text)


def test_a_spelt_out_name_in_brackets_stands_between_name_and_copula():
    # "CRYSTAL (Clear Reasoning via Yielded Steps) is a benchmark"
    got = found(dataset_appositions, "Quintar (Clear Reasoning via Yielded Steps) is a benchmark for reasoning.")
    assert list(got) == ["Quintar"] and got["Quintar"].label == "DATASET"
    # a one-word bracket is an acronym, no long form; a model head still ends the phrase
    assert "The Zorb Measure" not in found(dataset_appositions, "The Zorb Measure (ZM) is a benchmark of 820 problems.")
    assert not found(dataset_appositions, "ZorbNet (Zorb Network) is a model trained on the dataset.")
