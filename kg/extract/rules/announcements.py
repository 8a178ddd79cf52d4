"""Announcements: ``Introducing Zorblax: open reasoning models``, ``Meet Zorblax, an
agent that …`` — how posts and newsletters present a paper's own system.

A word of ``kg/data/rules/announcement_words.txt`` opening a sentence or a line,
followed by a capitalised phrase, names that phrase as the paper's contribution (like
"we introduce X" without its subject). Stop words ("Introducing the …" goes on with a
description) and kinds are no names.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.rules.cues import cue_name
from kg.extract.vocab import words

NAME = "cue"


def find(ctx: Context, prior=()) -> list[Candidate]:
    opening = words("announcement_words")
    if opening.isdisjoint(ctx.lower):
        return []
    hits = [k for k in ctx.where(opening) if k < len(ctx.words) - 1]
    if not hits:
        return []
    stop = words("stop_caps")
    starts = {i: j for i, j in ctx.compounds}
    out = []
    for k in hits:
        if not ctx.words[k][:1].isupper() or not ctx.in_region[k]:
            continue
        if not (ctx.sentence_start(k) or k == 0 or "\n" in ctx.text[ctx.end(k - 1) : ctx.idx[k]]):
            continue
        i = k + 1
        if i not in starts or not ctx.words[i][:1].isupper() or ctx.lower[i] in stop:
            continue
        j = ctx.version_after(ctx.extend_title_case(starts[i])) or ctx.extend_title_case(starts[i])
        c = cue_name(ctx, i, j, proposed=True)
        if c is not None:
            out.append(c)
    return out
