"""Layout ``headlines``: a dated list of linked headlines (a WeChat account's index of
its articles), one article per sub-item, the date bullet above it its date::

    - 2023-07-07
      - [首篇综述！Open Vocabulary学习综述：全面调研](https://mp.weixin.qq.com/s/…)
      - [炸裂！微软新作LongNet：将Transformer扩展到10亿个Tokens](https://mp.weixin.qq.com/s/…)

A headline is no paper title (the entry has none; a paper named in ``《…》`` is its
Chinese title); the subject a headline opens its news with (``微软新作X``,
``港中大和商汤提出Y``) is the paper's maker, set as the entry's affiliations. Headlines
about something else (an interview question, a course; kg/data/parse/headline_makers.json)
are no entries.
"""
from __future__ import annotations

import re

from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, Builder, LayoutResult, strip_span
from kg.parse.data import load_json
from kg.parse.dates import find_date
from kg.parse.document import Line, ParsedDoc
from kg.records import Span

__all__ = ["parse", "name", "maker"]

name = "headlines"

_WORDS = load_json("headline_makers.json")
_VERB = re.compile("|".join(map(re.escape, sorted(_WORDS["verbs"], key=len, reverse=True))), re.I)
_NOT_PAPER = re.compile("|".join(map(re.escape, _WORDS["not_papers"])), re.I)
# What ends the clause before a maker: sentence ends, a bar, a colon, a closing quote.
_CLAUSE_END = re.compile(r".*[！!？?。|｜:：”」』]\s*")
_BOOK = re.compile(r"《(?P<t>[^《》]{2,200})》")
#: Date bullets a file must hold for the layout to read it.
MIN_DATES = 1


def _date_item(ln: Line) -> str | None:
    """The ISO date of a list item that is a date and nothing else (``- 2023-07-07``)."""
    if ln.kind != "item" or ln.links:
        return None
    t = ln.text[ln.start :].strip()
    got = find_date(t) if 6 <= len(t) <= 20 else None
    return got[2] if got and got[1] - got[0] >= len(t) - 1 else None


def _headline(ln: Line, level: int) -> bool:
    """A sub-item under a date that is one link and nothing else: a linked headline."""
    if ln.kind != "item" or ln.level <= level or len(ln.links) != 1:
        return False
    a, e = strip_span(ln.text, 0, ln.start)
    lk = ln.links[0]
    return lk.start <= a and lk.end >= e and e > a


def maker(text: str, a: int, e: int) -> tuple[int, int] | None:
    """``(start, end)`` of the maker a headline ``text[a:e]`` names as its subject: the
    words between the last clause end before a maker verb and the verb (``微软`` in
    ``炸裂！微软新作LongNet``), or ``None``."""
    v = _VERB.search(text, a, e)
    if v is None:
        return None
    head = _CLAUSE_END.match(text, a, v.start())
    s = head.end() if head else a
    s, t = strip_span(text, 0, s, v.start())
    return (s, t) if t > s and len(text[s:t]) <= 40 else None


def parse(doc: ParsedDoc) -> LayoutResult:
    """One entry per linked headline under a date bullet."""
    b = Builder(doc, name)
    lines = doc.lines
    # Cheap reject: a file with no date bullet is none of this layout's.
    if not any(ln.kind == "item" and _date_item(ln) for ln in lines):
        return b.result()
    date: str | None = None
    level = 0
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            continue
        if (got := _date_item(ln)) is not None:
            date, level = got, ln.level
            b.report(i, "date")
            continue
        if date is None or not _headline(ln, level):
            date = None if ln.kind != "item" else date
            b.report(i, NOT_IN_ENTRY)
            continue
        a, e = strip_span(ln.text, 0, ln.start)
        if _NOT_PAPER.search(ln.text, a, e):
            b.report(i, NON_PAPER)
            continue
        d = b.open(i)
        off = b.take(i)
        d.date = date
        d.body.append(Span(off + a, off + e))
        if (m := _BOOK.search(ln.text, a, e)) is not None:
            d.set("title_zh", off + m.start("t"), off + m.end("t"))
        if (mk := maker(ln.text, a, e)) is not None:
            d.set("affiliations", off + mk[0], off + mk[1])
        b.close()
    return b.result()
