"""Exports of a kg graph: interactive HTML maps, PNG pictures of them, and GraphML,
GEXF, node-link JSON, VOSviewer JSON and CSV files."""
from __future__ import annotations

import os

import networkx as nx

from kg.errors import KgError

__all__ = ["FORMATS", "PAGE_FORMATS", "export"]

FORMATS = ("html", "png", "graphml", "gexf", "json", "vosviewer", "csv")
#: Formats drawn from a view of the graph (the others write the whole graph).
PAGE_FORMATS = ("html", "png", "vosviewer")


def export(G: nx.MultiDiGraph, fmt: str, path: str | os.PathLike[str], since: str | None = None,
           until: str | None = None, **options) -> list[str]:
    """Write ``G`` as ``fmt`` to ``path``; returns the paths written.

    ``since``/``until`` (``YYYY-MM[-DD]``) keep only the papers of that period (every
    format); ``options`` are those of :func:`kg.export.html.write_html` for the map
    formats (``html``, ``png``, ``vosviewer``).
    """
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "html":
        from kg.export.render import write_html

        return write_html(G, path, since=since, until=until, **options)
    if fmt == "png":
        from kg.export.png import write_png

        return write_png(G, path, since=since, until=until, **options)
    if fmt == "vosviewer":
        from kg.export.vosviewer import write_vosviewer

        return write_vosviewer(G, path, since=since, until=until, **options)
    from kg.export import formats
    from kg.export.views import restrict_period

    return getattr(formats, f"write_{fmt}")(restrict_period(G, since, until), path)
