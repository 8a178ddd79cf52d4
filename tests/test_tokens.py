"""The tokenizer without a Python step per token (kg.extract.tokens) gives exactly the
tokens, "space after" flags, offsets and classes of the per-token reference below (the
tokenizer kg used before), on the seeds, the layout fixtures, the real development set
and generated strings full of the cases that differ: whitespace at either end, runs of
mixed whitespace, breaks inside words, numbers and whitespace, CJK runs, kana, Hangul,
compatibility ideographs and hexagram signs."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kg.extract.tokens import CJK, PUNCT, SPACE, WORD, token_kind, tokenize

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"

_REF_RE = re.compile(
    r"(\s*)"
    r"(?:([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]{2,})"
    r"|([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"
    r"|[^\W_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+(?:[.](?=\d)[^\W_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+)*"
    r"|\S))",
    re.U,
)


def reference_tokenize(text: str, breaks=()):
    """The per-token tokenizer the one under test replaced (same answers required)."""
    words, spaces, idx, kinds = [], [], [], []

    def gap(g, at):
        if g == " " and words:
            spaces[-1] = True
            return
        if words and g[0] == " " and not spaces[-1]:
            spaces[-1] = True
            g, at = g[1:], at + 1
        if g:
            words.append(g), spaces.append(False), idx.append(at), kinds.append(SPACE)

    pos = seg = 0
    for cut in [c for c in sorted(breaks) if 0 < c < len(text)] + [len(text)]:
        p = seg
        for g, run, tok in _REF_RE.findall(text, seg, cut):
            a = p + len(g)
            if a != pos:
                if g == " " and words and a == pos + 1:
                    spaces[-1] = True
                else:
                    gap(text[pos:a], pos)
            if run:
                words.extend(run), spaces.extend([False] * len(run))
                idx.extend(range(a, a + len(run))), kinds.extend([CJK] * len(run))
                pos = p = a + len(run)
                continue
            words.append(tok), spaces.append(False), idx.append(a), kinds.append(token_kind(tok[0]))
            pos = p = a + len(tok)
        seg = cut
    if pos < len(text):
        words.append(text[pos:]), spaces.append(False), idx.append(pos), kinds.append(SPACE)
    return words, spaces, idx, kinds


def _same(text: str, breaks=()) -> None:
    got, want = tokenize(text, tuple(breaks)), reference_tokenize(text, breaks)
    assert got == want, (text[:120], breaks)
    words, spaces, idx, _ = got
    # The tokens rebuild the text exactly.
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text


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
    assert tokenize("abcdef", (4, 2)) == tokenize("abcdef", (2, 4)) == reference_tokenize("abcdef", (2, 4))


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


def test_classes():
    words, _, _, kinds = tokenize("BERT，数据 \n")
    assert list(zip(words, kinds)) == [("BERT", WORD), ("，", PUNCT), ("数", CJK), ("据", CJK), (" \n", SPACE)]
