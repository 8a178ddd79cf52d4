"""Structure of a projection: components, communities (Louvain, Leiden), bridges,
centrality and shortest paths."""

from __future__ import annotations

import heapq
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from kg.analytics._common import (
    MEASURES, METHODS, PATH_LABELS, PROJECTIONS, _SCORE_DIGITS, SEED, SHARED_LABELS, _check, _entity_papers, _label,
    _labels, _name, _names, _of_label, _score_key,
)
from kg.analytics.errors import NoPathError
from kg.analytics.nodes import find_node
from kg.analytics.rows import Bridge, Community, Score, ShortestPath, Step
from kg.graph import NODE_LABELS

# The package's one logger name, as before the split, so log lines keep reading
# "kg.analytics" whichever module writes them.
log = logging.getLogger("kg.analytics")


@dataclass
class _Lean:
    """A projection as plain lists, which is all the structure functions read: its
    nodes in the projection's insertion order, its edges (node indices) in the order
    ``H.edges()`` gives them and their weights. The projections insert nodes in id
    order and edges in sorted order (models before datasets for ``usage``), so feeding
    these lists to igraph or networkx gives what the projection itself would, without
    building a networkx graph of a million attribute-laden edges."""

    nodes: list[str]
    edges: list[tuple[int, int]]
    weights: list[int]

    def strengths(self) -> list[int]:
        out = [0] * len(self.nodes)
        for (i, j), w in zip(self.edges, self.weights):
            out[i] += w
            out[j] += w
        return out

    def degrees(self) -> list[int]:
        out = [0] * len(self.nodes)
        for i, j in self.edges:
            out[i] += 1
            out[j] += 1
        return out

    def igraph(self):
        import igraph as ig

        return ig.Graph(n=len(self.nodes), edges=self.edges)

    def networkx(self) -> nx.Graph:
        H = nx.Graph()
        H.add_nodes_from(self.nodes)
        H.add_weighted_edges_from((self.nodes[i], self.nodes[j], w) for (i, j), w in zip(self.edges, self.weights))
        return H


def _lean_from_pairs(nodes: list[str], pairs: Counter[tuple[int, int]]) -> _Lean:
    edges = sorted(pairs)
    return _Lean(nodes, edges, [pairs[e] for e in edges])


def _lean_cliques(nodes: list[str], groups: Iterable[list[int]]) -> _Lean:
    """Nodes linked by the groups (sorted index lists) they share; weight = groups."""
    pairs: Counter[tuple[int, int]] = Counter()
    for g in groups:
        pairs.update(combinations(g, 2))
    return _lean_from_pairs(nodes, pairs)


def _lean(G: nx.MultiDiGraph, of: str) -> _Lean:
    """The projection ``of`` (see :func:`projection`) as a :class:`_Lean`."""
    _check(of, PROJECTIONS, "projection")
    if of in ("coauthors", "institutions"):
        members = _entity_papers(G, "Author" if of == "coauthors" else "Institution")
        nodes = list(members)  # id order, as _shared_paper_graph inserts them
        by_paper: dict[str, list[int]] = defaultdict(list)
        for i, papers in enumerate(members.values()):
            for p in papers:
                by_paper[p].append(i)
        return _lean_cliques(nodes, by_paper.values())
    if of == "papers":
        nodes = _of_label(G, "Paper")
        index = {p: i for i, p in enumerate(nodes)}
        return _lean_cliques(nodes, _paper_cliques(G, index))
    if of == "usage":
        models, datasets = _entity_papers(G, "Model"), _entity_papers(G, "Dataset")
        nodes = [*models, *datasets]
        by_paper = defaultdict(list)
        for j, papers in enumerate(datasets.values(), len(models)):
            for p in papers:
                by_paper[p].append(j)
        pairs: Counter[tuple[int, int]] = Counter()
        for i, papers in enumerate(models.values()):
            for p in papers:
                pairs.update((i, j) for j in by_paper.get(p, ()))
        return _lean_from_pairs(nodes, pairs)
    # entities: every edge of G between two kept nodes, once per pair, weight 1
    labels = _labels(G)
    nodes = sorted(n for n, lb in labels.items() if lb not in ("Digest", "Category"))
    index = {n: i for i, n in enumerate(nodes)}
    seen: set[tuple[int, int]] = set()
    for u, nbrs in G.succ.items():
        i = index.get(u)
        if i is None:
            continue
        for v in nbrs:
            j = index.get(v)
            if j is not None and i != j:
                seen.add((i, j) if i < j else (j, i))
    edges = sorted(seen)
    return _Lean(nodes, edges, [1] * len(edges))


def _paper_cliques(G: nx.MultiDiGraph, index: dict[str, int]) -> list[list[int]]:
    """For every shared entity of :func:`paper_graph`, its papers (sorted indices)."""
    return [sorted(index[p] for p in papers)
            for label in SHARED_LABELS for papers in _entity_papers(G, label).values()]


def _as_communities(P: _Lean, names: dict[str, str], parts: Iterable[Iterable[int]], method: str, min_size: int,
                    strengths: Sequence[int] | None = None) -> list[Community]:
    """Parts (node indices) as communities: members by weighted degree in the
    projection, then name and id; communities by size, then their first name and id."""
    strength = P.strengths() if strengths is None else strengths
    nodes = P.nodes
    ordered = []
    for part in parts:
        ordered.append(sorted(part, key=lambda i: (-strength[i], names[nodes[i]], nodes[i])))
    ordered.sort(key=lambda ids: (-len(ids), min((names[nodes[i]], nodes[i]) for i in ids)))
    return [
        Community(c, len(ids), tuple(names[nodes[i]] for i in ids), tuple(nodes[i] for i in ids), method)
        for c, ids in enumerate(ordered, 1)
        if len(ids) >= min_size
    ]


def leiden(n: int, edges: Sequence[tuple[int, int]], weights: Sequence[float] | None = None,
           resolution: float = 1.0, seed: int = SEED) -> list[int]:
    """Leiden communities (igraph's C implementation, modularity with ``resolution``)
    of the undirected graph on nodes ``0..n-1``: the community number of each node.
    Deterministic: igraph draws from a generator seeded with ``seed`` (restored after).

    igraph's Leiden takes 2.5 s on 100,000 nodes and 500,000 links where leidenalg's
    takes 12 s, which is what lets ``kg export`` colour a 100k-node map by community.

    Example
    -------
    >>> leiden(6, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])
    [0, 0, 0, 1, 1, 1]
    """
    import random

    import igraph as ig

    if n == 0:
        return []
    g = ig.Graph(n=n, edges=list(edges))
    ig.set_random_number_generator(random.Random(seed))
    try:
        part = g.community_leiden(objective_function="modularity", weights=list(weights) if weights else None,
                                  resolution=resolution, n_iterations=-1 if n <= 20_000 else 2)
    finally:
        ig.set_random_number_generator(random)
    return list(part.membership)


def _detect(P: _Lean, method: str, seed: int, resolution: float) -> tuple[list[list[int]], str]:
    _check(method, METHODS, "method")
    if method in ("auto", "leiden"):
        member = leiden(len(P.nodes), P.edges, P.weights, resolution, seed)
        parts: dict[int, list[int]] = defaultdict(list)
        for i, c in enumerate(member):
            parts[c].append(i)
        return list(parts.values()), "leiden"
    # networkx's Louvain on a graph with the projection's node and edge order (which is
    # all its seeded shuffle and sweeps depend on), so the communities are the same.
    index = {n: i for i, n in enumerate(P.nodes)}
    found = nx.community.louvain_communities(P.networkx(), weight="weight", resolution=resolution, seed=seed)
    return [[index[n] for n in part] for part in found], "louvain"


def _paper_components(G: nx.MultiDiGraph) -> tuple[_Lean, list[list[int]], list[int]]:
    """Components of the papers projection without its edges (a hub author on
    thousands of papers gives millions of pairs): papers that share an entity are one
    component, and a paper's weighted degree is, over its entities, the other papers
    of each."""
    nodes = _of_label(G, "Paper")
    index = {p: i for i, p in enumerate(nodes)}
    parent = list(range(len(nodes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    strength = [0] * len(nodes)
    for group in _paper_cliques(G, index):
        first = root(group[0])
        for i in group:
            strength[i] += len(group) - 1
            r = root(i)
            if r != first:
                parent[r] = first
    parts: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        parts[root(i)].append(i)
    return _Lean(nodes, [], []), list(parts.values()), strength


def components(G: nx.MultiDiGraph, of: str = "entities", min_size: int = 1) -> list[Community]:
    """Connected components of a projection (see :data:`PROJECTIONS`), largest first.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> [c.size for c in components(G, of="coauthors")]
    [10, 7, 7, 4, 4, 4, 4, 3, 2]
    >>> components(G, of="coauthors")[-1].members
    ('H Tang', 'N Sebe')
    """
    _check(of, PROJECTIONS, "projection")
    if of == "papers":
        P, parts, strength = _paper_components(G)
        return _as_communities(P, _names(G), parts, "components", min_size, strength)
    P = _lean(G, of)
    parts: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(P.igraph().connected_components().membership):
        parts[c].append(i)
    return _as_communities(P, _names(G), parts.values(), "components", min_size)


def communities(
    G: nx.MultiDiGraph,
    of: str = "entities",
    method: str = "auto",
    seed: int = SEED,
    resolution: float = 1.0,
    min_size: int = 1,
) -> list[Community]:
    """Communities of a projection: Leiden (igraph's, ``auto`` or ``leiden``) or
    networkx's Louvain (``louvain``), both with a fixed ``seed``. Largest first.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> cs = communities(G, of="coauthors", method="louvain")
    >>> len(cs), cs[0].size, cs[0].method
    (9, 10, 'louvain')
    """
    _check(of, PROJECTIONS, "projection")
    _check(method, METHODS, "method")
    P = _lean(G, of)
    parts, used = _detect(P, method, seed, resolution)
    log.info("%d %s communities in the %s projection", len(parts), used, of)
    return _as_communities(P, _names(G), parts, used, min_size)


def bridges(
    G: nx.MultiDiGraph,
    of: str = "entities",
    k: int | None = None,
    method: str = "auto",
    seed: int = SEED,
    resolution: float = 1.0,
) -> list[Bridge]:
    """Nodes that link communities (as numbered by :func:`communities` with the same
    options): most communities reached first, then heaviest cross links.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> bridges(G, of="coauthors", method="louvain")  # nine separate papers: no bridge
    []
    """
    _check(of, PROJECTIONS, "projection")
    _check(method, METHODS, "method")
    P = _lean(G, of)
    parts, used = _detect(P, method, seed, resolution)
    names = _names(G)
    index = {n: i for i, n in enumerate(P.nodes)}
    where = [0] * len(P.nodes)
    for c in _as_communities(P, names, parts, used, 1):
        for n in c.ids:
            where[index[n]] = c.index
    reach: dict[int, Counter[int]] = defaultdict(Counter)
    for (i, j), w in zip(P.edges, P.weights):
        if where[i] != where[j]:
            reach[i][where[j]] += w
            reach[j][where[i]] += w
    labels = _labels(G)
    rows = []
    for i, r in reach.items():
        n = P.nodes[i]
        rows.append(Bridge(names[n], where[i], tuple(sorted(r)), sum(r.values()), n, labels[n]))
    rows.sort(key=lambda r: (-len(r.reaches), -r.links, r.name, r.id))
    return rows[:k] if k is not None else rows


def _pagerank(P: _Lean, damping: float = 0.85) -> list[float]:
    """Weighted PageRank through igraph (a kg dependency): networkx's own needs scipy,
    which kg does not install. Same definition as ``nx.pagerank`` (isolated nodes
    spread their rank uniformly)."""
    return P.igraph().pagerank(damping=damping, directed=False, weights=P.weights)


def _betweenness(P: _Lean) -> list[float]:
    """``nx.betweenness_centrality(H, normalized=True)`` through igraph's C code (the
    same Brandes algorithm, about 50x faster): igraph counts each unordered pair of
    ends once where networkx counts both orders, then networkx divides by
    (n - 1)(n - 2)."""
    n = len(P.nodes)
    raw = P.igraph().betweenness(directed=False)
    if n < 3:
        return [float(b) for b in raw]
    scale = 1 / ((n - 1) * (n - 2))
    return [2 * b * scale for b in raw]


def centrality(
    G: nx.MultiDiGraph,
    measure: str = "pagerank",
    of: str = "entities",
    label: str | None = None,
    k: int | None = 10,
) -> list[Score]:
    """The ``k`` most central nodes of a projection (of ``label`` only, if given).

    ``degree`` and ``betweenness`` are networkx's normalised, unweighted measures (a
    projection's weights are strengths, which betweenness would read as distances);
    ``pagerank`` follows the weights. All three are computed by igraph or from the
    edge lists, with networkx's definitions.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> [(s.name, round(s.score, 4)) for s in centrality(G, "betweenness", of="institutions", k=2)]
    [('University of Washington', 0.0762), ('Allen Institute for AI', 0.0476)]
    >>> [s.name for s in centrality(G, "degree", of="coauthors", k=3)]  # HammingMesh: ten authors
    ['D D Sensi', 'D Goel', 'J Belk']
    """
    _check(measure, MEASURES, "measure")
    if label is not None:
        _check(label, NODE_LABELS, "label")
    P = _lean(G, of)
    n = len(P.nodes)
    if n == 0:
        return []
    if measure == "degree":
        # nx.degree_centrality: degree / (n - 1), and 1 for a graph of one node
        s = 1.0 / (n - 1.0) if n > 1 else None
        scores = [d * s for d in P.degrees()] if s is not None else [1] * n
    elif measure == "betweenness":
        scores = _betweenness(P)
    else:
        scores = _pagerank(P)
    names, labels = _names(G), _labels(G)
    picked = [i for i, node in enumerate(P.nodes) if label is None or labels[node] == label]
    key = lambda i: (_score_key(scores[i]), names[P.nodes[i]], P.nodes[i])  # noqa: E731
    picked = heapq.nsmallest(k, picked, key=key) if k is not None else sorted(picked, key=key)
    # Rounded like the sort key, so float noise never shows in JSON or CSV either.
    return [Score(r, names[P.nodes[i]], round(float(scores[i]), _SCORE_DIGITS), P.nodes[i], labels[P.nodes[i]], measure)
            for r, i in enumerate(picked, 1)]


def shortest_path(
    G: nx.MultiDiGraph, source: str, target: str, via: Sequence[str] = PATH_LABELS
) -> ShortestPath:
    """A shortest path between two nodes (names or ids, see :func:`find_node`) that
    passes only through nodes labelled ``via``, with the papers along it. Among equally
    short paths the one through the most papers wins, then the one through the
    smallest node ids.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> p = shortest_path(G, "H Su", "W Wang", via=["Paper", "Author", "Institution"])
    >>> print(p)
    H Su -AUTHORED-> Selective Annotation Makes Language Models Better Few-Shot Learners -AFFILIATED_WITH-> University of Washington <-AFFILIATED_WITH- Elaboration-Generating Commonsense Question Answering at Scale <-AUTHORED- W Wang
    >>> p.length, len(p.papers)
    (4, 2)
    >>> print(shortest_path(G, "S Salter", "D Rao"))  # co-authors: via the paper, not DeepMind
    S Salter -AUTHORED-> MO2: Model-Based Offline Options <-AUTHORED- D Rao
    """
    for label in via:
        _check(label, NODE_LABELS, "label")
    a, b = find_node(G, source), find_node(G, target)
    allowed = set(via)

    def ok(n: str) -> bool:
        return n == b or _label(G, n) in allowed

    # Breadth-first, level by level, keeping for every node the best shortest path to
    # it: most papers first (a path through a paper says more than one through a derived
    # Author->Institution edge), then the smallest ids. Paths to a node all have the same
    # length, so extending the best path of each parent and taking the minimum is exact;
    # it also makes the answer independent of the graph's insertion order.
    best: dict[str, tuple[int, tuple[str, ...]]] = {a: (-(_label(G, a) == "Paper"), (a,))}
    level = [a]
    while level and b not in best:
        reached: dict[str, tuple[int, tuple[str, ...]]] = {}
        for n in level:
            score, ids = best[n]
            for m in set(G.successors(n)) | set(G.predecessors(n)):
                if m in best or not ok(m):
                    continue
                cand = (score - (_label(G, m) == "Paper"), ids + (m,))
                if m not in reached or cand < reached[m]:
                    reached[m] = cand
        best.update(reached)
        level = sorted(reached)
    if b not in best:
        raise NoPathError(f"no path between {_name(G, a)!r} and {_name(G, b)!r} through {', '.join(via)}")
    ids = list(best[b][1])
    steps = [Step(a, _label(G, a), _name(G, a))]
    for prev, n in zip(ids, ids[1:]):
        fwd = sorted(G[prev][n]) if G.has_edge(prev, n) else []
        rel, forward = (fwd[0], True) if fwd else (sorted(G[n][prev])[0], False)
        steps.append(Step(n, _label(G, n), _name(G, n), rel, forward))
    papers = tuple(s.name for s in steps if s.label == "Paper")
    return ShortestPath(a, b, len(steps) - 1, tuple(steps), papers)
