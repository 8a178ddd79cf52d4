"""Stage 2 — parse: split a :class:`~kg.records.Document` into paper entries.

Every layout parser takes the file's lines and returns entries plus the lines it did
not put into an entry. :func:`parse` runs them all and keeps the one that explains the
most lines, so a new layout is one more function in :data:`LAYOUTS`, and a file in an
unknown layout is reported (``unassigned`` lines with numbers) rather than dropped.

Lines that are known not to be papers (a category legend, ``转自…``, a copyright
notice, ``评论``) are *boilerplate*: recognised, reported with that reason, never
turned into papers.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kg.records import Document, Entry, ParseResult, Span, Unassigned
from kg.text import cjk_share, find_urls, is_cjk, latin_share

__all__ = ["parse", "LAYOUTS", "BOILERPLATE", "is_boilerplate", "split_title", "AUTHOR_LIST_RE"]

# --- line classes ---------------------------------------------------------------------

#: ``1、[LG] Title`` · ``1. [CV] Title`` · ``【1】[CL] Title`` · ``#1 [AS] Title`` ·
#: ``[stat.ML] Title``. The category is an arXiv group code, optionally archive-prefixed.
HEADER_RE = re.compile(
    r"^\s*(?:(?:\d{1,3}\s*[、.．:：)）]|【\s*\d{1,3}\s*】|#\s*\d{1,3}|No\.\s*\d{1,3})\s*)?"
    r"\[(?P<cat>(?:(?:cs|stat|eess|math|econ|q-bio|q-fin|physics|quant-ph)\.)?[A-Za-z]{2,3}(?:\.[A-Za-z]{2})?)\]"
    r"\s*(?P<rest>\S.*)$"
)
AFFIL_LINE_RE = re.compile(r"^\s*[\[［](?P<aff>[^\[\]［］]+)[\]］]\s*$")
TRANSLATED_RE = re.compile(r"^\s*translated\s+by\s+(?:谷歌翻译|google(?:\s+translate)?)\s*$", re.I)

#: Recognised non-paper lines: (reason, pattern). Kept here, not in the parsers, so every
#: layout agrees on what is noise.
BOILERPLATE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("category legend", re.compile(r"^(?:\s*[A-Z]{2}\s*[-–:：]\s*[\u4e00-\u9fff]+){2,}\s*$")),
    ("repost credit", re.compile(r"^\s*(?:转自|转载自|来源[:：]|via\s)", re.I)),
    ("title list", re.compile(r"^\s*摘要\s*[:：]")),
    ("section heading", re.compile(r"^\s*(?:另外几篇值得关注的论文|其他值得关注的论文|今日推荐|更多论文)\s*[:：]?\s*$")),
    ("copyright notice", re.compile(r"(?:版权问题|请及时与我们联系|All rights reserved|©)")),
    ("comment widget", re.compile(r"^\s*(?:评论|沙发等你来抢|收藏|点赞|转发|分享)\s*$")),
    ("translation marker", TRANSLATED_RE),
)


def is_boilerplate(line: str) -> str | None:
    for reason, rx in BOILERPLATE:
        if rx.search(line):
            return reason
    return None


# Author names: initials with or without dots (``R T. Q. Chen``), full given names,
# hyphenated and apostrophe surnames, particles (``van der``, ``de``).
_NAME = r"(?:[A-Z][\w'’\-]*\.?\s+|(?:van|von|der|de|da|del|di|la|le|den|ter|bin|al)\s+){0,4}[A-Z][\w'’\-]*"
AUTHOR_LIST_RE = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*(?:,|，|、|;|&|\band\b)\s*{_NAME})*)\s*,?\s*(?P<trunc>\.\.\.|…|et\s+al\.?)?\s*$"
)

SENTENCE_END_RE = re.compile(r"[。！？]|[.!?](?:\s|$)")


def looks_like_authors(s: str) -> bool:
    s = s.strip()
    if not s or any(is_cjk(c) for c in s) or len(s) > 600:
        return False
    m = AUTHOR_LIST_RE.match(s)
    if not m:
        return False
    names = re.split(r"\s*(?:,|，|、|;|&|\band\b)\s*", m.group("names"))
    # A single capitalised word is a title fragment, not an author list, unless there
    # are several of them ("Ng, LeCun" is rare but "Transformers" alone is common).
    if len(names) == 1 and len(names[0].split()) < 2:
        return False
    if any(len(n.split()) > 5 for n in names):
        return False
    return True


def split_title(rest: str) -> tuple[str, str | None]:
    """Split ``English Title中文标题`` into both halves.

    The Chinese half starts at the first CJK character, except that a Latin word glued
    in front of it belongs to it when that word repeats the start of the English title
    (``…Deep LearningHammingMesh:大规模…``)."""
    i = next((k for k, c in enumerate(rest) if is_cjk(c)), None)
    if i is None:
        return rest.strip(), None
    en, zh = rest[:i], rest[i:]
    m = re.search(r"(?<=[a-z0-9)])([A-Z][\w\-]*[:：]?\s*)$", en)
    if m and en.strip().startswith(m.group(1).rstrip(":： ")):
        zh = en[m.start(1):] + zh
        en = en[: m.start(1)]
    # A trailing Latin word glued to Chinese with no space is usually part of the Chinese
    # title ("…Masked Visual ModelingGAN人脸"); we keep it English unless the case
    # transition above proves otherwise — titles lose less that way.
    return en.strip(), zh.strip() or None


# --- entry assembly ---------------------------------------------------------------------


@dataclass
class _Draft:
    """Mutable builder for one entry; frozen into an :class:`Entry` at the end."""

    first: int  # 0-based index of first line
    kind: str
    layout: str
    lines: list[str] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)
    body: list[Span] = field(default_factory=list)
    last: int = 0  # 0-based index of last non-blank line

    @property
    def offset(self) -> int:
        return sum(len(x) + 1 for x in self.lines)

    def add(self, idx: int, line: str) -> int:
        """Append a line; returns its start offset in the entry text."""
        off = self.offset
        self.lines.append(line)
        if line.strip():
            self.last = idx
        return off

    def set(self, name: str, start: int, end: int) -> None:
        if name not in self.spans and end > start:
            self.spans[name] = Span(start, end)

    def freeze(self, file: str) -> Entry:
        n = self.last - self.first + 1
        text = "\n".join(self.lines[:n])
        return Entry(
            file=file,
            line=self.first + 1,
            end_line=self.last + 1,
            kind=self.kind,
            layout=self.layout,
            text=text,
            body=tuple(s for s in self.body if s.end <= len(text)),
            **{k: v for k, v in self.spans.items() if v.end <= len(text)},
        )


def _strip_span(line: str, off: int, a: int = 0, b: int | None = None) -> tuple[int, int]:
    """Offsets of ``line[a:b]`` with surrounding whitespace trimmed, shifted by ``off``."""
    b = len(line) if b is None else b
    seg = line[a:b]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    return off + a + lead, off + b - trail


# --- layout: structured digest ------------------------------------------------------------


def _header_fields(d: _Draft, line: str, off: int, m: re.Match[str]) -> None:
    """Title, Chinese title, and glued author / affiliation parts of a header line."""
    d.set("category", off + m.start("cat"), off + m.end("cat"))
    rs, re_ = m.start("rest"), m.end("rest")
    rest = line[rs:re_]
    aff = re.search(r"[\[［]([^\[\]［］]+)[\]］]\s*$", rest)
    if aff:
        d.set("affiliations", off + rs + aff.start(1), off + rs + aff.end(1))
        re_ = rs + aff.start()
        rest = line[rs:re_]
    _title_and_authors(d, line, off, rs, re_)


def _title_and_authors(d: _Draft, line: str, off: int, rs: int, re_: int) -> None:
    rest = line[rs:re_]
    # Glued authors: the longest suffix that is an author list whose first name has the
    # same shape as the others (so "Embedding Space G Dar, M Geva" yields "G Dar").
    best = None
    for m in re.finditer(r"(?:(?<=\s)|(?<=[\u4e00-\u9fff]))[A-Z]", rest):
        tail = rest[m.start():]
        if not looks_like_authors(tail) or "," not in tail and "，" not in tail and " and " not in tail:
            continue
        names = re.split(r"\s*(?:,|，|、|;|&|\band\b)\s*", re.sub(r"(\.\.\.|…|et al\.?)\s*$", "", tail).strip())
        sizes = [len(n.split()) for n in names if n]
        if len(sizes) >= 2 and sizes[0] > max(sizes[1:]):
            continue
        best = m.start()
        break
    head_end = re_ if best is None else rs + best
    if best is not None:
        d.set("authors", *_strip_span(line, off, rs + best, re_))
    en, zh = split_title(line[rs:head_end])
    if en:
        a = line.index(en, rs)
        d.set("title", off + a, off + a + len(en))
    if zh:
        a = line.index(zh, rs)
        d.set("title_zh", off + a, off + a + len(zh))


def _structured_line(d: _Draft, line: str, off: int) -> None:
    s = line.strip()
    if not s:
        return
    am = AFFIL_LINE_RE.match(line)
    if am:
        if "affiliations" not in d.spans:
            d.set("affiliations", off + am.start("aff"), off + am.end("aff"))
        return
    urls = find_urls(s)
    if urls and sum(e - b for _, b, e in urls) >= 0.8 * len(s.replace(" ", "")):
        return  # link line; URLs are found over the whole entry text later
    if "authors" not in d.spans and "affiliations" not in d.spans and looks_like_authors(s):
        trunc = re.search(r"(\.\.\.|…|et\s+al\.?)\s*$", s)
        d.set("authors", *_strip_span(line, off))
        return
    if "authors" not in d.spans and "affiliations" not in d.spans:
        # A glued "authors [affil]" line.
        gm = re.match(r"^(?P<a>[^\[\]]+?)\s*[\[［](?P<aff>[^\[\]［］]+)[\]］]\s*$", line)
        if gm and looks_like_authors(gm.group("a")):
            d.set("authors", *_strip_span(line, off, gm.start("a"), gm.end("a")))
            d.set("affiliations", off + gm.start("aff"), off + gm.end("aff"))
            return
    cjk = cjk_share(s)
    if cjk > 0.5 and "title_zh" not in d.spans and "authors" not in d.spans and len(s) <= 120 and not SENTENCE_END_RE.search(s[:-1]):
        d.set("title_zh", *_strip_span(line, off))
        return
    if cjk > 0.5 and "title_zh" not in d.spans:
        # The Chinese summary opens with the Chinese title as its first sentence.
        first = re.match(r"^\s*([^。]{2,80})。", line)
        if first:
            d.set("title_zh", off + first.start(1), off + first.end(1))
    d.body.append(Span(*_strip_span(line, off)))


def parse_structured(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    entries: list[Entry] = []
    unassigned: list[Unassigned] = []
    covered = 0
    cur: _Draft | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None:
            entries.append(cur.freeze(file))
            cur = None

    for i, line in enumerate(lines):
        m = HEADER_RE.match(line)
        if m:
            close()
            cur = _Draft(first=i, kind="digest", layout="structured", last=i)
            off = cur.add(i, line)
            _header_fields(cur, line, off, m)
            covered += 1
            continue
        if not line.strip():
            if cur is not None:
                cur.add(i, line)
            continue
        reason = is_boilerplate(line)
        if reason:
            close()
            unassigned.append(Unassigned(file, i + 1, line.strip(), reason))
            covered += 1
            continue
        if cur is not None:
            off = cur.add(i, line)
            _structured_line(cur, line, off)
            covered += 1
        else:
            unassigned.append(Unassigned(file, i + 1, line.strip(), "not part of any entry"))
    close()
    return entries, unassigned, covered


# --- layout: translated abstract dump --------------------------------------------------


def parse_abstracts(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    """Abstracts each closed by ``translated by 谷歌翻译``; without any marker, blank-line
    separated paragraphs that read like abstracts."""
    entries: list[Entry] = []
    unassigned: list[Unassigned] = []
    covered = 0
    has_marker = any(TRANSLATED_RE.match(x) for x in lines)
    cur: _Draft | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None:
            entries.append(cur.freeze(file))
            cur = None

    for i, line in enumerate(lines):
        if TRANSLATED_RE.match(line):
            if cur is None:
                unassigned.append(Unassigned(file, i + 1, line.strip(), "translation marker with no abstract"))
            close()
            covered += 1
            continue
        if not line.strip():
            if not has_marker:
                close()
            continue
        reason = is_boilerplate(line)
        if reason:
            unassigned.append(Unassigned(file, i + 1, line.strip(), reason))
            covered += 1
            continue
        if not has_marker and not _abstract_like(line):
            unassigned.append(Unassigned(file, i + 1, line.strip(), "not part of any entry"))
            continue
        if cur is None:
            cur = _Draft(first=i, kind="abstract", layout="abstract", last=i)
        off = cur.add(i, line)
        cur.body.append(Span(*_strip_span(line, off)))
        covered += 1
    close()
    return entries, unassigned, covered


def _abstract_like(line: str) -> bool:
    s = line.strip()
    if cjk_share(s) > 0.5:
        return len(s) >= 80 and s.count("。") + s.count("，") + s.count(",") >= 2
    return len(s) >= 200 and len(SENTENCE_END_RE.findall(s)) >= 2 and latin_share(s) > 0.8


# --- driver -----------------------------------------------------------------------------

Parser = Callable[[Sequence[str], str], tuple[list[Entry], list[Unassigned], int]]

#: Layout parsers, tried in order; the first of equally good results wins.
LAYOUTS: list[tuple[str, Parser]] = [
    ("structured", parse_structured),
    ("abstract", parse_abstracts),
]


def parse(doc: Document) -> ParseResult:
    """Split ``doc`` into entries with the layout parser that explains most lines."""
    lines = doc.text.split("\n")
    best: tuple[int, int, str, list[Entry], list[Unassigned]] | None = None
    for name, parser in LAYOUTS:
        entries, unassigned, covered = parser(lines, doc.path)
        # Coverage counts lines placed in entries plus recognised boilerplate; an
        # explanation with no entry at all only wins if nothing else finds any.
        score = (1 if entries else 0, covered - sum(1 for u in unassigned if u.reason == "not part of any entry"))
        if best is None or score > best[:2]:
            best = (*score, name, entries, unassigned)
    assert best is not None
    _, _, name, entries, unassigned = best
    if not entries:
        name = "unknown"
    return ParseResult(tuple(entries), tuple(unassigned), name)
