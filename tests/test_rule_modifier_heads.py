"""rules.modifier_heads: a shape-only name before a noun of a non-model thing is vetoed."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import acronyms, modifier_heads, shapes
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("We mask 15% of all ZorbPiece tokens in each sequence.", "ZorbPiece"),
        ("Performance of irregular QDPC codes is bounded away from capacity.", "QDPC"),
        ("We evaluate it in the BEC and the ZWGN channel.", "ZWGN"),
        ("We use ZEAT Tests 6, 7, and 8.", "ZEAT"),
        ("The QDR-SB score had the highest variance.", "QDR-SB"),
        ("We regularize the model by using QZ9-weight decay.", "QZ9-weight"),
        ("All runs use an NVIDIA GTX ZitanX GPU.", "ZitanX"),  # hardware_words
        ("It tackles the ZISR problem with sparse codes.", "ZISR"),
        ("It wins all nine real-robot NeoZeal tasks.", "NeoZeal"),
    ],
)
def test_a_guessed_name_before_a_thing_noun_is_vetoed(text, name):
    got = found(modifier_heads, text, prior_rules=(shapes,))
    assert set(got) == {name} and got[name].label == GENERIC


@pytest.mark.parametrize(
    "text",
    [
        "We train ZorbNet on images and ZorbNet beats them.",  # no head noun after it
        "RePAQ models can be compressed to smaller sizes.",  # a plural kind: a model trained several times
        "We use LaBSE embeddings for alignment.",  # embeddings are a model's output
        "ZorbNet. Tokens are masked at random.",  # the noun opens the next sentence
        "We mask all BERT tokens.",  # a known name keeps its evidence
        "We use the ZorbLU activation in every block.",  # activation functions are methods
    ],
)
def test_other_names_are_left_alone(text):
    assert not found(modifier_heads, text, prior_rules=(shapes,))


def test_the_veto_reaches_the_reported_models():
    text = "ZorbNet beats LaBSE. We mask 15% of all ZorbPiece tokens."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert {m.name for m in models} == {"ZorbNet", "LaBSE"}


def test_a_defined_acronym_before_a_thing_noun_is_vetoed():
    text = "MGDA leverages the Karush-Kuhn-Tucker (KKT) conditions, which hold at optima."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert "KKT" not in {m.name for m in models}


@pytest.mark.parametrize("text", [
    "The ZorbMUP (Automatic Meaning Unit Pyramid) method is proposed. ZorbMUP clusters the meaning units.",
    "An LSTM encodes the per-timestep ZiLM encoding of the state.",  # a method's output names the method
    "Temporal-Denoising Zonsistency (TDZ) regularization is introduced.",  # a named regularization is a method
])
def test_verbs_and_method_outputs_after_a_name_are_no_thing_nouns(text):
    assert not found(modifier_heads, text, prior_rules=(shapes, acronyms))


@pytest.mark.parametrize(
    "text, name",
    [
        ("大部分的模型都是ZorbBuf格式的", "ZorbBuf"),
        ("使用ZorbSSL库与远程数据库建立安全通道", "ZorbSSL"),
        ("对于ZorbLite文件，其通常会有一个版本号", "ZorbLite"),
    ],
)
def test_a_chinese_noun_of_no_model_makes_a_modifier(text, name):
    got = found(modifier_heads, text, prior_rules=(shapes,))
    assert name in got and got[name].label == GENERIC


@pytest.mark.parametrize("text", ["我们提出ZorbNet编码器", "ZorbNet模型优于基线", "ZorbNet在COCO上表现最好"])
def test_a_chinese_model_noun_or_other_text_leaves_the_name(text):
    assert not found(modifier_heads, text, prior_rules=(shapes,))
