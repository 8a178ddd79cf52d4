"""Rankings: similar papers, the most productive or used entities, and trends over
digests."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from fractions import Fraction

import networkx as nx

from kg.analytics._common import (
    NO_GROUP, SHARED_LABELS, _check, _entity_papers, _label, _name, _names, _of_label, _order, _papers_of, _rels,
)
from kg.analytics.errors import AnalyticsError
from kg.analytics.nodes import _category, _digest, digests, find_node
from kg.analytics.rows import Ranked, Similarity, Trend


# --- similar papers -------------------------------------------------------------------


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
    focus = find_node(G, paper, "Paper") if paper else None
    names = _names(G)
    return [Similarity(names[a], names[b], len(shared), jaccard, tuple(sorted(names[x] for x in shared)), a, b)
            for a, b, shared, jaccard in rank_similar(papers_of, names, k, focus)]


def rank_similar(papers_of: dict[str, set[str]], names: dict[str, str], k: int | None = None,
                 focus: str | None = None) -> list[tuple[str, str, set[str], float]]:
    """``(a, b, shared entities, Jaccard)`` for the paper pairs that share entities, in
    :func:`similar_papers`' order: most shared, then Jaccard, then by name and id; the
    first ``k`` (all when None); with ``focus``, that paper's pairs (``a`` = ``focus``).

    ``papers_of`` maps each entity to its papers and ``names`` each paper to its name:
    the graph as any store can give it (:mod:`kg.neo4j.similar` reads it from Neo4j).
    """
    entities_of: dict[str, set[str]] = defaultdict(set)
    for e, papers in papers_of.items():
        for p in papers:
            entities_of[p].add(e)
    if focus:
        # Only the papers that share something with the focus: no pair enumeration at all.
        shared_with: dict[str, set[str]] = defaultdict(set)
        for e in entities_of.get(focus, ()):
            for q in papers_of[e]:
                if q != focus:
                    shared_with[q].add(e)
        pairs = {(focus, q): shared for q, shared in shared_with.items()}
    elif k is None:
        pairs = _overlaps(entities_of, 1, _rarest_first(papers_of, entities_of))
    else:
        pairs = _top_overlaps(papers_of, entities_of, k)

    def order(n: str) -> tuple[str, str]:
        return (names.get(n) or n, n)

    rows = []
    for (u, v), shared in pairs.items():
        a, b = (u, v) if focus else sorted((u, v), key=order)
        union = len(entities_of[a]) + len(entities_of[b]) - len(shared)
        # Round the exact fraction (half to even), not the float: a float just above a
        # rounding tie would round up where Neo4j's round(x, 6, 'HALF_EVEN') does not.
        rows.append((a, b, shared, float(round(Fraction(len(shared), union), 6))))
    rows.sort(key=lambda r: (-len(r[2]), -r[3], order(r[0])[0], order(r[1])[0], r[0], r[1]))
    return rows[:k] if k is not None else rows


def _top_overlaps(papers_of: dict[str, set[str]], entities_of: dict[str, set[str]], k: int
                  ) -> dict[tuple[str, str], set[str]]:
    """Every pair sharing at least ``t`` entities, for the largest ``t`` that gives ``k``
    pairs or more: the top ``k`` by shared entities are among them, ties included."""
    if k <= 0:
        return {}
    ordered = _rarest_first(papers_of, entities_of)
    sizes = [len(es) for _, es in ordered]
    # A pair sharing t needs two papers of t entities or more: start at the second largest.
    t = max(1, sizes[1] if len(sizes) > 1 else 1)
    while True:
        pairs = _overlaps(entities_of, t, ordered)
        if len(pairs) >= k or t == 1:
            return pairs
        # One step at a time (a pass at a high t reads only the few papers that large, so it
        # is cheap), which stops at the largest t: the fewest pairs to check and to rank.
        t -= 1


def _rarest_first(papers_of: dict[str, set[str]], entities_of: dict[str, set[str]]) -> list[tuple[str, list[str]]]:
    """(paper, its entities rarest first) for every paper, largest papers first."""
    rank = {e: i for i, e in enumerate(sorted(papers_of, key=lambda e: (len(papers_of[e]), e)))}
    return sorted(((p, sorted(es, key=rank.__getitem__)) for p, es in entities_of.items()),
                  key=lambda item: (-len(item[1]), item[0]))


def _overlaps(entities_of: dict[str, set[str]], t: int, ordered: list[tuple[str, list[str]]]
              ) -> dict[tuple[str, str], set[str]]:
    """{(paper, paper): shared entities} for every pair sharing at least ``t``;
    ``ordered`` is :func:`_rarest_first`'s.

    Prefix filtering (the set-similarity join): order entities rarest first; two papers
    sharing ``t`` entities share one among the first ``size - t + 1`` of each, so only
    those are indexed. For ``t`` >= 2 the hubs (an author on thousands of papers) drop
    out of the candidate pairs, which is what makes this sparse instead of quadratic in
    the hubs' sizes; candidates are then checked by intersecting their entity sets.
    """
    index: dict[str, list[str]] = defaultdict(list)
    pairs: dict[tuple[str, str], set[str]] = {}
    for p, ranked in ordered:
        if len(ranked) < t:
            break  # largest first: no paper after this one has t entities
        es = entities_of[p]
        candidates: set[str] = set()
        for e in ranked[: len(ranked) - t + 1]:
            candidates.update(index[e])
            index[e].append(p)
        for q in candidates:
            shared = es & entities_of[q]
            if len(shared) >= t:
                pairs[(q, p) if q < p else (p, q)] = shared
    return pairs


# --- top and trends -------------------------------------------------------------------


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
