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

The package, one module per concern (this module re-exports every public name, so
``kg.analytics.coauthors`` and ``from kg.analytics import find_node`` read as before):

====================  ==================================================================
Module                Holds
====================  ==================================================================
``errors``            :class:`AnalyticsError` and its subclasses
``_common``           the constants (:data:`RELATIONS`, :data:`PROJECTIONS`...) and small
                      helpers over nodes and their papers
``rows``              the frozen dataclasses the questions answer with
``nodes``             :func:`find_node` and :func:`digests`
``projections``       the projection graphs and the pair rows (co-authors, collaborations,
                      usage)
``rankings``          :func:`similar_papers`, :func:`top`, :func:`trends`
``structure``         components, communities, bridges, centrality, shortest paths
``plots``             matplotlib pictures of rows
====================  ==================================================================
"""

from __future__ import annotations

from kg.analytics.errors import AnalyticsError, UnknownNodeError, AmbiguousNodeError, NoPathError
from kg.analytics._common import (
    RELATIONS, ROLES, PROJECTIONS, MEASURES, METHODS, PATH_LABELS, SEED, SHARED_LABELS, NO_GROUP,
)
from kg.analytics.rows import Link, Similarity, Ranked, Trend, Community, Bridge, Score, Step, ShortestPath
from kg.analytics.nodes import find_node, digests
from kg.analytics.projections import (
    coauthor_graph, institution_graph, usage_graph, paper_graph, entity_graph, projection, coauthors,
    collaborations, usage,
)
from kg.analytics.rankings import similar_papers, top, trends
from kg.analytics.structure import components, communities, bridges, centrality, shortest_path, leiden
from kg.analytics.plots import plot_ranking, plot_trends, plot_usage

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
