"""Tests of kg.neo4j.server: a real Neo4j started and stopped by the launcher.

The server test needs java and mvn (and, on first use, Maven Central). Without
them it is skipped, unless KG_REQUIRE_NEO4J=1 asks for it to fail instead, as CI
should. It uses free ports, never 7687/7474, so it can run beside a developer's
server.
"""
from __future__ import annotations

import os
import socket

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from kg.neo4j import server as neo4j_server
from kg.neo4j.server import Neo4jServerError

PASSWORD = "test-password-123"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _require_tools() -> None:
    missing = neo4j_server.missing_tools()
    if not missing:
        return
    reason = f"the local Neo4j server needs {' and '.join(missing)}, not found"
    if os.environ.get("KG_REQUIRE_NEO4J") == "1":
        pytest.fail(f"{reason} (KG_REQUIRE_NEO4J=1)")
    pytest.skip(reason)


def _pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.neo4j
def test_start_query_refuse_wrong_password_stop_restart(tmp_path):
    _require_tools()
    data_dir = tmp_path / "neo4j"
    ports = {"bolt_port": _free_port(), "http_port": _free_port()}
    # Generous timeout: on a fresh machine the first start also runs Maven.
    info = neo4j_server.start(data_dir, password=PASSWORD, timeout=600, **ports)
    try:
        assert neo4j_server.status(data_dir) == info
        assert (data_dir / neo4j_server.STATE_FILE).exists()

        with GraphDatabase.driver(info.bolt_uri, auth=("neo4j", PASSWORD)) as driver:
            records, _, _ = driver.execute_query("CREATE (n:T {v:$v}) RETURN n.v AS v", v=42)
        assert [r["v"] for r in records] == [42]

        with pytest.raises(AuthError):
            with GraphDatabase.driver(info.bolt_uri, auth=("neo4j", "wrong-password")) as driver:
                driver.verify_connectivity()

        # A second start for the same folder reuses the running server.
        assert neo4j_server.start(data_dir, password=PASSWORD, **ports).pid == info.pid
    finally:
        stopped = neo4j_server.stop(data_dir)
    assert stopped
    assert _pid_gone(info.pid)
    assert neo4j_server.status(data_dir) is None
    assert not (data_dir / neo4j_server.STATE_FILE).exists()
    assert neo4j_server.stop(data_dir) is False

    # The data survives a restart (and the password is re-applied on it).
    info = neo4j_server.start(data_dir, password=PASSWORD, timeout=300, **ports)
    try:
        with GraphDatabase.driver(info.bolt_uri, auth=("neo4j", PASSWORD)) as driver:
            records, _, _ = driver.execute_query("MATCH (n:T) RETURN n.v AS v")
        assert [r["v"] for r in records] == [42]
    finally:
        neo4j_server.stop(data_dir)
    assert _pid_gone(info.pid)


def test_short_password_is_rejected_before_anything_starts(tmp_path):
    with pytest.raises(Neo4jServerError, match="at least 8 characters"):
        neo4j_server.start(tmp_path / "neo4j", password="short")
    assert not (tmp_path / "neo4j").exists()


def test_status_and_stop_without_a_server(tmp_path):
    assert neo4j_server.status(tmp_path) is None
    assert neo4j_server.stop(tmp_path) is False
    assert neo4j_server.stop(tmp_path / "missing") is False


def test_stale_pid_file_is_not_a_running_server(tmp_path):
    # A pid that is alive but is not kg's Neo4j (here: this test process).
    (tmp_path / neo4j_server.STATE_FILE).write_text(
        f'{{"pid": {os.getpid()}, "host": "127.0.0.1", "bolt_port": 1, "http_port": 2}}'
    )
    assert neo4j_server.status(tmp_path) is None
    assert neo4j_server.stop(tmp_path) is False  # and it must not signal us
    assert not (tmp_path / neo4j_server.STATE_FILE).exists()


def test_busy_port_is_reported_clearly(tmp_path):
    _require_tools()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        busy = sock.getsockname()[1]
        with pytest.raises(Neo4jServerError, match=f"Bolt port 127.0.0.1:{busy}"):
            neo4j_server.start(tmp_path, password=PASSWORD, bolt_port=busy,
                               http_port=_free_port(), timeout=600)
    assert neo4j_server.status(tmp_path) is None
