"""The document model every layout reads: lines and blocks with markup removed.

A digest is Markdown or plain text; which one is decided by its content (a ``.txt`` file
full of ``**作者**：`` is Markdown, a ``.md`` file of plain lines is not). Markdown goes
through markdown-it-py (CommonMark with the table and front-matter plugins), front
matter through a YAML parser, HTML fragments through :mod:`html.parser`; plain text is
its lines. An RSS/Atom feed (told by its root element, :mod:`kg.parse.xmltext`) is its
lines as written, marked ``feed`` for the feed layout, which reads its XML.

Each line of the file becomes a :class:`Line`: its raw text, its ``text`` with *inline*
markup removed (emphasis markers, link brackets and targets, code backticks, inline
HTML tags, backslash escapes), the link targets found in it (:class:`Link`, by their
range in ``text``), and the kind of block it belongs to. Block markers (``## ``, ``- ``,
``1. ``, ``> ``, table pipes) stay at the start of ``text`` — they are structure that
:attr:`Line.kind` and :attr:`Line.level` also state — so a line keeps its shape and
layouts that read numbered or bulleted items still see the number.

``text`` is always a subsequence of ``raw``: :attr:`Line.origin` gives the raw column of
every character, so a span found in the text maps back to the exact bytes of the file.
Only this module and :mod:`kg.parse.markdown` read Markdown (:mod:`kg.parse.rst`
reads reStructuredText, :mod:`kg.parse.htmltext` HTML fragments).
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

__all__ = [
    "Link", "Line", "Block", "ParsedDoc", "read_document", "looks_like_markdown", "md", "GLYPH_ITEM_RE", "glyph_item_end",
    "indented_html",
]

#: Share of non-blank lines that must carry Markdown markup (in a sample of the file)
#: for it to be read as Markdown. Plain digests have none; one marked line in a hundred
#: is an accident (a ``*`` footnote), one in twenty-five is a writing habit.
MARKDOWN_SHARE = 0.04
#: Characters of the file sampled to decide Markdown vs plain: enough for a hundred
#: entries, and keeps the decision cheap on a 100 MB digest that turns out plain.
SAMPLE_CHARS = 65536


@dataclass(frozen=True, slots=True)
class Link:
    """A link target and the range ``[start, end)`` of its link text in ``Line.text``."""

    start: int
    end: int
    url: str


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the file as layouts see it."""

    raw: str
    text: str
    kind: str = "text"  # text, heading, item, table, table-rule, front-matter, code, html, rule, blank
    level: int = 0  # heading level; list depth for items
    links: tuple[Link, ...] = ()
    origin: tuple[int, ...] | None = None  # raw column of each character of text; None = same
    start: int = 0  # offset in text where the content starts (after "## ", "- ", "1. ")
    emphasis: bool = False  # all of the content is bold or italic ("**Title**")
    cells: tuple[tuple[int, int], ...] = ()  # table rows: (start, end) of each cell's text
    emphasised: tuple[tuple[int, int], ...] = ()  # (start, end) of bold or italic runs of text
    ids: tuple[str, ...] = ()  # identifiers the markup carries (HTML data-*-id attributes)
    emphasis_wraps: bool = False  # a bold or italic run goes on on the next line ("**A long\ntitle**")
    images: tuple[str, ...] = ()  # sources of the pictures on the line (badges: "img.shields.io/badge/cs.CL-…")

    def column(self, k: int) -> int:
        """Raw column of text offset ``k`` (``k == len(text)`` maps past the end)."""
        if self.origin is None:
            return k
        if k >= len(self.origin):
            return len(self.raw) if not self.origin else self.origin[-1] + 1 + (k - len(self.origin))
        return self.origin[k]


@dataclass(frozen=True, slots=True)
class Block:
    """A block of the document: ``first``/``last`` are 0-based line indices."""

    kind: str
    first: int
    last: int
    level: int = 0


@dataclass(slots=True)
class ParsedDoc:
    """A decoded file as lines and blocks; ``front_matter`` is the parsed YAML mapping
    (``front_matter_lines`` its 0-based line range, fences included)."""

    path: str
    lines: list[Line]
    markdown: bool
    blocks: list[Block] = field(default_factory=list)
    front_matter: dict[str, Any] | None = None
    front_matter_lines: tuple[int, int] | None = None
    problems: list[tuple[int, str]] = field(default_factory=list)  # (0-based line, message)
    feed: bool = False  # an RSS/Atom feed: read by the feed layout only
    #: HTML table rows: (first line, last line, header row?, cells as (line, start, end)
    #: in that line's text, or None for an empty cell); 0-based lines.
    rows: list[tuple[int, int, bool, tuple[tuple[int, int, int] | None, ...]]] = field(default_factory=list)
    #: Footnote definitions (``[^2]: Google DeepMind``): 0-based line -> label.
    notes: dict[int, str] = field(default_factory=dict)
    #: Footnote references (``Dian Yu[^1][^2]``): 0-based line -> the labels it references.
    note_refs: dict[int, tuple[str, ...]] = field(default_factory=dict)

    _texts: list[str] | None = None

    @property
    def texts(self) -> list[str]:
        """Each line's text (computed once: every layout reads it)."""
        if self._texts is None or len(self._texts) != len(self.lines):
            self._texts = [x.text for x in self.lines]
        return self._texts


@functools.lru_cache(maxsize=2)
def md(front_matter: bool = True):
    """The markdown-it parser kg reads with: CommonMark, tables, front matter (unless
    ``front_matter`` is false)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable("table")
    return parser.use(front_matter_plugin) if front_matter else parser


def opens_front_matter(text: str) -> bool:
    """Whether ``text`` opens with a front-matter fence: a first line of exactly ``---``,
    as static-site generators write it. The front-matter plugin takes any run of three
    dashes or more, so a plain-text digest that opens with a rule of dashes (an arXiv
    mailing list's ``------…``) would lose its first item to "front matter"."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return first.rstrip() == "---"


_MARKUP_TOKENS = {"strong_open", "em_open", "link_open", "code_inline", "html_inline", "image"}
_BLOCK_MARKUP = {"heading_open", "table_open", "front_matter", "fence", "html_block", "bullet_list_open"}


# Characters without which no line carries Markdown markup that changes its text: a cheap
# pre-check that spares the markdown-it parse on plain digests (most of kg's input).
_MARKUP_CHARS = ("](", "**", "__", "`", "<", "|")
_BLOCK_STARTS = ("#", "- ", "* ", "+ ", "> ", "---", "===", "[^")


def _may_be_markdown(sample: str) -> bool:
    hits = 0
    # Only the markup characters the sample holds at all are looked for line by line.
    chars = tuple(m for m in _MARKUP_CHARS if m in sample)
    for line in sample.split("\n"):
        s = line.lstrip()
        if s.startswith(_BLOCK_STARTS) or chars and any(m in line for m in chars):
            hits += 1
            if hits >= 2:
                return True
    return False


# An HTML tag at the start of a line ("<div class=…>", "</p>", "<!-- … -->").
_TAG_LINE = re.compile(r"^\s*<(?:/?[A-Za-z][\w-]*(?:\s[^<>]*)?/?|!--.*?--)>")


def indented_html(content: str) -> bool:
    """Whether an indented block (CommonMark's code) is HTML markup: an e-mail or site
    template indents its tags, which Markdown would otherwise show as code. Most of its
    lines open with a tag.

    >>> indented_html('    <div class="card">\\n      <h4><a href="u">T</a></h4>\\n    </div>')
    True
    >>> indented_html("    x = 1\\n    if x < 2:\\n        print(x)")
    False
    """
    lines = [x for x in content.split("\n") if x.strip()]
    tagged = sum(1 for x in lines if _TAG_LINE.match(x))
    return len(lines) >= 2 and tagged * 4 >= len(lines) * 3


def looks_like_markdown(text: str, path: str = "") -> bool:
    """Whether ``text`` is written in Markdown: a sample parsed by markdown-it has front
    matter, a table, or markup on enough of its lines."""
    sample = text[:SAMPLE_CHARS]
    if len(text) > SAMPLE_CHARS:
        sample = sample[: sample.rfind("\n") + 1] or sample
    # A file named as Markdown is parsed as Markdown even with markup on one line only (a
    # heading over a numbered list of *italic* titles); the cheap pre-check is for the rest.
    if not _may_be_markdown(sample) and not path.lower().endswith((".md", ".markdown")):
        return False
    tokens = md(opens_front_matter(sample)).parse(sample)
    marked: set[int] = set()
    strong = False
    for t in tokens:
        if t.type in ("front_matter", "table_open"):
            return True
        if t.type in _BLOCK_MARKUP and t.map:
            marked.add(t.map[0])
            strong = strong or t.type == "heading_open"
        if t.type == "html_block" and t.map or t.type == "code_block" and t.map and indented_html(t.content):
            # An HTML page or fragment (<h2>, <ul><li><a href=…>): the Markdown reader
            # turns its tags into lines, links and emphasis; plain text would keep the tags.
            marked.update(range(t.map[0], t.map[1]))
        if t.type == "inline" and t.map and any(c.type in _MARKUP_TOKENS for c in t.children or ()):
            marked.add(t.map[0])
    lines = sample.split("\n")
    # Footnote definitions ("[^3]: …") are Markdown that CommonMark itself does not mark.
    marked.update(k for k, x in enumerate(lines) if x.startswith("[^") and "]:" in x)
    nonblank = sum(1 for x in lines if x.strip())
    if not nonblank or not marked:
        return False
    if path.lower().endswith((".md", ".markdown")):
        return True
    return len(marked) >= 2 and len(marked) / nonblank >= MARKDOWN_SHARE or strong and len(marked) >= 3


def read_document(path: str, text: str, markdown: bool | None = None) -> ParsedDoc:
    """The :class:`ParsedDoc` of a decoded file (``markdown=None``: decide by content)."""
    raw_lines = text.split("\n")
    if markdown is None:
        from kg.parse.rst import looks_like_rst, read_rst

        if path.lower().endswith((".rst", ".rest")) or looks_like_rst(text):
            return read_rst(path, text)
        from kg.parse.xmltext import feed_root

        if feed_root(text):
            return _feed(path, text, raw_lines)
        from kg.parse.bibtex import looks_like_bibtex

        # A BibTeX bibliography is data: plain lines (the bibfile layout reads its records).
        markdown = False if looks_like_bibtex(text) else looks_like_markdown(text, path)
    if not markdown:
        # Plain text: each line is its own text; the only blocks are bulleted items.
        return _plain(path, raw_lines)
    from kg.parse.markdown import MarkdownReader

    return MarkdownReader(path, raw_lines, text).run()


#: A line that opens with a bullet character and a space: a list item, in plain text as
#: in Markdown paragraphs (chat and social-media posts write lists this way).
GLYPH_ITEM_RE = re.compile(r"^\s*[•▪◦●‣・]\s+(?=\S)")
_GLYPHS = "•▪◦●‣・"


def glyph_item_end(raw_lines: list[str], i: int, is_text) -> int:
    """The last line of the bulleted item opening at line ``i``: lines indented under the
    bullet go on with it, as in a Markdown list (``is_text(k)``: line ``k`` may)."""
    r = raw_lines[i]
    indent = len(r) - len(r.lstrip())
    last = i
    while (
        last + 1 < len(raw_lines)
        and is_text(last + 1)
        and raw_lines[last + 1].strip()
        and len(raw_lines[last + 1]) - len(raw_lines[last + 1].lstrip()) > indent
        and not GLYPH_ITEM_RE.match(raw_lines[last + 1])
    ):
        last += 1
    return last


def _feed(path: str, text: str, raw_lines: list[str]) -> ParsedDoc:
    """An RSS/Atom feed: its lines as written (the ``feed`` layout reads its elements),
    and where the XML is malformed or cut off, that problem on its line."""
    from kg.parse.xmltext import read_xml

    doc = _plain(path, raw_lines)
    doc.feed = True
    err = read_xml(text).error
    if err is not None:
        line, col, what = err
        doc.problems.append((min(line, len(raw_lines)) - 1, f"malformed XML feed: {what} (line {line}, column {col}); the items before it are read"))
    return doc


def _plain(path: str, raw_lines: list[str]) -> ParsedDoc:
    lines, blocks = [], []
    # A file with no bullet character has no item to look for on each line.
    joined = "\n".join(raw_lines)
    glyphs = any(g in joined for g in _GLYPHS)
    for i, r in enumerate(raw_lines):
        m = GLYPH_ITEM_RE.match(r) if glyphs else None
        if m:
            lines.append(Line(r, r, "item", 1, start=m.end()))
            blocks.append(Block("list_item", i, glyph_item_end(raw_lines, i, lambda k: True), 1))
        else:
            lines.append(Line(r, r, "text" if r.strip() else "blank"))
    return ParsedDoc(path, lines, False, blocks)

