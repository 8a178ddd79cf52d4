"""Interactive HTML maps of a kg graph (the public entry point).

The work is split by concern: :mod:`kg.export.views` (what is drawn: views, period,
thresholds, clusters), :mod:`kg.export.layout` (where), :mod:`kg.export.page` (the
page's data) and :mod:`kg.export.render` (the self-contained page itself).
"""
from __future__ import annotations

from kg.export.layout import layout
from kg.export.page import EDGE_STYLES, NODE_STYLES, OVERVIEW_MIN_NODES, PHYSICS_MAX_NODES, page_data
from kg.export.render import render_html, write_html
from kg.export.views import VIEWS, WEIGHTS, find_node, restrict_period, select, view_graph

__all__ = [
    "VIEWS",
    "WEIGHTS",
    "NODE_STYLES",
    "EDGE_STYLES",
    "PHYSICS_MAX_NODES",
    "OVERVIEW_MIN_NODES",
    "view_graph",
    "find_node",
    "select",
    "restrict_period",
    "layout",
    "page_data",
    "render_html",
    "write_html",
]
