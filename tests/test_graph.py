"""Graph stage and the embedded store: schema, provenance, idempotent merges, files."""
from __future__ import annotations

import json

import pytest

import kg
from kg.errors import GraphFormatError
from kg.graph import EDGE_ENDPOINTS, EDGE_TYPES, NODE_LABELS, counts, node_id
from kg.stores import networkx_store

DIGEST = """\
1、[LG] MO2: Model-Based Offline Options
S Salter, M Wulfmeier, D Rao
[DeepMind]
MO2: 基于模型的离线选项。本文提出基于模型的离线选项(MO2)。
To address this, we introduce Model-Based Offline Options (MO2), an offline framework.
https://arxiv.org/abs/2209.01947

2、[CL] Analyzing Transformers in Embedding Space
G Dar, M Geva, D Rao
[Tel-Aviv University & Allen Institute for Artificial Intelligence]
Understanding Transformer-based models has attracted significant attention.
https://arxiv.org/abs/2209.02535v2
"""


@pytest.fixture
def digest(tmp_path):
    p = tmp_path / "d1.txt"
    p.write_text(DIGEST, encoding="utf-8")
    return p


def test_nodes_edges_and_provenance(digest):
    G = kg.build_graph([digest])
    paper = node_id("Paper", "2209.01947")
    assert G.nodes[paper]["title"] == "MO2: Model-Based Offline Options"
    assert G.nodes[paper]["category"] == "LG"
    # Author order is kept on AUTHORED edges, with provenance.
    e = G.edges[node_id("Author", "m wulfmeier"), paper, "AUTHORED"]
    assert e["position"] == 2 and e["file"] == "d1.txt" and e["line"] == 1
    assert e["sources"] == ["d1.txt:1"]
    # One institution on the entry: authors are affiliated with it too.
    assert G.has_edge(node_id("Author", "s salter"), node_id("Institution", "deepmind"), "AFFILIATED_WITH")
    # Two institutions: the author's affiliation is ambiguous, so no author edge.
    assert not any(
        G.has_edge(node_id("Author", "g dar"), i, "AFFILIATED_WITH") for i in G.nodes if i.startswith("Institution:")
    )
    # A shared author links both papers.
    rao = node_id("Author", "d rao")
    assert sorted(v for _, v in G.out_edges(rao)) == sorted(
        [paper, node_id("Paper", "2209.02535"), node_id("Institution", "deepmind")]
    )
    assert G.has_edge(paper, node_id("Model", "mo2"), "PROPOSES")
    assert G.has_edge(paper, node_id("Digest", "d1.txt"), "APPEARS_IN")


def test_every_edge_matches_the_schema(digest):
    G = kg.build_graph([digest])
    for u, v, k, d in G.edges(keys=True, data=True):
        assert k in EDGE_TYPES and d["type"] == k
        assert (G.nodes[u]["label"], G.nodes[v]["label"]) in EDGE_ENDPOINTS[k]
        assert d["file"] and d["line"] >= 1 and "evidence" in d
    assert {d["label"] for _, d in G.nodes(data=True)} <= set(NODE_LABELS)


def test_build_twice_is_a_no_op_and_merge_adds_only_new(digest, tmp_path):
    G = kg.build_graph([digest])
    before = counts(G)
    kg.build_graph([digest], into=G)
    assert counts(G) == before
    other = tmp_path / "d2.txt"
    other.write_text(DIGEST.split("\n\n")[1], encoding="utf-8")  # the CL paper again, another digest
    kg.build_graph([other], into=G)
    after = counts(G)
    assert after["nodes"]["Paper"] == before["nodes"]["Paper"]
    assert after["nodes"]["Digest"] == before["nodes"]["Digest"] + 1
    e = G.edges[node_id("Author", "g dar"), node_id("Paper", "2209.02535"), "AUTHORED"]
    assert e["sources"] == ["d1.txt:8", "d2.txt:1"] and e["file"] == "d1.txt"


def test_store_round_trip_is_byte_identical(digest, tmp_path):
    G = kg.build_graph([digest])
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    networkx_store.save(G, a)
    networkx_store.save(networkx_store.load(a), b)
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text())
    assert data["format"] == "kg-graph" and data["version"] == 1
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in data["nodes"])


def _whole_document(G) -> bytes:
    # The file as one orjson call over the whole document: what the streamed writer
    # must reproduce byte for byte (the format and its bytes did not change).
    import orjson

    return orjson.dumps(networkx_store.to_data(G), option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"


@pytest.mark.parametrize("chunk_items", [1, 2, 1000])
def test_streamed_file_equals_the_whole_document(digest, tmp_path, monkeypatch, chunk_items):
    monkeypatch.setattr(networkx_store, "_CHUNK_ITEMS", chunk_items)  # chunk edges land between links
    G = kg.build_graph([digest])
    G.graph["curation"] = [{"line": 1, "outcome": "applied", "nested": {"list": [1, "a\nb", {}], "empty": []}}]
    G.nodes[node_id("Category", "LG")]["variants"] = []
    path = tmp_path / "g.json"
    networkx_store.save(G, path)
    assert path.read_bytes() == networkx_store.dumps(G) == _whole_document(G)
    chunks = list(networkx_store.iter_json(G))
    assert len(chunks) > 3 and b"".join(chunks) == _whole_document(G)


def test_streamed_file_of_an_empty_graph():
    from kg.graph import new_graph

    G = new_graph()
    assert networkx_store.dumps(G) == _whole_document(G)
    G.add_node("Category:LG", label="Category", key="LG", name="LG")
    assert networkx_store.dumps(G) == _whole_document(G)  # nodes but no links


def _shares_ids_and_values(G) -> bool:
    # Every adjacency entry is keyed by the node table's own id object, and all edges of
    # one type hold one "type" string: what keeps a large graph's memory to the graph.
    ids = {id(n) for n in G}
    adjacency = all(id(v) in ids for u in G for v in G.succ[u]) and all(id(u) in ids for v in G for u in G.pred[v])
    types = [d["type"] for *_, d in G.edges(data=True) if d["type"] == "AUTHORED"]
    files = [d["file"] for *_, d in G.edges(data=True)]
    return adjacency and len(types) > 1 and len({id(t) for t in types}) == 1 and len({id(f) for f in files}) == 1


def test_built_and_loaded_graphs_share_repeated_strings(digest, tmp_path):
    import orjson

    G = kg.build_graph([digest])
    assert _shares_ids_and_values(G)
    path = tmp_path / "g.json"
    networkx_store.save(G, path)
    H = networkx_store.load(path)
    assert _shares_ids_and_values(H)
    # Loading takes the parsed file apart as it goes; the graph is the one a copying
    # read gives, and it saves to the same bytes.
    data = orjson.loads(path.read_bytes())
    kept = networkx_store.from_data(orjson.loads(path.read_bytes()))
    taken = networkx_store.from_data(data, consume=True)
    assert data["nodes"] == [] and data["links"] == []
    assert list(taken.nodes(data=True)) == list(kept.nodes(data=True)) == list(H.nodes(data=True))
    assert list(taken.edges(keys=True, data=True)) == list(kept.edges(keys=True, data=True))
    assert networkx_store.dumps(taken) == networkx_store.dumps(G) == path.read_bytes()


def test_streamed_build_keeps_the_collector_off_the_graph_but_frees_cycles(digest, monkeypatch):
    import gc
    import weakref

    from kg import pipeline

    from kg.text import normalize

    from kg.pipeline import stages  # where the build loop reads them

    monkeypatch.setattr(stages, "FREEZE_EVERY", 1)
    monkeypatch.setattr(stages, "MEMO_EVERY", 1)
    records = pipeline.extract_paths([digest])

    class Cycle:
        pass

    made = []

    def stream():
        for rec in records:
            # The cycle made while the previous record was turned into graph was
            # collected before that graph was frozen: no garbage is frozen with it.
            assert not made or made[-1]() is None
            # ... and the memo tables the previous record filled (author keys) were cleared.
            assert not made or normalize.cache_info().currsize == 0
            a, b = Cycle(), Cycle()
            a.other, b.other = b, a
            made.append(weakref.ref(a))
            del a, b
            yield rec

    assert gc.get_freeze_count() == 0
    G = pipeline.unresolved_graph(stream(), str(digest.parent))
    assert len(made) == len(records) == 2
    assert gc.get_freeze_count() == 0  # handed back to the collector afterwards
    expected = pipeline.unresolved_graph(records, str(digest.parent))
    assert networkx_store.dumps(G) == networkx_store.dumps(expected)
    gc.freeze()  # a process that froze objects itself keeps them frozen
    try:
        pipeline.unresolved_graph(records, str(digest.parent))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_saving_leaves_no_utf8_copies_in_the_graph(digest, tmp_path):
    # orjson caches a non-ASCII string's UTF-8 bytes inside the string object
    # (sys.getsizeof counts them); saving must not grow the graph that way.
    import sys

    G = kg.build_graph([digest])
    values = [x for _, d in G.nodes(data=True) for x in d.values() if type(x) is str and not x.isascii()]
    values += [d["evidence"] for *_, d in G.edges(data=True) if not d["evidence"].isascii()]
    assert values  # the digest has Chinese titles
    sizes = [sys.getsizeof(x) for x in values]
    networkx_store.save(G, tmp_path / "g.json")
    assert [sys.getsizeof(x) for x in values] == sizes


def test_memo_tables_are_dropped_after_a_streamed_build(digest):
    from kg import pipeline
    from kg.extract.rules import fields
    from kg.text import normalize

    records = pipeline.extract_paths([digest])
    normalize("Some Name")
    assert normalize.cache_info().currsize > 0
    fields.field_spans("Model: X")
    small = fields.field_spans.cache_info().currsize  # a small table (< 1024) is kept
    assert small > 0
    G = pipeline.unresolved_graph(records, str(digest.parent))
    assert normalize.cache_info().currsize == 0
    assert fields.field_spans.cache_info().currsize == small
    assert pipeline.drop_memo_tables() == 0  # nothing left to drop
    assert normalize("Some Name") == "some name" and G.number_of_nodes() > 0


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not json", "invalid JSON"),
        (b'{"nodes": []}', "not a kg graph file"),
        (b'{"format": "kg-graph", "version": 99, "nodes": [], "links": []}', "version 99"),
    ],
)
def test_bad_graph_files_raise_clear_errors(tmp_path, content, message):
    p = tmp_path / "g.json"
    p.write_bytes(content)
    with pytest.raises(GraphFormatError, match=message):
        networkx_store.load(p)


def test_interrupted_save_keeps_previous_file(digest, tmp_path, monkeypatch):
    G = kg.build_graph([digest])
    path = tmp_path / "g.json"
    networkx_store.save(G, path)
    old = path.read_bytes()

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(networkx_store.os, "fsync", boom)
    with pytest.raises(KeyboardInterrupt):
        networkx_store.save(G, path)
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kg-")] == []
