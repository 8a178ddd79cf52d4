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


def _reference_sentences(words, ws):
    """Sentence numbers by a test of every token (what Context.sent must equal)."""
    n, ends = len(words), frozenset(("。", "！", "？", "；", "!", "?", ";"))
    closes = [t in ends or "\n" in t or (t == "." and (ws[i] or i + 1 == n or words[i + 1].startswith("\n")))
              for i, t in enumerate(words)]
    out, s = [], 0
    for c in closes:
        out.append(s)
        s += c
    return out


def _reference_compounds(ctx):
    """Glued runs found by a step over every token (what Context.compounds must equal)."""
    out, i, n, w = [], 0, len(ctx.words), ctx.words
    while i < n:
        if not ctx.is_word(i) or not ctx.in_region[i]:
            i += 1
            continue
        j = i + 1
        while j + 1 < n and not ctx.ws[j - 1] and w[j] in ("-", "_", "+") and not ctx.ws[j] and ctx.is_word(j + 1):
            j += 2
        out.append((i, j))
        i = j
    return out


def test_sentences_and_compounds_match_a_step_over_every_token():
    extra = ["Ends here. Next line\n\nand. More.\nx . y.", " \n. lead", "3.5 and e.g. ok.", "句子。下一句！"]
    for ctx in _contexts() + [ctx_of(t) for t in extra]:
        assert list(ctx.sent) == _reference_sentences(ctx.words, ctx.ws)
        assert list(ctx.compounds) == _reference_compounds(ctx)


def test_after_cjk():
    from kg.extract.anchors import after_cjk
    from kg.extract.nlp import CJK

    found = 0
    for ctx in _contexts():
        want = [k for k in ctx.latin if k and ctx.kinds[k - 1] == CJK]
        assert after_cjk(ctx) == want
        found += len(want)
    assert found > 10
