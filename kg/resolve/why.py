"""``kg why``: how a node of the graph came to be.

A node is the sum of its mentions (each edge that records the node being named keeps
the file, line, text span and rule it came from), the merges into it (its
``variants``: every written form resolution or curation folded into it, with the
reason) and the curation lines that touched it. :func:`explain` gathers all of that
from the graph alone, so it works on any graph file, however it was built.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

__all__ = ["Explanation", "explain", "explanation_text"]

#: Labels whose node is named by an edge from a paper (the edge's evidence is the name).
_MENTIONED_FROM_PAPER = ("Institution", "Model", "Dataset", "Category", "Digest")


@dataclass
class Explanation:
    node: dict[str, Any]
    merges: list[dict[str, str]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    curation: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "merges": self.merges, "mentions": self.mentions, "edges": self.edges,
                "curation": self.curation}


def _is_mention(G: nx.MultiDiGraph, n: str, u: str, v: str, rel: str) -> bool:
    label = G.nodes[n]["label"]
    if label == "Author":
        return u == n and rel == "AUTHORED"
    if label == "Paper":
        return u == n and rel == "APPEARS_IN"
    return v == n and G.nodes[u].get("label") == "Paper"


def _find(G: nx.MultiDiGraph, ref: str) -> str:
    """:func:`kg.analytics.find_node`, and else the one node that absorbed a written form
    ``ref`` (``kg why CMU`` answers with Carnegie Mellon University, which says why)."""
    from kg.analytics import AmbiguousNodeError, UnknownNodeError, find_node
    from kg.graph import NODE_LABELS, split_variant
    from kg.text import normalize

    try:
        return find_node(G, ref)
    except (UnknownNodeError, AmbiguousNodeError) as e:
        prefix, sep, rest = ref.partition(":")
        label, text = (prefix, rest.strip()) if sep and prefix in NODE_LABELS else (None, ref)
        want = normalize(text)
        # A written form is an exact match, stronger than names that only contain it
        # (``CMU`` in ``CMU-MOSI``), weaker than a node of that very name.
        if isinstance(e, AmbiguousNodeError) and any(normalize(G.nodes[c]["name"]) == want for c in e.candidates):
            raise
        hits = sorted(n for n, d in G.nodes(data=True)
                      if (label is None or d.get("label") == label)
                      and any(normalize(split_variant(v)[0]) == want for v in d.get("variants", ())))
        if len(hits) == 1:
            return hits[0]
        raise


def explain(G: nx.MultiDiGraph, ref: str) -> Explanation:
    """Everything the graph knows about where node ``ref`` (an id, ``Label:name`` or a
    name, as :func:`kg.analytics.find_node` reads it, or a written form merged into one
    node) came from.

    Mentions and edges are sorted by file, line and relationship type, so the answer is
    the same on every run. Raises :class:`kg.analytics.UnknownNodeError` or
    :class:`kg.analytics.AmbiguousNodeError`.

    Example
    -------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> e = explain(G, "Model:T5")
    >>> e.merges[0]["surface"], e.merges[0]["reason"]
    ('T5-small', 'size variant → family')
    """
    from kg.graph import split_variant

    n = _find(G, ref)
    d = G.nodes[n]
    node = {"id": n, **{k: v for k, v in sorted(d.items()) if k != "variants"}}
    merges = []
    for note in d.get("variants", ()):
        surface, reason = split_variant(note)
        merges.append({"surface": surface, "reason": reason})
    mentions, edges = [], []
    incident = [(u, v, k, e) for u, v, k, e in G.out_edges(n, keys=True, data=True)]
    incident += [(u, v, k, e) for u, v, k, e in G.in_edges(n, keys=True, data=True)]
    for u, v, k, e in incident:
        other = v if u == n else u
        row = {"type": k, "direction": "out" if u == n else "in", "other": other,
               "other_name": G.nodes[other].get("name", other), "file": e.get("file"), "line": e.get("line"),
               "sources": list(e.get("sources", ()))}
        edges.append(row)
        if _is_mention(G, n, u, v, k):
            mentions.append({"file": e.get("file"), "line": e.get("line"), "evidence": e.get("evidence", ""),
                             "rule": e.get("rule"), "span": e.get("span"), "type": k, "paper": other,
                             "sources": list(e.get("sources", ()))})
    order = lambda r: (str(r["file"]), r["line"] or 0, r["type"], r.get("other", r.get("paper", "")))  # noqa: E731
    mentions.sort(key=order)
    edges.sort(key=order)
    curation = [o for o in G.graph.get("curation", ()) if n in o.get("nodes", ())]
    return Explanation(node, merges, mentions, edges, curation)


def explanation_text(e: Explanation) -> str:
    """The human form of :func:`explain`: a header and one table per part."""
    from rich.table import Table

    from kg.report import render

    nd = e.node
    parts: list[Any] = [f"{nd['id']}  {nd['label']} {nd['name']!r}"]
    if e.merges:
        t = Table(title=f"{len(e.merges)} merge(s) into it")
        t.add_column("as written")
        t.add_column("why")
        for m in e.merges:
            t.add_row(m["surface"], m["reason"])
        parts.append(t)
    else:
        parts.append("no merges: every mention is written as the node's name")
    t = Table(title=f"{len(e.mentions)} mention(s)")
    for col in ("where", "evidence", "rule", "relation", "paper", "seen"):
        t.add_column(col)
    for m in e.mentions:
        t.add_row(f"{m['file']}:{m['line']}", m["evidence"], m["rule"] or "", m["type"], m["paper"],
                  str(len(m["sources"])))
    parts.append(t)
    t = Table(title=f"{len(e.edges)} edge(s)")
    for col in ("relation", "other node", "first seen", "sources"):
        t.add_column(col)
    for r in e.edges:
        arrow = f"-{r['type']}->" if r["direction"] == "out" else f"<-{r['type']}-"
        name = r["other_name"] if len(r["other_name"]) <= 60 else r["other_name"][:59] + "…"
        t.add_row(arrow, name, f"{r['file']}:{r['line']}", ", ".join(r["sources"]))
    parts.append(t)
    if e.curation:
        t = Table(title="curation lines")
        for col in ("line", "decision", "status", "detail"):
            t.add_column(col)
        for o in e.curation:
            t.add_row(f"{o['file']}:{o['line']}", f"{o['action']} {o['node']}", o["status"], o["detail"])
        parts.append(t)
    return render(*parts)
