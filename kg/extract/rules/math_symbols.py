"""Symbols of a formula written in prose: ``the distillation loss L kl1``, ``a data
structure P BEST``, ``MHSelfAtt(H) is row-equivariant``, ``InputEmbed(X) = H``.

Text copied from a paper's PDF loses its subscripts: ``L_{kl1}`` becomes ``L kl1``, and
the subscript is shaped like a name (letters with a digit, capitals, CamelCase). A name
shape right after a one-letter variable is such a subscript; a name shape glued to a
bracketed one-letter argument is a function of the formula; one-letter dimensions multiplied ("of shape
IxJxK") and a variable with its index ("Wi+1") are written formulas too. None is a model:
the name is vetoed for the entry. One-letter words of prose ("a", "A", "I") are no
variables, and known names are left alone ("GPT-4(V)").
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import gazetteer

NAME = "symbol"
_VARIABLE = re.compile(r"[B-HJ-Zb-z]")
_ARGUMENT = re.compile(r"[A-Za-z]")
#: "IxJxK", "PxQ": one-letter dimensions multiplied; "Wi+1": a variable indexed.
_DIMENSIONS = re.compile(r"[A-Za-z](?:x[A-Za-z])+")
_INDEXED = re.compile(r"[A-Z][a-z]{0,2}\+1")  # not "-1": "Dyck-1", "Gen-1" are versions
#: What may stand glued before a variable: an opening bracket or an operator.
_OPENERS = frozenset(("(", "[", "{", "=", "\n"))


#: Lower-cased forms of the one-letter variables (:data:`_VARIABLE`) and the marks the
#: other frames hold: where the frames can start, found in the entry's word index.
_LETTERS = frozenset("bcdefghijklmnopqrstuvwxyz")
_BRACKET = frozenset(("(",))
_PLUS = frozenset(("+",))


def _starts(ctx: Context) -> list[int]:
    """First tokens of the compounds a frame below can hold (a superset, in order): after
    a one-letter word (a subscript), before a glued "(" (a function), glued by "+" (an
    indexed variable) or holding an "x" (dimensions)."""
    ends, starts, idx = ctx.compound_end, ctx.compound_start, ctx.idx
    out = {p + 1 for p in ctx.where(_LETTERS) if p + 1 in ends}
    out.update(i for p in ctx.where(_BRACKET) if (i := starts.get(p)) is not None)
    out.update(p - 1 for p in ctx.where(_PLUS) if p - 1 in ends)
    text = ctx.text
    x = text.find("x")
    while x >= 0:
        k = bisect_right(idx, x) - 1
        if k in ends:
            out.add(k)
        x = text.find("x", x + 1)
    return sorted(out)


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, ws, n = ctx.words, ctx.ws, len(ctx.words)
    gaz = gazetteer()
    out = []
    ends = ctx.compound_end
    for i in _starts(ctx):
        j = ends[i]
        subscript = (
            i > 0 and ws[i - 1] and _VARIABLE.fullmatch(w[i - 1]) is not None and ctx.sent[i - 1] == ctx.sent[i]
            # the variable stands alone: not the last letter of a compound ("Type-B Zorb")
            # nor a possessive's "s" ("Google's QA")
            and (i < 2 or ws[i - 2] or w[i - 2] in _OPENERS)
        )
        function = (
            j + 2 < n and w[j] == "(" and not ws[j - 1] and not ws[j] and not ws[j + 1]
            and _ARGUMENT.fullmatch(w[j + 1]) is not None and w[j + 2] == ")"
        )
        # "of shape IxJxK", "Wi+1": a product of dimensions, a variable with its index
        # (one token, or the compound glued by "+").
        first = w[i]
        written = ("x" in first and j == i + 1 and _DIMENSIONS.fullmatch(first) is not None) or (
            j - i == 3 and w[i + 1] == "+" and _INDEXED.fullmatch(ctx.stext(i, j)) is not None)
        if not (subscript or function or written):
            continue
        text = ctx.stext(i, j)
        if not distinctive(text) or gaz.known(text):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
    return out
