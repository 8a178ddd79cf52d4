"""A set of data that belongs to a name makes the name a dataset, in Chinese and
Japanese: ``BIRD の難問セット`` ("BIRD's hard-question set"), ``Zorb的困难子集`` — a part
of the data (子集, 测试集, セット), not 数据集, which a task has too ("ZSD的数据集").

The possessive (の, 的) stands right after the name; only ideographs and katakana — the
set's modifiers — may stand between it and the set noun (``kg/data/rules/set_nouns_cjk.txt``),
so a particle or a clause in between ("X の結果を…セット") breaks the phrase. Known
models are left as they are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer
from kg.extract.rules.items import name_item
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases

NAME = "context"

#: The frame ends in a noun of a set of data (``set_nouns_cjk``) after の or 的.
TRIGGERS = Triggers(cjk=True, text=lambda: phrases("set_nouns_cjk"))
#: Modifier characters between the possessive and the set noun ("難問", "困难").
MAX_MODIFIERS = 6


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(x) for x in sorted(phrases("set_nouns_cjk"), key=len, reverse=True))
    return re.compile(rf"[ \t]*(?:の|的)[ \t]*([\u4e00-\u9fff\u30a0-\u30ff]{{0,{MAX_MODIFIERS}}}?)(?:{nouns})")


#: Characters that end a Chinese noun phrase: a preposition, a conjunction, a locative
#: ("Zorb的方法在数据集上" says where the method runs, not whose set it is).
_BREAKS = frozenset("在上中和与及对于用")


def _modifiers_only(mods: str) -> bool:
    return not any(c in _BREAKS for c in mods) and not any(m in mods for m in phrases("model_words_zh"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk or not ("の" in ctx.text or "的" in ctx.text):
        return []
    pat = _pattern()
    gaz = gazetteer()
    out = []
    for i, j in ctx.compounds:
        if not ctx.in_region[i]:
            continue
        m = pat.match(ctx.text, ctx.end(j - 1))
        if m is None or not _modifiers_only(m.group(1)):
            continue
        # A possessive after a kana run ("セット の") is no name's.
        if not ctx.words[i][:1].isascii() or not name_item(ctx, i, j):
            continue
        a, b = ctx.span(i, j)
        known = gaz.known(ctx.text[a:b])
        if known is not None and known[0] != "DATASET":
            continue
        out.append(Candidate(a, b, ctx.text[a:b], NAME, "DATASET", force_label=True))
    return out


__all__ = ["find", "NAME"]
