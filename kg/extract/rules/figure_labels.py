"""Labels of a paper's parts: ``Fig. S4``, ``Table A2``, ``Appendix B1``, ``Eq. C3``.

Supplementary and appendix material numbers its figures and tables with a letter and a
digit ("Fig. S4", "Table A2"), which is the shape of a short model name ("S4", "T5",
"R1") and sometimes a known one. After a word that numbers a part of the paper
(``kg/data/rules/figure_words.txt``; an abbreviation's dot may follow it) such a label
names the figure, not a model: it is vetoed for the entry. Longer names after those
words are left alone ("Table 3 compares ZorbNet"; "Algorithm Distillation" is a
method). A label glued to its word ("Figure5a", "Table3", "Fig12b": notes written
fast, or text copied from a PDF) is one token of the same shape and vetoed too.
"""
from __future__ import annotations

import re

from kg.extract.anchors import numerals
from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.vocab import words

NAME = "figure"
#: One or two capitals and a number, a sub-figure letter at most: "S4", "A2", "SM3b".
_LABEL = re.compile(r"[A-Z]{1,2}\d{1,2}[a-z]?")
#: A figure word and its number in one token: "Figure5a", "Table3", "Fig12b".
_GLUED = re.compile(r"([A-Za-z]+?)\.?(?:[A-Z]{0,2}\d{1,2}[a-z]?)")


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    n = len(ctx.words)
    for k in ctx.where(words("figure_words"), region=True):
        x = k + 1
        if x < n and ctx.words[x] == "." and not ctx.ws[k]:
            x += 1
        if x >= n or not ctx.ws[x - 1] or not _LABEL.fullmatch(ctx.words[x]):
            continue
        # "Fig. S4a-c": the label is the token itself, not a compound it opens.
        a, b = ctx.span(x, x + 1)
        out.append(Candidate(a, b, ctx.words[x], NAME, GENERIC, yields=NEVER))
    return out + _glued(ctx)


def _glued(ctx: Context) -> list[Candidate]:
    """"Figure5a": a figure word glued to its label, capitalised as the reference is."""
    vocab = words("figure_words")
    out = []
    for k in numerals(ctx):
        w = ctx.words[k]
        # The label closes the token with a digit, or a digit and a sub-figure letter:
        # two character tests turn away nearly every capitalised word.
        if not w[:1].isupper() or not (w[-1:].isdigit() or w[-2:-1].isdigit()):
            continue
        m = _GLUED.fullmatch(w)
        if m and m.group(1).lower() in vocab and any(ch.isdigit() for ch in w):
            a, b = ctx.span(k, k + 1)
            out.append(Candidate(a, b, w, NAME, GENERIC, yields=NEVER))
    return out
