"""Positions for a map: clusters kept together, components packed, deterministic.

Each connected component is laid out on its own, then the components are packed in
rows, biggest first, so small clusters sit beside the main one instead of flying off or
piling up in its middle. A big component is laid out by clusters: each cluster on its
own (igraph's Fruchterman-Reingold on the weighted links), then placed as a disc where a
layout of the cluster graph puts it, pushed apart until no two discs overlap. One force
layout of 10,000 nodes is a uniform hairball; this shows the clusters, and is what lets
the page open on a map of the clusters and zoom into one.
"""
from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence

__all__ = ["layout", "LAYOUT_SEED", "EDGE_LENGTH", "EDGE_LENGTH_BIG"]

#: Target length of an average edge in canvas units; vis-network draws at scale 1 with
#: one unit per CSS pixel, so this is the on-screen edge length before zooming.
EDGE_LENGTH = 70.0
EDGE_LENGTH_BIG = 40.0
LAYOUT_SEED = 20240601
#: Fruchterman-Reingold iterations (igraph's default is 500; 300 look the same on kg
#: graphs and save 40 % of the layout time) and the size up to which the exact O(n^2)
#: variant is used instead of the grid approximation.
FR_ITERATIONS = 300
FR_EXACT_MAX = 150
#: Above this many nodes in all, each cluster gets fewer iterations: at 100,000 nodes
#: 300 iterations cost ~6 s, 80 cost under 2 s, and clusters of a few hundred nodes
#: settle in that many.
FR_BIG_GRAPH = 20_000
FR_ITERATIONS_BIG = 80
FR_HUGE_GRAPH = 60_000
FR_ITERATIONS_HUGE = 50
#: Connected components with more nodes than this are laid out by clusters.
COMMUNITY_LAYOUT_MIN = 400


def _components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components (igraph, in C: a Python union-find took 1.5 s at 500,000
    links), biggest first, each in node order."""
    import igraph

    comps = [sorted(c) for c in igraph.Graph(n=n, edges=edges).connected_components()] if n else []
    return sorted(comps, key=lambda c: (-len(c), c[0]))


def _centre(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    cx = sum(x for x, _ in pts) / len(pts)
    cy = sum(y for _, y in pts) / len(pts)
    return [(x - cx, y - cy) for x, y in pts]


def _fr(k: int, edges: list[tuple[int, int]], weights: list[float], rng: random.Random,
        edge_length: float, iterations: int = FR_ITERATIONS) -> list[tuple[float, float]]:
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
        lay = g.layout_fruchterman_reingold(weights=weights or None, niter=iterations,
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


def _louvain(k: int, edges: list[tuple[int, int]], weights: list[float], rng: random.Random) -> list[int]:
    import igraph

    g = igraph.Graph(n=k, edges=edges)
    igraph.set_random_number_generator(rng)
    try:
        return list(g.community_multilevel(weights=weights or None).membership)
    finally:
        igraph.set_random_number_generator(random)


def _layout_communities(k: int, edges: list[tuple[int, int]], weights: list[float], rng: random.Random,
                        edge_length: float, membership: Sequence[int], iterations: int) -> list[tuple[float, float]]:
    """Cluster-grouped placement for a big connected component (``membership``: the
    cluster of each node): each cluster laid out on its own, then placed as a disc where
    a layout of the cluster graph puts it, pushed apart until no two overlap."""
    groups: dict[int, list[int]] = defaultdict(list)
    for v, c in enumerate(membership):
        groups[c].append(v)
    comms = sorted(groups.values(), key=lambda m: (-len(m), m[0]))
    if len(comms) == 1:
        return _fr(k, edges, weights, rng, edge_length, iterations)
    which = [0] * k
    local = [0] * k
    for ci, members in enumerate(comms):
        for j, v in enumerate(members):
            which[v], local[v] = ci, j
    intra: list[list[tuple[int, int]]] = [[] for _ in comms]
    intra_w: list[dict[tuple[int, int], float]] = [{} for _ in comms]
    # the weights of intra's pairs, in their order (the pairs are distinct, so this is
    # what looking each one up in intra_w gives, without 500,000 lookups)
    intra_wl: list[list[float]] = [[] for _ in comms]
    between: dict[tuple[int, int], float] = defaultdict(float)
    huge = k > FR_HUGE_GRAPH  # only the smaller maps' sub-layouts look weights up by pair
    for (a, b), w in zip(edges, weights or [1.0] * len(edges)):
        ca, cb = which[a], which[b]
        if ca == cb:
            la, lb = local[a], local[b]
            intra[ca].append((la, lb))
            if huge:
                intra_wl[ca].append(w)
            else:
                intra_w[ca][(la, lb) if la < lb else (lb, la)] = w
        else:
            between[(ca, cb) if ca < cb else (cb, ca)] += w
    if huge:
        # Leiden's clusters are connected: one force layout each, without the
        # sub-clusters a smaller map gets (they cost 2 s of Python at 100,000 nodes)
        inner = [_fr(len(members), intra[ci], intra_wl[ci], rng, edge_length,
                     iterations) if len(members) > 1 else [(0.0, 0.0)] for ci, members in enumerate(comms)]
    else:
        inner = [layout(len(members), intra[ci], intra_w[ci], rng.randrange(1 << 30), edge_length,
                        iterations=iterations) for ci, members in enumerate(comms)]
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


def layout(n: int, edges: Iterable[tuple[int, int]], weights: dict[tuple[int, int], float] | None = None,
           seed: int = LAYOUT_SEED, edge_length: float = EDGE_LENGTH, groups: Sequence[int] | None = None,
           iterations: int | None = None) -> list[tuple[float, float]]:
    """Positions for nodes ``0..n-1`` linked by undirected ``edges``.

    Each connected component is laid out on its own (by the clusters ``groups`` gives,
    or Louvain's, when it has more than :data:`COMMUNITY_LAYOUT_MIN` nodes, else by
    Fruchterman-Reingold), then the components are packed in rows, biggest first.
    Deterministic for the same input (igraph runs on a generator seeded with ``seed``).

    Example
    -------
    >>> pos = layout(4, [(0, 1), (1, 2)])  # a path of three, and a loner
    >>> len(pos), pos == layout(4, [(1, 2), (0, 1)])
    (4, True)
    """
    # sorted without duplicates; a list, not a set, so edges given in order (the map's
    # are) sort in one linear pass
    pairs = [(a, b) if a < b else (b, a) for a, b in edges if a != b]
    pairs.sort()
    pairs = list(dict.fromkeys(pairs))
    weights = weights or {}
    if iterations is None:
        iterations = FR_ITERATIONS if n <= FR_BIG_GRAPH else FR_ITERATIONS_BIG if n <= FR_HUGE_GRAPH \
            else FR_ITERATIONS_HUGE
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
    # nodes without links go together in one tight grid (half the link length apart)
    # after the linked parts, instead of one packing slot each
    loners = [members[0] for members in comps if len(members) == 1]
    comps = [members for members in comps if len(members) > 1]
    if loners:
        comps.append(loners)
    boxes = []
    for ci, members in enumerate(comps):
        if members is comps[-1] and loners:
            cols = max(1, math.ceil(math.sqrt(len(members) * 1.6)))
            step = edge_length / 2
            pts = [((j % cols) * step, (j // cols) * step) for j in range(len(members))]
            boxes.append((pts, 0.0, 0.0, (min(cols, len(members)) - 1) * step, ((len(members) - 1) // cols) * step))
            continue
        if len(members) > COMMUNITY_LAYOUT_MIN:
            if groups is not None:
                membership = [groups[m] for m in members]
            else:
                membership = _louvain(len(members), comp_edges[ci], comp_w[ci], rng)
            pts = _layout_communities(len(members), comp_edges[ci], comp_w[ci], rng, edge_length, membership,
                                      iterations)
        else:
            pts = _fr(len(members), comp_edges[ci], comp_w[ci], rng, edge_length, iterations)
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


