"""Catalog numbers of the data distributors: ``LDC2003T09`` (the Linguistic Data
Consortium: year, medium letter, serial) and ``ELRA-S0001`` (ELRA's catalogue) name one
corpus each, whatever the sentence says around them; their shape would type them models.
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context

NAME = "shape"
_NUMBER = re.compile(r"LDC(?:19|20)\d\d[A-Z]\d\d|ELRA-[A-Z]\d{4}")


def find(ctx: Context, prior=()) -> list[Candidate]:
    if "LDC" not in ctx.text and "ELRA" not in ctx.text:
        return []
    out = []
    for i, j in ctx.compounds:
        if not ctx.in_region[i]:
            continue
        text = ctx.stext(i, j)
        if _NUMBER.fullmatch(text):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, text, NAME, "DATASET", force_label=True))
    return out


__all__ = ["find", "NAME"]
