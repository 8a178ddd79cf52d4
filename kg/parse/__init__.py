"""Stage 2 — parse: split a :class:`~kg.records.Document` into paper entries.

:mod:`kg.parse.document` reads the file into lines with markup removed — Markdown via
markdown-it-py (:mod:`kg.parse.markdown`; front matter via YAML, HTML fragments via
:mod:`kg.parse.htmltext`), reStructuredText (:mod:`kg.parse.rst`), RSS/Atom feeds
(:mod:`kg.parse.xmltext`, read by the ``feed`` layout alone), or plain lines — each
character mapped back to the file. :mod:`kg.parse.driver` runs the layouts of
:mod:`kg.parse.layouts` (one module each) and keeps the one that explains the most lines.
Shared pieces are public modules: :mod:`~kg.parse.base` (Layout protocol, entry
builder), :mod:`~kg.parse.boilerplate`, :mod:`~kg.parse.names`, :mod:`~kg.parse.titles`,
:mod:`~kg.parse.fields`, :mod:`~kg.parse.categories`, :mod:`~kg.parse.dates`,
:mod:`~kg.parse.item_people` (the people a list item names around its title),
:mod:`~kg.parse.links` (links and ids that say an item is a paper); their
vocabularies are data in ``kg/data/parse/``.
"""
from __future__ import annotations

from kg.parse.base import NOT_IN_ENTRY, Layout, LayoutResult
from kg.parse.boilerplate import BOILERPLATE, PREAMBLE, is_boilerplate
from kg.parse.driver import parse, parse_document
from kg.parse.layouts import LAYOUTS
from kg.parse.layouts.structured import HEADER_RE
from kg.parse.names import AUTHOR_LIST_RE, author_names, looks_like_authors
from kg.parse.titles import split_title

__all__ = [
    "parse",
    "parse_document",
    "LAYOUTS",
    "Layout",
    "LayoutResult",
    "BOILERPLATE",
    "PREAMBLE",
    "NOT_IN_ENTRY",
    "is_boilerplate",
    "split_title",
    "looks_like_authors",
    "author_names",
    "AUTHOR_LIST_RE",
    "HEADER_RE",
]
