"""Labels of one network's layers: ``conv1 to conv6``, ``the FC6 (Pool5) descriptor``,
``Inception Network Pool3 features``, ``the res2b branch``.

A layer type (``kg/data/rules/layer_prefixes.txt``) with the layer's number glued on,
and at most one letter for a sub-layer, has a name's shape (letters and a digit) but
labels a layer inside a network, not a model: the label is vetoed for the entry. Known
names are left alone.
"""
from __future__ import annotations

import functools
import re

from kg.extract.anchors import numerals
from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer
from kg.extract.vocab import phrases

NAME = "layer"


@functools.cache
def _label() -> re.Pattern:
    alts = "|".join(re.escape(p) for p in sorted(phrases("layer_prefixes"), key=lambda p: (-len(p), p)))
    return re.compile(rf"(?:{alts})_?\d{{1,2}}[a-z]?", re.I)


def find(ctx: Context, prior=()) -> list[Candidate]:
    label, gaz = _label(), gazetteer()
    out = []
    for i in numerals(ctx):
        j = ctx.compound_end.get(i)
        if j is None:
            continue  # no compound starts here
        word = ctx.words[i]
        # (a digit at the end, or before one last letter, comes first: most words have none)
        if j != i + 1 or not (word[-1:].isdigit() or word[-2:-1].isdigit()) or not label.fullmatch(word) \
                or gaz.known(word):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, ctx.words[i], NAME, GENERIC, yields=NEVER))
    return out
