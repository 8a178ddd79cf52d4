"""rules.contributions: capitalised names right after a contribution verb are proposed."""
import pytest
from rulehelp import found

from kg.extract.rules import contributions


@pytest.mark.parametrize(
    "text, name",
    [
        ("Specifically, we first propose a Structure-Aware SDS that optimizes appearance.", "Structure-Aware SDS"),
        ("Moreover, we devise an Annealed Negative Prompt Guidance by decomposing the score.",
         "Annealed Negative Prompt Guidance"),
        ("提出Instructional Agents以自动生成教学材料解决教育资源不足问题", "Instructional Agents"),
        ("提出了Zorb Net用于检测。", "Zorb Net"),
    ],
)
def test_capitalised_names_after_a_contribution_verb_are_proposed(text, name):
    got = found(contributions, text)
    assert name in got and got[name].proposed, got


def test_a_second_name_joined_in_chinese_is_proposed_too():
    got = found(contributions, "提出RDSHA与AHD以增强大语言模型的安全性")
    assert {"RDSHA", "AHD"} <= set(got) and got["AHD"].proposed


@pytest.mark.parametrize(
    "text",
    [
        "We propose a new method for graphs.",  # lower case: a description
        "We propose a Graph Neural Network for molecules.",  # descriptive words only
        "We propose a Transformer-based model for speech.",  # a known name as the base
        "We propose a Cross-Lingual Entity Matching for tweets.",  # a task
        "提出Agent框架以解决规划问题",  # one plain word: a kind as often as a name
        "提出LLM驱动的方法",  # a generic kind
    ],
)
def test_descriptions_kinds_and_tasks_are_no_names(text):
    assert not found(contributions, text)


def test_a_title_is_not_prose():
    assert not found(contributions, "We Propose A Simple Graph Mixer For All Tasks")
