#!/usr/bin/env python3
"""Benchmark of extraction: throughput, CPU and peak memory of ``kg extract`` at scale.

Inputs come from ``bench/generate.py`` (deterministic, both formats, Zipf name reuse)
and are cached in ``--workdir``:

* ``days`` — one file per daily digest, structured and abstract days alternating: years
  of digests in a folder, the common case (kg streams one document at a time);
* ``single`` — every entry in one structured file: the worst case for memory;
* ``abstract`` — every entry in one file of translated abstracts (the issue's second goal).

Each run is a fresh ``kg extract INPUT -o /dev/null --jobs N -q`` process (imports,
gazetteer, reading, parsing, extraction, JSONL writing: what a user waits for). Wall
time, CPU time (the process and its workers) and the peak resident memory of the whole
process tree (sampled every 50 ms; an upper bound, as pages shared by forked workers
are counted in each) are measured. ``startup`` is the same command on a 9-entry digest.

Goals (from the issue): >= 2,000 entries/s on one core and peak RSS < 1 GiB at 100k
entries; cost linear in size (the 10k -> 100k time ratio is printed; 10.0 is linear).

``--profile N`` instead profiles parsing and extraction of N entries in this process
and prints the hot spots (``cProfile``, sorted by own time and by cumulative time).

``--bound N`` measures the bare spaCy bound the issue compares kg with: N entry texts of
each format through a blank ``en`` (and a blank ``zh``) pipeline's tokenizer and a
``PhraseMatcher`` holding kg's gazetteer patterns, in this process, documents per CPU
second — what any spaCy-based extractor pays before it applies a single rule.

Usage::

    .venv/bin/python bench/bench_extract.py                      # 10k and 100k, --jobs 1 and 2
    .venv/bin/python bench/bench_extract.py --sizes 2000,10000 --inputs days
    .venv/bin/python bench/bench_extract.py --profile 2000
    .venv/bin/python bench/bench_extract.py --profile 2000 --profile-format abstract
    .venv/bin/python bench/bench_extract.py --bound 2000

When ``$KG_BENCH_ROWS`` names a file, one JSON object per measurement is appended to it
(``bench/run`` combines them into one table).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRIES_PER_S_GOAL = 2000
RSS_GOAL_MIB = 1024


def _generator():
    spec = importlib.util.spec_from_file_location("kg_bench_generate", ROOT / "bench" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _kg_bin() -> str:
    exe = Path(sys.executable).with_name("kg")
    return str(exe) if exe.exists() else "kg"


def make_input(workdir: Path, kind: str, n: int, seed: int) -> Path:
    """The cached input of ``kind`` (``days`` or ``single``) with ``n`` entries."""
    gen = _generator()
    if kind == "days":
        path = workdir / f"days-{n}-s{seed}"
        if not (path / ".done").exists():
            gen.write_folder(path, n, "mixed", seed)
            (path / ".done").write_text("")
    else:
        fmt = "abstract" if kind == "abstract" else "structured"
        path = workdir / f"{kind}-{n}-s{seed}.txt"
        if not path.exists():
            tmp = path.with_suffix(".part")
            gen.write_digest(tmp, n, fmt, seed)
            tmp.rename(path)
    return path


class _PeakRSS(threading.Thread):
    """Samples the summed RSS of a process and its descendants until stopped."""

    def __init__(self, pid: int, every: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak = pid, every, 0
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            import psutil
        except ImportError:  # fall back to ru_maxrss (largest single process) afterwards
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop.is_set():
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak = max(self.peak, total)
            self.stop.wait(self.every)


def run_kg(args: list[str]) -> dict:
    """One ``kg ARGS`` process: wall s, CPU s, peak tree RSS (MiB), entries extracted."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen([_kg_bin(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = _PeakRSS(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    sampler.stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"kg {' '.join(args)} failed: {err.strip()[-500:]}")
    entries = int(err.split(" entries extracted")[0].rsplit(" ", 1)[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss is in KiB on Linux: the largest single process, a lower bound of the tree.
    peak = max(sampler.peak / 2**20, after.ru_maxrss / 1024)
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mib": peak, "entries": entries}


def run_extract(path: Path, jobs: int) -> dict:
    """One ``kg extract`` process: wall s, CPU s, peak tree RSS (MiB), entries."""
    return run_kg(["extract", str(path), "-o", os.devnull, "--jobs", str(jobs)])


def machine() -> dict[str, str]:
    import spacy

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            mem = f"{int(f.readline().split()[1]) / 2**20:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {"cpu": f"{cpu}, {os.cpu_count()} logical CPUs", "memory": mem, "system": platform.platform(),
            "python": platform.python_version(), "spacy": spacy.__version__,
            "load average": " ".join(f"{x:.1f}" for x in os.getloadavg())}


def emit(rows: list[dict], bench: str = "extract") -> None:
    """Append measurement rows of ``bench`` to ``$KG_BENCH_ROWS`` as they are made (a run
    cut short by a timeout keeps what it measured). The other bench scripts use it too."""
    target = os.environ.get("KG_BENCH_ROWS")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({"bench": bench, **r}, ensure_ascii=False) + "\n")


def profile(n: int, seed: int, top: int, fmt: str = "mixed") -> None:
    """Hot spots of parsing and extracting ``n`` synthetic entries in this process:
    ``fmt`` ``mixed`` is the ``days`` input (one document a day), ``structured`` and
    ``abstract`` one file of that format (the ``single`` and ``abstract`` inputs).
    Times are CPU seconds of this process (the machine may be shared)."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from kg.extract import extract_entry
    from kg.parse import parse
    from kg.records import Document

    gen = _generator()
    if fmt == "mixed":
        docs = [Document(f"day-{i}.txt", "\n".join(lines) + "\n", "utf-8") for i, (_, lines) in enumerate(gen.iter_days(n, "mixed", seed))]
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{fmt}.txt"
            gen.write_digest(path, n, fmt, seed)
            docs = [Document(path.name, path.read_text(encoding="utf-8"), "utf-8")]
    extract_entry(parse(docs[0]).entries[0])  # build the gazetteer and matchers outside the profile
    t = time.process_time()
    results = [parse(d) for d in docs]
    t_parse = time.process_time() - t
    entries = [e for r in results for e in r.entries]
    t = time.process_time()
    for e in entries:
        extract_entry(e)
    t_extract = time.process_time() - t
    print(f"{len(entries)} {fmt} entries, CPU: parse {t_parse:.2f} s ({1000 * t_parse / len(entries):.2f} ms/entry), "
          f"extract {t_extract:.2f} s ({1000 * t_extract / len(entries):.2f} ms/entry); "
          f"{len(entries) / (t_parse + t_extract):.0f} entries per CPU second without I/O")
    for what, fn in (("parse", lambda: [parse(d) for d in docs]), ("extract", lambda: [extract_entry(e) for e in entries])):
        pr = cProfile.Profile(time.process_time)
        pr.enable()
        fn()
        pr.disable()
        print(f"\n=== {what}: top {top} by own time ===")
        st = pstats.Stats(pr)
        st.sort_stats("tottime").print_stats(top)
        print(f"=== {what}: top {top} by cumulative time ===")
        st.sort_stats("cumtime").print_stats(top)


def bound(n: int, seed: int) -> None:
    """Documents per CPU second of blank spaCy pipelines plus a PhraseMatcher over kg's
    gazetteer patterns, on ``n`` entry texts of each format (see the module docstring)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    sys.path.insert(0, str(ROOT))
    from kg.extract.nlp import load_patterns
    from kg.parse import parse
    from kg.records import Document

    gen = _generator()
    rows = load_patterns("models.jsonl") + load_patterns("datasets.jsonl") + load_patterns("mt_aliases.jsonl")
    rows += load_patterns("catalog_models.jsonl") + load_patterns("catalog_datasets.jsonl")
    texts = {}
    for fmt in ("structured", "abstract"):
        docs = [Document(f"day-{i}.txt", "\n".join(lines) + "\n", "utf-8") for i, (_, lines) in enumerate(gen.iter_days(n, fmt, seed))]
        texts[fmt] = [e.text for d in docs for e in parse(d).entries][:n]
    print(f"{'pipeline':<34}{'input':<12}{'docs':>7}{'CPU s':>8}{'docs per CPU s':>16}")
    for lang in ("en", "zh"):
        nlp = spacy.blank(lang)
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("GAZ", [nlp.make_doc(r["pattern"]) for r in rows])
        for fmt, xs in texts.items():
            for x in xs[:50]:  # warm the vocabulary (lexemes) as a long run would have
                matcher(nlp.make_doc(x))
            t = time.process_time()
            for x in xs:
                matcher(nlp.make_doc(x))
            cpu = time.process_time() - t
            rate = len(xs) / cpu
            print(f"{'blank ' + lang + ' + PhraseMatcher':<34}{fmt:<12}{len(xs):>7}{cpu:>8.2f}{rate:>16,.0f}", flush=True)
            emit([{"case": f"bound: blank {lang} + PhraseMatcher, {fmt}", "metric": "docs per CPU second",
                   "value": round(rate), "unit": "1/s"}])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    quick = os.environ.get("KG_BENCH_QUICK") == "1"
    ap.add_argument("--sizes", default="2000,10000" if quick else "10000,100000",
                    help="entry counts, comma-separated (default 10000,100000; 2000,10000 with KG_BENCH_QUICK=1)")
    ap.add_argument("--jobs", default="1,2", help="--jobs values to run, comma-separated")
    ap.add_argument("--inputs", default="days,single", help="days, single, abstract (comma-separated)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "kg-bench"),
                    help="where generated inputs are cached")
    ap.add_argument("--profile", type=int, metavar="N", help="profile N entries in-process instead")
    ap.add_argument("--top", type=int, default=25, help="--profile: functions to list")
    ap.add_argument("--profile-format", choices=("mixed", "structured", "abstract"), default="mixed",
                    help="--profile: daily digests of both formats (default), or one file of one format")
    ap.add_argument("--bound", type=int, metavar="N", help="measure the bare spaCy bound on N entries of each format instead")
    a = ap.parse_args(argv)
    if a.profile:
        profile(a.profile, a.seed, a.top, a.profile_format)
        return 0
    if a.bound:
        bound(a.bound, a.seed)
        return 0
    sizes = [int(x) for x in a.sizes.split(",")]
    jobs_list = [int(x) for x in a.jobs.split(",")]
    kinds = [k for k in a.inputs.split(",") if k]
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)

    print("machine")
    for k, v in machine().items():
        print(f"  {k:<14}{v}")
    sys.stdout.flush()

    start = run_extract(ROOT / "seeds" / "002_bfb65bf37921ed7f.txt", 1)
    print(f"\nstartup (kg extract of a 9-entry digest): {start['wall_s']:.2f} s wall, {start['peak_rss_mib']:.0f} MiB\n")
    emit([{"case": "startup (9 entries)", "metric": "wall", "value": round(start["wall_s"], 2), "unit": "s"}])

    head = f"{'input':<16}{'entries':>9}{'jobs':>6}{'wall s':>9}{'CPU s':>9}{'entries/s':>11}{'/s per CPU s':>14}{'peak RSS':>11}"
    print(head)
    print("-" * len(head))
    results: dict[tuple[str, int, int], dict] = {}
    for kind in kinds:
        for n in sizes:
            path = make_input(work, kind, n, a.seed)
            for j in jobs_list:
                r = run_extract(path, j)
                results[kind, n, j] = r
                rate = r["entries"] / r["wall_s"]
                print(f"{kind:<16}{r['entries']:>9,}{j:>6}{r['wall_s']:>9.1f}{r['cpu_s']:>9.1f}{rate:>11,.0f}"
                      f"{r['entries'] / r['cpu_s']:>14,.0f}{r['peak_rss_mib']:>8,.0f} MiB", flush=True)
                case = f"{kind} {n // 1000}k, jobs {j}"
                emit([
                    {"case": case, "metric": "entries/s", "value": round(rate), "unit": "1/s",
                     "goal": f">= {ENTRIES_PER_S_GOAL}" if j == 1 else "", "ok": rate >= ENTRIES_PER_S_GOAL if j == 1 else None},
                    {"case": case, "metric": "peak RSS", "value": round(r["peak_rss_mib"]), "unit": "MiB",
                     "goal": f"< {RSS_GOAL_MIB}" if n >= 100_000 else "",
                     "ok": r["peak_rss_mib"] < RSS_GOAL_MIB if n >= 100_000 else None},
                    {"case": case, "metric": "entries per CPU second", "value": round(r["entries"] / r["cpu_s"]),
                     "unit": "1/s"},
                ])
    if len(sizes) >= 2:
        lo, hi = min(sizes), max(sizes)
        print(f"\ncost growth {lo:,} -> {hi:,} entries (time ratio; {hi / lo:.1f} is linear):")
        for kind in kinds:
            for j in jobs_list:
                a_, b_ = results[kind, lo, j], results[kind, hi, j]
                # Startup is a fixed cost; without it the ratio shows how extraction itself scales.
                ratio = b_["wall_s"] / a_["wall_s"]
                net = (b_["wall_s"] - start["wall_s"]) / max(a_["wall_s"] - start["wall_s"], 1e-9)
                print(f"  {kind:<8} jobs {j}: {ratio:5.2f} (without startup {net:5.2f}); "
                      f"peak RSS {a_['peak_rss_mib']:.0f} -> {b_['peak_rss_mib']:.0f} MiB")
                emit([{"case": f"{kind} {lo // 1000}k->{hi // 1000}k, jobs {j}", "metric": "time ratio",
                       "value": round(ratio, 2), "unit": "x", "goal": f"~{hi / lo:.0f} (linear)",
                       "ok": ratio <= 1.2 * hi / lo}])
    print(f"\ngoals: >= {ENTRIES_PER_S_GOAL:,} entries/s with --jobs 1; peak RSS < {RSS_GOAL_MIB} MiB at 100k; "
          f"time ratio ~ linear. Load average now {' '.join(f'{x:.1f}' for x in os.getloadavg())}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
