"""rules.ko_dataset_context: a Korean dataset noun right after Latin names."""
import pytest
from rulehelp import ctx_of, found

from kg.extract.entities import entities_in
from kg.extract.rules import ko_dataset_context


@pytest.mark.parametrize(
    "text, names",
    [
        ("또한 ZorbEval 벤치마크에서 점수가 0.67에서 0.95로 향상되었다.", ["ZorbEval"]),
        ("우리는 ZorbQA, QuxQA 데이터셋으로 평가했다.", ["QuxQA", "ZorbQA"]),
        ("새 Zorbank코퍼스를 공개했다.", ["Zorbank"]),
    ],
)
def test_a_korean_dataset_noun_after_names(text, names):
    got = found(ko_dataset_context, text)
    assert sorted(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values()), got


@pytest.mark.parametrize(
    "text",
    [
        "또한 GPT-4o, ZorbLM 벤치마크 결과를 보였다.",  # a known model in the list: its results
        "또한 ZRB 벤치마크에서 평가했다.",  # a lone bare acronym is jargon
        "또한 ZorbNet 모델을 학습했다.",  # a model noun
        "ZorbEval benchmark results are shown.",  # no Korean
    ],
)
def test_no_korean_dataset_context(text):
    assert not found(ko_dataset_context, text)


def test_the_dataset_noun_types_a_name_another_rule_guessed_a_model():
    text = "기존 방법과 비교했다. 또한 ZorbEval 벤치마크에서 SD3.5-M 기준 점수가 향상되었다."
    names = {e.name: e.label for e in entities_in(ctx_of(text))}
    assert names.get("ZorbEval") == "DATASET", names
