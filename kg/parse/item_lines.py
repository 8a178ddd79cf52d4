"""Lines of a list item that say it is a paper, and the items after it that belong to
it: a line under the title that links the paper, a label link to the paper, a note
that translates its title, an arXiv id anywhere in it, and — for a paper item written
as a field — the sibling items that are the paper's other fields. Read by the ``items``
layout."""
from __future__ import annotations

import re

from kg.parse.base import paper_link, scholarly_link, url_only
from kg.parse.document import ParsedDoc
from kg.parse.fields import FIELD_RE, field
from kg.parse.link_lines import only_links
from kg.parse.links import PAPER_LABELS
from kg.text import PAPER_URL_RE, arxiv_id, find_urls

__all__ = ["sibling_fields", "paper_link_below", "labelled_paper_link", "translated_item", "is_paper_item"]


def sibling_fields(doc: ParsedDoc, items: dict[int, int], last: int) -> int:
    """The last line of a paper item written as a field (``- **Paper**: [Title](…)``)
    with the items after it that are the paper's other fields (``- **Authors**: …``,
    ``- **Presenter**: …``) or its links (``- [Community Discussion](…)``, ``- Slides: [pdf](…)``), up to
    the next item that names a title or links a paper."""
    k = last + 1
    while True:
        while k < len(doc.lines) and not doc.lines[k].text.strip():
            k += 1
        if k not in items:
            return last
        ln = doc.lines[k]
        f = field(ln.text)
        fielded = f is not None and f[0] != "title"
        # Links alone, or under a key kg does not know ("- **Presentation**: [Forum Summary](…)").
        km = FIELD_RE.match(ln.text) if f is None else None
        linked = f is None and bool(ln.links) and (
            only_links(ln, ln.start, len(ln.text)) or km is not None and only_links(ln, km.start("val"), km.end("val"))
        )
        if not (fielded or linked) or any(paper_link(lk.url) for lk in ln.links):
            return last
        last = items[k]
        k = last + 1


def paper_link_below(doc: ParsedDoc, first: int, last: int) -> bool:
    """A line of the item under its title that is nothing but a link to the paper
    (``  * https://arxiv.org/abs/…``, ``  * [paper](…)``, ``  * 链接: …``)."""
    for k in range(first + 1, last + 1):
        ln = doc.lines[k]
        urls = [lk.url for lk in ln.links] + [u for u, _, _ in find_urls(ln.text)]
        # A publisher's page of the paper counts too (kg/data/parse/scholarly_hosts.txt).
        if any(arxiv_id(u) or PAPER_URL_RE.search(u) or scholarly_link(u) for u in urls) and url_only(ln.text[ln.start :], len(ln.links)):
            return True
    return False


def labelled_paper_link(doc: ParsedDoc, first: int, last: int) -> bool:
    """A line of the item links the paper by a label (``([pdf](…))`` after the title,
    ``[paper](https://….pdf) | [slides](…)`` under it): the item is a paper listed by its
    title."""
    for k in range(first, last + 1):
        ln = doc.lines[k]
        for lk in ln.links:
            label = re.sub(r"\W+", "", ln.text[lk.start : lk.end]).casefold()
            if label in PAPER_LABELS and lk.url.startswith(("http://", "https://")):
                return True
    return False


def translated_item(doc: ParsedDoc, first: int, last: int) -> bool:
    """An item whose notes give its title's translation (``- 翻译: 中文标题``): a paper
    listed by title, linked to a page of its own."""
    return any((f := field(doc.lines[k].text)) is not None and f[0] == "title_zh" for k in range(first + 1, last + 1))


def is_paper_item(doc: ParsedDoc, first: int, last: int) -> bool:
    """An item that names an arXiv paper anywhere in its lines (a link or ``arXiv:…``)."""
    return any(
        arxiv_id(doc.lines[k].text) or any(arxiv_id(lk.url) for lk in doc.lines[k].links) for k in range(first, last + 1)
    )
