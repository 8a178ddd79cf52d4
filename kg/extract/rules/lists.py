"""Enumerations: "On Cora, Citeseer, Chameleon and Squirrel" — a capitalised word
listed with two or more known names of one kind is a name of that kind too."""
from __future__ import annotations

from kg.extract.candidate import TO_ANY, Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.vocab import phrases, words

NAME = "list"
ROUNDS = 4
_GLUE = frozenset(("-", "_", "+"))  # new members can extend the list further ("…, Chameleon and Squirrel")


def find(ctx: Context, prior=()) -> list[Candidate]:
    # Known names, and names found by this rule, anchor a list: (start, end, label).
    anchors = {a: (b, e.label, e) for e in prior if e.known or "list" in e.sources for a, b in e.spans}
    spans = [sp for e in prior for sp in e.spans]
    out: list[Candidate] = []
    for _ in range(ROUNDS):
        added = _once(ctx, anchors, spans)
        if not added:
            break
        for c in added:
            anchors[c.start] = (c.end, c.label, c)
            spans.append((c.start, c.end))
        out += added
    return out


def _once(ctx: Context, anchors, spans) -> list[Candidate]:
    w, n = ctx.words, len(ctx.words)
    joiners = set(phrases("list_joiner_words"))
    stop_caps = words("stop_caps")
    # Each anchor by the token its name ends before (the first anchor, in order, of
    # each): the leftward walk looks its neighbours up here, not by a scan of all.
    ending: dict[int, tuple] = {}
    for s, (b, label, who) in anchors.items():
        ending.setdefault(ctx.end_at.get(b), (s, label, who))
    out = []
    for i in ctx.caps:
        t = w[i]
        if i == 0 or len(t) < 3 or not t.isalpha() or ctx.taken[i]:
            continue
        if ctx.lower[i] in stop_caps or generic(t) or w[i - 1] in (".", "\n"):
            continue
        # "Flan-T5-XXL": a word glued to another by a hyphen is part of that name (here
        # its size), not an item of the list.
        if (not ctx.ws[i - 1] and w[i - 1] in _GLUE) or (i + 1 < n and not ctx.ws[i] and w[i + 1] in _GLUE):
            continue
        a = ctx.idx[i]
        if any(x <= a < y for x, y in spans):
            continue
        # Walk the list both ways from this word, collecting known neighbours.
        members = []
        k = i
        while True:  # rightwards
            j = k + 1
            gap = False
            while j < n and w[j] in joiners:
                gap, j = True, j + 1
            if not gap or j >= n or ctx.idx[j] not in anchors:
                break
            end, label, who = anchors[ctx.idx[j]]
            members.append((label, who))
            k = ctx.end_at.get(end, j + 1) - 1
        k = i
        while True:  # leftwards
            j = k - 1
            gap = False
            while j >= 0 and w[j] in joiners:
                gap, j = True, j - 1
            if not gap or j < 0:
                break
            hit = ending.get(j + 1)
            if hit is None:
                break
            members.append((hit[1], hit[2]))
            k = ctx.tok_at[hit[0]]
        labels = {label for label, _ in members}
        if len(members) >= 2 and len(labels) == 1:
            out.append(Candidate(a, a + len(t), t, NAME, labels.pop(), yields=TO_ANY))
    return out
