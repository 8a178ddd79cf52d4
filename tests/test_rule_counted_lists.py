"""rules.counted_lists: a counted dataset noun introduces its list, up to the count."""
from rulehelp import found

from kg.extract.rules import counted_lists


def test_english_count_and_colon():
    got = found(counted_lists, "We evaluate on three new benchmark datasets: Zorblax, Quintar-7 and Frobnik.")
    assert sorted(got) == ["Frobnik", "Quintar-7", "Zorblax"]
    assert all(c.label == "DATASET" and c.force_label for c in got.values())


def test_count_bounds_the_list():
    got = found(counted_lists, "We use two datasets: Zorblax, Quintar, Frobnik and Blemish.")
    assert sorted(got) == ["Quintar", "Zorblax"]


def test_no_intro_punctuation_no_list():
    # "two datasets Zorblax …" without a colon or comma is no announced list.
    assert not found(counted_lists, "We collected two datasets and Zorblax was trained on them.")


def test_noun_must_be_a_dataset_noun():
    assert not found(counted_lists, "We propose two models: Zorblax and Quintar.")


def test_chinese_list_keeps_translated_tail():
    got = found(counted_lists, "我们介绍了三个基准数据库，Zorb标准，艺术和联合国教科文组织专用子集，图中的数据集。")
    # The items without a Latin letter are everyday words as often as names: left out.
    assert list(got) == ["Zorb标准"]


def test_chinese_colon_and_enumeration_comma():
    got = found(counted_lists, "在2个数据集：Zorblax、Quintar上进行实验。")
    # The last item runs into the sentence: its Chinese tail is not part of the name.
    assert sorted(got) == ["Quintar", "Zorblax"]


def test_chinese_count_without_dataset_noun():
    # A model noun after a comma opens no list, and no dataset list either.
    assert not found(counted_lists, "我们提出了三个模型，Zorblax，Quintar和Frobnik。")


def test_parenthesised_list_after_a_counted_noun():
    got = found(counted_lists, "在三个基准数据集（Zorblax、Quintar和Frobnik）上的实验表明方法有效。")
    assert sorted(got) == ["Frobnik", "Quintar", "Zorblax"]
    got = found(counted_lists, "We use two datasets (Zorblax and Quintar) for testing.")
    assert sorted(got) == ["Quintar", "Zorblax"]


def test_a_contribution_cue_makes_the_list_the_papers_own():
    got = found(counted_lists, "We introduce two new datasets: Zorblax and Quintar.")
    assert all(c.proposed for c in got.values())
    got = found(counted_lists, "Prior work used two datasets: Zorblax and Quintar.")
    assert not any(c.proposed for c in got.values())


def test_chinese_counted_model_noun_lists_models():
    got = found(counted_lists, "比较4种免费LLM（Zorblax 3.5、Quintar v2、Frob Expert AI）的反馈质量。")
    assert sorted(got) == ["Frob Expert AI", "Quintar v2", "Zorblax 3.5"]
    assert all(c.label == "MODEL" and not c.force_label for c in got.values())
    got = found(counted_lists, "定量评估两种专用临床AI工具（Zorblax和Quintar Expert AI）的表现。")
    assert sorted(got) == ["Quintar Expert AI", "Zorblax"]


def test_an_example_word_opening_the_list_is_not_part_of_the_name():
    got = found(counted_lists, "选取5个前沿大语言模型（包括Zorblax 4及其他推理优化模型）进行测试。")
    assert list(got) == ["Zorblax 4"]


def test_a_comma_after_a_chinese_model_noun_opens_no_list():
    assert not found(counted_lists, "我们比较了两个模型，发现Zorblax更好。")


def test_a_listed_item_covers_a_shape_guess_inside_it_but_not_a_known_name():
    from kg.extract.rules import shapes

    got = found(counted_lists, "两种工具（ZorbTool Expert Mode和Llama-3-8B）。")
    assert got["ZorbTool Expert Mode"].covers and not got["Llama-3-8B"].covers
    assert "ZorbTool" in found(shapes, "两种工具（ZorbTool Expert Mode和Llama-3-8B）。")


def test_a_list_that_runs_to_the_end_of_the_entry():
    # No closing bracket, no full stop: the last item ends with the text.
    assert sorted(found(counted_lists, "比较两种工具（Zorblax、Quintar")) == ["Quintar", "Zorblax"]
    assert sorted(found(counted_lists, "在2个数据集：Zorblax、Quintar")) == ["Quintar", "Zorblax"]


def test_a_count_above_ten_bounds_its_list_too():
    got = found(counted_lists, "选取21个前沿大语言模型（包括Zorblax 4及其他推理优化模型）进行测试。")
    assert list(got) == ["Zorblax 4"]
