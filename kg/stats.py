"""Summary figures of a graph: counts per label and type, and the top entities."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.graph import counts

__all__ = ["Stats", "graph_stats", "TOP_RELATIONS"]

#: For each label, the relationship types whose paper-count ranks it in "top entities".
TOP_RELATIONS = {
    "Author": ("AUTHORED",),
    "Institution": ("AFFILIATED_WITH",),
    "Model": ("PROPOSES", "USES"),
    "Dataset": ("INTRODUCES", "EVALUATES_ON"),
    "Category": ("IN_CATEGORY",),
}


@dataclass(frozen=True)
class Stats:
    nodes: dict[str, int]
    edges: dict[str, int]
    top: dict[str, list[tuple[str, int]]]

    def to_dict(self) -> dict:
        return {"nodes": self.nodes, "edges": self.edges, "top": {k: [list(x) for x in v] for k, v in self.top.items()}}


def graph_stats(G: nx.MultiDiGraph, k: int = 5) -> Stats:
    """Counts plus the ``k`` entities of each label with the most papers.

    Ties are broken by name so the answer is deterministic.
    """
    c = counts(G)
    top: dict[str, list[tuple[str, int]]] = {}
    for label, rels in TOP_RELATIONS.items():
        scores: list[tuple[str, int]] = []
        for n, d in G.nodes(data=True):
            if d.get("label") != label:
                continue
            papers = set()
            for u, v, key in list(G.in_edges(n, keys=True)) + list(G.out_edges(n, keys=True)):
                other = u if v == n else v
                if key in rels and G.nodes[other].get("label") == "Paper":
                    papers.add(other)
            scores.append((d.get("name", n), len(papers)))
        scores.sort(key=lambda t: (-t[1], t[0]))
        top[label] = scores[:k]
    return Stats(c["nodes"], c["edges"], top)
