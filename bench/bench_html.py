#!/usr/bin/env python3
"""Benchmark of the interactive HTML export at 10,000 nodes / 50,000 edges.

Builds a synthetic kg-schema graph (deterministic seed, :mod:`kg.export.synthetic`),
then measures, beside pyvis with its defaults on the same graph in the same run:

* ``kg export --format html`` end to end (a fresh process: imports, loading the graph
  file, layout, writing the page), wall-clock and CPU seconds;
* the layout alone (igraph, in-process);
* the time until the page has drawn its first picture in headless Chromium (the page
  stamps ``window.kgReady = performance.now()`` after the first frame, so this counts
  from navigation start and includes parsing the HTML), and then the time of one full
  redraw (what every pan or zoom frame costs);
* pyvis's defaults (``Network(); from_nx(G); write_html()``) in a subprocess capped at
  ``--baseline-timeout`` seconds, and, if it finishes, its page in Chromium.

Goals (not a timed test): export ≤ 5 s, first picture ≤ 2.5 s. Times on a loaded
machine vary; the median of ``--repeat`` runs is printed with the load average.

Usage::

    .venv/bin/python bench/bench_html.py [--nodes 10000] [--edges 50000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from kg.export import html  # noqa: E402
sys.path.insert(0, str(ROOT / "tests"))
from browser import Chromium, chromium_version, find_chromium  # noqa: E402
from synthetic import synthetic_graph  # noqa: E402
from kg.stores import networkx_store  # noqa: E402

BASELINE = r"""
import sys, time
from pyvis.network import Network
from kg.stores import networkx_store
G = networkx_store.load(sys.argv[1])
t = time.perf_counter()
net = Network()          # pyvis defaults: undirected, physics on, cdn_resources="local"
net.from_nx(G)
net.write_html(sys.argv[2])
print(f"{time.perf_counter() - t:.2f}")
"""


def _kg_bin() -> str:
    exe = Path(sys.executable).with_name("kg")
    return str(exe) if exe.exists() else "kg"


def run_cli_export(graph: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `kg export` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([_kg_bin(), "export", str(graph), "--format", "html", "-o", str(out)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_page(browser: Chromium, page: Path, timeout: float = 60.0) -> dict:
    r = browser.open(page, wait_for="window.kgReady", timeout=timeout, settle=0.2)
    out = {"ready_ms": r.ready_ms, "errors": r.errors, "remote": r.remote_requests}
    if r.ready_ms is not None:
        out["frame_ms"] = browser.evaluate(
            "(function(){var n=kg.network, t=performance.now(); n.renderer._redraw(); return performance.now()-t;})()")
        out["nodes"] = browser.evaluate("kg.data.nodes.length")
    return out


def measure_pyvis_page(browser: Chromium, page: Path, timeout: float) -> str:
    """pyvis's default page: did it draw (its loading bar gone, or physics-free draw)?"""
    r = browser.open(page, wait_for=None, timeout=timeout, settle=0.0)
    t0 = time.perf_counter()
    expr = ("typeof network !== 'undefined' && network && (!document.getElementById('loadingBar') || "
            "document.getElementById('loadingBar').style.display === 'none') ? performance.now() : 0")
    while time.perf_counter() - t0 < timeout:
        try:
            v = browser.evaluate(expr, timeout=timeout)
        except Exception:  # noqa: BLE001 - a page without vis throws ReferenceError
            v = 0
        if v:
            return f"{v / 1000:.1f} s"
        time.sleep(0.25)
    remote = len(r.remote_requests) or len([u for u in browser.result.requests if u.startswith("http")])
    why = f"; it asked for {remote} URL(s) on the network" if remote else ""
    return f"did not draw within {timeout:.0f} s{why}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--edges", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement (median printed)")
    ap.add_argument("--baseline-timeout", type=float, default=120.0)
    ap.add_argument("--no-baseline", action="store_true", help="skip pyvis's defaults")
    ap.add_argument("--keep", metavar="DIR", help="write the graph and pages here instead of a temp folder")
    args = ap.parse_args()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-bench-html-"))
    work.mkdir(parents=True, exist_ok=True)
    import igraph
    import pyvis

    chromium = find_chromium()
    print("machine")
    print(f"  cpus            {os.cpu_count()}  ({platform.processor() or platform.machine()})")
    print(f"  load average    {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"  system          {platform.platform()}")
    print(f"  python          {platform.python_version()}")
    print(f"  chromium        {chromium_version(chromium) if chromium else 'not installed'}")
    print(f"  pyvis / igraph  {pyvis.__version__} / {igraph.__version__}")

    t = time.perf_counter()
    G = synthetic_graph(args.nodes, args.edges, seed=args.seed)
    gen_s = time.perf_counter() - t
    graph = work / "synthetic.kg.json"
    networkx_store.save(G, graph)
    print(f"\ngraph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges "
          f"(synthetic, seed {args.seed}, built in {gen_s:.1f} s) -> {graph}")

    # layout alone, in-process (the same call page_data makes)
    ids = sorted(G)
    ix = {n: i for i, n in enumerate(ids)}
    pairs = {(min(ix[u], ix[v]), max(ix[u], ix[v])) for u, v in G.edges()}
    layout_s = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        html.layout(len(ids), pairs, edge_length=html.EDGE_LENGTH_BIG)
        layout_s.append(time.perf_counter() - t)

    page = work / "kg.html"
    cli = [run_cli_export(graph, page) for _ in range(args.repeat)]
    size_mb = page.stat().st_size / 1e6

    pages = []
    if chromium:
        with Chromium(width=1400, height=900, timeout=120) as browser:
            pages = [measure_page(browser, page) for _ in range(args.repeat)]

    baseline_py = "skipped"
    baseline_page = "skipped"
    if not args.no_baseline:
        base_html = work / "pyvis-default.html"
        try:
            out = subprocess.run([sys.executable, "-c", BASELINE, str(graph), str(base_html)], cwd=work,
                                 capture_output=True, text=True, timeout=args.baseline_timeout)
            baseline_py = f"{float(out.stdout.strip().splitlines()[-1]):.1f} s" if out.returncode == 0 else \
                f"failed ({out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode})"
        except subprocess.TimeoutExpired:
            baseline_py = f">{args.baseline_timeout:.0f} s"
        if base_html.exists() and chromium:
            with Chromium(width=1400, height=900, timeout=max(60.0, args.baseline_timeout)) as browser:
                baseline_page = measure_pyvis_page(browser, base_html, min(args.baseline_timeout, 120.0))
        elif baseline_py.startswith(">"):
            baseline_page = "no page (export did not finish)"

    med = statistics.median
    print(f"\n{'':34}{'kg':>18}    pyvis defaults")
    print(f"{'kg export, wall (process)':34}{med(w for w, _ in cli):>16.2f} s    {baseline_py}")
    print(f"{'kg export, CPU (process)':34}{med(c for _, c in cli):>16.2f} s")
    print(f"{'  of which layout (igraph)':34}{med(layout_s):>16.2f} s")
    print(f"{'page size':34}{size_mb:>15.1f} MB")
    if pages:
        ready = [p["ready_ms"] for p in pages if p["ready_ms"] is not None]
        first = f"{med(ready) / 1000:.2f} s" if ready else "never"
        print(f"{'first picture in Chromium':34}{first:>18}    {baseline_page}")
        frames = [p["frame_ms"] for p in pages if p.get("frame_ms") is not None]
        if frames:
            print(f"{'one full redraw (pan/zoom frame)':34}{med(frames):>15.0f} ms")
        bad = [e for p in pages for e in p["errors"] + p["remote"]]
        print(f"{'console errors / remote requests':34}{len(bad):>18}")
        if pages[0].get("nodes") is not None:
            print(f"{'nodes in the page':34}{pages[0]['nodes']:>18,}")
    else:
        print("first picture in Chromium: Chromium not installed (apt-get install chromium)")
    print(f"\ngoals: export ≤ 5 s, first picture ≤ 2.5 s. Files in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
