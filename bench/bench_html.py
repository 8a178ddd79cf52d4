#!/usr/bin/env python3
"""Benchmark of the interactive HTML map at 10,000 nodes / 50,000 edges (beside pyvis
with its defaults) and at 100,000 nodes / 500,000 edges, in one run.

Builds synthetic kg-schema graphs (deterministic seed, ``bench/synthetic.py``), then
measures for each:

* ``kg export --format html`` end to end (a fresh process: imports, loading the graph
  file, layout, writing the page), wall-clock and CPU seconds;
* the time until the page has drawn its first picture in headless Chromium (the page
  stamps ``window.kgReady = performance.now()`` after the first frame, so this counts
  from navigation start and includes parsing the HTML), and then the time of one full
  redraw (what every pan or zoom frame costs);
* pyvis's defaults (``Network(); from_nx(G); write_html()``) in a subprocess capped at
  ``--baseline-timeout`` seconds, and, if it finishes, its page in Chromium.

Goals (not a timed test): 10k: export ≤ 5 s, first picture ≤ 2.5 s; 100k: export ≤
15 s, first picture ≤ 3 s (the 100k page opens on its cluster map). Times on a loaded
machine vary; the median of ``--repeat`` runs is printed with the load average.

Usage::

    .venv/bin/python bench/bench_html.py [--repeat 3] [--no-100k] [--no-baseline]
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
        scene = browser.evaluate("kg.scene()")
        out["scene"] = "cluster map" if scene == "map" else "all nodes"
        if scene == "map" and out["nodes"] <= 20_000:
            # the same map with every node on screen: what a pan or zoom frame costs there
            out["open_all_ms"] = browser.evaluate(
                "(function(){var t=performance.now(); kg.setScene('all'); return performance.now()-t;})()")
            out["frame_all_ms"] = browser.evaluate(
                "(function(){var n=kg.network, t=performance.now(); n.renderer._redraw(); return performance.now()-t;})()")
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


def run_case(work: Path, n_nodes: int, n_edges: int, seed: int, repeat: int, chromium: str | None,
             baseline: bool, baseline_timeout: float) -> dict:
    """One graph size: generate, save, export with kg (a fresh process each time), open
    in Chromium; with ``baseline``, pyvis's defaults on the same graph."""
    t = time.perf_counter()
    G = synthetic_graph(n_nodes, n_edges, seed=seed)
    gen_s = time.perf_counter() - t
    graph = work / f"synthetic-{n_nodes}.kg.json"
    networkx_store.save(G, graph)
    out: dict = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "gen_s": gen_s, "graph": graph}
    del G
    page = work / f"kg-{n_nodes}.html"
    out["cli"] = [run_cli_export(graph, page) for _ in range(repeat)]
    out["size_mb"] = page.stat().st_size / 1e6
    out["pages"] = []
    if chromium:
        with Chromium(width=1400, height=900, timeout=180) as browser:
            out["pages"] = [measure_page(browser, page, timeout=180) for _ in range(repeat)]
            browser.screenshot(work / f"kg-{n_nodes}.png")
    out["baseline_py"] = out["baseline_page"] = "not run"
    if baseline:
        base_html = work / f"pyvis-default-{n_nodes}.html"
        try:
            r = subprocess.run([sys.executable, "-c", BASELINE, str(graph), str(base_html)], cwd=work,
                               capture_output=True, text=True, timeout=baseline_timeout)
            out["baseline_py"] = f"{float(r.stdout.strip().splitlines()[-1]):.1f} s" if r.returncode == 0 else \
                f"failed ({r.stderr.strip().splitlines()[-1] if r.stderr.strip() else r.returncode})"
        except subprocess.TimeoutExpired:
            out["baseline_py"] = f">{baseline_timeout:.0f} s"
        if base_html.exists() and chromium:
            with Chromium(width=1400, height=900, timeout=max(60.0, baseline_timeout)) as browser:
                out["baseline_page"] = measure_pyvis_page(browser, base_html, min(baseline_timeout, 120.0))
        elif out["baseline_py"].startswith(">"):
            out["baseline_page"] = "no page (export did not finish)"
    return out


def report(case: dict) -> None:
    med = statistics.median
    print(f"\ngraph: {case['nodes']:,} nodes, {case['edges']:,} edges (synthetic, built in {case['gen_s']:.1f} s)")
    print(f"{'':34}{'kg':>18}    pyvis defaults")
    print(f"{'kg export, wall (process)':34}{med(w for w, _ in case['cli']):>16.2f} s    {case['baseline_py']}")
    print(f"{'kg export, CPU (process)':34}{med(c for _, c in case['cli']):>16.2f} s")
    print(f"{'page size':34}{case['size_mb']:>15.1f} MB")
    pages = case["pages"]
    if not pages:
        print("first picture in Chromium: Chromium not installed (apt-get install chromium)")
        return
    ready = [p["ready_ms"] for p in pages if p["ready_ms"] is not None]
    first = f"{med(ready) / 1000:.2f} s" if ready else "never"
    print(f"{'first picture in Chromium':34}{first:>18}    {case['baseline_page']}")
    frames = [p["frame_ms"] for p in pages if p.get("frame_ms") is not None]
    if frames:
        print(f"{'one full redraw (pan/zoom frame)':34}{med(frames):>15.0f} ms")
    print(f"{'opens on':34}{pages[0].get('scene', '?'):>18}")
    alls = [p["frame_all_ms"] for p in pages if p.get("frame_all_ms") is not None]
    if alls:
        print(f"{'switch to all nodes':34}{med(p['open_all_ms'] for p in pages if p.get('open_all_ms')):>15.0f} ms")
        print(f"{'one redraw with all nodes':34}{med(alls):>15.0f} ms")
    bad = [e for p in pages for e in p["errors"] + p["remote"]]
    print(f"{'console errors / remote requests':34}{len(bad):>18}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement (median printed)")
    ap.add_argument("--baseline-timeout", type=float, default=120.0)
    ap.add_argument("--no-baseline", action="store_true", help="skip pyvis's defaults")
    ap.add_argument("--no-100k", action="store_true", help="only the 10k case")
    ap.add_argument("--keep", metavar="DIR", help="write the graphs and pages here instead of a temp folder")
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

    cases = [(10_000, 50_000, not args.no_baseline)]
    if not args.no_100k:
        cases.append((100_000, 500_000, False))
    for n_nodes, n_edges, baseline in cases:
        report(run_case(work, n_nodes, n_edges, args.seed, args.repeat, chromium, baseline, args.baseline_timeout))
    print("\ngoals: 10k: export ≤ 5 s, first picture ≤ 2.5 s; 100k: export ≤ 15 s, first picture ≤ 3 s")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}. Files in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
