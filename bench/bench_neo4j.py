"""Benchmark of loading a kg graph into Neo4j (not a test).

Three ways to get N relationships (default 100 000) of a synthetic, deterministic
kg-shaped graph into Neo4j 5:

1. **batched** — kg's loader (:func:`kg.neo4j.store.load_graph`): rows sent as
   ``UNWIND $rows AS row MERGE …``, ``--batch-size`` rows per transaction, ``--workers``
   sessions at once on batches that share no node.
   Timed as the first load into a new database (kg's nodes, constraints and indexes
   dropped before it), in wall time, this process's CPU time and, with
   ``--server-data``, the server's; split into the node phase (from the call: the
   plan, the schema, the node batches) and the relationship phase.
   Also timed: loading the same graph again (idempotent, nothing changes).
2. **naive** — one ``MERGE`` per row, one transaction per row, the way a first loader
   is often written. It is timed on the first ``--naive-sample`` relationships (and
   their nodes) only, and its rate extrapolated to N.
3. **bulk** — ``neo4j-admin database import full`` from CSV, offline, into a new
   database folder. kg's launcher has no ``neo4j-admin`` script, but the import tool
   is on its Maven classpath (``org.neo4j:neo4j-import-tool`` comes with
   ``org.neo4j:neo4j``), so ``java -cp … org.neo4j.cli.AdminTool`` runs it. The result is
   checked by starting a server on the imported folder. It only creates a new
   database: no merging into existing data, no constraints (the next ``kg load``
   adds them). Skipped with ``--no-bulk`` or without java/mvn.

Usage (against a server you started; the database is WIPED of kg nodes)::

    NEO4J_PASSWORD=kg-password-123 scripts/neo4j-server start --data /tmp/kg-bench
    .venv/bin/python bench/bench_neo4j.py --uri bolt://127.0.0.1:7687 --yes
    scripts/neo4j-server stop --data /tmp/kg-bench

Prints relationships per second for each path and the batched/naive ratio.
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.neo4j import server as neo4j_server  # noqa: E402
from kg.graph import counts, new_graph  # noqa: E402
from kg.neo4j import store as neo4j_store  # noqa: E402

SEED = 20240901


def synthetic_graph(relationships: int, seed: int = SEED) -> nx.MultiDiGraph:
    """A kg-shaped graph with exactly ``relationships`` relationships, the same for the
    same arguments.

    Per paper: 3 AUTHORED (from a pool of papers/2 authors), 1 USES (2000 models),
    1 EVALUATES_ON (500 datasets), 1 APPEARS_IN (100 digests); every relationship with
    kg's provenance properties.
    """
    rng = random.Random(seed)
    papers = max(1, -(-relationships // 6))  # rounded up, then the surplus edges are cut
    authors = max(3, papers // 2)
    G = new_graph()

    def node(label: str, key: str, **props) -> str:
        nid = f"{label}:{key}"
        if nid not in G:
            G.add_node(nid, label=label, key=key, name=props.pop("name", key), **props)
        return nid

    def edge(u: str, v: str, rel: str, file: str, line: int, evidence: str, **props) -> None:
        G.add_edge(u, v, key=rel, type=rel, file=file, line=line, evidence=evidence,
                   sources=[f"{file}:{line}"], **props)

    for i in range(papers):
        file, line = f"synthetic-{i % 100:03d}.txt", 1 + (i // 100) * 10
        p = node("Paper", f"s{i:07d}", name=f"Synthetic paper {i}", title=f"Synthetic paper {i}", kind="digest")
        edge(p, node("Digest", file), "APPEARS_IN", file, line, f"{i}、Synthetic paper {i}")
        for pos, a in enumerate(rng.sample(range(authors), 3), 1):
            edge(node("Author", f"author {a}", name=f"Author {a}"), p, "AUTHORED", file, line + 1, f"Author {a}",
                 position=pos)
        m = rng.randrange(2000)
        edge(p, node("Model", f"model-{m}", name=f"Model-{m}"), "USES", file, line + 2, f"Model-{m}")
        d = rng.randrange(500)
        edge(p, node("Dataset", f"dataset-{d}", name=f"Dataset-{d}"), "EVALUATES_ON", file, line + 2, f"Dataset-{d}")
    extra = G.number_of_edges() - relationships
    if extra > 0:  # deterministic trim: the last edges added
        for u, v, k in list(G.edges(keys=True))[-extra:]:
            G.remove_edge(u, v, key=k)
    return G


def new_database(driver) -> None:
    """Make the database as a new one is for kg: no kg node, and none of kg's
    constraints and indexes (which wipe keeps), so that every timed load is the first
    load into a new database, however many ran before on the same server."""
    neo4j_store.wipe(driver)
    for what, show in (("CONSTRAINT", "SHOW CONSTRAINTS YIELD name"), ("INDEX", "SHOW INDEXES YIELD name")):
        records, _, _ = driver.execute_query(show)
        for name in sorted(r["name"] for r in records if r["name"].startswith("kg_")):
            # Schema names cannot be parameters; these are kg's own (kg_<label>_key, …).
            driver.execute_query(f"DROP {what} `{name}` IF EXISTS")


class Clock:
    """Wall time, this process's CPU time and, given a local server's pid, the CPU time
    of its Java process (utime + stime from /proc): on a shared machine the CPU seconds
    say what a step costs when the wall time also holds the waits for other work."""

    def __init__(self, server_pid: int | None):
        self.server_pid = server_pid
        self.tick = os.sysconf("SC_CLK_TCK") if server_pid else 1

    def server_cpu(self) -> float:
        if not self.server_pid:
            return float("nan")
        with open(f"/proc/{self.server_pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / self.tick

    def now(self) -> tuple[float, float, float]:
        return time.perf_counter(), time.process_time(), self.server_cpu()


def _span(a, b) -> str:
    wall, client, server = (y - x for x, y in zip(a, b))
    cpu = f"client CPU {client:.1f}s" + (f", server CPU {server:.1f}s" if server == server else "")
    return f"{wall:.1f}s ({cpu})"


def batched(driver, G, batch_size: int, workers: int, clock: Clock) -> dict:
    marks: dict[str, tuple] = {}

    def progress(batch, done, total):
        if batch.kind == "nodes":
            marks["nodes_done"] = clock.now()

    new_database(driver)
    t0 = clock.now()
    result = neo4j_store.load_graph(driver, G, batch_size=batch_size, workers=workers, progress=progress)
    t1 = clock.now()
    assert neo4j_store.read_counts(driver) == counts(G), "batched load: counts differ from the graph"
    again = neo4j_store.load_graph(driver, G, batch_size=batch_size, workers=workers)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert neo4j_store.read_counts(driver) == counts(G), "reload: counts changed"
    nodes_done = marks.get("nodes_done", t0)
    rel_seconds = t1[0] - nodes_done[0]
    return {
        "seconds": t1[0] - t0[0], "node_seconds": nodes_done[0] - t0[0], "rel_seconds": rel_seconds,
        "nodes_span": _span(t0, nodes_done), "rels_span": _span(nodes_done, t1), "total_span": _span(t0, t1),
        "rels_per_s": G.number_of_edges() / rel_seconds, "rows_per_s": (result.nodes + result.relationships) / (t1[0] - t0[0]),
        "whole_rels_per_s": G.number_of_edges() / (t1[0] - t0[0]),
        "reload_seconds": again.seconds, "batches": result.batches,
    }


def naive(driver, G, sample: int) -> dict:
    """One MERGE per row per transaction, on the first ``sample`` relationships."""
    edges = list(G.edges(keys=True, data=True))[:sample]
    nodes = sorted({n for u, v, _, _ in edges for n in (u, v)})
    node_q = {label: f"MERGE (n:{label} {{key: $key}}) SET n += $props" for label in neo4j_store.NODE_QUERIES}
    rel_q = {
        (rel, s, e): f"MATCH (a:{s} {{key: $start}}) MATCH (b:{e} {{key: $end}}) MERGE (a)-[r:{rel}]->(b) SET r += $props"
        for rel, s, e in neo4j_store.EDGE_QUERIES  # labels and types from the allowlist, as in the loader
    }
    new_database(driver)
    neo4j_store.ensure_schema(driver)
    with driver.session() as session:
        t0 = time.perf_counter()
        for n in nodes:
            d = G.nodes[n]
            props = {k: v for k, v in d.items() if k not in ("label", "key")}
            session.execute_write(lambda tx: tx.run(node_q[d["label"]], key=d["key"], props=props).consume())
        t1 = time.perf_counter()
        for u, v, k, d in edges:
            q = rel_q[(k, G.nodes[u]["label"], G.nodes[v]["label"])]
            props = {x: y for x, y in d.items() if x != "type"}
            session.execute_write(
                lambda tx: tx.run(q, start=G.nodes[u]["key"], end=G.nodes[v]["key"], props=props).consume())
        t2 = time.perf_counter()
    return {"nodes": len(nodes), "rels": len(edges), "node_seconds": t1 - t0, "rel_seconds": t2 - t1,
            "rels_per_s": len(edges) / (t2 - t1), "nodes_per_s": len(nodes) / (t1 - t0)}


def similar(driver, G: nx.MultiDiGraph) -> None:
    """Time what `kg load` adds for 'Similar papers' (kg.neo4j.similar.refresh: the top
    pairs stored), cypher/80's 'Similar papers' reading them (3 runs) and computing them
    without (the stored pairs dropped), and kg.analytics.similar_papers on the same graph
    in Python (what `kg analyze GRAPH similar` runs, k=20); all must give the same rows."""
    from kg import analytics
    from kg.neo4j import similar as neo4j_similar
    from kg.neo4j.cypher_lib import find_query, parse_cypher_file

    q = find_query(parse_cypher_file(Path(__file__).resolve().parent.parent / "cypher" / "80_analytics.cypher"),
                   "Similar papers")

    def timed_runs(runs: int) -> tuple[list[float], list]:
        times = []
        for _ in range(runs):  # the first run includes planning
            t0 = time.perf_counter()
            _, records = neo4j_store.run_query(driver, q.text, q.bound_params)
            times.append(time.perf_counter() - t0)
        return times, [(r["source_id"], r["target_id"], r["shared"], r["jaccard"]) for r in records]

    stored = neo4j_similar.refresh(driver)
    again = neo4j_similar.refresh(driver)  # what a reload of the same graph adds
    assert again.unchanged, again.summary()
    times, rows = timed_runs(3)
    neo4j_similar.drop(driver)
    computed, computed_rows = timed_runs(1)
    t0 = time.perf_counter()
    expected = [(r.source_id, r.target_id, r.shared, r.jaccard) for r in analytics.similar_papers(G, 20)]
    py = time.perf_counter() - t0
    print(f"similar papers: stored at load in {stored.seconds:.2f}s ({stored.summary()}), "
          f"{again.seconds:.2f}s to find them unchanged on a reload; "
          f"top 20 from them: Cypher {', '.join(f'{t:.2f}s' for t in times)} (runs 1-3); "
          f"computed by the query without them: {computed[0]:.2f}s; "
          f"kg.analytics.similar_papers {py:.2f}s (plus loading the graph file); "
          f"same rows: {rows == expected and computed_rows == expected}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_csv(G: nx.MultiDiGraph, folder: Path) -> list[str]:
    """neo4j-admin import CSVs (one file per label / relationship group); returns its
    --nodes / --relationships arguments."""
    args = []
    by_label: dict[str, list[dict]] = {}
    for _, d in G.nodes(data=True):
        by_label.setdefault(d["label"], []).append(d)
    for label, rows in sorted(by_label.items()):
        cols = sorted({k for d in rows for k in d} - {"label", "key"})
        path = folder / f"nodes_{label}.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow([f"key:ID({label})", *cols])
            for d in rows:
                w.writerow([d["key"], *(d.get(c, "") for c in cols)])
        args.append(f"--nodes={label}={path}")
    groups: dict[tuple, list] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        groups.setdefault((k, G.nodes[u]["label"], G.nodes[v]["label"]), []).append((u, v, d))
    for (rel, s, e), rows in sorted(groups.items()):
        path = folder / f"rels_{rel}_{s}_{e}.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            extra = ["position:int"] if rel == "AUTHORED" else []
            w.writerow([f":START_ID({s})", f":END_ID({e})", "file", "line:int", "evidence", "sources:string[]", *extra])
            for u, v, d in rows:
                w.writerow([G.nodes[u]["key"], G.nodes[v]["key"], d["file"], d["line"], d["evidence"],
                            ";".join(d["sources"]), *([d["position"]] if extra else [])])
        args.append(f"--relationships={rel}={path}")
    return args


def bulk(G: nx.MultiDiGraph, password: str) -> dict:
    missing = neo4j_server.missing_tools()
    if missing:
        return {"skipped": f"needs {' and '.join(missing)}"}
    classpath = neo4j_server.ensure_built()
    java = str(neo4j_server.find_java())
    work = Path(tempfile.mkdtemp(prefix="kg-bench-import-"))
    try:
        csv_dir, home = work / "csv", work / "home"
        csv_dir.mkdir()
        home.mkdir()
        t0 = time.perf_counter()
        files = write_csv(G, csv_dir)
        t1 = time.perf_counter()
        # The database name goes first: --nodes/--relationships take any number of files.
        cmd = [java, "-Xmx1g", "-cp", classpath, "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
               *files]
        proc = subprocess.run(cmd, env=dict(os.environ, NEO4J_HOME=str(home)), cwd=home,
                              capture_output=True, text=True, timeout=1800)
        t2 = time.perf_counter()
        if proc.returncode != 0:
            return {"skipped": f"neo4j-admin import failed (exit {proc.returncode}): {proc.stdout[-800:]}{proc.stderr[-800:]}"}
        # Check the import by serving the folder and counting.
        info = neo4j_server.start(home, password=password, bolt_port=_free_port(), http_port=_free_port())
        try:
            driver = neo4j_store.connect(info.bolt_uri, "neo4j", password)
            try:
                same = neo4j_store.read_counts(driver) == counts(G)
            finally:
                driver.close()
        finally:
            neo4j_server.stop(home)
        return {"csv_seconds": t1 - t0, "import_seconds": t2 - t1, "rels_per_s": G.number_of_edges() / (t2 - t1),
                "counts_match": same}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relationships", "-n", type=int, default=100_000)
    ap.add_argument("--graph", metavar="PATH",
                    help="bench this graph file instead of the synthetic graph, e.g. kg build of bench/generate.py's "
                         "output; also times the 'Similar papers' query and kg analyze similar on it")
    ap.add_argument("--batch-size", type=int, default=neo4j_store.DEFAULT_BATCH_SIZE)
    ap.add_argument("--workers", type=int, default=neo4j_store.DEFAULT_WORKERS)
    ap.add_argument("--naive-sample", type=int, default=5000)
    ap.add_argument("--uri")
    ap.add_argument("--user")
    ap.add_argument("--password")
    ap.add_argument("--no-bulk", action="store_true", help="skip the neo4j-admin import path")
    ap.add_argument("--no-similar", action="store_true", help="with --graph, skip timing the 'Similar papers' queries")
    ap.add_argument("--yes", action="store_true", help="allow wiping a database that holds kg nodes")
    ap.add_argument("--server-data", metavar="DIR",
                    help="data folder of the local server (scripts/neo4j-server --data DIR): its CPU time is reported too")
    args = ap.parse_args()

    uri, user, password, _ = neo4j_store.connection_settings(args.uri, args.user, args.password)
    driver = neo4j_store.connect(uri, user, password)
    try:
        if sum(neo4j_store.read_counts(driver)["nodes"].values()) and not args.yes:
            print(f"{uri} holds kg nodes; the benchmark wipes them. Rerun with --yes.", file=sys.stderr)
            return 2
        if args.graph:
            from kg.stores import networkx_store

            G = networkx_store.load(args.graph)
            what = f"graph file {args.graph}"
        else:
            G = synthetic_graph(args.relationships)
            what = f"synthetic graph (seed {SEED})"
        n, m = G.number_of_nodes(), G.number_of_edges()
        print(f"{what}: {n} nodes, {m} relationships; Neo4j at {uri}; "
              f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
              f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        server = neo4j_server.status(args.server_data) if args.server_data else None
        if args.server_data and server is None:
            print(f"no running server for {args.server_data}: its CPU time is not reported", file=sys.stderr)
        b = batched(driver, G, args.batch_size, args.workers, Clock(server.pid if server else None))
        print(f"batched (UNWIND, {args.batch_size} rows/tx, {args.workers} sessions, {b['batches']} tx), first load "
              f"into a new database: {b['total_span']} -> {b['whole_rels_per_s']:,.0f} relationships/s over the whole "
              f"load, {b['rows_per_s']:,.0f} rows/s; nodes (plan, schema, node batches) {b['nodes_span']}, "
              f"relationships {b['rels_span']} -> {b['rels_per_s']:,.0f} relationships/s in that phase; "
              f"reload of the same graph: {b['reload_seconds']:.1f}s, nothing changed; "
              f"load average now {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        if args.graph and not args.no_similar:
            similar(driver, G)
        v = naive(driver, G, args.naive_sample)
        print(f"naive (1 MERGE per tx), sample of {v['rels']} relationships + {v['nodes']} nodes: "
              f"{v['rel_seconds']:.1f}s -> {v['rels_per_s']:,.0f} relationships/s "
              f"({v['nodes_per_s']:,.0f} nodes/s); extrapolated to {m}: ~{m / v['rels_per_s']:.0f}s")
        print(f"ratio batched / naive: {b['rels_per_s'] / v['rels_per_s']:.1f}x relationships/s "
              f"(relationship phase), {b['whole_rels_per_s'] / v['rels_per_s']:.1f}x over the whole load")
        neo4j_store.wipe(driver)
    finally:
        driver.close()
    if args.no_bulk:
        print("bulk (neo4j-admin database import): skipped (--no-bulk)")
        return 0
    k = bulk(G, password)
    if "skipped" in k:
        print(f"bulk (neo4j-admin database import): not run: {k['skipped']}")
    else:
        print(f"bulk (neo4j-admin database import full, offline, new database only; via "
              f"org.neo4j.cli.AdminTool from the launcher's Maven classpath): CSV {k['csv_seconds']:.1f}s, "
              f"import {k['import_seconds']:.1f}s incl. JVM start -> {k['rels_per_s']:,.0f} relationships/s; "
              f"counts match after serving it: {k['counts_match']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
