"""A PNG picture of an HTML map, for scripts and READMEs: the page rendered by headless
Chromium (Debian's ``chromium``, or ``KG_CHROMIUM``), offline.

The browser is kept off the network (every host name resolves to nothing and every
proxied request goes to a closed local port) on top of the page's own policy, which
already forbids any request. Chromium's ``--virtual-time-budget`` runs the page's timers
on a virtual clock and takes the picture once they have run, so the map is drawn.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from typing import Any

import networkx as nx

from kg.export._common import ExportError, write_atomic
from kg.export.render import render_html

__all__ = ["write_png", "find_chromium", "OFFLINE_FLAGS"]

#: Flags for a quiet, sandbox-less (containers run as root), offline headless browser.
OFFLINE_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
    "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-extensions", "--mute-audio", "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
)
#: Virtual milliseconds the page gets to draw (a 100k-node page draws in ~3 s of real time).
TIME_BUDGET_MS = 15_000
TIMEOUT_S = 180


def find_chromium() -> str | None:
    """The Chromium binary: ``KG_CHROMIUM``, else the first of chromium, chromium-browser,
    google-chrome on the PATH."""
    env = os.environ.get("KG_CHROMIUM")
    if env:
        return env if os.path.exists(env) else shutil.which(env)
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def write_png(G: nx.MultiDiGraph, path: str | os.PathLike[str], width: int = 1600, height: int = 1000,
              **options: Any) -> list[str]:
    """Write a ``width`` x ``height`` PNG of the HTML map of ``G`` (``options`` as for
    :func:`kg.export.html.write_html`) to ``path``."""
    binary = find_chromium()
    if binary is None:
        raise ExportError("--format png needs Chromium (apt-get install chromium, or set KG_CHROMIUM)")
    html = render_html(G, **options)
    with tempfile.TemporaryDirectory(prefix="kg-png-") as tmp:
        page = os.path.join(tmp, "map.html")
        shot = os.path.join(tmp, "map.png")
        with open(page, "w", encoding="utf-8") as f:
            f.write(html)
        cmd = [binary, *OFFLINE_FLAGS, f"--user-data-dir={os.path.join(tmp, 'profile')}",
               f"--window-size={width},{height}", f"--virtual-time-budget={TIME_BUDGET_MS}",
               f"--screenshot={shot}", "file://" + page]
        try:
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise ExportError(f"Chromium took more than {TIMEOUT_S} s to draw the map") from None
        except OSError as e:
            raise ExportError(f"cannot run Chromium ({binary}): {e.strerror or e}") from None
        if not os.path.exists(shot):
            tail = r.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise ExportError(f"Chromium wrote no picture (exit {r.returncode}: {tail[0][:200]})")
        with open(shot, "rb") as f:
            data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ExportError("Chromium's picture is not a PNG")
    return [write_atomic(path, data)]
