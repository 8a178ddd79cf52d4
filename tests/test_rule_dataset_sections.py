"""rules.dataset_sections: the names opening the bullets of a datasets section are datasets."""
from rulehelp import found

from kg.extract.rules import dataset_sections

ZH = """## 🏗️ 模型架构

- Zorb-Encoder（卷积层）

## 📚 数据集

- Zorb-Dataset（训练，400K 音频片段）
- Zorb-QA（训练，2.1M 空间问答对）
- 域外文本（来自新闻、维基百科等）
- LJZorb
- Data from the web, filtered
- GPT-4（评估）

## 📊 实验结果

- QuintarX（一个结果）"""


def test_bullet_names_under_a_datasets_heading_are_datasets():
    got = found(dataset_sections, ZH)
    assert list(got) == ["Zorb-Dataset", "Zorb-QA", "LJZorb"]
    assert all(c.label == "DATASET" and c.force_label for c in got.values())


def test_an_english_field_heading_and_its_bullets():
    text = "**Datasets:**\n* MELD-Zorb: multilingual speech\n* VCZorb - many speakers\nSome prose follows.\n* Later（x）"
    assert list(found(dataset_sections, text)) == ["MELD-Zorb", "VCZorb"]


def test_no_heading_no_section():
    assert not found(dataset_sections, "Our datasets are many.\n- Zorbnet（训练）\n- Quintar")
