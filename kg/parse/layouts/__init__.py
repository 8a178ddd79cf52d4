"""The registered layouts, one module each, tried in this order (the first of equally
good results wins). Adding a layout is one module with ``name`` and ``parse(doc)``
(optionally ``in_gaps(doc)``), one line here, and its fixtures. No layout imports
another; what they share lives in :mod:`kg.parse.base` and the helper modules."""
from __future__ import annotations

from kg.parse.layouts import (
    abstract, bibfile, cards, citations, feed, fields, frontmatter, generic, headlines, items, jsondata, namedpost, outline, paperscool,
    post, records, sections, structured, table,
)

#: Layouts the driver scores on every file. An RSS/Atom feed is not one of them: the
#: reader tells it by its root element and the driver hands it to ``feed`` alone.
LAYOUTS = [
    structured, post, cards, outline, fields, paperscool, table, items, citations, sections, abstract, frontmatter, records, bibfile,
    jsondata, namedpost, headlines,
]

__all__ = ["LAYOUTS", "feed", "generic"]
