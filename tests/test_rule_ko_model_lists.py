"""rules.ko_model_lists: Latin names a Korean list gives as examples of models."""
import pytest
from rulehelp import ctx_of, found

from kg.extract.entities import entities_in
from kg.extract.rules import gazetteer, ko_model_lists


@pytest.mark.parametrize(
    "text, names",
    [
        ("또한 Zorbix 1, Quxal 3.0, Flim-Image 같은 상용 모델과 비교해도 우위를 보였다.", ["Flim-Image", "Quxal 3.0", "Zorbix 1"]),
        ("추가로 Zorb-Base, Quxal-Small-24B 등 다양한 모델과 SFT 대조 실험을 했다.", ["Quxal-Small-24B", "Zorb-Base"]),
        ("Zorbnet 등의 reasoning 모델에서 긴 추론이 나타난다.", ["Zorbnet"]),
        ("ZorbLM, QuxLM 등 다양한 아키텍처를 자동 감지한다.", ["QuxLM", "ZorbLM"]),
    ],
)
def test_a_korean_list_of_models(text, names):
    got = found(ko_model_lists, text)
    assert sorted(got) == names and all(c.label == "MODEL" and c.used for c in got.values()), got


@pytest.mark.parametrize(
    "text",
    [
        "Zorbnet 같은 범용 라우팅 대신 글로벌 경로 계획이 가능하다.",  # no model noun: routing
        "ZorbEval이나 Quxal-Bench 같은 구조적 평가 방식은 고정된 템플릿에 의존한다.",  # an evaluation method
        "Zorbnet 등장 이후 많은 모델이 나왔다.",  # 등 inside a word (등장, "appearance")
        "Zorbnet 같은 방법이 있다. 모델은 작다.",  # the model noun is in the next sentence
        "ZRB 같은 모델을 썼다.",  # a lone bare acronym is jargon
        "Zorbnet, such as models like Quxal.",  # no Korean at all
    ],
)
def test_no_korean_list_of_models(text):
    assert not found(ko_model_lists, text)


def test_a_known_family_opens_its_product_name():
    # "GPT Image 1" after a sentence's end: the product holds the family's name, and the
    # family's own match inside it is no separate mention.
    text = "모든 항목에서 우위를 보였다. GPT Image 1, Zorbdream 3.0 같은 상용 모델과 비교했다."
    names = {e.name: e.label for e in entities_in(ctx_of(text))}
    assert names.get("GPT Image 1") == "MODEL" and "GPT" not in names, names
    assert found(ko_model_lists, text, prior_rules=(gazetteer,)).keys() == {"GPT Image 1", "Zorbdream 3.0"}


def test_a_known_item_does_not_take_the_known_word_before_it():
    text = "결과를 보였다. CLIP ViT-L, Zorbnet 같은 모델을 비교했다."
    names = {e.name for e in entities_in(ctx_of(text))}
    assert {"CLIP", "Zorbnet"} <= names and not any(n.startswith("CLIP ") for n in names), names


def test_a_list_holding_a_dataset_is_left():
    text = "ImageNet, Zorbset 같은 모델 학습 데이터를 썼다."
    assert not found(ko_model_lists, text, prior_rules=(gazetteer,))
