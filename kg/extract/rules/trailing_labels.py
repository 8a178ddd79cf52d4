"""A name in brackets closing a list item, after its links, labels the paper's model:
``… NeurIPS 2019. [pdf] [project] (Grover)``, ``… EMNLP 2017. [pdf] (Pre-trained seq2seq)``.

Paper lists in the style of thunlp/PLMpapers end each item with the short name of the
model the paper introduces, in brackets after the link labels. The bracket is read
where it ends its line and a link label (``[pdf]``) or the venue's year stands right
before it; its content is a name of one to four words that is no generic term, page tag
(``(Oral)``), institution or number. It is the paper's own (proposed); a gazetteer's
kind wins for a known name.
"""
from __future__ import annotations

import re

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import generic, is_institution
from kg.extract.nlp import gazetteer

NAME = "trailing-label"
#: The most words a trailing label has ("Pre-trained seq2seq": two).
MAX_WORDS = 4
_TRAILING = re.compile(r"(?:\]|\b(?:19|20)\d{2}\.?)[ \t]*\(([^()\n]{2,40})\)[ \t]*$", re.M)


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ")" not in ctx.text:
        return []
    gaz = gazetteer()
    out = []
    for m in _TRAILING.finditer(ctx.text):
        name = m.group(1).strip()
        parts = name.split()
        if not 1 <= len(parts) <= MAX_WORDS or not re.match(r"[A-Za-z]", name) or not any(c.isupper() for c in name):
            continue
        if generic(name) or is_institution(name) or re.fullmatch(r"[\d\s.,/-]+", name):
            continue
        a = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        if not ctx.inside(a):
            continue
        known = gaz.known(name)
        out.append(Candidate(a, a + len(name), known[1] if known else name, NAME, known[0] if known else "MODEL",
                             known=bool(known), proposed=True, yields=NEVER))
    return out
