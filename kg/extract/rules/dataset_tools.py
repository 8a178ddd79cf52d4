"""A known dataset's name that only modifies a tool or a convention built on it:
``the PTB Tokenizer``, ``a Penn Treebank tagset``, ``converted to the CoNLL format``,
``PTB-style trees``.

The noun right after the name (``kg/data/rules/dataset_tool_heads.txt``: tokenizers,
segmenters, tagsets, formats, styles, guidelines) says what is meant: a tool that splits
text the way the corpus does, or the corpus's conventions, not the corpus as data the
paper uses. Where every mention of the name in the entry is such a modifier it is
vetoed for the entry; one mention as data ("we train on PTB and use the PTB tokenizer")
keeps it.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.triggers import Triggers
from kg.extract.vocab import words

NAME = "dataset-tool"

# Without a tool or convention noun in the entry no mention is a modifier.
TRIGGERS = Triggers(words=lambda: words("dataset_tool_heads"))


def _head_after(ctx: Context, j: int) -> bool:
    """A tool or convention noun follows the name ending before token ``j``, after one
    space or a hyphen ("PTB Tokenizer", "PTB-style")."""
    heads, w, n = words("dataset_tool_heads"), ctx.words, len(ctx.words)
    if j < n and ctx.ws[j - 1]:
        return ctx.lower[j] in heads
    return j + 1 < n and w[j] == "-" and not ctx.ws[j] and ctx.lower[j + 1] in heads


def find(ctx: Context, prior=()) -> list[Candidate]:
    modifier: dict[str, list] = {}
    data: set[str] = set()
    for m in ctx.matches:
        if m.label != "DATASET":
            continue
        if _head_after(ctx, m.j):
            modifier.setdefault(m.name, []).append(m)
        else:
            data.add(m.name)
    out = []
    for name, ms in modifier.items():
        if name not in data:
            out.append(Candidate(ms[0].a, ms[0].b, name, NAME, GENERIC, yields=NEVER))
    return out
