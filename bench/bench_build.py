#!/usr/bin/env python3
"""Benchmark of ``kg build``: time and peak memory from 10k to 1M entries, and the Dask
engine beside ``--jobs 2``.

A build streams: records go into the graph as they are extracted and are not kept, so
memory should follow the graph (which grows sub-linearly, names being reused) rather
than the input. Each run is a fresh ``kg build INPUT -o GRAPH --jobs N`` process on the
``days`` input of ``bench_extract.py`` (one file per day, cached in ``--workdir``); the
graph file is written anew each time.

Goals (issue 15): peak RSS < 1 GiB at 100k entries; growth to 1M linear in time.

Usage::

    .venv/bin/python bench/bench_build.py                         # 10k, 100k, 1M; jobs 1, 2; dask
    .venv/bin/python bench/bench_build.py --sizes 2000,10000 --engines local
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RSS_GOAL_MIB = 1024



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    quick = os.environ.get("KG_BENCH_QUICK") == "1"
    ap.add_argument("--sizes", default="2000,10000" if quick else "10000,100000,1000000",
                    help="entry counts (default 10000,100000,1000000; 2000,10000 with KG_BENCH_QUICK=1)")
    ap.add_argument("--jobs", default="1,2", help="--jobs values for the local engine")
    ap.add_argument("--engines", default="local,dask", help="local, dask or both; dask runs with --jobs 2 "
                                                            "on a local cluster (needs the dask extra)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "kg-bench"))
    a = ap.parse_args(argv)
    import bench_extract as bx  # a sibling: bench scripts run as scripts, bench/ is sys.path[0]
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(x) for x in a.sizes.split(",")]
    engines = [e for e in a.engines.split(",") if e]
    runs = [("local", int(j)) for j in a.jobs.split(",")] if "local" in engines else []
    if "dask" in engines:
        try:
            import distributed  # noqa: F401
            runs.append(("dask", 2))
        except ImportError:
            print("dask: skipped (pip install 'kg[dask]')")

    print("machine")
    for k, v in bx.machine().items():
        print(f"  {k:<14}{v}")
    head = f"{'entries':>10}{'engine':>8}{'jobs':>6}{'wall s':>9}{'CPU s':>9}{'entries/s':>11}{'peak RSS':>12}"
    print("\n" + head + "\n" + "-" * len(head), flush=True)
    results = {}
    with tempfile.TemporaryDirectory() as out:
        for n in sizes:
            path = bx.make_input(work, "days", n, a.seed)
            for engine, j in runs:
                graph = Path(out) / f"g-{n}-{engine}-{j}.kg.json"
                args = ["build", str(path), "-o", str(graph), "--jobs", str(j), "--engine", engine]
                r = bx.run_kg(args)
                graph.unlink(missing_ok=True)
                results[n, engine, j] = r
                rate = r["entries"] / r["wall_s"]
                print(f"{r['entries']:>10,}{engine:>8}{j:>6}{r['wall_s']:>9.1f}{r['cpu_s']:>9.1f}{rate:>11,.0f}"
                      f"{r['peak_rss_mib']:>8,.0f} MiB", flush=True)
                case = f"build {n // 1000}k, {engine} jobs {j}"
                bx.emit([{"case": case, "metric": "entries/s", "value": round(rate), "unit": "1/s"},
                         {"case": case, "metric": "peak RSS", "value": round(r["peak_rss_mib"]), "unit": "MiB",
                          "goal": f"< {RSS_GOAL_MIB}" if n == 100_000 else "",
                          "ok": r["peak_rss_mib"] < RSS_GOAL_MIB if n == 100_000 else None}], "build")
    if len(sizes) >= 2:
        print("\ngrowth (time and RSS ratio between successive sizes; linear growth = the size ratio):")
        for engine, j in runs:
            for lo, hi in zip(sizes, sizes[1:]):
                x, y = results[lo, engine, j], results[hi, engine, j]
                # CPU time beside wall time: on a shared machine the wall-clock ratio
                # mostly measures what else ran.
                print(f"  {engine} jobs {j}: {lo:,} -> {hi:,} ({hi / lo:.0f}x entries): time {y['wall_s'] / x['wall_s']:.1f}x "
                      f"(CPU {y['cpu_s'] / x['cpu_s']:.1f}x), "
                      f"peak RSS {x['peak_rss_mib']:.0f} -> {y['peak_rss_mib']:.0f} MiB ({y['peak_rss_mib'] / x['peak_rss_mib']:.1f}x)")
    print(f"\ngoal: peak RSS < {RSS_GOAL_MIB} MiB at 100k entries. "
          f"Load average now {' '.join(f'{v:.1f}' for v in os.getloadavg())}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
