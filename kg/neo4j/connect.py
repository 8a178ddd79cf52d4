"""Connecting to Neo4j: where (``$NEO4J_URI`` and friends), checked (reachable,
credentials, server version, database), and driver errors as one line.

Every failure here is a :class:`kg.errors.StoreError` whose message names the cause,
so the CLI prints one line and exits 1 instead of a driver traceback.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from kg.errors import StoreError

__all__ = [
    "URI_ENV",
    "USER_ENV",
    "PASSWORD_ENV",
    "DATABASE_ENV",
    "DEFAULT_URI",
    "DEFAULT_USER",
    "DEFAULT_PASSWORD",
    "MIN_NEO4J_VERSION",
    "BOLT_SCHEMES",
    "connection_settings",
    "connect",
    "parse_version",
    "server_version",
]

_driver_log = logging.getLogger("neo4j")


@contextlib.contextmanager
def _driver_quiet():
    """Silence the driver's own log while checking a connection: it logs a failure
    (e.g. "Unable to retrieve routing information") and then raises it, and kg
    reports the exception as one line; the log record would be a second one."""
    level = _driver_log.level
    _driver_log.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        _driver_log.setLevel(level)

# The environment variables Neo4j's own tools (cypher-shell, neo4j-admin, the
# GraphRAG package) read, so one set of exports serves them all.
URI_ENV = "NEO4J_URI"
USER_ENV = "NEO4J_USERNAME"
PASSWORD_ENV = "NEO4J_PASSWORD"
DATABASE_ENV = "NEO4J_DATABASE"
DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
#: The development password of ``scripts/neo4j-server`` (kg.neo4j.server.DEFAULT_PASSWORD).
DEFAULT_PASSWORD = "kg-password-123"
#: The oldest Neo4j kg works with: the loader and cypher/ use ``CALL (x) { … }``
#: subqueries, new in 5.23. Checked on connect (:func:`connect`).
MIN_NEO4J_VERSION = (5, 23)


def connection_settings(
    uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
) -> tuple[str, str, str, str | None]:
    """``(uri, user, password, database)``: the arguments given, else ``$NEO4J_URI``,
    ``$NEO4J_USERNAME``, ``$NEO4J_PASSWORD``, ``$NEO4J_DATABASE``, else kg's local
    development server (``database`` None = the server's default database)."""
    return (
        uri or os.environ.get(URI_ENV) or DEFAULT_URI,
        user or os.environ.get(USER_ENV) or DEFAULT_USER,
        password or os.environ.get(PASSWORD_ENV) or DEFAULT_PASSWORD,
        database or os.environ.get(DATABASE_ENV) or None,
    )


#: The URI schemes of Bolt, the protocol kg speaks (``+s``: TLS, ``+ssc``: TLS with a
#: self-signed certificate; ``neo4j``: with cluster routing).
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def connect(
    uri: str | None = None, user: str | None = None, password: str | None = None, *,
    database: str | None = None, **config: Any,
) -> neo4j.Driver:
    """A driver for ``uri`` (defaults as in :func:`connection_settings`) whose
    connectivity, credentials, server version (at least :data:`MIN_NEO4J_VERSION`)
    and, if given, ``database`` have been checked; the caller closes it.

    Every failure is a one-line :class:`StoreError` that names its cause: a URI that is
    not Bolt, an unreachable server, a wrong password, Neo4j's lock-out after repeated
    wrong passwords, a server too old, a database that does not exist.

    ``config`` goes to :meth:`neo4j.GraphDatabase.driver`.
    """
    uri, user, password, _ = connection_settings(uri, user, password)
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme in ("http", "https"):
        raise StoreError(
            f"{uri} is an HTTP address (Neo4j Browser's); kg talks to Neo4j over Bolt: "
            f"use bolt://HOST:7687 (the Bolt port) in ${URI_ENV} or --uri"
        )
    if scheme not in BOLT_SCHEMES:
        raise StoreError(f"cannot use Neo4j URI {uri!r}: its scheme must be one of {', '.join(BOLT_SCHEMES)}")
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), **config)
    except (ValueError, DriverError, ImportError) as e:  # malformed URI, bad config
        raise StoreError(f"cannot use Neo4j URI {uri!r}: {_reason(e)}") from None
    try:
        with _driver_quiet():
            driver.verify_connectivity()
            agent = driver.get_server_info().agent
            if database is not None:
                driver.execute_query("RETURN 1", database_=database)
    except AuthError as e:
        driver.close()
        if "RateLimit" in (e.code or ""):
            raise StoreError(_LOCKED_OUT.format(uri=uri, user=user)) from None
        raise StoreError(
            f"Neo4j at {uri} refused user {user!r}: wrong password? (set ${PASSWORD_ENV} or --password)"
        ) from None
    except Neo4jError as e:
        driver.close()
        code = e.code or ""
        if "AuthenticationRateLimit" in code:
            raise StoreError(_LOCKED_OUT.format(uri=uri, user=user)) from None
        if code.endswith("DatabaseNotFound"):
            raise StoreError(
                f"Neo4j at {uri} has no database {database!r} (SHOW DATABASES lists them; "
                f"Community edition has one, usually 'neo4j'; set ${DATABASE_ENV} or --database)"
            ) from None
        raise StoreError(f"Neo4j at {uri} refused the connection: [{code}] {_reason(e)}") from None
    except (DriverError, OSError) as e:
        driver.close()
        hint = ("is it running, and does it offer TLS? a local server (`kg neo4j start`) does not: use bolt://"
                if "+s" in scheme else "is it running? `kg neo4j start` starts a local one")
        raise StoreError(f"cannot reach Neo4j at {uri}: {_first_line(_reason(e))} ({hint})") from None
    version = parse_version(agent)
    if version is None or version < MIN_NEO4J_VERSION:
        driver.close()
        floor = ".".join(map(str, MIN_NEO4J_VERSION))
        raise StoreError(
            f"Neo4j at {uri} is {agent or 'of unknown version'}; kg needs Neo4j {floor} or newer "
            f"(its Cypher uses CALL (x) {{…}} subqueries)"
        )
    return driver


_LOCKED_OUT = (
    "Neo4j at {uri} has locked user {user!r} out after repeated wrong passwords; "
    "wait a few seconds (dbms.security.auth_lock_time, 5 s by default) and retry with the right one"
)


def parse_version(agent: str | None) -> tuple[int, ...] | None:
    """``(5, 26, 0)`` from a server agent string like ``"Neo4j/5.26.0"``; None if it has
    no version.

    >>> parse_version("Neo4j/5.26.30"), parse_version("Neo4j/2025.01.0"), parse_version("x")
    ((5, 26, 30), (2025, 1, 0), None)
    """
    m = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", agent or "")
    if not m:
        return None
    return tuple(int(x) for x in m.groups() if x is not None)


def server_version(driver: neo4j.Driver) -> str:
    """The server's agent string, e.g. ``"Neo4j/5.26.30"``."""
    try:
        return driver.get_server_info().agent
    except (DriverError, Neo4jError, OSError) as e:
        raise StoreError(f"cannot reach Neo4j: {_first_line(_reason(e))}") from None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def _reason(e: BaseException) -> str:
    """The error's message on one line (the driver's may span several)."""
    text = getattr(e, "message", None) or str(e) or type(e).__name__
    return " ".join(text.split())
