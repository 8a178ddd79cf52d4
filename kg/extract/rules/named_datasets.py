"""``the Pick-a-Pic dataset`` / ``on the Waymo Open Motion Dataset``: a capitalised
name right before a dataset word is a dataset, whatever its shape."""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import generic, is_institution
from kg.extract.nlp import gazetteer
from kg.extract.rules.items import descriptive
from kg.extract.vocab import words

NAME = "shape"
_NEXT = frozenset(("dataset", "benchmark", "corpus"))
_BEFORE = frozenset(("the", "our", "new", "a", "on"))
#: One capitalised plain word, or plain words joined by hyphens ("Planning",
#: "Human-Annotated"): in a title, after "a", it says what kind of data follows.
_PLAIN = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*")


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    # Only compounds followed by one of the words are tried (Context.where finds them).
    for j in ctx.where(_NEXT):
        i = ctx.compound_start.get(j)
        if i is None or not ctx.words[i][:1].isupper():
            continue
        prev = ctx.lower[i - 1] if i > 0 else ""
        if ctx.lower[j] in _NEXT and ctx.ws[j - 1] and prev in _BEFORE:
            text = ctx.stext(i, j)
            # "Introducing Zorb: A Planning Benchmark", "A Human-Annotated Dataset": a
            # title capitalises every word, and an indefinite article introduces a kind;
            # a name after "a" has a name's shape ("a Pick-a-Pic dataset" is rare).
            if prev in ("a", "an") and _PLAIN.fullmatch(text):
                continue
            if not generic(text) and text.lower() not in words("stop_caps") and not is_institution(text) \
                    and not descriptive(text):
                a, b = ctx.span(i, j)
                known = gazetteer().known(text)
                out.append(Candidate(a, b, known[1] if known else text, NAME, "DATASET", known=bool(known)))
    return out
