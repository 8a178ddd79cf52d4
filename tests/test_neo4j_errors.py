"""Every way a Neo4j command can go wrong is one line with exit code 1 naming the cause;
``-`` is standard input for ``kg load`` and standard output for every ``-o``; the
first ``kg neo4j start`` and a load's retries say what they are doing."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph import counts
from kg.neo4j import connect as neo4j_connect
from kg.neo4j import store as neo4j_store
from kg.neo4j.store import read_counts
from kg.pipeline import build_graph
from kg.stores import networkx_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
D002 = SEEDS / "002_bfb65bf37921ed7f.txt"


@pytest.fixture(scope="module")
def seed_graph():
    return build_graph([str(p) for p in sorted(SEEDS.glob("*.txt"))])


@pytest.fixture
def graph_file(seed_graph, tmp_path):
    path = tmp_path / "seeds.kg.json"
    networkx_store.save(seed_graph, path)
    return str(path)


def _one_error_line(result, *needles: str) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


# --------------------------------------------------------------------------- no server needed


@pytest.mark.parametrize("command", [["load", "GRAPH"], ["cypher", "RETURN 1 AS one"], ["stats", "--neo4j"]])
def test_http_uri_is_one_line_naming_bolt(graph_file, command):
    env = {"NEO4J_URI": "http://127.0.0.1:7474", "NEO4J_PASSWORD": "irrelevant-1"}
    args = [graph_file if a == "GRAPH" else a for a in command]
    line = _one_error_line(CliRunner(env=env).invoke(cli, args), "http://127.0.0.1:7474 is an HTTP address")
    assert "bolt://" in line


def test_other_schemes_are_one_line():
    result = CliRunner(env={"NEO4J_URI": "ftp://127.0.0.1:7687"}).invoke(cli, ["cypher", "RETURN 1"])
    _one_error_line(result, "its scheme must be one of bolt, bolt+s")


def test_dash_is_stdout_for_every_o(tmp_path, graph_file, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", str(D002), "-o", "-", "-q"])
    assert extracted.exit_code == 0, extracted.output
    records = [orjson.loads(line) for line in extracted.stdout.splitlines()]
    assert len(records) == 9 and all(r["source"]["file"] == str(D002) for r in records)
    built = runner.invoke(cli, ["build", str(SEEDS), "-o", "-", "-q"])
    assert built.exit_code == 0, built.output
    G = networkx_store.from_data(orjson.loads(built.stdout))
    assert counts(G) == counts(networkx_store.load(graph_file))
    exported = runner.invoke(cli, ["export", graph_file, "--format", "graphml", "-o", "-"])
    assert exported.exit_code == 0, exported.output
    assert exported.stdout.startswith("<?xml") and "<graphml" in exported.stdout
    folder = runner.invoke(cli, ["export", graph_file, "--format", "csv", "-o", "-"])
    assert folder.exit_code == 2 and "writes a folder" in folder.output
    assert not (tmp_path / "-").exists()  # never a file named -


def test_first_start_shows_maven_progress(tmp_path):
    """The one-time Maven build (here into a fresh cache folder) reports when it starts,
    while it runs, and when it ends, instead of being silent for minutes."""
    from kg.neo4j import jvm as server  # the Maven build lives in kg.neo4j.jvm

    missing = server.missing_tools()
    if missing:
        if os.environ.get("KG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"needs {' and '.join(missing)} (KG_REQUIRE_NEO4J=1)")
        pytest.skip(f"needs {' and '.join(missing)}")
    messages: list[str] = []
    started = time.monotonic()
    classpath = server.ensure_built(cache_dir=tmp_path, progress=messages.append)
    took = time.monotonic() - started
    assert "neo4j" in classpath
    assert messages[0].startswith("first start: fetching Neo4j's jars with Maven")
    assert re.match(r"Neo4j fetched and kg's launcher built in \d+s$", messages[-1])
    # A report at least every few seconds while Maven runs.
    assert len(messages) - 2 >= int(took // server.MAVEN_REPORT_EVERY) - 1
    assert all(m.startswith("  Maven: ") for m in messages[1:-1])
    # Built: the second call neither runs Maven nor says anything.
    again: list[str] = []
    assert server.ensure_built(cache_dir=tmp_path, progress=again.append) == classpath and again == []


# --------------------------------------------------------------------------- against the test server


@pytest.mark.neo4j
def test_load_dash_reads_a_graph_file_or_a_digest_by_content(neo4j_db, neo4j_env, seed_graph, graph_file):
    runner = CliRunner(env=neo4j_env)
    graph = runner.invoke(cli, ["load", "-"], input=Path(graph_file).read_bytes())
    assert graph.exit_code == 0, graph.output
    assert "standard input is a kg graph file" in graph.output
    assert read_counts(neo4j_db) == counts(seed_graph)
    neo4j_store.wipe(neo4j_db)
    digest = runner.invoke(cli, ["load", "-"], input=D002.read_bytes())
    assert digest.exit_code == 0, digest.output
    assert "standard input is a digest (text); extracting it" in digest.output
    assert read_counts(neo4j_db)["nodes"]["Paper"] == 9  # seeds/002's entries
    junk = runner.invoke(cli, ["load", "-"], input=b'{"nodes": []}')
    _one_error_line(junk, "standard input is JSON but not a kg graph file")


@pytest.mark.neo4j
def test_missing_database_is_one_line(neo4j_db, neo4j_env, graph_file):
    result = CliRunner(env=neo4j_env).invoke(cli, ["load", graph_file, "-d", "nosuchdb"])
    _one_error_line(result, "has no database 'nosuchdb'", "SHOW DATABASES")
    assert "constraint" not in result.output


@pytest.mark.neo4j
def test_version_floor_is_read_from_the_server(neo4j_db, neo4j_env, monkeypatch):
    """kg asks the server its version on connect; below the floor it refuses, naming both."""
    driver = neo4j_store.connect(neo4j_env["NEO4J_URI"], neo4j_env["NEO4J_USERNAME"], neo4j_env["NEO4J_PASSWORD"])
    agent = neo4j_store.server_version(driver)
    driver.close()
    version = neo4j_store.parse_version(agent)
    assert version >= neo4j_store.MIN_NEO4J_VERSION == (5, 23)
    # The same server, with the floor just above it.
    # connect() reads the floor where it is defined, kg.neo4j.connect (store re-exports it).
    monkeypatch.setattr(neo4j_connect, "MIN_NEO4J_VERSION", (version[0], version[1] + 1))
    result = CliRunner(env=neo4j_env).invoke(cli, ["cypher", "RETURN 1 AS one"])
    floor = f"{version[0]}.{version[1] + 1}"
    _one_error_line(result, f"is {agent}; kg needs Neo4j {floor} or newer")


@pytest.mark.neo4j
def test_neo4j_s_to_a_server_without_tls_is_one_line(neo4j_db, neo4j_env):
    """In a real process, so that the driver's own log records would show on stderr."""
    host_port = re.match(r"^\w+://(.+)$", neo4j_env["NEO4J_URI"]).group(1)
    env = {**os.environ, **neo4j_env, "NEO4J_URI": f"neo4j+s://{host_port}"}
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "cypher", "RETURN 1 AS one"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"Error: cannot reach Neo4j at neo4j+s://{host_port}")
    assert "does it offer TLS?" in lines[0]


@pytest.mark.neo4j
def test_lock_out_after_wrong_passwords_is_named(neo4j_db, neo4j_env):
    runner = CliRunner(env={**neo4j_env, "NEO4J_PASSWORD": "wrong-password-1"})
    outputs = [runner.invoke(cli, ["cypher", "RETURN 1 AS one"]).output for _ in range(4)]
    try:
        assert "refused user 'neo4j': wrong password?" in outputs[0]
        # Neo4j locks the user out after 3 failures (dbms.security.auth_max_failed_attempts).
        line = _one_error_line(runner.invoke(cli, ["cypher", "RETURN 1 AS one"]), "has locked user 'neo4j' out")
        assert "is it running" not in line
    finally:
        # The lock lasts 5 s; later tests need the user back.
        deadline = time.monotonic() + 60
        while True:
            try:
                neo4j_store.connect(neo4j_env["NEO4J_URI"], neo4j_env["NEO4J_USERNAME"],
                                    neo4j_env["NEO4J_PASSWORD"]).close()
                break
            except neo4j_store.StoreError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)


@pytest.mark.neo4j
def test_load_retries_say_what_they_wait_for(neo4j_db, neo4j_env, seed_graph, graph_file):
    """Neo4j goes away mid-load: each retry is a line saying what kg waits for and how
    long it keeps trying, then one error naming the last committed batch."""
    from test_neo4j_store import _Proxy

    host, port = re.match(r"^\w+://([^:/]+):(\d+)", neo4j_env["NEO4J_URI"]).groups()

    class CuttingProxy(_Proxy):
        """Goes away once the client has sent ``limit`` bytes (some batches in)."""

        limit = 40_000
        sent = 0

        def _send(self, client, upstream):
            try:
                while data := client.recv(65536):
                    upstream.sendall(data)
                    self.sent += len(data)
                    if self.sent > self.limit:
                        self.cut()
                        return
            except OSError:
                pass

    proxy = CuttingProxy(host, int(port))
    env = {**neo4j_env, "NEO4J_URI": f"bolt://127.0.0.1:{proxy.port}"}
    result = CliRunner(env=env).invoke(cli, ["load", graph_file, "--batch-size", "10", "--retry", "2", "-q"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    retries = [line for line in lines if line.startswith("kg load: batch ")]
    assert retries, result.output
    assert all("failed; waiting for Neo4j to come back: the connection was lost" in r and "giving up in" in r
               for r in retries)
    # Where the cut falls decides which of the two honest messages it is: a batch whose
    # request was lost, or one lost while its commit was under way (may or may not be in).
    assert lines[-1].startswith(("Error: lost the connection to Neo4j at batch ",
                                 "Error: lost the connection to Neo4j while committing batch ")), lines[-1]
    assert "run the same load again" in lines[-1]
    assert len([line for line in lines if line.startswith("Error")]) == 1
