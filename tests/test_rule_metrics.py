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
