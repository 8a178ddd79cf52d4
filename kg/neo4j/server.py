"""Start, stop and inspect a local Neo4j Community server owned by kg.

The server is a real Neo4j 5.26 (Bolt, HTTP and Neo4j Browser) run from Maven
artifacts instead of a distribution tarball, because Maven Central is the only
place this project can fetch Java code from. The launcher is three modules:

* :mod:`kg.neo4j.jvm` finds ``java`` and, on first use, runs Maven once to fetch
  the jars into ``~/.m2`` and compile the launcher class into a cache folder;
* :mod:`kg.neo4j.process` keeps the pid file, the lock and the process checks
  (what lives in the data folder is described there);
* this module starts the JVM detached (its own session), so the server outlives
  the Python process that started it, and returns once a Bolt connection with
  the official driver succeeds using the given password; it stops and reports it.

The password of user ``neo4j`` is (re)applied on every start, so
``NEO4J_PASSWORD`` stays the single source of truth for a data folder.

The module is a library: it reports through :mod:`logging` and raises
:class:`Neo4jServerError`. ``python -m kg.neo4j.server start|stop|status``
is a thin command line over it (used by ``scripts/neo4j-server``).
"""
from __future__ import annotations

import argparse
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, TransientError

from kg.neo4j import process
from kg.neo4j.jvm import (  # noqa: F401  (public names of the launcher, kept importable from here)
    JAVA_HOME_ENV, JVM_OPTIONS, SUPPORTED_JAVA, check_java_version, default_cache_dir, ensure_built, find_java,
    min_size, missing_tools,
)
from kg.neo4j.process import (  # noqa: F401
    LOG_FILE, MAIN_CLASS, NEO4J_USER, STATE_FILE, Neo4jServerError, ServerInfo, log_hint, resolve_dir, tail,
)

log = logging.getLogger(__name__)

PASSWORD_ENV = "NEO4J_PASSWORD"
DEFAULT_PASSWORD = "kg-password-123"
#: Neo4j 5 refuses shorter passwords (``dbms.security.auth_minimum_password_length``).
MIN_PASSWORD_LENGTH = 8
DEFAULT_HOST = "127.0.0.1"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
DEFAULT_HEAP = "1g"
DEFAULT_PAGECACHE = "256m"
DEFAULT_START_TIMEOUT = 180.0
#: Neo4j's own ``neo4j stop`` waits this long too: a kill during the shutdown
#: checkpoint is safe but makes the next start replay transaction logs.
DEFAULT_STOP_TIMEOUT = 120.0
_READY_MARKER = "KG_NEO4J_READY"  # printed by KgNeo4jServer once the password is set


def default_password() -> str:
    """The password to use: ``$NEO4J_PASSWORD`` or kg's development default."""
    return os.environ.get(PASSWORD_ENV) or DEFAULT_PASSWORD


def status(data_dir: str | os.PathLike) -> ServerInfo | None:
    """The server running for ``data_dir``, or None.

    "Running" means the recorded process is alive and is kg's Neo4j for this
    folder; it may still be starting up. Stale pid files are left for
    :func:`start`/:func:`stop` to clean up, which do so under a lock.
    """
    data_dir = resolve_dir(data_dir)
    info = process.read_state(data_dir)
    if info is None or not process.is_our_server(info.pid, data_dir):
        return None
    return info


def start(
    data_dir: str | os.PathLike,
    *,
    password: str | None = None,
    host: str = DEFAULT_HOST,
    bolt_port: int = DEFAULT_BOLT_PORT,
    http_port: int = DEFAULT_HTTP_PORT,
    timeout: float = DEFAULT_START_TIMEOUT,
    heap: str = DEFAULT_HEAP,
    pagecache: str = DEFAULT_PAGECACHE,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> ServerInfo:
    """Start Neo4j for ``data_dir`` (or reuse the one already running) and wait for Bolt.

    ``password`` defaults to :func:`default_password`. ``timeout`` bounds the wait
    for the server to answer; the one-time Maven fetch is not counted in it.
    When a server is already running for ``data_dir`` it is returned as is, even
    if it listens on other ports than asked (a warning is logged), after
    checking that it accepts ``password``.
    """
    password = default_password() if password is None else password
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Neo4jServerError(
            f"the Neo4j password must be at least {MIN_PASSWORD_LENGTH} characters "
            f"(Neo4j 5 rule); set {PASSWORD_ENV}"
        )
    data_dir = resolve_dir(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)  # holds the auth database

    with process.locked(data_dir / process.LOCK_FILE):
        from kg.neo4j.guide import write_guides

        write_guides(data_dir)  # before the server reads it; refreshed on every start
        running = process.live_server_or_cleanup(data_dir)
        if running is not None:
            if (running.host, running.bolt_port, running.http_port) != (host, bolt_port, http_port):
                log.warning(
                    "Neo4j for %s is already running on %s / %s; reusing it instead of "
                    "the requested ports", data_dir, running.bolt_uri, running.http_url,
                )
            else:
                log.info("Neo4j for %s is already running (pid %d)", data_dir, running.pid)
            _wait_for_bolt(running, password, deadline=time.monotonic() + min(timeout, 30.0))
            return running

        java = find_java()
        check_java_version(java)
        classpath = ensure_built(java=java, cache_dir=cache_dir, progress=progress)
        for port, what in ((bolt_port, "Bolt"), (http_port, "HTTP")):
            _check_port_free(host, port, what)

        command = [
            str(java), f"-Xms{min_size(heap, '256m')}", f"-Xmx{heap}", *JVM_OPTIONS,
            "-cp", classpath, MAIN_CLASS,
            "--home", str(data_dir),
            "--listen-address", host,
            "--bolt-port", str(bolt_port),
            "--http-port", str(http_port),
            "--pagecache", pagecache,
        ]
        # Through the environment, not argv, so the password is not visible in `ps`.
        env = dict(os.environ, **{PASSWORD_ENV: password})
        log_path = data_dir / LOG_FILE
        (progress or log.info)(f"starting Neo4j for {data_dir} (Bolt {host}:{bolt_port}, HTTP {host}:{http_port}); "
                               f"waiting up to {timeout:.0f}s for it to accept the password")
        with open(log_path, "wb") as log_out:  # one start per log; Neo4j keeps logs/ itself
            proc = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log_out, stderr=subprocess.STDOUT,
                cwd=data_dir, env=env,
                start_new_session=True,  # no SIGINT from the caller's terminal; outlives it
            )
        process.children[proc.pid] = proc
        info = ServerInfo(pid=proc.pid, data_dir=data_dir, host=host,
                          bolt_port=bolt_port, http_port=http_port)
        process.write_state(info)

        started = time.monotonic()
        try:
            _wait_until_ready(info, proc, password, deadline=started + timeout, timeout=timeout)
        except BaseException:
            # Never leave a half-started JVM behind holding the store lock and the ports.
            process.terminate(proc.pid, grace=30.0)
            process.remove_state(data_dir)
            raise
        log.info("Neo4j is up after %.1fs: %s, %s", time.monotonic() - started,
                 info.bolt_uri, info.browser_url)
        return info


def stop(data_dir: str | os.PathLike, *, timeout: float = DEFAULT_STOP_TIMEOUT) -> bool:
    """Stop the server for ``data_dir``: SIGTERM, wait ``timeout`` s, then SIGKILL.

    Returns True if a server was stopped, False if none was running.
    """
    data_dir = resolve_dir(data_dir)
    if not data_dir.is_dir():
        return False
    with process.locked(data_dir / process.LOCK_FILE):
        info = process.live_server_or_cleanup(data_dir)
        if info is None:
            return False
        log.info("Stopping Neo4j for %s (pid %d)", data_dir, info.pid)
        process.terminate(info.pid, grace=timeout)
        process.remove_state(data_dir)
        return True


# --------------------------------------------------------------------------- start-up helpers


def _wait_until_ready(
    info: ServerInfo, proc: subprocess.Popen, password: str, *, deadline: float, timeout: float
) -> None:
    # Wait for the launcher's ready line before trying Bolt: Bolt opens a moment
    # before the password is applied, and failed logins in that window would
    # trip Neo4j's brute-force lock-out (3 failures -> 5 s locked).
    while True:
        returncode = proc.poll()
        if returncode is not None:
            raise Neo4jServerError(
                f"Neo4j exited with code {returncode} while starting; "
                f"{log_hint(info.data_dir)}:\n{tail(info.log_file)}"
            )
        if _READY_MARKER in process.read_text(info.log_file):
            break
        if time.monotonic() >= deadline:
            raise Neo4jServerError(
                f"Neo4j did not start within {timeout:.0f}s; "
                f"{log_hint(info.data_dir)}:\n{tail(info.log_file)}"
            )
        time.sleep(0.25)
    _wait_for_bolt(info, password, deadline=max(deadline, time.monotonic() + 10.0))


def _wait_for_bolt(info: ServerInfo, password: str, *, deadline: float) -> None:
    """Return once the driver can open an authenticated Bolt connection."""
    while True:
        try:
            with GraphDatabase.driver(
                info.bolt_uri, auth=(info.user, password), connection_timeout=5.0
            ) as driver:
                driver.verify_connectivity()
            return
        except AuthError as error:
            raise Neo4jServerError(
                f"Neo4j at {info.bolt_uri} (data {info.data_dir}) refused the password "
                f"for user '{info.user}'. The launcher sets it from {PASSWORD_ENV} when it "
                f"starts the server; a server that was already running keeps its password "
                f"until it is restarted. ({error.message})"
            ) from error
        except (DriverError, TransientError) as error:
            if time.monotonic() >= deadline:
                raise Neo4jServerError(
                    f"Neo4j at {info.bolt_uri} does not answer Bolt ({error}); "
                    f"{log_hint(info.data_dir)}:\n{tail(info.log_file)}"
                ) from error
        time.sleep(0.5)


def _check_port_free(host: str, port: int, what: str) -> None:
    # Neo4j would fail too, but only after seconds and with the reason buried in
    # its log; a clear message up front is worth the (tiny) race.
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        # Same option the server uses, so ports in TIME_WAIT don't count as busy.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as error:
            raise Neo4jServerError(
                f"cannot use {what} port {host}:{port}: {error.strerror} "
                "(another Neo4j running? pick other ports)"
            ) from error


# --------------------------------------------------------------------------- command line


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kg.neo4j.server",
        description="Start, stop or inspect kg's local Neo4j server. The password of "
        f"user neo4j is taken from ${PASSWORD_ENV} (default {DEFAULT_PASSWORD!r}).",
    )
    parser.add_argument("command", choices=("start", "stop", "status", "prepare"),
                        help="prepare = only fetch and build (e.g. to warm a CI cache)")
    parser.add_argument("--data", type=Path, default=Path(".neo4j"),
                        help="data folder of the server (default: ./.neo4j)")
    parser.add_argument("--host", default=DEFAULT_HOST, help="listen address (default: %(default)s)")
    parser.add_argument("--bolt-port", type=int, default=DEFAULT_BOLT_PORT)
    parser.add_argument("--http-port", type=int, default=DEFAULT_HTTP_PORT)
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds to wait for start-up / shutdown")
    parser.add_argument("--heap", default=DEFAULT_HEAP, help="JVM max heap (default: %(default)s)")
    parser.add_argument("--pagecache", default=DEFAULT_PAGECACHE,
                        help="Neo4j page cache size (default: %(default)s)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only print errors")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(message)s", stream=sys.stderr)

    try:
        if args.command == "prepare":
            ensure_built()
            return 0
        if args.command == "start":
            info = start(args.data, host=args.host, bolt_port=args.bolt_port,
                         http_port=args.http_port, heap=args.heap, pagecache=args.pagecache,
                         timeout=args.timeout or DEFAULT_START_TIMEOUT)
            _print_info(info)
            return 0
        if args.command == "stop":
            if not stop(args.data, timeout=args.timeout or DEFAULT_STOP_TIMEOUT):
                log.info("Neo4j is not running for %s", resolve_dir(args.data))
            return 0
        info = status(args.data)
        if info is None:
            print(f"not running ({resolve_dir(args.data)})")
            return 3  # LSB "program is not running"
        _print_info(info)
        return 0
    except Neo4jServerError as error:
        log.error("error: %s", error)
        return 1


def _print_info(info: ServerInfo) -> None:
    print(f"running  pid {info.pid}  data {info.data_dir}\n"
          f"  bolt:    {info.bolt_uri}  (user {info.user}, password from ${PASSWORD_ENV})\n"
          f"  browser: {info.browser_url}\n"
          f"  guide:   :play {info.guide_url}\n"
          f"  log:     {info.log_file}")


if __name__ == "__main__":
    sys.exit(_main())
