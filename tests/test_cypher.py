"""The Cypher library (cypher/00..70): its format, and every query's answers on the seeds.

Each query is run in a real Neo4j holding the seed digests (loaded with kg's loader),
with the parameters of its ``:param`` lines, and checked two ways:

* against facts read off the seed text (e.g. the co-authors of M Geva are the other
  authors of "Analyzing Transformers in Embedding Space", seeds/002 line 25; the
  evidence of a "uses model" answer is text of the seed file it names);
* against the same question answered in Python on the NetworkX graph of the same
  seeds, row for row (same order, same LIMIT), so a query that runs but answers
  something else fails.

Every query must have a check here (``test_every_query_is_checked``).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.neo4j.cypher_lib import Query, parse_cypher_file
from kg.graph import EDGE_ENDPOINTS, NODE_LABELS, counts
from kg.pipeline import build_graph
from kg.stats import graph_stats
from kg.neo4j import store as neo4j_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CYPHER = ROOT / "cypher"
#: The files of this library (80_analytics.cypher has its own tests).
FILES = ("00_schema", "10_overview", "20_papers", "30_coauthorship", "40_institutions", "50_models",
         "60_datasets", "70_model_dataset")
QUERIES: list[tuple[str, Query]] = [(f, q) for f in FILES for q in parse_cypher_file(CYPHER / f"{f}.cypher")]
DDL = re.compile(r"^\s*(CREATE|DROP)\s+(CONSTRAINT|INDEX|FULLTEXT INDEX)\b", re.I)
D002 = "002_bfb65bf37921ed7f.txt"
GEVA_PAPER = "Analyzing Transformers in Embedding Space"


def _id(item: tuple[str, Query]) -> str:
    return f"{item[0]}: {item[1].title}"


# --------------------------------------------------------------------------- format (no server)


def test_library_files_exist():
    assert sorted(p.stem for p in CYPHER.glob("[0-7]*.cypher")) == list(FILES)


def test_titles_are_unique():
    titles = Counter(q.title for _, q in QUERIES)
    assert [t for t, n in titles.items() if n > 1] == []


def _own_param_lines(q: Query) -> set[str]:
    """Names of the :param lines between the query's title and its statement."""
    lines = Path(q.file).read_text(encoding="utf-8").splitlines()[q.line - 1:]
    names = set()
    for line in lines:
        if not line.startswith(("//", ":param")):
            break
        m = re.match(r":param\s+(\w+)", line)
        if m:
            names.add(m.group(1))
    return names


@pytest.mark.parametrize("item", QUERIES, ids=_id)
def test_query_format(item):
    file, q = item
    assert q.title and q.description, "a // title line and a // description line"
    if DDL.match(q.text):  # schema commands take no parameters or LIMIT
        assert q.text in neo4j_store.SCHEMA_QUERIES, "00_schema must match what kg load creates"
        return
    assert re.search(r"\bLIMIT \$limit\s*$", q.text), "ends with LIMIT $limit"
    assert q.parameter_names and not q.missing_params
    # Each query carries its own :param examples, so that one block pasted alone runs.
    assert q.parameter_names <= _own_param_lines(q)


# --------------------------------------------------------------------------- helpers over G


@dataclass
class Ctx:
    G: nx.MultiDiGraph
    driver: Any
    params: dict[str, Any]
    rows: list[dict[str, Any]]

    @property
    def limit(self) -> int:
        return self.params["limit"]


def label(G, n) -> str:
    return G.nodes[n]["label"]


def name(G, n) -> str:
    return G.nodes[n]["name"]


def of_label(G, lab: str) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d["label"] == lab)


def out(G, n, *types) -> list[tuple[str, str, dict]]:
    return [(v, k, d) for _, v, k, d in G.out_edges(n, keys=True, data=True) if k in types]


def into(G, n, *types) -> list[tuple[str, str, dict]]:
    return [(u, k, d) for u, _, k, d in G.in_edges(n, keys=True, data=True) if k in types]


def by_name(G, lab: str, value: str) -> list[str]:
    return [n for n in of_label(G, lab) if name(G, n).lower() == value.lower()]


def authors_of(G, p) -> list[str]:
    return [name(G, a) for a, _, d in sorted(into(G, p, "AUTHORED"), key=lambda t: t[2]["position"])]


def institutions_of(G, p) -> list[str]:
    return sorted(name(G, i) for i, _, _ in out(G, p, "AFFILIATED_WITH"))


def papers_matching(G, text: str) -> list[str]:
    """Papers whose key is ``text`` or whose name is it, any case."""
    return [p for p in of_label(G, "Paper")
            if G.nodes[p]["key"] == text or name(G, p).strip().lower() == text.strip().lower()]


def fulltext_matches(query: str, *texts: str | None) -> bool:
    """Whether a one-term Lucene query (``word`` or ``prefix*``) matches one of ``texts``
    as Neo4j's default full-text analyzer sees them: lower-cased words."""
    term = query.lower()
    words = {w for t in texts if t for w in re.findall(r"\w+", t.lower())}
    if term.endswith("*"):
        return any(w.startswith(term[:-1]) for w in words)
    return term in words


def path_ids(path) -> list[str]:
    return [f"{next(iter(n.labels))}:{n['key']}" for n in path.nodes]


def assert_paths_in_graph(ctx: Ctx, shape: list[str]) -> set[tuple[str, ...]]:
    """Every returned path has the label sequence ``shape`` and follows edges of G."""
    seen = set()
    for row in ctx.rows:
        path = row["path"]
        ids = path_ids(path)
        assert [label(ctx.G, n) for n in ids] == shape
        for i, r in enumerate(path.relationships):
            forward = r.start_node.element_id == path.nodes[i].element_id
            u, v = (ids[i], ids[i + 1]) if forward else (ids[i + 1], ids[i])
            assert ctx.G.has_edge(u, v, key=r.type), (u, r.type, v)
        seen.add(tuple(ids))
    assert len(seen) == len(ctx.rows)  # no path twice
    return seen


def assert_evidence_in_seeds(rows) -> None:
    """Provenance is true: the evidence is text of the seed file, at or after its line."""
    for row in rows:
        lines = (SEEDS / row["file"]).read_text(encoding="utf-8").splitlines()
        assert row["evidence"] in "\n".join(lines[row["line"] - 1:]), row


CHECKS: dict[str, Callable[[Ctx], None]] = {}


def check(*titles: str):
    def register(f):
        for t in titles:
            CHECKS[t] = f
        return f
    return register


# --------------------------------------------------------------------------- 00_schema


@check(*(f"Constraint: unique {lab} key" for lab in NODE_LABELS))
def _constraint(ctx: Ctx):
    assert ctx.rows == []  # already there after the load: IF NOT EXISTS makes it a no-op
    records, _, _ = ctx.driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
    assert {f"kg_{lab.lower()}_key" for lab in NODE_LABELS} <= set(records[0]["names"])


def test_schema_file_holds_every_schema_statement_of_kg_load():
    in_file = [q.text for f, q in QUERIES if f == "00_schema" and DDL.match(q.text)]
    assert in_file == list(neo4j_store.SCHEMA_QUERIES)


@check(*(f"Index: {lab} name_key" for lab in NODE_LABELS), "Index: full text of names, titles and abstracts")
def _index(ctx: Ctx):
    assert ctx.rows == []  # already there after the load
    records, _, _ = ctx.driver.execute_query("SHOW INDEXES YIELD name, type, state RETURN name, type, state")
    indexes = {r["name"]: (r["type"], r["state"]) for r in records}
    for lab in NODE_LABELS:
        assert indexes[f"kg_{lab.lower()}_name_key"] == ("RANGE", "ONLINE")
    assert indexes["kg_text"] == ("FULLTEXT", "ONLINE")


@check("kg constraints in the database")
def _constraints(ctx: Ctx):
    expected = [{"name": f"kg_{lab.lower()}_key", "type": "UNIQUENESS", "label": lab, "properties": ["key"]}
                for lab in NODE_LABELS]
    assert ctx.rows == sorted(expected, key=lambda r: r["name"])[: ctx.limit]


@check("Relationship types and the labels they link")
def _endpoints(ctx: Ctx):
    G = ctx.G
    c = Counter((label(G, u), k, label(G, v)) for u, v, k in G.edges(keys=True))
    expected = [{"from": a, "type": t, "to": b, "relationships": n} for (a, t, b), n in c.items()]
    assert ctx.rows == sorted(expected, key=lambda r: (r["type"], r["from"], r["to"]))[: ctx.limit]
    assert all((r["from"], r["to"]) in EDGE_ENDPOINTS[r["type"]] for r in ctx.rows)


@check("Property keys per label")
def _property_keys(ctx: Ctx):
    keys: dict[str, set] = {}
    for _, d in ctx.G.nodes(data=True):
        keys.setdefault(d["label"], set()).update(k for k in d if k != "label")
        keys[d["label"]].add("name_key")  # the loader's lookup key, derived from name
    assert ctx.rows == [{"label": lab, "properties": sorted(keys[lab])} for lab in sorted(keys)][: ctx.limit]
    assert all({"key", "name"} <= set(r["properties"]) for r in ctx.rows)


# --------------------------------------------------------------------------- 10_overview


@check("Nodes per label")
def _nodes_per_label(ctx: Ctx):
    c = counts(ctx.G)["nodes"]
    assert ctx.rows == [{"label": lab, "nodes": n} for lab, n in sorted(c.items()) if n][: ctx.limit]


@check("Relationships per type")
def _rels_per_type(ctx: Ctx):
    c = counts(ctx.G)["edges"]
    assert ctx.rows == [{"type": t, "relationships": n} for t, n in sorted(c.items()) if n][: ctx.limit]


@check("Papers per digest")
def _papers_per_digest(ctx: Ctx):
    G = ctx.G
    expected = [{"digest": name(G, d), "papers": len(into(G, d, "APPEARS_IN"))} for d in of_label(G, "Digest")]
    assert ctx.rows == sorted(expected, key=lambda r: r["digest"])[: ctx.limit]
    # Seed text: one digest per seed file; seeds/002 has 5 numbered entries and 4 more
    # under "另外几篇值得关注的论文".
    assert [r["digest"] for r in ctx.rows] == [p.name for p in sorted(SEEDS.glob("*.txt"))]
    assert {r["digest"]: r["papers"] for r in ctx.rows}[D002] == 9


@check("Papers per category")
def _papers_per_category(ctx: Ctx):
    G = ctx.G
    expected = [{"category": name(G, c), "papers": len(into(G, c, "IN_CATEGORY"))} for c in of_label(G, "Category")]
    assert ctx.rows == sorted(expected, key=lambda r: (-r["papers"], r["category"]))[: ctx.limit]
    # Seed text: only seeds/002 tags entries, [LG] x4, [CL] x3, [CV] x2.
    assert ctx.rows == [{"category": "LG", "papers": 4}, {"category": "CL", "papers": 3},
                        {"category": "CV", "papers": 2}]


@check("Authors, papers and institutions as a graph")
def _authors_papers_institutions(ctx: Ctx):
    G = ctx.G
    seen = assert_paths_in_graph(ctx, ["Author", "Paper", "Institution"])
    total = sum(len(into(G, p, "AUTHORED")) * len(out(G, p, "AFFILIATED_WITH")) for p in of_label(G, "Paper"))
    assert len(seen) == min(ctx.limit, total) > 0


# --------------------------------------------------------------------------- 20_papers


@check("A paper with its authors, institutions, models and datasets")
def _paper_in_full(ctx: Ctx):
    G = ctx.G

    def targets(p, rel):
        return sorted(name(G, v) for v, _, _ in out(G, p, rel))

    expected = []
    for p in papers_matching(G, ctx.params["paper"]):
        seen = sorted((d["file"], d["line"]) for _, _, d in out(G, p, "APPEARS_IN"))
        expected.append({
            "key": G.nodes[p]["key"], "paper": name(G, p), "url": G.nodes[p].get("url"),
            "categories": targets(p, "IN_CATEGORY"), "authors": authors_of(G, p),
            "institutions": institutions_of(G, p), "proposes": targets(p, "PROPOSES"), "uses": targets(p, "USES"),
            "introduces": targets(p, "INTRODUCES"), "evaluates_on": targets(p, "EVALUATES_ON"),
            "seen_at": [f"{f}:{n}" for f, n in seen],
        })
    assert ctx.rows == expected[: ctx.limit]
    # Seed text, seeds/002 lines 4-6: "1、[LG] MO2: Model-Based Offline Options", its seven
    # authors in this order, "[DeepMind]", "we introduce Model-Based Offline Options (MO2)".
    assert ctx.params["paper"] == "2209.01947"
    (row,) = ctx.rows
    assert row["paper"] == "MO2: Model-Based Offline Options" and row["url"] == "https://arxiv.org/abs/2209.01947"
    assert row["authors"] == ["S Salter", "M Wulfmeier", "D Tirumala", "N Heess", "M Riedmiller", "R Hadsell", "D Rao"]
    assert row["institutions"] == ["DeepMind"] and row["categories"] == ["LG"]
    assert "MO2" in row["proposes"] and row["seen_at"] == [f"{D002}:4"]


@check("A paper and its neighbourhood as a graph")
def _paper_neighbourhood(ctx: Ctx):
    G = ctx.G
    (p,) = papers_matching(G, ctx.params["paper"])
    seen = {ids[1] for ids in (path_ids(r["path"]) for r in ctx.rows)}
    assert all(path_ids(r["path"])[0] == p for r in ctx.rows)
    neighbours = set(G.successors(p)) | set(G.predecessors(p))
    assert seen == neighbours and len(ctx.rows) == len(neighbours) <= ctx.limit
    names = {name(G, n) for n in seen}
    assert {"S Salter", "D Rao", "DeepMind", "MO2", "LG", D002} <= names


@check("Papers whose title or abstract mentions a text")
def _text_search(ctx: Ctx):
    G = ctx.G
    expected = []
    for p in of_label(G, "Paper"):
        d = G.nodes[p]
        if fulltext_matches(ctx.params["text"], d.get("title"), d.get("abstract"), d["name"]):
            expected.append({"key": d["key"], "paper": d["name"], "kind": d.get("kind")})
    assert len(expected) <= ctx.limit
    assert sorted(({k: r[k] for k in ("key", "paper", "kind")} for r in ctx.rows), key=lambda r: r["key"]) == expected
    scores = [r["score"] for r in ctx.rows]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)  # best match first
    # Seed text: two seeds/002 titles say "Transformers" (lines 24 and 52).
    assert {"2209.02535", "2209.01540"} <= {r["key"] for r in ctx.rows}


@check("Papers without affiliation")
def _without_affiliation(ctx: Ctx):
    G = ctx.G
    expected = []
    for p in of_label(G, "Paper"):
        if out(G, p, "AFFILIATED_WITH"):
            continue
        file, line = min((d["file"], d["line"]) for _, _, d in out(G, p, "APPEARS_IN"))
        expected.append({"key": G.nodes[p]["key"], "paper": name(G, p), "kind": G.nodes[p].get("kind"),
                         "file": file, "line": line})
    assert ctx.rows == sorted(expected, key=lambda r: (r["file"], r["line"], r["key"]))[: ctx.limit]
    # Seed text: every seeds/002 entry has a [affiliation] line; the other four digests
    # are bare abstracts without one.
    others = {p.name for p in SEEDS.glob("*.txt")} - {D002}
    assert {r["file"] for r in ctx.rows} == others
    assert len(ctx.rows) == sum(len(into(G, f"Digest:{f}", "APPEARS_IN")) for f in others)


# --------------------------------------------------------------------------- 30_coauthorship


def _coauthors(G, author: str) -> list[dict]:
    shared: dict[str, list[str]] = {}
    for a in by_name(G, "Author", author):
        for p, _, _ in out(G, a, "AUTHORED"):
            for c, _, _ in into(G, p, "AUTHORED"):
                if c != a:
                    shared.setdefault(name(G, c), []).append(name(G, p))
    rows = [{"coauthor": c, "papers": len(ps), "shared_papers": sorted(ps)} for c, ps in shared.items()]
    return sorted(rows, key=lambda r: (-r["papers"], r["coauthor"]))


@check("Co-authors of an author")
def _coauthors_of(ctx: Ctx):
    assert ctx.rows == _coauthors(ctx.G, ctx.params["author"])[: ctx.limit]
    # Seed text, seeds/002 line 25: "G Dar, M Geva, A Gupta, J Berant" (M Geva's only paper).
    assert ctx.params["author"] == "M Geva"
    assert ctx.rows == [{"coauthor": c, "papers": 1, "shared_papers": [GEVA_PAPER]}
                        for c in ("A Gupta", "G Dar", "J Berant")]


@check("Most frequent co-author pairs")
def _coauthor_pairs(ctx: Ctx):
    G = ctx.G
    pairs: Counter = Counter()
    for p in of_label(G, "Paper"):
        names = sorted(name(G, a) for a, _, _ in into(G, p, "AUTHORED"))
        pairs.update((a, b) for i, a in enumerate(names) for b in names[i + 1:] if a < b)
    expected = [{"author": a, "coauthor": b, "papers": n} for (a, b), n in pairs.items()]
    assert ctx.rows == sorted(expected, key=lambda r: (-r["papers"], r["author"], r["coauthor"]))[: ctx.limit]


@check("Co-author network of an author as a graph")
def _coauthor_network(ctx: Ctx):
    G = ctx.G
    seen = assert_paths_in_graph(ctx, ["Author", "Paper", "Author"])
    assert len(seen) == min(ctx.limit, sum(r["papers"] for r in _coauthors(G, ctx.params["author"])))
    assert {name(G, n) for ids in seen for n in ids} == {"M Geva", "G Dar", "A Gupta", "J Berant", GEVA_PAPER}


@check("Shortest path between two authors")
def _shortest_path(ctx: Ctx):
    G = ctx.G
    (row,) = ctx.rows
    H = nx.Graph((u, v) for u, v, k in G.edges(keys=True) if k in ("AUTHORED", "AFFILIATED_WITH"))
    (a,), (b,) = by_name(G, "Author", ctx.params["author_a"]), by_name(G, "Author", ctx.params["author_b"])
    assert row["hops"] == nx.shortest_path_length(H, a, b) == len(row["chain"]) - 1
    assert path_ids(row["path"])[0] == a and path_ids(row["path"])[-1] == b
    # Seed text, seeds/002: M Geva's paper is "[Tel-Aviv University & Allen Institute for
    # Artificial Intelligence]" (line 26), W Wang's "[University of Washington & Allen
    # Institute for AI]" (line 71): the one institution they share.
    assert row["chain"] == ["M Geva", GEVA_PAPER, "Allen Institute for AI",
                            "Elaboration-Generating Commonsense Question Answering at Scale", "W Wang"]
    assert row["labels"] == ["Author", "Paper", "Institution", "Paper", "Author"]


# --------------------------------------------------------------------------- 40_institutions


def _partners(G, inst: str | None) -> list[dict]:
    shared: dict[tuple, list[str]] = {}
    for p in of_label(G, "Paper"):
        insts = sorted(name(G, i) for i, _, _ in out(G, p, "AFFILIATED_WITH"))
        for i in insts:
            for j in insts:
                if (inst is None and i < j) or (inst is not None and i.lower() == inst.lower() and j != i):
                    shared.setdefault((i, j), []).append(name(G, p))
    return [{"institution": i, "partner": j, "papers": len(ps), "shared_papers": sorted(ps)}
            for (i, j), ps in shared.items()]


@check("Institutions by papers")
def _institutions_by_papers(ctx: Ctx):
    G = ctx.G
    # Author -> Institution edges exist too; only papers count.
    expected = [{"institution": name(G, i), "papers": len({p for p, _, _ in into(G, i, "AFFILIATED_WITH")
                                                             if label(G, p) == "Paper"})}
                for i in of_label(G, "Institution")]
    assert ctx.rows == sorted(expected, key=lambda r: (-r["papers"], r["institution"]))[: ctx.limit]
    # Seed text, seeds/002: Allen Institute (lines 26, 71), ETH Zurich (62, 80), Microsoft
    # (54, 62) and University of Washington (43, 71) are named on two papers each.
    assert ctx.rows[:4] == [{"institution": i, "papers": 2} for i in
                            ("Allen Institute for AI", "ETH Zurich", "Microsoft", "University of Washington")]


@check("Institutions that publish together")
def _publish_together(ctx: Ctx):
    expected = _partners(ctx.G, None)
    assert ctx.rows == sorted(expected, key=lambda r: (-r["papers"], r["institution"], r["partner"]))[: ctx.limit]
    # Seed text, seeds/002 lines 62, 71, 80.
    for i, j, paper in (("ETH Zurich", "Microsoft", "HammingMesh: A Network Topology for Large-Scale Deep Learning"),
                        ("Allen Institute for AI", "University of Washington",
                         "Elaboration-Generating Commonsense Question Answering at Scale"),
                        ("ETH Zurich", "University of Trento", "Facial Expression Translation using Landmark Guided GANs")):
        assert {"institution": i, "partner": j, "papers": 1, "shared_papers": [paper]} in ctx.rows


@check("Partners of an institution")
def _partners_of(ctx: Ctx):
    expected = [{k: r[k] for k in ("partner", "papers", "shared_papers")}
                for r in _partners(ctx.G, ctx.params["institution"])]
    assert ctx.rows == sorted(expected, key=lambda r: (-r["papers"], r["partner"]))[: ctx.limit]
    # Seed text: "[ETH Zurich & Microsoft Corporation]" (line 62), "[ETH Zurich & University of Trento]" (80).
    assert ctx.params["institution"] == "ETH Zurich"
    assert ctx.rows == [
        {"partner": "Microsoft", "papers": 1, "shared_papers": ["HammingMesh: A Network Topology for Large-Scale Deep Learning"]},
        {"partner": "University of Trento", "papers": 1, "shared_papers": ["Facial Expression Translation using Landmark Guided GANs"]},
    ]


@check("Papers and authors of an institution")
def _institution_papers(ctx: Ctx):
    G = ctx.G
    expected = sorted(
        ({"key": G.nodes[p]["key"], "paper": name(G, p), "authors": authors_of(G, p)}
         for i in by_name(G, "Institution", ctx.params["institution"])
         for p, _, _ in into(G, i, "AFFILIATED_WITH") if label(G, p) == "Paper"),
        key=lambda r: r["key"])
    assert ctx.rows == expected[: ctx.limit]
    # Seed text, seeds/002 lines 53-54 and 61-62.
    assert ctx.params["institution"] == "Microsoft"
    assert ctx.rows == [
        {"key": "2209.01346", "paper": "HammingMesh: A Network Topology for Large-Scale Deep Learning",
         "authors": ["T Hoefler", "T Bonato", "D D Sensi", "S D Girolamo", "S Li", "M Heddes", "J Belk", "D Goel",
                     "M Castro", "S Scott"]},
        {"key": "2209.01540", "paper": "An Empirical Study of End-to-End Video-Language Transformers with Masked Visual Modeling",
         "authors": ["T Fu", "L Li", "Z Gan", "K Lin", "W Y Wang", "L Wang", "Z Liu"]},
    ]


# --------------------------------------------------------------------------- 50_models, 60_datasets


def _links(G, rels: tuple[str, ...], target_label: str, where=lambda n: True) -> list[tuple[str, str, str, dict]]:
    """(paper, relationship type, target, edge data) for papers linked by ``rels``."""
    return [(p, k, t, d) for p in of_label(G, "Paper") for t, k, d in out(G, p, *rels)
            if label(G, t) == target_label and where(t)]


def _prov(d: dict) -> dict:
    return {"evidence": d["evidence"], "file": d["file"], "line": d["line"]}


@check("Who proposes which models")
def _who_proposes(ctx: Ctx):
    G = ctx.G
    expected = [{"model": name(G, m), "key": G.nodes[p]["key"], "paper": name(G, p), "authors": authors_of(G, p),
                 "institutions": institutions_of(G, p), **_prov(d)}
                for p, _, m, d in _links(G, ("PROPOSES",), "Model")]
    assert ctx.rows == sorted(expected, key=lambda r: (r["model"], r["key"]))[: ctx.limit]
    assert_evidence_in_seeds(ctx.rows)
    # Seed text, seeds/002: "we introduce Model-Based Offline Options (MO2)" by S Salter
    # et al. at DeepMind (lines 4-9); HammingMesh by ETH Zurich & Microsoft (59-62).
    by_model = {r["model"]: r for r in ctx.rows}
    assert by_model["MO2"]["key"] == "2209.01947" and by_model["MO2"]["institutions"] == ["DeepMind"]
    assert by_model["MO2"]["authors"][0] == "S Salter"
    assert by_model["HammingMesh"]["institutions"] == ["ETH Zurich", "Microsoft"]


@check("Models proposed at an institution")
def _proposed_at(ctx: Ctx):
    G = ctx.G
    inst = ctx.params["institution"].lower()
    expected = [{"model": name(G, m), "key": G.nodes[p]["key"], "paper": name(G, p)}
                for p, _, m, _ in _links(G, ("PROPOSES",), "Model")
                if inst in (i.lower() for i in institutions_of(G, p))]
    assert ctx.rows == sorted(expected, key=lambda r: (r["model"], r["key"]))[: ctx.limit]
    assert ctx.params["institution"] == "DeepMind"  # seeds/002 line 6, the MO2 paper's only affiliation
    assert ctx.rows == [{"model": "MO2", "key": "2209.01947", "paper": "MO2: Model-Based Offline Options"}]


@check("Most-used models", "Most-used datasets")
def _most_used(ctx: Ctx):
    lab, col = ("Model", "model") if "model" in ctx.rows[0] else ("Dataset", "dataset")
    top = graph_stats(ctx.G, ctx.limit).top[lab]  # the same ranking as `kg stats`
    assert ctx.rows == [{col: n, "papers": c} for n, c in top]
    assert ctx.rows[0]["papers"] >= 2


@check("Papers that use a model")
def _papers_using(ctx: Ctx):
    G = ctx.G
    query = ctx.params["model"]
    expected = [{"model": name(G, m), "role": k, "key": G.nodes[p]["key"], "paper": name(G, p), **_prov(d)}
                for p, k, m, d in _links(G, ("PROPOSES", "USES"), "Model", lambda m: fulltext_matches(query, name(G, m)))]
    assert ctx.rows == sorted(expected, key=lambda r: (r["model"], r["key"]))[: ctx.limit]
    assert_evidence_in_seeds(ctx.rows)  # (the evidence may be Chinese: 通用变压器 is Universal Transformer)
    found = {(r["key"], r["evidence"]) for r in ctx.rows}
    # Seed text, seeds/002 line 18: "... encompasses Mixture-of-Experts, Switch Transformers, ...".
    assert ("2209.01667", "Switch Transformers") in found
    # Seed text, seeds/002 titles at lines 24 and 52: "Analyzing Transformers in Embedding
    # Space", "... Video-Language Transformers with Masked Visual Modeling".
    assert {("2209.02535", "Transformers"), ("2209.01540", "Transformers")} <= found


@check("Papers that evaluate on a dataset")
def _papers_on_dataset(ctx: Ctx):
    G = ctx.G
    want = ctx.params["dataset"].lower()
    expected = [{"dataset": name(G, t), "role": k, "key": G.nodes[p]["key"], "paper": name(G, p), **_prov(d)}
                for p, k, t, d in _links(G, ("INTRODUCES", "EVALUATES_ON"), "Dataset", lambda t: name(G, t).lower() == want)]
    assert ctx.rows == sorted(expected, key=lambda r: r["key"])[: ctx.limit]
    assert_evidence_in_seeds(ctx.rows)
    # Seed text, seeds/004 line 9: BART "... matches the performance of RoBERTa ... on GLUE and SQuAD".
    assert ctx.params["dataset"] == "SQuAD"
    assert any(r["file"] == "004_5e8e743c2c6e32b3.txt" and r["paper"].startswith("We present BART") for r in ctx.rows)


@check("Datasets introduced by papers")
def _introduced(ctx: Ctx):
    G = ctx.G
    expected = [{"dataset": name(G, t), "key": G.nodes[p]["key"], "paper": name(G, p), **_prov(d)}
                for p, _, t, d in _links(G, ("INTRODUCES",), "Dataset")]
    assert ctx.rows == sorted(expected, key=lambda r: (r["dataset"], r["key"]))[: ctx.limit]
    assert ctx.rows
    assert_evidence_in_seeds(ctx.rows)


# --------------------------------------------------------------------------- 70_model_dataset


def _model_dataset(G) -> list[tuple[str, str, str]]:
    """(model name, dataset name, paper key) for every paper linking both."""
    return [(name(G, m), name(G, d), G.nodes[p]["key"])
            for p in of_label(G, "Paper")
            for m, _, _ in out(G, p, "PROPOSES", "USES") if label(G, m) == "Model"
            for d, _, _ in out(G, p, "INTRODUCES", "EVALUATES_ON") if label(G, d) == "Dataset"]


def _grouped(triples, col: str) -> list[dict]:
    papers: dict[str, set] = {}
    for thing, key in triples:
        papers.setdefault(thing, set()).add(key)
    rows = [{col: t, "papers": len(ks), "paper_keys": sorted(ks)} for t, ks in papers.items()]
    return sorted(rows, key=lambda r: (-r["papers"], r[col]))


@check("Datasets a model is evaluated on")
def _datasets_of_model(ctx: Ctx):
    want = ctx.params["model"].lower()
    expected = _grouped([(d, p) for m, d, p in _model_dataset(ctx.G) if m.lower() == want], "dataset")
    assert ctx.rows == expected[: ctx.limit]
    # Seed text, seeds/004 line 9: BART "... on GLUE and SQuAD".
    assert ctx.params["model"] == "BART"
    assert {"GLUE", "SQuAD"} <= {r["dataset"] for r in ctx.rows}


@check("Models evaluated on a dataset")
def _models_on_dataset(ctx: Ctx):
    want = ctx.params["dataset"].lower()
    expected = _grouped([(m, p) for m, d, p in _model_dataset(ctx.G) if d.lower() == want], "model")
    assert ctx.rows == expected[: ctx.limit]
    assert ctx.params["dataset"] == "GLUE"
    assert "BART" in {r["model"] for r in ctx.rows}  # seeds/004 line 9 again


@check("Model and dataset pairs")
def _pairs(ctx: Ctx):
    c = Counter((m, d) for m, d, _ in set(_model_dataset(ctx.G)))
    expected = [{"model": m, "dataset": d, "papers": n} for (m, d), n in c.items()]
    assert ctx.rows == sorted(expected, key=lambda r: (-r["papers"], r["model"], r["dataset"]))[: ctx.limit]


@check("Models and datasets of papers as a graph")
def _model_dataset_graph(ctx: Ctx):
    seen = assert_paths_in_graph(ctx, ["Model", "Paper", "Dataset"])
    assert len(seen) == min(ctx.limit, len(_model_dataset(ctx.G))) > 0


# --------------------------------------------------------------------------- run them all


def test_every_query_is_checked():
    assert sorted({q.title for _, q in QUERIES} - set(CHECKS)) == []
    assert sorted(set(CHECKS) - {q.title for _, q in QUERIES}) == []


@pytest.fixture(scope="module")
def seeds_in_neo4j(neo4j_driver, neo4j_empty):
    G = build_graph([str(p) for p in sorted(SEEDS.glob("*.txt"))])
    neo4j_empty()
    neo4j_store.load_graph(neo4j_driver, G, batch_size=100)
    return neo4j_driver, G


@pytest.mark.neo4j
@pytest.mark.parametrize("item", QUERIES, ids=_id)
def test_query_answers(seeds_in_neo4j, item):
    driver, G = seeds_in_neo4j
    _, q = item
    keys, records = neo4j_store.run_query(driver, q.text, q.bound_params)
    rows = [dict(zip(keys, r.values())) for r in records]
    CHECKS[q.title](Ctx(G, driver, q.bound_params, rows))


# --------------------------------------------------------------------------- kg cypher


def test_cypher_cli_list_and_usage_errors_need_no_server():
    from click.testing import CliRunner

    from kg.cli import cli

    runner = CliRunner()
    listed = runner.invoke(cli, ["cypher", str(CYPHER / "30_coauthorship.cypher"), "--list"])
    assert listed.exit_code == 0
    assert "Shortest path between two authors  ($author_a, $author_b, $limit)" in listed.output
    unknown = runner.invoke(cli, ["cypher", str(CYPHER / "30_coauthorship.cypher"), "--query", "nothing like it"])
    assert unknown.exit_code == 1 and "Error: no queries match 'nothing like it'" in unknown.output
    # cypher-shell's -P syntax only; a bare NAME=VALUE is neither form.
    bad = runner.invoke(cli, ["cypher", str(CYPHER / "30_coauthorship.cypher"), "-P", "novalue"])
    assert bad.exit_code == 2 and "neither a map {name: value} nor 'name => value'" in bad.output
    # Values are Cypher literals: an unquoted name is refused with the quoted form to use.
    unquoted = runner.invoke(cli, ["cypher", str(CYPHER / "30_coauthorship.cypher"), "-P", "author => M Geva"])
    assert unquoted.exit_code == 2 and 'author => "M Geva"' in unquoted.output
    # A misspelt parameter is an error naming the ones the query takes, not silently ignored.
    misspelt = runner.invoke(cli, ["cypher", str(CYPHER / "30_coauthorship.cypher"), "--query", "Co-authors of an author",
                                   "-P", "autor => 'M Geva'"])
    assert misspelt.exit_code == 1
    assert misspelt.output == "Error: unknown parameter $autor: the query takes $author, $limit\n"
    many = runner.invoke(cli, ["cypher", str(CYPHER / "30_coauthorship.cypher"), "--format", "csv"])
    assert many.exit_code == 2 and "pick one with --query TITLE" in many.output
    missing = runner.invoke(cli, ["cypher", str(CYPHER / "missing.cypher")])
    assert missing.exit_code == 1 and "no such Cypher file" in missing.output
    needs = runner.invoke(cli, ["cypher", "MATCH (a:Author {name_key: $who}) RETURN a"])
    assert needs.exit_code == 1 and needs.output == "Error: query 'query 1' needs $who: add -P 'who => …'\n"


@pytest.mark.neo4j
def test_cypher_cli_runs_a_file(seeds_in_neo4j, neo4j_env):
    from click.testing import CliRunner

    from kg.cli import cli

    runner = CliRunner(env=neo4j_env)
    table = runner.invoke(cli, ["cypher", str(CYPHER / "30_coauthorship.cypher")])
    assert table.exit_code == 0, table.output
    # Piped (not a terminal): plain lines, a // title before each result.
    assert "// Co-authors of an author\ncoauthor, papers, shared_papers\n" in table.output
    assert '"J Berant", 1, ["Analyzing Transformers in Embedding Space"]' in table.output
    assert "(Author M Geva) -[:AUTHORED]-> (Paper Analyzing Transformers" in table.output  # a path, drawn
    assert "─" not in table.output and "│" not in table.output  # no box drawing when piped
    import orjson

    out = runner.invoke(cli, ["cypher", str(CYPHER / "40_institutions.cypher"), "--query", "partners",
                              "-P", "{institution: 'Microsoft', limit: 1}", "--format", "json"])
    assert out.exit_code == 0, out.output
    (result,) = orjson.loads(out.output)
    assert result["title"] == "Partners of an institution"
    assert result["params"] == {"institution": "Microsoft", "limit": 1}
    assert result["rows"] == [{"partner": "ETH Zurich", "papers": 1,
                               "shared_papers": ["HammingMesh: A Network Topology for Large-Scale Deep Learning"]}]


@pytest.mark.neo4j
def test_cypher_cli_like_cypher_shell(seeds_in_neo4j, neo4j_env):
    """A query string or stdin, -P in both cypher-shell forms with typed values, the
    four formats, and -a -u -p -d meaning address, user, password, database."""
    from click.testing import CliRunner

    from kg.cli import cli

    runner = CliRunner()  # no environment: the connection comes from the flags
    flags = ["-a", neo4j_env["NEO4J_URI"], "-u", neo4j_env["NEO4J_USERNAME"], "-p", neo4j_env["NEO4J_PASSWORD"],
             "-d", "neo4j"]
    text = "MATCH (p:Paper {key: $paper}) RETURN p.name AS paper, $paper AS asked"
    # The id stays a string: '2209.01947' is quoted; unquoted it is a float and finds nothing.
    for p in ('{paper: "2209.01947"}', "paper => '2209.01947'"):
        out = runner.invoke(cli, ["cypher", text, "-P", p, "--format", "csv", *flags])
        assert out.exit_code == 0, out.output
        assert out.output == "paper,asked\nMO2: Model-Based Offline Options,2209.01947\n"
    as_float = runner.invoke(cli, ["cypher", text, "-P", "paper => 2209.01947", "--format", "jsonl", *flags])
    assert as_float.exit_code == 0 and as_float.output == ""
    stdin = runner.invoke(cli, ["cypher", "-", "--format", "jsonl", *flags],
                          input=":param who => 'm geva';\n"
                                "MATCH (a:Author {name_key: $who})-[:AUTHORED]->(p:Paper) RETURN a.name AS author, p.key AS paper;\n")
    assert stdin.exit_code == 0, stdin.output
    assert stdin.output == '{"author":"M Geva","paper":"2209.02535"}\n'
    # Neo4j's warnings: one line each on stderr, not the driver's log record with the query.
    warned = runner.invoke(cli, ["cypher", "MATCH (p:Paper)-[:NOT_A_KG_TYPE]->(x) RETURN count(*) AS n", *flags])
    assert warned.exit_code == 0, warned.output
    assert warned.stderr.splitlines() == ["query 1: warn: relationship type does not exist. The relationship type "
                                          "`NOT_A_KG_TYPE` does not exist. Verify that the spelling is correct."]
    assert warned.stdout == "n\n0\n"
    wrong_db = runner.invoke(cli, ["cypher", "RETURN 1 AS one", *flags[:-1], "nodb"])
    assert wrong_db.exit_code == 1 and wrong_db.output.startswith("Error: Neo4j at ")
    assert "has no database 'nodb'" in wrong_db.output and len(wrong_db.output.splitlines()) == 1


# --------------------------------------------------------------------------- plans


def _operators(plan: dict) -> list[str]:
    """Every operator of a plan tree (Neo4j appends @database to the names)."""
    return [plan["operatorType"].split("@")[0], *(op for child in plan.get("children", []) for op in _operators(child))]


ALL_QUERIES = [(p.stem, q) for p in sorted(CYPHER.glob("*.cypher")) for q in parse_cypher_file(p)]


@pytest.mark.neo4j
@pytest.mark.parametrize("item", [i for i in ALL_QUERIES if not DDL.match(i[1].text)], ids=_id)
def test_query_plan_has_no_all_nodes_scan_or_cartesian_product(seeds_in_neo4j, item):
    """Lookups start from an index or a label, never from every node, and two lookups
    are never multiplied: checked on the plan Neo4j would run (EXPLAIN runs nothing)."""
    driver, _ = seeds_in_neo4j
    _, q = item
    records, summary, _ = driver.execute_query("EXPLAIN " + q.text, q.bound_params)
    operators = _operators(summary.plan)
    assert [op for op in operators if op in ("AllNodesScan", "CartesianProduct")] == [], operators


@pytest.mark.neo4j
@pytest.mark.parametrize("title, param", [("Co-authors of an author", "author"),
                                          ("Partners of an institution", "institution"),
                                          ("Datasets a model is evaluated on", "model")])
def test_lookups_by_name_are_index_seeks(seeds_in_neo4j, title, param):
    driver, _ = seeds_in_neo4j
    q = next(q for _, q in QUERIES if q.title == title)
    _, summary, _ = driver.execute_query("EXPLAIN " + q.text, q.bound_params)
    ops = _operators(summary.plan)
    # NodeIndexSeek, or one of its variants (by range, partitioned) on other plans.
    assert any("IndexSeek" in op for op in ops), " > ".join(ops)
    # ... and any case and stray spaces find the same rows.
    shouted = {**q.bound_params, param: f"  {q.bound_params[param].upper()} "}
    assert neo4j_store.run_query(driver, q.text, shouted)[1] == neo4j_store.run_query(driver, q.text, q.bound_params)[1]
