"""Author lines that stand alone under a title: nothing on the line but the names, and the
label links a list closes them with (``*Guo, Jia and Lu, Shuai* [:octocat:code](…)``).

Any layout that reads the line under an item's title may ask :func:`bare_authors`; whether
the text is an author list at all is :mod:`kg.parse.names`' to say.
"""
from __future__ import annotations

from kg.parse.base import link_labels_only, strip_span
from kg.parse.document import Line
from kg.parse.item_titles import label_links_start
from kg.parse.names import looks_like_authors

__all__ = ["bare_authors"]


def bare_authors(line: Line) -> tuple[int, int] | None:
    """``(start, end)`` in ``line.text`` of an author list that is the whole line, but for
    the label links closing it (a library's links to the paper's code are no names), or
    ``None``."""
    if link_labels_only(line):
        return None
    a, e = strip_span(line.text, 0, line.start)
    if line.links:
        e = strip_span(line.text, 0, a, label_links_start(line, a, e))[1]
    return (a, e) if e > a and looks_like_authors(line.text[a:e]) else None
