"""kg.resolve.curation: user decisions applied after every build and load, with clear errors."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.resolve.curation import CurationError, apply_curation, parse_curation
from kg.pipeline import records_to_graph
from kg.records import Author, Mention, PaperRecord
from kg.stores import networkx_store


def _rec(line, authors=(), models=(), datasets=(), insts=()):
    def ms(xs):
        return tuple(Mention(n, t, 0, len(t), source=src) for n, t, src in xs)

    return PaperRecord(
        file="d.txt", line=line, end_line=line, kind="digest", layout="structured", lang="en", arxiv_id=None,
        title=f"Paper {line}", title_zh=None, category=None,
        authors=tuple(Author(a, i + 1, 0, len(a)) for i, a in enumerate(authors)), authors_truncated=False,
        institutions=ms(insts), models=ms(models), datasets=ms(datasets), urls=(), text="x",
    )


RECORDS = [
    _rec(1, ["Sasha Salter", "Markus Wulfmeier"], models=[("GPT-4", "GPT-4", "gazetteer")]),
    _rec(2, ["S. Salter", "Markus Wulfmeier"], models=[("GPT4", "GPT4", "shape"), ("T5", "T5-small", "gazetteer")]),
    _rec(3, ["Ann Other"], models=[("Table 1", "Table 1", "shape"), ("ImageNet-21k", "ImageNet-21k", "shape")]),
]


def _graph(text):
    return records_to_graph(RECORDS, curation=parse_curation(text, "kg.curation.yaml"))


def _status(G):
    return [(o["line"], o["status"]) for o in G.graph["curation"]]


def test_every_action_applies_and_is_recorded_on_the_node():
    G = _graph("""
- merge: Model:GPT4
  into: Model:GPT-4
  reason: one model
- split: Author:Sasha Salter
  surface: S. Salter
- rename: Model:GPT-4
  to: GPT-4 (OpenAI)
- retype: Model:ImageNet-21k
  to: Dataset
- reject: Model:Table 1
""")
    assert _status(G) == [(2, "applied"), (5, "applied"), (7, "applied"), (9, "applied"), (11, "applied")]
    assert "Model:gpt4" not in G and "Model:table-1" not in G
    gpt4 = G.nodes["Model:gpt-4"]
    assert gpt4["name"] == "GPT-4 (OpenAI)"
    assert "GPT4 (curation merge: one model)" in gpt4["variants"]
    assert G.has_edge("Paper:" + _pkey(G, "Paper 2"), "Model:gpt-4", key="USES")
    # The split undoes the author-variant merge: S. Salter is its own node again,
    # with the paper it wrote, and Sasha Salter no longer lists it.
    assert G.has_edge("Author:s salter", "Paper:" + _pkey(G, "Paper 2"), key="AUTHORED")
    assert "variants" not in G.nodes["Author:sasha salter"]
    # Retyped: a Dataset node with the Model's edge as EVALUATES_ON.
    assert G.has_edge("Paper:" + _pkey(G, "Paper 3"), "Dataset:imagenet-21k", key="EVALUATES_ON")
    assert "Model:imagenet-21k" not in G


def _pkey(G, title):
    return next(d["key"] for n, d in G.nodes(data=True) if d.get("name") == title)


def test_applying_twice_changes_nothing_and_reports_in_effect():
    text = """
- merge: Model:GPT4
  into: Model:GPT-4
- rename: Model:GPT-4
  to: GPT-4 (OpenAI)
- retype: Model:ImageNet-21k
  to: Dataset
"""
    G = _graph(text)
    before = (sorted(G.nodes(data=True), key=str), sorted(G.edges(keys=True, data=True), key=str))
    again = [o.status for o in apply_curation(G, parse_curation(text))]
    assert again == ["in effect", "in effect", "in effect"]
    assert (sorted(G.nodes(data=True), key=str), sorted(G.edges(keys=True, data=True), key=str)) == before


def test_a_line_that_matches_nothing_says_why_and_changes_nothing():
    G = _graph("""
- reject: Model:Nowhere
- merge: Model:GPT
  into: Model:GPT-4
""")
    out = G.graph["curation"]
    assert [o["status"] for o in out] == ["not applied", "not applied"]
    assert "no node 'Model:Nowhere'" in out[0]["detail"]
    # "GPT" is part of "GPT-4" and of "GPT4": a curation line never matches by a part.
    assert "Model:gpt4" in G and "Model:gpt-4" in G


def test_merge_across_unrelated_labels_is_refused():
    G = _graph("- merge: Author:Ann Other\n  into: Model:GPT-4\n")
    assert G.graph["curation"][0]["status"] == "not applied"
    assert "cannot merge a Author into a Model" in G.graph["curation"][0]["detail"]


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("- merge: Model:A\n  into: [x, y]\n", 2, "'into' must be a non-empty text"),
        ("- merge: Model:A\n", 1, "merge needs 'into:'"),
        ("- frobnicate: Model:A\n", 1, "exactly one of merge, split, rename, retype, reject"),
        ("- reject: Model:A\n- rename: Model:B\n  too: C\n", 2, "unknown key 'too'"),
        ("- retype: Model:A\n  to: Author\n", 1, "retype 'to:' must be one of Model, Dataset"),
        ("merge: Model:A\n", 1, "expected a list of decisions"),
        ("- merge: Model:A\n  into: \"B\n", 3, "not valid YAML"),
        ("- reject: Model:A\n  reject: Model:B\n", 2, "'reject' given twice"),
    ],
)
def test_malformed_files_name_file_and_line(text, line, message):
    with pytest.raises(CurationError) as e:
        parse_curation(text, "cur.yaml")
    assert str(e.value).startswith(f"cur.yaml:{line}: ")
    assert message in str(e.value)


def test_an_empty_file_is_no_decisions():
    assert parse_curation("# nothing yet\n").lines == ()


SEED = "seeds/002_bfb65bf37921ed7f.txt"


def test_build_applies_the_file_beside_the_graph_on_every_build(tmp_path):
    (tmp_path / "kg.curation.yaml").write_text("- reject: Model:MO2\n  reason: test\n- reject: Model:Nowhere\n")
    out = tmp_path / "g.kg.json"
    r = CliRunner().invoke(cli, ["build", SEED, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "kg.curation.yaml:3: reject Model:Nowhere: not applied" in r.stderr
    assert "curation: 1 applied, 0 in effect, 1 not applied" in r.stderr
    G = networkx_store.load(out)
    assert "Model:mo2" not in G
    # Rebuilding re-extracts MO2; the correction survives.
    r = CliRunner().invoke(cli, ["build", SEED, "-o", str(out)])
    assert r.exit_code == 0 and "Model:mo2" not in networkx_store.load(out)
    assert networkx_store.load(out).graph["curation"][0]["status"] == "applied"


def test_build_reports_a_graph_that_shrinks_with_a_minus_sign(tmp_path):
    out = tmp_path / "g.kg.json"
    r = CliRunner().invoke(cli, ["build", SEED, "-o", str(out)])
    n, e = networkx_store.load(out).number_of_nodes(), networkx_store.load(out).number_of_edges()
    assert f"graph {out}: {n} nodes (+{n}), {e} edges (+{e})" in r.stderr
    # A curation file written later rejects a node with one edge: the rebuilt graph is
    # one node and one edge smaller, reported "(-1)", not "(+-1)".
    (tmp_path / "kg.curation.yaml").write_text("- reject: Model:MO2\n")
    r = CliRunner().invoke(cli, ["build", SEED, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert f"graph {out}: {n - 1} nodes (-1), {e - 1} edges (-1)" in r.stderr


def test_build_with_a_malformed_curation_file_is_one_line_and_writes_nothing(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("- merge: Model:A\n  into: B\n- retype: Model:C\n")
    out = tmp_path / "g.kg.json"
    r = CliRunner().invoke(cli, ["build", SEED, "-o", str(out), "--curation", str(bad)])
    assert r.exit_code == 1
    assert r.stderr.strip() == f"Error: {bad}:3: retype needs 'to:'"
    assert not out.exists()


def test_export_applies_a_curation_given_later(tmp_path):
    out = tmp_path / "g.kg.json"
    assert CliRunner().invoke(cli, ["build", SEED, "-o", str(out), "-q"]).exit_code == 0
    cur = tmp_path / "later.yaml"
    cur.write_text("- reject: Model:MO2\n")
    r = CliRunner().invoke(cli, ["export", str(out), "--format", "json", "-o", str(tmp_path / "e.json"),
                                 "--curation", str(cur)])
    assert r.exit_code == 0, r.output
    ids = {n["id"] for n in json.loads((tmp_path / "e.json").read_text())["nodes"]}
    assert "Model:mo2" not in ids and any(i.startswith("Paper:") for i in ids)


def test_resolve_report_lists_each_curation_line(tmp_path):
    cur = tmp_path / "c.yaml"
    cur.write_text("- reject: Model:MO2\n- rename: Model:Nowhere\n  to: X\n")
    r = CliRunner().invoke(cli, ["resolve", SEED, "--curation", str(cur), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = [x for x in json.loads(r.stdout) if x["kind"] == "curation"]
    assert [(x["where"], x["reason"].split(":")[0]) for x in rows] == [("c.yaml:1", "applied"),
                                                                       ("c.yaml:2", "not applied")]


def test_load_applies_curation_to_graph_files_and_digests(tmp_path):
    """What `kg load` hands the Neo4j writer (no server needed to check it)."""
    from kg.cli.load import _input_graphs

    out = tmp_path / "g.kg.json"
    assert CliRunner().invoke(cli, ["build", SEED, "-o", str(out), "-q"]).exit_code == 0
    (tmp_path / "kg.curation.yaml").write_text("- reject: Model:MO2\n")  # written after the build
    [(_, G)] = list(_input_graphs((str(out),), None, True))
    assert "Model:mo2" not in G and G.graph["curation"][0]["status"] == "applied"
    cur = tmp_path / "other.yaml"
    cur.write_text("- retype: Model:MO2\n  to: Dataset\n")
    [(_, G)] = list(_input_graphs((SEED,), None, True, str(cur)))
    assert "Dataset:mo2" in G and "Model:mo2" not in G
