"""Language editions of known corpora: ``English Penn Treebank``, ``Japanese WordNet``,
``Chinese Gigaword``. A natural language's name written right before a known dataset
names that corpus's edition in that language, and it is part of the name (the
annotation corpora write it so); a language alone is never a dataset."""
from __future__ import annotations

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.vocab import words

NAME = "gazetteer"


def find(ctx: Context, prior=()) -> list[Candidate]:
    langs = words("languages")
    out = []
    for m in ctx.matches:
        i = m.i - 1
        if m.label != "DATASET" or i < 0 or not ctx.ws[i] or ctx.lower[i] not in langs or not ctx.words[i][:1].isupper():
            continue
        a = ctx.idx[i]
        name = ctx.text[a : m.b]
        # The edition is a mention of its own name; the known corpus inside it is part of it.
        out.append(Candidate(a, m.b, name, NAME, "DATASET", force_label=True, yields=NEVER, covers=True))
    return out
