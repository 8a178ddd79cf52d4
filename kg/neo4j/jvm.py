"""The Java side of kg's Neo4j server: which ``java`` runs it, and the one-time Maven
build that fetches Neo4j's jars from Maven Central and compiles kg's launcher class
(``kg/data/neo4j/src/main/java/kg/KgNeo4jServer.java``, Neo4j pinned by its ``pom.xml``).

The build goes into a cache folder outside the source tree
(``$XDG_CACHE_HOME/kg/neo4j/<hash of the Maven project>``), so later starts skip
Maven entirely and need only ``java``. :mod:`kg.neo4j.server` starts the JVM.
"""
from __future__ import annotations

import hashlib
import logging
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kg.neo4j.process import Neo4jServerError, locked, tail

log = logging.getLogger(__name__)

#: Neo4j 5.26 supports these Java versions; others are tried with a warning.
SUPPORTED_JAVA = (17, 21)
#: Environment variable naming a JDK for Neo4j only, when JAVA_HOME must point
#: at another Java for the rest of the project.
JAVA_HOME_ENV = "KG_NEO4J_JAVA_HOME"
_MAVEN_PROJECT = Path(__file__).resolve().parent.parent / "data" / "neo4j"
_MAVEN_TIMEOUT = 1800.0  # the first fetch downloads ~60 MB of jars

#: JVM options from Neo4j's own launcher that matter when running it by hand.
JVM_OPTIONS = (
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

    with locked(build_dir / ".lock"):  # two starts racing must not both run Maven
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
                f"see {maven_log}:\n{tail(maven_log)}"
            )
        complete.write_text(f"built in {time.monotonic() - started:.1f}s\n")
        say(f"Neo4j fetched and kg's launcher built in {time.monotonic() - started:.0f}s")
        jars = classpath_file.read_text().strip().split(os.pathsep)
        return os.pathsep.join([str(classes), *jars])


#: Seconds between two progress reports while Maven runs.
MAVEN_REPORT_EVERY = 5.0


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
            if now - last_report >= MAVEN_REPORT_EVERY:
                say(f"  Maven: {phase}, {downloaded} files downloaded so far ({now - started:.0f}s)")
                last_report = now
        return proc.wait()


def check_java_version(java: Path) -> None:
    """Refuse a Java older than Neo4j supports; warn about one newer than it was tested on."""
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


def min_size(size: str, cap: str) -> str:
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
