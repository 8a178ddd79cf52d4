"""An organisation and a year written where a list names who made a paper: a gloss
closing the title (``[Title (Alibaba 2018)](…)``), or the words after the item's links
(``[Title](…) ([Paper](…)) `Amazon` `2003` ``) — an organisation-only byline. A person in
that slot (``FRicci 2011``) is no organisation.
"""
from __future__ import annotations

import re

from kg.parse.document import Line

__all__ = ["maker_year", "trailing_maker"]

# "Alibaba 2018", "HKUST, 2015": who made the paper and when, as a gloss after a title.
_MAKER_YEAR = re.compile(r"(?P<o>[^\W\d][^,，()（）\d]{1,60}?)\s*[,，]?\s+(?:19|20)\d{2}")


def maker_year(gloss: str) -> tuple[int, int] | None:
    """``(start, end)`` of the organisation in a title's gloss of an organisation and a
    year (``Alibaba 2018``, ``HKUST, 2015``), or ``None`` — for a person in that slot
    too (``FRicci 2011``), which is no organisation."""
    from kg.parse.names import bracket_kind

    m = _MAKER_YEAR.fullmatch(gloss.strip())
    if m is None or bracket_kind(m.group("o")) != "affiliations":
        return None
    a = len(gloss) - len(gloss.lstrip())
    return a + m.start("o"), a + m.end("o")



def trailing_maker(d, ln: Line, off: int, after: int) -> None:
    """Set ``d``'s affiliations from the ``Org Year`` that closes an item's line after its
    title (``after``) and its links: ``… ([Paper](…)) `Amazon` `2003` ``."""
    if "affiliations" in d.spans or "authors" in d.spans:
        return
    t = ln.text
    a = max([after, *(lk.end for lk in ln.links if lk.end >= after)])
    while a < len(t) and t[a] in ")）]】 \t":
        a += 1
    if a >= len(t) or (o := maker_year(t[a:])) is None:
        return
    d.set("affiliations", off + a + o[0], off + a + o[1])
