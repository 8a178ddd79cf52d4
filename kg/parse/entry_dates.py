"""The date of each entry: its own (a stated date, a date line closing it, a post's
metadata line after it), else the dated heading it is under, else the digest's (file
name, front matter, a heading). Run by the driver on the entries the layouts read."""
from __future__ import annotations

import bisect
import os
from dataclasses import replace

from kg.parse.boilerplate import is_boilerplate
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.records import Entry, Unassigned

__all__ = ["FRONT_MATTER_DATES", "date_entries"]


#: Front-matter keys that date a page, in the order they are believed.
FRONT_MATTER_DATES = ("date", "title", "description")


def _document_date(doc: ParsedDoc) -> str | None:
    """The digest's own date: in its file name, or in a short heading line among its
    first lines (``arXiv每日速递 2022-09-07``)."""
    got = find_date(os.path.basename(doc.path))
    if got:
        return got[2]
    # Front matter: its date, else a date its title or description states ("论文周报 ·
    # 2026-W32" / "2026-08-01 至 2026-08-07": a weekly's range, dated by its first day).
    fm = doc.front_matter or {}
    for key in FRONT_MATTER_DATES:
        value = fm.get(key)
        got = find_date(str(value)) if value is not None and not isinstance(value, (dict, list)) else None
        if got:
            return got[2]
    seen = 0
    for ln in doc.lines:
        if not ln.text.strip():
            continue
        seen += 1
        if seen > 5:
            break
        if len(ln.text.strip()) <= 80 and (ln.kind == "heading" or is_boilerplate(ln.text, True)):
            got = find_date(ln.text)
            if got:
                return got[2]
    return None


def _section_dates(doc: ParsedDoc) -> list[tuple[int, str]]:
    """``(1-based line, date)`` of headings and date lines that date the entries under
    them (``#### 20211108`` in a reading log, ``2024年09月09日`` over a day's list)."""
    out = []
    for i, ln in enumerate(doc.lines, 1):
        t = ln.text.strip()
        if not t or len(t) > 80 or not (ln.kind == "heading" or t[0].isdigit()):
            continue
        got = find_date(t)
        # A dated heading, or a line that is nothing but a date ("2024年09月09日").
        if got and (ln.kind == "heading" or not t[: got[0]].strip(" #*:：") and not t[got[1] :].strip(" #*:：")):
            out.append((i, got[2]))
    return out


def date_entries(doc: ParsedDoc, entries: list[Entry], unassigned: list[Unassigned]) -> list[Entry]:
    """Entries without a date of their own take one from a metadata line right after them
    (``发布时间: …`` under a post), else from the dated heading they are under, else the
    digest's date."""
    doc_date = _document_date(doc)
    sections = _section_dates(doc)
    # A line that is nothing but a date closing a paragraph of an entry ("27 Apr 2023"
    # under a paper's links) dates that entry, and no entry after it; after a blank line it
    # may be a day's separator a layout took in, which dates the entries after it.
    own: dict[int, str] = {}
    starts = [e.line for e in entries]
    inside = set()
    for line, d in sections:
        k = bisect.bisect_right(starts, line) - 1
        if (
            k >= 0
            and entries[k].line < line <= entries[k].end_line
            and doc.lines[line - 1].kind != "heading"
            and doc.lines[line - 2].text.strip()
        ):
            own.setdefault(k, d)
            inside.add(line)
    sections = [(line, d) for line, d in sections if line not in inside]
    # Post metadata lines by line number, so each entry looks only at the lines after it.
    meta = sorted((u.line, u.text) for u in unassigned if u.reason == "post metadata")
    lines = [m[0] for m in meta]
    out = []
    for k, e in enumerate(entries):
        date = e.date
        if date is None and meta and e.layout == "post":  # a post's metadata follows it
            nxt = entries[k + 1].line if k + 1 < len(entries) else None
            for j in range(bisect.bisect_right(lines, e.end_line), len(meta)):
                if nxt is not None and meta[j][0] >= nxt:
                    break
                got = find_date(meta[j][1])
                if got:
                    date = got[2]
                    break
        date = date or own.get(k)
        if date is None:
            date = next((d for line, d in reversed(sections) if line <= e.line), None)
        date = date or doc_date
        out.append(e if date == e.date else replace(e, date=date))
    return out
