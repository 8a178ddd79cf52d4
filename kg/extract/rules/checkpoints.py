"""Tuned checkpoints written as one glued name: ``Qwen2.5-7B-Instruct``,
``LLaMA-3.1-8B-Instruct``, ``Llama-2-7b-chat-hf``, ``Mixtral-8x7B-Instruct-v0.1``.

A name, a parameter count and a tuning or release tag glued by hyphens is one model
release. The gazetteer knows the family ("LLaMA-3.1") and matches only that part; this
rule adds the whole compound as another mention of the same entity (its key folds to the
family), so the entity can be reported under the release's written name. The compound
must start with a capitalised name word: "7B-Instruct" alone names no model.
"""
from __future__ import annotations

from kg.extract.anchors import glued_compounds
from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import tuned_checkpoint

NAME = "shape"


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for i, j in glued_compounds(ctx):
        if j - i < 5 or not ctx.words[i][:1].isupper():  # name, "-", size, "-", tag at least
            continue
        text = ctx.stext(i, j)
        if tuned_checkpoint(text):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, text, NAME, "MODEL", yields=NEVER))
    return out
