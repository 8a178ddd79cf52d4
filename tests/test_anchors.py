"""Token classes rules start from (kg.extract.anchors): each holds every token the
rules reading it could act on, computed once an entry."""
from __future__ import annotations

from pathlib import Path

from kg.extract.anchors import capital_words, glued_compounds, numerals
from tests.rulehelp import ctx_of

ROOT = Path(__file__).resolve().parent.parent


def _contexts():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append("We train Llama-3.1-70B and GPT-4 on CIFAR10, ImageNet 1.2M and Fig. 3a (Table S2); "
                 "使用Qwen2-Audio和Mini-Omni。The BERT model, ROUGE-L ２ and ½ shot.")
    return [ctx_of(part) for text in texts for part in text.split("\n\n") if part.strip()]


def test_numerals_hold_every_latin_word_with_a_digit():
    seen = 0
    for ctx in _contexts():
        got = numerals(ctx)
        assert got == sorted(set(got)) and set(got) <= set(ctx.latin)
        for k in ctx.latin:
            w = ctx.words[k]
            if any(c.isdigit() or c.isnumeric() for c in w):
                assert k in got, w
                seen += 1
            elif k in got:
                assert "." in w or not w.isalpha()
        assert numerals(ctx) is got  # computed once an entry
    assert seen > 50


def test_glued_compounds_and_capital_words():
    glued = caps = 0
    for ctx in _contexts():
        assert glued_compounds(ctx) == [(i, j) for i, j in ctx.compounds if j - i >= 3]
        want = [i for i, j in ctx.compounds if j == i + 1 and ctx.words[i][:1].isupper()]
        assert capital_words(ctx) == want
        glued += len(glued_compounds(ctx))
        caps += len(want)
    assert glued > 10 and caps > 50
