"""rules.title_clauses: a title's subject before a claim verb names the paper's method."""
import pytest
from rulehelp import found

from kg.extract.rules import title_clauses

BODY = "We study the question with experiments."


@pytest.mark.parametrize(
    "title, name",
    [
        ("Chain of Hindsight Aligns Language Models with Feedback", "Chain of Hindsight"),
        ("Language Agent Tree Search Unifies Reasoning Acting and Planning in Language Models",
         "Language Agent Tree Search"),
        ("NeuroCogMap Reveals Cognitive Organization of Large Language Models", "NeuroCogMap"),
        ("Zorb Distillation Teaches Small Models to Reason", "Zorb Distillation"),
    ],
)
def test_the_subject_of_a_claim_is_proposed(title, name):
    got = found(title_clauses, BODY, title=title)
    assert set(got) == {name} and got[name].proposed


@pytest.mark.parametrize(
    "title",
    [
        "Data Augmentation Unlocks Robustness",  # a paradigm
        "Deep Neural Network Learns Poorly",  # only words of a kind
        "Pruning Beats Distillation on Small Models",  # one plain word: a technique
        "Quantum Coherence Reveals Retrieval Structure",  # an abstract noun
        "What Reveals Bias in Language Models",  # a question word
        "ZorbNet: Chain of Hindsight Aligns Models",  # a head before a colon is the name
        "Selective Annotation Makes Language Models Better Few-Shot Learners",  # "makes" is not a claim verb here
        "Graph Networks Learns Fast",  # a plural subject describes a kind
    ],
)
def test_other_titles_name_nothing(title):
    assert not found(title_clauses, BODY, title=title)
