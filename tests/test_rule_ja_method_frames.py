"""rules.ja_method_frames: Japanese frames propose or compare a Latin model name."""
import pytest
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.rules import ja_method_frames
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("本研究ではMiraiFormerを提案する。", "MiraiFormer"),
        ("我々は Zorb Mixer を提案し、評価した。", "Zorb Mixer"),
        ("この手法を Quintar と呼ぶ。", "Quintar"),
        ("提案手法Sakuraは、既存手法を上回る性能を示した。", "Sakura"),
        ("提案モデルである Hoshi は高速である。", "Hoshi"),
    ],
)
def test_a_proposed_name(text, name):
    got = found(ja_method_frames, text)
    assert name in got and got[name].proposed and not got[name].used


@pytest.mark.parametrize(
    "text, name",
    [
        ("我々の手法を ZorbLM と比較した。", "ZorbLM"),
        ("本手法は QuintarLM に基づくモデルである。", "QuintarLM"),
        ("提案手法は Frobnet を上回る精度を達成した。", "Frobnet"),
    ],
)
def test_a_used_name(text, name):
    got = found(ja_method_frames, text)
    assert name in got and got[name].used and not got[name].proposed


@pytest.mark.parametrize(
    "text",
    [
        "ImageNet を用いて評価した。",  # "using": data as readily as a model
        "この研究は 41 種類の失敗を分類した。",  # no frame
        "We propose ZorbNet and compare it with BERT.",  # no Japanese: the rule does not run
        "本研究では English を提案する。",  # a language is no name
    ],
)
def test_no_frame_no_name(text):
    assert not found(ja_method_frames, text)


def test_the_role_reaches_the_reported_models():
    text = "本研究ではMiraiFormerを提案し、GPT-4o と比較した。"
    models, _ = find_entities(text, [Span(0, len(text))])
    roles = {m.name: m.role for m in models}
    assert roles.get("MiraiFormer") == "proposed" and roles.get("GPT-4o") == "used"
