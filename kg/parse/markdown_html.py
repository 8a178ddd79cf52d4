"""HTML blocks inside Markdown, for :class:`kg.parse.markdown.MarkdownReader`.

An HTML block (a newsletter's cards, a ``<table>`` of papers, ``<details>``) is read by
:class:`kg.parse.htmltext.HtmlText`; :meth:`HtmlBlocks._html` keeps the raw columns of
its text, and turns its anchors, ids, table rows, list items, headings and emphasis into
the reader's links, ids, rows, items, headings and emphasis, as a Markdown block's would be.

Split from :mod:`kg.parse.markdown` (the token walk and the lines it builds) as a mixin
so the reader's per-line state stays in one object; the method body is unchanged.
"""
from __future__ import annotations

from kg.parse.document import Block, ParsedDoc
from kg.parse.htmltext import HtmlText

__all__ = ["HtmlBlocks"]


class HtmlBlocks:
    """The HTML half of :class:`~kg.parse.markdown.MarkdownReader`: text, links, ids,
    rows, items, headings and emphasis of an HTML block, by raw column."""

    # State of :class:`~kg.parse.markdown.MarkdownReader` (set in its ``__init__``) that
    # these methods read and write.
    raw: list[str]
    kind: list[str]
    level: list[int]
    keep: list[list[bool] | None]
    links: list[list[tuple[int, int, str]]]
    plain_cols: list[set[int]]
    emph_cols: list[set[int]]
    html_lines: set[int]
    ids: dict[int, list[str]]
    rows: list[tuple[int, int, bool, list[tuple[int, int, int] | None]]]
    doc: ParsedDoc

    def _html(self, a: int, b: int) -> None:
        """Tags removed from an HTML block, ``<a href>`` targets kept as links."""
        reader = HtmlText()
        chunk = "\n".join(self.raw[a:b])
        try:
            reader.feed(chunk)
            reader.close()
        except Exception as e:  # html.parser is lenient; anything it raises is a bad fragment
            self.doc.problems.append((a, f"unreadable HTML: {e}"))
            return
        for i in range(a, min(b, len(self.raw))):
            self.keep[i] = [False] * len(self.raw[i])
            self.html_lines.add(i)
        for (ln, col), data in reader.data:
            i, c = a + ln - 1, col
            for ch in data:
                if ch == "\n":
                    i, c = i + 1, 0
                    continue
                if i < len(self.raw) and c < len(self.raw[i]):
                    self.keep[i][c] = True
                    self.plain_cols[i].add(c)
                c += 1
        for (ln, col), value in reader.ids:
            self.ids.setdefault(a + ln - 1, []).append(value)
        for (sl, _), (el, _), header, cells in reader.rows:
            placed: list[tuple[int, int, int] | None] = []
            for runs in cells:
                # Every non-blank piece of the cell's text as (line, start, end); the cell is
                # placed on the first line that has text, from its first to its last piece.
                pieces: list[tuple[int, int, int]] = []
                for (ln, col), data in runs:
                    i, c = a + ln - 1, col
                    for part in data.split("\n"):
                        if part.strip():
                            lead = len(part) - len(part.lstrip())
                            pieces.append((i, c + lead, c + len(part.rstrip())))
                        i, c = i + 1, 0
                if pieces:
                    first = pieces[0][0]
                    on = [p for p in pieces if p[0] == first]
                    placed.append((first, on[0][1], on[-1][2]))
                else:
                    placed.append(None)
            self.rows.append((a + sl - 1, a + el - 1, header, placed))
        for ln, _ in reader.items:
            # An HTML list item (<li>) is a list item like a Markdown one.
            self.doc.blocks.append(Block("list_item", a + ln - 1, a + ln - 1, 1))
            self.kind[a + ln - 1] = "item"
        for (ln, _), level in reader.headings:
            # An HTML heading (<h3>Title</h3> on a card) is a heading like a Markdown one.
            i = a + ln - 1
            if i < len(self.raw) and self.kind[i] != "item":
                self.kind[i], self.level[i] = "heading", level
                self.doc.blocks.append(Block("heading", i, i, level))
        for (ln, col), (eln, ecol) in reader.emphasis:
            i = a + ln - 1
            if i == a + eln - 1:
                moved = {c for c in self.plain_cols[i] if col <= c < ecol}
                self.plain_cols[i] -= moved
                self.emph_cols[i] |= moved
        for (ln, col), (eln, ecol), url in reader.anchors:
            i = a + ln - 1
            if i == a + eln - 1:
                kept = [k for k in range(col, ecol) if self.keep[i][k]]
                if kept:
                    self.links[i].append((kept[0], kept[-1] + 1, url))
