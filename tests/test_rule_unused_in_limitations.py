"""rules.unused_in_limitations: a model a limitations section says was not used is vetoed."""
from kg.extract.entities import find_entities
from kg.records import Span

CARD = """## 🏗️ 模型架构

输入音频经WavLM提取自监督表示，再送入Zorbformer检测器。

## ⚠️ 局限与未解决问题

仅分析三个WavLM检测器，未涵盖其他架构（如ResNet、LSTM）。未与其他非自回归TTS方法（如FastSpeech）对比；仅在 LLaMA 上验证。
"""


def _models(text):
    models, _ = find_entities(text, [Span(0, len(text))])
    return {m.name for m in models}


def test_names_a_limitation_negates_are_vetoed():
    got = _models(CARD)
    assert not {"ResNet", "FastSpeech"} & got


def test_names_used_elsewhere_or_without_a_negation_stay():
    got = _models(CARD)
    assert {"WavLM", "LLaMA"} <= got  # WavLM is the method's; "仅在 LLaMA 上验证" used it


def test_english_limitations_and_no_section():
    text = "We propose Zorbformer.\n\nLimitations:\nThe study does not compare with FastSpeech.\n"
    assert "FastSpeech" not in _models(text)
    # the same sentence outside a limitations section is left to the other rules
    assert "FastSpeech" in _models("We propose Zorbformer and compare with FastSpeech; we do not tune it.")
