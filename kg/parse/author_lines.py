"""Author lines that stand alone under a title: nothing on the line but the names, and the
label links a list closes them with (``*Guo, Jia and Lu, Shuai* [:octocat:code](…)``).

Any layout that reads the line under an item's title may ask :func:`bare_authors`; whether
the text is an author list at all is :mod:`kg.parse.names`' to say.
"""
from __future__ import annotations

from kg.parse.base import link_labels_only, strip_span
from kg.parse.document import Line
from kg.parse.fields import field
from kg.parse.item_titles import label_links_start
from kg.parse.names import author_names, looks_like_authors

__all__ = ["bare_authors", "several_names"]


def bare_authors(line: Line) -> tuple[int, int] | None:
    """``(start, end)`` in ``line.text`` of an author list that is the whole line, but for
    the label links closing it (a library's links to the paper's code are no names), or
    ``None``."""
    if line.kind == "heading" or link_labels_only(line) or field(line.text) is not None:
        return None  # a heading, a line of links, or a labelled field ("Authors: …", the field readers')
    a, e = strip_span(line.text, 0, line.start)
    if line.links:
        e = strip_span(line.text, 0, a, label_links_start(line, a, e))[1]
    return (a, e) if e > a and looks_like_authors(line.text[a:e]) else None


def several_names(s: str) -> bool:
    """Whether ``s`` is an author list of two names or more: a line set in italics or bold
    under a title may be its authors, never a title of its own ("Segment Anything" reads
    as one name, and is a title).

    >>> several_names("Lovelace, Ada and Hopper, Grace"), several_names("Segment Anything")
    (True, False)
    """
    got = author_names(s) if "," in s or " and " in s else None
    return got is not None and len(got[0]) >= 2
