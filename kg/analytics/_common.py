"""What every part of :mod:`kg.analytics` reads: the vocabulary of labels, roles and
projections, and small helpers over a graph's nodes and their papers."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.analytics.errors import AnalyticsError


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
