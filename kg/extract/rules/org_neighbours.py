"""Organisations among guessed names: an affiliation the layout did not mark as one.

Where a layout does not read an entry's affiliations (an institute column, a
``机构：`` line read as prose), the organisations in it look like names: an acronym
defined by an organisation's long form ("National University of Sciences and Technology
(NUST)"), or a short name listed between organisations ("University of Haifa, OriginAI,
Braude College of Engineering"). A name only a guess found (its shape, a definition:
:mod:`kg.extract.rules.guesses`) is vetoed for the entry when

* a long form that defines it reads as an organisation's name, or
* an item next to it in a comma list is an organisation (known, or shaped like one:
  ``… University``, ``… Institute``, ``… Lab``).

Names other evidence supports (a gazetteer, a cue, a title) are left alone.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import is_institution
from kg.extract.org_spans import is_org_shaped
from kg.extract.rules.guesses import guessed_models

NAME = "organisation"
#: What separates the items of an affiliation list, and what ends one.
_SEPARATORS = frozenset((",", "，", ";", "；", "、"))
_ENDS = frozenset(("\n", "(", ")", "（", "）", "[", "]", "|", ".", "。", ":", "：", "<"))
#: Words an organisation's name in a list may take at most.
MAX_ITEM_WORDS = 8


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for e in guessed_models(prior):
        if any(_organisation(ctx, e.name, a, b) for a, b in e.spans):
            a, b = e.spans[0]
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out


#: The head word of an organisation's name ("… University", "… Institute", "… Lab").
_ORG_HEAD = re.compile(
    r"(?:universit\w*|institut\w*|college|academy|laborator\w*|labs?|school|cent(?:er|re)|foundation|hospital|"
    r"inc|corp\w*|ltd|llc|gmbh|polytechnic|council|agency|company|univ)\.?", re.I)
#: Small words inside an organisation's name ("University of Haifa", "Center for …").
_ORG_JOINERS = frozenset(("of", "for", "and", "&", "the", "at", "on", "in", "-", "–"))


def _organisation(ctx: Context, name: str, a: int, b: int) -> bool:
    text = ctx.text[a:b]
    if text != name and " " in text and (is_institution(text) or _org_name(text)):
        return True  # the long form of a defined acronym: "National University of … (NUST)"
    return any(is_institution(item) or _org_name(item) for item in _neighbours(ctx, a, b))


def _org_name(item: str) -> bool:
    """``item`` opens with an organisation's name: capitalised words (and the small words
    inside one) up to a head word ("Ghent University – imec", "Braude College of
    Engineering"), not a phrase that mentions one ("GPT-4 from OpenAI")."""
    run = []
    for word in item.split():
        if not (word[:1].isupper() or word.lower() in _ORG_JOINERS):
            break
        run.append(word)
    heads = [k for k, word in enumerate(run) if _ORG_HEAD.fullmatch(word.strip(",.;"))]
    return bool(heads) and is_org_shaped(" ".join(run[: heads[-1] + 1]))


def _neighbours(ctx: Context, a: int, b: int) -> list[str]:
    """The comma-list items right before and after characters ``a:b`` (an item itself)."""
    i, j = ctx.tok_at.get(a), ctx.end_at.get(b)
    if i is None or j is None:
        return []
    w, n = ctx.words, len(ctx.words)
    out = []
    if i > 0 and w[i - 1] in _SEPARATORS:
        k = i - 1
        start = k
        while start > 0 and w[start - 1] not in _SEPARATORS and w[start - 1] not in _ENDS and k - start < 2 * MAX_ITEM_WORDS:
            start -= 1
        if start < k:
            out.append(ctx.stext(start, k).strip())
    if j < n and w[j] in _SEPARATORS:
        k = j + 1
        end = k
        while end < n and w[end] not in _SEPARATORS and w[end] not in _ENDS and end - k < 2 * MAX_ITEM_WORDS:
            end += 1
        if k < end:
            out.append(ctx.stext(k, end).strip())
    return [x for x in out if x and len(x.split()) <= MAX_ITEM_WORDS]


__all__ = ["find", "NAME"]
