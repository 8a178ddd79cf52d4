"""The Markdown reader behind :func:`kg.parse.document.read_document`.

markdown-it-py gives blocks with line ranges and inline tokens without columns; this
module places each inline token's text back on its raw line (every kept character is a
raw character, found in order), so a line's ``text`` is a subsequence of the raw line
with the markup left out and its ``origin`` exact. Links whose target has a space
(``[Jane Doe](https://arxiv.org/search/?query=Jane Doe)``), which CommonMark leaves as
text, are read as the links they were meant to be (:mod:`kg.parse.inline`).
"""
from __future__ import annotations

import re
from typing import Any

from kg.parse.document import GLYPH_ITEM_RE, Block, Line, Link, ParsedDoc, glyph_item_end, indented_html, md, opens_front_matter
from kg.parse.htmltext import HtmlText, anchor_href
from kg.parse.inline import repair_links

__all__ = ["MarkdownReader"]

# kramdown attribute lists ('[Title](…){:target="_blank"}'): Jekyll markup CommonMark leaves as text.
_IAL = re.compile(r"\{:[^{}\n]*\}")


#: A setext heading (a paragraph underlined by ``---`` or ``===``) of more lines than this,
#: underline included, is read as a paragraph and a rule.
MAX_SETEXT_LINES = 3


class MarkdownReader:
    """Walks markdown-it's token stream and rewrites the lines each inline token covers."""

    def __init__(self, path: str, raw_lines: list[str], text: str):
        self.path, self.raw, self.text = path, raw_lines, text
        n = len(raw_lines)
        self.kind = ["blank" if not r.strip() else "text" for r in raw_lines]
        self.level = [0] * n
        self.keep: list[list[bool] | None] = [None] * n  # per raw column: kept in text?
        self.links: list[list[tuple[int, int, str]]] = [[] for _ in range(n)]  # raw columns
        self.content_col: list[int | None] = [None] * n
        self.cell_cursor: dict[int, int] = {}  # table line -> column after the last cell placed
        self.cells: dict[int, list[tuple[int, int]]] = {}  # table line -> raw (start, end) of cells
        self.plain_cols: list[set[int]] = [set() for _ in range(n)]  # claimed outside emphasis
        self.emph_cols: list[set[int]] = [set() for _ in range(n)]  # claimed inside emphasis
        self.emph_wraps: set[int] = set()  # lines whose emphasis run goes on on the next line
        self.html_lines: set[int] = set()
        self.ids: dict[int, list[str]] = {}
        self.images: dict[int, list[str]] = {}  # line -> picture sources, in order
        self.rows: list[tuple[int, int, bool, list[tuple[int, int, int] | None]]] = []
        self.doc = ParsedDoc(path, [], True)

    def run(self) -> ParsedDoc:
        notes = self._footnotes()
        self._tokens(md(opens_front_matter(self.text)).parse(self.text), 0, skip=notes)
        for a, b in notes:
            # A footnote's body is Markdown indented under its label: read it on its own.
            body = [self.raw[k][4:] if self.raw[k].startswith("    ") else self.raw[k].lstrip() for k in range(a + 1, b + 1)]
            self._tokens(md().parse("\n".join(body)), a + 1)
        self._glyph_items()
        return self._finish()

    def _glyph_items(self) -> None:
        """Paragraph lines that open with a bullet character (``• Title [PDF]``, as chat
        and social-media posts write lists) are list items, like Markdown's ``- ``,
        which CommonMark leaves as paragraph text."""
        for i, r in enumerate(self.raw):
            m = GLYPH_ITEM_RE.match(r)
            if m is None or self.kind[i] != "text":
                continue
            self.kind[i], self.level[i] = "item", 1
            self.content_col[i] = m.end()
            if self.keep[i] is None:
                self.keep[i] = [True] * len(r)
            last = glyph_item_end(self.raw, i, lambda k: self.kind[k] == "text")
            self.doc.blocks.append(Block("list_item", i, last, 1))

    def _footnotes(self) -> list[tuple[int, int]]:
        """Footnote definitions (``[^3]: label`` and the indented lines under it) as line
        ranges; the label line becomes a list item (CommonMark alone reads the label as a
        link reference definition and the body as code)."""
        out: list[tuple[int, int]] = []
        k, n = 0, len(self.raw)
        while k < n:
            r = self.raw[k]
            close = r.find("]:") if r.startswith("[^") else -1
            if close > 2 and " " not in r[2:close]:
                j = k
                while j + 1 < n and (not self.raw[j + 1].strip() or self.raw[j + 1].startswith(("    ", "\t"))):
                    j += 1
                while j > k and not self.raw[j].strip():
                    j -= 1
                out.append((k, j))
                self.kind[k], self.level[k] = "item", 1
                self.keep[k] = [c >= close + 2 for c in range(len(r))]
                self.plain_cols[k].update(range(close + 2, len(r)))  # the label is plain text
                self.content_col[k] = close + 2 + (len(r[close + 2 :]) - len(r[close + 2 :].lstrip()))
                self.doc.blocks.append(Block("list_item", k, j, 1))
                k = j + 1
                continue
            k += 1
        return out

    def _tokens(self, tokens: list[Any], shift: int, skip: list[tuple[int, int]] = ()) -> None:
        depth = 0
        for t in tokens:
            if t.map and shift:
                t.map = [t.map[0] + shift, t.map[1] + shift]
            if t.map and any(a <= t.map[0] <= b for a, b in skip):
                continue
            if t.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif t.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
            if not t.map:
                continue
            a, b = t.map
            if t.type == "front_matter":
                self._front_matter(t.content, a, b)
            elif t.type == "heading_open" and t.markup in ("-", "=") and b - a > MAX_SETEXT_LINES:
                # A dashed line under a paragraph of many lines is a plain-text digest's
                # separator (an arXiv listing mail's "------…" between items), not a heading
                # of eight lines: the paragraph stays text, the dashes a rule.
                self._mark(b - 1, b, "rule")
            elif t.type == "heading_open":
                self._mark(a, b, "heading", int(t.tag[1:]))
            elif t.type == "list_item_open":
                self._mark(a, a + 1, "item", depth)
            elif t.type == "tr_open":
                self._mark(a, b, "table")
            elif t.type == "thead_open":
                self._mark(a + 1, a + 2, "table-rule")
            elif t.type == "code_block" and indented_html(t.content):
                # HTML indented by its template (an e-mail newsletter's cards) is HTML.
                self._mark(a, b, "html")
                self._html(a, b)
            elif t.type in ("fence", "code_block"):
                self._mark(a, b, "code")
            elif t.type == "hr":
                self._mark(a, b, "rule")
            elif t.type == "html_block":
                self._mark(a, b, "html")
                self._html(a, b)
            elif t.type == "inline":
                self._inline(t, a, b)
            if t.type.endswith("_open") and t.type not in ("tr_open", "thead_open", "tbody_open"):
                self.doc.blocks.append(Block(t.type[:-5], a, max(a, b - 1), depth))

    def _finish(self) -> ParsedDoc:
        for i, r in enumerate(self.raw):
            keep = self.keep[i]
            if keep is None:
                line = Line(r, r, self.kind[i], self.level[i], cells=tuple(self.cells.get(i, ())), ids=tuple(self.ids.get(i, ())))
            else:
                origin = tuple(k for k, on in enumerate(keep) if on)
                text = "".join(r[k] for k in origin)
                pos = {c: j for j, c in enumerate(origin)}
                links = tuple(
                    Link(_first_at(pos, s, e), _first_at(pos, s, e, last=True), u) if e > s else Link(*_cell_range(pos, s, s), u)
                    for s, e, u in self.links[i]
                )
                col = self.content_col[i] or 0
                start = next((j for j, c in enumerate(origin) if c >= col), len(origin))
                emph = any(r[c].strip() for c in self.emph_cols[i]) and not any(r[c].strip() for c in self.plain_cols[i])
                cells = tuple(_cell_range(pos, s, e) for s, e in self.cells.get(i, ()))
                marked = [j for j, c in enumerate(origin) if c in self.emph_cols[i]]
                runs: list[tuple[int, int]] = []
                for j in marked:
                    if runs and runs[-1][1] == j:
                        runs[-1] = (runs[-1][0], j + 1)
                    else:
                        runs.append((j, j + 1))
                line = Line(
                    r, text, self.kind[i], self.level[i], links, None if len(origin) == len(r) else origin, start, emph,
                    cells, tuple(runs),
                    tuple(self.ids.get(i, ())),
                    i in self.emph_wraps,
                    tuple(self.images.get(i, ())),
                )
            self.doc.lines.append(line)
        for first, last, header, cells in self.rows:
            out = []
            for spot in cells:
                if spot is None:
                    out.append(None)
                    continue
                i, s, e = spot
                ln = self.doc.lines[i]
                cols = ln.origin if ln.origin is not None else range(len(ln.text))
                idx = [j for j, c in enumerate(cols) if s <= c < e]
                out.append((i, idx[0], idx[-1] + 1) if idx else None)
            self.doc.rows.append((first, last, header, tuple(out)))
        return self.doc

    def _mark(self, a: int, b: int, kind: str, level: int = 0) -> None:
        for i in range(a, min(b, len(self.raw))):
            if self.kind[i] in ("text", "blank") or kind in ("heading", "table", "table-rule", "code", "front-matter"):
                self.kind[i] = kind
                self.level[i] = level

    def _front_matter(self, content: str, a: int, b: int) -> None:
        self._mark(a, b, "front-matter")
        self.doc.front_matter_lines = (a, b - 1)
        import yaml

        try:
            data = yaml.safe_load(content)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = a + 1 + (mark.line if mark is not None else 0)
            self.doc.problems.append((line, f"front matter is not valid YAML: {getattr(e, 'problem', None) or e}"))
            data = None
        if isinstance(data, dict):
            self.doc.front_matter = data
        elif data is not None:
            self.doc.problems.append((a, "front matter is not a mapping"))

    # -- inline content ------------------------------------------------------------------

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


def _first_at(pos: dict[int, int], s: int, e: int, last: bool = False) -> int:
    cols = [pos[c] for c in range(s, e) if c in pos]
    if not cols:
        return 0
    return cols[-1] + 1 if last else cols[0]


def _cell_range(pos: dict[int, int], s: int, e: int) -> tuple[int, int]:
    """Text range of the raw columns ``[s, e)`` (empty at the cell's place when all of it
    was markup)."""
    cols = [pos[c] for c in range(s, e) if c in pos]
    if cols:
        return cols[0], cols[-1] + 1
    k = next((pos[c] for c in range(s, max(pos, default=0) + 1) if c in pos), len(pos))
    return k, k
