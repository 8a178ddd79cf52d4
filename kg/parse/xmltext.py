"""A reader for XML digests (RSS 2.0, RSS 1.0/RDF and Atom feeds): elements with their
place in the file.

Feeds come from bots that save arXiv's listing feeds or the arXiv API's answers, and from
paper blogs. The standard library's expat parser (the one under
:mod:`xml.etree.ElementTree`) reads them; unlike ElementTree it says where every event
is, so each character of an element's text keeps its offset in the file and evidence
spans stay exact, also for a feed written on one line. Entity references (``&amp;``)
map to the place of their ``&``.

Feeds are untrusted input. A document that declares entities (the "billion laughs" and
external-entity attacks need a declaration) is refused, which is the guard
``defusedxml`` adds to expat — kg needs no more of that package than this, so it does
not depend on it. External DTDs are never fetched (expat does not, unless asked).

A document that is not well formed is read up to the error: the elements closed before
it are kept, and the error (what, at which line and column) is returned to say so —
a feed cut short or broken in the middle still gives the items before the break.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from xml.parsers import expat

from kg.parse.htmltext import split_blocks

__all__ = ["FEED_ROOTS", "Element", "XmlDoc", "feed_root", "read_xml", "attribute_chars", "element_blocks", "line_of"]

#: Root elements of the feed formats kg reads (local names: ``rdf:RDF`` is RSS 1.0).
FEED_ROOTS = ("rss", "feed", "RDF")
#: How much of a file is parsed to find its root element.
_HEAD_CHARS = 8192


class _Root(Exception):
    """Raised by the handler that meets the root element, to stop parsing early."""

    def __init__(self, name: str):
        self.name = name


class _Refused(Exception):
    """A construct kg does not read from untrusted XML (an entity declaration)."""


@dataclass(slots=True)
class Element:
    """One element: local ``name``, namespace URI ``ns``, attributes, where it is
    (``start`` the offset of its ``<``, ``end`` the offset after its end tag, ``-1``
    while unclosed) and its direct text as ``(text, offset, literal)`` chunks: a literal
    chunk is written as is at ``offset``; an entity reference's chunk maps to its ``&``."""

    name: str
    ns: str
    attrs: dict[str, str]
    start: int
    end: int = -1
    children: list[Element] = field(default_factory=list)
    chunks: list[tuple[str, int, bool]] = field(default_factory=list)

    def chars(self) -> tuple[str, list[int]]:
        """The element's direct text and the file offset of each of its characters."""
        text, where = [], []
        for s, off, literal in self.chunks:
            text.append(s)
            where += range(off, off + len(s)) if literal else [off] * len(s)
        return "".join(text), where

    @property
    def text(self) -> str:
        return "".join(s for s, _, _ in self.chunks)


@dataclass(slots=True)
class XmlDoc:
    """A parsed document: its root (``None`` when nothing could be read) and the first
    error as ``(line, column, message)`` (1-based line, 0-based column), else ``None``."""

    root: Element | None
    error: tuple[int, int, str] | None


def _local(name: str) -> tuple[str, str]:
    ns, _, local = name.rpartition(" ")
    return local, ns


def _refuse(*_args) -> None:
    raise _Refused("the document declares entities, which kg does not expand")


def _parser() -> expat.XMLParserType:
    # UTF-8 whatever the prolog says: kg decoded the file already and hands expat its text.
    p = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")
    p.EntityDeclHandler = _refuse
    p.UnparsedEntityDeclHandler = _refuse
    return p


def feed_root(text: str) -> str | None:
    """The local name of the root element when ``text`` is an RSS/Atom feed (``rss``,
    ``feed``, ``RDF``), else ``None``; decided by content, not by file name."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return None
    # Entity declarations are let through here (they are refused when the feed is read,
    # with a message): only the root's name is wanted, and parsing stops at its tag.
    p = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")

    def start(name: str, _attrs: dict[str, str]) -> None:
        raise _Root(_local(name)[0])

    p.StartElementHandler = start
    try:
        p.Parse(head.encode("utf-8"), False)
    except _Root as r:
        return r.name if r.name in FEED_ROOTS else None
    except (expat.ExpatError, _Refused, ValueError):
        return None
    return None


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


@functools.lru_cache(maxsize=4)
def read_xml(text: str) -> XmlDoc:
    """The elements of ``text`` with their offsets (see the module docstring). Cached:
    every layout that asks about one file gets the same parse."""
    starts = _line_starts(text)
    p = _parser()
    stack: list[Element] = []
    root: list[Element] = []

    def here() -> int:
        # expat counts lines from 1 and columns in characters from 0.
        line = p.CurrentLineNumber
        return starts[line - 1] + p.CurrentColumnNumber if line <= len(starts) else len(text)

    def start(name: str, attrs: dict[str, str]) -> None:
        local, ns = _local(name)
        el = Element(local, ns, {_local(k)[0]: v for k, v in attrs.items()}, here())
        (stack[-1].children if stack else root).append(el)
        stack.append(el)

    def end(_name: str) -> None:
        el = stack.pop()
        at = here()
        # The position is that of the end tag (or of an empty element's own tag): the
        # element ends after its ">".
        close = text.find(">", max(at, el.start))
        el.end = close + 1 if close >= 0 else len(text)

    def data(s: str) -> None:
        if not stack:
            return
        at = here()
        stack[-1].chunks.append((s, at, text.startswith(s, at)))

    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = data
    p.buffer_text = False  # one event per run of text, so that each has its own position
    try:
        p.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as e:
        message = expat.ErrorString(e.code) if e.code else str(e)
        return XmlDoc(root[0] if root else None, (e.lineno, e.offset, message))
    except _Refused as e:
        return XmlDoc(None, (p.CurrentLineNumber, p.CurrentColumnNumber, str(e)))
    return XmlDoc(root[0] if root else None, None)


_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def attribute_chars(text: str, el: Element, name: str) -> tuple[str, list[int]] | None:
    """The value of attribute ``name`` of ``el`` (local name) with the file offset of
    each character, found in the element's start tag; ``None`` when it has none."""
    if name not in el.attrs:
        return None
    tag_end = text.find(">", el.start)
    tag = text[el.start : tag_end if tag_end >= 0 else len(text)]
    # The attribute as written in the tag expat already parsed (a prefix may precede it).
    m = re.search(r"(?:^|\s)(?:[\w.-]+:)?" + re.escape(name) + r"\s*=\s*([\"'])(.*?)\1", tag, re.S)
    if m is None:
        return None
    raw, base = m.group(2), el.start + m.start(2)
    out, where, k = [], [], 0
    while k < len(raw):
        if raw[k] == "&" and (semi := raw.find(";", k)) > k:
            ref = raw[k + 1 : semi]
            ch = chr(int(ref[2:], 16) if ref[:2].lower() == "#x" else int(ref[1:])) if ref.startswith("#") else _ENTITIES.get(ref)
            if ch is not None:
                out.append(ch)
                where.append(base + k)
                k = semi + 1
                continue
        out.append(raw[k])
        where.append(base + k)
        k += 1
    return "".join(out), where


def line_of(starts: list[int], offset: int) -> tuple[int, int]:
    """``(1-based line, column)`` of ``offset`` given the offsets where lines start."""
    k = bisect.bisect_right(starts, offset) - 1
    return k + 1, offset - starts[k]



def element_blocks(el: Element, block_tags: frozenset[str]) -> tuple[list[list[tuple[int, str, bool]]], list[str]]:
    """The text inside ``el`` (its descendants' too, as in Atom's XHTML content) as blocks,
    an element named in ``block_tags`` starting a new one; each block a list of runs
    ``(file offset, text, literal)``; and the ``href`` of its ``<a>`` elements."""
    runs: list[tuple[int, str, bool]] = []
    breaks: list[int] = []
    links: list[str] = []

    def walk(x: Element) -> None:
        runs.extend((off, s, literal) for s, off, literal in x.chunks)
        for c in x.children:
            if c.name in block_tags:
                breaks.extend((c.start, c.end))
            if c.name == "a" and c.attrs.get("href"):
                links.append(c.attrs["href"])
            walk(c)

    walk(el)
    runs.sort(key=lambda r: r[0])
    breaks.sort()
    return split_blocks(runs, breaks), links
