"""Author lists: names exactly as written, in order, and whether the list is truncated."""
from __future__ import annotations

import re

from kg.records import Author

__all__ = ["split_authors"]

_TRUNC = re.compile(r"\s*(?:,\s*)?(?:\.\.\.|…|⋯|et\s+al\.?|等人?)\s*$", re.I)
_SEP = re.compile(r"\s*(?:,|，|、|;|；|&|\band\b|\s和\s)\s*")


def split_authors(text: str, offset: int = 0) -> tuple[list[Author], bool]:
    """Split an author line into :class:`Author` values with character spans.

    >>> [a.name for a in split_authors("S Salter, M Wulfmeier, R T. Q. Chen...")[0]]
    ['S Salter', 'M Wulfmeier', 'R T. Q. Chen']
    >>> split_authors("A Smith and B Jones et al.")[1]
    True
    """
    m = _TRUNC.search(text)
    truncated = bool(m)
    body = text[: m.start()] if m else text
    body = re.sub(r"^\s*(?:authors?|作者)\s*[:：]\s*", lambda mm: " " * len(mm.group(0)), body, flags=re.I)
    authors: list[Author] = []
    pos = 0
    for part in _SEP.split(body) + [None]:
        if part is None:
            break
        start = body.find(part, pos) if part else pos
        pos = start + len(part)
        name = part.strip().strip("*").strip()
        # Footnote marks and affiliation indices glued to names: "A Smith1,2", "B Lee*".
        name = re.sub(r"[\d*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$", "", name).strip()
        if not name or not any(c.isalpha() for c in name):
            continue
        s = offset + start + part.find(name[:1]) if name else offset + start
        authors.append(Author(name=name, position=len(authors) + 1, start=s, end=s + len(name)))
    return authors, truncated
