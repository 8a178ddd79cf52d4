"""A capitalised word one edit away from a long gazetteer name is that name misspelt
("Tranformer"). Eight letters at least: shorter names are too close to each other and
to ordinary words for one edit to mean a typo, and the first letter must agree."""
from __future__ import annotations

import functools

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from kg.extract.candidate import TO_ANY, Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer

NAME = "typo"


@functools.lru_cache(maxsize=65536)
def _nearest(low: str) -> str | None:
    """The long one-word gazetteer name one edit from ``low`` (the first in the table's
    order), or None. Cached: each answer is a search of the whole table, and the words
    asked about recur across entries."""
    hit = process.extractOne(low, _choices_near(len(low)), scorer=Levenshtein.distance, score_cutoff=1)
    return None if hit is None else hit[0]


@functools.cache
def _choices() -> list[str]:
    return list(gazetteer().single_words)


@functools.lru_cache(maxsize=256)
def _choices_near(n: int) -> list[str]:
    """The names of ``n - 1`` to ``n + 1`` characters, in the table's order: one edit
    changes a length by one at most, so the others never reach the cutoff and the
    search picks what it picks from the whole table, scoring a fraction of it."""
    return [w for w in _choices() if abs(len(w) - n) <= 1]


def find(ctx: Context, prior=()) -> list[Candidate]:
    gaz = gazetteer()
    single = gaz.single_words
    # Spans only a context rule holds are guesses a known name's misspelling corrects.
    taken = [sp for e in prior if e.sources - {"context"} for sp in e.spans]
    out = []
    for i in ctx.caps:
        t = ctx.words[i]
        if len(t) < 8 or not t.isalpha():
            continue
        # Capitals in titles and at sentence starts are ordinary words ("Converts").
        a = ctx.idx[i]
        if ctx.in_title(a) or ctx.sentence_start(i):
            continue
        low = ctx.lower[i]
        if low in single or any(x <= a < y for x, y in taken) or gaz.known(t):
            continue
        hit = _nearest(low)
        # A different first letter makes another word, not a slip ("Deformer" is not
        # "Reformer"): typos drop, double or swap letters inside a word.
        if hit is not None and hit[0] == low[0]:
            label, cid = single[hit]
            out.append(Candidate(a, a + len(t), cid, NAME, label, known=True, yields=TO_ANY, claims=True))
    return out
