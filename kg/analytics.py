"""Graph analytics: projections, rankings and structure of a kg graph.

Plain functions ``f(G, ...)`` over the NetworkX graph of :mod:`kg.graph` that return
plain data (lists of frozen dataclasses), so a script, the ``kg analyze`` command and
the tests all read the same answer. Every ranking and projection has a twin query in
``cypher/80_analytics.cypher`` that gives the same names and counts on Neo4j.

========================  ==============================================================
Question                  Function
========================  ==============================================================
who writes with whom      :func:`coauthors` (projection :func:`coauthor_graph`)
which institutions        :func:`collaborations` (projection :func:`institution_graph`)
collaborate
which model on which      :func:`usage` (bipartite projection :func:`usage_graph`)
dataset
which papers are alike    :func:`similar_papers` (projection :func:`paper_graph`)
most productive / used    :func:`top` (per category or digest with ``by=``)
what rises over time      :func:`trends` (digests in file-name order are the time axis)
structure                 :func:`components`, :func:`communities`, :func:`bridges`,
                          :func:`centrality`, :func:`shortest_path`
========================  ==============================================================

Answers are deterministic: counts descending, ties broken by name and then node id;
community detection runs with a fixed seed on a graph built in sorted order.

The projection functions return networkx graphs for scripts and ``kg export``; the
questions themselves are answered without them, so that ``kg analyze`` stays within
30 s on a graph of 100k digest entries (bench/bench_analytics.py): rows come from the
pairs of entities on each paper (only the ``k`` asked for are built), and structure from
the projection as plain lists in the projection's own node and edge order, given to
igraph (components, Leiden, PageRank, betweenness) or to networkx's Louvain. The tests
check every answer against networkx on the projections.

The examples run as doctests from the repository root on the seed digests (the
structured digest ``seeds/002_bfb65bf37921ed7f.txt`` holds every author and
institution), or on a small graph built in the example.
"""
from __future__ import annotations

import difflib
import heapq
import logging
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

import networkx as nx

from kg.errors import KgError
from kg.graph import NODE_LABELS
from kg.normalize import normalize

log = logging.getLogger(__name__)

__all__ = [
    # errors
    "AnalyticsError",
    "UnknownNodeError",
    "AmbiguousNodeError",
    "NoPathError",
    # constants
    "RELATIONS",
    "ROLES",
    "PROJECTIONS",
    "MEASURES",
    "METHODS",
    "PATH_LABELS",
    "SEED",
    "SHARED_LABELS",
    "NO_GROUP",
    # rows
    "Link",
    "Similarity",
    "Ranked",
    "Trend",
    "Community",
    "Bridge",
    "Score",
    "Step",
    "ShortestPath",
    # lookup
    "find_node",
    "digests",
    # projections
    "coauthor_graph",
    "institution_graph",
    "usage_graph",
    "paper_graph",
    "entity_graph",
    "projection",
    # rows from projections
    "coauthors",
    "collaborations",
    "usage",
    "similar_papers",
    # rankings
    "top",
    "trends",
    # structure
    "components",
    "communities",
    "bridges",
    "centrality",
    "shortest_path",
    "leiden",
    # pictures
    "plot_ranking",
    "plot_trends",
    "plot_usage",
]


# --- errors ---------------------------------------------------------------------------


class AnalyticsError(KgError):
    """A question the graph cannot answer as asked (bad option, no such digest...)."""


class UnknownNodeError(AnalyticsError):
    """No node has the given name or id; ``suggestions`` holds close names."""

    def __init__(self, ref: str, suggestions: Sequence[str] = ()):
        self.ref = ref
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no node named {ref!r}{hint}")


class AmbiguousNodeError(AnalyticsError):
    """Several nodes share the given name; ``candidates`` holds their ids."""

    def __init__(self, ref: str, candidates: Sequence[str]):
        self.ref = ref
        self.candidates = tuple(candidates)
        super().__init__(f"{ref!r} names {len(self.candidates)} nodes ({', '.join(self.candidates)}); "
                         "give the node id or Label:name")


class NoPathError(AnalyticsError):
    """The two nodes are not connected through the allowed labels."""


# --- constants ------------------------------------------------------------------------

#: For each entity label and role, the relationship types that tie it to its papers.
#: Author edges point Author -> Paper, all others Paper -> entity; only Paper ->
#: Institution counts for institutions (Author -> Institution is derived from it).
RELATIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "Author": {"any": ("AUTHORED",)},
    "Institution": {"any": ("AFFILIATED_WITH",)},
    "Model": {"any": ("PROPOSES", "USES"), "proposed": ("PROPOSES",), "used": ("USES",)},
    "Dataset": {"any": ("INTRODUCES", "EVALUATES_ON"), "proposed": ("INTRODUCES",), "used": ("EVALUATES_ON",)},
    "Category": {"any": ("IN_CATEGORY",)},
    "Digest": {"any": ("APPEARS_IN",)},
}
ROLES = ("any", "proposed", "used")
PROJECTIONS = ("entities", "coauthors", "institutions", "usage", "papers")
MEASURES = ("degree", "betweenness", "pagerank")
METHODS = ("auto", "louvain", "leiden")
#: Labels a path may pass through by default: Digest and Category nodes are hubs that
#: connect every paper of a day or field, so a path through them says nothing.
PATH_LABELS = ("Paper", "Author", "Institution", "Model", "Dataset")
#: Entity labels two papers may share in :func:`paper_graph`.
SHARED_LABELS = ("Author", "Institution", "Model", "Dataset")
#: Fixed seed of community detection, so reruns give the same communities.
SEED = 42
#: Group of papers without a category (``top(..., by="category")``).
NO_GROUP = "(none)"
# Scores are compared at this many decimals when sorting, so floating-point noise in
# PageRank never reorders nodes that are tied in exact arithmetic (ties go by name).
_SCORE_DIGITS = 9


# --- rows -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """An edge of a projection: ``weight`` papers (``via``, by name) link the two."""

    source: str
    target: str
    weight: int
    via: tuple[str, ...]
    source_id: str
    target_id: str


@dataclass(frozen=True)
class Similarity:
    """Two papers that share ``shared`` entities (``via``); ``jaccard`` = shared / union."""

    source: str
    target: str
    shared: int
    jaccard: float
    via: tuple[str, ...]
    source_id: str
    target_id: str


@dataclass(frozen=True)
class Ranked:
    """An entity and its number of papers; ``group`` is the category/digest when grouped."""

    rank: int
    name: str
    papers: int
    id: str
    label: str
    group: str | None = None


@dataclass(frozen=True)
class Trend:
    """Papers of an entity per digest (``counts``, in time order), and the change
    ``delta`` from digest ``before`` to digest ``after``."""

    name: str
    delta: int
    counts: dict[str, int]
    before: str
    after: str
    id: str
    label: str


@dataclass(frozen=True)
class Community:
    """A community (or connected component), numbered from 1 by size; ``members`` are
    names, most connected first, ``ids`` the matching node ids."""

    index: int
    size: int
    members: tuple[str, ...]
    ids: tuple[str, ...]
    method: str


@dataclass(frozen=True)
class Bridge:
    """A node of ``community`` with edges into the other communities ``reaches``;
    ``links`` is the summed weight of those edges."""

    name: str
    community: int
    reaches: tuple[int, ...]
    links: int
    id: str
    label: str


@dataclass(frozen=True)
class Score:
    """A centrality score (networkx's normalised definitions)."""

    rank: int
    name: str
    score: float
    id: str
    label: str
    measure: str


@dataclass(frozen=True)
class Step:
    """One node of a path; ``rel`` links it to the previous step, ``forward`` says the
    relationship points from the previous step to this one."""

    id: str
    label: str
    name: str
    rel: str | None = None
    forward: bool | None = None


@dataclass(frozen=True)
class ShortestPath:
    """A shortest path: its ``steps`` from source to target and the ``papers`` (names)
    along it, in order."""

    source: str
    target: str
    length: int
    steps: tuple[Step, ...]
    papers: tuple[str, ...]

    def __str__(self) -> str:
        out = self.steps[0].name
        for s in self.steps[1:]:
            out += f" -{s.rel}-> {s.name}" if s.forward else f" <-{s.rel}- {s.name}"
        return out


# --- small helpers --------------------------------------------------------------------


def _label(G: nx.Graph, n: str) -> str:
    return G.nodes[n].get("label") or n.split(":", 1)[0]


def _name(G: nx.Graph, n: str) -> str:
    return G.nodes[n].get("name") or n


def _order(G: nx.Graph, n: str) -> tuple[str, str]:
    return (_name(G, n), n)


def _of_label(G: nx.Graph, label: str) -> list[str]:
    return sorted(n for n in G if _label(G, n) == label)


def _check(value: str, allowed: Iterable[str], what: str) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        raise AnalyticsError(f"unknown {what} {value!r} (choose from {', '.join(allowed)})")
    return value


def _rels(label: str, role: str) -> tuple[str, ...]:
    _check(label, RELATIONS, "label")
    _check(role, ROLES, "role")
    by_role = RELATIONS[label]
    if role not in by_role:
        raise AnalyticsError(f"{label} has no role {role!r}; only models and datasets are proposed or used")
    return by_role[role]


def _labels(G: nx.Graph) -> dict[str, str]:
    """Every node's label (as :func:`_label` reads it), in one pass."""
    return {n: d.get("label") or n.split(":", 1)[0] for n, d in G.nodes(data=True)}


def _names(G: nx.Graph) -> dict[str, str]:
    """Every node's name (as :func:`_name` reads it), in one pass."""
    return {n: d.get("name") or n for n, d in G.nodes(data=True)}


def _papers_of(G: nx.MultiDiGraph, n: str, rels: tuple[str, ...]) -> set[str]:
    """Papers tied to ``n`` by one of ``rels``, in either direction."""
    papers = {u for u, _, k in G.in_edges(n, keys=True) if k in rels and _label(G, u) == "Paper"}
    papers.update(v for _, v, k in G.out_edges(n, keys=True) if k in rels and _label(G, v) == "Paper")
    return papers


def _entity_papers(G: nx.MultiDiGraph, label: str, role: str = "any") -> dict[str, set[str]]:
    """Every ``label`` node with at least one paper, mapped to its papers."""
    rels = _rels(label, role)
    labels = _labels(G)
    # What _papers_of gives for each node, read off the adjacency dicts directly: on a
    # 100k-entry graph the edge views cost seconds per label.
    pred, succ = G.pred, G.succ
    out = {}
    for n in sorted(n for n, lb in labels.items() if lb == label):
        papers = {u for u, keys in pred[n].items() if labels[u] == "Paper" and any(r in keys for r in rels)}
        papers.update(v for v, keys in succ[n].items() if labels[v] == "Paper" and any(r in keys for r in rels))
        if papers:
            out[n] = papers
    return out


def _score_key(score: float) -> float:
    return -round(score, _SCORE_DIGITS)


# --- lookup ---------------------------------------------------------------------------


def find_node(G: nx.Graph, ref: str, label: str | None = None) -> str:
    """The id of the node that ``ref`` names, by one rule for every command (``kg
    analyze --author X`` and ``kg export --focus X`` pick the same node):

    1. a node id (``Author:y bengio``);
    2. ``Label:name`` narrows the search to that label;
    3. a node whose name is ``ref`` exactly, else whose normalised name (or key) is
       the normalised ``ref``;
    4. else the one node whose normalised name contains the normalised ``ref``.

    Raises :class:`UnknownNodeError` (with close names) or :class:`AmbiguousNodeError`.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> find_node(G, "Y Bengio"), find_node(G, "eth zurich"), find_node(G, "Category:LG")
    ('Author:y bengio', 'Institution:eth-zurich', 'Category:LG')
    >>> find_node(G, "network topology")  # the one name that contains it
    'Paper:2209.01346'
    """
    if ref in G and (label is None or _label(G, ref) == label):
        return ref
    text = ref
    prefix, sep, rest = ref.partition(":")
    if sep and prefix in NODE_LABELS and (label is None or label == prefix):
        label, text = prefix, rest.strip()
    pool = [n for n in sorted(G) if label is None or _label(G, n) == label]
    hits = [n for n in pool if _name(G, n) == text]
    want = normalize(text)
    if not hits:
        hits = [n for n in pool if normalize(_name(G, n)) == want or G.nodes[n].get("key") == text]
    if not hits and want:
        hits = [n for n in pool if want in normalize(_name(G, n))]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousNodeError(ref, hits)
    names = sorted({_name(G, n) for n in pool})
    raise UnknownNodeError(ref, difflib.get_close_matches(text, names, n=3, cutoff=0.6))


def digests(G: nx.Graph) -> list[str]:
    """Digest keys (file names) in time order: digests are named so that file-name order
    is publication order.

    Examples
    --------
    >>> import kg
    >>> digests(kg.build_graph(["seeds/"]))[:2]
    ['000_7134717fd6eec110.txt', '001_534fdd139920522d.txt']
    """
    return sorted(G.nodes[n].get("key") or n.split(":", 1)[1] for n in _of_label(G, "Digest"))


def _digest(G: nx.Graph, ref: str) -> str:
    """A digest key from its key, id, or a unique prefix of its key (``"002"``)."""
    keys = digests(G)
    ref = ref[len("Digest:"):] if ref.startswith("Digest:") else ref
    if ref in keys:
        return ref
    hits = [k for k in keys if k.startswith(ref)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousNodeError(ref, [f"Digest:{k}" for k in hits])
    raise AnalyticsError(f"no digest {ref!r} (digests: {', '.join(keys) or 'none'})")


def _category(G: nx.Graph, ref: str) -> str:
    return find_node(G, ref, "Category")


# --- projections ----------------------------------------------------------------------


def _copy_node(H: nx.Graph, G: nx.Graph, n: str, **extra) -> None:
    d = G.nodes[n]
    H.add_node(n, label=_label(G, n), key=d.get("key", n.split(":", 1)[-1]), name=_name(G, n), **extra)


def _shared_paper_graph(G: nx.MultiDiGraph, label: str) -> nx.Graph:
    """``label`` nodes linked when they share a paper; ``weight`` = shared papers."""
    members = _entity_papers(G, label)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_paper: dict[str, list[str]] = defaultdict(list)
    for n, papers in members.items():  # members is in id order, so each list is sorted
        for p in papers:
            by_paper[p].append(n)
    for p, ns in by_paper.items():
        for a, b in combinations(ns, 2):
            pairs[a, b].add(p)
    H = nx.Graph(projection=label)
    for n in members:  # sorted insertion keeps Louvain's node order, hence its result, fixed
        _copy_node(H, G, n, papers=len(members[n]))
    for (a, b), papers in sorted(pairs.items()):
        H.add_edge(a, b, weight=len(papers), via=tuple(sorted(papers)))
    return H


def coauthor_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Authors linked by the papers they wrote together (``weight`` = shared papers,
    ``via`` = their ids); every author with a paper is a node.

    Examples
    --------
    >>> import kg
    >>> H = coauthor_graph(kg.build_graph(["seeds/"]))
    >>> H.number_of_nodes(), H.number_of_edges()
    (45, 115)
    >>> H.edges["Author:y bengio", "Author:n malkin"]["weight"]
    1
    """
    return _shared_paper_graph(G, "Author")


def institution_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Institutions linked by the papers that name both (``weight`` = shared papers).

    Examples
    --------
    >>> import kg
    >>> H = institution_graph(kg.build_graph(["seeds/"]))
    >>> sorted(H["Institution:eth-zurich"])  # HammingMesh (with Microsoft), and Trento
    ['Institution:microsoft', 'Institution:university-of-trento']
    """
    return _shared_paper_graph(G, "Institution")


def usage_graph(G: nx.MultiDiGraph, model_role: str = "any", dataset_role: str = "any") -> nx.Graph:
    """The bipartite model--dataset graph: a model and a dataset are linked when a paper
    has both (``weight`` = such papers). Model nodes have ``bipartite=0``, datasets 1.

    ``model_role`` / ``dataset_role`` keep only proposed (``PROPOSES``/``INTRODUCES``) or
    used (``USES``/``EVALUATES_ON``) ties.

    Examples
    --------
    >>> from kg.graph import new_graph
    >>> G = new_graph()
    >>> for n in ("Paper:p1", "Paper:p2", "Model:bert", "Dataset:squad", "Dataset:glue"):
    ...     G.add_node(n, label=n.split(":")[0], key=n.split(":")[1], name=n.split(":")[1].upper())
    >>> G.add_edge("Paper:p1", "Model:bert", key="PROPOSES")
    'PROPOSES'
    >>> G.add_edge("Paper:p2", "Model:bert", key="USES")
    'USES'
    >>> for p, d in (("p1", "glue"), ("p2", "glue"), ("p2", "squad")):
    ...     _ = G.add_edge(f"Paper:{p}", f"Dataset:{d}", key="EVALUATES_ON")
    >>> H = usage_graph(G)
    >>> H.edges["Model:bert", "Dataset:glue"]["weight"], H.edges["Model:bert", "Dataset:squad"]["weight"]
    (2, 1)
    >>> usage_graph(G, model_role="proposed").number_of_edges()
    1
    """
    models = _entity_papers(G, "Model", model_role)
    datasets = _entity_papers(G, "Dataset", dataset_role)
    by_paper: dict[str, list[str]] = defaultdict(list)
    for d, papers in datasets.items():
        for p in papers:
            by_paper[p].append(d)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m, papers in models.items():
        for p in papers:
            for d in by_paper.get(p, ()):
                pairs[m, d].add(p)
    H = nx.Graph(projection="usage")
    for m in models:
        _copy_node(H, G, m, bipartite=0, papers=len(models[m]))
    for d in datasets:
        _copy_node(H, G, d, bipartite=1, papers=len(datasets[d]))
    for (m, d), papers in sorted(pairs.items()):
        H.add_edge(m, d, weight=len(papers), via=tuple(sorted(papers)))
    return H


def paper_graph(G: nx.MultiDiGraph, labels: Sequence[str] = SHARED_LABELS) -> nx.Graph:
    """Papers linked by the entities they share (authors, institutions, models, datasets
    by default): ``weight`` = shared entities, ``jaccard`` = shared / union, ``via`` =
    the shared entity ids.

    Examples
    --------
    >>> import kg
    >>> H = paper_graph(kg.build_graph(["seeds/"]), labels=["Institution"])
    >>> H.edges["Paper:2209.01232", "Paper:2209.01975"]["via"]  # Elaboration..., Selective Annotation...
    ('Institution:university-of-washington',)
    """
    for label in labels:
        _check(label, SHARED_LABELS, "label")
    entities_of: dict[str, set[str]] = defaultdict(set)
    by_entity: dict[str, list[str]] = {}
    for label in labels:
        for e, papers in _entity_papers(G, label).items():
            by_entity[e] = sorted(papers)
            for p in papers:
                entities_of[p].add(e)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e, papers in by_entity.items():
        for a, b in combinations(papers, 2):
            pairs[a, b].add(e)
    H = nx.Graph(projection="papers")
    for p in _of_label(G, "Paper"):
        _copy_node(H, G, p)
    for (a, b), shared in sorted(pairs.items()):
        union = len(entities_of[a] | entities_of[b])
        H.add_edge(a, b, weight=len(shared), jaccard=len(shared) / union, union=union, via=tuple(sorted(shared)))
    return H


def entity_graph(G: nx.MultiDiGraph, exclude: Sequence[str] = ("Digest", "Category")) -> nx.Graph:
    """The whole graph as a simple undirected graph, without the hub labels in
    ``exclude`` (every paper of a digest or a field would otherwise be two hops apart).
    ``types`` on an edge lists the relationship types between the two nodes.

    Examples
    --------
    >>> import kg
    >>> H = entity_graph(kg.build_graph(["seeds/"]))
    >>> sorted(H["Author:y bengio"])
    ['Paper:2209.02606']
    """
    H = nx.Graph(projection="entities")
    keep = [n for n in sorted(G) if _label(G, n) not in exclude]
    for n in keep:
        _copy_node(H, G, n)
    types: dict[tuple[str, str], set[str]] = defaultdict(set)
    for u, v, k in G.edges(keys=True):
        if u in H and v in H and u != v:
            types[min(u, v), max(u, v)].add(k)
    for (u, v), ks in sorted(types.items()):
        H.add_edge(u, v, weight=1, types=tuple(sorted(ks)))
    return H


def projection(G: nx.MultiDiGraph, of: str = "entities") -> nx.Graph:
    """The projection named ``of`` (one of :data:`PROJECTIONS`).

    Examples
    --------
    >>> import kg
    >>> projection(kg.build_graph(["seeds/"]), "institutions").number_of_nodes()
    16
    """
    _check(of, PROJECTIONS, "projection")
    return {
        "entities": entity_graph,
        "coauthors": coauthor_graph,
        "institutions": institution_graph,
        "usage": usage_graph,
        "papers": paper_graph,
    }[of](G)


# --- rows from projections ------------------------------------------------------------


def _shared_pairs(members: dict[str, set[str]], focus: str | None = None) -> dict[tuple[str, str], list[str]]:
    """The edges of :func:`_shared_paper_graph` without the graph: ``{(a, b): papers}``,
    ``a`` before ``b`` in id order; with ``focus``, only its edges, as ``(focus, other)``."""
    by_paper: dict[str, list[str]] = defaultdict(list)
    for n, papers in members.items():  # members is in id order, so each list is sorted
        for p in papers:
            by_paper[p].append(n)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    if focus is not None:
        for p in members.get(focus, ()):
            for m in by_paper[p]:
                if m != focus:
                    pairs[focus, m].append(p)
        return pairs
    for p, ns in by_paper.items():  # a member is listed once per paper: no paper twice in a pair
        for a, b in combinations(ns, 2):
            pairs[a, b].append(p)
    return pairs


def _usage_pairs(G: nx.MultiDiGraph, model_role: str, dataset_role: str, model: str | None = None,
                 dataset: str | None = None) -> dict[tuple[str, str], list[str]]:
    """The edges of :func:`usage_graph` without the graph: ``{(model, dataset): papers}``,
    only those of ``model`` or ``dataset`` when given."""
    models = _entity_papers(G, "Model", model_role)
    datasets = _entity_papers(G, "Dataset", dataset_role)
    by_paper: dict[str, list[str]] = defaultdict(list)
    for d, papers in datasets.items():
        if dataset is None or d == dataset:
            for p in papers:
                by_paper[p].append(d)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m, papers in models.items():
        if model is None or m == model:
            for p in papers:
                for d in by_paper.get(p, ()):
                    pairs[m, d].append(p)
    return pairs


def _pair_rows(G: nx.MultiDiGraph, pairs: dict[tuple[str, str], list[str]], k: int | None, ordered: bool) -> list[Link]:
    """Rows of ``pairs`` as :func:`_links` makes them from a projection, heaviest first.
    Unless ``ordered`` (a focus, or model -> dataset) each pair reads in name order.
    Only the ``k`` rows asked for are built: a 100k-entry graph has a million pairs."""
    names = _names(G)

    def orient(a: str, b: str) -> tuple[str, str]:
        return (a, b) if ordered or (names[a], a) <= (names[b], b) else (b, a)

    def key(item: tuple[tuple[str, str], list[str]]) -> tuple:
        a, b = orient(*item[0])
        return (-len(item[1]), names[a], names[b], a, b)

    chosen = heapq.nsmallest(k, pairs.items(), key=key) if k is not None else sorted(pairs.items(), key=key)
    rows = []
    for (a, b), papers in chosen:
        a, b = orient(a, b)
        rows.append(Link(names[a], names[b], len(papers), tuple(sorted(names[p] for p in papers)), a, b))
    return rows


def coauthors(G: nx.MultiDiGraph, k: int | None = None, author: str | None = None) -> list[Link]:
    """Co-author pairs, most shared papers first (``via`` = the paper names); with
    ``author`` (name or id), only that author's co-authors.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> [(r.target, r.weight) for r in coauthors(G, author="Y Bengio")]
    [('D Zhang', 1), ('N Malkin', 1), ('R T. Q. Chen', 1)]
    >>> coauthors(G, author="Y Bengio")[0].via
    ('Unifying Generative Models with GFlowNets',)
    """
    focus = find_node(G, author, "Author") if author else None
    return _pair_rows(G, _shared_pairs(_entity_papers(G, "Author"), focus), k, focus is not None)


def collaborations(G: nx.MultiDiGraph, k: int | None = None, institution: str | None = None) -> list[Link]:
    """Institution pairs named on the same papers, most shared papers first; with
    ``institution``, only its partners.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> [(r.source, r.target, r.weight) for r in collaborations(G, institution="University of Trento")]
    [('University of Trento', 'ETH Zurich', 1)]
    """
    focus = find_node(G, institution, "Institution") if institution else None
    return _pair_rows(G, _shared_pairs(_entity_papers(G, "Institution"), focus), k, focus is not None)


def usage(
    G: nx.MultiDiGraph,
    k: int | None = None,
    model_role: str = "any",
    dataset_role: str = "any",
    model: str | None = None,
    dataset: str | None = None,
) -> list[Link]:
    """Model (``source``) -- dataset (``target``) pairs by the papers that have both;
    ``model`` or ``dataset`` keeps one model's datasets or one dataset's models.

    Examples
    --------
    >>> from kg.graph import new_graph
    >>> G = new_graph()
    >>> for n in ("Paper:p1", "Paper:p2", "Model:bert", "Dataset:squad", "Dataset:glue"):
    ...     G.add_node(n, label=n.split(":")[0], key=n.split(":")[1], name=n.split(":")[1].upper())
    >>> for p, e, rel in (("p1", "Model:bert", "PROPOSES"), ("p2", "Model:bert", "USES"),
    ...                   ("p1", "Dataset:glue", "EVALUATES_ON"), ("p2", "Dataset:glue", "EVALUATES_ON"),
    ...                   ("p2", "Dataset:squad", "INTRODUCES")):
    ...     _ = G.add_edge(f"Paper:{p}", e, key=rel)
    >>> [(r.source, r.target, r.weight) for r in usage(G)]
    [('BERT', 'GLUE', 2), ('BERT', 'SQUAD', 1)]
    >>> [(r.source, r.target, r.weight) for r in usage(G, dataset_role="used", model="bert")]
    [('BERT', 'GLUE', 2)]
    """
    if model and dataset:
        raise AnalyticsError("give model or dataset, not both")
    _rels("Model", model_role), _rels("Dataset", dataset_role)
    m = find_node(G, model, "Model") if model else None
    d = find_node(G, dataset, "Dataset") if dataset else None
    # Pairs read model -> dataset; with one dataset fixed, ordering by the model's name
    # is the same as the projection's order from the dataset's side.
    return _pair_rows(G, _usage_pairs(G, model_role, dataset_role, m, d), k, ordered=True)


def similar_papers(
    G: nx.MultiDiGraph, k: int | None = None, paper: str | None = None, labels: Sequence[str] = SHARED_LABELS
) -> list[Similarity]:
    """Paper pairs by shared entities (then Jaccard); with ``paper``, its neighbours.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> for r in similar_papers(G, paper="2209.01232", labels=["Institution"]):
    ...     print(r.target[:30], r.via, round(r.jaccard, 3))
    Analyzing Transformers in Embe ('Allen Institute for AI',) 0.333
    Selective Annotation Makes Lan ('University of Washington',) 0.167
    """
    for label in labels:
        _check(label, SHARED_LABELS, "label")
    # What _entity_papers gives per label, in one pass over the edges instead of one
    # lookup per entity (the pass is most of the time on a large graph).
    rels = {label: set(_rels(label, "any")) for label in labels}
    papers_of: dict[str, set[str]] = defaultdict(set)
    for u, v, rel in G.edges(keys=True):
        lu, lv = _label(G, u), _label(G, v)
        if lu == "Paper" and lv in rels and rel in rels[lv]:
            papers_of[v].add(u)
        elif lv == "Paper" and lu in rels and rel in rels[lu]:
            papers_of[u].add(v)
    entities_of: dict[str, set[str]] = defaultdict(set)
    for e, papers in papers_of.items():
        for p in papers:
            entities_of[p].add(e)
    if paper:
        focus = find_node(G, paper, "Paper")
        # Only the papers that share something with the focus: no pair enumeration at all.
        shared_with: dict[str, set[str]] = defaultdict(set)
        for e in entities_of.get(focus, ()):
            for q in papers_of[e]:
                if q != focus:
                    shared_with[q].add(e)
        pairs = {(focus, q): shared for q, shared in shared_with.items()}
    elif k is None:
        pairs = _overlaps(papers_of, entities_of, 1)
    else:
        pairs = _top_overlaps(papers_of, entities_of, k)
    rows = []
    for (u, v), shared in pairs.items():
        a, b = (u, v) if paper else sorted((u, v), key=lambda n: _order(G, n))
        union = len(entities_of[a]) + len(entities_of[b]) - len(shared)
        via = tuple(sorted(_name(G, x) for x in shared))
        # Round the exact fraction (half to even), not the float: a float just above a
        # rounding tie would round up where Neo4j's round(x, 6, 'HALF_EVEN') does not.
        jac = float(round(Fraction(len(shared), union), 6))
        rows.append(Similarity(_name(G, a), _name(G, b), len(shared), jac, via, a, b))
    rows.sort(key=lambda r: (-r.shared, -r.jaccard, r.source, r.target, r.source_id, r.target_id))
    return rows[:k] if k is not None else rows


def _top_overlaps(papers_of: dict[str, set[str]], entities_of: dict[str, set[str]], k: int
                  ) -> dict[tuple[str, str], set[str]]:
    """Every pair sharing at least ``t`` entities, for the largest ``t`` that gives ``k``
    pairs or more: the top ``k`` by shared entities are among them, ties included."""
    if k <= 0:
        return {}
    t = max((len(es) for es in entities_of.values()), default=1)
    while True:
        pairs = _overlaps(papers_of, entities_of, t)
        if len(pairs) >= k or t == 1:
            return pairs
        t = max(1, t // 2) if len(pairs) == 0 else t - 1


def _overlaps(papers_of: dict[str, set[str]], entities_of: dict[str, set[str]], t: int
              ) -> dict[tuple[str, str], set[str]]:
    """{(paper, paper): shared entities} for every pair sharing at least ``t``.

    Prefix filtering (the set-similarity join): order entities rarest first; two papers
    sharing ``t`` entities share one among the first ``size - t + 1`` of each, so only
    those are indexed. For ``t`` >= 2 the hubs (an author on thousands of papers) drop
    out of the candidate pairs, which is what makes this sparse instead of quadratic in
    the hubs' sizes; candidates are then checked by intersecting their entity sets.
    """
    rank = {e: i for i, e in enumerate(sorted(papers_of, key=lambda e: (len(papers_of[e]), e)))}
    index: dict[str, list[str]] = defaultdict(list)
    pairs: dict[tuple[str, str], set[str]] = {}
    for p in sorted(entities_of):
        es = entities_of[p]
        if len(es) < t:
            continue
        prefix = sorted(es, key=rank.__getitem__)[: len(es) - t + 1]
        candidates: set[str] = set()
        for e in prefix:
            candidates.update(index[e])
            index[e].append(p)
        for q in candidates:
            shared = es & entities_of[q]
            if len(shared) >= t:
                pairs[(q, p) if q < p else (p, q)] = shared
    return pairs


# --- rankings -------------------------------------------------------------------------


def _paper_groups(G: nx.MultiDiGraph, by: str) -> dict[str, list[str]]:
    rel = {"category": "IN_CATEGORY", "digest": "APPEARS_IN"}[by]
    nodes, succ = G.nodes, G.succ
    groups: dict[str, list[str]] = {}
    for p in _of_label(G, "Paper"):
        keys = sorted(nodes[v].get("key", v) for v, rels in succ[p].items() if rel in rels)
        groups[p] = keys or [NO_GROUP]
    return groups


def _paper_filter(G: nx.MultiDiGraph, category: str | None, digest: str | None) -> set[str] | None:
    if category is None and digest is None:
        return None
    keep = set(_of_label(G, "Paper"))
    if category is not None:
        keep &= _papers_of(G, _category(G, category), ("IN_CATEGORY",))
    if digest is not None:
        keep &= _papers_of(G, f"Digest:{_digest(G, digest)}", ("APPEARS_IN",))
    return keep


def top(
    G: nx.MultiDiGraph,
    label: str,
    k: int | None = 10,
    role: str = "any",
    by: str | None = None,
    category: str | None = None,
    digest: str | None = None,
) -> list[Ranked]:
    """The ``label`` entities with the most papers: most productive authors and
    institutions, most proposed or used (``role``) models and datasets.

    ``by="category"`` or ``"digest"`` ranks within each group (top ``k`` of each);
    ``category`` / ``digest`` keep only the papers of one category or digest (a digest
    may be given by a prefix of its file name, such as ``"002"``).

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> [(r.name, r.papers) for r in top(G, "Category")]
    [('LG', 4), ('CL', 3), ('CV', 2)]
    >>> [(r.group, r.name, r.papers) for r in top(G, "Institution", k=1, by="category") if r.group == "CV"]
    [('CV', 'ETH Zurich', 1)]
    >>> [(r.name, r.papers) for r in top(G, "Author", k=2, category="CL")]
    [('A Gupta', 1), ('C H Wu', 1)]
    """
    if by is not None:
        _check(by, ("category", "digest"), "grouping")
    keep = _paper_filter(G, category, digest)
    groups = _paper_groups(G, by) if by else None
    counts: dict[str | None, Counter[str]] = defaultdict(Counter)
    for n, papers in _entity_papers(G, label, role).items():
        if keep is not None:
            papers = papers & keep
        for p in papers:
            for g in groups[p] if groups else (None,):
                counts[g][n] += 1
    rows: list[Ranked] = []
    # NO_GROUP sorts last: "(none)" would otherwise come before every real key.
    for g in sorted(counts, key=lambda g: (g == NO_GROUP, g or "")):
        ranked = sorted(counts[g].items(), key=lambda t: (-t[1], *_order(G, t[0])))
        for i, (n, c) in enumerate(ranked[:k] if k is not None else ranked, 1):
            rows.append(Ranked(i, _name(G, n), c, n, label, g))
    return rows


def trends(
    G: nx.MultiDiGraph,
    label: str,
    k: int | None = None,
    role: str = "any",
    between: tuple[str, str] | None = None,
) -> list[Trend]:
    """Papers per digest for every ``label`` entity, and what rose most from one digest
    to another (the last two by default; ``between=(before, after)`` picks a pair, by
    digest key or a prefix of it). Biggest rise first, then most papers in ``after``.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> rows = trends(G, "Category", between=("001", "002"))
    >>> [(r.name, r.delta) for r in rows]
    [('LG', 4), ('CL', 3), ('CV', 2)]
    >>> rows[0].counts["002_bfb65bf37921ed7f.txt"], rows[0].counts["003_304ae837892ed2f2.txt"]
    (4, 0)
    """
    keys = digests(G)
    if between is None:
        if len(keys) < 2:
            raise AnalyticsError(f"trends need two digests; the graph has {len(keys)}")
        before, after = keys[-2], keys[-1]
    else:
        before, after = _digest(G, between[0]), _digest(G, between[1])
    groups = _paper_groups(G, "digest")
    names = _names(G)
    # Rank on the two digests compared, then count every digest only for the rows kept:
    # a row's counts have one entry per digest, and thousands of digests times thousands
    # of entities is gigabytes (12 GiB for bench's 100k entries, 8,041 digests).
    ranked = []
    for n, papers in _entity_papers(G, label, role).items():
        b = a = 0
        for p in papers:
            b += groups[p].count(before)
            a += groups[p].count(after)
        ranked.append((-(a - b), -a, names[n], n, papers))
    ranked.sort(key=lambda t: t[:4])
    rows = []
    for neg_delta, _, name, n, papers in ranked[:k] if k is not None else ranked:
        per = Counter(g for p in papers for g in groups[p])
        rows.append(Trend(name, -neg_delta, {d: per.get(d, 0) for d in keys}, before, after, n, label))
    return rows


# --- structure ------------------------------------------------------------------------


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


# --- pictures -------------------------------------------------------------------------
# matplotlib's object API with the Agg canvas: no pyplot, so no global backend switch
# and no window, whatever the caller's matplotlib configuration.


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=120, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _save(fig, path: str | os.PathLike[str]) -> str:
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    try:
        # No "Software" stamp, so the same rows give the same bytes for any matplotlib.
        fig.savefig(path, metadata={"Software": None} if path.lower().endswith(".png") else None)
    except (OSError, ValueError) as e:
        raise AnalyticsError(f"{path}: cannot write the picture ({e})") from None
    log.info("wrote %s", path)
    return path


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def plot_ranking(rows: Sequence[Ranked | Score], path: str | os.PathLike[str], title: str | None = None) -> str:
    """A horizontal bar chart of :func:`top` or :func:`centrality` rows (grouped rows
    are labelled ``group · name``); returns the path written."""
    if not rows:
        raise AnalyticsError("nothing to plot: no rows")
    names = [(f"{r.group} · " if getattr(r, "group", None) else "") + _short(r.name) for r in rows]
    values = [r.papers if isinstance(r, Ranked) else r.score for r in rows]
    fig = _figure(8, 1.2 + 0.32 * len(rows))
    ax = fig.add_subplot()
    ax.barh(range(len(rows)), values, color="#4C72B0")
    ax.set_yticks(range(len(rows)), names)
    ax.invert_yaxis()  # rank 1 on top
    first = rows[0]
    ax.set_xlabel("papers" if isinstance(first, Ranked) else f"{first.measure} centrality")
    if isinstance(first, Ranked):
        ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title or (f"Top {first.label.lower()}s" if isinstance(first, Ranked) else "Centrality"))
    return _save(fig, path)


def plot_trends(rows: Sequence[Trend], path: str | os.PathLike[str], title: str | None = None) -> str:
    """Papers per digest of :func:`trends` rows, one line per entity."""
    if not rows:
        raise AnalyticsError("nothing to plot: no rows")
    keys = list(rows[0].counts)
    fig = _figure(9, 5)
    ax = fig.add_subplot()
    for r in rows:
        ax.plot(range(len(keys)), [r.counts[d] for d in keys], marker="o", label=f"{_short(r.name, 30)} ({r.delta:+d})")
    # Digest file names start with their sequence number; the hash after it is noise here.
    ax.set_xticks(range(len(keys)), [d.split("_", 1)[0] for d in keys])
    ax.set_xlabel("digest")
    ax.set_ylabel("papers")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_title(title or f"{rows[0].label}s per digest (change {rows[0].before.split('_')[0]} → {rows[0].after.split('_')[0]})")
    return _save(fig, path)


def plot_usage(rows: Sequence[Link], path: str | os.PathLike[str], title: str | None = None) -> str:
    """A model x dataset heat map of :func:`usage` rows (cell = papers with both)."""
    if not rows:
        raise AnalyticsError("nothing to plot: no model is linked to a dataset")
    models = sorted({r.source for r in rows}, key=lambda m: (-sum(r.weight for r in rows if r.source == m), m))
    datasets = sorted({r.target for r in rows}, key=lambda d: (-sum(r.weight for r in rows if r.target == d), d))
    cell = {(r.source, r.target): r.weight for r in rows}
    grid = [[cell.get((m, d), 0) for d in datasets] for m in models]
    fig = _figure(max(6.0, 3.5 + 0.45 * len(datasets)), max(4.0, 2.5 + 0.35 * len(models)))
    ax = fig.add_subplot()
    image = ax.imshow(grid, cmap="Blues", vmin=0, aspect="auto")
    ax.set_xticks(range(len(datasets)), [_short(d, 25) for d in datasets], rotation=45, ha="right")
    ax.set_yticks(range(len(models)), [_short(m, 30) for m in models])
    top_value = max(max(row) for row in grid)
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            if v:
                ax.text(j, i, str(v), ha="center", va="center", color="white" if v > top_value / 2 else "black")
    from matplotlib.ticker import MaxNLocator

    fig.colorbar(image, ax=ax, label="papers", ticks=MaxNLocator(integer=True))
    ax.set_xlabel("dataset")
    ax.set_ylabel("model")
    ax.set_title(title or "Which model on which dataset")
    return _save(fig, path)
