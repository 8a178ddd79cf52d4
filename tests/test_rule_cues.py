"""rules.cues: names introduced by naming and contribution cues are proposed."""
import pytest
from rulehelp import found

from kg.extract.rules import cues


@pytest.mark.parametrize(
    "text, name",
    [
        ("Our method, dubbed PolarGrad, converges faster.", "PolarGrad"),
        ("We propose FlashNorm, a simple normalisation layer.", "FlashNorm"),
        ("This work presents Depth Anything V2.", "Depth Anything V2"),
        ("我们提出了一种名为GraphMixer的新框架。", "GraphMixer"),
        ("A new tuner (GoTune for short) is fast.", "GoTune"),
    ],
)
def test_cued_names_are_proposed(text, name):
    got = found(cues, text)
    assert name in got and got[name].proposed, got


def test_lower_case_word_after_a_verb_is_no_name():
    assert not found(cues, "We propose a simple method, which is fast.")
