"""kg.neo4j.store and ``kg load`` / ``kg stats --neo4j`` against a real Neo4j.

Tests marked ``neo4j`` need the server of tests/conftest.py (skipped without one,
failing with KG_REQUIRE_NEO4J=1); the others check the static Cypher and the
validation that happens before anything is sent.
"""
from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import networkx as nx
import orjson
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import StoreError
from kg.graph import EDGE_ENDPOINTS, EDGE_TYPES, NODE_LABELS, counts, new_graph
from kg.pipeline import build_graph
from kg.stats import graph_stats
from kg.neo4j import store as neo4j_store
from kg.neo4j import load_cypher, load_plan
from kg.stores import networkx_store
from kg.neo4j.store import Neo4jLoadError, load_graph, read_counts, read_graph, read_stats

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
#: Every character that could break a query built by string formatting.
NASTY = "O'Brien \"the\" `tick` $param \\back\\slash\nnew line <script>alert(1)</script> }{ ;// "


@pytest.fixture(scope="module")
def seed_graph() -> nx.MultiDiGraph:
    return build_graph([str(p) for p in SEED_FILES])


def _data(G: nx.MultiDiGraph) -> dict:
    data = networkx_store.to_data(G)
    del data["kg_version"]
    return data


def _graph(nodes, edges) -> nx.MultiDiGraph:
    """A graph shaped like kg.graph's: nodes (label, key, props), edges (u, v, type, props)."""
    G = new_graph()
    for label, key, props in nodes:
        G.add_node(f"{label}:{key}", label=label, key=key, **{"name": key, **props})
    for u, v, rel, props in edges:
        props = {"file": "a.txt", "line": 1, "evidence": "e", **props}
        props.setdefault("sources", [f"{props['file']}:{props['line']}"])
        G.add_edge(u, v, key=rel, type=rel, **props)
    return G


def _duplicates(driver) -> list:
    """Nodes sharing label and key, or relationships sharing (start, type, end)."""
    records, _, _ = driver.execute_query(
        "MATCH (n) WITH labels(n) AS l, n.key AS k, count(*) AS c WHERE c > 1 RETURN l, k, c "
        "UNION ALL "
        "MATCH (a)-[r]->(b) WITH elementId(a) AS l, type(r) + elementId(b) AS k, count(*) AS c WHERE c > 1 "
        "RETURN l, k, c"
    )
    return [r.data() for r in records]


# --------------------------------------------------------------------------- no server needed


def test_static_queries_cover_the_schema_and_hold_no_data():
    assert set(neo4j_store.CONSTRAINT_QUERIES) == set(NODE_LABELS) == set(neo4j_store.NODE_QUERIES)
    assert set(neo4j_store.EDGE_QUERIES) == {(t, s, e) for t in EDGE_TYPES for s, e in EDGE_ENDPOINTS[t]}
    for (rel, start, end), q in neo4j_store.EDGE_QUERIES.items():
        assert q.startswith("UNWIND $rows AS row")
        assert f"(a:{start} {{key: row.start}})" in q and f"[r:{rel}]" in q and f"(b:{end} {{key: row.end}})" in q
    for label, q in neo4j_store.NODE_QUERIES.items():
        assert f"MERGE (n:{label} {{key: row.key}})" in q
    assert set(neo4j_store.NODE_CREATE_QUERIES) == set(NODE_LABELS)
    for label, q in neo4j_store.NODE_CREATE_QUERIES.items():
        assert q.startswith("UNWIND $rows AS row") and f"CREATE (n:{label} {{key: row.key}})" in q
    # Values only ever arrive as $parameters: no quoted string literal but the empty one.
    for q in [*neo4j_store.NODE_QUERIES.values(), *neo4j_store.NODE_CREATE_QUERIES.values(),
              *neo4j_store.EDGE_QUERIES.values()]:
        assert re.findall(r"'[^']*'", q) == ["''"] * len(re.findall(r"'[^']*'", q))


def test_schema_names_must_be_identifiers():
    with pytest.raises(ValueError):
        load_cypher._node_query("Paper {key: 1}) DETACH DELETE n //")


@pytest.mark.parametrize(
    "G, message",
    [
        (_graph([("Person", "x", {})], []), "label 'Person' is not one of kg's node labels"),
        (_graph([("Paper", "p", {}), ("Model", "m", {})], [("Paper:p", "Model:m", "LIKES", {})]),
         "type 'LIKES' is not one of"),
        (_graph([("Paper", "p", {}), ("Model", "m", {})], [("Model:m", "Paper:p", "USES", {})]),
         "USES does not link Model to Paper"),
        (_graph([("Paper", "p", {"meta": {"a": 1}})], []), "a dict cannot be a Neo4j property value"),
        (_graph([("Paper", "p", {"mixed": [1, "a"]})], []), "lists hold values of one type"),
        (_graph([("Paper", "p", {"big": 2**70})], []), "does not fit Neo4j's 64-bit integers"),
        # Lists take a quick path when all of one plain type; what it lets through must still be checked.
        (_graph([("Paper", "p", {"span": [1, 2**70]})], []), "does not fit Neo4j's 64-bit integers"),
        (_graph([("Paper", "p", {"span": [-(2**63) - 1]})], []), "does not fit Neo4j's 64-bit integers"),
        (_graph([("Paper", "p", {"tags": ["a", None]})], []), "a NoneType cannot be a Neo4j property value"),
        (_graph([("Paper", "p", {"flags": [True, 1]})], []), "lists hold values of one type"),
        (_graph([("Paper", "p", {}), ("Model", "m", {})], [("Paper:p", "Model:m", "USES", {"sources": ["a", 1]})]),
         "lists hold values of one type"),
    ],
)
def test_graph_that_neo4j_cannot_hold_fails_before_writing(G, message):
    with pytest.raises(StoreError, match=re.escape(message)):
        load_plan._plan(G, 10)  # load_graph plans first, so nothing reaches the server


def test_plan_batches_nodes_before_relationships():
    G = _graph([("Paper", f"p{i}", {}) for i in range(5)] + [("Author", "a", {})],
               [("Author:a", f"Paper:p{i}", "AUTHORED", {"position": 1}) for i in range(5)])
    steps = load_plan._plan(G, 2).steps
    batches = [b for b, _, _ in steps]
    assert [(b.number, b.what, b.kind, b.first_row, b.last_row) for b in batches] == [
        (1, "Paper", "nodes", 1, 2), (2, "Paper", "nodes", 3, 4), (3, "Paper", "nodes", 5, 5),
        (4, "Author", "nodes", 1, 1),
        (5, "AUTHORED (Author->Paper)", "relationships", 1, 2), (6, "AUTHORED (Author->Paper)", "relationships", 3, 4),
        (7, "AUTHORED (Author->Paper)", "relationships", 5, 5),
    ]
    assert all(b.total == 7 for b in batches)
    assert (batches[1].first, batches[1].last) == ("Paper:p2", "Paper:p3")
    assert batches[5].describe() == ("batch 6/7 (AUTHORED (Author->Paper) relationships 3-4, "
                                     "first 'Author:a -> Paper:p2', last 'Author:a -> Paper:p3')")
    # None is dropped (Neo4j has no null properties); "type" is the relationship type itself.
    G.nodes["Paper:p0"]["url"] = None
    _, _, rows = load_plan._plan(G, 10).steps[0]
    assert rows[0] == {"key": "p0", "props": {"name": "p0", "name_key": "p0"}}  # name_key: derived for the index


def test_plan_for_several_workers_gives_lanes_that_share_no_node():
    G = _crowded_graph(papers=300, authors=40)
    plan = load_plan._plan(G, 10, workers=3)
    one = load_plan._plan(G, 10, workers=1)
    # Every row once, nodes before relationships, batches numbered 1..n.
    steps = plan.steps
    assert [b.number for b, _, _ in steps] == list(range(1, len(steps) + 1))
    assert all(b.total == len(steps) for b, _, _ in steps)
    rows = [r for _, _, chunk in steps for r in chunk]
    assert sorted(map(repr, rows)) == sorted(repr(r) for _, _, chunk in one.steps for r in chunk)
    assert max(b.number for b, _, _ in steps if b.kind == "nodes") < min(
        b.number for b, _, _ in steps if b.kind == "relationships")
    # Within a group, the batches' row ranges tile 1..n.
    for what in {b.what for b, _, _ in steps}:
        ranges = [(b.first_row, b.last_row) for b, _, _ in steps if b.what == what]
        assert ranges[0][0] == 1 and all(a[1] + 1 == b[0] for a, b in zip(ranges, ranges[1:]))
    # The lanes of a phase run at once: they must not share a node, or they would wait
    # for each other's locks; the relationship phases use every lane.
    edge_phases = [phase for phase in plan.phases if phase[0][0][0].kind == "relationships"]
    assert len(edge_phases) == 3 and all(len(phase) == 3 for phase in edge_phases)
    for phase in plan.phases:
        touched = [{k for _, _, chunk in lane for r in chunk for k in (r.get("key"), r.get("start"), r.get("end"))} - {None}
                   for lane in phase]
        for i, a in enumerate(touched):
            for b in touched[i + 1:]:
                assert not a & b
    # Deterministic: the same plan again.
    assert [(b, rows) for b, _, rows in load_plan._plan(G, 10, workers=3).steps] == [(b, rows) for b, _, rows in steps]
    with pytest.raises(StoreError, match="workers must be at least 1"):
        load_plan._plan(G, 10, workers=0)


def test_plan_rows_hold_sorted_distinct_unions():
    """The merge statements skip a row that brings nothing new by comparing it with the
    stored lists, which are kept sorted and distinct: the rows must be too."""
    G = _graph([("Paper", "p", {"variants": ["b", "a", "b"]}), ("Author", "x", {})],
               [("Author:x", "Paper:p", "AUTHORED", {"sources": ["z.txt:1", "a.txt:1", "z.txt:1"]})])
    steps = load_plan._plan(G, 10).steps
    assert steps[0][2][0]["props"]["variants"] == ["a", "b"]
    assert steps[-1][2][0]["sources"] == ["a.txt:1", "z.txt:1"]


def test_unreachable_server_is_a_clear_error():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError, match=f"cannot reach Neo4j at bolt://127.0.0.1:{port}"):
        neo4j_store.connect(f"bolt://127.0.0.1:{port}", "neo4j", "whatever-123")
    result = CliRunner().invoke(cli, ["stats", "--neo4j", "--uri", f"bolt://127.0.0.1:{port}"])
    assert result.exit_code == 1 and "Error: cannot reach Neo4j" in result.output


# --------------------------------------------------------------------------- real server


@pytest.mark.neo4j
def test_load_twice_same_counts_and_round_trip(neo4j_db, seed_graph):
    first = load_graph(neo4j_db, seed_graph, batch_size=50)
    assert first.nodes == seed_graph.number_of_nodes() == first.nodes_created
    assert first.relationships == seed_graph.number_of_edges() == first.relationships_created
    assert read_counts(neo4j_db) == counts(seed_graph)
    again = load_graph(neo4j_db, seed_graph, batch_size=7)  # other batch boundaries, same result
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)
    assert read_counts(neo4j_db) == counts(seed_graph)
    assert _data(read_graph(neo4j_db)) == _data(seed_graph)  # same ids, labels, properties, provenance
    assert _duplicates(neo4j_db) == []
    records, _, _ = neo4j_db.execute_query("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type")
    kg = {r["name"]: (r["labelsOrTypes"], r["properties"], r["type"]) for r in records if r["name"].startswith("kg_")}
    assert kg == {f"kg_{label.lower()}_key": ([label], ["key"], "UNIQUENESS") for label in NODE_LABELS}


@pytest.mark.neo4j
def test_stats_parity_with_the_graph_file(neo4j_db, neo4j_env, seed_graph, tmp_path):
    load_graph(neo4j_db, seed_graph)
    for k in (1, 5, 50):
        assert read_stats(neo4j_db, k) == graph_stats(seed_graph, k)
    path = tmp_path / "seeds.kg.json"
    networkx_store.save(seed_graph, path)
    runner = CliRunner(env=neo4j_env)
    from_file = runner.invoke(cli, ["stats", str(path), "--format", "json", "--top", "10"])
    from_neo4j = runner.invoke(cli, ["stats", "--neo4j", "--format", "json", "--top", "10"])
    assert from_file.exit_code == 0 and from_neo4j.exit_code == 0, from_neo4j.output
    assert orjson.loads(from_neo4j.output) == orjson.loads(from_file.output)
    table = runner.invoke(cli, ["stats", "--neo4j"])
    assert table.exit_code == 0 and "Top entities" in table.output
    both = runner.invoke(cli, ["stats", str(path), "--neo4j"])
    assert both.exit_code == 2 and "either a GRAPH file or --neo4j" in both.output


@pytest.mark.neo4j
def test_incremental_load_adds_only_what_is_new(neo4j_db):
    old, new = [str(p) for p in SEED_FILES[:-1]], [str(SEED_FILES[-1])]
    G_old = build_graph(old)
    load_graph(neo4j_db, G_old)
    before = read_counts(neo4j_db)
    # What `kg build` gives when the new digest is merged into the old graph file ...
    merged = build_graph(new, into=build_graph(old))
    # ... is what Neo4j holds after loading the new digest's own graph on top.
    result = load_graph(neo4j_db, build_graph(new))
    assert _data(read_graph(neo4j_db)) == _data(merged)
    after = read_counts(neo4j_db)
    assert sum(after["nodes"].values()) - sum(before["nodes"].values()) == result.nodes_created
    assert sum(after["edges"].values()) - sum(before["edges"].values()) == result.relationships_created
    assert result.nodes_created == merged.number_of_nodes() - G_old.number_of_nodes()


@pytest.mark.neo4j
@pytest.mark.parametrize("order", ["old-first", "new-first"])
def test_merge_semantics_mirror_kg_graph(neo4j_db, order):
    # Two observations of the same paper and authorship, as two graphs would hold them.
    a = _graph([("Paper", "p", {"title": "", "url": "u1"}), ("Author", "x", {})],
               [("Author:x", "Paper:p", "AUTHORED", {"file": "b.txt", "line": 5, "evidence": "from b", "position": 2})])
    b = _graph([("Paper", "p", {"title": "T", "url": "u2", "lang": "en"}), ("Author", "x", {})],
               [("Author:x", "Paper:p", "AUTHORED", {"file": "a.txt", "line": 9, "evidence": "from a", "position": 1,
                                                     "sources": ["a.txt:9", "c.txt:1"]})])
    first, second = (a, b) if order == "old-first" else (b, a)
    load_graph(neo4j_db, first)
    load_graph(neo4j_db, second)
    G = read_graph(neo4j_db)
    paper = G.nodes["Paper:p"]
    # kg.graph._add_node: a property is filled where missing or empty, never overwritten.
    assert paper["title"] == "T" and paper["lang"] == "en"
    assert paper["url"] == ("u1" if order == "old-first" else "u2")
    # kg.graph._add_edge: the earliest (file, line) gives the provenance; sources are the union.
    edge = G.edges["Author:x", "Paper:p", "AUTHORED"]
    assert {k: edge[k] for k in ("file", "line", "evidence", "position", "sources")} == {
        "file": "a.txt", "line": 9, "evidence": "from a", "position": 1, "sources": ["a.txt:9", "b.txt:5", "c.txt:1"]}


@pytest.mark.neo4j
def test_reload_of_a_subset_changes_nothing_and_new_variants_and_sources_are_merged(neo4j_db):
    """The merge work is skipped for rows that bring nothing new: a reload of part of
    what is stored sets no property, and a row with one new variant or source still
    merges (sorted union), as kg.graph does."""
    a = _graph([("Paper", "p", {"variants": ["v1", "v3"]}), ("Author", "x", {})],
               [("Author:x", "Paper:p", "AUTHORED", {"file": "a.txt", "line": 2, "sources": ["a.txt:2", "c.txt:1"]})])
    load_graph(neo4j_db, a)
    subset = _graph([("Paper", "p", {"variants": ["v3"]}), ("Author", "x", {})],
                    [("Author:x", "Paper:p", "AUTHORED", {"file": "c.txt", "line": 1, "sources": ["c.txt:1"]})])
    again = load_graph(neo4j_db, subset)
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)
    more = _graph([("Paper", "p", {"variants": ["v2"]}), ("Author", "x", {})],
                  [("Author:x", "Paper:p", "AUTHORED", {"file": "b.txt", "line": 1, "sources": ["b.txt:1"]})])
    load_graph(neo4j_db, more)
    G = read_graph(neo4j_db)
    assert G.nodes["Paper:p"]["variants"] == ["v1", "v2", "v3"]
    edge = G.edges["Author:x", "Paper:p", "AUTHORED"]
    assert (edge["file"], edge["line"], edge["sources"]) == ("a.txt", 2, ["a.txt:2", "b.txt:1", "c.txt:1"])
    # No sources at all is no property (as in the graph file), not an empty list.
    bare = _graph([("Paper", "q", {}), ("Author", "y", {})], [("Author:y", "Paper:q", "AUTHORED", {"sources": []})])
    load_graph(neo4j_db, bare)
    assert "sources" not in read_graph(neo4j_db).edges["Author:y", "Paper:q", "AUTHORED"]


@pytest.mark.neo4j
def test_parallel_load_equals_sequential_load(neo4j_db):
    G = _crowded_graph(papers=600, authors=80)
    sequential = load_graph(neo4j_db, G, batch_size=50, workers=1)
    expected = _data(read_graph(neo4j_db))
    neo4j_store.wipe(neo4j_db)
    commits = []
    parallel = load_graph(neo4j_db, G, batch_size=50, workers=3, progress=lambda b, done, total: commits.append(
        (b.number, done, total)))
    assert _data(read_graph(neo4j_db)) == expected and _duplicates(neo4j_db) == []
    assert (parallel.nodes_created, parallel.relationships_created, parallel.properties_set) == (
        sequential.nodes_created, sequential.relationships_created, sequential.properties_set)
    # Every batch reported once, rows counted up to the total.
    assert sorted(n for n, _, _ in commits) == list(range(1, parallel.batches + 1))
    assert [d for _, d, _ in commits] == sorted(d for _, d, _ in commits) and commits[-1][1:] == (
        G.number_of_nodes() + G.number_of_edges(),) * 2
    again = load_graph(neo4j_db, G, batch_size=50, workers=3)
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)


def _crowded_graph(papers: int = 400, authors: int = 60, per_paper: int = 5) -> nx.MultiDiGraph:
    """Many papers sharing few authors: concurrent loads contend for the same nodes."""
    G = new_graph()
    for a in range(authors):
        G.add_node(f"Author:a{a:03d}", label="Author", key=f"a{a:03d}", name=f"Author {a}")
    for p in range(papers):
        G.add_node(f"Paper:p{p:04d}", label="Paper", key=f"p{p:04d}", name=f"Paper {p}")
        for i in range(per_paper):
            a = (p * 7 + i * 13) % authors
            G.add_edge(f"Author:a{a:03d}", f"Paper:p{p:04d}", key="AUTHORED", type="AUTHORED", file="s.txt",
                       line=p + 1, evidence=f"Author {a}", sources=[f"s.txt:{p + 1}"], position=i + 1)
    return G


@pytest.mark.neo4j
@pytest.mark.parametrize("which", ["seeds", "crowded"])
def test_two_loads_at_once_create_no_duplicates(neo4j_db, seed_graph, which):
    G = seed_graph if which == "seeds" else _crowded_graph()
    errors: list[BaseException] = []
    commits: dict[int, list[float]] = {5: [], 9: []}
    barrier = threading.Barrier(2)

    def run(batch_size: int) -> None:
        try:
            barrier.wait()
            load_graph(neo4j_db, G, batch_size=batch_size,
                       progress=lambda *_: commits[batch_size].append(time.monotonic()))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(n,)) for n in commits]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert errors == []
    # The loads did run at the same time: each committed before the other finished.
    assert commits[5][0] < commits[9][-1] and commits[9][0] < commits[5][-1]
    assert read_counts(neo4j_db) == counts(G)
    assert _duplicates(neo4j_db) == []
    assert _data(read_graph(neo4j_db)) == _data(G)


@pytest.mark.neo4j
def test_failed_batch_names_its_rows_and_leaves_the_database_consistent(neo4j_db):
    papers = [("Paper", f"p{i:02d}", {"title": f"T{i}"}) for i in range(1, 10)]
    papers[6] = ("Paper", "p07", {"title": "T6"})  # same title as p06
    G = _graph(papers + [("Author", "x", {})], [("Author:x", f"Paper:p{i:02d}", "AUTHORED", {}) for i in range(1, 10)])
    # A constraint kg does not know makes Neo4j reject the batch holding p07.
    neo4j_db.execute_query("CREATE CONSTRAINT test_paper_title FOR (n:Paper) REQUIRE n.title IS UNIQUE")
    with pytest.raises(Neo4jLoadError) as e:
        load_graph(neo4j_db, G, batch_size=3)
    message = str(e.value)
    assert "rejected batch 3/" in message and "Paper nodes 7-9" in message
    assert "first 'Paper:p07', last 'Paper:p09'" in message
    assert "the last committed batch is batch 2/" in message and "run the same load again" in message
    assert (e.value.batch.number, e.value.last_committed.number) == (3, 2)
    # Batches 1-2 are in, nothing of batch 3 and no relationship (nodes go first).
    records, _, _ = neo4j_db.execute_query("MATCH (p:Paper) RETURN p.key AS k ORDER BY k")
    assert [r["k"] for r in records] == ["p01", "p02", "p03", "p04", "p05", "p06"]
    assert sum(read_counts(neo4j_db)["edges"].values()) == 0
    # Fix the cause, rerun: complete and without duplicates.
    neo4j_db.execute_query("DROP CONSTRAINT test_paper_title")
    load_graph(neo4j_db, G, batch_size=3)
    assert read_counts(neo4j_db) == counts(G) and _duplicates(neo4j_db) == []


class _Proxy:
    """A TCP relay to the Neo4j server that can be cut, as if the server went away."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, upstream]
            for relay, a, b in ((self._send, client, upstream), (self._pipe, upstream, client)):
                threading.Thread(target=relay, args=(a, b), daemon=True).start()

    def _send(self, client: socket.socket, upstream: socket.socket) -> None:
        """Client to server; a test that cuts after so many bytes overrides it."""
        self._pipe(client, upstream)

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        # shutdown() first: on Linux, close() alone does not wake the thread blocked in
        # accept(), and the socket would go on accepting connections.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for s in self.sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()


@pytest.mark.neo4j
@pytest.mark.parametrize("workers", [1, 2])
def test_server_going_away_names_last_committed_batch_and_rerun_completes(neo4j_db, neo4j_env, seed_graph, workers):
    host, port = re.match(r"^\w+://([^:/]+):(\d+)", neo4j_env["NEO4J_URI"]).groups()
    proxy = _Proxy(host, int(port))
    driver = neo4j_store.connect(f"bolt://127.0.0.1:{proxy.port}", neo4j_env["NEO4J_USERNAME"], neo4j_env["NEO4J_PASSWORD"])
    committed = []
    retries = []

    def progress(batch, done, total):
        committed.append(batch)
        if batch.number == 4:
            proxy.cut()

    try:
        with pytest.raises(Neo4jLoadError) as e:
            # A short retry window; each retry says what it waits for.
            load_graph(driver, seed_graph, batch_size=20, workers=workers, progress=progress, retry_seconds=1.5,
                       retrying=lambda batch, why, wait, left: retries.append((batch.number, why, left)))
    finally:
        driver.close()
    message = str(e.value)
    numbers = sorted(b.number for b in committed)
    if workers == 1:
        assert retries and all(n == 5 and why.startswith("Neo4j to come back: the connection was lost")
                               for n, why, _ in retries)
        assert retries[0][2] > retries[-1][2]  # the time left shrinks
        assert e.value.last_committed == committed[-1] and e.value.last_committed.number == 4
        assert e.value.batch.number == 5
        assert "the last committed batch is batch 4/" in message and "later batch" not in message
    else:
        # Two lanes: the other one may have committed a batch past the cut. The error
        # names the first failed batch and the last one committed without a gap.
        assert retries and all(why.startswith("Neo4j to come back: the connection was lost") for _, why, _ in retries)
        prefix = max(n for n in numbers if numbers[:n] == list(range(1, n + 1)))
        assert 4 in numbers and e.value.last_committed.number == prefix
        assert e.value.batch.number > prefix and e.value.batch.number not in numbers
        later = len(numbers) - prefix
        assert f"the last committed batch is batch {prefix}/" in message
        assert (f"(and {later} later batch" in message) == (later > 0)
    assert (f"lost the connection to Neo4j at batch {e.value.batch.number}/" in message
            or f"lost the connection to Neo4j while committing batch {e.value.batch.number}/" in message)
    assert "run the same load again" in message
    # What was reported committed is in; so may be the batches whose commit was not
    # answered (a lane was committing when the connection went), and they are named.
    in_db = sum(read_counts(neo4j_db)["nodes"].values())
    sure = sum(b.size for b in committed)
    unsure = [*e.value.unsure, *([e.value.batch] if e.value.unknown_outcome else [])]
    assert sure <= in_db <= sure + sum(b.size for b in unsure)
    assert all(f"{b.describe()}" in message for b in unsure)
    if workers == 1:
        assert in_db == sure
    # Rerun (server reachable again): complete, nothing twice.
    load_graph(neo4j_db, seed_graph, batch_size=20, workers=workers)
    assert read_counts(neo4j_db) == counts(seed_graph)
    assert _duplicates(neo4j_db) == []


def _drop_kg_schema(driver) -> None:
    """As on a new database: none of kg's constraints and indexes."""
    for what in ("CONSTRAINT", "INDEX"):
        records, _, _ = driver.execute_query(f"SHOW {what}ES YIELD name" if what == "INDEX" else
                                             f"SHOW {what}S YIELD name")
        for name in [r["name"] for r in records if r["name"].startswith("kg_")]:
            driver.execute_query(f"DROP {what} {name} IF EXISTS")


def _indexes(driver) -> dict[str, str]:
    records, _, _ = driver.execute_query("SHOW INDEXES YIELD name, state")
    return {r["name"]: r["state"] for r in records}


@pytest.mark.neo4j
def test_first_load_creates_the_nodes_and_then_the_full_text_index(neo4j_db, seed_graph):
    """On a new database the key constraints come first, and the full-text index is made
    after the nodes (filled in one pass while the relationships
    load); the load returns with every index online and the nodes searchable."""
    _drop_kg_schema(neo4j_db)
    at_first_commit: list[dict[str, str]] = []
    result = load_graph(neo4j_db, seed_graph, batch_size=50, progress=lambda batch, done, total: (
        at_first_commit.append(_indexes(neo4j_db)) if not at_first_commit else None))
    assert result.nodes_created == seed_graph.number_of_nodes()
    assert result.relationships_created == seed_graph.number_of_edges()
    assert "kg_text" not in at_first_commit[0]
    assert {f"kg_{label.lower()}_key" for label in NODE_LABELS} <= set(at_first_commit[0])
    assert {f"kg_{label.lower()}_name_key" for label in NODE_LABELS} <= set(at_first_commit[0])
    indexes = _indexes(neo4j_db)
    assert all(indexes[name] == "ONLINE" for name in indexes if name.startswith("kg_")) and "kg_text" in indexes
    assert _data(read_graph(neo4j_db)) == _data(seed_graph) and _duplicates(neo4j_db) == []
    # A word of each of a few titles finds its paper through the full-text index.
    papers = sorted((d["key"], d["title"]) for _, d in seed_graph.nodes(data=True)
                    if d["label"] == "Paper" and d.get("title"))[:5]
    assert papers
    for key, title in papers:
        word = max(re.findall(r"[A-Za-z]{4,}", title), key=len)
        records, _, _ = neo4j_db.execute_query(
            "CALL db.index.fulltext.queryNodes('kg_text', $word) YIELD node RETURN node.key AS key", word=word)
        assert key in {r["key"] for r in records}, (word, title)


@pytest.mark.neo4j
@pytest.mark.parametrize("workers", [1, 2])
def test_first_load_meeting_a_node_made_meanwhile_merges_with_it(neo4j_db, workers, caplog):
    """A label empty when the load began is CREATEd; if another writer makes one of its
    keys meanwhile, the batch holding it breaks the constraint, writes nothing, and is
    merged instead (kg.graph's rules: empty properties filled, others kept), as are the
    label's later batches of that lane."""
    papers = [("Paper", f"p{i:02d}", {"title": f"T{i}"}) for i in range(12)]
    G = _graph(papers + [("Author", "x", {})], [("Author:x", f"Paper:p{i:02d}", "AUTHORED", {}) for i in range(12)])

    def progress(batch, done, total):
        if batch.number == 1:  # batch 3 (p06-p08) runs after this, in the same lane
            neo4j_db.execute_query("CREATE (:Paper {key: 'p07', title: '', extra: 'theirs'})")

    with caplog.at_level("INFO", logger="kg.neo4j.load"):
        result = load_graph(neo4j_db, G, batch_size=3, workers=workers, progress=progress)
    assert read_counts(neo4j_db) == counts(G) and _duplicates(neo4j_db) == []
    assert result.nodes_created == G.number_of_nodes() - 1
    p07 = read_graph(neo4j_db).nodes["Paper:p07"]
    assert (p07["title"], p07["extra"], p07["name"]) == ("T7", "theirs", "p07")
    fallbacks = [r.getMessage() for r in caplog.records if "merging instead" in r.getMessage()]
    assert len(fallbacks) == 1 and fallbacks[0].startswith("batch 3/")


@pytest.mark.neo4j
def test_nasty_strings_load_and_read_back_unchanged(neo4j_db, neo4j_env):
    from kg.neo4j.cypher_lib import find_query, format_literal, parse_cypher_file

    other = "Ada `Lovelace` \\\\ $$ '' \"\" \r\n\t <img src=x onerror=alert(1)> 🧪"
    G = _graph(
        [("Author", NASTY, {"name": NASTY}), ("Author", other, {"name": other}),
         ("Paper", "p'1`$", {"name": NASTY + " paper", "title": NASTY, "tags": [NASTY, "x"]})],
        [(f"Author:{NASTY}", "Paper:p'1`$", "AUTHORED", {"evidence": NASTY, "file": "f'`$\\.txt", "position": 1}),
         (f"Author:{other}", "Paper:p'1`$", "AUTHORED", {"evidence": other, "position": 2})],
    )
    load_graph(neo4j_db, G)
    load_graph(neo4j_db, G)
    assert _data(read_graph(neo4j_db)) == _data(G)
    assert read_stats(neo4j_db, 5).top["Author"] == graph_stats(G, 5).top["Author"]
    # Reads back unchanged through the Cypher library too, as a parameter and as a result.
    root = Path(__file__).resolve().parent.parent
    q = find_query(parse_cypher_file(root / "cypher" / "30_coauthorship.cypher"), "Co-authors of an author")
    _, records = neo4j_store.run_query(neo4j_db, q.text, {**q.bound_params, "author": NASTY})
    assert [(r["coauthor"], r["shared_papers"]) for r in records] == [(other, [NASTY + " paper"])]
    result = CliRunner(env=neo4j_env).invoke(cli, [
        "cypher", str(root / "cypher" / "30_coauthorship.cypher"), "--query", "Co-authors of an author",
        "-P", "{author: " + format_literal(NASTY) + "}", "--format", "json"])
    assert result.exit_code == 0, result.output
    (out,) = orjson.loads(result.output)
    assert out["params"]["author"] == NASTY and out["rows"] == [
        {"coauthor": other, "papers": 1, "shared_papers": [NASTY + " paper"]}]


@pytest.mark.neo4j
def test_wipe_deletes_kg_nodes_only(neo4j_db, seed_graph):
    load_graph(neo4j_db, seed_graph)
    neo4j_db.execute_query("CREATE (:NotKg {v: 1})")
    assert neo4j_store.wipe(neo4j_db, batch_size=17) == seed_graph.number_of_nodes()
    assert read_counts(neo4j_db) == counts(new_graph())
    records, _, _ = neo4j_db.execute_query("MATCH (n:NotKg) RETURN count(n) AS n")
    assert records[0]["n"] == 1


@pytest.mark.neo4j
def test_cli_load(neo4j_db, neo4j_env, seed_graph, tmp_path):
    path = tmp_path / "seeds.kg.json"
    networkx_store.save(seed_graph, path)
    runner = CliRunner(env=neo4j_env)
    first = runner.invoke(cli, ["load", str(path), "--batch-size", "25", "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert f"{seed_graph.number_of_nodes()} nodes (+{seed_graph.number_of_nodes()} new)" in first.output
    assert read_counts(neo4j_db) == counts(seed_graph)
    # Digests straight from the folder: the same graph, so nothing new.
    again = runner.invoke(cli, ["load", str(SEEDS), "-q"])
    assert again.exit_code == 0, again.output
    assert read_counts(neo4j_db) == counts(seed_graph)
    # --wipe asks; "no" keeps everything.
    kept = runner.invoke(cli, ["load", str(path), "--wipe"], input="n\n")
    assert kept.exit_code == 1 and "Delete every kg node" in kept.output and "Aborted" in kept.output
    assert read_counts(neo4j_db) == counts(seed_graph)
    wiped = runner.invoke(cli, ["load", str(path), "--wipe", "--yes"])
    assert wiped.exit_code == 0, wiped.output
    assert f"wiped {seed_graph.number_of_nodes()} nodes" in wiped.output
    assert read_counts(neo4j_db) == counts(seed_graph)
    # A file that is not a graph is a one-line error, before any connection.
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    result = runner.invoke(cli, ["load", str(bad)])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "not a kg graph file" in result.output
    wrong = CliRunner(env={**neo4j_env, "NEO4J_PASSWORD": "wrong-password-1"}).invoke(cli, ["load", str(path)])
    assert wrong.exit_code == 1 and "refused user 'neo4j'" in wrong.output


def test_cli_neo4j_status_of_a_folder_without_server(tmp_path):
    result = CliRunner().invoke(cli, ["neo4j", "status", "--data", str(tmp_path)])
    assert result.exit_code == 3 and "not running" in result.output


@pytest.mark.neo4j
def test_cli_neo4j_start_status_stop(tmp_path):
    from kg.neo4j import server as neo4j_server

    missing = neo4j_server.missing_tools()
    if missing:
        reason = f"the local Neo4j server needs {' and '.join(missing)}, not found"
        if os.environ.get("KG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"{reason} (KG_REQUIRE_NEO4J=1)")
        pytest.skip(reason)
    ports = []
    for _ in range(2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            ports.append(s.getsockname()[1])
    data = str(tmp_path / "neo4j")
    runner = CliRunner(env={"NEO4J_PASSWORD": "cli-test-password"})
    started = runner.invoke(cli, ["neo4j", "start", "--data", data, "--bolt-port", str(ports[0]),
                                  "--http-port", str(ports[1]), "--timeout", "300"])
    try:
        assert started.exit_code == 0, started.output
        assert f"bolt://127.0.0.1:{ports[0]}" in started.output and "/browser/" in started.output
        status = runner.invoke(cli, ["neo4j", "status", "--data", data])
        assert status.exit_code == 0 and "running  pid" in status.output
        stats = runner.invoke(cli, ["stats", "--neo4j", "--uri", f"bolt://127.0.0.1:{ports[0]}", "--format", "json"])
        assert stats.exit_code == 0 and orjson.loads(stats.output)["nodes"]["Paper"] == 0
    finally:
        stopped = runner.invoke(cli, ["neo4j", "stop", "--data", data])
    assert stopped.exit_code == 0 and "stopped Neo4j" in stopped.output
    assert runner.invoke(cli, ["neo4j", "status", "--data", data]).exit_code == 3
