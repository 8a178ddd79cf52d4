"""The Markdown reader behind :func:`kg.parse.document.read_document`.

markdown-it-py gives blocks with line ranges and inline tokens without columns; this
module places each inline token's text back on its raw line (every kept character is a
raw character, found in order), so a line's ``text`` is a subsequence of the raw line
with the markup left out and its ``origin`` exact. Links whose target has a space
(``[Jane Doe](https://arxiv.org/search/?query=Jane Doe)``), which CommonMark leaves as
text, are read as the links they were meant to be (:mod:`kg.parse.inline`).

This module holds the reader's state, the walk over block tokens (kinds and levels of
lines, footnotes, bullet-glyph items, front matter) and the building of the
:class:`~kg.parse.document.Line` records at the end. Placing inline text is
:mod:`kg.parse.markdown_inline`; reading HTML blocks is :mod:`kg.parse.markdown_html`.
"""
from __future__ import annotations

import re
from typing import Any

from kg.parse.document import GLYPH_ITEM_RE, Block, Line, Link, ParsedDoc, glyph_item_end, indented_html, md, opens_front_matter
from kg.parse.markdown_html import HtmlBlocks
from kg.parse.markdown_inline import InlinePlacement

__all__ = ["MarkdownReader"]

#: A footnote reference (``[^1]``, ``[^note]``), as Markdown's footnote extension writes it.
_NOTE_REF = re.compile(r"\[\^([^\]\s\[]{1,20})\]")


#: A setext heading (a paragraph underlined by ``---`` or ``===``) of more lines than this,
#: underline included, is read as a paragraph and a rule.
MAX_SETEXT_LINES = 3


class MarkdownReader(InlinePlacement, HtmlBlocks):
    """Walks markdown-it's token stream and rewrites the lines each inline token covers
    (inline tokens by :class:`~kg.parse.markdown_inline.InlinePlacement`, HTML blocks by
    :class:`~kg.parse.markdown_html.HtmlBlocks`)."""

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
        text = self.text
        if notes:
            # The notes are read on their own below; left in, CommonMark would read a
            # one-word note ("[^1]: NVIDIA") as a link reference definition and every
            # "[^1]" in the text as a link to "NVIDIA".
            rows = text.split("\n")
            for a, b in notes:
                rows[a : b + 1] = [""] * (b + 1 - a)
            text = "\n".join(rows)
        self._tokens(md(opens_front_matter(self.text)).parse(text), 0, skip=notes)
        for a, b in notes:
            # A footnote's body is Markdown indented under its label: read it on its own.
            body = [self.raw[k][4:] if self.raw[k].startswith("    ") else self.raw[k].lstrip() for k in range(a + 1, b + 1)]
            self._tokens(md().parse("\n".join(body)), a + 1)
        self._note_refs(notes)
        self._headless_rows()
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
                label = r[2:close]
                self.doc.notes[k] = label
                # A numbered note keeps its number before its text ("[^2]: Google DeepMind"
                # reads "2 Google DeepMind"), as an affiliation line numbers its organisations.
                self.keep[k] = [c >= close + 2 or (label.isdigit() and 2 <= c < close) for c in range(len(r))]
                self.plain_cols[k].update(range(close + 2, len(r)))  # the label is plain text
                self.content_col[k] = close + 2 + (len(r[close + 2 :]) - len(r[close + 2 :].lstrip()))
                self.doc.blocks.append(Block("list_item", k, j, 1))
                k = j + 1
                continue
            k += 1
        return out

    def _headless_rows(self) -> None:
        """Table rows without their header and delimiter rows (a page cut mid-table, a
        table pasted from another page): CommonMark reads them as one paragraph. Two or
        more paragraph lines in a row that each open and close with a pipe and hold the
        same number of cells are read as the table they are, under a header of empty
        cells (the table layout finds the title column from the rows)."""
        runs: list[tuple[int, int, int]] = []
        for i, r in enumerate(self.raw):
            t = r.strip()
            if self.kind[i] != "text" or len(t) < 3 or t[0] != "|" or t[-1] != "|":
                continue
            width = _cell_count(t)
            if width >= 2 and runs and runs[-1][1] == i - 1 and runs[-1][2] == width:
                runs[-1] = (runs[-1][0], i, width)
            elif width >= 2:
                runs.append((i, i, width))
        for a, b, width in runs:
            if b == a:
                continue
            for i in range(a, b + 1):
                # Forget what the paragraph reading placed on these lines.
                self.keep[i], self.links[i], self.content_col[i] = None, [], None
                self.plain_cols[i], self.emph_cols[i] = set(), set()
                self.ids.pop(i, None)
                self.images.pop(i, None)
            head = "|" + " |" * width + "\n|" + "---|" * width
            rows = "\n".join(self.raw[a : b + 1])
            # The two made-up lines sit just above the rows: shift the map back by two and
            # skip whatever starts on them (the table, its header and delimiter).
            self._tokens(md().parse(head + "\n" + rows), a - 2, skip=[(a - 2, a - 1)])

    def _note_refs(self, notes: list[tuple[int, int]]) -> None:
        """References to the file's footnotes (``Shunyu Yao[^1], Dian Yu[^1][^2]``), which
        CommonMark leaves as text: the brackets are markup. A number is kept as the
        name's affiliation mark, a caret before every number after the first
        (``Dian Yu1^2``: two marks, not twelve); another label is dropped whole."""
        labels = set(self.doc.notes.values())
        if not labels:
            return
        inside = {k for a, b in notes for k in range(a, b + 1)}
        for i, r in enumerate(self.raw):
            if i in inside or "[^" not in r or self.kind[i] == "code":
                continue
            keep = self.keep[i] if self.keep[i] is not None else [True] * len(r)
            last = -2
            for m in _NOTE_REF.finditer(r):
                a, e = m.span()
                if m.group(1) not in labels or not all(keep[a:e]):
                    continue
                numbered = m.group(1).isdigit()
                for c in range(a, e):
                    keep[c] = numbered and (a + 2 <= c < e - 1 or c == a + 1 and last == a)
                last = e
                self.doc.note_refs[i] = (*self.doc.note_refs.get(i, ()), m.group(1))
            self.keep[i] = keep

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


def _cell_count(row: str) -> int:
    """Cells of a pipe-table row ``| a | b |`` (escaped pipes ``\\|`` and pipes inside code
    spans are no separators)."""
    n, code, k = 0, False, 1
    while k < len(row):
        c = row[k]
        if c == "\\":
            k += 2
            continue
        if c == "`":
            code = not code
        elif c == "|" and not code:
            n += 1
        k += 1
    return n


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
