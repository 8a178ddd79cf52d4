"""rules.appositions: a name renaming a kind noun takes its kind and role."""
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
