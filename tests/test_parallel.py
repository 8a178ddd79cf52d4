"""``--jobs N`` gives the same records, report and files as one process, under ``fork``
and ``spawn``, and never leaves worker processes behind."""
from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import Report, extract_document, orchestrator
from kg.read import Skipped, read_paths

from benchgen import generator  # tests/benchgen.py: bench/generate.py, loaded once

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
START_METHODS = [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()]




@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """Seeds, a folder of synthetic daily digests in both formats, one bigger structured
    file (split into entry chunks below), a junk file and a path that does not exist."""
    d = tmp_path_factory.mktemp("corpus")
    gen = generator()
    gen.write_folder(d / "days", 120, "mixed", seed=3)
    gen.write_digest(d / "big.txt", 150, "structured", seed=4)
    (d / "junk.txt").write_text("nothing to see\n\n[not a paper]\n", encoding="utf-8")
    return [str(SEEDS), str(d / "days"), str(d / "big.txt"), str(d / "junk.txt"), str(d / "missing.txt")]


@pytest.fixture(scope="module")
def serial(corpus):
    """The reference: a plain loop over the documents, no tasks, no executor."""
    report, records = Report(), []
    for item in read_paths(corpus):
        if isinstance(item, Skipped):
            report.files_skipped.append(item)
        else:
            records.extend(extract_document(item, report))
    return records, report


@pytest.mark.parametrize("method", START_METHODS)
def test_same_records_and_report_as_one_process(corpus, serial, method):
    records, report = serial
    rep = Report()
    # split_chars small enough that big.txt goes through the parse-here, chunk-out path.
    got = list(orchestrator.iter_records(corpus, rep, jobs=2, context=method, split_chars=50_000, chunk_size=7))
    assert got == records
    assert rep == report
    assert rep.entries == len(records) and rep.files_skipped and rep.unassigned
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("split_chars", [orchestrator.SPLIT_CHARS, 50_000])
def test_jobs_one_is_the_plain_loop(corpus, serial, split_chars):
    rep = Report()
    assert list(orchestrator.iter_records(corpus, rep, jobs=1, split_chars=split_chars, chunk_size=5)) == serial[0]
    assert rep == serial[1]


def test_resolve_jobs():
    assert orchestrator.resolve_jobs(0) == (os.cpu_count() or 1)
    assert orchestrator.resolve_jobs(None) == (os.cpu_count() or 1)
    assert orchestrator.resolve_jobs(3) == 3


def test_stopping_early_ends_the_workers(corpus):
    it = orchestrator.iter_records(corpus, jobs=2, context="fork" if "fork" in START_METHODS else None)
    first = next(it)
    assert first.file.startswith(str(SEEDS))
    it.close()
    assert not multiprocessing.active_children()


def _boom(doc, report=None):
    raise RuntimeError(f"extractor bug on {doc.path}")


@pytest.mark.skipif("fork" not in START_METHODS, reason="the patched function reaches workers only by fork")
def test_a_worker_error_reaches_the_caller(monkeypatch, corpus):
    monkeypatch.setattr(orchestrator, "extract_document", _boom)
    with pytest.raises(RuntimeError, match="extractor bug"):
        list(orchestrator.iter_records([str(SEEDS)], jobs=2, context="fork"))
    assert not multiprocessing.active_children()


def test_skipped_items_are_counted_in_order(tmp_path):
    items = [Skipped("a.txt", "no such file"), *read_paths([SEEDS / "002_bfb65bf37921ed7f.txt"]), Skipped("b", "empty file")]
    rep = Report()
    recs = list(orchestrator.extract_documents(items, rep, jobs=2))
    assert [s.path for s in rep.files_skipped] == ["a.txt", "b"]
    assert len(recs) == rep.entries == 9


@pytest.mark.parametrize("command", ["extract", "build"])
def test_cli_output_is_byte_identical(tmp_path, corpus, command):
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / "out" / f"{command}.out"
        rej = tmp_path / "out" / "rejects.jsonl"
        out.parent.mkdir(exist_ok=True)
        args = [command, *corpus, "-o", str(out), "--rejects", str(rej), "--jobs", jobs]
        r = runner.invoke(cli, args)
        assert r.exit_code == 0, r.output
        outs.append((out.read_bytes(), rej.read_bytes(), r.stderr))
        out.unlink()
    assert outs[0] == outs[1]
    assert outs[0][1]  # the junk file's lines and the missing file are in the rejects


def test_jobs_option_is_documented():
    for command in ("extract", "build"):
        r = CliRunner().invoke(cli, [command, "--help"])
        assert "--jobs" in r.output and "--rejects" in r.output
    r = CliRunner().invoke(cli, ["extract", str(SEEDS), "--jobs", "-1"])
    assert r.exit_code == 2
