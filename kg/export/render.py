"""The HTML page of a map: one self-contained, offline, escaped file.

pyvis is the engine: its :class:`pyvis.network.Network` holds the vis-network node and
edge lists and options, and the vis-network JavaScript and CSS that ship inside the
pyvis package are inlined into the page. What kg adds on top of pyvis's defaults:

* **Speed.** pyvis's ``add_edge`` scans every existing edge (quadratic) and its pages run
  physics in the browser, which stalls above ~2,000 nodes. kg fills pyvis's lists in
  bulk, lays the map out in Python (:mod:`kg.export.layout`), draws big maps' links
  itself, and opens maps of more than :data:`~kg.export.page.OVERVIEW_MIN_NODES` nodes
  on the cluster map.
* **Offline and safe.** kg renders its own template with autoescaping, embeds the data
  as JSON with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, builds every text with
  ``textContent`` (never ``innerHTML``), makes only http(s) links clickable (with
  ``rel="noopener noreferrer"``), isolates right-to-left names, and adds a
  Content-Security-Policy that allows only the page's own scripts (by hash) and no
  network access at all.
* **Reading.** Colour by cluster (named in a legend that focuses a cluster on click),
  type or time (VOSviewer's overlay), a period slider, link width and opacity by weight,
  node size by papers, labels by weighted degree (moved aside rather than dropped when
  they collide), search, neighbourhood highlighting, and a button that saves the view as
  PNG or SVG.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import logging
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export._common import ExportError, json_for_html, write_atomic
from kg.graph import no_gc_pauses
from kg.export.layout import EDGE_LENGTH
from kg.export.page import page_data
from kg.export.views import find_node, name_of, restrict_period, select, view_graph

__all__ = ["render_html", "write_html", "TITLES", "COLOR_BY"]

log = logging.getLogger(__name__)

_TEMPLATES = Path(__file__).with_name("templates")
#: What the page colours nodes by when it opens (default: clusters in the weighted views
#: and big maps, types in the full view); the page can switch.
COLOR_BY = ("cluster", "type", "time")
TITLES = {"full": "Knowledge graph", "coauthors": "Co-author network", "institutions": "Institution collaboration",
          "models-datasets": "Models and datasets used together"}


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside the pyvis package (newest version)."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib"

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.name))

    found = sorted(lib.glob("vis-*/vis-network.min.js"), key=version)
    if not found:
        raise ExportError(f"vis-network not found inside pyvis ({lib}); reinstall pyvis>=0.3.2")
    js = found[-1].read_text(encoding="utf-8")
    css_path = found[-1].with_name("vis-network.css")
    css = css_path.read_text(encoding="utf-8") if css_path.exists() else ""
    for blob, what in ((js, "script"), (css, "style")):
        if re.search(rf"</{what}", blob, re.I) or "<!--" in blob:
            raise ExportError(f"vis-network's {what} cannot be inlined safely (contains </{what} or <!--)")
    return js, css


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


@functools.lru_cache(maxsize=1)
def _network_class():
    """kg's subclass of pyvis's Network (made on first use: pyvis imports IPython, which
    only pays off when a page is actually written)."""
    import jinja2
    from pyvis.network import Network

    class KgNetwork(Network):
        """A pyvis Network rendered with kg's template: inline assets, escaping, CSP."""

        def __init__(self, heading: str) -> None:
            super().__init__(height="100%", width="100%", directed=True, heading=heading,
                             cdn_resources="in_line", bgcolor="#ffffff")
            # pyvis's own environment does not autoescape; kg's does, everywhere
            self.templateEnv = jinja2.Environment(
                loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
                autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
            self.path = "page.html"
            self.meta: dict[str, Any] = {}

        def load(self, data: dict[str, Any]) -> None:
            """Fill pyvis's node and edge lists in one go (``add_node``/``add_edge``
            check every existing item per call, which is quadratic)."""
            self.nodes = data["nodes"]
            self.edges = data["edges"]
            # node ids are list positions (the page adds them after parsing: 100,000
            # "id" keys would be a megabyte of JSON)
            self.node_ids = list(range(len(self.nodes)))
            self.node_map = dict(enumerate(self.nodes))
            self.meta = {k: v for k, v in data.items() if k not in ("nodes", "edges")}

        def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
            js, css = _vis_assets()
            app_js = (_TEMPLATES / "page.js").read_text(encoding="utf-8")
            app_css = (_TEMPLATES / "page.css").read_text(encoding="utf-8")
            payload = json_for_html({**self.meta, "options": self.options, "nodes": self.nodes, "edges": self.edges})
            csp = ("default-src 'none'; "
                   f"script-src {_csp_hash(js)} {_csp_hash(app_js)}; "
                   "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
                   "media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; "
                   "base-uri 'none'; form-action 'none'")
            self.html = self.templateEnv.get_template(self.path).render(
                heading=self.heading, csp=csp, vis_js=_Raw(js), vis_css=_Raw(css), app_js=_Raw(app_js),
                app_css=_Raw(app_css), data=_Raw(payload), n_nodes=len(self.nodes), n_edges=len(self.edges))
            return self.html

    return KgNetwork


class _Raw(str):
    """Text already made safe for where the template puts it (inline JS/CSS, escaped JSON)."""

    def __html__(self) -> str:
        return str(self)


def _options(data: dict[str, Any]) -> dict[str, Any]:
    big = data["big"]
    groups = {}
    for t in data["types"]:
        c = t["color"]
        groups[t["label"]] = {
            "shape": t["shape"],
            "color": {"background": c, "border": "#ffffff" if not big else c,
                      "highlight": {"background": c, "border": "#222222"},
                      "hover": {"background": c, "border": "#222222"}},
        }
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {"borderWidth": 1 if not big else 0, "borderWidthSelected": 3, "font": {"size": 0},
                  "shapeProperties": {"interpolation": False}},
        "edges": {"smooth": False, "width": 1, "selectionWidth": 2, "hoverWidth": 1,
                  "color": {"inherit": False, "opacity": 0.55 if not big else 0.35},
                  "arrows": {"to": {"enabled": not big, "scaleFactor": 0.45}}},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.008,
                                         "springLength": EDGE_LENGTH, "springConstant": 0.06,
                                         "damping": 0.6, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": 250, "fit": True},
                    "minVelocity": 1.5} if data["physics"] else {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": True, "tooltipDelay": 80, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False,
                        "zoomSpeed": 0.8},
    }


def render_html(G: nx.MultiDiGraph, view: str = "full", focus: str | None = None, depth: int = 1,
                min_degree: int = 0, title: str | None = None, *, min_papers: int = 0, min_weight: float = 0.0,
                weights: str = "count", resolution: float = 1.0, since: str | None = None,
                until: str | None = None, color_by: str | None = None) -> str:
    """The page for ``G`` as a string (see :func:`write_html` for the options)."""
    with no_gc_pauses():
        return _render_html(G, view, focus, depth, min_degree, title, min_papers=min_papers, min_weight=min_weight,
                            weights=weights, resolution=resolution, since=since, until=until, color_by=color_by)


def _render_html(G: nx.MultiDiGraph, view: str, focus: str | None, depth: int, min_degree: int, title: str | None,
                 *, min_papers: int, min_weight: float, weights: str, resolution: float, since: str | None,
                 until: str | None, color_by: str | None) -> str:
    if color_by not in (None, *COLOR_BY):
        raise ExportError(f"unknown colouring {color_by!r} (choose from {', '.join(COLOR_BY)})")
    where = f"the {view} view"
    P = restrict_period(G, since, until)
    W = view_graph(P, view, weights)
    centre = find_node(W, focus, where) if focus is not None else None
    V = select(W, centre, depth, min_degree, min_papers, min_weight, G=P, where=where)
    if title is None:
        title = TITLES[view]
        if centre is not None:
            title += f" around {name_of(V, centre)}"
    data = page_data(P, V, view, title, centre, resolution=resolution, weights=weights)
    if color_by == "time" and not data["period"]:
        raise ExportError("--color-by time needs dated papers, and this map has none")
    if color_by is not None:
        data["colorBy"] = color_by
    net = _network_class()(data["title"])
    net.options = _options(data)
    net.load(data)
    log.info("html: %s view, %d nodes, %d edges, %d clusters, physics %s", view, len(data["nodes"]),
             len(data["edges"]), len(data["clusters"]), "on" if data["physics"] else "off")
    return net.generate_html()


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike[str], view: str = "full", focus: str | None = None,
               depth: int = 1, min_degree: int = 0, title: str | None = None, **options: Any) -> list[str]:
    """Write an interactive, self-contained HTML map of ``G`` to ``path``.

    Parameters
    ----------
    G : the kg graph.
    path : the ``.html`` file to write (its folder is created).
    view : one of :data:`kg.export.views.VIEWS`.
    focus, depth : draw only the nodes within ``depth`` hops of the node ``focus`` names.
    min_degree : keep only nodes with at least this many links, repeatedly (a k-core).
    title : the page heading (default: after the view).
    options : ``min_papers``, ``min_weight``, ``weights`` (``count`` or
        ``association``), ``resolution`` (of the clusters), ``since`` and ``until``
        (``YYYY-MM[-DD]``), ``color_by`` (one of :data:`COLOR_BY`); see
        :func:`kg.export.views.select`.

    Returns
    -------
    The list of paths written (just ``path``).
    """
    html = render_html(G, view, focus, depth, min_degree, title, **options)
    return [write_atomic(path, html.encode("utf-8"))]
