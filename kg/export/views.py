"""What a map draws: the views (projections of the graph), the period, the thresholds,
and the clusters.

Views
-----
``full`` is the graph itself. The others are the weighted projections of
:mod:`kg.analytics` (one projection per idea, shared with ``kg analyze``), drawn as
VOSviewer draws co-authorship and co-occurrence maps: direct links whose weight is the
number of papers the two share.

* ``coauthors``: authors (:func:`kg.analytics.coauthor_graph`);
* ``institutions``: institutions linked by the papers that name both
  (:func:`kg.analytics.institution_graph`), without paper nodes in between;
* ``models-datasets``: models and the datasets a paper has with them
  (:func:`kg.analytics.usage_graph`).

With ``weights="association"`` a link's weight is the association strength (van Eck &
Waltman 2009, what VOSviewer normalises co-occurrence by): shared papers divided by what
the two nodes' totals predict, ``c_ij * 2m / (s_i * s_j)``, so a link between two small
groups that always work together outweighs two hubs' incidental overlap.

Time
----
Paper and Digest nodes carry ``date`` (``YYYY-MM`` or ``YYYY-MM-DD``). A node's time is
its papers' months: the first (when it appears, for the slider and Gephi's timeline) and
the mean (VOSviewer's "average publication year" overlay). Nodes without dated papers
have no time and are shown whatever the period.
"""
from __future__ import annotations

import heapq
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from kg import analytics
from kg.export._common import ExportError
from kg.graph import NODE_LABELS

__all__ = [
    "VIEWS",
    "WEIGHTS",
    "view_graph",
    "find_node",
    "select",
    "restrict_period",
    "month_of",
    "papers_of",
    "paper_sets",
    "node_months",
    "Clusters",
    "clusters",
]

log = logging.getLogger(__name__)

VIEWS = ("full", "coauthors", "institutions", "models-datasets")
WEIGHTS = ("count", "association")

#: The link type each projected view draws, and the label of the nodes it is about.
VIEW_LINK = {"coauthors": "CO_AUTHOR", "institutions": "COLLABORATES", "models-datasets": "USED_WITH"}

_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


def label_of(G: nx.Graph, n: str) -> str:
    return str(G.nodes[n].get("label") or str(n).split(":", 1)[0])


def name_of(G: nx.Graph, n: str) -> str:
    d = G.nodes[n]
    return str(d.get("name") or d.get("key") or n)


# --- time -------------------------------------------------------------------------------


def month_of(value: object) -> int | None:
    """A ``YYYY-MM[-DD]`` date as a month number (``year * 12 + month - 1``), else None.

    Example
    -------
    >>> month_of("2023-02-17") - month_of("2022-12")
    2
    >>> month_of("soon") is None
    True
    """
    m = _DATE.match(str(value or ""))
    if not m:
        return None
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    return int(m.group(1)) * 12 + month - 1


def month_text(month: int) -> str:
    """``2023-02`` for a month number of :func:`month_of`."""
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def _parse_bound(value: str | None, what: str) -> int | None:
    if value is None:
        return None
    m = month_of(value)
    if m is None or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value.strip()):
        raise ExportError(f"{what} must be a date like 2023-05 or 2023-05-17, not {value!r}")
    return m


def paper_sets(G: nx.MultiDiGraph, edges=None) -> dict[str, set[str]]:
    """Every node's papers (linked either way), in one pass over the edges (``G``'s, or
    ``edges``, pairs of node ids, when the caller already holds them): what
    :func:`papers_of` gives for one node, for all of them (100,000 calls of it cost
    ten seconds)."""
    label = {n: (d.get("label") or str(n).split(":", 1)[0]) for n, d in G.nodes(data=True)}
    out: dict[str, set[str]] = defaultdict(set)
    for u, v in (G.edges() if edges is None else edges):
        if label[u] == "Paper":
            out[v].add(u)
        if label[v] == "Paper":
            out[u].add(v)
    return out


def papers_of(G: nx.MultiDiGraph, n: str) -> set[str]:
    ps = {v for v in G.successors(n) if label_of(G, v) == "Paper"}
    ps.update(u for u in G.predecessors(n) if label_of(G, u) == "Paper")
    return ps


def node_months(G: nx.MultiDiGraph, nodes, papers: dict[str, set[str]] | None = None
                ) -> dict[str, tuple[int, float, int]]:
    """For each of ``nodes`` with a dated paper (or a date of its own): (first, mean,
    last) month of its papers in ``G`` (``papers``: :func:`paper_sets` of ``G``, when
    already made)."""
    out: dict[str, tuple[int, float, int]] = {}
    if papers is None:
        papers = paper_sets(G)
    # every dated node's month, once (Paper and Digest nodes carry the dates)
    month: dict[str, int] = {}
    for n, d in G.nodes(data=True):
        date = d.get("date")
        if date:
            m = month_of(date)
            if m is not None:
                month[n] = m
    node = G._node  # the node dict itself: 100,000 lookups through G.nodes cost a second
    for n in nodes:
        if n not in node:
            continue
        own = month.get(n)
        if own is not None and str(node[n].get("label") or str(n).split(":", 1)[0]) in ("Paper", "Digest"):
            out[n] = (own, float(own), own)
            continue
        ms = [month[p] for p in papers.get(n, ()) if p in month]
        if ms:
            out[n] = (min(ms), sum(ms) / len(ms), max(ms))
    return out


def restrict_period(G: nx.MultiDiGraph, since: str | None = None, until: str | None = None) -> nx.MultiDiGraph:
    """``G`` without the papers and digests dated outside ``since``..``until`` (months,
    both included; a day narrows nothing finer than its month), and without the nodes
    left with no paper. Undated papers are left out too once a period is given: a
    period asks for what is known to fall in it.

    Example
    -------
    >>> from kg.graph import new_graph
    >>> G = new_graph()
    >>> G.add_node("Paper:a", label="Paper", date="2022-11"); G.add_node("Paper:b", label="Paper", date="2023-03")
    >>> G.add_node("Author:x", label="Author"); _ = G.add_edge("Author:x", "Paper:a", key="AUTHORED")
    >>> sorted(restrict_period(G, since="2023-01"))
    ['Paper:b']
    """
    lo = _parse_bound(since, "--since")
    hi = _parse_bound(until, "--until")
    if lo is None and hi is None:
        return G
    if lo is not None and hi is not None and lo > hi:
        raise ExportError(f"--since {since} is after --until {until}")

    def inside(n: str) -> bool:
        m = month_of(G.nodes[n].get("date"))
        return m is not None and (lo is None or m >= lo) and (hi is None or m <= hi)

    dated = {"Paper", "Digest"}
    papers = {n for n in G if label_of(G, n) == "Paper" and inside(n)}
    keep = set(papers)
    for n in G:
        lab = label_of(G, n)
        if lab == "Digest":
            if inside(n) or (month_of(G.nodes[n].get("date")) is None and any(p in papers for p in G.predecessors(n))):
                keep.add(n)
        elif lab not in dated and any(p in papers for p in papers_of(G, n)):
            keep.add(n)
    log.info("period %s..%s: %d of %d nodes", since or "", until or "", len(keep), G.number_of_nodes())
    return G.subgraph(sorted(keep))


# --- views ------------------------------------------------------------------------------


def _from_projection(G: nx.MultiDiGraph, H: nx.Graph, link: str, weights: str) -> nx.MultiDiGraph:
    """A projection of :mod:`kg.analytics` as a view: the original node attributes (so
    dates, urls ... stay), one ``link`` edge per pair with ``count`` (shared papers),
    ``weight`` (count or association strength) and ``papers``."""
    V = nx.MultiDiGraph()
    V.graph.update(G.graph)
    for n in sorted(H):
        V.add_node(n, **G.nodes[n])
        V.nodes[n]["papers"] = H.nodes[n].get("papers", 0)
    strength = {n: float(H.degree(n, weight="weight")) for n in H}
    total = sum(strength.values())
    for u, v, d in sorted(H.edges(data=True), key=lambda t: (min(t[0], t[1]), max(t[0], t[1]))):
        a, b = (u, v) if u < v else (v, u)
        count = int(d.get("weight", 1))
        w: float = count
        if weights == "association":
            w = round(count * total / (strength[a] * strength[b]), 4) if strength[a] and strength[b] else 0.0
        V.add_edge(a, b, key=link, type=link, count=count, weight=w, papers=list(d.get("via") or ()))
    return V


def view_graph(G: nx.MultiDiGraph, view: str = "full", weights: str = "count") -> nx.MultiDiGraph:
    """The projection of ``G`` drawn by ``view`` (one of :data:`VIEWS`), its links
    weighted by ``weights`` (one of :data:`WEIGHTS`; the full view's links weigh 1).

    ``full`` is ``G`` itself (not a copy); the other views are new graphs whose nodes
    carry a copy of ``G``'s attributes plus ``papers`` (how many each has).

    Example
    -------
    >>> from kg.graph import new_graph
    >>> G = new_graph()
    >>> for a in ("A", "B"):
    ...     G.add_node(f"Author:{a}", label="Author", name=a)
    >>> for p in ("1", "2"):
    ...     G.add_node(f"Paper:{p}", label="Paper")
    ...     for a in ("A", "B"):
    ...         _ = G.add_edge(f"Author:{a}", f"Paper:{p}", key="AUTHORED")
    >>> V = view_graph(G, "coauthors")
    >>> V.edges["Author:A", "Author:B", "CO_AUTHOR"]["weight"], V.edges["Author:A", "Author:B", "CO_AUTHOR"]["papers"]
    (2, ['Paper:1', 'Paper:2'])
    """
    if weights not in WEIGHTS:
        raise ExportError(f"unknown weights {weights!r} (choose from {', '.join(WEIGHTS)})")
    if view == "full":
        if weights != "count":
            raise ExportError(f"--weights {weights} applies to the weighted views ({', '.join(VIEW_LINK)}); "
                              "the full view's links are relationships, one each")
        return G
    if view == "coauthors":
        return _from_projection(G, analytics.coauthor_graph(G), "CO_AUTHOR", weights)
    if view == "institutions":
        return _from_projection(G, analytics.institution_graph(G), "COLLABORATES", weights)
    if view == "models-datasets":
        return _from_projection(G, analytics.usage_graph(G), "USED_WITH", weights)
    raise ExportError(f"unknown view {view!r} (choose from {', '.join(VIEWS)})")


# --- selection --------------------------------------------------------------------------


def find_node(V: nx.MultiDiGraph, query: str, where: str = "this view") -> str:
    """The node ``query`` names in ``V``, by the rules of :func:`kg.analytics.find_node`
    (the same rules ``kg analyze`` uses), as an :class:`ExportError` when it names none
    or several.

    Example
    -------
    >>> import networkx as nx
    >>> V = nx.MultiDiGraph()
    >>> V.add_node("Model:gpt-4", label="Model", name="GPT-4")
    >>> V.add_node("Model:gpt-3", label="Model", name="GPT-3")
    >>> find_node(V, "gpt-4"), find_node(V, "Model:gpt-3")
    ('Model:gpt-4', 'Model:gpt-3')
    """
    if not str(query).strip():
        raise ExportError("--focus needs a node name or id")
    try:
        return analytics.find_node(V, query)
    except analytics.UnknownNodeError as e:
        hint = f"; did you mean {', '.join(map(repr, e.suggestions))}?" if getattr(e, "suggestions", None) else ""
        raise ExportError(f"no node named {query!r} in {where}{hint}") from None
    except analytics.AnalyticsError as e:
        raise ExportError(f"{e} (in {where})") from None


def _papers_count(G: nx.MultiDiGraph, V: nx.MultiDiGraph, n: str) -> int:
    if label_of(V, n) == "Paper":
        return V.degree(n)
    return len(papers_of(G, n)) if n in G else V.degree(n)


def select(V: nx.MultiDiGraph, focus: str | None = None, depth: int = 1, min_degree: int = 0,
           min_papers: int = 0, min_weight: float = 0.0, G: nx.MultiDiGraph | None = None,
           where: str = "this view") -> nx.MultiDiGraph:
    """The part of view ``V`` to draw, VOSviewer's thresholds first:

    * ``min_papers``: nodes with fewer papers (in ``G``, the graph ``V`` was made from)
      are left out (papers themselves count their links);
    * ``min_weight``: links lighter than this are left out;
    * ``min_degree``: then nodes with fewer than this many links are left out, again and
      again until every node left has that many (the k-core), so no node is drawn with
      fewer links than asked for;
    * ``focus``: then only the nodes within ``depth`` hops of that node.

    The focus node is never left out.
    """
    for name, value in (("--depth", depth), ("--min-degree", min_degree), ("--min-papers", min_papers),
                        ("--min-weight", min_weight)):
        if value < 0:
            raise ExportError(f"{name} must be 0 or more, not {value}")
    G = V if G is None else G
    centre = find_node(V, focus, where) if focus is not None else None
    keep = set(V)
    if min_papers > 0:
        keep = {n for n in keep if n == centre or _papers_count(G, V, n) >= min_papers}
    drop_edges = min_weight > 0
    if min_degree > 0 or drop_edges or len(keep) < len(V):
        H = nx.MultiDiGraph()
        H.graph.update(V.graph)
        H.add_nodes_from((n, V.nodes[n]) for n in sorted(keep))
        H.add_edges_from((u, v, k, d) for u, v, k, d in V.edges(keys=True, data=True)
                         if u in keep and v in keep and float(d.get("weight", 1) or 0) >= min_weight)
        if min_degree > 0:
            # peel until stable: removing a node lowers its neighbours' degrees
            und = nx.Graph(H)
            und.remove_edges_from(nx.selfloop_edges(und))
            degree = dict(und.degree())
            queue = [n for n, d in degree.items() if d < min_degree and n != centre]
            gone = set(queue)
            while queue:
                n = queue.pop()
                for m in und[n]:
                    if m in gone:
                        continue
                    degree[m] -= 1
                    if degree[m] < min_degree and m != centre:
                        gone.add(m)
                        queue.append(m)
            H.remove_nodes_from(sorted(gone))
        V = H
    if centre is not None:
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
        if len(keep) < len(V):
            V = V.subgraph(sorted(keep))
    return V


# --- clusters ---------------------------------------------------------------------------


#: Resolution of the cluster detection (modularity's gamma): higher gives more, smaller
#: clusters. 1.0 is plain modularity, what VOSviewer's default also amounts to.
RESOLUTION = 1.0
#: How many of a cluster's members (by weighted degree) name it in the legend.
CLUSTER_NAME_MEMBERS = 3


@dataclass
class Clusters:
    """Leiden clusters of a view: ``of[i]`` is the cluster of node ``i`` (nodes in id
    order), numbered from 0 by size (largest first); ``names`` and ``sizes`` per cluster."""

    of: list[int]
    names: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)


def clusters(ids: list[str], pairs: dict[tuple[int, int], float], strength: list[float], names: list[str],
             resolution: float = RESOLUTION, seed: int = analytics.SEED, namers: list[bool] | None = None) -> Clusters:
    """Leiden clusters (:func:`kg.analytics.leiden`) of nodes ``ids`` linked by the
    weighted undirected ``pairs``; each cluster is named by its
    :data:`CLUSTER_NAME_MEMBERS` members of highest weighted degree ``strength``
    (among those ``namers`` marks, when a cluster has any)."""
    if resolution <= 0:
        raise ExportError(f"--resolution must be above 0, not {resolution}")
    keys = sorted(pairs)
    member = analytics.leiden(len(ids), keys, [pairs[k] for k in keys], resolution, seed)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(member):
        groups[c].append(i)
    ordered = sorted(groups.values(), key=lambda m: (-len(m), ids[m[0]]))
    of = [0] * len(ids)
    out = Clusters(of)
    for ci, members in enumerate(ordered):
        for i in members:
            of[i] = ci
        pool = [i for i in members if namers[i]] if namers is not None else members
        # (nsmallest is sorted()[:k] without sorting a 10,000-member cluster)
        top = heapq.nsmallest(CLUSTER_NAME_MEMBERS, pool or members, key=lambda i: (-strength[i], names[i], ids[i]))
        out.names.append(", ".join(names[i] for i in top))
        out.sizes.append(len(members))
    return out


def node_types_present(labels: list[str]) -> list[str]:
    """The node labels in ``labels``, in the schema's order, unknown ones after."""
    present = set(labels)
    return [lab for lab in NODE_LABELS if lab in present] + sorted(present - set(NODE_LABELS))
