"""The similar papers stored at load time (kg.neo4j.similar) and cypher/80's "Similar
papers" reading them: the same rows as kg.analytics, whether the query reads the stored
pairs or computes them; the stored pairs are used only while they fit the graph, and a
second ``kg load`` of a bigger graph stores the new ones."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg import analytics as A
from kg.cli import cli
from kg.graph import counts
from kg.neo4j import similar
from kg.neo4j import store as neo4j_store
from kg.neo4j.cypher_lib import find_query, parse_cypher_file
from kg.neo4j.store import StoreError, read_counts
from kg.stores import networkx_store
from test_analytics_parity import SIMILAR_LABELS, hand_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
QUERY = find_query(parse_cypher_file(ROOT / "cypher" / "80_analytics.cypher"), "Similar papers")
BIG = 100_000
LIMITS = (1, 2, 3, 5, 20, BIG)


def rows(driver, labels, limit) -> list[tuple]:
    _, records = neo4j_store.run_query(driver, QUERY.text, {"labels": labels, "limit": limit})
    return [(r["source"], r["target"], r["shared"], r["jaccard"], tuple(r["via"]), r["source_id"], r["target_id"])
            for r in records]


def expected(G, labels, limit) -> list[tuple]:
    return [(r.source, r.target, r.shared, r.jaccard, r.via, r.source_id, r.target_id)
            for r in A.similar_papers(G, k=limit, labels=labels)]


def stored_nodes(driver) -> list[dict]:
    records, _, _ = driver.execute_query(f"MATCH (s:{similar.LABEL}) RETURN s ORDER BY s.key")
    return [dict(r["s"]) for r in records]


def test_the_query_checks_the_counts_refresh_stores():
    """cypher/80 and kg.neo4j.similar count the same things, in the same order."""
    assert similar.counts_expression() in QUERY.text
    assert similar.COUNTS[0] == "(:Paper)" and len(similar.COUNTS) == 1 + len(similar.SHARED_TYPES)


def test_refresh_refuses_labels_papers_do_not_share():
    with pytest.raises(StoreError, match="not Category"):
        similar.refresh(None, labels=["Author", "Category"])  # refused before any connection
    with pytest.raises(StoreError, match="at least 1"):
        similar.refresh(None, top=0)


@pytest.mark.neo4j
@pytest.mark.parametrize("tag", ["seed", "hand"])
def test_stored_pairs_give_the_rows_of_kg_analytics(neo4j_db, tag):
    """For every label set and limit, with the pairs stored (for the default labels, and
    for Author alone) and with too few stored (top=3: larger limits are computed)."""
    G = kg.build_graph([SEEDS]) if tag == "seed" else hand_graph()
    neo4j_store.load_graph(neo4j_db, G)
    for top in (3, similar.DEFAULT_TOP):
        for labels in (A.SHARED_LABELS, ["Author"]):
            result = similar.refresh(neo4j_db, labels=labels, top=top)
            assert result.stored and result.pairs == min(top, len(A.similar_papers(G, labels=labels)))
            assert result.complete == (result.pairs < top)
        for labels in SIMILAR_LABELS:
            for limit in LIMITS:
                assert rows(neo4j_db, labels, limit) == expected(G, labels, limit), (top, labels, limit)
    # The stored lists are kg.analytics' own ranking.
    [author, default] = stored_nodes(neo4j_db)
    assert [f"Paper:{a}" for a in default["sources"]] == [r.source_id for r in A.similar_papers(G)][:len(
        default["sources"])]
    assert author["labels"] == ["Author"] and default["key"] == "Author,Dataset,Institution,Model"


@pytest.mark.neo4j
def test_stored_pairs_are_read_only_while_the_graph_is_the_same(neo4j_db):
    """Stored pairs that no longer fit the graph are not used: the answer is computed."""
    G = kg.build_graph([SEEDS])
    neo4j_store.load_graph(neo4j_db, G)
    similar.refresh(neo4j_db)
    truth = expected(G, list(A.SHARED_LABELS), 3)
    assert rows(neo4j_db, list(A.SHARED_LABELS), 3) == truth
    # Proof that the query reads them: without the best pair stored, it is not found.
    neo4j_db.execute_query(f"MATCH (s:{similar.LABEL}) SET s.sources = s.sources[1..], s.targets = s.targets[1..]")
    assert rows(neo4j_db, list(A.SHARED_LABELS), 3) == expected(G, list(A.SHARED_LABELS), 4)[1:]
    # The graph changes (a new co-author of the two best papers): the stored pairs are
    # stale, so the query computes the answer, that of the changed graph.
    best = [truth[0][5], truth[0][6]]
    neo4j_db.execute_query(
        "CREATE (x:Author {key: 'zz new author', name: 'Zz New Author', name_key: 'zz new author'}) "
        "WITH x MATCH (p:Paper) WHERE 'Paper:' + p.key IN $best CREATE (x)-[:AUTHORED]->(p)", best=best)
    G.add_node("Author:zz new author", label="Author", key="zz new author", name="Zz New Author")
    for paper in best:
        G.add_edge("Author:zz new author", paper, key="AUTHORED", type="AUTHORED")
    for limit in (1, 3, BIG):
        assert rows(neo4j_db, list(A.SHARED_LABELS), limit) == expected(G, list(A.SHARED_LABELS), limit)
    assert expected(G, list(A.SHARED_LABELS), 1)[0][2] == truth[0][2] + 1  # the change shows


@pytest.mark.neo4j
def test_kg_load_stores_them_and_a_bigger_second_load_replaces_them(neo4j_db, neo4j_env, tmp_path):
    """`kg load` of one digest, then of all seeds: the stored pairs are the bigger graph's;
    they are no kg node (counts, read-back, the overview query); --wipe removes them."""
    runner = CliRunner(env=neo4j_env)
    first_digest = sorted(SEEDS.glob("*.txt"))[0]
    small = runner.invoke(cli, ["load", str(first_digest)])
    assert small.exit_code == 0, small.output
    assert "kg load: similar papers: " in small.output
    [before] = stored_nodes(neo4j_db)
    path = tmp_path / "seeds.kg.json"
    G = kg.build_graph([SEEDS])
    networkx_store.save(G, path)
    bigger = runner.invoke(cli, ["load", str(path), "-q"])
    assert bigger.exit_code == 0 and bigger.output == "", bigger.output
    [after] = stored_nodes(neo4j_db)
    assert after["counts"] != before["counts"] and len(after["sources"]) > len(before["sources"])
    assert [(f"Paper:{a}", f"Paper:{b}") for a, b in zip(after["sources"], after["targets"])] == \
        [(r.source_id, r.target_id) for r in A.similar_papers(G)][:similar.DEFAULT_TOP]
    for labels in SIMILAR_LABELS[:3]:
        for limit in (1, 3, BIG):
            assert rows(neo4j_db, labels, limit) == expected(G, labels, limit)
    # Not a kg entity anywhere.
    assert read_counts(neo4j_db) == counts(G) == counts(neo4j_store.read_graph(neo4j_db))
    overview = find_query(parse_cypher_file(ROOT / "cypher" / "10_overview.cypher"), "Nodes per label")
    _, records = neo4j_store.run_query(neo4j_db, overview.text, overview.bound_params)
    assert {r["label"]: r["nodes"] for r in records} == {k: v for k, v in counts(G)["nodes"].items() if v}
    # Refreshed again without a change: kept as they are, not ranked again.
    same = similar.refresh(neo4j_db)
    assert same.unchanged and same.pairs == len(after["sources"]) and stored_nodes(neo4j_db) == [after]
    # A paper without entities changes a count but not the pairs: only the counts are updated.
    neo4j_db.execute_query("CREATE (:Paper {key: 'zz-lonely', name: 'Lonely', name_key: 'lonely'})")
    assert rows(neo4j_db, list(A.SHARED_LABELS), 3) == expected(G, list(A.SHARED_LABELS), 3)  # computed
    lonely = similar.refresh(neo4j_db)
    assert lonely.unchanged and "unchanged" in lonely.summary()
    [updated] = stored_nodes(neo4j_db)
    assert updated["counts"][0] == after["counts"][0] + 1 and updated["sources"] == after["sources"]
    neo4j_db.execute_query("MATCH (p:Paper {key: 'zz-lonely'}) DELETE p")
    # --no-similar leaves them as they were; --wipe drops them before loading again.
    again = runner.invoke(cli, ["load", str(first_digest), "--no-similar", "-q"])
    assert again.exit_code == 0 and stored_nodes(neo4j_db) == [updated]
    wiped = runner.invoke(cli, ["load", str(first_digest), "--wipe", "--yes", "--no-similar", "-q"])
    assert wiped.exit_code == 0 and stored_nodes(neo4j_db) == []
