"""Variables and feature labels written with an underscore after one letter: ``R_POS2``,
``L_DVT``, ``X_train``, ``W_q``.

Code and formulas name a variable by a letter with a subscript joined by "_" (left and
right brain regions ``L_…``/``R_…``, a matrix ``W_q``, a split ``X_train``). The token
has a name's shape (capitals, digits) but labels a quantity, so a name only its shape
found whose first part, before the underscore, is a single letter is vetoed for the
entry. Names with longer parts ("micro_biorobot_agent", "Qwen2.5_7B") and names other
evidence supports are left alone.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.rules.guesses import SHAPE_GUESSES

NAME = "variable"
_VARIABLE = re.compile(r"^[A-Za-z]_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$")


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for e in prior:
        if e.known or not e.sources <= SHAPE_GUESSES or not _VARIABLE.match(e.name):
            continue
        a, b = e.spans[0]
        out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
