"""Known dataset names written with a hyphen inside: ``Super-GLUE``, ``Word-Net``, and
words a PDF's line break split (``Wikipe-dia`` in text extracted from papers).

The gazetteer matches token runs, so a hyphen the name lacks hides it (or leaves a part,
``GLUE`` in ``Super-GLUE``, matched on its own). A compound whose squashed form — the
annotation guidelines' matching key, without hyphens — is a known dataset is that
dataset, and the part inside it is no second name.
"""
from __future__ import annotations

from kg.extract.anchors import glued_compounds
from kg.extract.candidate import TO_LONG_FORMS, Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer

NAME = "gazetteer"


def find(ctx: Context, prior=()) -> list[Candidate]:
    if "-" not in ctx.text:
        return []
    gaz = gazetteer()
    whole = {(m.i, m.j) for m in ctx.matches}
    out = []
    for i, j in glued_compounds(ctx):
        # A name is written with its capital ("Word-Net"); "news-commentary" describes text.
        if j - i < 3 or (i, j) in whole or not ctx.in_region[i] or "-" not in ctx.words[i:j] \
                or not ctx.words[i][:1].isupper():
            continue
        # "SWE-bench Verified": the compound begins a longer known name, which it is part of.
        if any(m.i <= i and j <= m.j and (m.i, m.j) != (i, j) for m in ctx.matches):
            continue
        known = gaz.known(ctx.stext(i, j))
        if known is None or known[0] != "DATASET":
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, known[1], NAME, "DATASET", known=True, yields=TO_LONG_FORMS, covers=True,
                             claims=True))
    return out


__all__ = ["find", "NAME"]
