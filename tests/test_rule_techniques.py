"""rules.techniques: lower-case named techniques framed by "the … technique/algorithm"."""
import pytest
from rulehelp import found

from kg.extract.rules import techniques


@pytest.mark.parametrize(
    "text, name",
    [
        ("SeqDiffuSeq combines the self-conditioning technique and an adaptive schedule.", "self-conditioning"),
        ("We fuse modalities via the generalized product of experts technique.", "generalized product of experts"),
        ("Sparse codes come from the iterative hard thresholding algorithm.", "iterative hard thresholding"),
        ("Weights are updated with the natural-gradient algorithm.", "natural-gradient"),
    ],
)
def test_named_techniques_are_found_and_used(text, name):
    got = found(techniques, text)
    assert name in got and got[name].used and not got[name].proposed, got


@pytest.mark.parametrize(
    "text",
    [
        "We use the same technique twice.",  # a determiner
        "We compare with the proposed algorithm.",  # the paper's own, unnamed
        "We rely on the data augmentation technique.",  # a paradigm
        "We rely on the knowledge distillation technique.",  # a task
        "It replaces the traditional pointwise sampling technique.",  # a description
        "It uses the dropout technique.",  # one plain word: a kind as often as a name
        "It uses a self-conditioning technique.",  # no definite article
        "The Self-Conditioning technique is used.",  # capitalised: other rules' case
        "We run the deep neural algorithm.",  # descriptive words only
    ],
)
def test_descriptions_paradigms_and_tasks_are_no_techniques(text):
    assert not found(techniques, text)
