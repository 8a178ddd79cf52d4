"""rules.data_sections: name shapes under an entry's data heading are datasets."""
from kg.extract.entities import find_entities
from kg.extract.rules import data_sections
from kg.records import Span

CARD = """🎯 论文内容

提出了一个基于 Zorbformer 的导航框架，在 GazeboSim 中验证。

📊 数据集

使用的数据集包括：GazeboSim的高保真模拟数据；以及 Manga109 的角色命名任务 M109NC。

📈 对比分析

与 Zorbformer 相比，方法在 M109NC 上更好。"""


def _names(text):
    models, datasets = find_entities(text, [Span(0, len(text))])
    return {m.name for m in models}, {d.name for d in datasets}


def test_sections_run_from_the_heading_to_the_next_heading():
    (a, b), = data_sections.sections(CARD)
    assert CARD[a:b].strip().startswith("使用的数据集包括") and "对比分析" not in CARD[a:b]


def test_markdown_headings_and_field_lines():
    text = "## 🏗️ 模型架构\n\nZorbNet 编码器。\n\n## 📚 数据集\n\n- SO-QA（训练，2.1M问答对）\n\n## 📊 实验结果\n"
    (a, b), = data_sections.sections(text)
    assert "SO-QA" in text[a:b] and "ZorbNet" not in text[a:b]
    field = "Method: ZorbNet, a tagger.\nDatasets: FooBank and BarSet.\nResults: better."
    (a, b), = data_sections.sections(field)
    assert field[a:b] == "FooBank and BarSet."
    # a sentence that mentions data is no heading
    assert not data_sections.sections("We release the data.\nZorbNet wins.")


def test_names_listed_under_the_heading_are_datasets():
    models, datasets = _names(CARD)
    assert {"GazeboSim", "M109NC"} <= datasets and not {"GazeboSim", "M109NC"} & models
    assert "Zorbformer" in models  # the method section's name keeps its kind


def test_models_devices_and_instruments_in_the_section_stay_what_they_are():
    text = ("📊 数据集\n\n评测覆盖 GPT、Llama、Qwen、SmolLM 等模型族；实验数据来自IMETA-Y1机器人，配备DM-Tac W2触觉传感器；"
            "通过 Opus-MT 进行回译形成翻译链。\n")
    models, datasets = _names(text)
    assert not {"SmolLM", "IMETA-Y1", "DM-Tac", "Opus-MT"} & datasets
    assert "SmolLM" in models and "Opus-MT" in models
