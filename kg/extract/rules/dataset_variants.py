"""Editions of a known dataset written after its name: ``MovieLens 1M``, ``MovieLens-20M``,
``MIMIC-III v1.4``, ``OpenWebText2``, ``BookCorpus2``, ``WebArena-Lite``.

A dataset's size or release written after its name makes another dataset (MovieLens 1M
and MovieLens 20M are different data; OpenWebText2 extends OpenWebText), so the edition
is the name mentioned, and the known name inside it is part of it. Unlike a model's
parameter count ("Mistral 7B", reported under its family), nothing maps an edition back.

* a size after a space or a hyphen: ``1M``, ``100K``, ``1.5k`` — after a space only where
  no lower-case noun follows, since "ImageNet 1.2M images" counts images;
* a capitalised word glued on by a hyphen: ``WebArena-Lite``, ``MMLU-Pro``, ``ImageNet-R``
  (not a usage suffix a title capitalises, ``ImageNet-Based``);
* a ``v``-numbered release after a space: ``v1.4``, ``V2`` (the context's own version
  reading takes bare numbers, "SQuAD 2.0", only before a data word);
* one or two digits glued to a known name of letters: ``OpenWebText2`` (a token of its
  own, which the gazetteer does not match).
"""
from __future__ import annotations

import re

from kg.extract.anchors import numerals
from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD, gazetteer
from kg.extract.vocab import words

NAME = "gazetteer"

_SIZE = re.compile(r"\d{1,4}(?:\.\d)?[KkM]")
_RELEASE = re.compile(r"[vV]\d{1,2}(?:\.\d{1,2}){0,2}")
#: A known name of letters with one or two digits glued on ("OpenWebText2").
_GLUED = re.compile(r"(?P<stem>[A-Za-z][A-Za-z\-]{3,}[A-Za-z])(?P<edition>\d{1,2})")


def _edition_end(ctx: Context, j: int) -> int | None:
    """End token of a size or release written right after a name ending at token ``j``."""
    w, n = ctx.words, len(ctx.words)
    if j + 1 < n and w[j] == "-" and not ctx.ws[j - 1] and not ctx.ws[j] and _SIZE.fullmatch(w[j + 1]):
        k = j + 2  # "MovieLens-20M"
    elif j + 1 < n and w[j] == "-" and not ctx.ws[j - 1] and not ctx.ws[j] and w[j + 1][:1].isupper() \
            and w[j + 1].isalpha() and ctx.lower[j + 1] not in words("suffix_words"):
        # "WebArena-Lite", "MMLU-Pro", "ImageNet-R": a capitalised edition word glued on
        # ("ImageNet-Based" in a title is a usage suffix, not an edition).
        k = j + 2
        if k < n and ctx.is_word(k) and not ctx.ws[k - 1]:
            return None
        return k
    elif j < n and ctx.ws[j - 1] and _RELEASE.fullmatch(w[j]):
        return j + 1  # "MIMIC-III v1.4 database": a "v" number is a release whatever follows
    elif j < n and ctx.ws[j - 1] and _SIZE.fullmatch(w[j]):
        k = j + 1  # "MovieLens 1M"
    else:
        return None
    if k < n and ctx.is_word(k) and not ctx.ws[k - 1]:
        return None  # glued on to a longer word
    m = k
    while m < n and w[m].isspace():
        m += 1
    # "ImageNet 1.2M images": a lower-case noun after the size makes it a count.
    if m < n and ctx.kinds[m] == WORD and w[m][:1].islower() and ctx.lower[m] not in words("version_followers"):
        return None
    return k


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for m in ctx.matches:
        if m.label != "DATASET" or not m.known:
            continue
        end = _edition_end(ctx, m.j)
        if end is None:
            continue
        b = ctx.span(m.i, end)[1]
        out.append(Candidate(m.a, b, ctx.text[m.a:b], NAME, "DATASET", force_label=True, yields=NEVER, covers=True))
    gaz = gazetteer()
    for i in numerals(ctx):
        t = ctx.words[i]
        if not t[-1:].isdigit() or ctx.taken[i] or not ctx.in_region[i]:
            continue
        g = _GLUED.fullmatch(t)
        if g is None or (i + 1 < len(ctx.words) and not ctx.ws[i] and ctx.is_word(i + 1)):
            continue
        if not any(c.isupper() for c in t):
            continue  # "books2": a name is written with a capital
        known = gaz.known(g.group("stem"))
        # A token the gazetteer knows whole was matched as it is ("CIFAR10").
        if known is None or known[0] != "DATASET" or gaz.known(t) is not None:
            continue
        a, b = ctx.span(i, i + 1)
        out.append(Candidate(a, b, t, NAME, "DATASET", force_label=True, yields=NEVER, covers=True))
    return out


__all__ = ["find", "NAME"]
