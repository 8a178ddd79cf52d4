"""Names a limitations section says the paper did not use are not the paper's:
``## ⚠️ 局限与未解决问题`` … ``未与其他非自回归TTS方法（如FastSpeech）对比``, ``未涵盖其他架构
（如ResNet、LSTM）``, ``Limitations: does not compare with VITS``.

LLM-written paper cards end with a limitations section that lists what the authors left
out, naming models the paper never ran. A model every mention of which stands in a
clause with a negation (``kg/data/rules/negation_words.txt``) inside a section under a
limitations heading (``kg/data/rules/limitation_section_heads.txt``) is vetoed for the
entry. A name the card also mentions elsewhere (its method or results) is left alone,
and so is one a limitation names without a negation ("仅在 LLaMA 上验证": it was used).
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.rules.data_sections import sections
from kg.extract.vocab import phrases

NAME = "limitations"
_CLAUSE = re.compile(r"[。；;！？!?\n]|[,，](?=\s*\S)|\.(?=\s)")


def _clause(text: str, a: int, b: int, lo: int, hi: int) -> str:
    """The clause around ``text[a:b]`` within ``lo:hi``."""
    start = max([m.end() for m in _CLAUSE.finditer(text, lo, a)], default=lo)
    m = _CLAUSE.search(text, b, hi)
    return text[start: m.start() if m else hi]


def _negated(clause: str) -> bool:
    low = clause.lower()
    latin = set(re.findall(r"[a-z]+", low))
    return any(n in low if not n.isascii() else n in latin for n in phrases("negation_words"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    # Most entries have no limitations section: look for a heading word first.
    low = ctx.text.lower()
    if not prior or not any(h in low for h in phrases("limitation_section_heads")):
        return []
    spans = sections(ctx.text, "limitation_section_heads", prefix=True)
    if not spans:
        return []
    out = []
    for e in prior:
        if e.label != "MODEL":
            continue
        ok = True
        for a, b in e.spans:
            sec = next(((x, y) for x, y in spans if x <= a and b <= y), None)
            if sec is None or not _negated(_clause(ctx.text, a, b, *sec)):
                ok = False
                break
        if ok and e.spans:
            a, b = e.spans[0]
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
