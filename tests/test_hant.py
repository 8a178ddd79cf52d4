"""kg.extract.hant: a Traditional-Chinese entry is read by the (Simplified) Chinese rules,
and its names keep the characters it wrote."""
from rulehelp import ctx_of, found

from kg.extract.hant import reading
from kg.extract.rules import counted_lists, dataset_context


def test_reading_maps_traditional_characters_one_for_one():
    text = "在 Zorblax 基準與三個數據集上評估"
    out = reading(text)
    assert out == "在 Zorblax 基准与三个数据集上评估"
    assert len(out) == len(text)


def test_simplified_and_english_text_is_unchanged():
    for text in ("在 Zorblax 基准上评估", "We evaluate on Zorblax.", ""):
        assert reading(text) is text


def test_japanese_is_read_as_written():
    # Kanji are often the Traditional forms (評価): kg's Japanese lists are written in them.
    text = "Zorblax データセットで評価した"
    assert reading(text) is text


def test_context_tokens_read_simplified_but_text_is_kept():
    ctx = ctx_of("在 Zorblax 基準上")
    assert "准" in ctx.words and "準" in ctx.text


def test_traditional_dataset_noun_makes_a_dataset():
    got = found(dataset_context, "實驗指出可使 Zorblax 基準成功率降至約 10%。")
    assert list(got) == ["Zorblax"] and got["Zorblax"].label == "DATASET"


def test_traditional_counted_list_keeps_its_tail_as_written():
    got = found(counted_lists, "我們介紹了三個基準數據庫，Zorb標準，藝術和聯合國教科文組織專用子集。")
    assert list(got) == ["Zorb標準"]
