"""Acronyms of the title: ``Neural Fitted Q Iteration`` … ``NFQ attempts to …``.

A digest often calls a paper's method by the initials of its title. A bare acronym in
the text (capitals, three letters at least, unknown, not generic) whose letters are the
initials of the title's first content words, in order, names what the title names: the
paper's own method. Small words ("for", "of") are skipped, as acronyms skip them.
"""
from __future__ import annotations

import re

from kg.extract.anchors import capital_words
from kg.extract.candidate import TO_GAZETTEER, Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.nlp import gazetteer
from kg.extract.vocab import words

NAME = "acronym"
_ACRONYM = re.compile(r"[A-Z]{3,6}")


def _initials(title: str) -> str:
    small = words("title_small_words")
    parts = [p for w in re.findall(r"[A-Za-z][\w\-]*", title) if w.lower() not in small for p in w.split("-") if p]
    return "".join(p[0].lower() for p in parts)


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None:
        return []
    initials = _initials(ctx.text[ctx.title.start : ctx.title.end])
    if len(initials) < 3:
        return []
    gaz = gazetteer()
    out = []
    for i in capital_words(ctx):
        j = i + 1
        w = ctx.words[i]
        if j != i + 1 or not w.isupper() or not _ACRONYM.fullmatch(w) or ctx.in_title(ctx.idx[i]):
            continue
        if not initials.startswith(w.lower()) or gaz.known(w) or generic(w):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, w, NAME, "MODEL", proposed=True, yields=TO_GAZETTEER))
    return out
