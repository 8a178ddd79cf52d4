"""Lines that present links: an item's line of links, a labelled link (``- Paper:
https://…``), a byline with the link as one of its parts, a link whose text is a
headline. Layouts that tell a paper by how its item presents its link read them here."""
from __future__ import annotations

from kg.parse.base import LINK_DECORATION, LINK_LABEL_RE, url_only
from kg.parse.byline import byline
from kg.parse.document import Line
from kg.parse.fields import FIELD_RE
from kg.parse.links import PAPER_LABELS

__all__ = ["link_line", "paper_labelled", "only_links", "links_headline"]


def link_line(line: Line) -> bool:
    """A line that presents links: the item's heading, a line of links only
    (``[Read Paper](…)``), a labelled one (``- Paper: https://…``, ``- **Primary**:
    [1810.04805](…)``), or a byline with the link as one of its parts. A link inside a
    sentence ("please cite our paper [arXiv](…)") does not make a section about a paper."""
    if line.kind == "heading" or only_links(line, line.start, len(line.text)):
        return True
    km = FIELD_RE.match(line.text)
    return bool(km) and only_links(line, km.start("val"), km.end("val")) or byline(line) is not None


def paper_labelled(line: Line) -> bool:
    """A ``Paper: <link>`` line: a key that says its value is the paper itself
    (:data:`PAPER_LABELS`) over links only."""
    km = FIELD_RE.match(line.text)
    key = km and (km.group("k2") or km.group("k3") or "").strip(" *_").casefold()
    return bool(key) and key in PAPER_LABELS and only_links(line, km.start("val"), km.end("val"))


def only_links(line: Line, a: int, e: int) -> bool:
    """Whether ``line.text[a:e]`` is links and nothing else: bare addresses and labels
    (``url_only``), or link texts covering it but for brackets and separators."""
    seg = line.text[a:e].strip()
    if not seg:
        return False
    if url_only(seg, sum(1 for lk in line.links if a <= lk.start and lk.end <= e)):
        return True
    inside = [lk for lk in line.links if a <= lk.start and lk.end <= e]
    linked = sum(lk.end - lk.start for lk in inside)
    return bool(inside) and linked >= len(seg) - LINK_DECORATION * len(inside)


def links_headline(line: Line) -> bool:
    """A line with a link whose text is a headline of three words or more, not a label."""
    for lk in line.links:
        t = line.text[lk.start : lk.end].strip()
        if len(t.split()) >= 3 and not LINK_LABEL_RE.match(t):
            return True
    return False
