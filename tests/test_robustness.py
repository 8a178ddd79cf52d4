"""Nothing lost, nothing broken: counts that add up, Ctrl-C that leaves the old graph,
and hostile names that survive extract → graph file → HTML unchanged and harmless.

(Encodings are tested in ``test_read.py``, parser fuzzing in ``test_parse_fuzz.py``,
extractor fuzzing in ``test_fuzz_extract.py``, the Neo4j path in ``test_neo4j_store.py``.)
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KgError
from kg.graph import author_key, node_id
from kg.pipeline import Report, extract_paths, records_to_graph
from kg.read import iter_paths
from kg.records import Author, Mention, PaperRecord
from kg.stores import networkx_store

from benchgen import generator  # tests/benchgen.py: bench/generate.py, loaded once

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"




# --- nothing lost: every line and file is accounted for ---------------------------------------


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> tuple[list[str], list[str]]:
    """(paths to give kg, files they expand to): seeds, synthetic days in both formats,
    and files that are not digests at all."""
    d = tmp_path_factory.mktemp("messy")
    generator().write_folder(d / "days", 60, "mixed", seed=5)
    (d / "junk.txt").write_text("just a note\n\n   \n[not a paper]\nanother line\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "empty.txt").write_bytes(b"")
    (d / "half.txt").write_text((SEEDS / "002_bfb65bf37921ed7f.txt").read_text(encoding="utf-8")[:3000], encoding="utf-8")
    paths = [str(SEEDS), str(d / "days"), str(d / "junk.txt"), str(d / "binary.txt"), str(d / "empty.txt"),
             str(d / "half.txt"), str(d / "missing.txt")]
    return paths, list(iter_paths(paths))


_SUMMARY = re.compile(r"(\d+) file\(s\) read; (\d+) entries extracted(?:; (\d+) file\(s\) skipped)?")


def _summary(stderr: str) -> tuple[int, int, int]:
    m = _SUMMARY.search(stderr)
    assert m, stderr
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def _check_accounting(files: list[str], records: list[dict], rejects: list[dict], stderr: str) -> None:
    read, extracted, skipped = _summary(stderr)
    skipped_files = {r["file"] for r in rejects if r["line"] is None}
    assert extracted == len(records)
    assert read + skipped == len(files)
    assert skipped == len(skipped_files) and skipped_files <= set(files)
    # Every non-blank line of every file read is in exactly one entry or one reject.
    seen: dict[tuple[str, int], str] = {}
    for r in records:
        for line in range(r["source"]["line"], r["source"]["end_line"] + 1):
            assert (r["source"]["file"], line) not in seen, (r["source"], "in two entries")
            seen[r["source"]["file"], line] = "entry"
    for r in rejects:
        if r["line"] is None:
            continue
        key = (r["file"], r["line"])
        assert key not in seen, (r, "both rejected and in", seen[key])
        seen[key] = r["reason"]
        assert r["reason"] and r["text"].strip()
    for f in files:
        if f in skipped_files:
            continue
        text = Path(f).read_text(encoding="utf-8").replace("\r\n", "\n")
        for i, line in enumerate(text.split("\n"), 1):
            if line.strip():
                assert (f, i) in seen, f"{f}:{i} lost: {line[:80]!r}"


def test_extract_counts_add_up(tmp_path, messy):
    paths, files = messy
    out, rej = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    r = CliRunner().invoke(cli, ["extract", *paths, "-o", str(out), "--rejects", str(rej)])
    assert r.exit_code == 0, r.output
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    rejects = [json.loads(x) for x in rej.read_text(encoding="utf-8").splitlines()]
    _check_accounting(files, records, rejects, r.stderr)
    reasons = {x["reason"] for x in rejects}
    assert {"no such file", "empty file", "not part of any entry"} <= reasons
    assert any("binary" in x for x in reasons)


def test_build_counts_add_up_and_every_entry_reaches_the_graph(tmp_path, messy):
    paths, files = messy
    graph, rej = tmp_path / "g.kg.json", tmp_path / "rejects.jsonl"
    r = CliRunner().invoke(cli, ["build", *paths, "-o", str(graph), "--rejects", str(rej)])
    assert r.exit_code == 0, r.output
    rejects = [json.loads(x) for x in rej.read_text(encoding="utf-8").splitlines()]
    report = Report()
    records = extract_paths(paths, report)
    as_dicts = [x.to_dict(evidence=False) for x in records]
    _check_accounting(files, as_dicts, rejects, r.stderr)
    # The same rejects as kg extract writes.
    rej2 = tmp_path / "rejects2.jsonl"
    CliRunner().invoke(cli, ["extract", *paths, "-o", str(tmp_path / "x.jsonl"), "--rejects", str(rej2)])
    assert rej.read_bytes() == rej2.read_bytes()
    # Each entry is an APPEARS_IN provenance of some paper: none vanished in merging.
    G = networkx_store.load(graph)
    sources = {s for _, _, k, d in G.edges(keys=True, data=True) if k == "APPEARS_IN" for s in d["sources"]}
    assert sources == {f"{x.source_name}:{x.line}" for x in records}


def test_report_rejects_rows_files_first_then_lines_in_order(tmp_path):
    """The rows of ``--rejects`` come from the library's Report, so a script gets the
    same rows as the file: unreadable files first, then lines sorted by file and line."""
    (tmp_path / "b.txt").write_text("hello\n\nworld\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("just a line\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    report = Report()
    assert extract_paths([tmp_path / "b.txt", tmp_path / "empty.txt", tmp_path / "a.txt"], report) == []
    rows = report.rejects()
    assert [(os.path.basename(r["file"]), r["line"]) for r in rows] == [("empty.txt", None), ("a.txt", 1), ("b.txt", 1),
                                                                         ("b.txt", 3)]
    assert rows[0]["text"] == "" and rows[1]["text"] == "just a line" and all(r["reason"] for r in rows)


def test_no_entries_still_writes_rejects(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_text("hello\nworld\n", encoding="utf-8")
    rej = tmp_path / "rejects.jsonl"
    r = CliRunner().invoke(cli, ["build", str(junk), "-o", str(tmp_path / "g.json"), "--rejects", str(rej)])
    assert r.exit_code == 1 and "Error:" in r.stderr and "Traceback" not in r.stderr
    assert [json.loads(x)["line"] for x in rej.read_text(encoding="utf-8").splitlines()] == [1, 2]
    assert not (tmp_path / "g.json").exists()


# --- Ctrl-C ----------------------------------------------------------------------------------


def _interrupting(*_a, **_k):
    raise KeyboardInterrupt
    yield  # pragma: no cover - makes this a generator, like the real one


@pytest.mark.parametrize("command", ["extract", "build"])
def test_keyboard_interrupt_is_one_line_and_exit_130(tmp_path, monkeypatch, command):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "extract_documents", _interrupting)
    monkeypatch.setattr(kg.pipeline, "iter_records", _interrupting)
    r = CliRunner().invoke(cli, [command, str(SEEDS), "-o", str(tmp_path / "out")])
    assert r.exit_code == 130
    assert r.stderr.count("\n") == 1 and "interrupted" in r.stderr
    assert "Traceback" not in r.stderr and "Aborted" not in r.stderr


def _cpu_seconds(pid: int) -> float:
    """CPU time of ``pid`` and its children (0 when it cannot be read)."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - fall back to wall-clock waiting
        return 0.0
    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
        return sum(sum(q.cpu_times()[:2]) for q in procs)
    except psutil.Error:
        return 0.0


@pytest.fixture(scope="module")
def big_input(tmp_path_factory) -> Path:
    """Far more than any machine extracts in the few seconds before the signal."""
    d = tmp_path_factory.mktemp("big") / "days"
    generator().write_folder(d, 20_000, "structured", seed=9)
    return d


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_during_build_leaves_the_old_graph(tmp_path, big_input, jobs):
    graph = tmp_path / "graph.kg.json"
    networkx_store.save(records_to_graph(extract_paths([SEEDS])), graph)
    before = graph.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(big_input), "-o", str(graph), "--jobs", jobs],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, text=True,
    )
    try:
        # Wait until it is past start-up and extracting (CPU time, not wall time, so a
        # loaded machine does not make the signal arrive during imports).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and _cpu_seconds(proc.pid) < 3.0:
            time.sleep(0.1)
        if _cpu_seconds(proc.pid) == 0.0:
            time.sleep(4)
        assert proc.poll() is None, "kg build finished before the signal; make big_input bigger"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # pragma: no cover - only when the test already failed
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert [x for x in err.splitlines() if "interrupted" in x] == [err.strip().splitlines()[-1]]
    assert graph.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.kg.json"]  # no temp files
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # no worker outlived the command
        os.killpg(proc.pid, 0)


# --- hostile names ---------------------------------------------------------------------------

HOSTILE_TITLE = ("<script>alert(\"kg-title\")</script> Title with \"double\", 'single', `back`ticks`, "
                 "$HOME ${x} $(rm -rf) C:\\path\\n, emoji 🧪👩‍🔬, RTL \u202eevil\u202c and \u200fmark")
HOSTILE_INST = "Evil <script>alert('kg-inst')</script> Lab"
HOSTILE_INST2 = "O'Reilly \"Quoted\" `Tick` $Dollar \\Back Institute"
RTL_INST = "\u200fمعهد\u200f 🦄 Research"
HOSTILE_AUTHORS = ["S O'Brien", "Zoë Müller-Lüdenscheidt", "José Ñúñez"]

HOSTILE_DIGEST = f"""1、[LG] {HOSTILE_TITLE}
{", ".join(HOSTILE_AUTHORS)}
[{HOSTILE_INST} & {HOSTILE_INST2} & {RTL_INST}]
本文提出一种新方法。
We propose EvilNet, a method. Experiments on ImageNet show gains over BERT.
https://arxiv.org/abs/2209.99999
"""

#: What only a record can carry (no digest line can hold a newline): every dangerous
#: character class in one name per node type.
RAW = {
    "author": "Ann \"Quote\" O'Hara\\ `tick` $PATH\nsecond line \u202eRTL\u202c 🧪 <script>alert('a')</script>",
    "inst": "Inst </script><img src=x onerror=alert(1)> & \u2028 \u2029 --> <!--",
    "model": "Model${7*7}{{7*7}}<b>bold</b>",
    "dataset": "Data\x1b[31m\tset \u0000 '); DROP TABLE x;--",
    "title": "Paper <svg onload=alert(1)> \"title\"\r\nwith CRLF",
}


def _hostile_records(tmp_path) -> list[PaperRecord]:
    f = tmp_path / "hostile.txt"
    f.write_text(HOSTILE_DIGEST, encoding="utf-8")
    recs = extract_paths([f])
    raw = PaperRecord(
        file=str(tmp_path / "raw.txt"), line=1, end_line=1, kind="digest", layout="structured", lang="en",
        arxiv_id=None, title=RAW["title"], title_zh=None, category="LG",
        authors=(Author(RAW["author"], 1, 0, 1),), authors_truncated=False,
        institutions=(Mention(RAW["inst"], RAW["inst"], 0, 1),),
        models=(Mention(RAW["model"], RAW["model"], 0, 1, role="proposed"),),
        datasets=(Mention(RAW["dataset"], RAW["dataset"], 0, 1),), urls=(), text=RAW["title"],
    )
    return recs + [raw]


def test_hostile_names_survive_extraction(tmp_path):
    rec = _hostile_records(tmp_path)[0]
    assert rec.title == HOSTILE_TITLE
    assert [a.name for a in rec.authors] == HOSTILE_AUTHORS
    assert [m.name for m in rec.institutions] == [HOSTILE_INST, HOSTILE_INST2, RTL_INST]


def _names(G) -> set[str]:
    return {d["name"] for _, d in G.nodes(data=True)}


def test_hostile_names_survive_the_graph_file(tmp_path):
    G = records_to_graph(_hostile_records(tmp_path))
    names = _names(G)
    assert {HOSTILE_TITLE, HOSTILE_INST, HOSTILE_INST2, RTL_INST, *HOSTILE_AUTHORS} <= names
    assert set(RAW.values()) <= names
    path = tmp_path / "g.kg.json"
    networkx_store.save(G, path)
    H = networkx_store.load(path)
    assert _names(H) == names
    assert H.nodes[node_id("Author", author_key(RAW["author"]))]["name"] == RAW["author"]
    networkx_store.save(H, tmp_path / "again.kg.json")
    assert (tmp_path / "again.kg.json").read_bytes() == path.read_bytes()


def _strings(x) -> set[str]:
    if isinstance(x, str):
        return {x}
    if isinstance(x, dict):
        return set().union(*(_strings(v) for v in x.values())) if x else set()
    if isinstance(x, list):
        return set().union(*(_strings(v) for v in x)) if x else set()
    return set()


def test_hostile_names_are_escaped_in_html(tmp_path):
    html_mod = pytest.importorskip("kg.export.html", reason="kg/export/html.py is not there yet")
    G = records_to_graph(_hostile_records(tmp_path))
    benign = html_mod.render_html(records_to_graph(extract_paths([SEEDS / "002_bfb65bf37921ed7f.txt"])))
    page = html_mod.render_html(G, title=RAW["inst"])
    # No hostile markup appears as markup: nothing with "<" from a name is in the page,
    # and the page has exactly the script elements of a page made from benign names.
    for s in [HOSTILE_TITLE, HOSTILE_INST, RAW["inst"], RAW["author"], RAW["model"], RAW["title"], "<svg", "<img",
              "<b>bold", "</script><img", "<!--"]:
        assert s not in page, s
    assert page.count("<script") == benign.count("<script")
    assert page.lower().count("</script") == benign.lower().count("</script")
    # ... and every name is still there, unchanged, once the page's data is decoded.
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "page data element not found"
    data = json.loads(m.group(1))
    found = "\n".join(_strings(data))
    for s in [HOSTILE_TITLE, HOSTILE_INST, HOSTILE_INST2, RTL_INST, *HOSTILE_AUTHORS, *RAW.values()]:
        assert s in found, s
    assert "&lt;" in page.split('<script type="application/json"')[0]  # the heading is HTML-escaped


def test_an_entry_whose_extraction_raises_is_reported_not_fatal(tmp_path, monkeypatch):
    """A bug on one entry loses only that entry: it is reported with file:line, the
    others are extracted, and read = extracted + failed."""
    import kg.pipeline.stages as stages
    from kg.pipeline import Report, extract_paths

    real = stages.extract_entry

    def flaky(entry):
        if "Analyzing Transformers" in entry.text:
            raise RuntimeError("boom")
        return real(entry)

    monkeypatch.setattr(stages, "extract_entry", flaky)
    seeds = Path(__file__).resolve().parents[1] / "seeds" / "002_bfb65bf37921ed7f.txt"
    report = Report()
    records = extract_paths([seeds], report)
    assert len(records) == 8 and report.entries == 8
    assert [(f.line, f.reason) for f in report.failed] == [(24, "extraction failed: RuntimeError('boom')")]
    assert "1 entry failed" in report.summary()


def test_keyboard_interrupt_in_any_command_is_one_line_and_exit_130(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import kg.stats
    from kg.cli import cli

    def boom(*a, **k):
        raise KeyboardInterrupt

    graph = tmp_path / "g.json"
    r = CliRunner().invoke(cli, ["build", str(ROOT / "seeds" / "002_bfb65bf37921ed7f.txt"), "-o", str(graph), "-q"])
    assert r.exit_code == 0
    monkeypatch.setattr(kg.stats, "graph_stats", boom)
    r = CliRunner().invoke(cli, ["stats", str(graph)])
    assert r.exit_code == 130
    assert r.stderr.strip() == "kg: interrupted"


# --- concurrent writers ------------------------------------------------------------------------


def test_two_builds_into_one_graph_at_once_lose_nothing(tmp_path):
    """Both builds succeed and the file holds both inputs' papers: the same graph a
    sequential run gives (the lock makes load-merge-save one step)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for i, f in enumerate(seeds):
        shutil.copy(f, (a if i % 2 else b) / f.name)
    sequential = tmp_path / "sequential.kg.json"
    for d in (a, b):
        assert CliRunner().invoke(cli, ["build", str(d), "-o", str(sequential), "-q"]).exit_code == 0
    together = tmp_path / "together.kg.json"
    procs = [subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(d), "-o", str(together), "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for d in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    want, got = networkx_store.load(sequential), networkx_store.load(together)
    assert sorted(got.nodes) == sorted(want.nodes)
    assert got.number_of_edges() == want.number_of_edges()


def test_a_held_lock_is_a_clear_error_after_the_timeout(tmp_path):
    graph = tmp_path / "g.kg.json"
    with networkx_store.locked(graph):
        with pytest.raises(KgError, match="another kg process is writing this graph file"):
            networkx_store.update(graph, lambda old: old, timeout=0.2)
    assert not graph.exists()
