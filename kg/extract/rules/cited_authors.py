"""Authors cited in the text: ``MNIST (LeCun et al., 1998)``, ``Unlike Devlin et al.
(2019), we …``.

A capitalised word right before ``et al`` is a surname in a citation; CamelCase
surnames (``LeCun``, ``McAllester``) look like coined names and citing verbs ("We
extend Liu et al.") look like a method's context, so without this rule they pass as
models. The name is vetoed for the entry; a name the gazetteer knows is left alone (the
veto holds for every mention in the entry, and a known model's name is not a surname
here).
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer

NAME = "citation"


def find(ctx: Context, prior=()) -> list[Candidate]:
    lower, n = ctx.lower, len(ctx.words)
    if "et" not in lower:
        return []
    gaz = gazetteer()
    out = []
    for i, j in ctx.compounds:
        if j + 1 >= n or lower[j] != "et" or lower[j + 1] != "al" or not ctx.ws[j - 1] or not ctx.ws[j]:
            continue
        if not ctx.words[i][:1].isupper():
            continue
        text = ctx.stext(i, j)
        if gaz.known(text):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
    return out
