"""The Dask engine: the same records, report and graph as one local process."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")

from kg.cli import cli  # noqa: E402
from kg.pipeline import Report, executors, orchestrator  # noqa: E402
from kg.read import read_paths  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def cluster():
    """One two-worker LocalCluster for the module (starting one costs seconds)."""
    from distributed import LocalCluster

    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                     dashboard_address=None, silence_logs=logging.ERROR)
    try:
        yield c.scheduler_address
    finally:
        c.close()


def _records(jobs, **options):
    rep = Report()
    recs = list(orchestrator.extract_documents(read_paths([str(SEEDS)]), rep, jobs, **options))
    return [r.to_dict() for r in recs], rep


@pytest.mark.parametrize("split_chars", [orchestrator.SPLIT_CHARS, 2_000])  # whole files; entry chunks
def test_dask_gives_the_records_and_report_of_one_process(cluster, split_chars):
    one, rep1 = _records(1)
    got, rep = _records(2, engine="dask", scheduler=cluster, split_chars=split_chars, chunk_size=5)
    assert got == one
    assert (rep.files_read, rep.entries, len(rep.unassigned), len(rep.ignored)) == \
        (rep1.files_read, rep1.entries, len(rep1.unassigned), len(rep1.ignored))


def test_build_on_dask_writes_the_graph_of_one_process(cluster, tmp_path):
    a, b = tmp_path / "local.kg.json", tmp_path / "dask.kg.json"
    r1 = CliRunner().invoke(cli, ["build", str(SEEDS), "-o", str(a), "-q"])
    r2 = CliRunner().invoke(cli, ["build", str(SEEDS), "-o", str(b), "-q", "--engine", "dask", "--scheduler", cluster])
    assert (r1.exit_code, r2.exit_code) == (0, 0), r2.output
    assert a.read_bytes() == b.read_bytes()


def test_extract_on_a_local_cluster_started_for_the_run(tmp_path):
    out = tmp_path / "dask.jsonl"
    r = CliRunner().invoke(cli, ["extract", str(SEEDS), "-o", str(out), "-q", "--engine", "dask", "--jobs", "2"])
    assert r.exit_code == 0, r.output
    one = CliRunner().invoke(cli, ["extract", str(SEEDS), "-q"])
    assert out.read_text(encoding="utf-8") == one.stdout


def test_unreachable_scheduler_is_one_line(monkeypatch):
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", 2)
    r = CliRunner().invoke(cli, ["extract", str(SEEDS), "-q", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.output


def test_scheduler_without_the_dask_engine_is_refused():
    r = CliRunner().invoke(cli, ["build", str(SEEDS), "-o", "x.kg.json", "--scheduler", "tcp://127.0.0.1:9"])
    assert r.exit_code == 1 and "goes with the dask engine" in r.stderr
