#!/usr/bin/env python3
"""Benchmark of ``kg analyze``: wall time and peak memory of every subcommand on bench's
graphs of 10k and 100k entries.

Each graph is ``kg build`` of the ``days`` input of ``bench_extract.py`` (one file per
day, structured and abstract days alternating, from ``bench/generate.py``), built once
and cached in ``--workdir`` as ``graph-N-sSEED.kg.json`` (the 100k build takes minutes).

Every measurement is a fresh ``kg analyze GRAPH SUBCOMMAND ... --format json`` process:
what a user waits for, loading the graph file included (at 100k entries a 420 MB file,
about half of most subcommands' time). Wall time and the peak RSS of the process
(sampled every 50 ms, and its ``ru_maxrss``) are measured. A command that passes
``--timeout`` is stopped and reported as such; ``--mem-limit`` caps each process's
address space, so a subcommand that would exhaust the machine fails alone ("out of
memory") instead.

Cases are each subcommand with its default options, plus the options that cost the
most: a co-author focus, the papers projection's components, Louvain, PageRank's
neighbours degree and betweenness. ``path`` runs between the most connected author of
the largest co-author component and the first author of the smallest one listed (read
off the ``components`` answer, so the pair is the same on every run).

Goal (issue 15): every subcommand <= 30 s at 100k entries.

Usage::

    .venv/bin/python bench/bench_analytics.py                        # 10k and 100k entries
    .venv/bin/python bench/bench_analytics.py --sizes 10000 --only coauthors,path
    .venv/bin/python bench/bench_analytics.py --skip louvain --timeout 120

When ``$KG_BENCH_ROWS`` names a file, one JSON object per measurement is appended to it
(``bench/run`` combines them into one table).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_S = 30.0

#: (case name, subcommand arguments). ``{source}`` and ``{target}`` are filled from the
#: ``components`` answer, ``{author}`` from the ``coauthors`` one.
CASES: list[tuple[str, list[str]]] = [
    ("coauthors", ["coauthors"]),
    ("coauthors --author", ["coauthors", "--author", "{author}"]),
    ("institutions", ["institutions"]),
    ("usage", ["usage"]),
    ("similar", ["similar"]),
    ("top", ["top"]),
    ("top --by category", ["top", "--label", "Author", "--by", "category"]),
    ("trends", ["trends"]),
    ("components", ["components"]),
    ("components --of papers", ["components", "--of", "papers"]),
    ("communities", ["communities"]),
    ("communities --method louvain", ["communities", "--method", "louvain"]),
    ("bridges", ["bridges"]),
    ("centrality", ["centrality"]),
    ("centrality --measure degree", ["centrality", "--measure", "degree"]),
    ("centrality --measure betweenness --of institutions",
     ["centrality", "--measure", "betweenness", "--of", "institutions"]),
    ("path", ["path", "{source}", "{target}"]),
]



def graph_for(bx, work: Path, n: int, seed: int) -> Path:
    """The cached graph of the ``days`` input with ``n`` entries (built when missing)."""
    graph = work / f"graph-{n}-s{seed}.kg.json"
    if not graph.exists():
        days = bx.make_input(work, "days", n, seed)
        tmp = work / f"graph-{n}-s{seed}.part.kg.json"
        tmp.unlink(missing_ok=True)
        print(f"building {graph.name} (once) ...", flush=True)
        r = _build(bx, days, tmp)
        tmp.rename(graph)
        print(f"  built in {r:.0f} s", flush=True)
    return graph


def _build(bx, days: Path, out: Path) -> float:
    t = time.perf_counter()
    proc = subprocess.run([bx._kg_bin(), "build", str(days), "-o", str(out)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"kg build {days} failed: {proc.stderr.strip()[-500:]}")
    return time.perf_counter() - t


def run_analyze(bx, graph: Path, args: list[str], timeout: float, mem_gib: float) -> dict:
    """One ``kg analyze`` process: wall s, peak RSS (MiB), status and its JSON answer."""
    limit = int(mem_gib * 2**30)

    def cap() -> None:  # in the child: beyond this, allocations fail (MemoryError), not the machine
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        proc = subprocess.Popen([bx._kg_bin(), "analyze", str(graph), *args, "--format", "json"], stdout=out,
                                stderr=subprocess.PIPE, text=True, preexec_fn=cap)
        sampler = bx._PeakRSS(proc.pid)
        sampler.start()
        try:
            _, err = proc.communicate(timeout=timeout)
            status = "ok" if proc.returncode == 0 else "failed"
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            status = "timeout"
        wall = time.perf_counter() - t
        sampler.stop.set()
        sampler.join()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.seek(0)
        raw = out.read()
    if status == "failed" and ("MemoryError" in err or "memory" in err.lower()):
        status = "out of memory"
    answer = None
    if status == "ok":
        answer = json.loads(raw)
    peak = max(sampler.peak / 2**20, after.ru_maxrss / 1024 if after.ru_maxrss > before.ru_maxrss else 0)
    return {"wall_s": wall, "peak_rss_mib": peak, "status": status, "answer": answer,
            "error": err.strip().splitlines()[-1] if status != "ok" and err.strip() else ""}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    quick = os.environ.get("KG_BENCH_QUICK") == "1"
    ap.add_argument("--sizes", default="2000,10000" if quick else "10000,100000",
                    help="entry counts, comma-separated (default 10000,100000; 2000,10000 with KG_BENCH_QUICK=1)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "kg-bench"),
                    help="where generated inputs and built graphs are cached")
    ap.add_argument("--only", default="", help="case names (or their first word), comma-separated")
    ap.add_argument("--skip", default="", help="case names (or their first word, e.g. louvain), comma-separated")
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a command is stopped (default 300)")
    ap.add_argument("--mem-limit", type=float, default=8, help="GiB of address space per command (default 8)")
    a = ap.parse_args(argv)
    import bench_extract as bx  # a sibling: bench scripts run as scripts, bench/ is sys.path[0]
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)

    def wanted(name: str) -> bool:
        def hit(sel: str) -> bool:
            words = [w.strip() for w in sel.split(",") if w.strip()]
            return any(w == name or w == name.split()[0] or w.lstrip("-") in name.split() for w in words)
        return (not a.only or hit(a.only)) and not (a.skip and hit(a.skip))

    print("machine")
    for k, v in bx.machine().items():
        print(f"  {k:<14}{v}")
    head = f"{'entries':>9}  {'case':<52}{'wall s':>8}{'peak RSS':>12}  status"
    print("\n" + head + "\n" + "-" * len(head), flush=True)
    slow = []
    for n in (int(x) for x in a.sizes.split(",")):
        graph = graph_for(bx, work, n, a.seed)
        fill: dict[str, str] = {}
        for name, args in CASES:
            if not wanted(name):
                continue
            try:
                args = [x.format(**fill) for x in args]
            except KeyError as e:  # the case that names the node was skipped or failed
                print(f"{n:>9,}  {name:<52}{'':>8}{'':>12}  skipped (no {e.args[0]}: run coauthors and components)")
                continue
            r = run_analyze(bx, graph, args, a.timeout, a.mem_limit)
            if r["status"] == "ok" and name == "coauthors" and r["answer"]:
                fill["author"] = r["answer"][0]["source_id"]
            if r["status"] == "ok" and name == "components" and r["answer"]:
                fill["source"], fill["target"] = r["answer"][0]["ids"][0], r["answer"][-1]["ids"][0]
            shown = r["status"] + (f": {r['error'][:60]}" if r["error"] else "")
            print(f"{n:>9,}  {name:<52}{r['wall_s']:>8.1f}{r['peak_rss_mib']:>8,.0f} MiB  {shown}", flush=True)
            goal = n >= 100_000
            ok = r["status"] == "ok" and r["wall_s"] <= GOAL_S
            if goal and not ok:
                slow.append(f"{name} ({r['status']}, {r['wall_s']:.0f} s)")
            case = f"{n // 1000}k: {name}"
            bx.emit([{"case": case, "metric": "wall" if r["status"] == "ok" else f"wall ({r['status']})",
                      "value": round(r["wall_s"], 1), "unit": "s",
                      "goal": f"<= {GOAL_S:g}" if goal else "", "ok": ok if goal else None},
                     {"case": case, "metric": "peak RSS", "value": round(r["peak_rss_mib"]), "unit": "MiB"}],
                    "analytics")
    print(f"\ngoal: every subcommand <= {GOAL_S:g} s at 100k entries (load included). "
          + (f"Over it: {'; '.join(slow)}. " if slow else "All within it. ")
          + f"Load average now {' '.join(f'{v:.1f}' for v in os.getloadavg())}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
