"""The tokenizer's contract (kg.extract.tokens), checked on the seeds, the layout
fixtures, the real development set and generated strings full of its edge cases:
whitespace at either end, runs of mixed whitespace, breaks inside words, numbers and
whitespace, CJK runs, kana, Hangul, compatibility ideographs and hexagram signs."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.extract.tokens import CJK, PUNCT, SPACE, WORD, token_kind, tokenize

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"

def _same(text: str, breaks=()) -> None:
    """The tokenizer's contract, checked on ``text``: the tokens and their "space after"
    rebuild it, offsets are exact, whitespace tokens hold only whitespace, classes follow
    the first character, CJK characters stand alone, no token spans a break, and Latin
    runs are maximal (two never touch without a break between them)."""
    words, spaces, idx, kinds = tokenize(text, tuple(breaks))
    assert len(words) == len(spaces) == len(idx) == len(kinds)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text
    cuts = {c for c in breaks if 0 < c < len(text)}
    for k, (w, s, a, kind) in enumerate(zip(words, spaces, idx, kinds)):
        assert w and text[a:a + len(w)] == w
        if w.isspace():
            assert kind == SPACE and not s
        else:
            assert not any(c.isspace() for c in w)
            assert kind == token_kind(w[0])
            assert not any(a < c < a + len(w) for c in cuts), (w, cuts)
            if kind == CJK:
                assert len(w) == 1
        if k and kind == WORD and kinds[k - 1] == WORD and not spaces[k - 1]:
            assert a in cuts, (words[k - 1], w)  # two Latin runs touch only at a break
    if text[:1].isspace():
        assert words[0].isspace()  # leading whitespace is a token, never a "space after"


EDGE = [
    "", " ", "  ", "\n", " \n ", "a", " a", "  a", "\ta", "a ", "a  ", "a \n", "a\n", " a b  c\n\nd \t e ",
    "BERT 和 GPT-4 在 3.5 版本", "使用CubeMLP提取", "ZorbNetを提案", "BERT는", "\uf900\uf901ab\uf902", "ab\uf900",
    "䷀䷁ x", "v1.2.3 and 3.", "3.a", "x\u3000y", " \u3000y", "a\u00a0 b", "e.g. 1.5x", "__init__ _x_", "Ω Σ ΑΣ",
    "İstanbul", "x\x00y", "x\x1cy", "…Vision TransformersViT自适应…",
]


@pytest.mark.parametrize("text", EDGE)
def test_edge_strings(text):
    _same(text)
    for c in range(len(text) + 1):
        _same(text, (c,))
    _same(text, tuple(range(len(text) + 1)))


def test_generated_strings():
    rng = random.Random(15)
    alphabet = list("ab Z9.,-_ \n\t\u3000") + ["数", "据", "を", "는", "\uf900", "䷀", "3.5", "  ", " \n"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        breaks = tuple(rng.sample(range(len(text) + 2), k=min(len(text) + 2, rng.randint(0, 3))))
        _same(text, breaks)


def test_unsorted_breaks_are_read_in_order():
    assert tokenize("abcdef", (4, 2)) == tokenize("abcdef", (2, 4))
    assert tokenize("abcdef", (2, 4))[0] == ["ab", "cd", "ef"]


def _texts() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    manifest = REAL / "sources.tsv"
    if manifest.is_file():
        rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
        paths += [REAL / "inputs" / r[0] for r in rows if r[8] == "dev" and (REAL / "inputs" / r[0]).is_file()]
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def test_same_tokens_on_seeds_fixtures_and_real_dev_set():
    texts = _texts()
    assert len(texts) > 10
    rng = random.Random(7)
    for text in texts:
        for part in text.split("\n\n"):
            breaks = tuple(sorted(rng.sample(range(len(part) + 1), k=min(len(part) + 1, 3))))
            _same(part)
            _same(part, breaks)


def test_examples():
    assert tokenize("使用CubeMLP提取")[0] == ["使", "用", "CubeMLP", "提", "取"]
    assert tokenize("v1.2.3 and 3.")[0] == ["v1.2.3", "and", "3", "."]
    words, spaces, _, _ = tokenize("a  b\n c ")
    assert words == ["a", " ", "b", "\n ", "c", " "] and spaces == [True, False, False, False, False, False]
    assert tokenize("TransformersViT", (12,))[0] == ["Transformers", "ViT"]


def test_classes():
    words, _, _, kinds = tokenize("BERT，数据 \n")
    assert list(zip(words, kinds)) == [("BERT", WORD), ("，", PUNCT), ("数", CJK), ("据", CJK), (" \n", SPACE)]
