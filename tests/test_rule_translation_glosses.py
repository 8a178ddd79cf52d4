"""rules.translation_glosses: English glosses of Chinese terms in brackets are no names."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.rules import title_case, translation_glosses


def _vetoed(text: str) -> set[str]:
    return {n for n, c in found(translation_glosses, text, prior_rules=[title_case]).items() if c.label == GENERIC}


@pytest.mark.parametrize("text, name", [
    ("研究界探索了 “渐进式训练”（Progressive Training）等方法。", "Progressive Training"),
    ("这份报告堪称LLM后训练（Post-Training）的指南。", "Post-Training"),
    ("在代理模型（Proxy Model）上调优的超参数无法迁移。", "Proxy Model"),
    ("PFlowNet采用结构化的感知流(Perceptual Flow)作为潜在变量。", "Perceptual Flow"),
    ("기존 보상 모델(Reward Model)들은 전역적 의미론에만 집중한다.", "Reward Model"),  # Korean
    ("代理モデル(Proxy Model)で調整したハイパーパラメータは移らない。", "Proxy Model"),  # Japanese
])
def test_a_bracketed_english_gloss_after_chinese_is_vetoed(text, name):
    assert _vetoed(text) == {name}


@pytest.mark.parametrize("text", [
    "我们提出了一种新方法（Zorb Attention），效果很好。",  # the clause proposes it: a name
    "A new method (Zorb Attention) works well.",  # after Latin text
    "后训练（Post-Training）很重要，Post-Training 的细节见第三节。",  # a mention outside the bracket
    "稀疏注意力（ZorbNet Attention）效果更好。",  # a name-shaped word inside
])
def test_other_brackets_are_left_alone(text):
    assert not _vetoed(text)


def test_entries_without_chinese_stop_early():
    assert translation_glosses.find(__import__("rulehelp").ctx_of("Progressive Training (Progressive Training)."), ()) == []
