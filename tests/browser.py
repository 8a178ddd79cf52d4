"""Drive headless Chromium over the Chrome DevTools Protocol, for checking HTML exports.

Test and benchmark code, not part of the kg package: used by the browser tests and by
``bench/bench_html.py`` (which put ``tests/`` on ``sys.path``). ``kg export --format png``
does not need it: it runs Chromium's own ``--screenshot`` (``kg.export.png``). Chromium is started with ``--remote-debugging-pipe``: the protocol runs
over two inherited file descriptors (3 in, 4 out, NUL-separated JSON), so no port is
opened and no WebSocket library is needed.

The browser is kept off the network three ways: every host name resolves to nothing
(``--host-resolver-rules``), every proxied request goes to a closed local port
(``--proxy-server``, which also catches literal IP addresses), and the page runs under
DevTools' offline emulation. Every request the page makes is still recorded, so a test
can assert that none was even attempted.

Example::

    with Chromium() as browser:
        page = browser.open("visualizations/full.html", wait_for="window.kgReady")
        print(page.ready_ms, page.requests, page.errors)
        browser.screenshot("shot.png")
"""
from __future__ import annotations

import base64
import fcntl
import json
import logging
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.export._common import ExportError
from kg.export.png import find_chromium  # the one rule for where Chromium is

__all__ = ["BrowserError", "Chromium", "PageResult", "find_chromium", "chromium_version", "CHROMIUM_FLAGS"]

log = logging.getLogger(__name__)

#: Flags for a quiet, sandbox-less (containers run as root), offline headless browser.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--allow-file-access-from-files",
)


class BrowserError(ExportError):
    """Chromium is missing, crashed, or did not answer in time."""


def chromium_version(binary: str | None = None) -> str:
    binary = binary or find_chromium()
    if not binary:
        return "not installed"
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or out.stderr.strip() or "unknown"
    except (OSError, subprocess.SubprocessError) as e:
        return f"unknown ({e})"


@dataclass
class PageResult:
    """What happened while a page loaded."""

    url: str
    ready_ms: float | None = None  # the page's own first-draw timestamp (ms after navigation start)
    load_s: float = 0.0  # wall-clock seconds from navigate until ready (or timeout)
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, failed loads, CSP reports
    dialogs: list[str] = field(default_factory=list)  # alert()/confirm()/prompt() messages

    @property
    def remote_requests(self) -> list[str]:
        """Requests that would have left the machine (anything but file:, data:, blob:, about:)."""
        return [u for u in self.requests if not u.split(":", 1)[0].lower() in ("file", "data", "blob", "about", "chrome")]


class Chromium:
    """One headless Chromium with one page, driven over CDP."""

    def __init__(self, binary: str | None = None, width: int = 1400, height: int = 900,
                 scale: float = 1.0, timeout: float = 60.0, extra_flags: tuple[str, ...] = ()):
        self.binary = binary or find_chromium()
        if not self.binary:
            raise BrowserError("Chromium not found (install Debian's `chromium` or set KG_CHROMIUM)")
        self.timeout = timeout
        self.width, self.height, self.scale = width, height, scale
        self._profile = tempfile.mkdtemp(prefix="kg-chromium-")
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()

        def wire_fds() -> None:  # runs in the child: CDP expects fd 3 (in) and fd 4 (out)
            # via fds >= 10 first: a pipe end may already be fd 3 or 4, and dup2(3, 3) would
            # neither move it nor clear its close-on-exec flag
            a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [self.binary, *CHROMIUM_FLAGS, *extra_flags, f"--user-data-dir={self._profile}",
                f"--window-size={width},{height}", "--remote-debugging-pipe", "about:blank"]
        self._stderr = tempfile.TemporaryFile()
        try:
            self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=self._stderr, preexec_fn=wire_fds,
                                         # close_fds would close 3 and 4 after wire_fds ran; Python's
                                         # own fds are non-inheritable anyway (PEP 446)
                                         close_fds=False)
        except OSError as e:
            shutil.rmtree(self._profile, ignore_errors=True)
            raise BrowserError(f"cannot start {self.binary}: {e}") from None
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._out = os.fdopen(to_child_w, "wb", buffering=0)
        self._in = os.fdopen(from_child_r, "rb", buffering=0)
        self._next_id = 0
        self._replies: dict[int, dict] = {}
        self._events: queue.Queue[dict] = queue.Queue()
        self._cond = threading.Condition()
        # Both threads write to the pipe (the reader answers dialogs), so ids and writes
        # are taken under one lock; replies to the reader's own commands are dropped.
        self._write_lock = threading.Lock()
        self._ignored: set[int] = set()
        self._reader = threading.Thread(target=self._read_loop, name="cdp-reader", daemon=True)
        self._reader.start()
        self.session: str | None = None
        self.result: PageResult | None = None
        try:
            self._attach()
        except BaseException:
            self.close()
            raise

    # --- protocol ---------------------------------------------------------------------------

    def _read_loop(self) -> None:
        buf = b""
        while True:
            try:
                chunk = self._in.read(1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._replies[-1] = {"error": {"message": "browser closed the pipe"}}
                    self._cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    if msg["id"] in self._ignored:
                        self._ignored.discard(msg["id"])
                        continue
                    with self._cond:
                        self._replies[msg["id"]] = msg
                        self._cond.notify_all()
                else:
                    if msg.get("method") == "Page.javascriptDialogOpening":
                        # Dismiss at once, here: an open alert() blocks every Runtime call,
                        # so waiting for the main thread to see the event could deadlock.
                        self._write({"method": "Page.handleJavaScriptDialog", "params": {"accept": False},
                                     "sessionId": msg.get("sessionId")}, ignore_reply=True)
                    self._events.put(msg)

    def _write(self, msg: dict[str, Any], ignore_reply: bool = False) -> int:
        with self._write_lock:
            self._next_id += 1
            mid = msg["id"] = self._next_id
            if ignore_reply:
                self._ignored.add(mid)
            self._out.write(json.dumps(msg).encode() + b"\0")
        return mid

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float | None = None) -> dict:
        """Send one command and wait for its answer (events meanwhile are queued)."""
        msg: dict[str, Any] = {"method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        try:
            mid = self._write(msg)
        except OSError as e:
            raise BrowserError(f"Chromium is gone ({e}){self._stderr_tail()}") from None
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while mid not in self._replies:
                if -1 in self._replies:
                    raise BrowserError(f"Chromium exited while waiting for {method}{self._stderr_tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"Chromium did not answer {method} within {timeout or self.timeout:.0f} s")
                self._cond.wait(left)
            reply = self._replies.pop(mid)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def page(self, method: str, params: dict | None = None, timeout: float | None = None) -> dict:
        return self.send(method, params, self.session, timeout)

    def _stderr_tail(self) -> str:
        try:
            self._stderr.seek(0)
            tail = self._stderr.read()[-600:].decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""
        return f"; its last words: {tail}" if tail else ""

    def _attach(self) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.page(f"{domain}.enable")
        self.page("Network.emulateNetworkConditions",
                  {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        self.page("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": self.scale, "mobile": False})

    def _drain(self) -> None:
        """Record what queued events say about the current page."""
        r = self.result
        while True:
            try:
                ev = self._events.get_nowait()
            except queue.Empty:
                return
            if r is None or ev.get("sessionId") != self.session:
                continue
            m, p = ev.get("method"), ev.get("params", {})
            if m == "Network.requestWillBeSent":
                r.requests.append(p["request"]["url"])
            elif m == "Network.loadingFailed" and not p.get("canceled"):
                r.errors.append(f"load failed: {p.get('errorText')} ({p.get('type')})")
            elif m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                r.errors.append("exception: " + str(d.get("exception", {}).get("description") or d.get("text")))
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                r.errors.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                r.errors.append("log: " + str(p["entry"].get("text")))
            elif m == "Page.javascriptDialogOpening":  # already dismissed by the reader thread
                r.dialogs.append(str(p.get("message")))

    # --- public API -------------------------------------------------------------------------

    def open(self, path_or_url: str | os.PathLike[str], wait_for: str | None = "window.kgReady",
             timeout: float | None = None, settle: float = 0.3) -> PageResult:
        """Load a page and wait until the JS expression ``wait_for`` is truthy (its value,
        if a number, becomes ``ready_ms``). Then wait ``settle`` more seconds so late
        errors and requests are caught."""
        s = os.fspath(path_or_url)
        url = s if "://" in s or s.startswith(("about:", "data:")) else Path(s).resolve().as_uri()
        self.result = PageResult(url)
        timeout = timeout or self.timeout
        t0 = time.monotonic()
        self.page("Page.navigate", {"url": url})
        deadline = t0 + timeout
        while wait_for:
            self._drain()
            value = self.evaluate(wait_for)
            if value:
                self.result.ready_ms = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
                break
            if time.monotonic() > deadline:
                self.result.errors.append(f"timeout: {wait_for} still false after {timeout:.0f} s")
                break
            time.sleep(0.02)
        self.result.load_s = time.monotonic() - t0
        time.sleep(settle)
        self._drain()
        return self.result

    def evaluate(self, expression: str, timeout: float | None = None) -> Any:
        """The value of a JS expression in the page (promises are awaited)."""
        r = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                      timeout)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise BrowserError(f"evaluating {expression[:80]!r}: {d.get('exception', {}).get('description') or d.get('text')}")
        self._drain()
        return r.get("result", {}).get("value")

    def screenshot(self, path: str | os.PathLike[str]) -> str:
        data = self.page("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})["data"]
        path = os.fspath(path)
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return path

    def version(self) -> str:
        return self.send("Browser.getVersion").get("product", "unknown")

    def close(self) -> None:
        if getattr(self, "proc", None) is not None and self.proc.poll() is None:
            try:
                self.send("Browser.close", timeout=5)
            except BrowserError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        for f in (getattr(self, "_out", None), getattr(self, "_in", None)):
            try:
                if f:
                    f.close()
            except OSError:
                pass
        try:
            self._stderr.close()
        except (OSError, AttributeError):
            pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
