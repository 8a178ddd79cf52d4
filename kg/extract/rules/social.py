"""Hashtags and handles: ``#NLProc``, ``#MachineLearning``, ``@JohnDoe``.

Social-media posts tag topics with ``#`` and credit people and labs with ``@``; the word
glued to either is a tag or an account, shaped like a name (CamelCase) but no model or
dataset (annotation guidelines: tags are not names). Unknown ones are vetoed for the
entry; a known name written as a tag (``#GPT3``) stays a name.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer

NAME = "tag"
_MARKS = frozenset(("#", "@", "＃"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    gaz = gazetteer()
    out = []
    # Only compounds right after a mark are tried (Context.where finds the marks, which
    # have no case).
    for k in ctx.where(_MARKS):
        i = k + 1
        j = ctx.compound_end.get(i)
        if j is None or ctx.ws[k]:
            continue
        # "C#", "F#": a mark glued after a word is part of that word, not a tag.
        if i >= 2 and not ctx.ws[i - 2] and ctx.is_word(i - 2):
            continue
        text = ctx.stext(i, j)
        if gaz.known(text):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
    return out
