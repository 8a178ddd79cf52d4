"""Japanese frames around a Latin model name: ``ZorbNet を提案する`` (we propose
ZorbNet), ``提案手法 Zorb は`` (the proposed method Zorb), ``GPT-4o と比較`` (compared
with GPT-4o), ``Llama に基づく`` (based on Llama).

Japanese prose writes a system's name in Latin letters and says what the paper does with
it in the particles and verb after it (``kg/data/rules/proposed_after_ja.txt``: を提案,
と呼ぶ, …; ``used_after_ja.txt``: と比較, を上回る, に基づく, …) or in the noun phrase
before it (``proposed_before_ja.txt``: 提案手法, 提案モデル). The name is the Latin
compound right before or after the phrase (a space may stand between: Japanese text
often spaces Latin words off), read as a name by :func:`~kg.extract.rules.items.name_item`. Frames
that take data as readily ("X を用いて", using X) are left to the dataset rules.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.rules.items import name_item
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases

NAME = "ja-frame"

#: A Japanese proposing or comparing phrase in the text.
TRIGGERS = Triggers(cjk=True, text=lambda: (*phrases("proposed_after_ja"), *phrases("used_after_ja"),
                                            *phrases("proposed_before_ja")))
#: Tokens after a name within which a frame's phrase is looked for (a kana is a token).
REACH = 8


_COPULAS = ("である", "の")


def _start(ctx: Context, i: int) -> int:
    """Start of the Latin name whose last compound starts at ``i``: capitalised words
    before it, spaced, belong to it ("Zorb Mixer を提案")."""
    while i >= 1 and ctx.ws[i - 1] and ctx.kinds[i - 1] == WORD and ctx.words[i - 1][:1].isupper():
        i = ctx.compound_start.get(i, i - 1)
    return i


def _after_before_phrase(ctx: Context, k: int, before: tuple[str, ...]) -> bool:
    """A phrase of ``before`` ends right before token ``k`` ("提案手法 Zorb"), a copula
    at most between ("提案モデルである Zorb")."""
    head = ctx.joined(max(0, k - REACH), k).strip()
    for c in _COPULAS:
        if head.endswith(c):
            head = head[: -len(c)]
            break
    return head.endswith(before)


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk:
        return []
    after, used, before = phrases("proposed_after_ja"), phrases("used_after_ja"), phrases("proposed_before_ja")
    # Chinese entries hold CJK too: one scan of the text for the phrases spares a look
    # after every Latin word of an entry that has none of them.
    if not any(p in ctx.text for p in (*after, *used, *before)):
        return []
    out = []
    for i, j in ctx.compounds:
        follow = ctx.joined(j, j + REACH).lstrip()
        proposed = follow.startswith(after)
        if not proposed and not follow.startswith(used):
            continue
        i = _start(ctx, i)
        if not name_item(ctx, i, j):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, ctx.stext(i, j), NAME, "MODEL", proposed=proposed, used=not proposed))
    for k in ctx.latin_after(before, 4):
        j = ctx.compound_end.get(k)
        if j is None or not _after_before_phrase(ctx, k, before):
            continue
        j = ctx.extend_title_case(j)
        if not name_item(ctx, k, j):
            continue
        a, b = ctx.span(k, j)
        out.append(Candidate(a, b, ctx.stext(k, j), NAME, "MODEL", proposed=True))
    return out
