"""A two-word known name with one word misspelt: ``Mapillary Vitas`` is Mapillary
Vistas. The first word must be written as in the name; the second, of five letters or
more and with the same first letter, one edit away (typos drop, double or swap letters
inside a word). One-word names are :mod:`typos`'.
"""
from __future__ import annotations

import functools
import re

from rapidfuzz.distance import Levenshtein

from kg.extract.candidate import TO_ANY, Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer, load_patterns

NAME = "typo"
#: Letters of the misspelt word at least: shorter words are too close to each other.
MIN_LETTERS = 5
_FILES = ("models.jsonl", "datasets.jsonl", "catalog_models.jsonl", "catalog_datasets.jsonl")


@functools.cache
def _two_word_names() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """``first word (lower) → ((second word lower, label, id), …)`` of two-word names."""
    out: dict[str, set[tuple[str, str, str]]] = {}
    for f in _FILES:
        for row in load_patterns(f):
            m = re.fullmatch(r"([A-Za-z][\w-]*) ([A-Za-z]{%d,})" % MIN_LETTERS, row["pattern"])
            if m:
                out.setdefault(m.group(1).lower(), set()).add((m.group(2).lower(), row["label"], row["id"]))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def find(ctx: Context, prior=()) -> list[Candidate]:
    names = _two_word_names()
    gaz = gazetteer()
    w, n = ctx.words, len(ctx.words)
    out = []
    for i in ctx.caps:
        options = names.get(ctx.lower[i])
        j = i + 1
        if not options or j >= n or not ctx.ws[i] or ctx.kinds[j] != ctx.kinds[i] or ctx.taken[j]:
            continue
        second = ctx.lower[j]
        if len(second) < MIN_LETTERS or not second.isalpha() or gaz.known(w[i] + " " + w[j]):
            continue
        hits = [(label, cid) for word, label, cid in options
                if word[0] == second[0] and word != second and Levenshtein.distance(word, second, score_cutoff=1) <= 1]
        if len(hits) == 1:  # one name only: two candidates make it no typo of either
            a, b = ctx.span(i, j + 1)
            out.append(Candidate(a, b, hits[0][1], NAME, hits[0][0], known=True, yields=TO_ANY, claims=True))
    return out


__all__ = ["find", "NAME"]
