"""The CLI end to end with CliRunner: extract → build → build again → stats → export,
and one-line errors (exit 1) for bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph import counts
from kg.stores import networkx_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def runner():
    return CliRunner()


def test_version_and_help(runner):
    r = runner.invoke(cli, ["--version"])
    assert r.exit_code == 0 and r.output.startswith("kg, version ")
    for cmd in ("extract", "build", "stats", "export", "evaluate"):
        r = runner.invoke(cli, [cmd, "--help"])
        assert r.exit_code == 0 and "Example:" in r.output, cmd


def test_extract_jsonl_contract(runner):
    r = runner.invoke(cli, ["extract", str(SEEDS / "002_bfb65bf37921ed7f.txt"), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(recs) == 9
    first = recs[0]
    for key in ("source", "kind", "arxiv_id", "title", "title_zh", "category", "authors",
                "authors_truncated", "institutions", "models", "datasets", "urls"):
        assert key in first
    assert first["source"]["line"] == 4 and first["source"]["file"].endswith("002_bfb65bf37921ed7f.txt")
    assert first["arxiv_id"] == "2209.01947" and first["category"] == "LG"
    assert first["authors"][:2] == ["S Salter", "M Wulfmeier"]
    assert first["institutions"] == ["DeepMind"]
    assert {"name": "MO2", "role": "proposed"}.items() <= first["models"][0].items()
    ev = first["models"][0]["evidence"]
    text_of_entry = (SEEDS / "002_bfb65bf37921ed7f.txt").read_text(encoding="utf-8").split("\n")[3:9]
    assert "\n".join(text_of_entry)[ev["start"]:ev["end"]] == ev["text"]
    truncated = [x for x in recs if x["authors_truncated"]]
    assert [x["authors"][-1] for x in truncated] == ["W Shi"]


def test_extract_table_and_folder(runner):
    r = runner.invoke(cli, ["extract", str(SEEDS), "--format", "table"])
    assert r.exit_code == 0
    assert "49 entries" in r.stdout and "MO2" in r.stdout
    assert "5 file(s) read; 49 entries extracted" in r.stderr


def test_extract_stdin(runner):
    text = (SEEDS / "002_bfb65bf37921ed7f.txt").read_text(encoding="utf-8")
    r = runner.invoke(cli, ["extract", "-"], input=text)
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 9


def test_build_twice_unchanged_then_stats_and_export(runner, tmp_path):
    g = tmp_path / "seeds.kg.json"
    r = runner.invoke(cli, ["build", str(SEEDS), "-o", str(g)])
    assert r.exit_code == 0, r.output
    first = g.read_bytes()
    G = networkx_store.load(g)
    assert counts(G)["nodes"]["Paper"] == 49
    r = runner.invoke(cli, ["build", str(SEEDS), "-o", str(g)])
    assert r.exit_code == 0 and "(+0)" in r.stderr
    assert g.read_bytes() == first
    r = runner.invoke(cli, ["stats", str(g), "--format", "json"])
    assert r.exit_code == 0
    s = json.loads(r.stdout)
    assert s["nodes"]["Paper"] == 49 and s["nodes"]["Digest"] == 5 and s["edges"]["AUTHORED"] == 45
    r = runner.invoke(cli, ["stats", str(g)])
    assert r.exit_code == 0 and "Top entities" in r.stdout
    out = tmp_path / "seeds.graphml"
    r = runner.invoke(cli, ["export", str(g), "--format", "graphml", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (bytes(range(128, 256)) * 4, "not valid text"),
    ],
    ids=["empty", "binary", "undecodable"],
)
def test_bad_single_file_is_one_line_error(runner, tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = runner.invoke(cli, ["extract", str(p)])
    assert r.exit_code == 1
    assert message in r.stderr and "Traceback" not in r.output
    assert r.stderr.strip().count("\n") == 0


def test_bad_file_among_many_is_skipped_and_reported(runner, tmp_path):
    (tmp_path / "a.txt").write_bytes((SEEDS / "002_bfb65bf37921ed7f.txt").read_bytes())
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    r = runner.invoke(cli, ["extract", str(tmp_path)])
    assert r.exit_code == 0
    assert "skipped" in r.stderr and "b.txt" in r.stderr
    assert len(r.stdout.splitlines()) == 9


def test_gbk_file_reads(runner, tmp_path):
    text = (SEEDS / "002_bfb65bf37921ed7f.txt").read_text(encoding="utf-8").replace("\ufffd", "")
    p = tmp_path / "gbk.txt"
    p.write_bytes(text.encode("gb18030"))
    r = runner.invoke(cli, ["extract", str(p)])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 9


def test_missing_and_non_graph_files(runner, tmp_path):
    r = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert r.exit_code == 1 and "no such file" in r.stderr
    bad = tmp_path / "x.json"
    bad.write_text("[]")
    r = runner.invoke(cli, ["stats", str(bad)])
    assert r.exit_code == 1 and "not a kg graph file" in r.stderr
    r = runner.invoke(cli, ["extract"])
    assert r.exit_code == 2


def test_text_without_entries_is_an_error(runner, tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("just a shopping list\nmilk\n", encoding="utf-8")
    r = runner.invoke(cli, ["extract", str(p)])
    assert r.exit_code == 1 and "no paper entries" in r.stderr
    assert "2 line(s) in no entry" in r.stderr


def test_extract_makes_the_folders_of_its_outputs(tmp_path):
    # After a bare scripts/setup there is no out/: "kg extract seeds/ -o out/seeds.jsonl"
    # (the README's first command) used to end in a FileNotFoundError traceback.
    out, rejects = tmp_path / "out" / "seeds.jsonl", tmp_path / "rej" / "r.jsonl"
    r = CliRunner().invoke(cli, ["extract", str(SEEDS), "-o", str(out), "--rejects", str(rejects)])
    assert r.exit_code == 0, r.output
    assert len(out.read_text().splitlines()) == 49 and rejects.is_file()


def test_extract_to_an_unwritable_path_is_one_line(tmp_path):
    (tmp_path / "file").write_text("")
    r = CliRunner().invoke(cli, ["extract", str(SEEDS), "-o", str(tmp_path / "file" / "x.jsonl")])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)  # no traceback
    assert r.output.count("\n") == 1 and r.output.startswith("Error: cannot write ")


def test_export_of_a_period_without_papers_says_so(tmp_path):
    g = tmp_path / "g.kg.json"
    assert CliRunner().invoke(cli, ["build", str(SEEDS), "-o", str(g), "-q"]).exit_code == 0
    r = CliRunner().invoke(cli, ["export", str(g), "--format", "json", "--since", "2030-01", "-o", str(tmp_path / "e.json")])
    assert r.exit_code == 0, r.output
    assert "note: no paper is dated 2030-01 to … (the graph's papers are dated 2022-09 to 2022-09)" in r.stderr
    r = CliRunner().invoke(cli, ["export", str(g), "--format", "json", "--since", "2022-09", "-o", str(tmp_path / "f.json")])
    assert r.exit_code == 0 and "note:" not in r.stderr
