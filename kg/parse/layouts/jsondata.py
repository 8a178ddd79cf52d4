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
# One JSON string (its quotes included).
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
# A record written on one line (a compact array's item, a JSON Lines row): '{"title": …},'.
_ONE_LINE = re.compile(r"^\s*\[?\s*(?=\{.*\}[\s,\]]*$)")
# What a scan of one line's JSON reads: strings and the structure around them.
# An arXiv id as a data file states it ("2401.00001", "2401.00001v2").
_BARE_ID = re.compile(r"\d{4}\.\d{4,5}(?:v\d+)?")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]')
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


def _record(doc: ParsedDoc, lines: list[str], i: int) -> tuple[int, list[tuple[int, str, str, int, int]]] | None:
    """The record that opens at line ``i``: its last line and its first-level members as
    ``(line, key, "str" | "list", start, end)`` (a string value's range without its
    quotes; a list's position after its ``[``), or ``None``. A record spans lines (one
    key a line, up to its closing brace) or is written on one line; either way it must
    itself be JSON (the file may be cut short, or hold several values)."""
    t = lines[i]
    if _OPEN.match(t):
        depth, end, members = 0, None, []
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
                members.append((k, m.group("key"), "str", m.start("val"), m.end("val")))
            elif depth == 1 and (m := _LIST.match(t)) and field_kind(m.group("key")) in _LISTED:
                members.append((k, m.group("key"), "list", m.end(), 0))
        if end is None or mapping("\n".join(x.raw for x in doc.lines[i : end + 1])) is None:
            return None
        return end, members
    m = _ONE_LINE.match(t)
    if m is None:
        return None
    got = _members(t, m.end())
    if got is None or mapping(t[m.end() : got[0]]) is None or t[got[0] :].strip(" \t,]"):
        return None
    return i, [(i, key, typ, a, e) for key, typ, a, e in got[1] if typ == "str" or field_kind(key) in _LISTED]


def _members(t: str, start: int) -> tuple[int, list[tuple[str, str, int, int]]] | None:
    """The end of the JSON object opening at ``t[start]`` and its first-level members
    ``(key, "str" | "list", start, end)``; ``None`` when it does not close on the line."""
    depth, key, expect_key, out = 0, None, False, []
    for m in _TOKEN.finditer(t, start):
        tok = m.group(0)
        if tok in "{[":
            if depth == 1 and key is not None and tok == "[":
                out.append((key, "list", m.end(), 0))
            key = None if depth == 1 else key
            depth += 1
            expect_key = depth == 1
        elif tok in "}]":
            depth -= 1
            if depth == 0:
                return m.end(), out
        elif tok == ",":
            if depth == 1:
                expect_key, key = True, None
        elif tok != ":" and depth == 1:
            if expect_key:
                key, expect_key = tok[1:-1], False
            elif key is not None:
                out.append((key, "str", m.start() + 1, m.end() - 1))
                key = None
    return None


def _value(d: Draft, line: str, off: int, key: str, a: int, e: int, is_title: bool) -> None:
    """A string member of a paper record: ``line[a:e]`` is its value."""
    kind = field_kind(key)
    if kind == "title":
        if is_title:
            d.set_title(line, off, a, e)
    elif kind in ("authors", "affiliations", "title_zh"):
        d.set(kind, off + a, off + e)
    elif kind == "date" and (got := find_date(line[a:e])):
        d.date = d.date or got[2]
    elif kind in ("category", "body"):
        d.fill_plain(kind, line, off, a, e)
    elif kind == "link" and _BARE_ID.fullmatch(line[a:e]) and "arxiv" in key.casefold():
        d.ids.append(line[a:e])  # "arxiv_id": "2401.00001": the id stated without a link


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


def _listed(d: Draft, lines: list[str], offs: dict[int, int], k: int, key: str, pos: int, end: int) -> None:
    """A list-valued field of a paper record: ``"authors": ["A", "B"]`` (on one line or
    one string a line) is the entry's author list, from its first name to its last;
    ``"categories": ["cs.SD", "eess.AS"]`` states its category by the first item that is
    one (a topic label such as ``"foundation"`` is none)."""
    items = _list_items(lines, k, pos, end)
    if not items:
        return
    kind = field_kind(key)
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
    if whole is not None and not records(whole, _is_record) and not (isinstance(whole, dict) and _is_record(whole)):
        return b.result()  # JSON, but no list of paper records in it, nor one paper's record
    lines = doc.texts
    i = 0
    while i < len(lines):
        got = _record(doc, lines, i)
        if got is None:
            i += 1
            continue
        end, members = got
        key = _title_key([m[1] for m in members if m[2] == "str"])
        if key is None:
            i += 1
            continue
        d = b.open(i)
        offs: dict[int, int] = {}
        for k in range(i, end + 1):
            if lines[k].strip():
                offs[k] = b.take(k)
        for k, mkey, typ, a, e in members:
            if typ == "str":
                _value(d, lines[k], offs[k], mkey, a, e, mkey == key)
        for k, mkey, typ, a, _ in members:
            if typ == "list":
                _listed(d, lines, offs, k, mkey, a, end)
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
