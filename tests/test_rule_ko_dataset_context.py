"""rules.ko_dataset_context: Korean dataset contexts around Latin names."""
import pytest
from rulehelp import ctx_of, found

from kg.extract.rules import ko_dataset_context
from kg.extract.triggers import fires


@pytest.mark.parametrize("text, names", [
    ("ZorbQA 벤치마크에서 점수가 0.67에서 0.95로 향상되었다.", ["ZorbQA"]),
    # no space between the name and the noun: the change of script is the boundary
    ("우리는 ZorbQA데이터셋으로 학습했다.", ["ZorbQA"]),
    ("Zorbank 데이터 세트를 공개한다.", ["Zorbank"]),
    # particles join names: 와/과 ("and"), (이)나 ("or"), a comma
    ("Zorbank와 Quxal 데이터셋으로 학습했다.", ["Quxal", "Zorbank"]),
    ("Zorbank, Quxal이나 Flimset 벤치마크를 사용했다.", ["Flimset", "Quxal", "Zorbank"]),
    # evaluated on: 에서 and an evaluation word a few syllables on
    ("Quxal에서 강한 성능을 보였다.", ["Quxal"]),
    ("Zorbank-Diamond에서 평가했으며, 문제당 32개 응답을 샘플링했다.", ["Zorbank-Diamond"]),
    ("Zorbank와 Quxal에서는 정확도가 높다.", ["Quxal", "Zorbank"]),
])
def test_korean_contexts_make_datasets(text, names):
    got = found(ko_dataset_context, text)
    assert sorted(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values()), got


@pytest.mark.parametrize("text", [
    "GPT-4 벤치마크 결과를 보인다.",  # a known model before the noun names no data
    "Qwen3에서 성능이 높다.",  # a known model evaluated
    "PyTorch 데이터셋 클래스를 사용했다.",  # software
    "Zorbnet에서 발표한 모델이다.",  # 에서 with no evaluation word: "released at"
    "Zorbnet을 제안한다.",  # no context
])
def test_no_korean_dataset_context(text):
    assert not found(ko_dataset_context, text)


def test_a_particle_after_a_hangul_word_stops_the_list():
    # 과 glued to 모델 ("model and") joins no name before Zorbank
    assert list(found(ko_dataset_context, "모델과 Zorbank 데이터셋")) == ["Zorbank"]


def test_no_hangul_no_frame():
    assert not found(ko_dataset_context, "ZorbQA 데이터 on 벤치 — 我们在ZorbQA数据集上评估。")
    assert not fires(ctx_of("We evaluate on the ZorbQA benchmark."), ko_dataset_context.TRIGGERS)
