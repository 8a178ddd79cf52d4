"""BibTeX citations pasted into a digest: who wrote the paper.

Paper-notes pages (one note per paper) paste the paper's BibTeX record, often inside a
code block, and name the authors nowhere else::

    @inproceedings{Redmon2017,
    author = {Redmon, Joseph and Farhadi, Ali},
    title = {{YOLO9000: Better, faster, stronger}},

:func:`bibtex_authors` finds the ``author`` field of the first record in a text; the
extractor splits its ``and``-separated ``Surname, Given`` names.
"""
from __future__ import annotations

import re

__all__ = ["bibtex_authors"]

# The start of a record: "@article{key," — the entry type is letters only.
_RECORD = re.compile(r"@[A-Za-z]+\s*[{(]\s*[^,\s{}()]*\s*,")
# The author field: "author = {…}" or "author = "…"" (one brace level inside, as in
# "{Schmidhuber}, J{\"u}rgen").
_AUTHOR = re.compile(r"(?im)^\s*author\s*=\s*(?:\{(?P<b>(?:[^{}]|\{[^{}]*\})*)\}|\"(?P<q>[^\"]*)\")")
_END = re.compile(r"(?m)^\s*\}\s*$")


def bibtex_authors(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the author list of the first BibTeX record in ``text``, or
    ``None`` when there is no record or it names no authors.

    >>> t = "citation:\\n@article{K2017,\\nauthor = {Ruder, Sebastian},\\nyear = {2017}\\n}"
    >>> a, e = bibtex_authors(t); t[a:e]
    'Ruder, Sebastian'
    >>> bibtex_authors("author = {A B}") is None  # a field outside a record
    True
    """
    rec = _RECORD.search(text)
    if rec is None:
        return None
    end = _END.search(text, rec.end())
    m = _AUTHOR.search(text, rec.end(), end.end() if end else len(text))
    if m is None:
        return None
    g = "b" if m.group("b") is not None else "q"
    a, e = m.start(g), m.end(g)
    while a < e and text[a].isspace():
        a += 1
    while e > a and text[e - 1].isspace():
        e -= 1
    return (a, e) if e > a else None
