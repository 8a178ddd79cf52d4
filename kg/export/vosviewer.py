"""A map as a VOSviewer JSON file (``--format vosviewer``): the same view, thresholds,
clusters and layout as the HTML map, so the map opens in VOSviewer (and VOSviewer
Online) as kg drew it.

The format is VOSviewer's documented JSON file type
(https://app.vosviewer.com/docs/file-types/json-file-type/): a ``network`` object with
``items`` (``id``, ``label``, ``url``, ``x``, ``y``, ``cluster`` 1-1000, ``weights``:
non-negative numbers, ``scores``: numbers), ``links`` (``source_id``, ``target_id``,
non-negative ``strength``) and ``clusters`` (``cluster``, ``label``).

Weights per item: ``Links`` (number of links), ``Total link strength`` (summed link
weights) and ``Documents`` (papers). Score: ``Avg. pub. year`` (the mean month of the
item's papers as a fractional year) where dates are known, for VOSviewer's overlay.
"""
from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

import networkx as nx
import orjson

from kg.export._common import display_name, write_atomic
from kg.export.page import page_data
from kg.export.render import TITLES
from kg.export.views import restrict_period, select, view_graph

__all__ = ["vosviewer_data", "write_vosviewer"]

#: VOSviewer numbers clusters from 1 to 1000; smaller clusters past that share 1000.
MAX_CLUSTER = 1000


def vosviewer_data(G: nx.MultiDiGraph, view: str = "full", focus: str | None = None, depth: int = 1,
                   min_degree: int = 0, title: str | None = None, *, min_papers: int = 0, min_weight: float = 0.0,
                   weights: str = "count", resolution: float = 1.0, since: str | None = None,
                   until: str | None = None, color_by: str | None = None) -> dict[str, Any]:
    """The VOSviewer JSON object of the map of ``G`` (options as for the HTML map;
    ``color_by`` is VOSviewer's choice, between its network and overlay views)."""
    P = restrict_period(G, since, until)
    W = view_graph(P, view, weights)
    V = select(W, focus, depth, min_degree, min_papers, min_weight, G=P, where=f"the {view} view")
    data = page_data(P, V, view, title or TITLES[view], None, resolution=resolution, weights=weights)
    ids = sorted(V.nodes)
    items = []
    for i, (nid, n) in enumerate(zip(ids, data["nodes"])):
        item: dict[str, Any] = {
            "id": i + 1, "label": display_name(V.nodes[nid].get("name") or nid),
            # VOSviewer's y axis points up, the page's down
            "x": round(n["x"] / 100, 4), "y": round(-n["y"] / 100, 4),
            "cluster": min(n["c"] + 1, MAX_CLUSTER),
            "weights": {"Links": n["d"], "Total link strength": max(n["s"], 0), "Documents": n["w"]},
        }
        if "a" in n:
            item["scores"] = {"Avg. pub. year": round(n["a"] / 12, 2)}
        links = dict(n.get("u") or [])
        url = links.get("url") or links.get("arXiv")
        if url:
            item["url"] = url
        items.append(item)
    strength: dict[tuple[int, int], float] = defaultdict(float)
    for e in data["edges"]:
        a, b = e["from"], e["to"]
        if a != b:
            strength[(a, b) if a < b else (b, a)] += float(e.get("w", 1))
    links = [{"source_id": a + 1, "target_id": b + 1, "strength": round(w, 4)} for (a, b), w in sorted(strength.items())]
    clusters = [{"cluster": c + 1, "label": row["name"]} for c, row in enumerate(data["clusters"][:MAX_CLUSTER])]
    return {"network": {"items": items, "links": links, "clusters": clusters}}


def write_vosviewer(G: nx.MultiDiGraph, path: str | os.PathLike[str], **options: Any) -> list[str]:
    """Write the VOSviewer JSON file of the map of ``G`` to ``path``."""
    blob = orjson.dumps(vosviewer_data(G, **options), option=orjson.OPT_INDENT_2)
    return [write_atomic(path, blob + b"\n")]
