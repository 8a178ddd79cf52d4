"""Lists of names that a plural dataset noun introduces or closes, where the noun is not
right next to the names:

* ``widely adopted benchmarks: Pendigits (Alimoglu and Alpaydin, 1996), USPS (Hull,
  1994) and MNIST``, ``small datasets -Breast Cancer, Boston, Concrete, and Yacht``: a
  plural dataset noun, a colon or a dash (after a colon, a singular noun too: "benchmark
  dataset: CIFAR-10 and CINIC-10"), then two or more names, each of which may carry its
  citation;
* ``Bangla, Devnagari, and Oriya handwritten databases``: two or more names, one or two
  lower-case modifiers, then a plural dataset noun.

The noun says what the items are, so they are datasets whatever they look like; a list
holding a known model lists models (rules.dataset_context), and is left alone.
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import CONJUNCTIONS, JOINERS, forced_datasets, items_after, items_before
from kg.extract.vocab import words

NAME = "context"
_INTRO = frozenset((":", "：", "-", "—", "–"))
#: Lower-case words between a list and its plural noun ("… handwritten databases").
MAX_MODIFIERS = 2
#: Tokens a citation in brackets may hold ("(Alimoglu and Alpaydin, 1996)").
MAX_CITATION = 30
_YEAR = re.compile(r"(?:19|20)\d\d[a-z]?")


def _plural_noun(ctx: Context, d: int, nouns: frozenset[str]) -> bool:
    low = ctx.lower[d]
    if low == "sets":
        return d >= 1 and ctx.lower[d - 1] == "data"  # "data sets"
    return low in nouns and (low.endswith("s") or low == "corpora")


def _next_visible(ctx: Context, k: int) -> int:
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return k


def past_citation(ctx: Context, k: int) -> int:
    """Token after an author-year or numeric citation in brackets at ``k`` (spaces
    skipped), else ``k``."""
    s = _next_visible(ctx, k)
    if s >= len(ctx.words) or ctx.words[s] not in ("(", "["):
        return k
    close = ")" if ctx.words[s] == "(" else "]"
    for e in range(s + 1, min(len(ctx.words), s + MAX_CITATION)):
        if ctx.words[e] == close:
            inner = ctx.words[s + 1 : e]
            numeric = close == "]" and all(t.isdigit() or t in ", -" for t in inner)
            if numeric or any(_YEAR.fullmatch(t) for t in inner):
                return e + 1
            return k
    return k


def _listed(ctx: Context, k: int) -> list[tuple[int, int]]:
    """Coordinated names from token ``k``, each of which may carry its citation."""
    out: list[tuple[int, int]] = []
    n = len(ctx.words)
    while k < n:
        got = items_after(ctx, k)
        if not got:
            break
        out += got
        e = past_citation(ctx, got[-1][1])
        if e == got[-1][1]:
            break  # items_after read the list to its end
        m, last = e, False
        while m < n and (ctx.words[m] in JOINERS or ctx.words[m].isspace()):
            last = last or ctx.words[m] in CONJUNCTIONS
            m += 1
        if m == e:
            break
        k = m
        if last:
            out += items_after(ctx, k)[:1]
            break
    return out


def _modifiers_before(ctx: Context, d: int) -> int | None:
    """Start token of one or two lower-case modifiers right before the noun at ``d``."""
    stop = words("stop_caps")
    k, seen = d, 0
    while k > 0:
        p = k - 1
        if ctx.words[p].isspace():
            k = p
            continue
        if ctx.kinds[p] == WORD and ctx.words[p].isalpha() and ctx.words[p].islower() and ctx.lower[p] not in stop \
                and seen < MAX_MODIFIERS:
            k, seen = p, seen + 1
            continue
        break
    return k if seen else None


def find(ctx: Context, prior=()) -> list[Candidate]:
    found: list[tuple[int, int]] = []
    nouns = words("dataset_words")
    if nouns.isdisjoint(ctx.lower) and "sets" not in ctx.lower:
        return []  # no dataset noun: nothing introduces or closes a list
    for d in range(1, len(ctx.words)):
        if ctx.lower[d] not in nouns and ctx.lower[d] != "sets" or not ctx.in_region[d]:
            continue
        plural = _plural_noun(ctx, d, nouns)
        if ctx.lower[d] == "sets" and not plural:
            continue  # "test sets": a split, read by rules.dataset_context
        k = _next_visible(ctx, d + 1)
        # "benchmark dataset: CIFAR-10 and CINIC-10": after a colon a singular noun
        # also heads the list it introduces (two names or more, as ever).
        if k < len(ctx.words) and ctx.words[k] in _INTRO and (plural or ctx.words[k] in (":", "：")):
            items = _listed(ctx, _next_visible(ctx, k + 1))
            if len(items) >= 2 and not with_known_model(ctx, items):
                found += items
        s = _modifiers_before(ctx, d - 1 if ctx.lower[d] == "sets" else d) if plural else None
        if s is not None:
            e = s
            while e > 0 and ctx.words[e - 1].isspace():
                e -= 1
            items = items_before(ctx, e)
            if len(items) >= 2 and not with_known_model(ctx, items):
                found += items
    return forced_datasets(ctx, found, NAME)


__all__ = ["find", "NAME", "MAX_CITATION", "past_citation"]
