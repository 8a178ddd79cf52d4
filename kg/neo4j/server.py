"""Start, stop and inspect a local Neo4j Community server owned by kg.

The server is a real Neo4j 5.26 (Bolt, HTTP and Neo4j Browser) run from Maven
artifacts instead of a distribution tarball, because Maven Central is the only
place this project can fetch Java code from. The Java side is one class,
``kg/data/neo4j/src/main/java/kg/KgNeo4jServer.java``; its ``pom.xml`` pins the
Neo4j version.

How it works:

* On first use Maven fetches the jars into ``~/.m2`` and compiles the launcher
  class into a cache folder outside the source tree
  (``$XDG_CACHE_HOME/kg/neo4j/<hash of the Maven project>``). Later starts
  skip Maven entirely, so they need only ``java``.
* :func:`start` runs the JVM detached (its own session), so the server outlives
  the Python process that started it, and returns once a Bolt connection with
  the official driver succeeds using the given password.
* Everything lives in the data folder the caller picks::

      <data_dir>/neo4j-server.json   pid file: pid, host and ports of the server
      <data_dir>/neo4j-server.log    the JVM's console output for the last start
      <data_dir>/data/               Neo4j's databases and transaction logs
      <data_dir>/logs/               Neo4j's own logs (neo4j.log, debug.log, ...)

* The password of user ``neo4j`` is (re)applied on every start, so
  ``NEO4J_PASSWORD`` stays the single source of truth for a data folder.

The module is a library: it reports through :mod:`logging` and raises
:class:`Neo4jServerError`. ``python -m kg.neo4j.server start|stop|status``
is a thin command line over it (used by ``scripts/neo4j-server``).
"""
from __future__ import annotations

from kg.errors import KgError

import argparse
import contextlib
import dataclasses
import fcntl
import hashlib
import json
import logging
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Iterator

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, TransientError

log = logging.getLogger(__name__)

NEO4J_USER = "neo4j"
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
#: Neo4j 5.26 supports these Java versions; others are tried with a warning.
SUPPORTED_JAVA = (17, 21)
#: Environment variable naming a JDK for Neo4j only, when JAVA_HOME must point
#: at another Java for the rest of the project.
JAVA_HOME_ENV = "KG_NEO4J_JAVA_HOME"

STATE_FILE = "neo4j-server.json"
LOG_FILE = "neo4j-server.log"
_LOCK_FILE = ".neo4j-server.lock"
_MAIN_CLASS = "kg.KgNeo4jServer"
_READY_MARKER = "KG_NEO4J_READY"  # printed by KgNeo4jServer once the password is set
_MAVEN_PROJECT = Path(__file__).resolve().parent.parent / "data" / "neo4j"
_MAVEN_TIMEOUT = 1800.0  # the first fetch downloads ~60 MB of jars
_LOG_TAIL_LINES = 40

#: JVM options from Neo4j's own launcher that matter when running it by hand.
_JVM_OPTIONS = (
    "-XX:+UseG1GC",
    # A server that survived an OutOfMemoryError is in an unknown state; a dead
    # one is at least reported as down by status().
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    # Without these Neo4j falls back to slower code paths and logs warnings.
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)

# Servers started by this process. Kept so that they are reaped when they exit
# (otherwise a stopped server lingers as a zombie that still "exists").
_children: dict[int, subprocess.Popen] = {}


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


# --------------------------------------------------------------------------- public API


def default_password() -> str:
    """The password to use: ``$NEO4J_PASSWORD`` or kg's development default."""
    return os.environ.get(PASSWORD_ENV) or DEFAULT_PASSWORD


def default_cache_dir() -> Path:
    """Where compiled classes and the resolved classpath are kept."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg" / "neo4j"


def find_java() -> Path:
    """The ``java`` to run Neo4j with: $KG_NEO4J_JAVA_HOME, $JAVA_HOME, else PATH."""
    for env in (JAVA_HOME_ENV, "JAVA_HOME"):
        home = os.environ.get(env)
        if home:
            java = Path(home) / "bin" / "java"
            if not os.access(java, os.X_OK):
                raise Neo4jServerError(f"{env}={home} has no executable bin/java")
            return java
    found = shutil.which("java")
    if found is None:
        raise Neo4jServerError(
            "java not found on PATH: the local Neo4j server needs a Java 17 or 21 JDK "
            f"(e.g. apt-get install openjdk-17-jdk-headless), or set {JAVA_HOME_ENV}"
        )
    return Path(found)


def missing_tools() -> list[str]:
    """Names of the external tools (``java``, ``mvn``) that cannot be found."""
    missing = []
    try:
        find_java()
    except Neo4jServerError:
        missing.append("java")
    if shutil.which("mvn") is None:
        missing.append("mvn")
    return missing


def ensure_built(*, java: Path | None = None, cache_dir: Path | None = None,
                 progress: Callable[[str], None] | None = None) -> str:
    """Fetch Neo4j's jars and compile the launcher if needed; return the JVM classpath.

    The build is keyed by a hash of the Maven project, so editing the pom or the
    Java source triggers a rebuild and nothing else does. Maven is needed only
    for that build, which can take minutes: ``progress(message)`` hears when it
    starts, every few seconds while it runs (jars downloaded so far), and when it ends.
    """
    say = progress or log.info
    java = java or find_java()
    build_dir = (cache_dir or default_cache_dir()) / _project_hash()
    build_dir.mkdir(parents=True, exist_ok=True)
    classes = build_dir / "target" / "classes"
    classpath_file = build_dir / "classpath.txt"
    complete = build_dir / "complete"

    with _locked(build_dir / ".lock"):  # two starts racing must not both run Maven
        if complete.exists():
            jars = classpath_file.read_text().strip().split(os.pathsep)
            if all(Path(jar).exists() for jar in jars):
                return os.pathsep.join([str(classes), *jars])
            log.info("Neo4j jars are gone from the Maven repository; fetching them again")
            complete.unlink()

        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jServerError(
                "mvn (Apache Maven) not found on PATH: it is needed once to fetch Neo4j's "
                "jars from Maven Central (e.g. apt-get install maven)"
            )
        say("first start: fetching Neo4j's jars with Maven into ~/.m2 and compiling kg's launcher "
            "(once; may take minutes)")
        maven_log = build_dir / "maven.log"
        command = [
            mvn, "-B", "-Dstyle.color=never", "--no-transfer-progress",
            "-f", str(_MAVEN_PROJECT / "pom.xml"),
            # Keeps Maven's target/ out of the source tree.
            f"-Dkg.build.dir={build_dir / 'target'}",
            "compile", "dependency:build-classpath",
            f"-Dmdep.outputFile={classpath_file}", "-Dmdep.includeScope=runtime",
        ]
        # Compile with the JDK that will run the server, whatever mvn would pick.
        env = dict(os.environ, JAVA_HOME=str(java.resolve().parent.parent))
        started = time.monotonic()
        returncode = _run_maven(command, env, maven_log, say, started)
        if returncode != 0 or not classpath_file.exists():
            raise Neo4jServerError(
                f"Maven failed (exit code {returncode}) to build the Neo4j launcher; "
                f"see {maven_log}:\n{_tail(maven_log)}"
            )
        complete.write_text(f"built in {time.monotonic() - started:.1f}s\n")
        say(f"Neo4j fetched and kg's launcher built in {time.monotonic() - started:.0f}s")
        jars = classpath_file.read_text().strip().split(os.pathsep)
        return os.pathsep.join([str(classes), *jars])


#: Seconds between two progress reports while Maven runs.
_MAVEN_REPORT_EVERY = 5.0


def _run_maven(command: list[str], env: dict[str, str], maven_log: Path, say: Callable[[str], None],
               started: float) -> int:
    """Run Maven with its output in ``maven_log``, telling ``say`` every few seconds
    how far it got (jars downloaded, the phase it is in); its exit code."""
    downloaded = 0
    phase = "resolving dependencies"
    last_report = started
    with open(maven_log, "wb") as out:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=env)
        lines: queue.Queue[bytes | None] = queue.Queue()

        def pump() -> None:  # a thread, so that a quiet Maven still gets its reports
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        while True:
            try:
                line = lines.get(timeout=1.0)
            except queue.Empty:
                line = b""
            if line is None:
                break
            if line:
                out.write(line)
                text = line.decode("utf-8", "replace")
                if text.startswith("Downloaded from"):
                    downloaded += 1
                elif "maven-compiler-plugin" in text:
                    phase = "compiling the launcher"
                elif "maven-dependency-plugin" in text:
                    phase = "writing the classpath"
            now = time.monotonic()
            if now - started > _MAVEN_TIMEOUT:
                proc.kill()
                proc.wait()
                raise Neo4jServerError(f"Maven did not finish within {_MAVEN_TIMEOUT:.0f}s; see {maven_log}")
            if now - last_report >= _MAVEN_REPORT_EVERY:
                say(f"  Maven: {phase}, {downloaded} files downloaded so far ({now - started:.0f}s)")
                last_report = now
        return proc.wait()


def status(data_dir: str | os.PathLike) -> ServerInfo | None:
    """The server running for ``data_dir``, or None.

    "Running" means the recorded process is alive and is kg's Neo4j for this
    folder; it may still be starting up. Stale pid files are left for
    :func:`start`/:func:`stop` to clean up, which do so under a lock.
    """
    data_dir = _resolve(data_dir)
    info = _read_state(data_dir)
    if info is None or not _is_our_server(info.pid, data_dir):
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
    data_dir = _resolve(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)  # holds the auth database

    with _locked(data_dir / _LOCK_FILE):
        from kg.neo4j.guide import write_guides

        write_guides(data_dir)  # before the server reads it; refreshed on every start
        running = _live_server_or_cleanup(data_dir)
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
        _check_java_version(java)
        classpath = ensure_built(java=java, cache_dir=cache_dir, progress=progress)
        for port, what in ((bolt_port, "Bolt"), (http_port, "HTTP")):
            _check_port_free(host, port, what)

        command = [
            str(java), f"-Xms{_min_size(heap, '256m')}", f"-Xmx{heap}", *_JVM_OPTIONS,
            "-cp", classpath, _MAIN_CLASS,
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
        _children[proc.pid] = proc
        info = ServerInfo(pid=proc.pid, data_dir=data_dir, host=host,
                          bolt_port=bolt_port, http_port=http_port)
        _write_state(info)

        started = time.monotonic()
        try:
            _wait_until_ready(info, proc, password, deadline=started + timeout, timeout=timeout)
        except BaseException:
            # Never leave a half-started JVM behind holding the store lock and the ports.
            _terminate(proc.pid, grace=30.0)
            _remove_state(data_dir)
            raise
        log.info("Neo4j is up after %.1fs: %s, %s", time.monotonic() - started,
                 info.bolt_uri, info.browser_url)
        return info


def stop(data_dir: str | os.PathLike, *, timeout: float = DEFAULT_STOP_TIMEOUT) -> bool:
    """Stop the server for ``data_dir``: SIGTERM, wait ``timeout`` s, then SIGKILL.

    Returns True if a server was stopped, False if none was running.
    """
    data_dir = _resolve(data_dir)
    if not data_dir.is_dir():
        return False
    with _locked(data_dir / _LOCK_FILE):
        info = _live_server_or_cleanup(data_dir)
        if info is None:
            return False
        log.info("Stopping Neo4j for %s (pid %d)", data_dir, info.pid)
        _terminate(info.pid, grace=timeout)
        _remove_state(data_dir)
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
                f"{_log_hint(info.data_dir)}:\n{_tail(info.log_file)}"
            )
        if _READY_MARKER in _read_text(info.log_file):
            break
        if time.monotonic() >= deadline:
            raise Neo4jServerError(
                f"Neo4j did not start within {timeout:.0f}s; "
                f"{_log_hint(info.data_dir)}:\n{_tail(info.log_file)}"
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
                    f"{_log_hint(info.data_dir)}:\n{_tail(info.log_file)}"
                ) from error
        time.sleep(0.5)


def _check_java_version(java: Path) -> None:
    try:
        result = subprocess.run([str(java), "-version"], capture_output=True, text=True,
                                timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise Neo4jServerError(f"cannot run {java}: {error}") from error
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr)
    if match is None:
        log.warning("Could not tell the version of %s; trying it anyway", java)
        return
    major = int(match.group(1))
    if major == 1:  # "1.8.0_x" style
        major = int(match.group(2) or 0)
    if major < min(SUPPORTED_JAVA):
        raise Neo4jServerError(
            f"{java} is Java {major}; Neo4j 5.26 needs Java 17 or 21 "
            f"(point {JAVA_HOME_ENV} at such a JDK)"
        )
    if major not in SUPPORTED_JAVA:
        log.warning("%s is Java %d; Neo4j 5.26 supports only Java %s", java, major,
                    " and ".join(map(str, SUPPORTED_JAVA)))


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


def _min_size(size: str, cap: str) -> str:
    """The smaller of two JVM sizes like '1g' / '256m' (for -Xms)."""
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}

    def to_bytes(text: str) -> int:
        text = text.strip().lower()
        if text and text[-1] in units:
            return int(text[:-1]) * units[text[-1]]
        return int(text)

    try:
        return size if to_bytes(size) <= to_bytes(cap) else cap
    except ValueError:
        raise Neo4jServerError(f"not a JVM memory size: {size!r} (use e.g. 1g or 512m)") from None


def _project_hash() -> str:
    digest = hashlib.sha256()
    files = [_MAVEN_PROJECT / "pom.xml", *sorted((_MAVEN_PROJECT / "src").rglob("*.java"))]
    for path in files:
        digest.update(str(path.relative_to(_MAVEN_PROJECT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


# --------------------------------------------------------------------------- process helpers


def _terminate(pid: int, *, grace: float) -> None:
    """SIGTERM ``pid`` (Neo4j shuts down cleanly on it), SIGKILL after ``grace`` s."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if _wait_gone(pid, grace):
        return
    log.warning("Neo4j (pid %d) did not stop within %.0fs; killing it", pid, grace)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if not _wait_gone(pid, 10.0):
        raise Neo4jServerError(f"Neo4j (pid {pid}) survived SIGKILL")


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while _pid_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True


def _pid_alive(pid: int) -> bool:
    child = _children.get(pid)
    if child is not None:
        if child.poll() is None:
            return True
        del _children[pid]  # reaped
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


def _is_our_server(pid: int, data_dir: Path) -> bool:
    """Whether ``pid`` is alive and is KgNeo4jServer for ``data_dir`` (pids get reused)."""
    if not _pid_alive(pid):
        return False
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        # No /proc (e.g. macOS): a live pid from our own pid file is the best we know.
        return not Path("/proc/self").exists()
    except OSError:
        return True
    return _MAIN_CLASS.encode() in argv and os.fsencode(data_dir) in argv


def _live_server_or_cleanup(data_dir: Path) -> ServerInfo | None:
    """Like :func:`status`, but removes a stale pid file. Call with the lock held."""
    info = _read_state(data_dir)
    if info is None:
        return None
    if _is_our_server(info.pid, data_dir):
        return info
    log.info("Removing stale %s (pid %d is not running)", STATE_FILE, info.pid)
    _remove_state(data_dir)
    return None


# --------------------------------------------------------------------------- files


def _resolve(data_dir: str | os.PathLike) -> Path:
    # Absolute and canonical: it is matched against the server's command line.
    return Path(data_dir).expanduser().resolve()


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock, released when the block ends or the process dies."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _read_state(data_dir: Path) -> ServerInfo | None:
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


def _write_state(info: ServerInfo) -> None:
    path = info.data_dir / STATE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({
        "pid": info.pid, "host": info.host, "bolt_port": info.bolt_port,
        "http_port": info.http_port, "user": info.user,
    }, indent=2) + "\n")
    tmp.replace(path)  # atomic: readers never see half a file


def _remove_state(data_dir: Path) -> None:
    (data_dir / STATE_FILE).unlink(missing_ok=True)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except FileNotFoundError:
        return ""


def _tail(path: Path, lines: int = _LOG_TAIL_LINES) -> str:
    try:
        with open(path, errors="replace") as handle:
            return "".join(deque(handle, maxlen=lines)).rstrip() or "(log is empty)"
    except OSError as error:
        return f"(cannot read {path}: {error.strerror})"


def _log_hint(data_dir: Path) -> str:
    return f"see {data_dir / LOG_FILE} and {data_dir / 'logs' / 'debug.log'}; last lines"


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
                log.info("Neo4j is not running for %s", _resolve(args.data))
            return 0
        info = status(args.data)
        if info is None:
            print(f"not running ({_resolve(args.data)})")
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
