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

__all__ = ["bibtex_authors", "looks_like_bibtex"]

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


# A record's first line ("@inproceedings{janner2021neurips,"); "@comment" and
# "@string" blocks are not records of a paper.
RECORD_LINE = re.compile(r"^\s*@(?!comment\b|string\b|preamble\b)(?P<type>[A-Za-z]+)\s*[{(]\s*(?P<key>[^,\s{}()]*)\s*,", re.I)


def looks_like_bibtex(text: str) -> bool:
    """Whether ``text`` is a BibTeX file: its first line that is not blank and not a
    ``%`` comment opens a record. Such a file is data, never Markdown (its URLs hold
    ``__`` and ``*`` that Markdown would read as emphasis).

    >>> looks_like_bibtex("%% BibDesk\\n\\n@article{k,\\n title = {T}}\\n")
    True
    >>> looks_like_bibtex("# Papers\\n@article{k,\\n}")
    False
    """
    for line in text.split("\n", 400)[:400]:
        t = line.strip()
        if not t or t.startswith("%"):
            continue
        return RECORD_LINE.match(line) is not None
    return False
