"""Write-ups of a talk or a reading-group meeting about one paper.

A journal club's or seminar's post names the paper (its front-matter ``title``, a
``- Paper: [Title](…)`` line) and then who presented it and who attended::

    ---
    title: "Gorilla: Large Language Model Connected with Massive APIs"
    author: "Hongsup Shin"
    ---
    - Paper: [Gorilla: …](https://arxiv.org/abs/2305.15334)
    - Presenter: [Joel](…)
    - Attendees: [Athula](…), [Brian](…)

Its front-matter ``author`` is the write-up's writer, not the paper's author, and a
closing BibTeX block ("cite this post") cites the write-up. The keys that mark a
write-up are data (``kg/data/parse/writeup_keys.txt``).
"""
from __future__ import annotations

import re

from kg.parse.data import load_words
from kg.parse.document import ParsedDoc
from kg.parse.fields import FIELD_RE

__all__ = ["is_writeup", "citation_block", "close_at_citation"]

_WRITEUP_KEYS = frozenset(k.casefold() for k in load_words("writeup_keys.txt"))
# The opening of a BibTeX record ("@article{key,"): a citation block.
_BIB_RECORD = re.compile(r"^\s*@[A-Za-z]+\s*[{(]")


def is_writeup(doc: ParsedDoc) -> bool:
    """A post that writes up a talk or a reading-group meeting about the paper: its body
    names who presented it or who attended (``- Presenter: [Joel](…)``). Its front-matter
    ``author`` is the write-up's writer, and a BibTeX block in it cites the write-up."""
    end = doc.front_matter_lines[1] if doc.front_matter_lines else -1
    for ln in doc.lines[end + 1 :]:
        m = FIELD_RE.match(ln.text)
        key = m and (m.group("k2") or m.group("k3") or "").strip().casefold()
        if key and key in _WRITEUP_KEYS:
            return True
    return False


def citation_block(doc: ParsedDoc, i: int) -> bool:
    """Line ``i`` opens a code block that holds a BibTeX record (a "cite this post" block)."""
    k = i
    while k < len(doc.lines) and doc.lines[k].kind == "code" and k < i + 4:
        if _BIB_RECORD.match(doc.lines[k].raw):
            return True
        k += 1
    return False


def close_at_citation(b, doc: ParsedDoc, i: int) -> bool:
    """Where line ``i`` opens the write-up's own citation block (see :func:`citation_block`),
    close the entry open in builder ``b`` and report the block and what follows as the
    post's citation: its author is the writer, not the paper's. False, touching nothing,
    elsewhere."""
    if doc.lines[i].kind != "code" or (i and doc.lines[i - 1].kind == "code") or not citation_block(doc, i):
        return False
    b.close()
    for k in range(i, len(b.lines)):
        if b.lines[k].strip():
            b.report(k, "post citation")
    return True

