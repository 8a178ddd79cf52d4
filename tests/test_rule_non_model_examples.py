"""rules.non_model_examples: names listed as examples of a non-model kind are vetoed."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.rules import non_model_examples


@pytest.mark.parametrize(
    "text, names",
    [
        ("Formal assessment procedures like OSATS and GEARS attempt to measure skill.", {"OSATS", "GEARS"}),
        ("We rely on tools such as ZorbKit, Quintool and Frob.", {"ZorbKit", "Quintool", "Frob"}),
    ],
)
def test_examples_of_a_non_model_kind_are_vetoed(text, names):
    got = found(non_model_examples, text)
    assert set(got) == names and all(c.label == GENERIC for c in got.values())


def test_examples_of_models_and_known_names_are_left_alone():
    assert not found(non_model_examples, "We compare with models such as ZorbNet and Quintar.")
    assert not found(non_model_examples, "We use tools such as GPT-4 to label data.")  # a known model


@pytest.mark.parametrize(
    "text, name",
    [
        ("Pages are rendered by the open-source rendering tool ZorbLayout here.", "ZorbLayout"),
        ("It runs on the platform Quintbox for labelling.", "Quintbox"),
    ],
)
def test_a_singular_non_model_kind_before_a_name_vetoes_it(text, name):
    got = found(non_model_examples, text)
    assert set(got) == {name} and got[name].label == GENERIC


def test_a_model_kind_or_a_known_name_after_the_kind_noun_stays():
    assert not found(non_model_examples, "We train the model ZorbNet on graphs.")
    assert not found(non_model_examples, "We use the tool GPT-4 to label data.")


@pytest.mark.parametrize("text, name", [
    ("TorchFold a tool for PyTorch that makes dynamic graphs fast.", "TorchFold"),
    ("Introducing ZorbHub - a new cloud IDE platform for deep learning.", "ZorbHub"),
    ("We deploy it on Zorbit, a platform.", "Zorbit"),
])
def test_an_apposition_headed_by_a_non_model_kind_vetoes_the_name(text, name):
    got = found(non_model_examples, text)
    assert name in got and got[name].label == GENERIC


@pytest.mark.parametrize("text", [
    "We present N_0-ZTLA, a vision-tactile-language-action foundation model for robots.",  # the kind is inside a compound
    "ZorbLM, a language model for code, is released.",  # "language" does not head the phrase
    "NCRF++, an open-source neural sequence labeling toolkit, is out.",  # toolkits are systems
])
def test_an_apposition_headed_by_a_model_kind_leaves_the_name(text):
    assert not found(non_model_examples, text)


def test_a_kind_word_inside_a_compound_heads_no_apposition():
    # "large-scale" holds "scale" (a non-model kind) but the phrase is headed by "dataset".
    assert not found(non_model_examples, "We introduce ZorbScribe-1M, a new large-scale, multi-modal video dataset.")
