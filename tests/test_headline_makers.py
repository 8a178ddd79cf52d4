"""Makers as a Chinese headline's subject (kg.extract.headline_makers).

Headlines are invented in the shapes WeChat-style digests use; organisation names are
from kg's alias table."""
from __future__ import annotations

import pytest

from kg.extract import extract_entry
from kg.extract.headline_makers import headline_makers
from kg.records import Entry


def _names(text: str) -> list[str]:
    return [text[a:b] for a, b in headline_makers(text, 0, len(text))]


@pytest.mark.parametrize(
    "text, names",
    [
        ("炸裂！微软新作ZorbNet：把上下文扩展到十亿个词", ["微软"]),
        ("Nature子刊！上海交大&上海AI Lab提出胸片诊断基础模型", ["上海交大", "上海AI Lab"]),
        ("中科大和腾讯发布首篇《多模态综述》", ["中科大", "腾讯"]),
        ("港中大和商汤提出Quux：更可靠的评价", ["港中大", "商汤"]),
        ("CVPR 2024 | 英伟达提出ZorbSDF：物体跟踪", ["英伟达"]),
        ("清华张三团队新作！四位整数训练", ["清华"]),  # the person's team is the organisation's
        ("CVPR 2024 | 清华大学提出Zorb：平滑优化器", ["清华大学"]),
    ],
)
def test_subject_of_a_headline_verb_is_the_maker(text, names):
    assert _names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "基于谷歌提出的Transformer做检测",  # 的: the owner of what the paper uses
        "我们比较了微软提出了的方法",  # the subject does not open the headline or a clause
        "面试被问到了：手撕Transformer",  # no organisation
        "华为大模型登Nature正刊！",  # no headline verb
        "张三提出Zorb：一种新方法",  # a person
    ],
)
def test_no_maker_outside_a_headline_subject(text):
    assert _names(text) == []


def test_only_the_first_line_is_a_headline():
    assert headline_makers("综述\n微软新作Zorb", 0, 12) == []


def test_extract_reads_a_linked_headline_entry():
    text = "炸裂！微软新作ZorbNet：把上下文扩展到十亿个词"
    rec = extract_entry(Entry(file="t.md", line=1, end_line=1, text=text, layout="items", kind="digest"))
    assert [m.name for m in rec.institutions] == ["Microsoft"]


def test_a_first_line_longer_than_a_headline_is_prose():
    # An untitled abstract's first paragraph ("…微软提出了…" deep in prose) is no headline:
    # its verbs are not read back for a subject.
    from kg.extract import MAX_HEADLINE_CHARS

    head = "炸裂！微软新作ZorbNet：把上下文扩展到十亿个词"
    prose = head + "。" + "本文研究长上下文建模的效率问题并给出系统的实验分析" * 8
    assert len(prose) > MAX_HEADLINE_CHARS
    rec = extract_entry(Entry(file="t.md", line=1, end_line=1, text=prose, layout="items", kind="digest"))
    assert [m.name for m in rec.institutions] == []
