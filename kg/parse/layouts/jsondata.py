"""Layout ``jsondata``: a JSON data file (or a script assigning one JSON value) whose
records are papers, one mapping each.

Sites that render a daily page or a podcast from data keep it as JSON::

    daily_data = {
        "date": "2024-08-05",
        "tweets": [
                {
                    "arxivId": "2408.00872",
                    "arxivLink": "https://arxiv.org/abs/2408.00872",
                    "title": "TKGs: Anomaly Detection with a Side of Interpretability",
                    "institute": "University of Electronic Science and Technology of China, Yale University",
                    "paper-title": "Online Detection of Anomalies in Temporal Knowledge Graphs with Interpretability",
                },

The file must open as data and each record must parse as a JSON mapping with a title key
(:mod:`kg.parse.datafile`; a file cut short still reads record by record, and a whole
file that parses must hold a list of such records); the records are then read line by line, one ``"key": "value"`` a line, so
that every value keeps its place in the file. Keys are the field keys of every layout,
identifiers included (``paperTitle``, ``paper-title`` and ``paper_title`` are "paper
title"). Where a record has two title keys, the qualified one (``paper-title``) is the
paper's and the bare ``title`` a headline written for the page. A record is one entry
from its opening ``{`` line to its closing ``}``.
"""
from __future__ import annotations

import re

from kg.parse.base import Builder, Draft, LayoutResult
from kg.parse.datafile import json_data, mapping, opens_data, records
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind

__all__ = ["parse", "name", "in_gaps"]

name = "jsondata"

# One key and its string value on a line: '"paper-title": "Online …",'.
_PAIR = re.compile(r'^\s*"(?P<key>(?:[^"\\]|\\.){1,40})"\s*:\s*"(?P<val>(?:[^"\\]|\\.)*)"\s*,?\s*$')
# A line that opens a mapping ("{", "    {", '"paper": {').
_OPEN = re.compile(r'^\s*(?:"(?:[^"\\]|\\.)*"\s*:\s*)?\{\s*$')
_CLOSE = re.compile(r"^\s*\}\s*[\],]*\s*$")
# A key whose value is a list opened on its line: '"authors": [', '"categories": ["cs.SD", "eess.AS"],'.
_LIST = re.compile(r'^\s*"(?P<key>(?:[^"\\]|\\.){1,40})"\s*:\s*\[')
# One JSON string (its quotes included) and the list's closing bracket.
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_LIST_END = re.compile(r'^[^"]*\]|^\s*\]')
#: Entry parts a list of strings may hold in a paper record (its authors, its arXiv categories).
_LISTED = ("authors", "category")


def in_gaps(doc: ParsedDoc) -> bool:
    return False  # a data file is read whole or not at all


def _is_record(m: dict) -> bool:
    return any(field_kind(str(k)) == "title" and isinstance(v, str) and v.strip() for k, v in m.items())


def _title_key(keys: list[str]) -> str | None:
    """The record's key for the paper's title: a qualified one (``paper-title``) before
    the bare ``title`` a page may use for a headline of its own."""
    titled = [k for k in keys if field_kind(k) == "title"]
    if not titled:
        return None
    qualified = [k for k in titled if k.strip().casefold() != "title"]
    return (qualified or titled)[0]


def _list_items(lines: list[str], k: int, start: int, end: int) -> list[tuple[int, int, int]]:
    """``(line, start, end)`` of the strings of the list opened at ``lines[k][start]``,
    quotes left out, up to its closing bracket (at most line ``end``). Only a list of
    strings is read: a list of mappings (``"nextReads": [{…}]``) gives none."""
    out: list[tuple[int, int, int]] = []
    pos = start
    for j in range(k, end + 1):
        t = lines[j]
        close = t.find("]", pos)
        for m in _STRING.finditer(t, pos, close if close >= 0 else len(t)):
            out.append((j, m.start(1), m.end(1)))
        rest = t[pos : close if close >= 0 else len(t)]
        if _STRING.sub("", rest).strip(" ,\t"):
            return []  # a number, a mapping, a nested list: not a list of strings
        if close >= 0:
            return out
        pos = 0
    return []


def _listed(d: Draft, lines: list[str], offs: dict[int, int], k: int, m: re.Match, end: int) -> None:
    """A list-valued field of a paper record: ``"authors": ["A", "B"]`` (on one line or
    one string a line) is the entry's author list, from its first name to its last;
    ``"categories": ["cs.SD", "eess.AS"]`` states its category by the first item that is
    one (a topic label such as ``"foundation"`` is none)."""
    items = _list_items(lines, k, m.end(), end)
    if not items:
        return
    kind = field_kind(m.group("key"))
    if kind == "authors" and "authors" not in d.spans:
        (j0, a, _), (j1, _, e) = items[0], items[-1]
        d.set("authors", offs[j0] + a, offs[j1] + e)
    elif kind == "category":
        for j, a, e in items:
            d.fill_plain("category", lines[j], offs[j], a, e)
            if "category" in d.spans:
                return


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, name)
    if doc.markdown or doc.feed:
        return b.result()
    raw = "\n".join(x.raw for x in doc.lines)
    if not opens_data(raw):
        return b.result()
    whole = json_data(raw)
    if whole is not None and not records(whole, _is_record):
        return b.result()  # JSON, but no list of paper records in it
    lines = doc.texts
    i = 0
    while i < len(lines):
        if not _OPEN.match(lines[i]):
            i += 1
            continue
        # The mapping's own lines: keys at its first level, up to its closing brace.
        depth, end, pairs, lists = 0, None, [], []
        for k in range(i, len(lines)):
            t = lines[k]
            if _OPEN.match(t):
                depth += 1
            elif _CLOSE.match(t):
                depth -= 1
                if depth == 0:
                    end = k
                    break
            elif depth == 1 and (m := _PAIR.match(t)):
                pairs.append((k, m))
            elif depth == 1 and (m := _LIST.match(t)) and field_kind(m.group("key")) in _LISTED:
                lists.append((k, m))
        key = _title_key([m.group("key") for _, m in pairs])
        # Each record must itself be JSON (the file may be cut short, or several values).
        if end is None or key is None or mapping("\n".join(x.raw for x in doc.lines[i : end + 1])) is None:
            i += 1
            continue
        d = b.open(i)
        offs: dict[int, int] = {}
        for k in range(i, end + 1):
            off = b.take(k) if lines[k].strip() else None
            if off is None:
                continue
            offs[k] = off
            m = next((m for j, m in pairs if j == k), None)
            if m is None:
                continue
            kind = field_kind(m.group("key"))
            a, e = m.start("val"), m.end("val")
            if kind == "title":
                if m.group("key") == key:
                    d.set_title(lines[k], off, a, e)
            elif kind in ("authors", "affiliations", "title_zh"):
                d.set(kind, off + a, off + e)
            elif kind == "date" and (got := find_date(m.group("val"))):
                d.date = d.date or got[2]
            elif kind in ("category", "body"):
                d.fill_plain(kind, lines[k], off, a, e)
        for k, m in lists:
            _listed(d, lines, offs, k, m, end)
        b.close()
        i = end + 1
    b.close()
    if not b.entries:
        return LayoutResult([], [], 0)
    inside = {k for e in b.entries for k in range(e.line - 1, e.end_line)}
    for k, t in enumerate(lines):
        if k not in inside and t.strip():
            # The data's own structure and page-level keys ("daily_data = {", "date": …).
            b.report(k, "data structure", close=False)
    return b.result()
