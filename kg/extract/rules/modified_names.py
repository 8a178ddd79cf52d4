"""Names made of a modifier and a known name, in running text: ``Momentum SGD``,
``Advantage Actor-Critic``.

A capitalised word right before a known model in the middle of a sentence (so not
capitalised for the sentence or a heading) makes a longer name of its own, and the
known name inside is part of it (annotation guidelines: a family name is not taken
from inside a longer name). Words that only describe (``generic_modifiers``,
``descriptive_adjectives``, sizes, stop words, languages) and organisations ("Google
T5") make no new name. Titles are the title rules' (``title_phrases``).
"""
from __future__ import annotations

import functools

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import generic, is_institution
from kg.extract.nlp import WORD, gazetteer
from kg.extract.vocab import words

NAME = "title-case"


@functools.cache
def _plain() -> frozenset[str]:
    """Words that only describe, count or connect: no name's first word."""
    return (words("generic_modifiers") | words("descriptive_adjectives") | words("size_words") | words("stop_caps")
            | words("title_small_words") | words("own_words"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.matches:
        return []
    plain = _plain()
    out = []
    for m in ctx.matches:
        k = m.i - 1
        if m.label != "MODEL" or k < 0 or not ctx.ws[k] or ctx.kinds[k] != WORD or not ctx.in_region[k]:
            continue
        w = ctx.words[k]
        if not (w[:1].isupper() and w[1:].islower() and w.isalpha()) or ctx.sentence_start(k) or ctx.in_title(ctx.idx[k]):
            continue
        if ctx.lower[k] in plain or ctx.lower[k].endswith("ing") or generic(w) or is_institution(w):
            continue
        if k > 0 and ctx.kinds[k - 1] == WORD and ctx.words[k - 1][:1].isupper() and ctx.ws[k - 1]:
            continue  # a longer capitalised run ("Deep Recurrent Q-Learning") is another rule's
        if k > 0 and not ctx.ws[k - 1] and ctx.words[k - 1] in ("-", "_"):
            continue  # the second half of a compound ("Non-Parametric Transformers"): not the modifier
        if ctx.title_like(ctx.sent[k]):
            continue
        # "Fréchet Inception Distance": a capitalised word after the known name goes on
        # with the run; the whole phrase names something else (here a metric), not a
        # modified model.
        if m.j < len(ctx.words) and ctx.ws[m.j - 1] and ctx.kinds[m.j] == WORD and ctx.words[m.j][:1].isupper():
            continue
        text = ctx.text[ctx.idx[k] : m.b]
        if gazetteer().known(text):
            continue
        out.append(Candidate(ctx.idx[k], m.b, text, NAME, "MODEL", yields=NEVER, covers=True))
    return out
