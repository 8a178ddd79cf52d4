"""Names joined into a combination: ``ESIM+ELMo`` (the ESIM model with ELMo embeddings),
``BICC-RCC`` (the two mechanisms BICC and RCC together), ``NSR-PreRL``.

A name found only by its shape may be two names written together. A ``+`` joining a
known name joins systems used together: each name-shaped or known part is a name of
its own, and the combination is none. A hyphen joins the parts of many single names ("Video-LLaMA",
"CLIP-ViT-L"), so a hyphenated guess is split only when every part is a name the entry
itself gives elsewhere ("… BICC … RCC … BICC-RCC"): then it names the two used
together, not a third system.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive, generic, label_hint, squash
from kg.extract.nlp import gazetteer
from kg.extract.rules.guesses import SHAPE_GUESSES, guessed_models

NAME = "combination"
_PLUS = re.compile(r"\s*\+\s*")


def find(ctx: Context, prior=()) -> list[Candidate]:
    out: list[Candidate] = []
    guesses = [e for e in guessed_models(prior, SHAPE_GUESSES) if "+" in e.name or "-" in e.name]
    if not guesses:
        return out
    gaz = gazetteer()
    for e in guesses:
        a, b = e.spans[0]
        if "+" in e.name.strip("+"):
            parts = _PLUS.split(e.name)
            # A known part says the join is of systems ("ESIM+ELMo"); parts none of which
            # is known are as often settings or input formats ("LEST+ST+WS",
            # "SEGMENT-PAIR+NSP"), and stay one guess for the other rules to judge.
            if len(parts) < 2 or not all(p and (distinctive(p) or gaz.known(p)) and not generic(p) for p in parts) \
                    or not any(gaz.known(p) for p in parts):
                continue
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
            for s, t in e.spans:
                k = s
                for p in parts:
                    k = ctx.text.find(p, k, t)
                    if k < 0:
                        break
                    known = gaz.known(p)
                    out.append(Candidate(k, k + len(p), known[1] if known else p, NAME,
                                         known[0] if known else label_hint(p), known=bool(known)))
                    k += len(p)
            continue
        parts = e.name.split("-")
        if len(parts) < 2 or not all(len(p) >= 2 for p in parts):
            continue
        others = {squash(f.name) for f in prior if f is not e} | {k for f in prior if f is not e for k in f.keys}
        if all(squash(p) in others for p in parts):
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
