"""A reader for reStructuredText digests (reading lists kept in Sphinx docs).

reStructuredText is read into the same :class:`~kg.parse.document.Line` model as
Markdown: section titles (a line underlined with ``====``/``----``) are headings,
footnotes and bullets (``.. [#]``, ``.. [1]``, ``* ``, ``#. ``) are list items (with
their indented continuation lines), directives (``.. contents::``) are markup, and the
inline markup is removed — ```Title <https://…>`_`` keeps ``Title`` with the target as a
link, ``**Algorithm: DQN.**`` keeps its text as an emphasised run, ````code```` its
text. As for Markdown, ``text`` is a subsequence of the raw line.
"""
from __future__ import annotations

import re

from kg.parse.document import Block, Line, Link, ParsedDoc

__all__ = ["looks_like_rst", "read_rst"]

_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+:.])\1{2,}\s*$")
_FOOTNOTE = re.compile(r"^\.\.\s+\[(?:#|\*|\d+|#?[\w\-]+)\]\s+")
_BULLET = re.compile(r"^(?:[*\-+•]|#\.|\d{1,3}[.)])\s+")
_DIRECTIVE = re.compile(r"^\.\.\s+(?:[\w\-]+::|_[^:]+:|\|[^|]+\|)")
_COMMENT = re.compile(r"^\.\.(?:\s|$)")
_LINK = re.compile(r"`(?P<t>[^`<]+?)\s*<(?P<u>[^<>`\s]+)>`__?")
_ROLE = re.compile(r":[\w\-]+:`(?P<t>[^`]+)`")
_LITERAL = re.compile(r"``(?P<t>[^`]+)``")
_STRONG = re.compile(r"\*\*(?P<t>[^*]+)\*\*")
_EMPH = re.compile(r"(?<![\w*])\*(?P<t>[^*\s][^*]*)\*(?![\w*])")


def looks_like_rst(text: str) -> bool:
    """Section underlines together with directives, footnotes or ```text <url>`_`` links."""
    head = text[:65536]
    if "`" not in head and not head.startswith("..") and "\n.." not in head:
        return False  # no mark at all (directives and footnotes open a line with "..", links hold "`"): most files
    lines = head.split("\n")
    underlines = sum(
        1 for k in range(1, len(lines)) if _UNDERLINE.match(lines[k]) and lines[k - 1].strip()
        and len(lines[k].rstrip()) >= len(lines[k - 1].rstrip())
    )
    marks = sum(1 for x in lines if _DIRECTIVE.match(x) or _FOOTNOTE.match(x)) + len(_LINK.findall(head))
    return underlines >= 1 and marks >= 2


def _inline(raw: str, start: int) -> tuple[list[int], list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Kept raw columns, links ``(first col, end col, url)`` and emphasised column runs."""
    drop: set[int] = set()
    links: list[tuple[int, int, str]] = []
    emph: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []
    for rx, kind in ((_LINK, "link"), (_ROLE, "text"), (_LITERAL, "text"), (_STRONG, "emph"), (_EMPH, "emph")):
        for m in rx.finditer(raw, start):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            ts, te = m.span("t")
            drop.update(range(m.start(), ts))
            drop.update(range(te, m.end()))
            if kind == "link":
                links.append((ts, te, m.group("u")))
            elif kind == "emph":
                emph.append((ts, te))
    keep = [c for c in range(len(raw)) if c not in drop]
    return keep, links, emph


def read_rst(path: str, text: str) -> ParsedDoc:
    raw = text.split("\n")
    n = len(raw)
    kinds = ["blank" if not r.strip() else "text" for r in raw]
    starts = [0] * n
    blocks: list[Block] = []
    for k in range(n):
        r = raw[k]
        if _UNDERLINE.match(r) and k and raw[k - 1].strip() and not _UNDERLINE.match(raw[k - 1]):
            kinds[k] = "rule"
            kinds[k - 1] = "heading"
            if k >= 2 and _UNDERLINE.match(raw[k - 2]):
                kinds[k - 2] = "rule"  # an overline
        elif _UNDERLINE.match(r):
            kinds[k] = "rule"
    k = 0
    while k < n:
        r = raw[k]
        m = _FOOTNOTE.match(r) or (_BULLET.match(r) if kinds[k] == "text" else None)
        if m and kinds[k] == "text":
            kinds[k] = "item"
            starts[k] = m.end()
            j = k
            while j + 1 < n and (raw[j + 1].startswith((" ", "\t")) and raw[j + 1].strip()):
                j += 1
            blocks.append(Block("list_item", k, j, 1))
            k = j + 1
            continue
        if kinds[k] == "text" and (_DIRECTIVE.match(r) or _COMMENT.match(r)):
            kinds[k] = "code"  # a directive and its options are markup
            j = k
            while j + 1 < n and (raw[j + 1].startswith((" ", "\t")) or not raw[j + 1].strip()) and raw[j + 1].strip():
                j += 1
                kinds[j] = "code"
            k = j + 1
            continue
        k += 1
    lines: list[Line] = []
    for k, r in enumerate(raw):
        if kinds[k] in ("code", "rule", "blank"):
            text_k = "" if kinds[k] == "code" else r
            lines.append(Line(r, text_k, kinds[k], 0, origin=() if kinds[k] == "code" else None))
            continue
        keep, links, emph = _inline(r, starts[k])
        if len(keep) == len(r):
            lines.append(Line(r, r, kinds[k], 1 if kinds[k] == "item" else 0, start=starts[k]))
            continue
        pos = {c: j for j, c in enumerate(keep)}
        text_k = "".join(r[c] for c in keep)

        def rng(a: int, b: int) -> tuple[int, int]:
            cols = [pos[c] for c in range(a, b) if c in pos]
            return (cols[0], cols[-1] + 1) if cols else (0, 0)

        lines.append(
            Line(
                r, text_k, kinds[k], 1 if kinds[k] == "item" else 0,
                tuple(Link(*rng(a, b), u) for a, b, u in links), tuple(keep),
                next((pos[c] for c in range(starts[k], len(r)) if c in pos), len(text_k)), False, (),
                tuple(rng(a, b) for a, b in emph),
            )
        )
    return ParsedDoc(path, lines, True, blocks)
