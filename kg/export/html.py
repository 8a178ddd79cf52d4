"""Interactive HTML pages of a kg graph: one self-contained, offline, escaped file.

pyvis is the engine: its :class:`pyvis.network.Network` holds the vis-network node and
edge lists and options, and the vis-network JavaScript and CSS that ship inside the
pyvis package are inlined into the page. What kg adds on top of pyvis's defaults:

* **Speed.** pyvis's ``add_edge`` scans every existing edge (quadratic: over a minute at
  50,000 edges) and its pages run physics in the browser, which stalls above ~2,000
  nodes. kg fills pyvis's lists in bulk, computes the layout in Python with igraph
  (Fruchterman-Reingold on a grid, per connected component, components packed in
  rows), and above :data:`PHYSICS_MAX_NODES` nodes switches physics off, so a
  10,000-node page draws at once.
* **Offline and safe.** pyvis's template loads Bootstrap (and tom-select, and with
  ``cdn_resources="remote"`` vis-network itself) from CDNs and writes names into the
  page unescaped. kg renders its own template with autoescaping, embeds the data as
  JSON with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, builds every tooltip, label
  and search result with ``textContent`` (never ``innerHTML``), and adds a
  Content-Security-Policy that allows only the page's own scripts (by hash) and no
  network access at all.
* **Readability.** Colour and shape per node type with a legend that filters, node
  size by paper count, edge colour per type, labels for the hubs drawn at a constant
  screen size (more appear as you zoom in), tooltips with the papers, roles and
  provenance (digest file and line) behind a node or edge, a search box, and
  neighbourhood highlighting on click.

Views are projections of the graph: ``full`` (everything), ``coauthors`` (authors
linked by shared papers), ``institutions`` (institutions with their affiliated papers
and authors) and ``models-datasets`` (papers with the models and datasets they propose,
use, introduce or evaluate on).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import logging
import math
import os
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export._common import ExportError, json_for_html, write_atomic
from kg.graph import NODE_LABELS

__all__ = [
    "VIEWS",
    "NODE_STYLES",
    "EDGE_STYLES",
    "PHYSICS_MAX_NODES",
    "view_graph",
    "find_node",
    "select",
    "layout",
    "render_html",
    "write_html",
]

log = logging.getLogger(__name__)

VIEWS = ("full", "coauthors", "institutions", "models-datasets")

#: Above this many nodes (or :data:`PHYSICS_MAX_EDGES` edges) the page keeps the Python
#: layout and runs no physics: vis-network's barnes-hut costs O(n log n) per frame and
#: its stabilisation visibly stalls from ~1,000 nodes on a laptop.
PHYSICS_MAX_NODES = 800
PHYSICS_MAX_EDGES = 2500

#: Node types: fill colour (Tableau 10, readable on white and distinct for the common
#: colour-vision deficiencies in combination with the shape) and vis-network shape.
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Paper": ("#4e79a7", "dot"),
    "Author": ("#f28e2b", "triangle"),
    "Institution": ("#59a14f", "square"),
    "Model": ("#e15759", "diamond"),
    "Dataset": ("#b07aa1", "star"),
    "Category": ("#9c755f", "hexagon"),
    "Digest": ("#79706e", "triangleDown"),
}

#: Relationship types: colour, legend text, and how a row reads from the source node
#: ("proposes: GPT-4") and from the target node ("proposed in: <paper title>").
EDGE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "AUTHORED": ("#f28e2b", "authored", "wrote", "author"),
    "AFFILIATED_WITH": ("#59a14f", "affiliated with", "affiliation", "affiliated"),
    "PROPOSES": ("#e15759", "proposes", "proposes", "proposed in"),
    "USES": ("#ff9d9a", "uses", "uses", "used in"),
    "INTRODUCES": ("#b07aa1", "introduces", "introduces", "introduced in"),
    "EVALUATES_ON": ("#d4a6c8", "evaluates on", "evaluates on", "evaluated in"),
    "IN_CATEGORY": ("#9c755f", "in category", "category", "paper"),
    "APPEARS_IN": ("#bab0ac", "appears in", "digest", "entry"),
    "CO_AUTHOR": ("#f28e2b", "co-authored", "co-author", "co-author"),
}

#: Relationship types without a direction (drawn without arrow heads).
UNDIRECTED = frozenset({"CO_AUTHOR"})

#: Nodes with a label drawn at every zoom level: the heaviest ones, at most this many
#: (labels that would overlap a heavier one are skipped while drawing).
HUB_LABELS_MAX = 60
#: Graphs with at most this many nodes offer every label (overlaps are still skipped).
ALL_LABELS_MAX = 60
#: The node types whose labels come first in each view (the others follow).
LABEL_FIRST = {"coauthors": ("Author",), "institutions": ("Institution",), "models-datasets": ("Model", "Dataset")}
#: Labels longer than this are cut with an ellipsis (tooltips show the whole name).
LABEL_CHARS = 36
#: Tooltip evidence is cut to this many characters; sources to this many per edge.
EVIDENCE_CHARS = 160
SOURCES_MAX = 6
#: Target length of an average edge in canvas units; vis-network draws at scale 1 with
#: one unit per CSS pixel, so this is the on-screen edge length before zooming.
EDGE_LENGTH = 70.0
EDGE_LENGTH_BIG = 40.0
LAYOUT_SEED = 20240601

_TEMPLATES = Path(__file__).with_name("templates")
# nodes whose "weight" is their number of papers (papers themselves use their links)
_ENTITY_LABELS = frozenset(NODE_LABELS) - {"Paper"}


# --- views --------------------------------------------------------------------------------


def _name(G: nx.MultiDiGraph, n: str) -> str:
    d = G.nodes[n]
    return str(d.get("name") or d.get("key") or n)


def _label(G: nx.MultiDiGraph, n: str) -> str:
    return str(G.nodes[n].get("label") or n.split(":", 1)[0])


def _subgraph(G: nx.MultiDiGraph, core: set[str], context: set[str], types: set[str]) -> nx.MultiDiGraph:
    """Nodes of the ``core`` labels, nodes of the ``context`` labels that touch one of
    them through an edge of ``types``, and the edges of ``types`` among all of those."""
    keep = {n for n in G if _label(G, n) in core}
    for u, v, k in G.edges(keys=True):
        if k not in types:
            continue
        lu, lv = _label(G, u), _label(G, v)
        if lu in core and lv in context:
            keep.add(v)
        elif lv in core and lu in context:
            keep.add(u)
    V = nx.MultiDiGraph()
    V.graph.update(G.graph)
    V.add_nodes_from((n, G.nodes[n]) for n in sorted(keep))
    V.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
                     if k in types and u in keep and v in keep)
    return V


def _coauthors(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Authors, linked (``CO_AUTHOR``) when they share a paper; the edge keeps the shared
    papers and the provenance of both authorships."""
    V = nx.MultiDiGraph()
    V.graph.update(G.graph)
    team: dict[str, list[tuple[int, str, dict]]] = defaultdict(list)
    for n in sorted(G):
        if _label(G, n) == "Author":
            V.add_node(n, **G.nodes[n])
    for u, v, k, d in G.edges(keys=True, data=True):
        if k == "AUTHORED" and u in V:
            team[v].append((d.get("position") or 0, u, d))
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for paper in sorted(team):
        members = sorted(team[paper], key=lambda t: (t[0], t[1]))
        for i, (_, a, da) in enumerate(members):
            for _, b, db in members[i + 1:]:
                if a == b:
                    continue
                key = (a, b) if a < b else (b, a)
                rec = pairs.setdefault(key, {"papers": [], "sources": set(), "prov": []})
                rec["papers"].append(paper)
                rec["sources"].update(da.get("sources") or ()), rec["sources"].update(db.get("sources") or ())
                rec["prov"].extend(((da.get("file") or "", da.get("line") or 0), (db.get("file") or "", db.get("line") or 0)))
    for (a, b), rec in sorted(pairs.items()):
        file, line = min(rec["prov"])
        V.add_edge(a, b, key="CO_AUTHOR", type="CO_AUTHOR", papers=sorted(set(rec["papers"])),
                   sources=sorted(rec["sources"]), file=file, line=line, weight=len(set(rec["papers"])))
    return V


def view_graph(G: nx.MultiDiGraph, view: str = "full") -> nx.MultiDiGraph:
    """The projection of ``G`` drawn by ``view`` (one of :data:`VIEWS`).

    ``full`` is ``G`` itself (not a copy); the other views are new graphs that share
    their attribute dicts with ``G`` and must not be mutated.
    """
    if view == "full":
        return G
    if view == "coauthors":
        return _coauthors(G)
    if view == "institutions":
        return _institutions(G)
    if view == "models-datasets":
        return _subgraph(G, {"Model", "Dataset"}, {"Paper"}, {"PROPOSES", "USES", "INTRODUCES", "EVALUATES_ON"})
    raise ExportError(f"unknown view {view!r} (choose from {', '.join(VIEWS)})")


def _institutions(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Institutions, the papers and authors affiliated with them, and the authorships
    among those papers and authors (who works where, on what)."""
    V = _subgraph(G, {"Institution"}, {"Paper", "Author"}, {"AFFILIATED_WITH"})
    V.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
                     if k == "AUTHORED" and u in V and v in V)
    return V


# --- selection ----------------------------------------------------------------------------


def _norm(s: str) -> str:
    return " ".join(str(s).casefold().split())


def find_node(V: nx.MultiDiGraph, query: str, where: str = "this view") -> str:
    """The node ``query`` names: a node id (``Label:key``), else the one node whose name
    equals it (ignoring case and spacing), else the one node whose name contains it.

    Raises :class:`ExportError` when nothing or more than one node matches.

    Example
    -------
    >>> import networkx as nx
    >>> V = nx.MultiDiGraph()
    >>> V.add_node("Model:gpt-4", label="Model", name="GPT-4")
    >>> V.add_node("Model:gpt-3", label="Model", name="GPT-3")
    >>> find_node(V, "gpt-4"), find_node(V, "Model:gpt-3")
    ('Model:gpt-4', 'Model:gpt-3')
    """
    if query in V:
        return query
    q = _norm(query)
    if not q:
        raise ExportError("--focus needs a node name or id")
    exact = sorted(n for n in V if _norm(_name(V, n)) == q or _norm(n) == q)
    hits = exact or sorted(n for n in V if q in _norm(_name(V, n)))
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ExportError(f"no node named {query!r} in {where}")
    shown = ", ".join(f"{h} ({_name(V, h)})" for h in hits[:5])
    more = f" and {len(hits) - 5} more" if len(hits) > 5 else ""
    raise ExportError(f"{query!r} matches {len(hits)} nodes: {shown}{more}; give the node id")


def select(V: nx.MultiDiGraph, focus: str | None = None, depth: int = 1, min_degree: int = 0,
           where: str = "this view") -> nx.MultiDiGraph:
    """The part of view ``V`` to draw.

    With ``focus``, only nodes within ``depth`` hops of it (edges followed both ways).
    With ``min_degree``, nodes with fewer links than that in ``V`` are left out (degrees
    are counted in ``V`` before anything is left out, so the result does not depend on
    the order of removal); the focus node always stays.
    """
    if depth < 0:
        raise ExportError(f"--depth must be 0 or more, not {depth}")
    if min_degree < 0:
        raise ExportError(f"--min-degree must be 0 or more, not {min_degree}")
    keep: set[str] = set(V)
    centre = None
    if focus is not None:
        centre = find_node(V, focus, where)
        keep = {centre}
        frontier = {centre}
        for _ in range(depth):
            nxt = set()
            for n in frontier:
                nxt.update(V.successors(n))
                nxt.update(V.predecessors(n))
            frontier = nxt - keep
            keep |= frontier
            if not frontier:
                break
    if min_degree > 0:
        keep = {n for n in keep if n == centre or V.degree(n) >= min_degree}
    if len(keep) == len(V):
        return V
    return V.subgraph(sorted(keep))


# --- layout -------------------------------------------------------------------------------


def _components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _centre(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    cx = sum(x for x, _ in pts) / len(pts)
    cy = sum(y for _, y in pts) / len(pts)
    return [(x - cx, y - cy) for x, y in pts]


def _fr(k: int, edges: list[tuple[int, int]], weights: list[float], rng: random.Random,
        edge_length: float) -> list[tuple[float, float]]:
    """Fruchterman-Reingold (igraph) for one connected graph, centred on (0, 0) and
    scaled to a density of one node per ``edge_length`` squared (as if the nodes filled
    a disc evenly), so hub-heavy graphs do not end up as a dense knot."""
    import igraph

    if k == 1:
        return [(0.0, 0.0)]
    if k == 2:
        return [(-edge_length / 2, 0.0), (edge_length / 2, 0.0)]
    g = igraph.Graph(n=k, edges=edges)
    # igraph draws the start positions from its generator: a seeded one (restored
    # afterwards) makes the result a function of the graph alone
    igraph.set_random_number_generator(rng)
    try:
        # the grid variant is O(n) per iteration; the exact one is O(n^2) and nicer small
        lay = g.layout_fruchterman_reingold(weights=weights or None, niter=FR_ITERATIONS,
                                            grid="grid" if k > FR_EXACT_MAX else "nogrid")
    finally:
        igraph.set_random_number_generator(random)
    pts = _centre([(float(x), float(y)) for x, y in lay.coords])
    rms = math.sqrt(sum(x * x + y * y for x, y in pts) / k) or 1.0
    # a disc of radius R holding k nodes at this density has R = edge_length * sqrt(k / pi)
    # and an RMS radius of R / sqrt(2)
    f = edge_length * math.sqrt(k / math.pi) / math.sqrt(2) / rms
    return [(x * f, y * f) for x, y in pts]


def _landscape(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Rotate centred points so their widest spread runs left to right (screens are
    wider than tall), by the principal axis of their covariance."""
    if len(pts) < 3:
        return pts
    sxx = sum(x * x for x, _ in pts)
    syy = sum(y * y for _, y in pts)
    sxy = sum(x * y for x, y in pts)
    theta = 0.5 * math.atan2(2 * sxy, sxx - syy)  # angle of the principal axis
    c, s = math.cos(-theta), math.sin(-theta)
    return [(x * c - y * s, x * s + y * c) for x, y in pts]


def _radius(pts: list[tuple[float, float]]) -> float:
    return max((math.hypot(x, y) for x, y in pts), default=0.0)


def _separate(centres: list[list[float]], radii: list[float], gap: float, rounds: int = 300) -> None:
    """Push overlapping discs apart (in place), with a weak pull to the middle so the
    result stays compact; deterministic (pairs in index order)."""
    n = len(centres)
    for _ in range(rounds):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                dx = centres[j][0] - centres[i][0]
                dy = centres[j][1] - centres[i][1]
                d = math.hypot(dx, dy)
                need = radii[i] + radii[j] + gap
                if d >= need:
                    continue
                if d < 1e-9:  # coincident: separate along a fixed direction
                    dx, dy, d = 1.0, 0.0, 1.0
                push = (need - d) / 2
                ux, uy = dx / d * push, dy / d * push
                # the bigger disc moves less
                wi = radii[j] / (radii[i] + radii[j] or 1)
                wj = 1 - wi
                centres[i][0] -= 2 * ux * wi
                centres[i][1] -= 2 * uy * wi
                centres[j][0] += 2 * ux * wj
                centres[j][1] += 2 * uy * wj
                moved = True
        if not moved:
            break
        for c in centres:
            c[0] *= 0.995
            c[1] *= 0.995


def _layout_communities(k: int, edges: list[tuple[int, int]], weights: list[float], rng: random.Random,
                        edge_length: float) -> list[tuple[float, float]]:
    """Community-grouped placement for a big connected component: Louvain communities
    (igraph multilevel), each laid out on its own, then placed as discs where a layout
    of the community graph puts them, pushed apart until they do not overlap. One
    force layout of 10,000 nodes is a uniform hairball; this shows the clusters."""
    import igraph

    g = igraph.Graph(n=k, edges=edges)
    igraph.set_random_number_generator(rng)
    try:
        membership = g.community_multilevel(weights=weights or None).membership
    finally:
        igraph.set_random_number_generator(random)
    groups: dict[int, list[int]] = defaultdict(list)
    for v, c in enumerate(membership):
        groups[c].append(v)
    comms = sorted(groups.values(), key=lambda m: (-len(m), m[0]))
    if len(comms) == 1:
        return _fr(k, edges, weights, rng, edge_length)
    which = [0] * k
    local = [0] * k
    for ci, members in enumerate(comms):
        for j, v in enumerate(members):
            which[v], local[v] = ci, j
    intra: list[list[tuple[int, int]]] = [[] for _ in comms]
    intra_w: list[dict[tuple[int, int], float]] = [{} for _ in comms]
    between: dict[tuple[int, int], float] = defaultdict(float)
    for (a, b), w in zip(edges, weights or [1.0] * len(edges)):
        ca, cb = which[a], which[b]
        if ca == cb:
            intra[ca].append((local[a], local[b]))
            intra_w[ca][(min(local[a], local[b]), max(local[a], local[b]))] = w
        else:
            between[(min(ca, cb), max(ca, cb))] += w
    inner = [layout(len(members), intra[ci], intra_w[ci], rng.randrange(1 << 30), edge_length)
             for ci, members in enumerate(comms)]
    inner = [_centre(pts) for pts in inner]
    # discs sized to hold 90 % of their nodes: a few far-flung leaves may overlap a
    # neighbour, but one outlier does not push whole clusters apart
    radii = [sorted(math.hypot(x, y) for x, y in pts)[int(0.9 * (len(pts) - 1))] + edge_length for pts in inner]
    pairs = sorted(between)
    where = _fr(len(comms), pairs, [1.0 + math.log(between[p]) for p in pairs], rng, 1.0) if pairs else \
        [(float(i), 0.0) for i in range(len(comms))]
    # start from the community graph's shape at the scale of the discs' total area,
    # then remove overlaps
    spread = max(_radius(where), 1e-9)
    target = math.sqrt(sum(r * r for r in radii))
    centres = [[x / spread * target, y / spread * target] for x, y in where]
    _separate(centres, radii, gap=2 * edge_length)
    out = [(0.0, 0.0)] * k
    for ci, members in enumerate(comms):
        cx, cy = centres[ci]
        for v, (x, y) in zip(members, inner[ci]):
            out[v] = (cx + x, cy + y)
    return out


#: Fruchterman-Reingold iterations (igraph's default is 500; 300 look the same on kg
#: graphs and save 40 % of the layout time) and the size up to which the exact O(n^2)
#: variant is used instead of the grid approximation.
FR_ITERATIONS = 300
FR_EXACT_MAX = 150
#: Connected components with more nodes than this are laid out by communities.
COMMUNITY_LAYOUT_MIN = 400


def layout(n: int, edges: Iterable[tuple[int, int]], weights: dict[tuple[int, int], float] | None = None,
           seed: int = LAYOUT_SEED, edge_length: float = EDGE_LENGTH) -> list[tuple[float, float]]:
    """Positions for nodes ``0..n-1`` linked by undirected ``edges``.

    Each connected component is laid out on its own (by communities when it has more
    than :data:`COMMUNITY_LAYOUT_MIN` nodes, else by Fruchterman-Reingold), then the
    components are packed in rows, biggest first, so small clusters sit beside the main
    one instead of flying off or piling up in its middle. Deterministic for the same
    input (igraph runs on a generator seeded with ``seed``).

    Example
    -------
    >>> pos = layout(4, [(0, 1), (1, 2)])  # a path of three, and a loner
    >>> len(pos), pos == layout(4, [(1, 2), (0, 1)])
    (4, True)
    """
    pairs = sorted({(a, b) if a < b else (b, a) for a, b in edges if a != b})
    weights = weights or {}
    rng = random.Random(seed)
    comps = _components(n, pairs)
    where = [0] * n
    local = [0] * n
    for ci, members in enumerate(comps):
        for j, m in enumerate(members):
            where[m], local[m] = ci, j
    comp_edges: list[list[tuple[int, int]]] = [[] for _ in comps]
    comp_w: list[list[float]] = [[] for _ in comps]
    for a, b in pairs:
        ci = where[a]
        comp_edges[ci].append((local[a], local[b]))
        comp_w[ci].append(weights.get((a, b), 1.0))
    boxes = []
    for ci, members in enumerate(comps):
        if len(members) > COMMUNITY_LAYOUT_MIN:
            pts = _layout_communities(len(members), comp_edges[ci], comp_w[ci], rng, edge_length)
        else:
            pts = _fr(len(members), comp_edges[ci], comp_w[ci], rng, edge_length)
        pts = _landscape(_centre(pts))
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        boxes.append((pts, min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    # shelf packing: rows as wide as the biggest component or as a 16:10 rectangle of
    # the total area, whichever is wider
    gap = edge_length
    area = sum((w + gap) * (h + gap) for _, _, _, w, h in boxes)
    row_w = max(max((w for *_, w, _ in boxes), default=0.0), math.sqrt(area * 1.6))
    out: list[tuple[float, float]] = [(0.0, 0.0)] * n
    x = y = row_h = 0.0
    for (pts, x0, y0, w, h), members in zip(boxes, comps):
        if x > 0 and x + w > row_w:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for m, (px, py) in zip(members, pts):
            out[m] = (round(x + px - x0, 1), round(y + py - y0, 1))
        x += w + gap
        row_h = max(row_h, h)
    return out


# --- page data ----------------------------------------------------------------------------


def _cut(s: str, k: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= k else s[: k - 1].rstrip() + "…"


def _paper_source(G: nx.MultiDiGraph, p: str) -> str:
    """``file:line`` of a paper's digest entry (its APPEARS_IN edge), else of any edge."""
    best = None
    for _, _, k, d in G.out_edges(p, keys=True, data=True):
        if d.get("file"):
            cand = (k != "APPEARS_IN", str(d["file"]), int(d.get("line") or 0))
            best = cand if best is None or cand < best else best
    return f"{best[1]}:{best[2]}" if best else ""


def _paper_counts(G: nx.MultiDiGraph, nodes: Iterable[str]) -> dict[str, int]:
    out = {}
    for n in nodes:
        if _label(G, n) in _ENTITY_LABELS and n in G:
            ps = {v for v in G.successors(n) if _label(G, v) == "Paper"}
            ps.update(u for u in G.predecessors(n) if _label(G, u) == "Paper")
            out[n] = len(ps)
    return out


def _label_order(ids: list[str], labels: list[str], weight: list[int], view: str) -> list[int]:
    """Node indices in the order their labels claim screen space: the view's main types
    first, and within that round-robin over the types by weight, so the heaviest
    model, dataset, author ... are all named before anyone's second best."""
    first = set(LABEL_FIRST.get(view, ()))
    rank: dict[int, int] = {}
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        by_type[lab].append(i)
    for members in by_type.values():
        members.sort(key=lambda i: (-weight[i], ids[i]))
        for r, i in enumerate(members):
            rank[i] = r
    type_pos = {lab: k for k, lab in enumerate(NODE_LABELS)}
    return sorted(range(len(ids)), key=lambda i: (labels[i] not in first if first else False, rank[i],
                                                   -weight[i], type_pos.get(labels[i], 99), ids[i]))


def _size(weight: int, big: bool) -> float:
    # the radius grows with the square root of the weight (the area with the weight); big
    # graphs start smaller so that 10,000 nodes do not cover each other at first sight
    if big:
        return round(min(40.0, 3.0 + 2.2 * math.sqrt(max(weight, 0))), 1)
    return round(min(44.0, 8.0 + 4.0 * math.sqrt(max(weight, 0))), 1)


def page_data(G: nx.MultiDiGraph, V: nx.MultiDiGraph, view: str, title: str, focus: str | None = None) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready values (nodes sorted by id, edges by
    (source, target, type); node and edge ids are their positions in these lists)."""
    ids = sorted(V.nodes)
    ix = {n: i for i, n in enumerate(ids)}
    n = len(ids)
    big = n > PHYSICS_MAX_NODES or V.number_of_edges() > PHYSICS_MAX_EDGES

    raw_edges = sorted(V.edges(keys=True, data=True), key=lambda t: (t[0], t[1], str(t[2])))
    pair_w: dict[tuple[int, int], float] = defaultdict(float)
    for u, v, k, d in raw_edges:
        a, b = ix[u], ix[v]
        key = (a, b) if a < b else (b, a)
        pair_w[key] += float(d.get("weight") or 1.0)
    pos = layout(n, pair_w.keys(), {k: 1.0 + math.log(w) for k, w in pair_w.items()},
                 edge_length=EDGE_LENGTH_BIG if big else EDGE_LENGTH)

    degree = [0] * n
    for u, v, _, _ in raw_edges:
        degree[ix[u]] += 1
        degree[ix[v]] += 1
    papers_of = _paper_counts(G, ids)
    weight = [degree[i] if _label(V, nid) == "Paper" else papers_of.get(nid, degree[i]) for i, nid in enumerate(ids)]

    node_label = [_label(V, nid) for nid in ids]
    label_count = Counter(node_label)
    labels_present = [lab for lab in NODE_LABELS if lab in label_count]
    labels_present += sorted(set(label_count) - set(labels_present))
    type_ix = {lab: i for i, lab in enumerate(labels_present)}
    type_count = Counter(str(k) for _, _, k, _ in raw_edges)
    etypes_present = [t for t in EDGE_STYLES if t in type_count]
    etypes_present += sorted(set(type_count) - set(etypes_present))
    etype_ix = {t: i for i, t in enumerate(etypes_present)}

    order = _label_order(ids, node_label, weight, view)
    hub_count = n if n <= ALL_LABELS_MAX else min(HUB_LABELS_MAX, max(ALL_LABELS_MAX // 2, round(n * 0.25)))
    hubs = set(order[:hub_count])

    # papers referenced by projected views (their paper nodes are not in the view)
    paper_table: list[list[str]] = []
    paper_ix: dict[str, int] = {}

    def paper_ref(p: str) -> int:
        if p not in paper_ix:
            paper_ix[p] = len(paper_table)
            paper_table.append([_name(G, p) if p in G else p, _paper_source(G, p) if p in G else ""])
        return paper_ix[p]

    nodes = []
    for i, nid in enumerate(ids):
        d = V.nodes[nid]
        lab = node_label[i]
        x, y = pos[i]
        node: dict[str, Any] = {
            "id": i, "x": x, "y": y, "size": _size(weight[i], big), "group": lab,
            "t": type_ix[lab], "n": _name(V, nid), "k": nid, "w": weight[i], "d": degree[i],
        }
        if i in hubs:
            node["h"] = 1
        if lab == "Paper":
            info = [[key, str(d[key])] for key in ("arxiv_id", "category", "kind", "title_zh", "url") if d.get(key)]
            src = _paper_source(G, nid) if nid in G else ""
            if src:
                info.append(["source", src])
            if info:
                node["i"] = info
        if view == "coauthors" and nid in G:
            authored = sorted((v2, dd) for _, v2, k2, dd in G.out_edges(nid, keys=True, data=True) if k2 == "AUTHORED")
            if authored:
                node["pp"] = [[paper_ref(p), f"author #{dd['position']}" if dd.get("position") else "author"]
                              for p, dd in authored]
        nodes.append(node)

    edges = []
    for j, (u, v, k, d) in enumerate(raw_edges):
        t = str(k)
        color = EDGE_STYLES.get(t, ("#999999",))[0]
        e: dict[str, Any] = {"id": j, "from": ix[u], "to": ix[v], "color": color, "t": etype_ix[t]}
        srcs = [str(s) for s in (d.get("sources") or ([f"{d['file']}:{d['line']}"] if d.get("file") else []))]
        if srcs:
            e["s"] = srcs[:SOURCES_MAX]
            if len(srcs) > SOURCES_MAX:
                e["m"] = len(srcs) - SOURCES_MAX
        if d.get("evidence"):
            e["e"] = _cut(d["evidence"], EVIDENCE_CHARS)
        if d.get("position"):
            e["p"] = int(d["position"])
        if t in UNDIRECTED:
            e["arrows"] = {"to": {"enabled": False}}
        if d.get("papers"):
            e["pp"] = [paper_ref(p) for p in d["papers"]]
            e["width"] = round(1.0 + 1.5 * math.log(len(d["papers"])), 2)
        edges.append(e)

    types = [{"label": lab, "color": NODE_STYLES.get(lab, ("#888888", "dot"))[0],
              "shape": NODE_STYLES.get(lab, ("#888888", "dot"))[1],
              "count": label_count[lab]} for lab in labels_present]
    etypes = []
    for t in etypes_present:
        color, legend, out_word, in_word = EDGE_STYLES.get(t, ("#999999", t.lower(), t.lower(), t.lower()))
        etypes.append({"type": t, "label": legend, "color": color, "out": out_word, "in": in_word,
                       "count": type_count[t]})
    return {
        "title": title, "view": view, "physics": not big, "big": big, "focus": ix.get(focus) if focus else None,
        "types": types, "etypes": etypes, "papers": paper_table,
        "order": order, "nodes": nodes, "edges": edges,
    }


# --- rendering ----------------------------------------------------------------------------


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
            self.node_ids = [x["id"] for x in self.nodes]
            self.node_map = {x["id"]: x for x in self.nodes}
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
                min_degree: int = 0, title: str | None = None) -> str:
    """The page for ``G`` as a string (see :func:`write_html` for the options)."""
    where = f"the {view} view"
    W = view_graph(G, view)
    centre = find_node(W, focus, where) if focus is not None else None
    V = select(W, centre, depth, min_degree, where=where)
    if title is None:
        title = {"full": "Knowledge graph", "coauthors": "Co-author network",
                 "institutions": "Institutions", "models-datasets": "Models and datasets"}[view]
        if centre is not None:
            title += f" around {_name(V, centre)}"
    data = page_data(G, V, view, title, centre)
    data["options"] = _options(data)
    net = _network_class()(title)
    net.options = data.pop("options")
    net.load(data)
    log.info("html: %s view, %d nodes, %d edges, physics %s", view, len(data["nodes"]), len(data["edges"]),
             "on" if data["physics"] else "off")
    return net.generate_html()


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike[str], view: str = "full", focus: str | None = None,
               depth: int = 1, min_degree: int = 0, title: str | None = None) -> list[str]:
    """Write an interactive, self-contained HTML page of ``G`` to ``path``.

    Parameters
    ----------
    G : the kg graph.
    path : the ``.html`` file to write (its folder is created).
    view : one of :data:`VIEWS`.
    focus, depth : draw only the nodes within ``depth`` hops of the node ``focus`` names
        (an id like ``Author:s salter`` or a unique name or part of one).
    min_degree : leave out nodes with fewer links than this in the view.
    title : the page heading (default: after the view).

    Returns
    -------
    The list of paths written (just ``path``).
    """
    html = render_html(G, view, focus, depth, min_degree, title)
    return [write_atomic(path, html.encode("utf-8"))]
