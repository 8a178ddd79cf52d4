"""rules.metrics: names a metric noun introduces or follows are vetoed as metrics."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.rules import metrics


@pytest.mark.parametrize(
    "text, name",
    [
        ("并引入了一个新的衡量摘要质量的评价指标PREFS。", "PREFS"),
        ("We report the new ZorbScore metric on all tasks.", "ZorbScore"),
        ("Quality is scored with the metric QuintEval on both sets.", "QuintEval"),
    ],
)
def test_metric_names_are_vetoed(text, name):
    got = found(metrics, text)
    assert name in got and got[name].label == GENERIC


def test_known_names_and_other_names_are_left_alone():
    assert not found(metrics, "We report the CLIP metric on all tasks.")  # a known model
    assert not found(metrics, "We train ZorbNet on images.")  # no metric noun
    # Names listed before a plural are reported on, not metrics themselves.
    assert not found(metrics, "It keeps quality across FID, CLIP, and ZorbBench-2.0 metrics.")


@pytest.mark.parametrize(
    "text, names",
    [
        # capitalised words before a metric's head, a rank glued after it
        ("Two metrics: Match F1 scores steps.", ["Match F1", "Match"]),
        ("Ordered Match F1 penalises disorder.", ["Match F1", "Match", "Ordered Match F1", "Ordered Match"]),
        ("We report Hit-Ratio-1 and NDCG.", ["Hit-Ratio-1"]),
        ("CPR-Curriculum在Match F1上取得改进。", ["Match F1", "Match"]),
    ],
)
def test_names_headed_by_a_metric_are_vetoed(text, names):
    got = found(metrics, text)
    assert sorted(got) == sorted(names) and all(c.label == GENERIC for c in got.values())


def test_a_name_before_a_metric_head_keeps_its_own_reading():
    # "SQuAD F1" vetoes the phrase, never the dataset's name before the head.
    got = found(metrics, "Our SQuAD F1 rises by two points.")
    assert "SQuAD F1" in got and "SQuAD" not in got and "Our SQuAD" not in got
    # prose ("the error rate") and a word after the head ("Score-CAM") are no metric names
    assert not found(metrics, "The error rate falls and Score-CAM maps improve.")
