"""Layout ``feed``: RSS 2.0, RSS 1.0 (RDF) and Atom feeds, one entry per ``<item>`` or
``<entry>``.

Digest bots save arXiv's listing feeds and the arXiv API's Atom answers; paper blogs and
Hugging Face daily-paper mirrors publish feeds whose item description is HTML (escaped,
or in a CDATA section) or Markdown::

    <item>
      <title>Meshy T2: Fast Native Mesh Generation with Flow Matching</title>
      <link>https://arxiv.org/abs/2607.28675</link>
      <description>&lt;p&gt;&lt;b&gt;Authors:&lt;/b&gt; Jiale Xu, Rendong Liang&lt;/p&gt;…</description>
      <pubDate>Tue, 28 Jul 2026 00:00:00 +0000</pubDate>
    </item>

The file is parsed as XML (:mod:`kg.parse.xmltext`, by content: a feed root, whatever
the file is called); which element fills which part of an entry is data
(``kg/data/parse/feed_elements.json``): the title, the authors (``<author>``,
``<dc:creator>``, Atom's ``<author><name>``), categories (``<category>`` text or
``term``, ``<arxiv:primary_category>``), links (``<link>`` text or ``href``, ``<guid>``,
``<id>``), the date (``published``, ``pubDate``, ``dc:date``, ``updated``) and the
description. The description is read by kg's readers — HTML (escaped, in CDATA, or
Atom's XHTML elements) with its block tags as line breaks (:mod:`kg.parse.htmltext`),
Markdown or plain text through :func:`kg.parse.document.read_document` — so its text,
not its tags, reaches extraction, and its field lines (``Authors: …``, ``Institution: … | Authors: …``) fill
the entry like any field digest's.

An entry's text is built from those pieces, one per line; every character keeps its
offset in the file (``Entry.origin``), so evidence points into the XML even when the
whole feed is one line. Items that link no paper where others do (news in a mixed
feed) are reported as non-paper items, as in every layout. Lines outside the items are
feed metadata; a feed that breaks off or is malformed is read up to the break (the
reader reports the error), and the lines after it are reported as not read.
"""
from __future__ import annotations

import functools
import re

from kg.parse.author_fields import author_value
from kg.parse.base import NOT_IN_ENTRY, LayoutResult, without_news
from kg.parse.categories import find_category
from kg.parse.data import load_json
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc, read_document
from kg.parse.fields import field
from kg.parse.htmltext import BLOCK_TAGS, html_blocks
from kg.parse.titles import title_spans
from kg.parse.xmltext import Element, attribute_chars, element_blocks, feed_root, line_of, read_xml
from kg.records import Entry, Span, Unassigned

__all__ = ["parse", "name", "FEED_METADATA", "NOT_READ"]

name = "feed"

#: Why lines outside the items are not entries.
FEED_METADATA = "feed metadata"
NOT_READ = "not read: the feed is malformed or cut off before this line"

# Characters with no place in the file (separators between authors, line breaks
# between the pieces of an entry) have this offset.
_SYNTHETIC = -1

# "Institution: LMU Munich | Authors: A, B": fields side by side on one line.
_FIELD_SEP = re.compile(r"\s+[|｜]\s+")
# "jane@example.org (Jane Doe)": RSS 2.0's <author> is an address with the name after it.
# "(arXiv:2101.00001v1 [cs.LG])" (or "[cs.LG UPDATED]") after a title in arXiv's older feeds.
_ARXIV_SUFFIX = re.compile(r"\s*\(arXiv:\s*[\w./-]+\s*\[(?P<cat>[^\]]+)\][^)]*\)\s*$")
_SCHEME = re.compile(r"(?i)^https?://")
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^()]+)\)\s*$")


@functools.lru_cache(maxsize=1)
def _elements() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in load_json("feed_elements.json").items() if not k.startswith("_")}


Chars = tuple[str, list[int]]  # a text and the file offset of each of its characters


def _starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _split_lines(s: str, where: list[int]) -> list[Chars]:
    """``s`` cut at its line breaks, each line without its surrounding white space."""
    out, k = [], 0
    for line in s.split("\n"):
        a, b = k, k + len(line)
        k = b + 1
        while a < b and s[a].isspace():
            a += 1
        while b > a and s[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((s[a:b], where[a:b]))
    return out


def _block_lines(blocks: list[list[tuple[int, str, bool]]], where: list[int] | None = None) -> list[Chars]:
    """Lines of text blocks given as runs ``(offset, text, literal)``; ``where`` maps the
    runs' offsets to the file (``None``: they are file offsets already)."""
    at = (lambda k: k) if where is None else where.__getitem__
    lines: list[Chars] = []
    for runs in blocks:
        s = "".join(r for _, r, _ in runs)
        w = [at(off + i) if literal else at(off) for off, r, literal in runs for i in range(len(r))]
        lines += _split_lines(s, w)
    return lines


def _html_lines(text: str, where: list[int]) -> tuple[list[Chars], list[str], list[str]] | None:
    """Lines, link targets and ids of an HTML description; ``None`` when it has no tags."""
    got = html_blocks(text)
    if got is None:
        return None
    blocks, links, ids = got
    return _block_lines(blocks, where), links, ids


def _text_lines(path: str, text: str, where: list[int]) -> tuple[list[Chars], list[str], list[str]]:
    """Lines, link targets and ids of a Markdown or plain-text description."""
    doc = read_document(path, text)
    starts = _starts(text)
    lines: list[Chars] = []
    links: list[str] = []
    ids: list[str] = []
    for i, ln in enumerate(doc.lines):
        if not ln.text.strip():
            continue
        # From where the content starts: "## " and "- " are structure, not text.
        w = [where[starts[i] + ln.column(k)] for k in range(ln.start, len(ln.text))]
        lines += _split_lines(ln.text[ln.start :], w)
        links += [lk.url for lk in ln.links]
        ids += list(ln.ids)
    return lines, links, ids


class _EntryText:
    """The text of one entry, built a line at a time, with each character's offset."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.where: list[int] = []
        self.spans: dict[str, Span] = {}
        self.body: list[Span] = []
        self.category_code: str | None = None
        self.date: str | None = None

    def add(self, chars: Chars) -> tuple[int, str]:
        """Append a line; returns its offset in the entry text and the line."""
        s, w = chars
        if self.where:
            self.parts.append("\n")
            self.where.append(_SYNTHETIC)
        off = len(self.where)
        self.parts.append(s)
        self.where += w
        return off, s

    def set(self, kind: str, start: int, end: int) -> None:
        if kind not in self.spans and end > start:
            self.spans[kind] = Span(start, end)

    def field_line(self, chars: Chars) -> None:
        """A line of the description: its fields fill the entry, the rest is body."""
        off, s = self.add(chars)
        parts = [(0, len(s))]
        seps = list(_FIELD_SEP.finditer(s))
        if seps:
            cuts = [0] + [x for m in seps for x in (m.start(), m.end())] + [len(s)]
            segs = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
            if sum(1 for a, b in segs if field(s[a:b])) >= 2:
                parts = segs
        for a, b in parts:
            got = field(s[a:b])
            if got is None:
                self.body.append(Span(off + a, off + b))
                continue
            kind, va, vb = got
            va, vb = a + va, a + vb
            value = s[va:vb]
            if kind == "authors":
                got_a = author_value(value)
                if got_a:
                    self.set("authors", off + va + got_a[0], off + va + got_a[1])
            elif kind in ("affiliations", "title_zh"):
                self.set(kind, off + va, off + vb)
            elif kind == "title" and "title" not in self.spans:
                self.title(off, s, va, vb)
            elif kind == "category" and self.category_code is None and (c := find_category(value)):
                self.set("category", off + va + c[0], off + va + c[1])
                self.category_code = c[2]
            elif kind == "date" and self.date is None and (d := find_date(value)):
                self.date = d[2]
            elif kind == "body" and vb > va:
                self.body.append(Span(off + va, off + vb))

    def title(self, off: int, s: str, a: int, b: int) -> None:
        en, zh = title_spans(s, a, b)
        if en:
            self.set("title", off + en[0], off + en[1])
        if zh:
            self.set("title_zh", off + zh[0], off + zh[1])

    def origin(self, raw: str, starts: list[int]) -> tuple[tuple[int, int, int], ...]:
        """Runs ``(text offset, 1-based line, column)`` of characters contiguous in the file."""
        runs: list[tuple[int, int, int]] = []
        prev = _SYNTHETIC
        for k, w in enumerate(self.where):
            if w == _SYNTHETIC:
                continue
            if prev == _SYNTHETIC or w != prev + 1 or raw[prev] == "\n" or not runs:
                line, col = line_of(starts, w)
                runs.append((k, line, col))
            prev = w
        return tuple(runs)


def _children(el: Element, names: tuple[str, ...]) -> list[Element]:
    return [c for c in el.children if c.name in names]


def _joined(items: list[Chars], sep: str = ", ") -> Chars | None:
    if not items:
        return None
    s, w = items[0][0], list(items[0][1])
    for t, tw in items[1:]:
        s += sep + t
        w += [_SYNTHETIC] * len(sep) + tw
    return s, w


def _stripped(chars: Chars) -> Chars | None:
    s, w = chars
    a, b = 0, len(s)
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    return (s[a:b], w[a:b]) if b > a else None


def _author(el: Element, names: tuple[str, ...]) -> list[Chars]:
    """The name(s) an author element gives: Atom's ``<name>`` child, else its text
    (``jane@example.org (Jane Doe)`` → ``Jane Doe``; an address alone names nobody)."""
    kids = _children(el, names)
    if kids:
        return [c for k in kids if (c := _stripped(k.chars()))]
    got = _stripped(el.chars())
    if got is None:
        return []
    if (markup := _html_lines(*got)) is not None:
        # arXiv's older feeds: <dc:creator>&lt;a href="…"&gt;Jane Doe&lt;/a&gt;, …: the names
        # are the links' texts.
        return [x for ln in markup[0] if (x := _stripped(ln))]
    m = _EMAIL_NAME.match(got[0])
    if m:
        return [(m.group("name").strip(), got[1][m.start("name") : m.start("name") + len(m.group("name").strip())])]
    return [] if "@" in got[0] and " " not in got[0] else [got]


def _item(doc: ParsedDoc, raw: str, starts: list[int], el: Element) -> Entry:
    e = _elements()
    t = _EntryText()
    # Title first: the line kg's extractor reads the paper's proposed names from.
    suffix_category = None
    for c in _children(el, e["title"])[:1]:
        if got := _stripped(c.chars()):
            if (markup := _html_lines(*got)) is not None and markup[0]:
                got = _joined(markup[0], " ")  # <title type="html">: its text, not its tags
            off, s = t.add(got)
            # arXiv's older listing feeds: "Title. (arXiv:2101.00001v1 [cs.LG])".
            m = _ARXIV_SUFFIX.search(s)
            t.title(off, s, 0, m.start() if m and m.start() else len(s))
            if m and (cat := find_category(m.group("cat"))):
                suffix_category = (off + m.start("cat") + cat[0], off + m.start("cat") + cat[1], cat[2])
    names = [n for c in _children(el, e["authors"]) for n in _author(c, e["author_name"])]
    if got := _joined(names):
        off, s = t.add(got)
        t.set("authors", off, off + len(s))
    affs = [a for c in _children(el, e["authors"]) for k in _children(c, e["affiliations"]) if (a := _stripped(k.chars()))]
    affs += [a for k in _children(el, e["affiliations"]) if (a := _stripped(k.chars()))]
    if got := _joined(list({a[0]: a for a in affs}.values()), "; "):
        off, s = t.add(got)
        t.set("affiliations", off, off + len(s))
    terms: list[Chars] = []
    for c in sorted(_children(el, e["category"]), key=lambda c: e["category"].index(c.name)):
        got = next((a for n in e["category_attributes"] if (a := attribute_chars(raw, c, n))), None) or _stripped(c.chars())
        if got and got[0] not in (x[0] for x in terms):
            terms.append(got)
    if got := _joined(terms):
        off, s = t.add(got)
        if c := find_category(s):
            t.set("category", off + c[0], off + c[1])
            t.category_code = c[2]
    if suffix_category and t.category_code is None:
        t.set("category", suffix_category[0], suffix_category[1])
        t.category_code = suffix_category[2]
    seen: set[str] = set()
    # In the order of the data (the link before an Atom id that repeats it over http).
    for c in [c for n in e["link"] for c in _children(el, (n,))]:
        got = next((a for n in e["link_attributes"] if (a := attribute_chars(raw, c, n))), None) or _stripped(c.chars())
        # Addresses only: a guid like "oai:arXiv.org:2409.01234v1" is an identifier.
        key = _SCHEME.sub("", got[0]).rstrip("/").casefold() if got else ""
        if got and _SCHEME.match(got[0]) and key not in seen:
            seen.add(key)
            t.add(got)
    for n in e["date"]:  # in order of preference: the paper's publication first
        for c in _children(el, (n,)):
            if t.date is None and (d := find_date(c.text)):
                t.date = d[2]
    links: list[str] = []
    ids: list[str] = []
    bodies = [c for n in e["body"] for c in _children(el, (n,))][:1]
    for c in bodies + _children(el, e["notes"]):
        text, where = c.chars()
        if c.children:  # Atom's <content type="xhtml">: elements, not text
            blocks, lk = element_blocks(c, BLOCK_TAGS)
            lines, ix = _block_lines(blocks), []
        elif not text.strip():
            continue
        elif (got_html := _html_lines(text, where)) is not None:
            lines, lk, ix = got_html
        else:
            lines, lk, ix = _text_lines(doc.path, text, where)
        links += lk
        ids += ix
        for ln in lines:
            if c in bodies:
                t.field_line(ln)
            else:
                t.add(ln)  # a note (arXiv's "26 pages, iConference 2026"): its links, not its names
    text = "".join(t.parts)
    first, _ = line_of(starts, el.start)
    last, _ = line_of(starts, max(el.start, el.end - 1))
    spans = {k: v for k, v in t.spans.items() if v.end <= len(text)}
    return Entry(
        file=doc.path,
        line=first,
        end_line=last,
        kind="digest",
        layout=name,
        text=text,
        body=tuple(t.body),
        links=tuple(dict.fromkeys(links)),
        ids=tuple(dict.fromkeys(ids)),
        category_code=t.category_code,
        date=t.date,
        origin=t.origin(raw, starts),
        **spans,
    )


def _items(root: Element, names: tuple[str, ...]) -> list[Element]:
    """Items under the root (Atom, RSS 1.0) or under its channel (RSS 2.0)."""
    out = []
    for c in root.children:
        if c.name in names:
            out.append(c)
        else:
            out += [g for g in c.children if g.name in names]
    return out


def parse(doc: ParsedDoc) -> LayoutResult:
    """Entries of the items of an RSS or Atom feed (see the module docstring)."""
    nonblank = [i for i, ln in enumerate(doc.lines) if ln.raw.strip()]
    raw = "\n".join(ln.raw for ln in doc.lines) if nonblank and doc.lines[nonblank[0]].raw.lstrip("\ufeff \t").startswith("<") else ""
    if not raw or feed_root(raw) is None:
        told = [Unassigned(doc.path, i + 1, doc.lines[i].raw.strip(), NOT_IN_ENTRY) for i in nonblank]
        return LayoutResult([], told, 0)
    xml = read_xml(raw)
    starts = _starts(raw)
    complete = [el for el in (_items(xml.root, _elements()["item"]) if xml.root else []) if el.end >= 0]
    entries = [_item(doc, raw, starts, el) for el in complete]
    inside = {k for en in entries for k in range(en.line, en.end_line + 1)}
    # Lines at or after the error (a feed cut short ends in an unclosed item) were not read.
    broken = xml.error[0] if xml.error else None
    if xml.error and complete:
        broken = min(broken, line_of(starts, max(el.end for el in complete))[0] + 1)
    told = [
        Unassigned(doc.path, i + 1, doc.lines[i].raw.strip()[:200], NOT_READ if broken is not None and i + 1 >= broken else FEED_METADATA)
        for i in nonblank
        if i + 1 not in inside
    ]
    covered = len(nonblank)
    return without_news(LayoutResult(entries, told, covered))
