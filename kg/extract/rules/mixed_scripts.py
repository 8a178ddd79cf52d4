"""Names a guess glued across two alphabets: ``DiT-модель`` ("DiT model"), ``Обзор
Qwen2.5-Omni`` ("Review of Qwen2.5-Omni").

Russian (and other Cyrillic) prose writes Latin model names inside its own words: a
hyphen joins the name to a Cyrillic kind noun (``DiT-модель``, ``RAG-система``) and a
capitalised Cyrillic word opens a heading before the name. Shape and Title-Case guesses
read the run as one name. No model name mixes the two alphabets, so the mixed guess is
vetoed for the entry and its Latin piece, where it is shaped like a name on its own
(:func:`kg.extract.names.distinctive`), is the name ("DiT"). Names other evidence supports
are left alone.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive, generic
from kg.extract.rules.guesses import GUESSES, guessed_models

NAME = "shape"  # the Latin piece is kept for its shape, as the shape rule keeps names
VETO = "script"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
#: A Latin name inside the run: letters, digits, inner dots and glue, no edge glue.
_PIECE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.+_\-]*[A-Za-z0-9+])?")


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for e in guessed_models(prior, GUESSES):
        if not (_CYRILLIC.search(e.name) and _LATIN.search(e.name)):
            continue
        a, b = e.spans[0]
        out.append(Candidate(a, b, e.name, VETO, GENERIC, yields=NEVER))
        for s, t in e.spans:
            for m in _PIECE.finditer(ctx.text, s, t):
                piece = m.group()
                if _LATIN.search(piece) and distinctive(piece) and not generic(piece):
                    out.append(Candidate(m.start(), m.end(), piece, NAME, "MODEL"))
    return out
