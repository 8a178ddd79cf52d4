"""The people a list item names around its title: a short reference before it
(``- Bahdanau et al. 2014 — [*Title*](…)``) or under it (``- Vaswani et al., 2017``),
bracketed names or organisations after it (``(Jiaya Jia)``, ``(*Megvii*)``), the clause of
authors after it (``**Title**. A Author, B Author | [abs](…)``), and a citation line of
bracketed names (``2015 - (…) - [Ross Girshick] [Jian Sun]``). Read by the ``items``
layout; each function fills a :class:`~kg.parse.base.Draft` or answers a question about
the item's lines."""
from __future__ import annotations

import re

from kg.parse.at_orgs import at_organisations
from kg.parse.base import strip_span
from kg.parse.byline import clause_authors, reference_byline
from kg.parse.document import Line, ParsedDoc
from kg.parse.names import bracket_kind, looks_like_authors, surname_citation
from kg.parse.titles import SENTENCE_END_RE

__all__ = [
    "lead_reference", "cited_reference", "bracketed_names", "cited_below", "cited_after", "cited_authors",
    "title_clause_authors", "bracketed_people",
]


_BRACKET = re.compile(r"\s*[(（](?P<v>[^()（）]{2,200})[)）]")


# A sub-item that cites the paper as an organisation and a year ("OpenAI, 2023"), and a
# bracketed organisation closing a short reference ("Bai et al., 2022 (Anthropic)").
_ORG_YEAR = re.compile(r"(?P<o>[^,，\d][^,，]{1,60})[,，]\s*(?:19|20)\d{2}[a-z]?")


_CLOSING_BRACKET = re.compile(r"\s*[(（](?P<v>[^()（）]{2,80})[)）]\s*$")
_BY = re.compile(r"\s*(?i:by)\s+(?=[^\W\d_])")


# What separates a short reference that leads an item from the title after it.
_LEAD_SEPARATOR = re.compile(r"[\s—–\-:：,]+$")


def lead_reference(d, ln: Line, off: int, ta: int) -> None:
    """``- Bahdanau et al. 2014 — [*Title*](…)``: a short reference (surnames, ``et al.``,
    the year) that opens the item before its title names its authors."""
    lead = ln.text[ln.start : ta]
    if not lead.strip() or not _YEAR.search(lead):
        return
    sep = _LEAD_SEPARATOR.search(lead)
    ref = reference_byline(ln.text[: ta - (len(sep.group()) if sep else 0)], ln.start)
    if ref is not None:
        d.set("authors", off + ref[0], off + ref[1])


def cited_reference(d, text: str, off: int, a: int, e: int) -> bool:
    """Read the first sub-item under a title when it cites the paper — a reading guide's
    ``- Vaswani et al., 2017``, ``- Bai et al., 2022 (Anthropic)``, ``- OpenAI, 2023``:
    the authors, and an organisation in brackets or in the authors' place. True when it
    did."""
    bm = _CLOSING_BRACKET.search(text, a, e)
    if bm and _YEAR.fullmatch(bm.group("v").strip()):
        bm = None  # "Vaswani et al. (2017)": the bracket holds the reference's year
    core = bm.start() if bm else e
    org = bm if bm and bracket_kind(bm.group("v")) == "affiliations" else None
    ref = reference_byline(text[:core], a)
    if ref is not None and (bm is None or org is not None):
        d.set("authors", off + ref[0], off + ref[1])
        if org is not None:
            d.set("affiliations", off + org.start("v"), off + org.end("v"))
        return True
    m = _ORG_YEAR.fullmatch(text, a, e)
    if m and bracket_kind(m.group("o")) == "affiliations":
        d.set("affiliations", *strip_span(text, off, m.start("o"), m.end("o")))
        return True
    return False


_BRACKETED = re.compile(r"\[(?P<n>[^\[\]\n]{3,60})\]")


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def bracketed_names(text: str, a: int, e: int) -> tuple[int, int] | None:
    """``(start, end)`` of the authors in a citation line that gives a year and each
    author's name in brackets of its own, side by side (``2015 - (2019/04/04: 4950) -
    [Ross Girshick] [Jian Sun]``); ``None`` otherwise."""
    names = list(_BRACKETED.finditer(text, a, e))
    if not names or not _YEAR.search(text, a, names[0].start()):
        return None
    if any(text[p.end() : q.start()].strip() for p, q in zip(names, names[1:])):
        return None
    if not all(looks_like_authors(m.group("n")) for m in names):
        return None
    return names[0].start(), names[-1].end()


def cited_below(doc: ParsedDoc, first: int, last: int) -> bool:
    """The line under an item's title cites it by a year and its authors: their names each
    in brackets of its own (``2014 - (2019/04/04: 10337) - [Yangqing Jia] [Evan Shelhamer]``),
    or a short reference (``- Vaswani et al. (2017)``)."""
    if first + 1 > last:
        return False
    ln = doc.lines[first + 1]
    t = ln.text
    if not _YEAR.search(t):
        return False
    names = [m.group("n") for m in _BRACKETED.finditer(t)]
    if names:
        return all(looks_like_authors(n) for n in names)
    return reference_byline(t, ln.start) is not None


def cited_after(ln: Line, title: tuple[int, int] | None) -> bool:
    """The title is followed by a short reference in brackets that names the paper's
    authors and year (``1. *Attention Is All You Need* (Vaswani et al., 2017).``)."""
    if title is None:
        return False
    m = _BRACKET.match(ln.text, title[1])
    return m is not None and bool(_YEAR.search(m.group("v"))) and reference_byline(ln.text[: m.end("v")], m.start("v")) is not None


# ", Mnih et al, 2013." / ", Hasselt et al 2015." / " — Shao et al. (2024).": the clause
# after a cited title.
_CLAUSE = re.compile(r"\s*[,—–]\s*(?P<a>[^,.()]+?)(?=\.?\s*,|\.?\s+\(?(?:19|20)\d{2}\b)")


def cited_authors(d, ln: Line, off: int, pos: int) -> None:
    """Authors cited by surname right after the title (reading lists)."""
    m = _CLAUSE.match(ln.text, pos)
    if m and surname_citation(m.group("a")):
        d.set("authors", *strip_span(ln.text, off, m.start("a"), m.end("a")))


def title_clause_authors(d, ln: Line, off: int, pos: int) -> None:
    """Authors written as the clause right after the title (``**Title**. A Author, B Author
    | [abs](…)``, ``**"Title"**. *A Author et al.* ICLR 2021. [[Paper](…)]``) — where no
    bracket or citation gave them."""
    if "authors" in d.spans:
        return
    # The clause ends where the item's links begin (their texts are in the line's text),
    # or at a bar.
    end = min((lk.start for lk in ln.links if lk.start >= pos), default=len(ln.text))
    bar = ln.text.find("|", pos, end)
    end = bar if bar >= 0 else end
    by = _BY.match(ln.text, pos, end)
    pos = by.end() if by else pos  # "[Title](arXiv) by A Author and B Author": a paper item's people
    got = clause_authors(ln.text, pos, end, ln.emphasised)
    if got is not None:
        d.set("authors", *strip_span(ln.text, off, *got))


def bracketed_people(d, ln: Line, off: int, pos: int) -> None:
    """Authors or institutions in brackets in the title's own clause: right after it, or
    after its venue and year (``", arXiv, 2021 (*Megvii*)"``) — not in a later sentence."""
    t = ln.text
    for m in _BRACKET.finditer(t, pos):
        between = t[pos : m.start()]
        if len(between) > 60 or SENTENCE_END_RE.search(between.rstrip()) or not re.fullmatch(r"[\s,;:\w'’\-]*", between):
            break
        a, e = m.start("v"), m.end("v")
        italic = any((s, f) == strip_span(t, 0, a, e) for s, f in ln.emphasised)  # "(*Megvii*)"
        kind = "affiliations" if italic else bracket_kind(t[a:e])
        at = at_organisations(t[a:e]) if kind == "affiliations" else None
        if at is not None:
            d.set(kind, off + a + at[0], off + a + at[1])  # "(@MIT&NVIDIA etc)": the names only
        elif kind is not None:
            d.set(kind, *strip_span(t, off, a, e))
        elif (ref := reference_byline(t[:e], a)) is not None:
            d.set("authors", off + ref[0], off + ref[1])  # "*Title* (Vaswani et al., 2017)"
        pos = m.end()
