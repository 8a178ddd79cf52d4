"""Text and structure of HTML fragments pasted into digests (:mod:`html.parser`): text
runs with their positions, ``<a href>`` targets, table rows and cells, list items and
headings, and identifiers in ``data-*-id`` attributes."""
from __future__ import annotations

import html
import html.parser

__all__ = ["BLOCK_TAGS", "HtmlText", "anchor_href", "html_blocks", "split_blocks"]


class HtmlText(html.parser.HTMLParser):
    """Text runs of an HTML fragment with their (line, column), and anchors' targets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.data: list[tuple[tuple[int, int], str]] = []
        self.anchors: list[tuple[tuple[int, int], tuple[int, int], str]] = []
        self._open: list[tuple[tuple[int, int], str]] = []
        self._skip = 0
        # Table rows: (start, end, header?, cells); a cell is the text runs inside it.
        self.rows: list[tuple[tuple[int, int], tuple[int, int], bool, list[list[tuple[tuple[int, int], str]]]]] = []
        self._row: tuple[tuple[int, int], list[list[tuple[tuple[int, int], str]]], list[bool]] | None = None
        self._cell: list[tuple[tuple[int, int], str]] | None = None
        self.ids: list[tuple[tuple[int, int], str]] = []  # identifiers in data-* attributes
        self.items: list[tuple[int, int]] = []  # (line, column) where each <li> starts
        self.headings: list[tuple[tuple[int, int], int]] = []  # where each <h1>…<h6> starts, its level
        self.emphasis: list[tuple[tuple[int, int], tuple[int, int]]] = []  # <i>/<b>/<em>/<strong> spans
        self._emph: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "a":
            self._open.append((self.getpos(), dict(attrs).get("href") or ""))
        for k, v in attrs:
            if k.startswith("data-") and v and ("arxiv" in k or k.endswith("-id")):
                self.ids.append((self.getpos(), v))
        if tag == "li":
            self.items.append(self.getpos())
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append((self.getpos(), int(tag[1])))
        elif tag in ("i", "b", "em", "strong"):
            self._emph.append(self.getpos())
        if tag == "tr":
            self._row = (self.getpos(), [], [])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            self._row[1].append(self._cell)
            self._row[2].append(tag == "th")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "a" and self._open:
            start, url = self._open.pop()
            self.anchors.append((start, self.getpos(), url))
        if tag in ("i", "b", "em", "strong") and self._emph:
            self.emphasis.append((self._emph.pop(), self.getpos()))
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "tr" and self._row is not None:
            start, cells, heads = self._row
            self.rows.append((start, self.getpos(), bool(heads) and all(heads), cells))
            self._row = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.data.append((self.getpos(), data))
            if self._cell is not None:
                self._cell.append((self.getpos(), data))


def anchor_href(tag: str) -> str | None:
    """The ``href`` of an inline ``<a …>`` tag, else ``None``."""
    if not tag[:2].lower() == "<a" or tag[2:3] not in (" ", "\t", "\n"):
        return None
    p = HtmlText()
    p.feed(tag + "</a>")
    return p.anchors[0][2] if p.anchors else None


#: Block-level tags: their text starts a line of its own (a feed item's description is
# often one line of <p>…</p><p>…</p>, whose paragraphs are fields).
BLOCK_TAGS = frozenset(
    "p div br hr h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table thead tbody blockquote pre "
    "section article header footer figure figcaption".split()
)


class _HtmlBlocks(HtmlText):
    """An HTML fragment's text runs, entity references and the places where a block tag
    breaks the text into lines."""

    def __init__(self) -> None:
        super().__init__()
        self.breaks: list[tuple[int, int]] = []
        self.refs: list[tuple[tuple[int, int], str]] = []
        self.tags = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        self.tags += 1
        if tag in BLOCK_TAGS:
            self.breaks.append(self.getpos())

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        self.tags += 1
        if tag in BLOCK_TAGS:
            self.breaks.append(self.getpos())

    def handle_entityref(self, ref: str) -> None:
        if not self._skip:
            self.refs.append((self.getpos(), html.unescape(f"&{ref};")))

    def handle_charref(self, ref: str) -> None:
        if not self._skip:
            self.refs.append((self.getpos(), html.unescape(f"&#{ref};")))


def html_blocks(text: str) -> tuple[list[list[tuple[int, str, bool]]], list[str], list[str]] | None:
    """The text of an HTML fragment as blocks (a block tag starts a new one), each a list
    of runs ``(offset in text, run, literal)`` — a literal run is written as is at its
    offset, an entity reference's decoded character maps to its ``&`` — with the
    anchors' targets and ``data-*-id`` identifiers; ``None`` when ``text`` has no tag."""
    p = _HtmlBlocks()
    try:
        p.feed(text)
        p.close()
    except Exception:  # html.parser raises on little, but the fragment is untrusted text
        return None
    if not p.tags:
        return None
    starts = [0] + [k + 1 for k, c in enumerate(text) if c == "\n"]
    at = lambda pos: starts[pos[0] - 1] + pos[1]  # noqa: E731 - (line, col) → offset
    runs = sorted([(at(pos), s, True) for pos, s in p.data] + [(at(pos), s, False) for pos, s in p.refs], key=lambda r: r[0])
    breaks = sorted(at(pos) for pos in p.breaks)
    return split_blocks(runs, breaks), [u for _, _, u in p.anchors if u], [v for _, v in p.ids]


def split_blocks(runs: list[tuple[int, str, bool]], breaks: list[int]) -> list[list[tuple[int, str, bool]]]:
    """Text runs ``(offset, text, is_data)``, sorted by offset, grouped into blocks: a
    block ends at every break offset (a block tag's start or end) with text before it.
    Shared by the HTML and the XML-feed readers, which find runs and breaks differently."""
    blocks: list[list[tuple[int, str, bool]]] = [[]]
    b = 0
    for run in runs:
        while b < len(breaks) and breaks[b] <= run[0]:
            if blocks[-1]:
                blocks.append([])
            b += 1
        blocks[-1].append(run)
    return [x for x in blocks if x]
