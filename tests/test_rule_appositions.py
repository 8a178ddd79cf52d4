"""rules.appositions: a name renaming a kind noun takes its kind and role."""
import pytest
from rulehelp import found

from kg.extract.rules import appositions


def test_benchmark_apposition_is_a_proposed_dataset():
    got = found(appositions, "We present a new benchmark, ToolQuest, for agents.")
    assert got["ToolQuest"].label == "DATASET" and got["ToolQuest"].proposed


def test_chinese_kind_noun_before_a_name():
    got = found(appositions, "本文提出一种基于图的选择性标注方法vote-k,来选择样本。")
    assert got["vote-k"].proposed


def test_without_a_kind_noun_nothing():
    assert not found(appositions, "They use apples, Foo, and pears.")


def test_language_resource_apposition_is_a_dataset():
    got = found(appositions, "It creates a high-coverage German resource, ZORBBASE, of lemmas.")
    assert got["ZORBBASE"].label == "DATASET" and got["ZORBBASE"].force_label


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Zorblax, a recently proposed diffusion model, is used as a baseline.", "Zorblax", "MODEL"),
        ("We build on Quintar, a dataset of 10k dialogues.", "Quintar", "DATASET"),
        ("It connects Quick Shift, a mode-seeking algorithm, and others.", "Quick Shift", "MODEL"),
    ],
)
def test_a_name_renamed_by_an_indefinite_apposition_takes_its_kind(text, name, label):
    got = found(appositions, text)
    assert name in got and got[name].label == label, got


@pytest.mark.parametrize(
    "text",
    [
        "Here, a model is trained on images.",  # a clause, not an apposition
        "Recently, a new model-based approach emerged.",
        "However, a model that predicts depth is needed.",
    ],
)
def test_sentence_openers_and_clauses_are_no_apposition(text):
    assert not found(appositions, text)


def test_a_contribution_verb_opening_a_note_is_no_part_of_the_name():
    assert set(found(appositions, "- **Method**: Introduced GZDNF, a Generalized Zorb Dynamics Neural Framework, here.")) \
        == {"GZDNF"}


def test_a_lower_case_word_after_a_kind_noun_and_a_comma_is_a_list_item():
    assert not found(appositions, "It covers aspects of generative models, including architecture, scaling, and training.")
    assert "ZorbNet" in found(appositions, "We propose a new architecture, ZorbNet, for speech.")


def test_a_family_noun_takes_a_plural_kind():
    got = found(appositions, "Zorbex, a family of open foundation models, is trained on DNA.")
    assert got["Zorbex"].label == "MODEL"
    got = found(appositions, "Quintar, a suite of reading benchmarks, is public.")
    assert got["Quintar"].label == "DATASET"


def test_an_organisations_product_before_is_a_kind():
    got = found(appositions, "Prima Zorb’s Pleiades is a family of epigenetic foundation models ranging from 90M to 7B.")
    assert got["Pleiades"].label == "MODEL"
    # without the possessive a capitalised word before "is a" is as often a concept
    assert not found(appositions, "Distillation is a technique for compression.")
    assert "Pleiades" not in found(appositions, "Pleiades is a family of foundation models.")
