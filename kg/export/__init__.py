"""Exports of a kg graph: interactive HTML (pyvis) and GraphML/GEXF/JSON/CSV files."""
from __future__ import annotations

import os

import networkx as nx

from kg.errors import KgError

__all__ = ["FORMATS", "export"]

FORMATS = ("html", "graphml", "gexf", "json", "csv")


def export(G: nx.MultiDiGraph, fmt: str, path: str | os.PathLike[str], **options) -> list[str]:
    """Write ``G`` as ``fmt`` to ``path``; returns the paths written."""
    if fmt == "html":
        from kg.export.html import write_html

        return write_html(G, path, **options)
    from kg.export import formats

    writer = getattr(formats, f"write_{fmt}", None)
    if writer is None:
        raise KgError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return writer(G, path)
