"""Acrostic capitals in a title: ``CHAIN: … via lipsCHitz continuity constrAIned
Normalization``, ``DN-DETR: … by Introducing Query DeNoising``.

Titles often capitalise the letters of an ordinary word that spell the paper's name.
Such a word has a capital after a lower-case letter, like a coined name ("MoCo"), but
its capitals are letters of the title's head name, in order. It is highlighting, not a
name, and is vetoed for the entry. Known names and the head itself are exempt.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD, gazetteer

NAME = "acrostic"
#: The title's head name: the words before its first colon ("CHAIN: …", "DN-DETR: …").
_HEAD = re.compile(r"^\s*([^\s:：][^:：\n]{0,40}?)\s*[:：]")
#: A letter word with a capital right after a lower-case letter ("lipsCHitz", "DeNoising").
_INNER_CAPITAL = re.compile(r"[A-Za-z]*[a-z][A-Z][A-Za-z]*")


def _spells(caps: str, head: str) -> bool:
    """``caps`` are letters of ``head`` in the same order (case-folded)."""
    rest = iter(head)
    return all(c in rest for c in caps)


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None:
        return []
    m = _HEAD.match(ctx.text[ctx.title.start : ctx.title.end])
    if not m:
        return []
    head = re.sub(r"[^a-z0-9]", "", m.group(1).lower())
    head_end = ctx.title.start + m.end(1)
    gaz = gazetteer()
    out = []
    k0 = ctx.tok_at.get(ctx.title.start, 0)
    for k in range(k0, len(ctx.words)):
        a = ctx.idx[k]
        if a >= ctx.title.end:
            break
        if a < head_end or ctx.kinds[k] != WORD:
            continue
        w = ctx.words[k]
        if not _INNER_CAPITAL.fullmatch(w):
            continue
        caps = "".join(c for c in w if c.isupper()).lower()
        # Two capitals at least: one ("anchOr") could be a typo as well, and needs no veto.
        # The head's own name repeated ("ZorbNet: … ZorbNet features") is the name.
        if len(caps) < 2 or w.lower() in head or not _spells(caps, head) or gaz.known(w):
            continue
        out.append(Candidate(a, a + len(w), w, NAME, GENERIC, yields=NEVER))
    return out
