"""The public base of every layout: the Layout protocol, its result, the entry builder.

A layout is an object with a ``name`` and ``parse(doc) -> LayoutResult``; it reads the
:class:`~kg.parse.document.ParsedDoc` (lines with markup removed) and builds entries
with a :class:`Builder`, which keeps the bookkeeping every layout needs: the open entry,
finished entries, reported lines and how many lines were explained.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

import re

from kg.parse.categories import badge_category, field_category, source_category
from kg.parse.data import load_words
from kg.parse.dates import find_date
from kg.parse.footnotes import note_affiliations
from kg.parse.makers import maker_year
from kg.parse.document import Line, ParsedDoc
from kg.parse.links import local_paper_page, paper_link, presents_study, scholarly_link, stated_arxiv_id
from kg.parse.titles import closing_gloss, title_spans
from kg.records import Entry, Span, Unassigned
from kg.text import PAPER_URL_RE, find_urls

__all__ = [
    "NOT_IN_ENTRY",
    "NON_PAPER",
    "Layout",
    "LayoutResult",
    "Draft",
    "Builder",
    "strip_span",
    "blocks",
    "next_nonblank",
    "url_only",
    "LINK_LABEL_RE",
    "link_labels_only",
    "paper_link",
    "local_paper_page",
    "scholarly_link",
    "stated_arxiv_id",
    "without_news",
]

#: The reason of lines a layout could not explain (everything else is recognised noise).
NOT_IN_ENTRY = "not part of any entry"
#: The reason of the lines of an item a layout read as not a paper (news, a tool, a blog post).
NON_PAPER = "non-paper item"

#: Link texts that label a link rather than name a paper or a person ("[Paper](…)",
#: "[Read Paper](…)", "[Project Page](…)"; kg/data/parse/link_labels.txt): a text of up to
#: three words that starts with one of these words. A GitHub emoji shortcode may open the
#: text (``[:octocat:code](…)``, ``[:memo: paper](…)``): a picture, not a word of the label.
LINK_LABEL_RE = re.compile(r"^\W*(?::[a-z0-9_+\-]{1,30}:\s*)?(?:" + "|".join(map(re.escape, load_words("link_labels.txt"))) + r")\b", re.I)

# A journal citation's volume and issue ("AIES Vol.5 No.1", "vol. 12, issue 3", "第5卷第1期"):
# an item that states one is a publication, whatever host its link is on.
_VOLUME_ISSUE_RE = re.compile(
    r"(?i)\bvol(?:ume)?\.?\s*\d+\s*[,;]?\s*(?:no|nr|issue|iss)\.?\s*\d+|第\s*\d+\s*卷\s*第\s*\d+\s*期"
)


def without_news(res: LayoutResult) -> LayoutResult:
    """A feed that mixes papers with news: where some items link a paper, an item that
    links only pages that are no publication (a news site, a blog, a repository) and
    names no authors, organisations, id or journal volume is a news item — its lines
    are reported as non-paper lines, not an entry. Where no item links a paper nothing
    changes: the digest gives no ground to tell its items apart."""
    def urls(e: Entry) -> list[str]:
        return [*e.links, *(u for u, _, _ in find_urls(e.text))]

    paper = [any(paper_link(u) for u in urls(e)) for e in res.entries]
    if not any(paper):
        return res
    drop = {
        id(e)
        for e, p in zip(res.entries, paper)
        if not p and urls(e) and not any(scholarly_link(u) for u in urls(e)) and e.authors is None and e.affiliations is None and not e.ids
        and not _VOLUME_ISSUE_RE.search(e.text) and not presents_study(e.text)
    }
    if not drop:
        return res
    told = list(res.unassigned)
    for e in res.entries:
        if id(e) in drop:
            told += [Unassigned(e.file, e.line + k, t.strip(), NON_PAPER) for k, t in enumerate(e.text.split("\n")) if t.strip()]
    return LayoutResult([e for e in res.entries if id(e) not in drop], sorted(told, key=lambda u: u.line), res.covered)


def link_labels_only(line: Line) -> bool:
    """A line of links and nothing else, each link text a label (``[Read Paper](…)``,
    ``[PDF](…) | [Code](…)``): never a title or an author list."""
    if not line.links or not url_only(line.text, len(line.links)):
        return False
    texts = [line.text[lk.start : lk.end].strip() for lk in line.links]
    return all(not t or LINK_LABEL_RE.match(t) and len(t.split()) <= 3 for t in texts)


@dataclass(frozen=True, slots=True)
class LayoutResult:
    """Entries a layout found, the lines it reported, and how many lines it explained."""

    entries: list[Entry]
    unassigned: list[Unassigned]
    covered: int

    @property
    def unexplained(self) -> int:
        return sum(1 for u in self.unassigned if u.reason == NOT_IN_ENTRY)


class Layout(Protocol):
    """One digest layout. ``parse`` must explain lines it recognises (in an entry, or
    reported with a reason) and report the rest as :data:`NOT_IN_ENTRY`.
    ``in_gaps(doc)`` says whether the layout may also read a stretch another layout left
    unexplained (default: yes)."""

    name: str

    def parse(self, doc: ParsedDoc) -> LayoutResult: ...


@dataclass
class Draft:
    """Mutable builder for one entry; frozen into an :class:`Entry` at the end.

    Lines are appended contiguously from ``first``, so line ``first + k`` of the file is
    line ``k`` of the entry text."""

    first: int  # 0-based index of first line
    kind: str
    layout: str
    lines: list[Line] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)
    body: list[Span] = field(default_factory=list)
    last: int = 0  # 0-based index of last non-blank line
    category_code: str | None = None
    date: str | None = None
    ids: list[str] = field(default_factory=list)  # identifiers the entry states outside links and markup
    category_badge: bool = False  # the category was read off a badge picture, not text
    _offset: int = 0

    @property
    def offset(self) -> int:
        return self._offset

    @property
    def text(self) -> str:
        return "\n".join(x.text for x in self.lines)

    def add(self, idx: int, line: Line) -> int:
        """Append line ``idx``; returns its start offset in the entry text."""
        assert idx == self.first + len(self.lines), "entry lines must be contiguous"
        off = self._offset
        self.lines.append(line)
        self._offset += len(line.text) + 1
        if line.text.strip():
            self.last = idx
        if line.images and self.category_code is None:
            # "![CL](https://img.shields.io/badge/cs.CL-green)" under the title: the first
            # badge that states a code is the entry's category (a stated field wins over it).
            code = next((c for u in line.images if (c := badge_category(u))), None)
            if code is not None:
                self.category_code, self.category_badge = code, True
        return off

    def set(self, name: str, start: int, end: int) -> None:
        if name not in self.spans and end > start:
            self.spans[name] = Span(start, end)

    def set_title(self, text: str, off: int, a: int, b: int) -> None:
        """Title of ``text[a:b]`` (``off`` = where ``text`` starts in the entry): split
        into the English title and the Chinese one where a digest glues both."""
        en, zh = title_spans(text, a, b)
        if en:
            self.set("title", off + en[0], off + en[1])
            if zh is None and (g := closing_gloss(text, en[1], b)) is not None:
                # "Language Models are Few-Shot Learners (GPT-3)": the gloss left out of the
                # title still says what the paper is about (its model's name).
                self.body.append(Span(off + g[0], off + g[1]))
                if (o := maker_year(text[g[0] : g[1]])) is not None:
                    self.set("affiliations", off + g[0] + o[0], off + g[0] + o[1])  # "(Alibaba 2018)"
        if zh:
            self.set("title_zh", off + zh[0], off + zh[1])

    def set_category(self, start: int, end: int, code: str) -> None:
        if "category" not in self.spans and end > start:
            self.spans["category"] = Span(start, end)
            self.category_code = code

    def fill_plain(self, kind: str, line: str, off: int, a: int, e: int) -> bool:
        """Put a field value that reads the same in every layout (``category``, ``date``,
        ``body``) into the entry: ``line[a:e]`` is the value, ``off`` the line's offset.
        True when ``kind`` was one of them (set or, for an unreadable value, skipped)."""
        if kind == "category":
            got = field_category(line[a:e])
            if got:
                self.set_category(off + a + got[0], off + a + got[1], got[2])
        elif kind == "date":
            got = find_date(line[a:e])
            if got and self.date is None:
                self.date = got[2]
        elif kind == "body":
            self.body.append(Span(*strip_span(line, off, a, e)))
        else:
            if kind == "meta" and (got := source_category(line[a:e])):
                # "Source: arxiv_lg", "來源: huggingface, arxiv_cs.RO": the arXiv listing
                # the item came from is its category.
                self.set_category(off + a + got[0], off + a + got[1], got[2])
            elif kind == "meta" and self.date is None and (got := find_date(line[a:e])) and len(got[2]) == 10:
                # "Source: arXiv, 2026-06-30": the day the source gave the item (a venue's
                # year, "收录: CVPR 2024", dates nothing).
                self.date = got[2]
            return False
        return True

    def get(self, name: str) -> str | None:
        span = self.spans.get(name)
        return None if span is None else span.of(self.text)

    def freeze(self, file: str) -> Entry:
        n = self.last - self.first + 1
        kept = self.lines[:n]
        text = "\n".join(x.text for x in kept)
        links = [lk.url for ln in kept for lk in ln.links]
        origin: list[tuple[int, int, int]] = []
        plain = all(ln.origin is None for ln in kept)
        if not plain:  # plain text maps to the file as written: no runs to keep
            off = 0
            for k, ln in enumerate(kept):
                origin += _runs(ln, off, self.first + k + 1)
                off += len(ln.text) + 1
        return Entry(
            file=file,
            line=self.first + 1,
            end_line=self.last + 1,
            kind=self.kind,
            layout=self.layout,
            text=text,
            body=tuple(s for s in self.body if s.end <= len(text)),
            links=tuple(dict.fromkeys(links)),
            ids=tuple(dict.fromkeys([*(x for ln in kept for x in ln.ids), *self.ids])),
            category_code=self.category_code
            if "category" in self.spans and self.spans["category"].end <= len(text) or self.category_badge and "category" not in self.spans
            else None,
            date=self.date,
            origin=() if plain else tuple(origin),
            **{k: v for k, v in self.spans.items() if v.end <= len(text)},
        )


def _runs(line: Line, off: int, lineno: int) -> list[tuple[int, int, int]]:
    """Runs ``(text offset, line, column)`` of characters contiguous in the file."""
    if line.origin is None:
        return [(off, lineno, 0)]
    runs: list[tuple[int, int, int]] = []
    prev = None
    for k, col in enumerate(line.origin):
        if prev is None or col != prev + 1:
            runs.append((off + k, lineno, col))
        prev = col
    return runs or [(off, lineno, 0)]


#: Characters of a line besides its link texts up to which it still counts as "only
#: links" (brackets and separators around each link: "[[Paper](…)] · ").
LINK_DECORATION = 4


def _link_line(ln: Line) -> str | None:
    if not ln.links:
        return None
    if all(lk.url.startswith("#") for lk in ln.links):
        return "table of contents"
    linked = sum(lk.end - lk.start for lk in ln.links)
    if not any(PAPER_URL_RE.search(lk.url) for lk in ln.links) and linked >= len(ln.text[ln.start :].strip()) - LINK_DECORATION * len(ln.links):
        return "navigation link"
    return None


def strip_span(line: str, off: int, a: int = 0, b: int | None = None) -> tuple[int, int]:
    """Offsets of ``line[a:b]`` with surrounding whitespace trimmed, shifted by ``off``."""
    b = len(line) if b is None else b
    seg = line[a:b]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    return off + a + lead, off + b - trail


class Builder:
    """Shared bookkeeping of a layout: the open entry, finished entries, reported lines
    and the count of explained lines. ``lines`` are the texts layouts match against."""

    def __init__(self, doc: ParsedDoc, layout: str, kind: str = "digest"):
        self.doc = doc
        self.lines = doc.texts
        self.file, self.layout, self.kind = doc.path, layout, kind
        self.entries: list[Entry] = []
        self.unassigned: list[Unassigned] = []
        self.covered = 0
        self.cur: Draft | None = None

    def open(self, i: int) -> Draft:
        self.close()
        self.cur = Draft(first=i, kind=self.kind, layout=self.layout, last=i)
        return self.cur

    def close(self) -> None:
        if self.cur is not None:
            if self.doc.notes:  # footnotes under an author line: its organisations, in any layout
                note_affiliations(self.cur, self.doc)
            self.entries.append(self.cur.freeze(self.file))
            self.cur = None

    def extend_to(self, i: int) -> None:
        """Append the (blank) lines between the open entry's last line and line ``i``."""
        d = self.cur
        assert d is not None
        for k in range(d.first + len(d.lines), i):
            d.add(k, self.doc.lines[k])

    def take(self, i: int) -> int:
        """Put line ``i`` into the open entry; returns its offset in the entry text."""
        self.extend_to(i)
        assert self.cur is not None
        self.covered += 1
        return self.cur.add(i, self.doc.lines[i])

    def report(self, i: int, reason: str, close: bool = True) -> None:
        """Report line ``i`` with ``reason`` (closing the open entry unless ``close`` is
        false). A line no layout rule explains but whose links say what it is — all to
        places on the page, or nothing but links to pages that are not papers — is
        reported as such instead of as unexplained."""
        if reason == NOT_IN_ENTRY and self.doc.lines[i].links:
            reason = _link_line(self.doc.lines[i]) or reason
        if close:
            self.close()
        self.unassigned.append(Unassigned(self.file, i + 1, self.lines[i].strip(), reason))
        if reason != NOT_IN_ENTRY:
            self.covered += 1

    def result(self) -> LayoutResult:
        self.close()
        return LayoutResult(self.entries, self.unassigned, self.covered)


def blocks(lines: list[str]) -> Iterator[range]:
    """The runs of non-blank lines (paragraphs), as ranges of line indices.

    >>> [list(r) for r in blocks(["a", "b", "", " ", "c"])]
    [[0, 1], [4]]
    """
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < n and lines[j].strip():
            j += 1
        yield range(i, j)
        i = j


def next_nonblank(lines: list[str], i: int, limit: int = 3) -> list[int]:
    """Indices of up to ``limit`` non-blank lines after ``i``."""
    out = []
    k = i + 1
    while k < len(lines) and len(out) < limit:
        if lines[k].strip():
            out.append(k)
        k += 1
    return out


def url_only(s: str, links: int = 0) -> bool:
    """A line that is (almost) only links, possibly labelled (``代码: github.com/x``);
    ``links`` counts Markdown links on the line, whose text is a label."""
    import re

    if not links and "/" not in s and ".github.io" not in s:
        return False  # every link find_urls reads holds a slash, or is a bare *.github.io
    urls = find_urls(s)
    if not urls and not links:
        return False
    rest = s
    for _, a, b in sorted(urls, key=lambda t: -t[1]):
        rest = rest[:a] + rest[b:]
    rest = re.sub(
        r"(?i)\b(?:view|pdf|code|github|project|paper|arxiv|link|url|homepage|data|html|abs|page|website)\b|代码|项目主页|主页|链接|地址|论文|数据|[:：|｜\s\[\]()（）]",
        "",
        rest,
    )
    return len(rest) <= 4
