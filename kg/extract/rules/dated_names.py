"""A name with a year is a dataset, a benchmark or an event, not a model: ``NIST 2006``,
``TAC 2010 data``, ``DUC-2004``, ``SemEval-2010``, ``CoNLL'03``, ``WMT’14``.

Benchmarks and shared tasks are released by year; models are versioned by numbers and
sizes, not years. The year is part of the name (each year's data is its own dataset,
as a release is: ``DAVIS 2016``), so the whole span is the candidate and covers the bare
acronym inside it. Events (``MICCAI 2021 challenge``) are dropped by the typing pass
(:func:`kg.extract.kinds.is_event`), venues (``ACL 2019``) by :func:`names.generic`.
Known names with a year are the gazetteer's (:meth:`Context.version_after`). Venues are
written the same way ("accepted at NSDI 2026"), so the context must speak of data where
it could be a venue (see :func:`find`).
"""
from __future__ import annotations

import re

from kg.extract.anchors import numerals
from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive, generic, is_institution
from kg.extract.vocab import words

NAME = "shape"
_YEAR = re.compile(r"(?:19|20)\d\d")
_SHORT_YEAR = re.compile(r"\d\d")
_APOSTROPHES = ("'", "’")


def _name_part(ctx: Context, i: int, j: int) -> bool:
    text = ctx.stext(i, j)
    return (text[:1].isupper() and distinctive(text) and not generic(text) and not is_institution(text)
            and text.lower() not in words("stop_caps") and not ctx.shouted(i, j)) or _campaign(ctx, i, j)


def _campaign(ctx: Context, i: int, j: int) -> bool:
    """A venue that releases data each year under its name (``CoNLL``, ``SemEval``):
    dated, it is that year's data where the context speaks of data (see :func:`find`)."""
    return ctx.stext(i, j).lower() in words("shared_task_venues")


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, ws, n = ctx.words, ctx.ws, len(ctx.words)
    out = []
    # Numbers are few: only compounds holding or followed by one (within two tokens) can carry a year.
    numbers = {k for k in numerals(ctx) if w[k][:1].isdigit()}
    if not numbers:
        return out
    # Only the compounds ending next to a number: looked up by their end token.
    starts, ends = ctx.compound_start, ctx.compound_end
    for i in sorted({i for x in numbers for e in (x + 1, x, x - 1) if (i := starts.get(e)) is not None}):
        j = ends[i]
        if ctx.taken[i] or not (j - 1 in numbers or j in numbers or j + 1 in numbers):
            continue
        end = None
        if j - i >= 3 and w[j - 2] in ("-", "_") and _YEAR.fullmatch(w[j - 1]):
            # "DUC-2004", "SemEval-2010": the year glued on
            if _name_part(ctx, i, j - 2):
                end = j
        elif j + 1 < n and ws[j - 1] and _YEAR.fullmatch(w[j]) and not (j + 1 < n and w[j + 1] in ("%", "-")):
            # "NIST 2006", "TAC 2010 data"
            if _name_part(ctx, i, j):
                end = j + 1
        elif j + 1 < n and not ws[j - 1] and w[j] in _APOSTROPHES and not ws[j] and _SHORT_YEAR.fullmatch(w[j + 1]):
            # "CoNLL'03", "WMT’14"
            if _name_part(ctx, i, j):
                end = j + 2
        if end is None or (end < n and not ws[end - 1] and ctx.is_word(end)):
            continue
        nxt = next((ctx.lower[k] for k in range(end, min(n, end + 3)) if not w[k].isspace()), "")
        prev = next((ctx.lower[k] for k in range(i - 1, max(-1, i - 4), -1) if not w[k].isspace()), "")
        data = nxt in words("dataset_words") or nxt in words("dated_data_words")
        # A venue is written the same way ("accepted at NSDI 2026", "in SIGCOMM'25"): a
        # year spaced from the name counts only next to data words or after "on"/"from",
        # and any dated name after "at"/"in" needs its data word.
        if (ws[j - 1] and end == j + 1 and not (data or prev in ("on", "from"))) or (prev in ("at", "in", "@") and not data):
            continue
        # A campaign's year names its data only in a data context, glued or not
        # ("CoNLL'03 data", "on SemEval-2014"); "at CoNLL-2019" is the venue.
        if _campaign(ctx, i, end - (2 if w[end - 2] in _APOSTROPHES + ("-", "_") else 1)) \
                and not (data or prev in ("on", "from")):
            continue
        a, b = ctx.span(i, end)
        out.append(Candidate(a, b, ctx.text[a:b], NAME, "DATASET", force_label=True, covers=True))
    return out


__all__ = ["find", "NAME"]
