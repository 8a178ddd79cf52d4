"""Layout ``generic``: the fallback for pages no other layout explains.

Paragraphs (runs of non-blank lines) that carry a paper — an arXiv id or a paper link,
or an author list — become entries: the first title-like line is the title, the first
author-list line the authors. Everything else is reported line by line. The driver
uses this layout only when no other finds an entry::

    Segment Anything
    Alexander Kirillov, Eric Mintun, Nikhila Ravi
    https://arxiv.org/abs/2304.02643
"""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Builder, LayoutResult, blocks, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.byline import clause_authors
from kg.parse.document import ParsedDoc
from kg.parse.names import author_names, looks_like_authors
from kg.parse.titles import SENTENCE_END_RE
from kg.records import Span
from kg.text import arxiv_id, cjk_share

__all__ = ["parse", "name", "in_gaps"]

name = "generic"


def in_gaps(doc: ParsedDoc) -> bool:
    return False


def _title_like(s: str) -> bool:
    s = s.strip()
    if not 8 <= len(s) <= 250:
        return False
    if cjk_share(s) > 0.5:
        return len(s) <= 80 and not SENTENCE_END_RE.search(s[:-1])
    return len(s.split()) >= 2 and s[0].isupper() and not SENTENCE_END_RE.search(s.rstrip("."))


def _author_line(lines: list[str], run: list[int]) -> int | None:
    """The line of a paragraph that lists its authors: of the lines that read as names,
    the one with the most names ("Segment Anything" reads as a name too, but a title
    comes first and names one thing)."""
    best: tuple[int, int] | None = None
    for pos, k in enumerate(run):
        got = author_names(lines[k]) if looks_like_authors(lines[k]) else None
        if got is None:
            continue
        score = (len(got[0]), pos > 0)
        if best is None or score > best[0]:
            best = (score, k)
    return None if best is None else best[1]


def _lead_title(doc: ParsedDoc, k: int) -> tuple[int, int] | None:
    """A title set in bold or italics at the start of a line (``**Title.** …``), when more
    follows it on the line."""
    ln = doc.lines[k]
    a0 = len(ln.text) - len(ln.text[ln.start :].lstrip())
    for s, e in ln.emphasised:
        if s <= a0 + 1 and _title_like(ln.text[s:e]) and ln.text[e:].strip(" .*_"):
            return strip_span(ln.text, 0, s, e)
    return None


# A lead that names the paper's subject before its linked title ("Beyond Accuracy: [Title](…)").
_LEAD_PHRASE = re.compile(r"[^\W\d][^:：\[\]]{0,60}[:：]")
# A bracketed note after a title ("(ACL 2020 Best paper)").
_NOTE = re.compile(r"\s*[(（][^()（）]{1,80}[)）]")


def _linked_title(doc: ParsedDoc, k: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A reading log's line — ``**06/22/2020** [Title](notes.md) L.Logeswaran, H.Lee
    [pdf](…)``: the first link whose text is a title, after nothing but emphasised runs
    (a date) and a phrase ending in a colon (then part of the title: ``Beyond Accuracy:
    [Behavioral Testing …](…)``), and the authors written after it; ``(title, authors
    or None)``."""
    ln = doc.lines[k]
    t = ln.text
    for lk in ln.links:
        if not _title_like(t[lk.start : lk.end]):
            continue
        x = max([e for s, e in ln.emphasised if e <= lk.start] + [ln.start])
        rest = t[x : lk.start]
        a = lk.start
        if rest.strip() and _LEAD_PHRASE.fullmatch(rest.strip()) and len(rest.split()) <= 8:
            a = x + len(rest) - len(rest.lstrip())
        elif re.search(r"[^\W\d_]{3,}", rest):
            return None  # a sentence before the link: the link is something it mentions
        pos = lk.end
        note = _NOTE.match(t, pos)
        pos = note.end() if note else pos
        end = min([y.start for y in ln.links if y.start >= pos] + [len(t)])
        return strip_span(t, 0, a, lk.end), clause_authors(t, pos, end, ln.emphasised)
    return None


def _clause(doc: ParsedDoc, k: int, pos: int) -> tuple[int, int] | None:
    """The clause after ``pos`` up to its full stop or the line's next link or emphasis."""
    ln = doc.lines[k]
    t = ln.text
    end = min([lk.start for lk in ln.links if lk.start >= pos] + [s for s, _ in ln.emphasised if s > pos] + [len(t)])
    seg = t[pos:end]
    lead = len(seg) - len(seg.lstrip(" .,:;—–-"))
    stop = re.search(r"(?<!\bal)\.(?:\s|$)", seg[lead:])
    b = pos + lead + (stop.start() if stop else len(seg) - lead)
    a, b = strip_span(t, 0, pos + lead, b)
    return (a, b) if b > a else None


def _line_paper(doc: ParsedDoc, k: int) -> str | None:
    """The arXiv id a line carries, in its text or its links."""
    return arxiv_id(doc.texts[k]) or next((i for lk in doc.lines[k].links if (i := arxiv_id(lk.url))), None)


def _one_per_line(doc: ParsedDoc, run: list[int]) -> bool:
    """A paragraph of one-line posts: every line names a paper of its own (its title and
    its link, ``Title https://arxiv.org/abs/…``), so each line is one entry."""
    ids = [_line_paper(doc, k) for k in run]
    return len(run) >= 2 and all(ids) and len(set(ids)) == len(run) and all(
        _title_like(doc.texts[k][: doc.texts[k].find("http")] if "http" in doc.texts[k] else doc.texts[k]) for k in run
    )


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, "generic")
    lines = b.lines
    for block in blocks(lines):
        run = [k for k in block if not is_boilerplate(lines[k], between_entries=True)]
        if _one_per_line(doc, run):
            for k in run:
                d = b.open(k)
                off = b.take(k)
                line = lines[k]
                d.set_title(line, off, *strip_span(line, 0, doc.lines[k].start))
                b.close()
            for k in block:
                if k not in run:
                    b.report(k, is_boilerplate(lines[k], between_entries=True) or NOT_IN_ENTRY)
            continue
        urls = [lk.url for k in run for lk in doc.lines[k].links]
        has_paper = any(arxiv_id(lines[k]) for k in run) or any(arxiv_id(u) for u in urls)
        authors = _author_line(lines, run)
        # A linked title with its authors after it names a paper without an id.
        cited = any((got := _linked_title(doc, k)) is not None and got[1] is not None for k in run)
        if run and (has_paper or authors is not None or cited):
            d = b.open(run[0])
            for k in run:
                off = b.take(k)
                line = lines[k]
                a = doc.lines[k].start
                if "title" not in d.spans and "title_zh" not in d.spans and (lead := _lead_title(doc, k)):
                    # "**Title.** A Author, B Author. *Venue.* [link](…)": the bold run is the
                    # title, the clause after it the authors.
                    d.set_title(line, off, *lead)
                    clause = _clause(doc, k, lead[1])
                    if clause and authors is None and looks_like_authors(line[clause[0] : clause[1]]):
                        d.set("authors", off + clause[0], off + clause[1])
                    continue
                if "title" not in d.spans and "title_zh" not in d.spans and (linked := _linked_title(doc, k)):
                    (ta, te), who = linked
                    d.set("title", off + ta, off + te)
                    if who is not None and "authors" not in d.spans:
                        d.set("authors", off + who[0], off + who[1])
                    continue
                if "title" not in d.spans and "title_zh" not in d.spans and k != authors and _title_like(line[a:]):
                    d.set_title(line, off, *strip_span(line, 0, a))
                elif k == authors:
                    d.set("authors", *strip_span(line, off, a))
                else:
                    d.body.append(Span(*strip_span(line, off, a)))
            b.close()
            for k in block:
                if k not in run:
                    b.report(k, is_boilerplate(lines[k], between_entries=True) or NOT_IN_ENTRY)
        else:
            for k in block:
                b.report(k, is_boilerplate(lines[k], between_entries=True) or NOT_IN_ENTRY)
    return b.result()
