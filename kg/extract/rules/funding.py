"""Acknowledgements and funding notes: ``supported by the MSMT LL1303 ERC-CZ grant``,
``the ERC Starting Grant VideoLearn``, ``award number UH2CA203711``.

Papers end with sentences that name grants, programmes and agencies; their codes and
programme names have a name's shape (capitals and digits, CamelCase). In a sentence with
a funding word (``kg/data/rules/funding_words.txt``) a name only its shape (or Title
Case, or an acronym's definition) found is such a code or agency: it is vetoed for the entry. Names other evidence supports
(a gazetteer, a cue, a title, a context) are left alone.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.rules.guesses import guessed_models
from kg.extract.triggers import Triggers
from kg.extract.vocab import words

NAME = "funding"

TRIGGERS = Triggers(words=lambda: words("funding_words"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    cues = words("funding_words")
    if cues.isdisjoint(ctx.lower):
        return []
    funded = {ctx.sent[k] for k, w in enumerate(ctx.lower) if w in cues}
    out = []
    for e in guessed_models(prior):
        for a, b in e.spans:
            i = ctx.tok_at.get(a)
            if i is not None and ctx.sent[i] in funded:
                out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
                break
    return out
