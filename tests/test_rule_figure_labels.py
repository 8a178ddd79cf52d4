"""rules.figure_labels: "Fig. S4", "Table A2" number a part of the paper, not a model."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import figure_labels
from kg.records import Span


@pytest.mark.parametrize(
    "text, label",
    [
        ("The filters are spread across layers (Section 3.1.3, Fig. S4).", "S4"),
        ("Hyper-parameters are listed in Table A2 of the appendix.", "A2"),
        ("See Appendix B1 for the proof.", "B1"),
        ("As Figure S3b shows, the loss falls.", "S3b"),
    ],
)
def test_a_figure_label_is_vetoed(text, label):
    got = found(figure_labels, text)
    assert label in got and got[label].label == GENERIC


@pytest.mark.parametrize(
    "text",
    [
        "Table 3 compares ZorbNet with S4.",  # a number, and S4 not after a figure word
        "We use the S4 layer of Gu et al.",
        "Algorithm Distillation learns in context.",  # a longer name after the word
    ],
)
def test_other_names_are_left_alone(text):
    assert not found(figure_labels, text)


def test_the_known_name_is_not_reported_for_a_figure_label():
    text = "The weights are shown in Fig. S4 and Table T5."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert not {m.name for m in models} & {"S4", "T5"}


def test_a_known_name_elsewhere_is_still_found():
    text = "We compare against S4 and Mamba on long inputs."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert "S4" in {m.name for m in models}


@pytest.mark.parametrize(
    "text, label",
    [
        ("Figure5b中可以得出同一个app会使用多个ML模型", "Figure5b"),
        ("As Table3 shows, ZorbNet is faster.", "Table3"),
        ("See FigS4 for the ablation.", "FigS4"),
    ],
)
def test_a_glued_label_is_vetoed(text, label):
    got = found(figure_labels, text)
    assert label in got and got[label].label == GENERIC


@pytest.mark.parametrize("text", ["TableGPT2 reads spreadsheets.", "We train Seq2Seq models.", "AlgoNet2 wins."])
def test_names_that_open_like_a_figure_word_are_left_alone(text):
    assert not found(figure_labels, text)
