"""rules.title_data_names: a heading that is only a name, over a body that builds
unnamed data and names its model apart, names the data."""
import pytest
from rulehelp import ctx_of

from kg.extract.entities import entities_in


def _kinds(title: str, body: str) -> dict[str, str]:
    return {e.name: e.label for e in entities_in(ctx_of(body, title))}


@pytest.mark.parametrize("body", [
    "数据驱动路线的代表作。构建了 116K 编辑对的大规模训练数据集，提出专用编辑模型 ZorbFormer：在解码器内插入注意力。",
    "We build a large-scale paired editing dataset and train an editing model ZorbFormer on it.",
])
def test_the_heading_names_the_unnamed_data_when_the_model_has_its_own_name(body):
    got = _kinds("ZorbVerse", body)
    assert got["ZorbVerse"] == "DATASET" and got["ZorbFormer"] == "MODEL"


@pytest.mark.parametrize("body", [
    # the data has a name of its own: the heading stays the system
    "同时提出 Zorb-Bench100 评估基准，提出专用编辑模型 ZorbFormer。",
    "We build a new dataset ZorbSet and train an editing model ZorbFormer on it.",
    # no model named apart: the heading is the system that the data serves
    "构建了 116K 编辑对的大规模训练数据集，用于训练。",
    # no data built
    "提出专用编辑模型 ZorbFormer，在解码器内插入注意力。",
])
def test_otherwise_the_heading_stays_a_model(body):
    assert _kinds("ZorbVerse", body).get("ZorbVerse") == "MODEL"


def test_only_a_whole_title_is_read():
    body = "构建了 116K 编辑对的大规模训练数据集，提出专用编辑模型 ZorbFormer。"
    assert _kinds("ZorbVerse for Editing Meshes", body).get("ZorbVerse") != "DATASET"
