"""Bylines: the line under an item's title that sets its people, its paper link and its
date side by side, separated by middle dots or bars::

    Alice Zhang, Bob Stone (中科院/清华等) · arXiv:2604.12632 · 2026-04-14 提交

HTML paper cards, blog posts and LLM-written digests write them; any layout that reads an
item's title may read the line under it with :func:`byline` and :func:`fill_byline`.
"""
from __future__ import annotations

import re

from kg.parse.author_fields import author_value, journal_name, venue_metric
from kg.parse.base import LINK_DECORATION, LINK_LABEL_RE, Draft, scholarly_link, strip_span, url_only
from kg.parse.dates import find_date
from kg.parse.document import Line
from kg.parse.names import author_names, bracket_kind, looks_like_authors, reference_authors
from kg.parse.titles import SENTENCE_END_RE
from kg.records import Span
from kg.text import arxiv_id

__all__ = [
    "byline", "fill_byline", "listed_author", "clause_authors", "trailing_authors", "citation", "citation_authors",
    "reference_byline",
]


# The parts of a byline: "A Author, B Author (Org) · arXiv:2604.12632 · 2026-04-14 提交",
# also set apart by spaced em dashes ("S. Wang, X. Hou — arXiv 2607.01640, July 2026 — [link](…)").
_BYLINE_SEP = re.compile(r"\s+[·•|｜—]\s+")
# An initial's full stop ("S. Wang") ends no sentence.
_INITIAL = re.compile(r"(?<![^\W\d_])[A-Z]\.(?=\s|-)")


def byline(line: Line) -> list[tuple[int, int]] | None:
    """The parts of a byline — a card's or post's line under its title that sets the
    people, the paper link and the date side by side, separated by middle dots or bars —
    as ``(start, end)`` in ``line.text``; ``None`` when the line is not one (one of its
    parts must be the paper link alone, and no part a sentence)."""
    t = line.text
    if line.kind == "heading" or not _BYLINE_SEP.search(t, line.start):
        return None  # a heading is an item's title, never the line under one
    parts, pos = [], line.start
    for m in [*_BYLINE_SEP.finditer(t, line.start), None]:
        end = m.start() if m else len(t)
        a, e = strip_span(t, 0, pos, end)
        if e > a:
            parts.append((a, e))
        pos = m.end() if m else end
    if len(parts) < 2 or any(
        SENTENCE_END_RE.search(_INITIAL.sub("", t[a:e]).rstrip(".")) or len(t[a:e]) > 300 for a, e in parts
    ):
        return None
    if any(_titled_link(line, a, e) for a, e in parts):
        return None  # "[Title](…) — A Author": an item's own line, its title linked
    linked = any(
        _link_part(line, a, e) or (arxiv_id(t[a:e]) and len(t[a:e].split()) == 1) for a, e in parts
    )
    # "📅 2026-08-20 · ✍️ Sahil Kale, Ian Harris": a date and the people, no link needed.
    dated = any(_date_part(t[a:e]) for a, e in parts) and any(
        author_value(t[k:e]) for a, e in parts if (k := _past_mark(t, a, e)) < e
    )
    return parts if linked or dated else None


# An emoji or symbol that labels a byline's part ("✍️ A Author", "📅 2026-08-20").
_PART_MARK = re.compile(r"[^\w\s(（\[\]\"'“‘]+\s*")


def _past_mark(t: str, a: int, e: int) -> int:
    """Where a byline part's text starts after the emoji that labels it."""
    m = _PART_MARK.match(t, a, e)
    return m.end() if m else a


def _date_part(s: str) -> bool:
    """A byline part that is a date and nothing else (an emoji before it allowed)."""
    s = _PART_MARK.sub("", s, count=1).strip() if _PART_MARK.match(s) else s.strip()
    got = find_date(s)
    return got is not None and len(s) <= 40 and got[1] - got[0] >= len(s) - 2


def fill_byline(d: Draft, line: Line, off: int, parts: list[tuple[int, int]]) -> None:
    """The people and date of a byline: a part that is an author list (its bracketed
    organisations after it, ``A Author (CMU)``), a part that is a date; the link part is
    already the entry's link."""
    t = line.text
    # A journal paper's page (DOI, PubMed, a publisher's), not an arXiv one: the line may
    # name the journal where a byline names people.
    journal_page = any(scholarly_link(lk.url) and not arxiv_id(lk.url) for lk in line.links)
    for a, e in parts:
        a = _past_mark(t, a, e)  # "✍️ A Author": the emoji labels the part
        got = author_value(t[a:e]) if "authors" not in d.spans else None
        if got is not None and venue_metric(t[a + got[1] : e]):
            continue  # "Cancer Cell (IF: 31.7)": a journal and its impact factor, not people
        if got is not None and journal_page and journal_name(t[a + got[0] : a + got[1]]):
            continue  # "Nat Commun | 2026 Mar 30 | [PubMed](…)": the journal the paper is in
        if got is not None:
            d.set("authors", off + a + got[0], off + a + got[1])
            o = t.find("(", a + got[1], e)
            o = t.find("（", a + got[1], e) if o < 0 else o
            c = max(t.rfind(")", o, e), t.rfind("）", o, e)) if o >= 0 else -1
            if c > o >= 0 and _organisations(t[o + 1 : c]):
                d.set("affiliations", *strip_span(t, off, o + 1, c))
            continue
        got_date = find_date(t[a:e])
        if got_date and d.date is None and len(t[a:e]) <= 40:
            d.date = got_date[2]


def listed_author(d: Draft, line: Line, off: int, extend: bool) -> bool:
    """A list item of one name where a list of authors goes (under ``**Authors:**`` with no
    value, under a ``### Authors`` heading): the first opens the entry's author list; with
    ``extend`` (the item before was one too) it lengthens the list to this item."""
    if line.kind != "item":
        return False
    a, e = strip_span(line.text, 0, line.start)
    got = author_names(line.text[a:e]) if e > a else None
    if got is None or len(got[0]) != 1 or not looks_like_authors(line.text[a:e]):
        return False
    span = d.spans.get("authors")
    if span is not None and not extend:
        return False
    d.spans["authors"] = Span(span.start if span else off + a, off + e)
    return True


def _organisations(s: str) -> bool:
    """Whether a bracket after a byline's names lists organisations (``CMU``,
    ``NUS / CFM / Google Research``, ``中科院/清华等`` — "等": and others)."""
    parts = [p for p in re.split(r"\s*[/,，、;；&]\s*", re.sub(r"等$", "", s.strip())) if p]
    return bool(parts) and bracket_kind(", ".join(parts)) == "affiliations"




def _titled_link(line: Line, a: int, e: int) -> bool:
    """Whether ``line.text[a:e]`` is a link whose text is a title (three words or more, not
    a label such as ``arXiv link``)."""
    for lk in line.links:
        if a <= lk.start and lk.end <= e:
            text = line.text[lk.start : lk.end].strip()
            if len(text.split()) >= 3 and not LINK_LABEL_RE.match(text):
                return True
    return False


def _link_part(line: Line, a: int, e: int) -> bool:
    """Whether ``line.text[a:e]`` is links and nothing else (``[arXiv](…)``, a bare address)."""
    seg = line.text[a:e].strip()
    inside = [lk for lk in line.links if a <= lk.start and lk.end <= e]
    if url_only(seg, len(inside)):
        return True
    linked = sum(lk.end - lk.start for lk in inside)
    return bool(inside) and linked >= len(seg) - LINK_DECORATION * len(inside)


def reference_byline(text: str, start: int = 0) -> tuple[int, int] | None:
    """``(start, end)`` of the authors when the line under a title is a short reference to
    its paper — ``Vaswani et al., 2017``, ``Hausknecht and Stone (2015)``, ``Riedmiller, M.
    2005`` — the whole line being the authors and the year; ``None`` otherwise."""
    a, e = strip_span(text, 0, start)
    got = reference_authors(text[a:e])
    return None if got is None else (a + got[0], a + got[1])


# The venue and year that close a citation after its authors: " ICLR 2021", ". arXiv 2022",
# " NeurIPS 2022 Datasets and Benchmarks Track", " arXiv." — words and a year, no names.
# A comma may close the tail too, where a link follows it on the line ("…, 2017, [url](…)").
# The venue may be written out with its abbreviation in brackets and closed by a stop
# before the year ("; The IEEE Conference on … Recognition (CVPR), 2016", ". Proceedings of
# the IEEE Conference on … Recognition. 2016.").
_VENUE_TAIL = re.compile(
    r"[.,;]\s*(?:\(?[A-Za-z][\w&'’\-]*\)?[.,]?\s+){0,14}(?:(?:19|20)\d{2}[a-z]?|arXiv|preprint)(?:[\s,]+[A-Za-z][\w&'’\-]*){0,6}[.,;]?\s*", re.I
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_KEEPS_STOP = re.compile(r"(?:\bet\.?\s*al|\b[A-Z])\.$")
_ET_AL_END = re.compile(r"\bet\.?\s*al\b\.?")


def clause_authors(text: str, start: int, end: int, emphasised=()) -> tuple[int, int] | None:
    """``(start, end)`` of the authors in the clause after a paper's title, or ``None``.

    Reading lists write the authors between the title and the links, often with the venue
    and year after them (``**"Title"**. *A Author et al.* ICLR 2021. [[Paper](…)]``): the
    whole clause when it is an author list; else the bold or italic run that opens it;
    else the clause up to its ``et al.``; else the clause without its venue-and-year tail.
    """
    a, e = strip_span(text, 0, start, end)
    while a < e and text[a] in ".,:;—–-":
        a += 1
    # The bracket that opens the links right after the names ("A Author \[[pdf](…)\]"); after
    # a full stop ("… B Author. Preprint. [[pdf](…)]") the clause's venue tail is read below.
    if e > a and text[e - 1] in "[［(（" and not text[a : e - 1].rstrip().endswith("."):
        e -= 1
    a, e = strip_span(text, 0, a, e)
    cands: list[tuple[int, int]] = [(a, e)]
    for s, f in emphasised:
        if a <= s <= a + 1 and f <= e:
            cands.append((s, f))  # "*A Author et al.* ICLR 2021": the run that opens it
    m = _ET_AL_END.search(text, a, e)
    if m:
        cands.append((a, m.end()))
    # The tail starts at a stop or comma that leaves only venue words and a year after it
    # ("…, B Author. NeurIPS 2022 Datasets and Benchmarks Track"): the shortest first, then
    # longer ones, since the year alone may follow the venue's own comma ("; The IEEE
    # Conference … (CVPR), 2016").
    for k in range(e - 1, a, -1):
        if text[k] in ".,;" and _VENUE_TAIL.fullmatch(text, k, e):
            cands.append((a, k))
    for s, f in cands:
        s, f = strip_span(text, 0, s, f)
        # A closing comma, or a full stop that ends the clause rather than an initial
        # ("R. Chen.") or an "et al.".
        while f > s and (text[f - 1] in ",;" or (text[f - 1] == "." and not _KEEPS_STOP.search(text[s:f]))):
            f -= 1
        # A year is a citation's, never part of a name (name lists allow trailing index
        # digits: "A Smith1").
        if f > s and not _YEAR.search(text, s, f) and (looks_like_authors(text[s:f]) or _reference_names(text[s:f])):
            return s, f
    return None


def _reference_names(s: str) -> bool:
    """A reference's author list with an inverted or initialled name (``Luo, Wenjie,
    Alexander G. Schwing, and Raquel Urtasun``, ``Long, J., Shelhamer, E. and Darrell, T.``)."""
    # An initial or a conjunction shows it is names, not two capitalised words ("Rethinking, Evaluation").
    return "," in s and bool(re.search(r"\b[A-Z]\.|\band\b|&", s)) and citation_authors(s)



def trailing_authors(text: str, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """A title followed, after a comma, by its authors — ``Exploring the limits of language
    modeling, R. Jozefowicz et al.`` — as ``(end of the title, (authors start, end))``;
    ``None`` when no comma leaves an author list after it (a title's own commas leave
    title words)."""
    for m in re.finditer(r",\s+", text[start:end]):
        a, e = strip_span(text, 0, start + m.end(), end)
        while e > a and text[e - 1] in ",;" or (e > a and text[e - 1] == "." and not _KEEPS_STOP.search(text[a:e])):
            e -= 1
        if e > a and len(text[a:e]) <= 300 and not _YEAR.search(text, a, e) and looks_like_authors(text[a:e]):
            return start + m.start(), (a, e)
    return None


# ---------------------------------------------------------------- reference-style citations
#
# Reading lists copy the reference a paper manager or a bibliography gave them, authors
# first:
#
#     LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "Deep learning." Nature 521 (2015)   (MLA)
#     Deng J, Dong W, Socher R, et al. Imagenet: A large-scale image database[C]//CVPR. 2009   (GB/T 7714)
#     Ann Lee, Bo Chen. Sparse Routers for Long Context. ACL 2021.                          (ACL, APA)
#
# or title first, the authors after it ("Title. Ann Lee, Bo Chen."). The title is the
# quoted part, the part before a GB/T document-type mark, or the sentence beside the
# author list.

# "[J]" journal, "[C]" proceedings, "[M]" book, "[D]" thesis, "[R]" report, "[EB/OL]" online…
_DOC_TYPE = re.compile(r"\[(?:[JCMDRANPSZ]|EB|DB|CP)(?:/OL)?\]")
_CITED_TITLE = re.compile(r"[\"“](?P<t>[^\"“”]{4,400}?)[.,]?[\"”]")
# A list marker that opens a reference ("1.", "[12]", "12)").
_REF_NUMBER = re.compile(r"\s*(?:\[\d{1,4}\]|\d{1,4}[.)、])\s*")
# "LeCun" / "van der Berg": a surname written first, then a comma and the given names.
_LONE_SURNAME = re.compile(r"(?:(?:van|von|de|der|den|di|da|du|le|la|del|della|ter)\s+)*[A-Z][\w'’\-]+(?:\s+(?:Jr|Sr|II|III|IV)\.?)?")
# "Yann" / "Geoffrey E." / "R. T.": given names after an inverted surname.
_GIVEN = re.compile(r"(?:[A-Z][\w'’\-]*\.?)(?:\s+[A-Z][\w'’\-]*\.?){0,2}")
# "Deng J" / "Van den Oord A" / "Dally W J": a surname and initials without stops (GB/T 7714).
_SURNAME_INITIALS = re.compile(r"(?:[A-Z][\w'’\-]+\s+)?(?:(?:van|von|de|der|den|di|da|du|le|la)\s+)*[A-Z][\w'’\-]+(?:\s+[A-Z]){1,3}")
_CITE_SEP = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
# "J." / "E. J." / "J.-P.": the initials after a surname in an APA reference.
_APA_INITIALS = re.compile(r"[A-Z](?:\.\s?-?[A-Z]){0,3}\.?")  # the list's last stop may be cut
_CITE_TRUNC = re.compile(r"[\s,]*(?:et\.?\s*al\.?|\.\.\.|…)\s*$", re.I)
# A sentence boundary in a reference: a stop and a space, unless the stop ends an initial.
_BOUNDARY = re.compile(r"(?<!\b[A-Z])\.\s+")


def citation_authors(s: str) -> bool:
    """Whether ``s`` is the author list of a reference: names given first (``Ann Lee, Bo
    Chen``), a first name inverted (``LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton``),
    surnames with initials (``Deng J, Dong W, Socher R``), with or without ``et al.``.

    >>> citation_authors("Kingma, Diederik, and Jimmy Ba"), citation_authors("Ba J L, Kiros J R, Hinton G E")
    (True, True)
    >>> citation_authors("Deep residual learning for image recognition")
    False
    """
    s = s.strip().rstrip(".,;").strip()
    trunc = _CITE_TRUNC.search(s)
    body = s[: trunc.start()] if trunc else s
    parts = [p for p in _CITE_SEP.split(body) if p]
    if not parts or len(body) > 1000:
        return False
    names, k, full = 0, 0, False
    while k < len(parts):
        p = parts[k]
        if k == 0 and len(parts) > 1 and _LONE_SURNAME.fullmatch(p) and _GIVEN.fullmatch(parts[1]) and not looks_like_authors(parts[1]):
            names, k, full = names + 1, k + 2, True  # "LeCun, Yann": the first author, inverted
            continue
        if k + 1 < len(parts) and _LONE_SURNAME.fullmatch(p) and _APA_INITIALS.fullmatch(parts[k + 1]):
            names, k = names + 1, k + 2  # "Long, J.", "Shelhamer, E.": APA's surname and initials
            continue
        if looks_like_authors(p):
            names, k, full = names + 1, k + 1, True
            continue
        if _SURNAME_INITIALS.fullmatch(p):
            names, k = names + 1, k + 1
            continue
        return False
    # One name alone is a list when written out in full ("Carla Diaz"); a lone "Deng J"
    # only with its "et al.".
    return names >= 2 or (names == 1 and (full or bool(trunc)))


def _title_like(s: str, words: int = 3) -> bool:
    s = s.strip()
    return words <= len(s.split()) <= 60 and s[:1].isalnum() and not citation_authors(s)


# Where a sentence of a reference may end: a stop, then a space or the end. After an
# initial the stop may end the author list too ("Hinton G E. Layer normalization[J]"), so
# the author part is tried at every stop; the title ends at a stop that ends no initial.
_STOP = re.compile(r"\.(?:\s+|$)")
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])\.(?:\s+|$)")


# The year that closes the authors of an author–date reference and the stop after it:
# Harvard's ", 2013." or ", 2018, January.", APA's " (2017)." or " (2017, May)."
_AUTHOR_YEAR = re.compile(
    r"(?:,\s*|\s*\()(?:19|20)\d{2}[a-z]?(?:,\s*[A-Z][a-z]{2,8}(?:\s+\d{1,2})?)?\)?\.\s+(?=\S)"
)
# Where an author–date reference's title ends: a stop that ends no initial and no
# abbreviation ("Sponsored vs. Organic …"), a question or exclamation mark, or the line.
_TITLE_END = re.compile(r"(?<!\b[A-Z])(?<!\bvs)(?<!\betc)(?<!\bal)(?<!\bNo)\.(?:\s+|$)|[?!](?=\s+[A-Z]|\s*$)")


def _author_date(text: str, a: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """An author–date reference (Harvard, APA): ``Beel, J., Langer, S. and Genzmehr, M.,
    2013. Title. Venue.`` / ``Devlin, J., … & Toutanova, K. (2019). *Title*. arXiv …``."""
    y = _AUTHOR_YEAR.search(text, a, end)
    if y is None:
        return None
    s, e = strip_span(text, 0, a, y.start())
    authors = re.sub(r",?\s*(?:\.\.\.|…)\s*(?=&|and\b)", ", ", text[s:e])  # "…, Gomez, A. N., ... & Polosukhin, I."
    if e <= s or not citation_authors(authors):
        return None
    t = _TITLE_END.search(text, y.end(), end)
    t0, t1 = strip_span(text, 0, y.end(), t.start() if t and text[t.start()] == "." else (t.end() if t else end))
    if not _title_like(text[t0:t1], 1):
        return None
    return (s, e), (t0, t1)


def citation(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``((authors start, end), (title start, end))`` of a reference-style citation in
    ``text[start:end]``, or ``None``. Authors before their year and the title (Harvard,
    APA), before a quoted title (MLA), before a title closed by a GB/T document-type mark
    (``[J]``, ``[C]``), or in the sentence before or after the title."""
    end = len(text) if end is None else end
    m = _REF_NUMBER.match(text, start)
    a = m.end() if m else start
    if got := _author_date(text, a, end):
        return got
    q = _CITED_TITLE.search(text, a, end)
    if q is not None:
        s, e = strip_span(text, 0, a, q.start())
        while e > s and text[e - 1] in ".,:;":
            e -= 1
        if e > s and citation_authors(text[s:e]) and _title_like(q.group("t"), 1):
            return (s, e), strip_span(text, 0, q.start("t"), q.end("t"))
        return None
    mark = _DOC_TYPE.search(text, a, end)
    for st in _STOP.finditer(text, a, end):
        if mark is not None and st.start() > mark.start():
            break
        if not citation_authors(text[a : st.start()]):
            continue
        t0 = st.end()
        if mark is not None:
            t1 = mark.start()
        else:
            nxt = _SENTENCE_STOP.search(text, t0, end)
            t1 = nxt.start() if nxt else end
        if _title_like(text[t0:t1], 1 if mark is not None else 3):
            return strip_span(text, 0, a, st.start()), strip_span(text, 0, t0, t1)  # "A, B. Title. Venue"
    if mark is None:
        st = _SENTENCE_STOP.search(text, a, end)
        if st is not None and _title_like(text[a : st.start()]):
            nxt = _SENTENCE_STOP.search(text, st.end(), end)
            a1 = st.end()
            e1 = nxt.start() if nxt else end
            if citation_authors(text[a1:e1]):
                return strip_span(text, 0, a1, e1), strip_span(text, 0, a, st.start())  # "Title. A, B."
    return None
