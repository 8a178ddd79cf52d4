"""Shared pytest fixtures."""
from __future__ import annotations

import os

import pytest


# --- Neo4j: a real server over Bolt ------------------------------------------------------
# Tests marked @pytest.mark.neo4j use these. The server is reached with NEO4J_URI,
# NEO4J_USERNAME and NEO4J_PASSWORD (scripts/test starts one and exports them). If it
# cannot be reached they skip with the reason, unless KG_REQUIRE_NEO4J=1 (CI) makes
# them fail. Community edition has one user database, so tests share it and run
# serially; each starts from an empty database (neo4j_db).

NEO4J_TEST_URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
NEO4J_TEST_USER = os.environ.get("NEO4J_USERNAME", "neo4j")
NEO4J_TEST_PASSWORD = os.environ.get("NEO4J_PASSWORD", "kg-password-123")


@pytest.fixture(scope="session")
def neo4j_driver():
    """A driver for the test server (session-wide), or skip/fail if there is none."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    driver = GraphDatabase.driver(NEO4J_TEST_URI, auth=(NEO4J_TEST_USER, NEO4J_TEST_PASSWORD))
    try:
        driver.verify_connectivity()
    except (AuthError, DriverError, Neo4jError, OSError) as e:
        driver.close()
        reason = (f"no usable Neo4j at {NEO4J_TEST_URI} as {NEO4J_TEST_USER!r} ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}); "
                  "start one with scripts/neo4j-server start, or set NEO4J_URI / NEO4J_PASSWORD")
        if os.environ.get("KG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"{reason} (KG_REQUIRE_NEO4J=1)")
        pytest.skip(reason)
    yield driver
    driver.close()


def _empty_neo4j(driver) -> None:
    """Delete every node and relationship (not only kg's) and any constraint a test added."""
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        names = [r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name RETURN name")]
        for name in names:
            if not name.startswith("kg_"):  # kg's own constraints are what a load creates anyway
                session.run("DROP CONSTRAINT $name IF EXISTS", name=name).consume()


@pytest.fixture(scope="session")
def neo4j_env() -> dict[str, str]:
    """The connection as environment variables, e.g. for ``CliRunner(env=...)``."""
    return {"NEO4J_URI": NEO4J_TEST_URI, "NEO4J_USERNAME": NEO4J_TEST_USER, "NEO4J_PASSWORD": NEO4J_TEST_PASSWORD}


@pytest.fixture(scope="session")
def neo4j_empty(neo4j_driver):
    """A function that empties the test database (for module-scoped fixtures that load data)."""
    return lambda: _empty_neo4j(neo4j_driver)


@pytest.fixture
def neo4j_db(neo4j_driver, neo4j_empty):
    """The session's driver, on an empty database."""
    neo4j_empty()
    return neo4j_driver


# --- Browser: headless Chromium over the DevTools protocol ----------------------------------
# Tests marked @pytest.mark.browser use these. Chromium is Debian's `chromium` (or
# $KG_CHROMIUM); without it they skip with the reason, unless KG_REQUIRE_BROWSER=1 (CI)
# makes them fail. One browser serves the whole session; every page is opened offline.


@pytest.fixture(scope="session")
def chromium():
    """A headless, offline :class:`browser.Chromium` (tests/browser.py) (session-wide), or skip/fail."""
    from browser import BrowserError, Chromium, find_chromium  # tests/browser.py

    reason = None
    if not find_chromium():
        reason = "Chromium not found (apt-get install chromium, or set KG_CHROMIUM)"
    else:
        try:
            browser = Chromium(width=1280, height=800, timeout=90)
        except BrowserError as e:
            reason = f"Chromium does not start: {e}"
    if reason:
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason} (KG_REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    yield browser
    browser.close()
