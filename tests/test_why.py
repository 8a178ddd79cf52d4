"""kg why: a node's mentions, the merges into it and its edges' sources."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from kg.stores import networkx_store
from kg.resolve.why import explain

SEEDS = ["seeds/002_bfb65bf37921ed7f.txt", "seeds/003_304ae837892ed2f2.txt"]


def _build(tmp_path, curation=None, seeds=SEEDS):
    out = tmp_path / "g.kg.json"
    if curation:
        (tmp_path / "kg.curation.yaml").write_text(curation)
    r = CliRunner().invoke(cli, ["build", *seeds, "-o", str(out), "-q"])
    assert r.exit_code == 0, r.output
    return out


def test_json_lists_mentions_with_rule_and_the_merges_with_reasons(tmp_path):
    out = _build(tmp_path)
    r = CliRunner().invoke(cli, ["why", "Transformer", "-g", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    e = json.loads(r.stdout)
    assert e["node"]["id"] == "Model:transformer"
    # Every mention says where (file:line), what the entry wrote, and which rule found it;
    # read back through the library, they are the node's edges from papers.
    G = networkx_store.load(out)
    from_papers = sorted((d["file"], d["line"], d["evidence"], d["rule"])
                         for u, _, d in G.in_edges("Model:transformer", data=True))
    assert sorted((m["file"], m["line"], m["evidence"], m["rule"]) for m in e["mentions"]) == from_papers
    assert all(m["rule"] for m in e["mentions"])
    # "Transformers" (plural) and "变压器" (a machine translation) were merged into it.
    reasons = {m["surface"]: m["reason"] for m in e["merges"]}
    assert reasons["变压器"] == "machine-translation alias"
    assert reasons["Transformers"].startswith("alias")
    assert all(edge["sources"] for edge in e["edges"])


def test_table_shows_a_curated_merge_and_its_line(tmp_path):
    out = _build(tmp_path, "- merge: Model:Switch Transformer\n  into: Model:Transformer\n  reason: one family\n")
    r = CliRunner().invoke(cli, ["why", "Model:transformer", "-g", str(out)])
    assert r.exit_code == 0, r.output
    assert "Switch Transformer" in r.stdout and "curation merge: one family" in r.stdout
    assert "kg.curation.yaml:1" in r.stdout and "applied" in r.stdout


def test_an_author_merge_is_explained(tmp_path):
    from kg.pipeline import records_to_graph
    from kg.records import Author, PaperRecord

    def rec(line, authors):
        return PaperRecord(file="d.txt", line=line, end_line=line, kind="digest", layout="structured", lang="en",
                           arxiv_id=None, title=f"P{line}", title_zh=None, category=None,
                           authors=tuple(Author(a, i + 1, 0, len(a)) for i, a in enumerate(authors)),
                           authors_truncated=False, institutions=(), models=(), datasets=(), urls=())

    G = records_to_graph([rec(1, ["Sasha Salter", "M W"]), rec(2, ["S. Salter", "M W"])])
    e = explain(G, "Sasha Salter")
    assert e.merges == [{"surface": "S. Salter", "reason": "shared co-author m w"}]
    assert [(m["line"], m["evidence"]) for m in e.mentions] == [(1, "Sasha Salter"), (2, "S. Salter")]


def test_unknown_and_ambiguous_names_are_one_line_errors(tmp_path):
    out = _build(tmp_path)
    r = CliRunner().invoke(cli, ["why", "Zzyzx-Nothing", "-g", str(out)])
    assert r.exit_code == 1 and r.stderr.startswith("Error: no node named 'Zzyzx-Nothing'")
    r = CliRunner().invoke(cli, ["why", "T", "-g", str(out)])
    assert r.exit_code == 1 and "give the node id or Label:name" in r.stderr
    r = CliRunner().invoke(cli, ["why", "T5", "-g", str(tmp_path / "missing.json")])
    assert r.exit_code != 0 and "Traceback" not in r.output


def test_a_written_form_merged_away_finds_the_node_that_absorbed_it(tmp_path):
    out = _build(tmp_path)
    r = CliRunner().invoke(cli, ["why", "Model:Transformers", "-g", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["node"]["id"] == "Model:transformer"


def test_a_written_form_beats_names_that_only_contain_it(tmp_path):
    # CMU is an alias of an institution (in 002) and part of CMU-MOSI and CMU-MOSEI (in 001).
    out = _build(tmp_path, seeds=[*SEEDS, "seeds/001_534fdd139920522d.txt"])
    assert CliRunner().invoke(cli, ["why", "CMU", "-g", str(out)]).exit_code == 0
    r = CliRunner().invoke(cli, ["why", "CMU", "-g", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["node"]["id"] == "Institution:carnegie-mellon-university"
