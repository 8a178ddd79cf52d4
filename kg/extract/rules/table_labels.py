"""A one-word name in the cell right after a table row's title labels the paper's model:
``| Structural Pruning for Diffusion Models | Diff-Pruning | paper | NeurIPS | 2023 |``.

Paper tables often give the model's short name a column of its own beside the title.
The cell right after the cell holding the entry's title is read when it holds one word
(a name glued by hyphens counts as one: ``Diff-Pruning``) that starts with a capital or
holds one, and is no generic term, venue, page tag (``paper``), institution, number or
kind of paper or field (``Survey``, ``Benchmark``).
It is the paper's own (proposed); a gazetteer's kind wins for a known name.
"""
from __future__ import annotations

import re

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import generic, is_institution
from kg.extract.nlp import gazetteer
from kg.extract.vocab import words

NAME = "table-label"
_WORD = re.compile(r"[A-Za-z][\w.+]*(?:-[\w.+]+)*")


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None or "|" not in ctx.text:
        return []
    t1 = ctx.title.end
    line_end = ctx.text.find("\n", t1)
    line_end = len(ctx.text) if line_end < 0 else line_end
    rest = ctx.text[t1:line_end]
    # The title must fill its cell: a bar right after it (spaces aside), and the next bar.
    m = re.match(r"[ \t]*\|([^|\n]*)\|", rest)
    if not m:
        return []
    cell = m.group(1)
    word = cell.strip()
    if not word or not _WORD.fullmatch(word) or not any(c.isupper() for c in word):
        return []
    # "| Survey |", "| Benchmark |", "| Reinforcement |": a column of the paper's kind or
    # field, not its name.
    kinds = words("title_words") | words("paradigms") | words("task_nouns") | words("dataset_words")
    if generic(word) or is_institution(word) or word.lower() in kinds:
        return []
    a = t1 + m.start(1) + cell.index(word)
    if not ctx.inside(a):
        return []
    known = gazetteer().known(word)
    return [Candidate(a, a + len(word), known[1] if known else word, NAME, known[0] if known else "MODEL",
                      known=bool(known), proposed=True, yields=NEVER)]
