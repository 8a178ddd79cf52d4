"""rules.zh_model_lists: items a Chinese enumeration lists with models are models."""
from kg.extract.entities import find_entities
from kg.records import Span


def _names(text):
    models, datasets = find_entities(text, [Span(0, len(text))])
    return {m.name for m in models}, {d.name for d in datasets}


def test_an_item_listed_with_a_known_model():
    models, _ = _names("显著优于现有开源模型，如Qwen2-Audio和Mini-Omni，在空间定位上提升。")
    assert {"Qwen2-Audio", "Mini-Omni"} <= models


def test_an_item_listed_with_two_found_models():
    models, _ = _names("对三个检测器（AASIST、CA-MHFA、SLS）计算集成梯度。")
    assert "SLS" in models


def test_weak_or_data_lists_add_nothing():
    models, datasets = _names("加权损失（BCE、Huber、WBCE）用于训练。")
    assert not {"BCE", "Huber"} & models  # one guessed name anchors no list
    models, datasets = _names("在MMLU、Zorbset和GSM8K上评估GPT-4o。")
    assert "Zorbset" not in models  # a list of datasets
    models, _ = _names("结合LLM、RAG和检索工具")
    assert not {"LLM"} & models
