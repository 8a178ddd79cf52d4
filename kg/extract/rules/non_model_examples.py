"""Examples of a kind that is no model: ``assessment procedures like OSATS and GEARS``,
``tools such as Zorb and Quint``, ``platforms including Zorb``, ``the rendering tool
Zorb``.

A plural noun of a non-model kind (``kg/data/rules/non_model_kinds.txt``) followed by an
example cue (``such as``, ``like``, ``including``: ``example_cues.txt``) says what the
names listed after it are: procedures, tools, platforms — none of them a model or a
dataset (annotation guidelines: companies and products that are not models, programming
languages, venues). The names are vetoed for the entry; known names keep their kind.
"""
from __future__ import annotations

import functools

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import gazetteer
from kg.extract.rules.items import items_after
from kg.extract.vocab import phrases, words

NAME = "kind"


def find(ctx: Context, prior=()) -> list[Candidate]:
    kinds = words("non_model_kinds")
    cues = _cues()
    lower, n = ctx.lower, len(ctx.words)
    gaz = gazetteer()
    out = []
    for kind_at in ctx.where(kinds, region=True):
        k = kind_at + 1
        if k >= n:
            break
        for cue in cues:
            if tuple(lower[k : k + len(cue)]) == cue:
                for i, j in items_after(ctx, k + len(cue)):
                    text = ctx.stext(i, j)
                    if not gaz.known(text):
                        a, b = ctx.span(i, j)
                        out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
                break
    # "the open-source rendering tool FitLayout": a singular kind noun right before a
    # name says what the name is.
    singular = _singulars()
    # Only compounds right after a kind noun are tried (Context.where finds the nouns).
    for k in ctx.where(singular, region=True):
        i = k + 1
        j = ctx.compound_end.get(i)
        if j is None or not ctx.ws[k]:
            continue
        text = ctx.stext(i, j)
        if (ctx.words[i][:1].isupper() or distinctive(text)) and not gaz.known(text):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
    return out


@functools.cache
def _cues() -> list[tuple[str, ...]]:
    """The example cues as lower-cased word tuples (built once a process)."""
    return [tuple(p.lower().split()) for p in phrases("example_cues")]


@functools.cache
def _singulars() -> frozenset[str]:
    """The non-model kinds in the singular ("companies" → "company", "tools" → "tool")."""
    return frozenset(k[:-3] + "y" if k.endswith("ies") else k[:-1] if k.endswith("s") else k
                     for k in words("non_model_kinds"))
