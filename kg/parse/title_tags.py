"""Labels a list puts before its titles: ``[DIN] Deep Interest Network for …``, ``[MF]
Matrix Factorization Techniques …``, ``[Recsys Intro] Recommender Systems Handbook``.

One title opening with a bracket may own it (``[Re] Reproducing …``, ReScience's
mark); a list whose titles mostly open with a bracket, each a different word, labels its
items so (a short name, a topic): the label is no part of the title. It stays in the
entry's text as body, where the extractor reads the model a short name may be.
A label or a title that names another kind of document (``[Intro slides]``, ``…
Handbook``; kg/data/parse/non_paper_kinds.txt) says the item is no paper.
"""
from __future__ import annotations

import dataclasses

from kg.parse.data import load_words
from kg.records import Entry, Span

__all__ = ["without_list_tags"]

_KINDS = frozenset(w.casefold() for w in load_words("non_paper_kinds.txt"))

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


def _names_a_kind(words: str) -> bool:
    w = words.casefold().split()
    return any(x in _KINDS for x in w) or any(" ".join(w[i : i + 2]) in _KINDS for i in range(len(w) - 1))


def without_list_tags(entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """``(entries, not papers)``: the entries with the list's labels taken off their
    titles, and those whose label or title names a document that is no paper (see the
    module); unchanged when the titles carry no list labels."""
    titled = [e for e in entries if e.title is not None]
    if len(titled) < MIN_ENTRIES:
        return entries, []
    tags = {id(e): g for e in titled if (g := _tag(e)) is not None}
    if len(tags) < LABELLED_SHARE * len(titled) or len({g[2] for g in tags.values()}) < 2:
        return entries, []  # few labels, or one label on every item: the titles' own words
    out, dropped = [], []
    for e in entries:
        g = tags.get(id(e))
        if g is None:
            out.append(e)
            continue
        a, k, _ = g
        last = e.text[k : e.title.end].split()[-1:]
        if _names_a_kind(g[2]) or last and _names_a_kind(last[0]):
            dropped.append(e)  # "[Intro slides] …", "… Handbook": a labelled list's non-paper
            continue
        out.append(dataclasses.replace(e, title=Span(k, e.title.end), body=(Span(a + 1, a + 1 + len(g[2])), *e.body)))
    return out, dropped
