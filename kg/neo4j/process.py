"""The server's process and its files: the pid file, the lock, whether a recorded
process is still kg's Neo4j for a data folder, and stopping it.

Everything lives in the data folder the caller picks::

    <data_dir>/neo4j-server.json   pid file: pid, host and ports of the server
    <data_dir>/neo4j-server.log    the JVM's console output for the last start
    <data_dir>/data/               Neo4j's databases and transaction logs
    <data_dir>/logs/               Neo4j's own logs (neo4j.log, debug.log, ...)

The lowest layer of the launcher (:mod:`kg.neo4j.jvm` and :mod:`kg.neo4j.server`
build on it), so its error class lives here too.
"""
from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import logging
import os
import signal
import subprocess
import time
from collections import deque
from pathlib import Path
from typing import Iterator

from kg.errors import KgError

log = logging.getLogger(__name__)

NEO4J_USER = "neo4j"
STATE_FILE = "neo4j-server.json"
LOG_FILE = "neo4j-server.log"
LOCK_FILE = ".neo4j-server.lock"
#: The launcher class (compiled by :mod:`kg.neo4j.jvm`); how a pid is recognised as kg's server.
MAIN_CLASS = "kg.KgNeo4jServer"
_LOG_TAIL_LINES = 40

# Servers started by this process. Kept so that they are reaped when they exit
# (otherwise a stopped server lingers as a zombie that still "exists").
children: dict[int, subprocess.Popen] = {}


class Neo4jServerError(KgError):
    """The local Neo4j server could not be built, started, reached or stopped."""


@dataclasses.dataclass(frozen=True)
class ServerInfo:
    """A running server, as recorded in ``<data_dir>/neo4j-server.json``."""

    pid: int
    data_dir: Path
    host: str
    bolt_port: int
    http_port: int
    user: str = NEO4J_USER

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.host}:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    @property
    def browser_url(self) -> str:
        return f"{self.http_url}/browser/"

    @property
    def guide_url(self) -> str:
        """kg's Browser guide (``:play`` it in Browser)."""
        from kg.neo4j.guide import guide_url

        return guide_url(self.host, self.http_port)

    @property
    def log_file(self) -> Path:
        return self.data_dir / LOG_FILE


# --------------------------------------------------------------------------- process


def terminate(pid: int, *, grace: float) -> None:
    """SIGTERM ``pid`` (Neo4j shuts down cleanly on it), SIGKILL after ``grace`` s."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if wait_gone(pid, grace):
        return
    log.warning("Neo4j (pid %d) did not stop within %.0fs; killing it", pid, grace)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if not wait_gone(pid, 10.0):
        raise Neo4jServerError(f"Neo4j (pid {pid}) survived SIGKILL")


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while pid_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True


def pid_alive(pid: int) -> bool:
    child = children.get(pid)
    if child is not None:
        if child.poll() is None:
            return True
        del children[pid]  # reaped
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    # An exited process whose parent has not reaped it yet still "exists".
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[0] != "Z"


def is_our_server(pid: int, data_dir: Path) -> bool:
    """Whether ``pid`` is alive and is KgNeo4jServer for ``data_dir`` (pids get reused)."""
    if not pid_alive(pid):
        return False
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        # No /proc (e.g. macOS): a live pid from our own pid file is the best we know.
        return not Path("/proc/self").exists()
    except OSError:
        return True
    return MAIN_CLASS.encode() in argv and os.fsencode(data_dir) in argv


def live_server_or_cleanup(data_dir: Path) -> ServerInfo | None:
    """Like :func:`status`, but removes a stale pid file. Call with the lock held."""
    info = read_state(data_dir)
    if info is None:
        return None
    if is_our_server(info.pid, data_dir):
        return info
    log.info("Removing stale %s (pid %d is not running)", STATE_FILE, info.pid)
    remove_state(data_dir)
    return None


# --------------------------------------------------------------------------- files


def resolve_dir(data_dir: str | os.PathLike) -> Path:
    # Absolute and canonical: it is matched against the server's command line.
    return Path(data_dir).expanduser().resolve()


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock, released when the block ends or the process dies."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def read_state(data_dir: Path) -> ServerInfo | None:
    path = data_dir / STATE_FILE
    try:
        raw = json.loads(path.read_text())
        return ServerInfo(pid=int(raw["pid"]), data_dir=data_dir, host=str(raw["host"]),
                          bolt_port=int(raw["bolt_port"]), http_port=int(raw["http_port"]),
                          user=str(raw.get("user", NEO4J_USER)))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("Ignoring unreadable %s: %s", path, error)
        return None


def write_state(info: ServerInfo) -> None:
    path = info.data_dir / STATE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({
        "pid": info.pid, "host": info.host, "bolt_port": info.bolt_port,
        "http_port": info.http_port, "user": info.user,
    }, indent=2) + "\n")
    tmp.replace(path)  # atomic: readers never see half a file


def remove_state(data_dir: Path) -> None:
    (data_dir / STATE_FILE).unlink(missing_ok=True)


def read_text(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except FileNotFoundError:
        return ""


def tail(path: Path, lines: int = _LOG_TAIL_LINES) -> str:
    try:
        with open(path, errors="replace") as handle:
            return "".join(deque(handle, maxlen=lines)).rstrip() or "(log is empty)"
    except OSError as error:
        return f"(cannot read {path}: {error.strerror})"


def log_hint(data_dir: Path) -> str:
    return f"see {data_dir / LOG_FILE} and {data_dir / 'logs' / 'debug.log'}; last lines"
