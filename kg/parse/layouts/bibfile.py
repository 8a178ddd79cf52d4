"""Layout ``bibfile``: a BibTeX bibliography kept as a reading list, one record a paper.

Reading groups and paper lists keep their papers in a ``.bib`` file (BibDesk, Zotero,
JabRef exports) that a site renders::

    @misc{wu2023arxiv,
        abbr = {SPRING},
        arxiv = {2305.15486},
        author = {Yue Wu and Shrimai Prabhumoye and So Yeon Min},
        date-discussed = {2023-11-06 led by Nouha Chatti},
        title = {SPRING: GPT-4 Out-performs RL Algorithms by Studying Papers and Reasoning},
        url = {https://…},
        bdsk-file-1 = {YnBsaXN0MDDSAQIDBFxy…}}

Each record is one entry, from its ``@type{key,`` line to the line where its braces
close. Fields are told by their names through the field keys of every layout
(``title``, ``author``, ``abstract``; ``date-discussed`` is a date, ``keywords`` page
metadata): the title and author values become the entry's spans (the extractor splits
``and``-separated ``Surname, Given`` names), the first date field its date. Braces are
counted character by character, so values may span lines and nest (``{{YOLO9000}}``,
``Ze{\\v{c}}evi{\\'c}``); ``@comment``/``@string`` blocks (a BibDesk smart-group dump) are
reported, never read as papers.
"""
from __future__ import annotations

import re

from kg.parse.author_fields import author_value
from kg.parse.base import Builder, LayoutResult
from kg.parse.bibtex import RECORD_LINE
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind
from kg.records import Span

__all__ = ["parse", "name", "in_gaps"]

name = "bibfile"

# A field's start inside a record: "title = {" / "year = 2023," / 'note = "…"'.
_FIELD = re.compile(r"^\s*(?P<name>[A-Za-z][\w\-:.]*)\s*=\s*")
# Any "@word{" / "@word(" opening a block (records and @comment/@string alike).
_BLOCK = re.compile(r"^\s*@[A-Za-z]+\s*[{(]")
# A bare new-style arXiv identifier as a field's whole value ("2305.15486", "2305.15486v2").
_BARE_ID = re.compile(r"(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?", re.I)


def in_gaps(doc: ParsedDoc) -> bool:
    return not doc.markdown and any(RECORD_LINE.match(t) for t in doc.texts)


def _depth(line: str, depth: int) -> int:
    """Brace depth after ``line`` (escaped braces ``\\{`` do not count)."""
    k = 0
    while k < len(line):
        c = line[k]
        if c == "\\":
            k += 2
            continue
        depth += (c == "{") - (c == "}")
        k += 1
    return depth


def _block_end(lines: list[str], i: int) -> int:
    """Last line of the block opening at line ``i``: where its braces close; a block
    that never closes (or opens with ``(``) ends before the next block or a blank line."""
    if "{" not in lines[i]:
        k = i
        while k + 1 < len(lines) and lines[k + 1].strip() and not _BLOCK.match(lines[k + 1]):
            k += 1
        return k
    depth = 0
    for k in range(i, len(lines)):
        if k > i and _BLOCK.match(lines[k]):
            return k - 1  # an unclosed record ends where the next one starts
        depth = _depth(lines[k], depth)
        if depth <= 0:
            return k
    return len(lines) - 1


def _value(text: str, a: int) -> tuple[int, int]:
    """``[start, end)`` of the value that starts at ``text[a]``, without its outer
    braces or quotes (all of them: ``{{T}}`` is ``T``) and its closing comma."""
    e = len(text.rstrip())
    while e > a and text[e - 1] in ",}" and text[:e].count("{") < text[:e].count("}"):
        e -= 1  # the record's own closing brace on the last field's line
    e = len(text[:e].rstrip().rstrip(","))
    while e - a >= 2 and (text[a], text[e - 1]) in (("{", "}"), ('"', '"')):
        a, e = a + 1, e - 1
    while a < e and text[a].isspace():
        a += 1
    while e > a and text[e - 1].isspace():
        e -= 1
    return a, e


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, name)
    if doc.markdown or not any(RECORD_LINE.match(t) for t in doc.texts):
        return b.result()
    lines = doc.texts
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if not _BLOCK.match(lines[i]):
            # "%% Created for Mark" headers and stray text between records.
            b.report(i, "bibliography comment" if lines[i].lstrip().startswith("%") else "not part of any entry")
            i += 1
            continue
        end = _block_end(lines, i)
        if not RECORD_LINE.match(lines[i]):
            for k in range(i, end + 1):
                if lines[k].strip():
                    b.report(k, "bibliography metadata")  # @comment{BibDesk Smart Groups…}
            i = end + 1
            continue
        if not any((m := _FIELD.match(lines[k])) and field_kind(m.group("name")) == "title" for k in range(i + 1, end + 1)):
            # A record without a title (a dataset, a software entry) is no paper item.
            for k in range(i, end + 1):
                if lines[k].strip():
                    b.report(k, "non-paper item")
            i = end + 1
            continue
        d = b.open(i)
        b.take(i)
        published = False
        k = i + 1
        while k <= end:
            if not lines[k].strip():
                k += 1
                continue
            m = _FIELD.match(lines[k])
            # A value runs to the next field's line (or the record's end).
            nxt = next((j for j in range(k + 1, end + 1) if _FIELD.match(lines[j])), end + 1)
            off = b.take(k)
            for j in range(k + 1, nxt):
                b.take(j)
            text = "\n".join(lines[k:nxt])
            kind = field_kind(m.group("name")) if m else None
            if kind in ("title", "authors", "affiliations"):
                a, e = _value(text, m.end())
                if kind == "title":
                    d.set_title(text, off, a, e)
                elif kind == "authors":
                    # Read as every layout reads an author field: a value the name reader
                    # cannot take as a list of people is left to no guess.
                    got = author_value(text[a:e])
                    if got is not None:
                        d.set(kind, off + a + got[0], off + a + got[1])
                else:
                    d.set(kind, off + a, off + e)
            elif kind == "date":
                got = find_date(text[m.end() :])
                # BibTeX's own "date" is the paper's publication day; a list's date
                # field ("date-discussed", "date-read") is the list's day, as a digest's.
                if got and (d.date is None or published and m.group("name").casefold() != "date"):
                    d.date, published = got[2], m.group("name").casefold() == "date"
            elif kind == "link" and (aid := _BARE_ID.fullmatch(text[m.end() :].strip().strip("{}\",").strip())):
                d.ids.append(aid.group(1))  # "arxiv = {2305.15486}"
            elif kind == "body":
                d.body.append(Span(*(off + x for x in _value(text, m.end()))))
            k = nxt
        b.close()
        i = end + 1
    return b.result()

