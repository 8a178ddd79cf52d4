"""Categories of methods: ``different LSOD methods``, ``various RAG approaches``,
``不同LSOD方法``.

A bare acronym between a quantifier (``kg/data/rules/category_quantifiers.txt``) and a
plural kind noun (``category_kinds.txt``: methods, approaches; 方法, 算法) names a category of
methods — a task or a kind (low-shot object detection) — not one method: a veto for
the entry. Known names are exempt ("existing DETR methods" are built on DETR).
"""
from __future__ import annotations

import functools
import re

from kg.extract.anchors import capital_words
from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases

NAME = "category"

#: A quantifier before the acronym, an English word or Chinese in the text.
TRIGGERS = Triggers(words=lambda: _vocab()[0], text=lambda: _vocab()[1])
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}s?")


@functools.cache
def _vocab() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """English quantifiers, Chinese quantifiers, English kinds, Chinese kinds."""
    quant, kinds = phrases("category_quantifiers"), phrases("category_kinds")
    return (frozenset(q for q in quant if q.isascii()), tuple(q for q in quant if not q.isascii()),
            frozenset(k for k in kinds if k.isascii()), tuple(k for k in kinds if not k.isascii()))


def find(ctx: Context, prior=()) -> list[Candidate]:
    quant_en, quant_zh, kinds_en, kinds_zh = _vocab()
    if quant_en.isdisjoint(ctx.lower) and not any(q in ctx.text for q in quant_zh):
        return []
    n, gaz = len(ctx.words), gazetteer()
    out = []
    for i in capital_words(ctx):
        j = i + 1
        if j - i != 1 or not ctx.words[i][:1].isupper():
            continue
        en = (i > 0 and ctx.lower[i - 1] in quant_en and ctx.ws[i - 1] and j < n and ctx.ws[j - 1]
              and ctx.lower[j] in kinds_en)
        zh = not en and i > 0 and not ctx.ws[i - 1] and ctx.joined(i - 3, i).replace(" ", "").endswith(quant_zh) \
            and ctx.joined(j, j + 3).lstrip().startswith(kinds_zh)
        if (en or zh) and _ACRONYM.fullmatch(ctx.words[i]) and not gaz.known(ctx.words[i]):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, ctx.words[i], NAME, GENERIC, yields=NEVER))
    return out
