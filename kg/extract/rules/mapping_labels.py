"""Labels of a mapping written letter-2-letter: ``c2c``, ``d2c`` (code to code, data to
code), ``P2P``, ``E2E``, ``T2I`` (text to image), ``V2X``.

One letter, the digit 2 ("to") and one letter abbreviate what maps to what — a category
of references, a network's topology, a task (text-to-image). Their digit gives them the
shape of a model name; no unknown name of that shape is one (the models that are —
"A2C", advantage actor-critic — are known, and a gazetteer match is left alone), so a
guess of that shape is vetoed for the entry.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.rules.guesses import SHAPE_GUESSES, guessed_models

NAME = "mapping"
_MAPPING = re.compile(r"^[A-Za-z]2[A-Za-z]$")


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for e in guessed_models(prior, SHAPE_GUESSES):
        if _MAPPING.match(e.name):
            a, b = e.spans[0]
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
