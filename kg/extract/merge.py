"""One deterministic merge of the rules' candidates into an entry's entities.

In order:

1. **Vetoes.** A ``GENERIC`` candidate (an acronym defined as a lower-case concept)
   removes every candidate of that name, in singular or plural.
2. **Overlaps.** Gazetteer matches (and typos of known names) claim their tokens, and
   covering names (a defined acronym's long form, a title's name phrase) claim theirs;
   a candidate gives way according to its ``yields`` level (see
   :mod:`kg.extract.candidate`): inside a covering name it is part of that name, over
   a gazetteer match the known name wins, and list/typo guesses never overlap
   anything already found. Candidates that do not yield coexist (a cue's
   "CLIP-Driven Universal Model" and the known "CLIP" inside it).
3. **Grouping.** Mentions whose keys (:func:`kg.extract.names.name_key`) or aliases
   meet are one entity (union-find, so the result does not depend on rule order). A
   known name gives the entity its canonical name and kind; otherwise the first
   candidate in rule order does, and an apposition's kind overrides a guess.
4. **Alias folding.** "the Universal Model" after "the CLIP-Driven Universal Model": a
   new multi-word name (or a name-shaped word: "V-MoEs" after "Mobile V-MoEs") that
   is the tail of a longer new name is that name; and a new
   name that is another entity's name plus a size ("HyperSeg-S", "HyperSeg-Large")
   is a variant of that entity, not a name of its own.

Entities come out ordered by first mention, ties by rule order.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kg.extract.candidate import GENERIC, TO_ANY, TO_GAZETTEER, TO_LONG_FORMS, Candidate, Entity
from kg.extract.names import distinctive, name_key, singular, squash
from kg.extract.vocab import union

__all__ = ["merge", "vetoed"]


def vetoed(cands: Sequence[Candidate]) -> frozenset[str]:
    """Squashed names that are no names in this entry."""
    out = set()
    for c in cands:
        if c.label == GENERIC:
            out.add(squash(c.name))
            out.update(c.aliases)
    return frozenset(out)


def _keys(c: Candidate) -> list[str]:
    # (No comprehension for the common candidate without aliases: each one is a
    # function object and a frame, paid per candidate and merge.)
    ks = [name_key(c.name, c.label)]
    if c.aliases:
        ks += [name_key(a, c.label) for a in c.aliases]
    return ks


def _reach(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts of ``spans`` in order, and the furthest end among the first k (for
    interval tests by bisection instead of a pass over every span per candidate)."""
    spans = sorted(spans)
    starts, reach, far = [], [], -1
    for a, b in spans:
        starts.append(a)
        far = b if b > far else far
        reach.append(far)
    return starts, reach


def _overlapping(starts: list[int], reach: list[int], s: int, e: int) -> bool:
    """Some span of ``_reach``'s overlaps ``s:e``: one starting before ``e`` ends after ``s``."""
    n = bisect_left(starts, e)
    return n > 0 and reach[n - 1] > s


def _inside(starts: list[int], reach: list[int], s: int) -> bool:
    """Offset ``s`` lies inside some span of ``_reach``'s: one starting at or before it
    ends after it."""
    n = bisect_right(starts, s)
    return n > 0 and reach[n - 1] > s


def merge(cands: Sequence[Candidate]) -> list[Entity]:
    veto = vetoed(cands)
    live = [c for c in cands if c.label != GENERIC and squash(c.name) not in veto]
    claimed = [(c.start, c.end) for c in cands if c.claims]
    # Overlap with a claimed span: one with a start before the candidate's end reaches
    # past its start.
    claim_starts, claim_reach = _reach(claimed)
    covering = [(c.start, c.end, set(_keys(c))) for c in live if c.covers]
    kept: list[Candidate] = []
    for c in live:
        # (The empty-list tests skip building a generator for most candidates.)
        if covering and c.yields >= TO_LONG_FORMS and not c.covers and any(
            # A known name spelling out the long form itself stays a mention of the entity.
            a <= c.start and c.end <= b and not (c.claims and name_key(c.name, c.label) in keys) for a, b, keys in covering
        ):
            continue
        if claimed and c.yields >= TO_GAZETTEER and not c.claims and _overlapping(claim_starts, claim_reach, c.start, c.end):
            continue
        kept.append(c)
    # A guess that starts inside a firm span (one that starts at or before it and ends
    # after it) gives way.
    firm_starts, firm_reach = _reach([(c.start, c.end) for c in kept if c.yields < TO_ANY])
    kept = [c for c in kept if c.yields < TO_ANY or not _inside(firm_starts, firm_reach, c.start)]
    return _fold_variants(_fold_tails(_group(kept)))


def _group(cands: list[Candidate]) -> list[Entity]:
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    keys = [_keys(c) for c in cands]
    for ks in keys:
        root = find(ks[0])
        for k in ks[1:]:
            r = find(k)
            if r != root:
                parent[r] = root
    groups: dict[str, list[int]] = {}
    for n, ks in enumerate(keys):
        groups.setdefault(find(ks[0]), []).append(n)
    out = []
    for members in groups.values():  # in order of each group's first candidate
        # One pass over the members (not a comprehension per field: each is a function
        # object and a frame, per group and merge); sets filled in member order as before.
        known = forced = None
        sources, spans, ekeys = set(), set(), set()
        proposed = used = False
        for n in members:
            c = cands[n]
            if known is None and c.known:
                known = c
            if forced is None and c.force_label:
                forced = c
            sources.add(c.rule)
            spans.add((c.start, c.end))
            if c.proposed:
                proposed = True
            if c.used:
                used = True
            ekeys.update(keys[n])
        head = known or cands[members[0]]
        # A new name keeps no plural "s" of an acronym ("SCNs" names the system SCN);
        # the key already folds it, so its mentions are one entity either way.
        e = Entity(name=head.name if known else singular(head.name), label=head.label, known=known is not None)
        if forced is not None and known is None:
            e.label = forced.label
        e.sources = sources
        e.spans = sorted(spans)
        e.proposed = proposed
        e.used = used
        e.keys = ekeys
        out.append(e)
    return out


def _fold_tails(ents: list[Entity]) -> list[Entity]:
    order = {id(e): n for n, e in enumerate(ents)}
    alive = list(ents)
    for f in sorted(ents, key=lambda e: (-len(e.name), order[id(e)])):
        if f.known or f not in alive:
            continue
        for g in list(alive):
            # A one-word tail only when it has a name's shape and a modifier word before
            # it ("V-MoEs" after "Mobile V-MoEs"): a plain word ("Model") is the kind, and
            # a glued prefix makes a variant ("NSR-PreRL" of PreRL), not the name.
            one_word = " " not in g.name
            if g is f or g.known or len(g.name) >= len(f.name) or (one_word and not distinctive(g.name)):
                continue
            if f.name.endswith(" " + g.name) or (not one_word and f.name.endswith("-" + g.name)):
                f.spans = sorted(set(f.spans) | set(g.spans))
                f.sources |= g.sources
                f.proposed = f.proposed or g.proposed
                f.used = f.used or g.used
                f.keys |= g.keys
                alive.remove(g)
    # (``spans[0][0]`` is ``first``: the merge keeps every entity's spans sorted.)
    return sorted(alive, key=lambda e: (e.spans[0][0], order[id(e)]))


_VARIANT = re.compile(r"^(?P<stem>.+?)[-_ ](?P<size>[A-Za-z]{1,6}|\d+(?:\.\d+)?[BMK])$")


def _fold_variants(ents: list[Entity]) -> list[Entity]:
    sizes = union("size_letters", "size_words")
    by_key = {}
    for e in ents:
        for k in e.keys:
            by_key.setdefault(k, e)
    out = []
    for g in ents:
        m = None if g.known else _VARIANT.match(g.name)
        f = None
        # A dataset's numeric size is another edition of the data ("MovieLens 1M",
        # "MovieLens-20M"), not a variant of one model's weights.
        if m and g.label == "DATASET" and m.group("size")[0].isdigit():
            m = None
        if m and (m.group("size").lower() in sizes or m.group("size")[0].isdigit()):
            f = by_key.get(name_key(m.group("stem"), g.label)) or by_key.get(name_key(m.group("stem"), "MODEL"))
        if f is None or f is g:
            out.append(g)
            continue
        f.spans = sorted(set(f.spans) | set(g.spans))
        f.sources |= g.sources
        f.proposed = f.proposed or g.proposed
        f.used = f.used or g.used
        f.keys |= g.keys
    order = {id(e): n for n, e in enumerate(out)}
    return sorted(out, key=lambda e: (e.spans[0][0], order[id(e)]))
