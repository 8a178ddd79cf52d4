"""Japanese and Korean particles glued to a Latin name are no part of it (kg.extract.nlp)."""
import pytest

from kg.extract.entities import find_entities
from kg.extract.nlp import CJK, tokenize
from kg.records import Span


def _names(text):
    models, datasets = find_entities(text, [Span(0, len(text))])
    return {m.name for m in models}, {d.name for d in datasets}


def test_kana_are_cjk_tokens():
    words, _, _, kinds = tokenize("ZorbNetを提案")
    assert words[:2] == ["ZorbNet", "を"] and kinds[1] == CJK


@pytest.mark.parametrize("text, model", [
    ("本研究では、新しいエージェントフレームワークZorbAgentを提案する。", "ZorbAgent"),
    ("ZorbNetを提案し、GPT-4oと比較した。", "GPT-4o"),
    ("BERT는 좋은 모델이다.", "BERT"),
])
def test_particles_stay_outside_names(text, model):
    models, _ = _names(text)
    assert model in models and not any(n != model and n.startswith(model) for n in models)


def test_a_katakana_dataset_word_after_a_name():
    _, datasets = _names("WebArenaベンチマークで評価した。")
    assert "WebArena" in datasets
