"""Placing inline text back on its raw lines, for :class:`kg.parse.markdown.MarkdownReader`.

markdown-it gives an inline token's content and children without columns. These methods
find each content line on its raw line (:meth:`InlinePlacement._locate`) and claim, in
order, the raw characters each text child keeps (:meth:`InlinePlacement._inline`): what
is not claimed is markup. Links (repaired by :func:`kg.parse.inline.repair_links`),
emphasis, table cells and pictures are recorded by raw column on the way.

Split from :mod:`kg.parse.markdown` (the token walk and the lines it builds) as a mixin
so the reader's per-line state stays in one object; the method bodies are unchanged.
"""
from __future__ import annotations

import re
from typing import Any

from kg.parse.htmltext import anchor_href
from kg.parse.inline import repair_links

__all__ = ["InlinePlacement"]

# kramdown attribute lists ('[Title](…){:target="_blank"}'): Jekyll markup CommonMark leaves as text.
_IAL = re.compile(r"\{:[^{}\n]*\}")


class InlinePlacement:
    """The inline half of :class:`~kg.parse.markdown.MarkdownReader`: text, links,
    emphasis, cells and pictures of each inline token, by raw column."""

    # State of :class:`~kg.parse.markdown.MarkdownReader` (set in its ``__init__``) that
    # these methods read and write.
    raw: list[str]
    kind: list[str]
    keep: list[list[bool] | None]
    links: list[list[tuple[int, int, str]]]
    content_col: list[int | None]
    cell_cursor: dict[int, int]
    cells: dict[int, list[tuple[int, int]]]
    plain_cols: list[set[int]]
    emph_cols: list[set[int]]
    emph_wraps: set[int]
    images: dict[int, list[str]]

    def _locate(self, content: str, a: int, b: int) -> list[tuple[int, int, int]]:
        """``(offset in content, file line, raw column)`` where each content line starts."""
        out = []
        off, i = 0, a
        for piece in content.split("\n"):
            found = None
            while i < min(b, len(self.raw)):
                col = self.raw[i].find(piece.strip()) if piece.strip() else 0
                if col >= 0 and (self.kind[i] != "table" or piece.strip()):
                    found = (i, col + (len(piece) - len(piece.lstrip()) if col == 0 and not piece.strip() else 0))
                    break
                i += 1
            if found is None:
                return out  # content we cannot place: leave the rest of the lines as written
            lead = len(piece) - len(piece.lstrip())
            out.append((off + lead, found[0], found[1]))
            off += len(piece) + 1
            i = found[0] + (0 if self.kind[found[0]] == "table" else 1)
        return out

    def _inline(self, tok: Any, a: int, b: int) -> None:
        starts = self._locate(tok.content, a, b)
        if not starts:
            return
        if self.kind[starts[0][1]] == "table":
            # Cells of one row share a line: place this cell after the previous ones.
            i = starts[0][1]
            col = self.raw[i].find(tok.content.strip(), self.cell_cursor.get(i, 0))
            if col < 0:
                return
            self.cell_cursor[i] = col + len(tok.content.strip())
            self.cells.setdefault(i, []).append((col, col + len(tok.content.strip())))
            starts = [(0, i, col)]
        for k, (coff, i, col) in enumerate(starts):
            end_off = starts[k + 1][0] - 1 if k + 1 < len(starts) else len(tok.content)
            seg_len = end_off - coff
            if self.content_col[i] is None:
                self.content_col[i] = col
            if self.keep[i] is None:
                self.keep[i] = [True] * len(self.raw[i])
            for c in range(col, min(col + seg_len, len(self.raw[i]))):
                self.keep[i][c] = False  # markup unless a text character claims it below
        cur = [0]  # index into starts
        pos = [starts[0][2]]

        def claim(s: str) -> int | None:
            """Keep the raw characters of ``s`` (found in order); returns the first column."""
            first = None
            for ch in s:
                if ch == "\n":
                    if cur[0] + 1 < len(starts):
                        cur[0] += 1
                        pos[0] = starts[cur[0]][2]
                    continue
                i = starts[cur[0]][1]
                raw = self.raw[i]
                c = raw.find(ch, pos[0])
                if c < 0:
                    continue  # an entity or escape that decodes to another character
                self.keep[i][c] = True
                (self.emph_cols[i] if emph[0] else self.plain_cols[i]).add(c)
                pos[0] = c + 1
                first = c if first is None else first
            return first

        open_links: list[tuple[int, int, str]] = []  # (line, column, url)
        emph = [0]
        for c in repair_links(tok.children or []):
            if c.type in ("strong_open", "em_open"):
                emph[0] += 1
            elif c.type in ("strong_close", "em_close"):
                emph[0] -= 1
            elif c.type in ("text", "code_inline"):
                claim(_IAL.sub("", c.content) if c.type == "text" else c.content)
            elif c.type in ("softbreak", "hardbreak"):
                if emph[0] and c.type == "softbreak":
                    self.emph_wraps.add(starts[cur[0]][1])
                claim("\n")
            elif c.type == "link_open" or c.type == "html_inline" and anchor_href(c.content):
                url = c.attrs.get("href") if c.type == "link_open" else anchor_href(c.content)
                open_links.append((starts[cur[0]][1], pos[0], str(url or "")))
                if c.type == "link_open":
                    pos[0] = self.raw[starts[cur[0]][1]].find("[", pos[0]) + 1 or pos[0]
                else:
                    pos[0] += len(c.content) if self.raw[starts[cur[0]][1]].find(c.content, pos[0]) >= 0 else 0
            elif c.type == "link_close" or c.type == "html_inline" and c.content.lower().startswith("</a"):
                if open_links:
                    i, s, url = open_links.pop()
                    same = i == starts[cur[0]][1]
                    # An empty target ("[Title]()") still marks a title; a text that wraps
                    # ("[Title\n](…)") links from the line it opens on, to that line's end.
                    kept = [k for k in range(s, pos[0] if same else len(self.raw[i])) if self.keep[i][k]]
                    if kept:
                        self.links[i].append((kept[0], kept[-1] + 1, url))
                    elif url and same:
                        # A link with no text — a badge image ("[![arXiv](badge.svg)](abs/…)")
                        # or "[](…)" — still points somewhere: its target is kept, with an
                        # empty text range at its place.
                        self.links[i].append((s, s, url))
                    # Move past "](target)" so its characters are not claimed by later text.
                    raw = self.raw[starts[cur[0]][1]]
                    if c.type == "link_close" and raw.startswith("](", pos[0]):
                        depth, k = 0, pos[0] + 1
                        while k < len(raw):
                            depth += raw[k] == "("
                            depth -= raw[k] == ")"
                            k += 1
                            if depth == 0:
                                break
                        pos[0] = k
            elif c.type == "html_inline":
                k = self.raw[starts[cur[0]][1]].find(c.content, pos[0])
                if k >= 0:
                    pos[0] = k + len(c.content)
            elif c.type == "image":
                # A picture is no text; its source is kept (a badge may state the category).
                if c.attrs.get("src"):
                    self.images.setdefault(starts[cur[0]][1], []).append(str(c.attrs["src"]))
                k = self.raw[starts[cur[0]][1]].find(")", pos[0])
                if k >= 0:
                    pos[0] = k + 1
