"""Projections of a kg graph (co-authors, institutions, model--dataset usage, papers,
entities) as networkx graphs, and the rows of the first three without building them."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

import networkx as nx

from kg.analytics._common import (
    PROJECTIONS, SHARED_LABELS, _check, _entity_papers, _label, _name, _names, _of_label, _rels,
)
from kg.analytics.errors import AnalyticsError
from kg.analytics.nodes import find_node
from kg.analytics.rows import Link


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
