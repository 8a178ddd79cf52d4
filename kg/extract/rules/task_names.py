"""Shared-task names: ``SemEval-2022 Task 6, iSarcasmEval - Intended Sarcasm Detection``,
``Task 3: ZorbQA``.

A name right after ``Task <number>`` (and a comma, colon or dash) names the task a
challenge sets, not a model — and not its data unless the text says so elsewhere: the
name is vetoed for the entry when no gazetteer knows it.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer
from kg.extract.triggers import Triggers

NAME = "task"

TRIGGERS = Triggers(words=lambda: ("task", "subtask"))
_NUMBER = re.compile(r"\d{1,2}|[A-H]")


def find(ctx: Context, prior=()) -> list[Candidate]:
    w = ctx.words
    out = []
    for i, j in ctx.compounds:
        k = i - 1
        if k >= 0 and w[k] in (",", ":", "：", "-", "–"):
            k -= 1
        if k < 1 or ctx.lower[k - 1] not in ("task", "subtask") or not _NUMBER.fullmatch(w[k]):
            continue
        text = ctx.stext(i, j)
        if gazetteer().known(text) or not any(c.isupper() for c in text):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
    return out
