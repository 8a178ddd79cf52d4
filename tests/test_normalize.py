"""kg.text.normalize: one comparison form for names, spaced or squashed."""
import pytest

from kg.extract.nlp import _squash
from kg.text import normalize


@pytest.mark.parametrize(
    "a, b",
    [("Llama 2", "LLaMA-2"), ("ＢＥＲＴ", "BERT"), ("Pérez-Net", "pereznet"), ("GPT‐4 o", "gpt-4o"), ("T5_XL", "t5.xl")],
)
def test_squashed_forms_agree(a, b):
    assert normalize(a, squash=True) == normalize(b, squash=True)


@pytest.mark.parametrize("a, b", [("DINO++", "DINO"), ("C-Eval", "CEval2"), ("A/B", "AB")])
def test_squashing_keeps_other_punctuation(a, b):
    assert normalize(a, squash=True) != normalize(b, squash=True)


def test_spaced_form():
    assert normalize("  Université Paris-Saclay & CNRS ") == "universite paris saclay and cnrs"


def test_extraction_key_is_the_shared_normalize():
    assert _squash("ＬＬａＭＡ 2") == normalize("llama-2", squash=True) == "llama2"


def test_hangul_survives_accent_stripping():
    assert normalize("한국어 BERT", squash=True) == "한국어bert"
