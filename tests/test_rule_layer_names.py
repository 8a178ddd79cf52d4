"""rules.layer_names: numbered layer labels ("conv6", "FC6", "Pool5", "res2b") are no models."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import layer_names
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("It has six convolutional layers (named conv1 to conv6).", "conv6"),
        ("Rank-1 accuracy is 55.3% with the FC6 (Pool5) descriptor.", "Pool5"),
        ("Samples are embedded to Inception Network Pool3 features.", "Pool3"),
        ("We choose res2b as the branching point.", "res2b"),
        ("The output is processed using a Conv2D with a 5x5 kernel.", "Conv2D"),
    ],
)
def test_layer_labels_are_vetoed(text, name):
    got = found(layer_names, text)
    assert name in got and got[name].label == GENERIC


@pytest.mark.parametrize("text", ["We train Res2Net and ConvNeXt on images.", "ZorbNet7 beats them.",
                                  "The block is repeated."])
def test_names_are_left_alone(text):
    assert not found(layer_names, text)


def test_layer_labels_do_not_reach_the_models():
    text = "ZorbNet adds a branch after conv4 and conv6."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["ZorbNet"]
