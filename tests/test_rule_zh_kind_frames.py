"""rules.zh_kind_frames: a Chinese kind noun after a Latin name makes it a model."""
import pytest
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.rules import zh_kind_frames
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("提出Harbor方法，在COCO上优于Mask2Former。", "Harbor"),
        ("本文构建了Mingle语音模型，其效果超过Whisper。", "Mingle"),
        ("我们开源了DenseMix检索模型，它以Contriever为骨干。", "DenseMix"),
        ("本文提出 Quorix 框架，用于稀疏专家推理。", "Quorix"),
    ],
)
def test_a_name_a_verb_of_making_gives_a_kind_is_proposed(text, name):
    got = found(zh_kind_frames, text)
    assert name in got and got[name].proposed and got[name].label == "MODEL"


def test_a_name_said_to_be_a_kind_is_a_model():
    got = found(zh_kind_frames, "Lion-X是一种新的优化器，相比AdamW收敛更快。")
    assert "Lion-X" in got and got["Lion-X"].label == "MODEL" and not got["Lion-X"].proposed


@pytest.mark.parametrize(
    "text",
    [
        "本文提出Harbor数据集，用于检测。",  # a data noun: the dataset rules' case
        "我们在English语料上训练了模型。",  # a language is no name
        "提出Harbor，用于检测。",  # no kind noun
        "提出Harbor的一些改进思路与方法。",  # the kind noun is far from the name
        "We propose the Harbor method for detection.",  # no Chinese
    ],
)
def test_no_frame_no_name(text):
    assert not found(zh_kind_frames, text)


def test_the_role_reaches_the_reported_models():
    text = "本文构建了Mingle语音模型，其效果超过Whisper。"
    models, _ = find_entities(text, [Span(0, len(text))])
    roles = {m.name: m.role for m in models}
    assert roles.get("Mingle") == "proposed" and roles.get("Whisper") == "used"
