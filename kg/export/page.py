"""The data of an HTML map: nodes with positions, sizes, clusters and times; weighted
links; the cluster map; the legends. JSON-ready values only (the page script draws).

Node and link ids are their positions in the lists: nodes sorted by id, links by
(source, target, type), so the same graph always gives the same page.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from kg.export._common import isolate_bidi
from kg.export.layout import EDGE_LENGTH, EDGE_LENGTH_BIG, layout
from kg.export.views import (VIEW_LINK, clusters, month_of, month_text, name_of, node_months,
                             node_types_present, paper_sets)

__all__ = ["page_data", "NODE_STYLES", "EDGE_STYLES", "CLUSTER_COLORS", "OVERVIEW_MIN_NODES", "PHYSICS_MAX_NODES"]

#: Above this many nodes (or :data:`PHYSICS_MAX_EDGES` links) the page keeps the Python
#: layout and runs no physics: vis-network's barnes-hut costs O(n log n) per frame and
#: its stabilisation visibly stalls from ~1,000 nodes on a laptop.
PHYSICS_MAX_NODES = 800
PHYSICS_MAX_EDGES = 2500
#: Above this many nodes the page opens on the cluster map (one disc per cluster, linked
#: by summed weights) and a click opens a cluster: 5,000 nodes on one screen are dots
#: without names, while 20-100 named clusters can be read at a glance.
OVERVIEW_MIN_NODES = 5000
#: Above this many links the page leaves out each link's evidence and sources (the
#: graph file, GraphML and GEXF keep them): at 500,000 links they are two thirds of a
#: 60 MB page, and the link's card still names its type, ends, weight and papers.
PROVENANCE_MAX_EDGES = 100_000
#: Links between clusters kept for the cluster map (the heaviest).
CLUSTER_LINKS_MAX = 400

#: Node types: fill colour (Tableau 10) and vis-network shape.
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Paper": ("#4e79a7", "dot"),
    "Author": ("#f28e2b", "triangle"),
    "Institution": ("#59a14f", "square"),
    "Model": ("#e15759", "diamond"),
    "Dataset": ("#b07aa1", "star"),
    "Category": ("#9c755f", "hexagon"),
    "Digest": ("#79706e", "triangleDown"),
}
#: Cluster colours (clusters beyond these are grey): Tableau 20's strong and light
#: halves interleaved so neighbouring cluster numbers differ in hue and lightness.
CLUSTER_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                  "#9c755f", "#bab0ac", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                  "#e377c2", "#17becf", "#bcbd22", "#aec7e8")
CLUSTER_OTHER = "#c7c7cc"

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
    "CO_AUTHOR": ("#8e8e93", "co-authored", "co-author", "co-author"),
    "COLLABORATES": ("#8e8e93", "shared papers", "with", "with"),
    "USED_WITH": ("#8e8e93", "used together", "with", "with"),
}
#: Relationship types without a direction (drawn without arrow heads).
UNDIRECTED = frozenset(VIEW_LINK.values())

#: Nodes with a label drawn at every zoom level: the heaviest ones, at most this many.
HUB_LABELS_MAX = 60
#: Graphs with at most this many nodes offer every label (overlaps are still moved or skipped).
ALL_LABELS_MAX = 60
#: The node types whose labels come first in each view (the others follow), and that
#: name the clusters: in the full view digests' file names and category codes would
#: otherwise be the first names a reader sees, since every paper of a day or a field
#: links to them.
LABEL_FIRST = {"coauthors": ("Author",), "institutions": ("Institution",), "models-datasets": ("Model", "Dataset"),
               "full": ("Model", "Dataset", "Institution", "Author")}
#: Tooltip evidence is cut to this many characters; sources to this many per edge.
EVIDENCE_CHARS = 160
SOURCES_MAX = 6
_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")
# compiled once: re.match(pattern, s, re.I) looks the pattern up in re's cache on every
# call, which cost a second for the 30,000 papers of a 100,000-node map
_HTTP_URL = re.compile(r"^https?://[^\s/]+", re.I)
_CONTROL_OR_SPACE = re.compile(r"[\s\x00-\x1f]")


def _shown(s: object) -> str:
    """A string as the page shows it: exactly as written (the page escapes it as JSON and
    shows it as text), with right-to-left text isolated so it cannot reorder the text
    around it."""
    s = str(s)
    return s if s.isascii() else isolate_bidi(s)


def _cut(s: str, k: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= k else s[: k - 1].rstrip() + "…"


def _safe_url(u: object) -> str | None:
    """``u`` if it is an absolute http(s) URL (a ``javascript:`` or ``data:`` link in a
    digest must never become clickable), else None."""
    s = str(u or "").strip()
    return s if _HTTP_URL.match(s) and not _CONTROL_OR_SPACE.search(s) else None


def _paper_source(G: nx.MultiDiGraph, p: str) -> str:
    """``file:line`` of a paper's digest entry (its APPEARS_IN edge), else of any edge."""
    best = None
    for _, _, k, d in G.out_edges(p, keys=True, data=True):
        if d.get("file"):
            cand = (k != "APPEARS_IN", str(d["file"]), int(d.get("line") or 0))
            best = cand if best is None or cand < best else best
    return f"{best[1]}:{best[2]}" if best else ""


def _paper_sources(edges, papers: set[str]) -> dict[str, str]:
    """:func:`_paper_source` of each of ``papers``, from the (source, target, type,
    data) edges of the whole graph in one pass."""
    best: dict[str, tuple[bool, str, int]] = {}
    for u, _, k, d in edges:
        if u in papers and d.get("file"):
            cand = (k != "APPEARS_IN", str(d["file"]), int(d.get("line") or 0))
            if u not in best or cand < best[u]:
                best[u] = cand
    return {p: f"{b[1]}:{b[2]}" for p, b in best.items()}


def _paper_links(d: dict[str, Any]) -> list[list[str]]:
    out = []
    url = _safe_url(d.get("url"))
    if url:
        out.append(["url", url])
    aid = str(d.get("arxiv_id") or "")
    if _ARXIV_ID.match(aid) and not (url and "arxiv.org" in url):
        out.append(["arXiv", f"https://arxiv.org/abs/{aid}"])
    return out


def _size(papers: float, big: bool) -> float:
    """Node radius: the area grows with the papers (radius with their square root),
    without a cap, so a hub of 850 papers is visibly bigger than one of 400; big graphs
    start smaller so 10,000 nodes do not cover each other."""
    if big:
        return round(3.0 + 1.6 * math.sqrt(max(papers, 0)), 1)
    return round(7.0 + 3.2 * math.sqrt(max(papers, 0)), 1)


def _label_order(ids: list[str], labels: list[str], strength: list[float], view: str) -> list[int]:
    """Node indices in the order their labels claim screen space: the view's main types
    first, then round-robin over the types by weighted degree (the heaviest model,
    dataset, author ... are all named before anyone's second best)."""
    first = set(LABEL_FIRST.get(view, ()))
    rank: dict[int, int] = {}
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        by_type[lab].append(i)
    for members in by_type.values():
        members.sort(key=lambda i: (-strength[i], ids[i]))
        for r, i in enumerate(members):
            rank[i] = r
    return sorted(range(len(ids)), key=lambda i: (labels[i] not in first if first else False, rank[i],
                                                   -strength[i], ids[i]))


def _cluster_map(of: list[int], n_clusters: int, pos: list[tuple[float, float]], sizes: list[float],
                 pair_w: dict[tuple[int, int], float]) -> tuple[list[list[float]], list[list[float]]]:
    """Each cluster's disc (centre of its members, radius holding 90 % of them) and the
    summed link weights between clusters (heaviest :data:`CLUSTER_LINKS_MAX`)."""
    sx = [0.0] * n_clusters
    sy = [0.0] * n_clusters
    cnt = [0] * n_clusters
    for i, c in enumerate(of):
        sx[c] += pos[i][0]
        sy[c] += pos[i][1]
        cnt[c] += 1
    centre = [(sx[c] / cnt[c], sy[c] / cnt[c]) if cnt[c] else (0.0, 0.0) for c in range(n_clusters)]
    dists: list[list[float]] = [[] for _ in range(n_clusters)]
    max_size = [0.0] * n_clusters
    for i, c in enumerate(of):
        max_size[c] = max(max_size[c], sizes[i])
    for i, c in enumerate(of):
        # centre distances only: the layout separated the clusters' discs by these
        dists[c].append(math.hypot(pos[i][0] - centre[c][0], pos[i][1] - centre[c][1]))
    discs = []
    for c in range(n_clusters):
        ds = sorted(dists[c])
        r = ds[int(0.9 * (len(ds) - 1))] if ds else 10.0
        discs.append([round(centre[c][0], 1), round(centre[c][1], 1), round(max(r, 10.0, max_size[c]), 1)])
    between: dict[tuple[int, int], float] = defaultdict(float)
    for (a, b), w in pair_w.items():
        ca, cb = of[a], of[b]
        if ca != cb:
            between[(ca, cb) if ca < cb else (cb, ca)] += w
    links = sorted(between.items(), key=lambda kv: (-kv[1], kv[0]))[:CLUSTER_LINKS_MAX]
    return discs, [[a, b, round(w, 3)] for (a, b), w in sorted(links)]


def page_data(G: nx.MultiDiGraph, V: nx.MultiDiGraph, view: str, title: str, focus: str | None = None,
              resolution: float = 1.0, weights: str = "count") -> dict[str, Any]:
    """Everything the page needs for view ``V`` of ``G``, as JSON-ready values."""
    ids = sorted(V.nodes)
    ix = {n: i for i, n in enumerate(ids)}
    n = len(ids)
    big = n > PHYSICS_MAX_NODES or V.number_of_edges() > PHYSICS_MAX_EDGES
    projected = view in VIEW_LINK

    # the node and adjacency dicts, read once: at 500,000 links the lookups through
    # networkx's views (V.nodes[n], V.edges(data=True)) cost several seconds
    node_data = V._node
    ndata = [node_data[nid] for nid in ids]
    names = [str(d.get("name") or d.get("key") or nid) for nid, d in zip(ids, ndata)]  # views.name_of
    node_label = [str(d.get("label") or str(nid).split(":", 1)[0]) for nid, d in zip(ids, ndata)]  # views.label_of
    # edges sorted by (source, target, type) without sorting 500,000 tuples: sources
    # in id order, each one's few targets and keys sorted (edge keys are relationship
    # type names, strings, so they compare as they are)
    raw_edges = []
    add_edge = raw_edges.append
    succ = V._succ
    for u in ids:
        nbrs = succ[u]
        if not nbrs:
            continue
        for v in sorted(nbrs) if len(nbrs) > 1 else nbrs:
            kd = nbrs[v]
            for k in sorted(kd) if len(kd) > 1 else kd:
                add_edge((u, v, k, kd[k]))
    pair_w: dict[tuple[int, int], float] = defaultdict(float)
    degree = [0] * n
    strength = [0.0] * n
    type_count: Counter[str] = Counter()
    for u, v, k, d in raw_edges:
        a, b = ix[u], ix[v]
        w = float(d.get("weight") or 1.0)
        degree[a] += 1
        degree[b] += 1
        strength[a] += w
        strength[b] += w
        type_count[k] += 1
        if a != b:
            pair_w[(a, b) if a < b else (b, a)] += w
    if any(not isinstance(k, str) for k in type_count):  # merge str(k) counts as before
        merged: Counter[str] = Counter()
        for k, c in type_count.items():
            merged[str(k)] += c
        type_count = merged
    # the link pairs in order, once: the clusters and the layout both sort them, and
    # sorting a sorted list is one linear pass (pair_w itself keeps its order: the
    # cluster map sums its weights in that order)
    pairs_sorted = dict(sorted(pair_w.items()))
    first = set(LABEL_FIRST.get(view, ()))
    namers = [lab in first for lab in node_label] if first else None
    cl = clusters(ids, pairs_sorted, strength, names, resolution, namers=namers)
    n_clusters = len(cl.sizes)
    # layout weights grow slowly with the link weight, so one heavy pair does not pull
    # its two nodes on top of each other
    pos = layout(n, pairs_sorted.keys(), {k: 1.0 + math.log(max(w, 1.0)) for k, w in pairs_sorted.items()},
                 edge_length=EDGE_LENGTH_BIG if big else EDGE_LENGTH, groups=cl.of)

    # the full view is G itself: its sorted edges are at hand, no second pass over G
    full = V is G
    paper_of = paper_sets(G, [(u, v) for u, v, _, _ in raw_edges] if full else None)
    sources = _paper_sources(raw_edges, {ids[i] for i, lab in enumerate(node_label) if lab == "Paper"}) if full else None
    months = node_months(G, ids, paper_of)
    if projected:  # the projection counted each node's papers
        papers = [int(d.get("papers") or 0) for d in ndata]
    else:
        papers = [degree[i] if node_label[i] == "Paper" else (len(paper_of[nid]) if nid in paper_of else 0)
                  for i, nid in enumerate(ids)]
    sizes = [_size(papers[i], big) for i in range(n)]
    labels_present = node_types_present(node_label)
    type_ix = {lab: i for i, lab in enumerate(labels_present)}
    label_count = Counter(node_label)
    etypes_present = [t for t in EDGE_STYLES if t in type_count] + sorted(set(type_count) - set(EDGE_STYLES))
    etype_ix = {t: i for i, t in enumerate(etypes_present)}

    order = _label_order(ids, node_label, strength, view)
    hub_count = n if n <= ALL_LABELS_MAX else min(HUB_LABELS_MAX, max(ALL_LABELS_MAX // 2, round(n * 0.25)))
    hubs = set(order[:hub_count])

    # papers referenced by projected views (their paper nodes are not in the view)
    paper_table: list[list[Any]] = []
    paper_ix: dict[str, int] = {}

    def paper_ref(p: str) -> int:
        if p not in paper_ix:
            paper_ix[p] = len(paper_table)
            d = G.nodes[p] if p in G else {}
            links = _paper_links(d)
            paper_table.append([_shown(name_of(G, p) if p in G else p), _paper_source(G, p) if p in G else "",
                                links[0][1] if links else ""])
        return paper_ix[p]

    nodes = []
    for i, nid in enumerate(ids):
        d = ndata[i]
        lab = node_label[i]
        x, y = pos[i]
        name = names[i]
        node: dict[str, Any] = {"x": x, "y": y, "size": sizes[i], "t": type_ix[lab], "c": cl.of[i],
                                "n": name if name.isascii() else _shown(name),
                                "k": nid if nid.isascii() else _shown(nid), "w": papers[i],
                                "s": round(strength[i], 3), "d": degree[i]}
        if i in hubs:
            node["h"] = 1
        if nid in months:
            first, mean, last = months[nid]
            node["f"], node["a"], node["l"] = first, round(mean, 2), last
        if lab == "Paper":
            info = [[key, _shown(d[key])] for key in ("arxiv_id", "category", "kind", "title_zh", "date") if d.get(key)]
            src = sources.get(nid, "") if sources is not None else (_paper_source(G, nid) if nid in G else "")
            if src:
                info.append(["source", src])
            if info:
                node["i"] = info
            links = _paper_links(d)
            if links:
                node["u"] = links
        if view == "coauthors" and nid in G:
            authored = sorted((v2, dd) for _, v2, k2, dd in G.out_edges(nid, keys=True, data=True) if k2 == "AUTHORED")
            if authored:
                node["pp"] = [[paper_ref(p), f"author #{dd['position']}" if dd.get("position") else "author"]
                              for p, dd in authored]
        nodes.append(node)

    edges = []
    paper_month: dict[str, int | None] = {}
    provenance = len(raw_edges) <= PROVENANCE_MAX_EDGES
    for u, v, k, d in raw_edges:
        a, b = ix[u], ix[v]
        e: dict[str, Any] = {"from": a, "to": b, "t": etype_ix[str(k)]}
        w = d.get("weight")
        if w is not None:
            e["w"] = w
            if d.get("count") is not None and d["count"] != w:
                e["c"] = d["count"]
        if provenance:
            srcs = [str(x) for x in (d.get("sources") or ([f"{d['file']}:{d['line']}"] if d.get("file") else []))]
            if srcs:
                e["s"] = [_shown(x) for x in srcs[:SOURCES_MAX]]
                if len(srcs) > SOURCES_MAX:
                    e["m"] = len(srcs) - SOURCES_MAX
            if d.get("evidence"):
                e["e"] = _shown(_cut(d["evidence"], EVIDENCE_CHARS))
        if d.get("position"):
            e["p"] = int(d["position"])
        shared = d.get("papers")
        if shared:
            e["pp"] = [paper_ref(p) for p in shared]
            for p in shared:
                if p not in paper_month:
                    paper_month[p] = month_of(G.nodes[p].get("date")) if p in G else None
            ms = [paper_month[p] for p in shared if paper_month[p] is not None]
            if ms:
                e["f"], e["l"] = min(ms), max(ms)
        # a typed link (full view) has no time of its own: it shows when both its ends do
        edges.append(e)

    types = [{"label": lab, "color": NODE_STYLES.get(lab, ("#888888", "dot"))[0],
              "shape": NODE_STYLES.get(lab, ("#888888", "dot"))[1], "count": label_count[lab]}
             for lab in labels_present]
    etypes = []
    for t in etypes_present:
        color, legend, out_word, in_word = EDGE_STYLES.get(t, ("#999999", t.lower(), t.lower(), t.lower()))
        etypes.append({"type": t, "label": legend, "color": color, "out": out_word, "in": in_word,
                       "count": type_count[t], "undirected": t in UNDIRECTED})
    discs, cl_links = _cluster_map(cl.of, n_clusters, pos, sizes, pair_w)
    cluster_rows = [{"name": _shown(cl.names[c]), "size": cl.sizes[c],
                     "color": CLUSTER_COLORS[c] if c < len(CLUSTER_COLORS) and cl.sizes[c] > 1 else CLUSTER_OTHER,
                     "x": discs[c][0], "y": discs[c][1], "r": discs[c][2]} for c in range(n_clusters)]
    dated = [m for m in months.values()]
    period = [min(m[0] for m in dated), max(m[2] for m in dated)] if dated else None
    wvals = [e["w"] for e in edges if "w" in e]
    return {
        # the layout already keeps clusters together; physics would pull them into one blob
        "title": _shown(title), "view": view, "physics": not big and not projected, "big": big,
        "focus": ix.get(focus) if focus else None,
        "overview": n > OVERVIEW_MIN_NODES and n_clusters > 1,
        "colorBy": "cluster" if projected or n > OVERVIEW_MIN_NODES else "type",
        "weights": weights if projected else None, "wmax": max(wvals) if wvals else 1,
        "period": period, "periodText": [month_text(period[0]), month_text(period[1])] if period else None,
        "types": types, "etypes": etypes, "papers": paper_table, "clusters": cluster_rows, "clusterLinks": cl_links,
        "order": order, "nodes": nodes, "edges": edges,
    }
