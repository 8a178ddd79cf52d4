"""rules.sizes: the capitalised words before a parameter count name a model."""
import pytest
from rulehelp import found

from kg.extract.rules import sizes


@pytest.mark.parametrize(
    "text, name",
    [
        ("A large fine-tuned LLM (Zorbseek Q1 70B) writes the narratives.", "Zorbseek Q1"),
        ("We compare with Zorblax 1.5B and others.", "Zorblax"),
        ("Quintar-2-13B is fine-tuned on it.", "Quintar-2"),
        ("The router of Frobnik 8x7B is sparse.", "Frobnik"),
    ],
)
def test_names_before_a_size_are_models(text, name):
    got = found(sizes, text)
    assert name in got and got[name].label == "MODEL", got


@pytest.mark.parametrize(
    "text",
    [
        "The 7B model is good.",  # no name before the size
        "Our 70B run is long.",  # a sentence-opening word
        "It has over 1.5B parameters.",  # lower case
        "Training used 5b tokens.",  # a lower-case b is no parameter count
        "We train on 10M images.",  # millions of images, not parameters
        "Two 7B parameter models are trained.",  # a word capitalised for the sentence
        "Zorbix-7B: An Open 7B Deep-Research Agent",  # a Title Case word after "an" describes
        "We release a Compact 3B model.",
    ],
)
def test_sizes_without_a_name_name_nothing(text):
    assert not found(sizes, text)


def test_a_known_name_before_a_size_is_named_canonically():
    got = found(sizes, "We fine-tune Mixtral 8x7B.")
    assert "Mixtral" in got and got["Mixtral"].known


def test_a_count_of_copies_is_not_part_of_the_name():
    got = found(sizes, "Across 10 Zorb2.5-7B agents and 300 examples, accuracy rose.")
    assert set(got) == {"Zorb2.5"}, got
    # a version number between name words stays ("Quintar 3 Nova 70B")
    assert "Quintar 3 Nova" in found(sizes, "We use Quintar 3 Nova 70B here.")


def test_a_long_glued_compound_is_not_cut():
    assert not found(sizes, "It outperforms ZorbSeek-R1-Distill-Quix-7B on math.")


def test_a_coined_or_known_name_after_an_article_is_still_named():
    assert "ZorbLM" in found(sizes, "We release a ZorbLM 7B model.")
    assert "Mistral" in found(sizes, "We fine-tune a Mistral 7B model.")
