"""cypher/80_analytics.cypher against kg.analytics: the same answers on a real Neo4j.

Every query of 80_analytics.cypher is the Neo4j twin of a kg.analytics function. Two
graphs are loaded in turn with kg's own loader (the database emptied first):

* ``seed``: ``kg.build_graph([seeds/])``;
* ``hand``: a small graph built for the corner cases: ties everywhere, weights above 1
  (Ann and Bob share four papers), two papers with the same title (one without an arXiv
  id), a Model and a Dataset with the same name, a paper in two digests and one in two
  categories, a paper that both proposes and uses a model (and introduces and evaluates
  on a dataset), two authors named "Kim" (ties broken by id), names that sort
  differently from their lower case ("de Vries", "mit media lab") and non-ASCII ones,
  a 14-hop chain, a paper without category, and two 64/65-author papers whose
  Jaccard similarity is exactly 1/128 (a rounding tie).

Each query runs with the parameters of its ``:param`` lines and then with overrides
(every label and role, several limits, every author / institution, category and digest
filters, digest pairs, ...). Its rows must equal the kg.analytics answer for the same
question row for row: same names, counts, ids and order (ties included), same ``via``
lists, Jaccard values, per-group rankings, per-digest counts and path node sequences.

A query without a comparison here fails ``test_every_query_is_compared``.
"""
from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import kg
from kg import analytics as A
from kg.neo4j.cypher_lib import Query, parse_cypher_file
from kg.graph import build_graph as graph_from_records
from kg.records import Author, Mention, PaperRecord
from kg.neo4j import store as neo4j_store

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "cypher" / "80_analytics.cypher"
QUERY_LIST: list[Query] = parse_cypher_file(FILE)
QUERIES: dict[str, Query] = {q.title: q for q in QUERY_LIST}
BIG = 100_000  # a limit that keeps every row
LIMITS = (1, 2, 3, BIG)
#: (label, role) pairs kg.analytics accepts for rankings and trends.
LABEL_ROLES = [(label, role) for label, roles in A.RELATIONS.items() for role in roles]


# --------------------------------------------------------------------------- the graphs


def _mentions(names: Iterable[str], role: str) -> tuple[Mention, ...]:
    return tuple(Mention(n, n, 0, 0, role=role) for n in names)


def rec(file, line, arxiv, title, category, authors, insts=(), proposes=(), uses=(), introduces=(), evaluates=()):
    return PaperRecord(
        file=file, line=line, end_line=line + 3, kind="digest", layout="test", lang="en", arxiv_id=arxiv,
        title=title, title_zh=None, category=category,
        authors=tuple(Author(a, i, 0, 0) for i, a in enumerate(authors, 1)), authors_truncated=False,
        institutions=_mentions(insts, "used"), models=_mentions(proposes, "proposed") + _mentions(uses, "used"),
        datasets=_mentions(introduces, "proposed") + _mentions(evaluates, "used"), urls=(), text=f"entry {title}",
    )


# Digest names start like the seeds' ("001", "002"), so the :param defaults resolve here too.
D1, D2, D3 = "001_alpha.txt", "002_beta.txt", "003_gamma.txt"
BIG_A = [f"A{i:03d}" for i in range(1, 65)]  # 64 authors
BIG_B = [f"A{i:03d}" for i in range(64, 129)]  # 65 authors, A064 shared: union 128, Jaccard 1/128
HAND_RECORDS = [
    rec(D1, 1, "2301.00001", "Scaling Alpha", "LG", ["Ann", "Bob", "Cat"], ["MIT", "Stanford"],
        ["Alpha"], ["BERT"], ["SetA"], ["GLUE"]),
    rec(D1, 10, "2301.00002", "BERT Again", "LG", ["Ann", "Bob"], ["MIT", "Stanford"], (), ["BERT"], (), ["GLUE"]),
    rec(D1, 20, "2301.00010", "A Big Collaboration", "HEP", BIG_A),
    rec(D2, 1, "2302.00003", "über Alpha", "CL", ["Bob", "Dan", "Zoë"], ["Stanford", "Oxford"],
        (), ["BERT", "Alpha"], (), ["GLUE", "SQuAD"]),
    rec(D2, 10, "2302.00004", "Beta Models", "CL", ["Eve", "Kim"], ["Oxford"], ["Beta"], (), (), ["SQuAD"]),
    rec(D2, 20, "2302.00005", "No Category", None, ["Fay", "Gus"]),
    # The same paper in two digests; and a second paper of the same title, without an arXiv id.
    rec(D2, 30, "2302.00006", "Sparse Mixtures", "CV", ["Ann", "Bob", "de Vries"], ["MIT", "ETH Zürich"],
        (), ["Gamma"], (), ["Gamma", "GLUE"]),
    rec(D3, 1, "2302.00006", "Sparse Mixtures", "CV", ["Ann", "Bob", "de Vries"], ["MIT", "ETH Zürich"],
        (), ["Gamma"], (), ["Gamma", "GLUE"]),
    rec(D3, 10, None, "Sparse Mixtures", "CV", ["Ann", "Bob"], ["ETH Zürich", "mit media lab"],
        (), ["Gamma"], (), ["Gamma"]),
    # Proposes and uses Delta, introduces and evaluates on DS-1.
    rec(D3, 20, "2303.00008", "Delta Nets", "LG", ["张伟", "Łukasz", "Émile", "Kim"], ["Tsinghua University"],
        ["Delta"], ["Delta", "BERT"], ["DS-1"], ["DS-1"]),
    rec(D3, 30, "2303.00009", "Delta Nets II", "LG", ["张伟", "Łukasz"], ["Tsinghua University", "MIT"],
        (), ["Delta"], (), ["DS-1"]),
    rec(D3, 40, "2303.00011", "Another Big Collaboration", "HEP", BIG_B),
    # Chain 0 ... Chain 7: a shortest path of 14 hops.
    *(rec(D3, 50 + i, f"2303.001{i:02d}", f"Relay {i}", None, [f"Chain {i - 1}", f"Chain {i}"]) for i in range(1, 8)),
]


def _hand_edge(G: nx.MultiDiGraph, u: str, v: str, rel: str, file: str, line: int, **props) -> None:
    G.add_edge(u, v, key=rel, type=rel, file=file, line=line, evidence="hand-made", sources=[f"{file}:{line}"],
               **props)


def hand_graph() -> nx.MultiDiGraph:
    G = graph_from_records(HAND_RECORDS)
    # Hand-made on top of the records: a paper in two categories, and a second author
    # named "Kim" (another key), co-author of the first one and of Łukasz twice.
    _hand_edge(G, "Paper:2302.00003", "Category:LG", "IN_CATEGORY", D2, 1)
    G.add_node("Author:kim 2", label="Author", key="kim 2", name="Kim")
    _hand_edge(G, "Author:kim 2", "Paper:2303.00008", "AUTHORED", D3, 20, position=5)
    _hand_edge(G, "Author:kim 2", "Paper:2303.00009", "AUTHORED", D3, 30, position=3)
    return G


@functools.cache
def graph(tag: str) -> nx.MultiDiGraph:
    if tag == "seed":
        return kg.build_graph([ROOT / "seeds"])
    if tag == "hand":
        return hand_graph()
    return EXTRA_GRAPHS[tag]()


GRAPHS = ("seed", "hand")


def _loaded_counts(driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
        "RETURN nodes, rels")
    return records[0]["nodes"], records[0]["rels"]


_LOADED: dict[str, str | None] = {"tag": None}


def load(driver, empty: Callable[[], None], tag: str) -> nx.MultiDiGraph:
    """Graph ``tag``, loaded into the (emptied) test database unless it already is."""
    G = graph(tag)
    want = (G.number_of_nodes(), G.number_of_edges())
    if _LOADED["tag"] != tag or _loaded_counts(driver) != want:
        _LOADED["tag"] = None
        empty()
        neo4j_store.load_graph(driver, G)
        _LOADED["tag"] = tag
    assert _loaded_counts(driver) == want
    return G


# --------------------------------------------------------------------------- helpers over G


def names_of(G: nx.MultiDiGraph, label: str) -> list[str]:
    return sorted({d["name"] for _, d in G.nodes(data=True) if d["label"] == label})


def nodes_named(G: nx.MultiDiGraph, label: str, name: str) -> list[str]:
    """The ``label`` nodes whose name equals ``name`` in any case (what the Cypher matches)."""
    return sorted(n for n, d in G.nodes(data=True) if d["label"] == label and d["name"].lower() == name.lower())


def keys_of(G: nx.MultiDiGraph, label: str) -> list[str]:
    return sorted(d["key"] for _, d in G.nodes(data=True) if d["label"] == label)


def link(r: A.Link) -> tuple:
    return (r.source, r.target, r.weight, tuple(r.via), r.source_id, r.target_id)


def link_row(row: dict) -> tuple:
    return (row["source"], row["target"], row["weight"], tuple(row["via"]), row["source_id"], row["target_id"])


def link_key(t: tuple) -> tuple:
    source, target, weight, _, source_id, target_id = t
    return (-weight, source, target, source_id, target_id)


def focused(G, label: str, name: str, limit: int, rows_of: Callable[..., list[A.Link]], arg: str) -> list[tuple]:
    """``rows_of(G, **{arg: id})`` for every ``label`` node the Cypher's name matches,
    merged in the ranking order; where the name is unique, looking it up by name in
    kg.analytics must give the same rows as by id."""
    ids = nodes_named(G, label, name)
    rows = sorted((link(r) for n in ids for r in rows_of(G, **{arg: n})), key=link_key)
    if len(ids) == 1 and G.nodes[ids[0]]["name"] == name:
        assert [link(r) for r in rows_of(G, **{arg: name})] == [link(r) for r in rows_of(G, **{arg: ids[0]})]
    return rows[:limit]


# --------------------------------------------------------------------------- the comparisons


@dataclass(frozen=True)
class Check:
    """How one query is compared: ``expect(G, params)`` is the kg.analytics answer as
    rows, ``row(record)`` reads a Neo4j record the same way, ``cases(G)`` lists the
    parameter overrides to try (the query's own :param values always run first)."""

    expect: Callable[[nx.MultiDiGraph, dict[str, Any]], list]
    row: Callable[[dict[str, Any]], Any]
    cases: Callable[[nx.MultiDiGraph], Iterable[dict[str, Any]]]


CHECKS: dict[str, Check] = {}


def check(title: str, row: Callable[[dict[str, Any]], Any], cases: Callable[[nx.MultiDiGraph], Iterable[dict]]):
    def register(expect):
        assert title not in CHECKS, title
        CHECKS[title] = Check(expect, row, cases)
        return expect
    return register


def limits(_G=None) -> list[dict]:
    return [{"limit": k} for k in LIMITS]


# --- projections


@check("Co-author pairs (kg.analytics.coauthors)", link_row, limits)
def _coauthor_pairs(G, p):
    return [link(r) for r in A.coauthors(G, k=p["limit"])]


@check("Co-authors of one author (kg.analytics.coauthors with author=)", link_row,
       lambda G: [{"author": a, "limit": BIG} for a in names_of(G, "Author") if a not in BIG_A[1:-1] + BIG_B[1:-1]]
       + [{"author": "ANN", "limit": 1}, {"author": "Kim", "limit": 2}, {"author": "Nobody", "limit": BIG}])
def _coauthors_of(G, p):
    return focused(G, "Author", p["author"], p["limit"], A.coauthors, "author")


@check("Institution collaborations (kg.analytics.collaborations)", link_row, limits)
def _collaborations(G, p):
    return [link(r) for r in A.collaborations(G, k=p["limit"])]


@check("Partners of one institution (kg.analytics.collaborations with institution=)", link_row,
       lambda G: [{"institution": i, "limit": BIG} for i in names_of(G, "Institution")]
       + [{"institution": "mit", "limit": 1}, {"institution": "University of Nowhere", "limit": BIG}])
def _partners_of(G, p):
    return focused(G, "Institution", p["institution"], p["limit"], A.collaborations, "institution")


@check("Model and dataset usage (kg.analytics.usage)", link_row,
       lambda G: [{"model_role": m, "dataset_role": d, "limit": k}
                  for m in A.ROLES for d in A.ROLES for k in (2, BIG)])
def _usage(G, p):
    return [link(r) for r in A.usage(G, k=p["limit"], model_role=p["model_role"], dataset_role=p["dataset_role"])]


SIMILAR_LABELS = [list(A.SHARED_LABELS), ["Author"], ["Institution"], ["Model"], ["Dataset"], ["Model", "Dataset"],
                  ["Author", "Institution"]]


@check("Similar papers (kg.analytics.similar_papers)",
       lambda r: (r["source"], r["target"], r["shared"], r["jaccard"], tuple(r["via"]), r["source_id"], r["target_id"]),
       lambda G: [{"labels": labels, "limit": k} for labels in SIMILAR_LABELS for k in (1, 3, BIG)])
def _similar(G, p):
    return [(r.source, r.target, r.shared, r.jaccard, tuple(r.via), r.source_id, r.target_id)
            for r in A.similar_papers(G, k=p["limit"], labels=p["labels"])]


@check("Papers similar to a paper (kg.analytics.similar_papers with paper=)",
       lambda r: (r["source"], r["target"], r["shared"], r["jaccard"], tuple(r["via"]), r["source_id"], r["target_id"]),
       lambda G: [{"paper": key, "labels": labels, "limit": k}
                  for key in keys_of(G, "Paper") for labels in SIMILAR_LABELS[:3] for k in (2, BIG)])
def _similar_to(G, p):
    if f"Paper:{p['paper']}" not in G:
        return []  # Cypher finds no such paper and returns no rows
    return [(r.source, r.target, r.shared, r.jaccard, tuple(r.via), r.source_id, r.target_id)
            for r in A.similar_papers(G, k=p["limit"], paper=f"Paper:{p['paper']}", labels=p["labels"])]


# --- rankings


def _top_cases(G) -> list[dict]:
    cases = []
    categories = [None, *keys_of(G, "Category")]
    digests = [None, *A.digests(G), *(d[:3] for d in A.digests(G))]  # full keys and prefixes ("002")
    for label, role in LABEL_ROLES:
        base = {"label": label, "role": role, "category": None, "digest": None}
        cases += [{**base, "limit": k} for k in LIMITS]
        cases += [{**base, "category": c, "limit": BIG} for c in categories[1:]]
        cases += [{**base, "digest": d, "limit": BIG} for d in digests[1:]]
        cases += [{**base, "category": c, "digest": d, "limit": 2}
                  for c in categories[1:] for d in A.digests(G)]
    return cases


@check("Top entities by papers (kg.analytics.top)", lambda r: (r["name"], r["papers"], r["id"]), _top_cases)
def _top(G, p):
    return [(r.name, r.papers, r.id)
            for r in A.top(G, p["label"], k=p["limit"], role=p["role"], category=p["category"], digest=p["digest"])]


def _grouped_cases(G) -> list[dict]:
    return [{"label": label, "role": role, "limit": k} for label, role in LABEL_ROLES for k in LIMITS]


@check('Top entities per category (kg.analytics.top with by="category")',
       lambda r: (r["group"], r["name"], r["papers"], r["id"]), _grouped_cases)
def _top_by_category(G, p):
    return [(r.group, r.name, r.papers, r.id)
            for r in A.top(G, p["label"], k=p["limit"], role=p["role"], by="category")]


@check('Top entities per digest (kg.analytics.top with by="digest")',
       lambda r: (r["group"], r["name"], r["papers"], r["id"]), _grouped_cases)
def _top_by_digest(G, p):
    return [(r.group, r.name, r.papers, r.id)
            for r in A.top(G, p["label"], k=p["limit"], role=p["role"], by="digest")]


def _trend_cases(G) -> list[dict]:
    keys = A.digests(G)
    pairs = [(None, None), (keys[0], keys[1]), (keys[1][:3], keys[-1][:3]), (keys[-1], keys[0]), (keys[1], keys[1])]
    cases = []
    for label, role in LABEL_ROLES:
        for before, after in pairs:
            cases.append({"label": label, "role": role, "before": before, "after": after, "limit": BIG})
        cases.append({"label": label, "role": role, "before": None, "after": None, "limit": 2})
    return cases


@check("Rising entities between two digests (kg.analytics.trends)",
       lambda r: (r["name"], r["delta"], r["before_papers"], r["after_papers"], r["counts"], r["before"], r["after"],
                  r["id"]),
       _trend_cases)
def _trends(G, p):
    between = None if p["before"] is None and p["after"] is None else (p["before"], p["after"])
    return [(r.name, r.delta, r.counts[r.before], r.counts[r.after], [[d, c] for d, c in r.counts.items() if c],
             r.before, r.after, r.id)
            for r in A.trends(G, p["label"], k=p["limit"], role=p["role"], between=between)]


# --- structure


def _degree(G, of: str, limit: int) -> list[tuple]:
    """Degree centrality as counts: networkx's score times (nodes - 1)."""
    n = A.projection(G, of).number_of_nodes()
    rows = []
    for s in A.centrality(G, "degree", of=of, k=limit):
        count = round(s.score * (n - 1))
        assert abs(s.score * (n - 1) - count) < 1e-6
        rows.append((s.name, count, s.id))
    return rows


@check('Most connected authors (kg.analytics.centrality, measure="degree", of="coauthors")',
       lambda r: (r["name"], r["coauthors"], r["id"]), limits)
def _degree_authors(G, p):
    return _degree(G, "coauthors", p["limit"])


@check('Most connected institutions (kg.analytics.centrality, measure="degree", of="institutions")',
       lambda r: (r["name"], r["partners"], r["id"]), limits)
def _degree_institutions(G, p):
    return _degree(G, "institutions", p["limit"])


def _path_cases(G) -> list[dict]:
    """Pairs of names that name one node (of a label a path may pass through)."""
    count = Counter(d["name"] for _, d in G.nodes(data=True))
    names = sorted(d["name"] for _, d in G.nodes(data=True)
                   if count[d["name"]] == 1 and d["label"] in A.PATH_LABELS and not d["name"].startswith("A0"))
    step = max(1, len(names) // 28)  # about 400 pairs
    pairs = list(itertools.combinations(names[::step], 2))
    pairs += [("H Su", "W Wang"), ("S Salter", "D Rao"), ("M Geva", "W Wang"),  # seeds
              ("Chain 0", "Chain 7"), ("Chain 7", "Cat"), ("A001", "A128"), ("Fay", "Ann"), ("Dan", "Delta"),
              ("Zoë", "Tsinghua University"), ("Eve", "GLUE"), ("Scaling Alpha", "DS-1")]  # hand
    return [{"source": a, "target": b, "limit": 1} for a, b in pairs if a in count and b in count]


@check("Shortest path between two entities (kg.analytics.shortest_path)",
       lambda r: (r["ids"], r["steps"], r["labels"], r["papers"], r["length"]), _path_cases)
def _shortest_path(G, p):
    try:
        path = A.shortest_path(G, p["source"], p["target"])
    except (A.UnknownNodeError, A.NoPathError):
        return []
    steps = path.steps
    return [([s.id for s in steps], [s.name for s in steps], [s.label for s in steps], list(path.papers),
             path.length)][: p["limit"]]


# --------------------------------------------------------------------------- tests


def test_query_titles_are_unique_and_parameters_set():
    assert len(QUERIES) == len(QUERY_LIST) == 14
    for q in QUERY_LIST:
        assert q.title and q.description, q.title
        assert q.parameter_names and not q.missing_params, q.title


def test_every_query_is_compared():
    assert sorted(set(QUERIES) - set(CHECKS)) == [], "queries of 80_analytics.cypher without a comparison"
    assert sorted(set(CHECKS) - set(QUERIES)) == [], "comparisons of queries 80_analytics.cypher no longer has"


def compare(driver, G: nx.MultiDiGraph, tag: str, q: Query, c: Check) -> tuple[int, int]:
    """Run every case of ``q``; returns (cases, cases with rows)."""
    cases = nonempty = 0
    for overrides in [{}, *c.cases(G)]:
        assert set(overrides) <= q.parameter_names, f"{q.title}: no such parameter {set(overrides) - q.parameter_names}"
        params = {**q.bound_params, **overrides}
        keys, records = neo4j_store.run_query(driver, q.text, params)
        got = [c.row(dict(zip(keys, r.values()))) for r in records]
        want = c.expect(G, params)
        assert got == want, f"{q.title!r} on the {tag} graph, {overrides or 'its :param values'}: Neo4j != kg.analytics"
        cases += 1
        nonempty += bool(want)
    return cases, nonempty


@pytest.mark.neo4j
@pytest.mark.parametrize(("tag", "title"), [(t, title) for t in GRAPHS for title in QUERIES],
                         ids=[f"{t}: {title}" for t in GRAPHS for title in QUERIES])
def test_query_matches_analytics(neo4j_driver, neo4j_empty, tag, title):
    if title not in CHECKS:
        pytest.fail(f"{title!r} has no comparison with kg.analytics in this file")
    G = load(neo4j_driver, neo4j_empty, tag)
    cases, nonempty = compare(neo4j_driver, G, tag, QUERIES[title], CHECKS[title])
    assert nonempty >= min(cases, 2), f"{title!r}: only {nonempty} of {cases} cases have rows; the check proves little"


@pytest.mark.neo4j
def test_parameter_defaults_answer_on_the_seeds(neo4j_driver, neo4j_empty):
    """The :param values of each query are meaningful on the seeds: they return rows."""
    load(neo4j_driver, neo4j_empty, "seed")
    empty = [q.title for q in QUERY_LIST if not neo4j_store.run_query(neo4j_driver, q.text, q.bound_params)[1]]
    assert empty == []


def test_hand_graph_has_its_corner_cases():
    """The hand graph holds what its docstring promises (so the parity tests test it)."""
    G = graph("hand")
    assert link(A.coauthors(G, k=1)[0])[:4] == (
        "Ann", "Bob", 4, ("BERT Again", "Scaling Alpha", "Sparse Mixtures", "Sparse Mixtures"))
    assert len(nodes_named(G, "Author", "Kim")) == 2
    assert ("Gamma", "Gamma") in {r.via for r in A.similar_papers(G, labels=["Model", "Dataset"])}
    assert {r.jaccard for r in A.similar_papers(G, labels=["Author"])} >= {round(1 / 128, 6)}
    assert A.shortest_path(G, "Chain 0", "Chain 7").length == 14
    assert sorted(G.nodes[v]["key"] for _, v, k in G.out_edges("Paper:2302.00006", keys=True) if k == "APPEARS_IN") \
        == [D2, D3]
    assert all(G.has_edge("Paper:2303.00008", "Model:delta", rel) for rel in ("PROPOSES", "USES"))


# --------------------------------------------------------------------------- known differences
# From kg.analytics (Python), which the Cypher cannot follow; reported to be fixed
# there. strict=True: once fixed, this passes and must lose the mark.


EXTRA_GRAPHS: dict[str, Callable[[], nx.MultiDiGraph]] = {
    # Jaccard 1/640 = 0.0015625 exactly: kg.analytics rounds the binary double (just
    # above the tie, so up), Neo4j's round() the decimal tie (half to even, so down).
    # Rounding the fraction shared/union in kg.analytics (half to even) would agree.
    "round640": lambda: graph_from_records([
        rec(D1, 1, "2301.00001", "P", None, [f"B{i:03d}" for i in range(320)]),
        rec(D1, 2, "2301.00002", "Q", None, [f"B{i:03d}" for i in range(319, 640)]),
    ]),
}


@pytest.mark.neo4j
def test_jaccard_ties_that_are_not_binary_round_alike(neo4j_driver, neo4j_empty):
    G = load(neo4j_driver, neo4j_empty, "round640")
    assert len(names_of(G, "Author")) == 640 and [r.shared for r in A.similar_papers(G)] == [1]  # Jaccard 1/640
    q = QUERIES["Similar papers (kg.analytics.similar_papers)"]
    compare(neo4j_driver, G, "round640", q, Check(_similar, CHECKS[q.title].row, lambda G: []))
