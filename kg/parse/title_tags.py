"""Labels a list puts before its titles: ``[DIN] Deep Interest Network for …``, ``[MF]
Matrix Factorization Techniques …``, ``[Recsys Intro] Recommender Systems Handbook``.

One title opening with a bracket may own it (``[Re] Reproducing …``, ReScience's
mark); a list whose titles mostly open with a bracket, each a different word, labels its
items so (a short name, a topic): the label is no part of the title. It stays in the
entry's text as body, where the extractor reads the model a short name may be.
"""
from __future__ import annotations

import dataclasses

from kg.records import Entry, Span

__all__ = ["without_list_tags"]

#: Entries a file must hold, and the share of their titles that must open with a
#: bracketed label, for the labels to be the list's convention.
MIN_ENTRIES = 3
LABELLED_SHARE = 0.6
#: Longest label (characters inside the brackets).
MAX_TAG = 40


def _tag(e: Entry) -> tuple[int, int, str] | None:
    """``(start, end, label)`` of the bracketed label opening ``e``'s title, ``end`` where
    the title's own words start; ``None`` when the title opens with none or nothing
    title-like follows it."""
    if e.title is None:
        return None
    t = e.text
    a, b = e.title.start, e.title.end
    if t[a : a + 1] not in ("[", "【"):
        return None
    close = t.find("]" if t[a] == "[" else "】", a + 1, min(b, a + MAX_TAG + 2))
    if close < 0 or "[" in t[a + 1 : close] or not t[a + 1 : close].strip():
        return None
    k = close + 1
    while k < b and t[k].isspace():
        k += 1
    if len(t[k:b].split()) < 2:
        return None  # "[Tag] Word": too little left to be a title
    return a, k, t[a + 1 : close].strip().casefold()


def without_list_tags(entries: list[Entry]) -> list[Entry]:
    """``entries`` with the list's labels taken off their titles (see the module)."""
    titled = [e for e in entries if e.title is not None]
    if len(titled) < MIN_ENTRIES:
        return entries
    tags = {id(e): g for e in titled if (g := _tag(e)) is not None}
    if len(tags) < LABELLED_SHARE * len(titled) or len({g[2] for g in tags.values()}) < 2:
        return entries  # few labels, or one label on every item: the titles' own words
    out = []
    for e in entries:
        g = tags.get(id(e))
        if g is None:
            out.append(e)
            continue
        a, k, _ = g
        out.append(dataclasses.replace(e, title=Span(k, e.title.end), body=(Span(a + 1, a + 1 + len(g[2])), *e.body)))
    return out
