"""Exports: GraphML/GEXF/JSON/CSV round trips, and the HTML page's safety (no remote
resources, escaping, CSP), views, focus, min-degree and determinism. What the page does
in a real browser is in test_browser.py."""
from __future__ import annotations

import base64
import csv
import hashlib
import json
import math
import random
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KgError
from kg.export import export
from kg.export import html as kg_html
from kg.export import render as kg_render
from kg.export._common import ExportError, clean_text, display_name, json_for_html
from kg.export.formats import write_csv, write_gexf, write_graphml, write_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import synthetic_graph  # noqa: E402  (bench/synthetic.py: test and benchmark data)
from kg.graph import EDGE_ENDPOINTS, counts, new_graph
from kg.stores import networkx_store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

XSS_TITLE = '<img src=x onerror="window.kgPwned=1;alert(1)">'
XSS_AUTHOR = '"><script>window.kgPwned=2;alert(2)</script>'
XSS_EVIDENCE = "</script><script>window.kgPwned=3;alert(3)</script><!--"


def tiny_graph(reverse: bool = False) -> nx.MultiDiGraph:
    """A hand-made kg graph with hostile names: 3 papers, 3 authors, 2 institutions, 2
    models, 1 dataset, 1 category, 2 digests. ``reverse`` inserts everything backwards
    (the exports must not care)."""
    nodes = [
        ("Paper:p1", "Paper", "p1", "A <b>bold</b> study of GPT-4", {"title": "A <b>bold</b> study of GPT-4", "arxiv_id": "2401.00001"}),
        ("Paper:p2", "Paper", "p2", XSS_TITLE, {"title": XSS_TITLE, "title_zh": "中文标题"}),
        ("Paper:p3", "Paper", "p3", 'Third, with "quotes", commas\nand a newline', {"abstract": None}),
        ("Author:a1", "Author", "a1", XSS_AUTHOR, {}),
        ("Author:a2", "Author", "a2", "Ann Lee", {}),
        ("Author:a3", "Author", "a3", "Bo Chen", {}),
        ("Institution:mit", "Institution", "mit", "MIT", {}),
        ("Institution:eth", "Institution", "eth", "ETH Zurich & Co </script>", {}),
        ("Model:gpt-4", "Model", "gpt-4", "GPT-4", {}),
        ("Model:bert", "Model", "bert", "BERT", {}),
        ("Dataset:imagenet", "Dataset", "imagenet", "ImageNet", {}),
        ("Category:LG", "Category", "LG", "LG", {}),
        ("Digest:d1.txt", "Digest", "d1.txt", "d1.txt", {}),
        ("Digest:d2.txt", "Digest", "d2.txt", "d2.txt", {}),
    ]
    edges = [
        ("Author:a1", "Paper:p1", "AUTHORED", "d1.txt", 3, XSS_AUTHOR, {"position": 1}),
        ("Author:a2", "Paper:p1", "AUTHORED", "d1.txt", 3, "Ann Lee", {"position": 2}),
        ("Author:a2", "Paper:p2", "AUTHORED", "d1.txt", 9, "Ann Lee", {"position": 1}),
        ("Author:a3", "Paper:p2", "AUTHORED", "d1.txt", 9, "Bo Chen", {"position": 2}),
        ("Author:a3", "Paper:p3", "AUTHORED", "d2.txt", 2, "Bo Chen", {"position": 1}),
        ("Paper:p1", "Institution:mit", "AFFILIATED_WITH", "d1.txt", 4, "MIT", {}),
        ("Author:a1", "Institution:mit", "AFFILIATED_WITH", "d1.txt", 4, "MIT", {}),
        ("Author:a2", "Institution:mit", "AFFILIATED_WITH", "d1.txt", 4, "MIT", {}),
        ("Paper:p2", "Institution:mit", "AFFILIATED_WITH", "d1.txt", 10, "MIT", {}),
        ("Paper:p2", "Institution:eth", "AFFILIATED_WITH", "d1.txt", 10, XSS_EVIDENCE, {}),
        ("Paper:p1", "Model:gpt-4", "PROPOSES", "d1.txt", 5, "we propose GPT-4", {}),
        ("Paper:p2", "Model:gpt-4", "USES", "d1.txt", 11, "compared with GPT-4", {}),
        ("Paper:p2", "Model:bert", "USES", "d1.txt", 11, "and BERT", {}),
        ("Paper:p3", "Dataset:imagenet", "EVALUATES_ON", "d2.txt", 3, "on ImageNet", {}),
        ("Paper:p1", "Dataset:imagenet", "INTRODUCES", "d1.txt", 6, "we introduce ImageNet", {}),
        ("Paper:p1", "Category:LG", "IN_CATEGORY", "d1.txt", 2, "[LG]", {}),
        ("Paper:p2", "Category:LG", "IN_CATEGORY", "d1.txt", 8, "[LG]", {}),
        ("Paper:p1", "Digest:d1.txt", "APPEARS_IN", "d1.txt", 2, "[LG] A bold study", {}),
        ("Paper:p2", "Digest:d1.txt", "APPEARS_IN", "d1.txt", 8, XSS_TITLE, {}),
        ("Paper:p3", "Digest:d2.txt", "APPEARS_IN", "d2.txt", 1, "Third", {}),
    ]
    if reverse:
        nodes, edges = nodes[::-1], edges[::-1]
    G = new_graph()
    for nid, label, key, name, props in nodes:
        G.add_node(nid, label=label, key=key, name=name, **{k: v for k, v in props.items() if v is not None})
    for u, v, rel, file, line, ev, props in edges:
        G.add_edge(u, v, key=rel, type=rel, file=file, line=line, evidence=ev,
                   sources=[f"{file}:{line}", "other.txt:7"] if rel == "USES" else [f"{file}:{line}"], **props)
    return G


@pytest.fixture(scope="module")
def seed_graph():
    from kg.pipeline import build_graph

    G = build_graph([str(SEEDS)])
    assert G.number_of_nodes() > 100
    return G


def page_data(text: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert m, "no data script in the page"
    return json.loads(m.group(1))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in = None


def parse_page(text: str) -> _Tags:
    p = _Tags()
    p.feed(text)
    p.close()
    return p


# --- GraphML / GEXF / JSON / CSV ---------------------------------------------------------


def test_graphml_round_trip_keeps_labels_and_attributes(tmp_path, seed_graph):
    G = seed_graph
    [path] = write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert set(H.nodes) == set(G.nodes)
    for n, d in G.nodes(data=True):
        # the label is the name (what Gephi and yEd show on a node), the kg type its own attribute
        assert H.nodes[n]["label"] == display_name(d["name"]) and H.nodes[n]["type"] == d["label"]
        assert H.nodes[n]["name"] == clean_text(d["name"]) and H.nodes[n]["key"] == d["key"]
        assert not [k for k, v in d.items() if v is None and k in H.nodes[n]]
    assert H.number_of_edges() == G.number_of_edges()
    assert sorted(k for _, _, k in H.edges(keys=True)) == sorted(k for _, _, k in G.edges(keys=True))
    u, v, k, d = next(iter(sorted(G.edges(keys=True, data=True))))
    h = H.edges[u, v, k]
    assert h["type"] == d["type"] and h["line"] == d["line"] and h["file"] == d["file"]
    assert json.loads(h["sources"]) == d["sources"]  # lists travel as JSON strings


def test_gexf_round_trip_keeps_labels(tmp_path):
    G = tiny_graph()
    [path] = write_gexf(G, tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    assert set(H.nodes) == set(G.nodes)
    for n, d in G.nodes(data=True):
        assert H.nodes[n]["label"] == clean_text(d["name"]) and H.nodes[n]["type"] == d["label"]
        assert H.nodes[n]["kg_key"] == d["key"] and H.nodes[n]["name"] == clean_text(d["name"])
    assert H.number_of_edges() == G.number_of_edges()
    types = sorted(d["kg_type"] for _, _, d in H.edges(data=True))
    assert types == sorted(k for _, _, k in G.edges(keys=True))
    uses = [d for _, _, d in H.edges(data=True) if d["kg_type"] == "USES"]
    assert json.loads(uses[0]["sources"]) == ["d1.txt:11", "other.txt:7"]
    text = Path(path).read_text(encoding="utf-8")
    assert 'type="directed"' not in text or 'defaultedgetype="directed"' in text
    assert "lastmodifieddate" not in text  # a date would make reruns differ


def test_json_is_node_link_and_reloads(tmp_path, seed_graph):
    [path] = write_json(seed_graph, tmp_path / "g.json")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="links", multigraph=True, directed=True)
    assert H.number_of_nodes() == seed_graph.number_of_nodes()
    assert H.number_of_edges() == seed_graph.number_of_edges()
    assert counts(networkx_store.load(path)) == counts(seed_graph)


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def test_csv_headers_for_neo4j_admin(tmp_path, seed_graph):
    G = seed_graph
    out = tmp_path / "csv"
    written = [Path(p) for p in write_csv(G, out)]
    names = {p.name for p in written}
    assert {"import.sh", "README.md"} <= names
    c = counts(G)
    keys_by_label = {}
    for label, n in c["nodes"].items():
        if not n:
            continue
        header, rows = _read_csv(out / f"nodes_{label}.csv")
        assert header[:2] == [f"key:ID({label})", ":LABEL"]
        assert "name" in header
        assert len(rows) == n and all(r[1] == label for r in rows)
        keys_by_label[label] = {r[0] for r in rows}
        assert len(keys_by_label[label]) == n  # ids unique within the label's id space
    total = 0
    for rel, ends in EDGE_ENDPOINTS.items():
        for start, end in ends:
            path = out / f"rels_{rel}_{start}.csv"
            if not path.exists():
                continue
            header, rows = _read_csv(path)
            assert header[:3] == [f":START_ID({start})", f":END_ID({end})", ":TYPE"]
            assert "line:int" in header and "sources:string[]" in header
            assert all(r[2] == rel for r in rows)
            assert all(r[0] in keys_by_label[start] and r[1] in keys_by_label[end] for r in rows)
            total += len(rows)
    assert total == G.number_of_edges()
    # AFFILIATED_WITH starts at two labels: two files, one id space each
    assert (out / "rels_AFFILIATED_WITH_Paper.csv").exists() and (out / "rels_AFFILIATED_WITH_Author.csv").exists()
    script = (out / "import.sh").read_text(encoding="utf-8")
    assert "database import full" in script and "--nodes=nodes_Paper.csv" in script
    for p in written:
        if p.suffix == ".csv":
            flag = "--nodes=" if p.name.startswith("nodes_") else "--relationships="
            assert f"{flag}{p.name}" in script
    assert "neo4j-admin database import full" in (out / "README.md").read_text(encoding="utf-8")


def test_csv_quotes_hostile_values_and_types_columns(tmp_path):
    out = tmp_path / "csv"
    write_csv(tiny_graph(), out)
    header, rows = _read_csv(out / "nodes_Paper.csv")
    names = {r[header.index("name")] for r in rows}
    assert 'Third, with "quotes", commas\nand a newline' in names and XSS_TITLE in names
    raw = (out / "nodes_Paper.csv").read_text(encoding="utf-8")
    assert '"Third, with ""quotes"", commas\nand a newline"' in raw  # doubled quotes, as neo4j-admin reads
    header, rows = _read_csv(out / "rels_AUTHORED_Author.csv")
    assert "position:int" in header
    header, rows = _read_csv(out / "rels_USES_Paper.csv")
    assert {r[header.index("sources:string[]")] for r in rows} == {"d1.txt:11;other.txt:7"}


def test_csv_refuses_a_file_as_folder(tmp_path):
    f = tmp_path / "taken"
    f.write_text("x")
    with pytest.raises(ExportError, match="needs a folder"):
        write_csv(tiny_graph(), f)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv", "html", "vosviewer"])
def test_every_format_is_deterministic(tmp_path, fmt):
    a = export(tiny_graph(), fmt, tmp_path / f"a.{fmt}")
    b = export(tiny_graph(reverse=True), fmt, tmp_path / f"b.{fmt}")
    assert [Path(p).name for p in a] == [Path(p).name.replace("b.", "a.", 1) if p.endswith(fmt) else Path(p).name
                                         for p in b]
    for pa, pb in zip(a, b):
        ta, tb = Path(pa).read_bytes(), Path(pb).read_bytes()
        if pa.endswith("README.md"):  # names its own folder
            ta, tb = ta.replace(b"a.csv", b"x"), tb.replace(b"b.csv", b"x")
        assert ta == tb, pa


def test_unknown_format_is_an_error(tmp_path):
    with pytest.raises(KgError, match="unknown export format"):
        export(tiny_graph(), "pdf", tmp_path / "x.pdf")


# --- HTML: safety -------------------------------------------------------------------------


def test_html_loads_nothing_from_anywhere(tmp_path):
    [path] = export(tiny_graph(), "html", tmp_path / "p.html")
    text = Path(path).read_text(encoding="utf-8")
    page = parse_page(text)
    for tag, attrs in page.tags:
        for attr in ("src", "href", "srcset", "action", "data", "poster", "background"):
            assert attr not in attrs, f"<{tag} {attr}=...> in the page"
    assert not [t for t, _ in page.tags if t in ("link", "iframe", "img", "object", "embed", "base")]
    assert [a.get("type") for t, a in page.tags if t == "script"] == ["application/json", None, None]
    for css in page.styles:
        assert "@import" not in css
        assert not re.search(r"url\(\s*(?!['\"]?data:)", css), "CSS url() that is not a data: URI"
    assert "vis-network" in page.scripts[1][:400]  # vis-network inlined from the pyvis package
    for cdn in ("cdn.jsdelivr", "cdnjs.cloudflare", "unpkg.com", "bootstrap", "tom-select"):
        assert cdn not in text.lower() or cdn == "bootstrap" and "bootstrap.min" not in text


def test_html_csp_allows_only_its_own_scripts(tmp_path):
    text = Path(export(tiny_graph(), "html", tmp_path / "p.html")[0]).read_text(encoding="utf-8")
    page = parse_page(text)
    meta = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    csp = meta[0]["content"]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
    for script in page.scripts[1:]:  # the executable ones
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_html_escapes_every_hostile_string(tmp_path):
    title = '</title><script>alert("t")</script>'
    [path] = kg_html.write_html(tiny_graph(), tmp_path / "p.html", title=title)
    text = Path(path).read_text(encoding="utf-8")
    for payload in (XSS_TITLE, XSS_AUTHOR, XSS_EVIDENCE, title, "<b>bold</b>"):
        assert payload not in text, payload
    assert text.count("</script") == 3  # only the page's own three script elements end
    page = parse_page(text)
    ours = text.replace(page.scripts[1], "")  # all but vis-network's own code
    assert "<img" not in ours and "<b>" not in ours
    assert sum(1 for t, _ in page.tags if t == "script") == 3  # data, vis-network, kg: nothing injected
    assert "&lt;/title&gt;&lt;script&gt;" in text  # heading and <title>, as text
    data = page_data(text)  # and the JSON still decodes to the exact strings
    names = {n["n"] for n in data["nodes"]}
    assert {XSS_TITLE, XSS_AUTHOR, "ETH Zurich & Co </script>"} <= names
    assert XSS_EVIDENCE in {e.get("e") for e in data["edges"]}
    assert data["title"] == title


@pytest.mark.parametrize("value, needle", [
    ("</script>", "\\u003c/script\\u003e"),
    ("<!--", "\\u003c!--"),
    ("a & b", "a \\u0026 b"),
    ("line\u2028sep\u2029", "line\\u2028sep\\u2029"),
])
def test_json_for_html_escapes(value, needle):
    out = json_for_html({"v": value})
    assert needle in out and "<" not in out and ">" not in out and "\u2028" not in out
    assert json.loads(out) == {"v": value}


# --- HTML: views, focus, min-degree --------------------------------------------------------


def _page(G, **opts):
    return page_data(kg_html.render_html(G, **opts))


def _kg_edges(data):
    ids = [n["k"] for n in data["nodes"]]
    types = [t["type"] for t in data["etypes"]]
    return sorted((ids[e["from"]], types[e["t"]], ids[e["to"]]) for e in data["edges"])


def test_full_view_has_the_whole_graph():
    G = tiny_graph()
    data = _page(G)
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    assert [n["k"] for n in data["nodes"]] == sorted(G.nodes)
    assert {t["label"]: t["count"] for t in data["types"]} == {k: v for k, v in counts(G)["nodes"].items() if v}
    assert data["physics"] is True and data["big"] is False


def test_coauthors_view_links_authors_by_shared_papers():
    data = _page(tiny_graph(), view="coauthors")
    assert sorted(n["k"] for n in data["nodes"]) == ["Author:a1", "Author:a2", "Author:a3"]
    assert _kg_edges(data) == [("Author:a1", "CO_AUTHOR", "Author:a2"), ("Author:a2", "CO_AUTHOR", "Author:a3")]
    e12 = next(e for e in data["edges"] if data["nodes"][e["from"]]["k"] == "Author:a1")
    assert [data["papers"][i][0] for i in e12["pp"]] == ["A <b>bold</b> study of GPT-4"]
    assert data["papers"][e12["pp"][0]][1] == "d1.txt:2"  # the paper's digest entry
    a3 = next(n for n in data["nodes"] if n["k"] == "Author:a3")
    assert sorted(data["papers"][i][0] for i, _ in a3["pp"]) == sorted([XSS_TITLE, 'Third, with "quotes", commas\nand a newline'])
    assert [t["undirected"] for t in data["etypes"]] == [True]  # co-authorship has no direction
    assert [e["w"] for e in data["edges"]] == [1, 1]  # one shared paper each


def test_institutions_view_links_institutions_directly():
    # institution-institution collaboration, without paper nodes in between (p2 names both)
    data = _page(tiny_graph(), view="institutions")
    assert sorted(n["k"] for n in data["nodes"]) == ["Institution:eth", "Institution:mit"]
    assert _kg_edges(data) == [("Institution:eth", "COLLABORATES", "Institution:mit")]
    assert [data["papers"][i][0] for i in data["edges"][0]["pp"]] == [XSS_TITLE]
    assert {n["k"]: n["w"] for n in data["nodes"]} == {"Institution:eth": 1, "Institution:mit": 2}  # papers


def test_models_datasets_view():
    data = _page(tiny_graph(), view="models-datasets")
    assert sorted(n["k"] for n in data["nodes"]) == ["Dataset:imagenet", "Model:bert", "Model:gpt-4"]
    assert _kg_edges(data) == [("Dataset:imagenet", "USED_WITH", "Model:gpt-4")]  # both in p1 (ends in id order)


def test_unknown_view_is_an_error():
    with pytest.raises(ExportError, match="unknown view"):
        kg_html.render_html(tiny_graph(), view="everything")


@pytest.mark.parametrize("focus, depth, expected", [
    ("GPT-4", 0, {"Model:gpt-4"}),
    ("gpt-4", 1, {"Model:gpt-4", "Paper:p1", "Paper:p2"}),  # case-insensitive name
    ("Model:gpt-4", 1, {"Model:gpt-4", "Paper:p1", "Paper:p2"}),  # node id
    ("Imagenet", 1, {"Dataset:imagenet", "Paper:p1", "Paper:p3"}),
    ("Bo Chen", 2, {"Author:a3", "Paper:p2", "Paper:p3", "Author:a2", "Institution:mit", "Institution:eth",
                    "Model:gpt-4", "Model:bert", "Category:LG", "Digest:d1.txt", "Digest:d2.txt",
                    "Dataset:imagenet"}),
])
def test_focus_and_depth(focus, depth, expected):
    data = _page(tiny_graph(), focus=focus, depth=depth)
    assert {n["k"] for n in data["nodes"]} == expected


def test_focus_node_is_marked_in_the_page():
    data = _page(tiny_graph(), focus="bert", depth=1)
    assert data["nodes"][data["focus"]]["k"] == "Model:bert"
    assert data["title"] == "Knowledge graph around BERT"
    assert _page(tiny_graph())["focus"] is None


@pytest.mark.parametrize("focus, message", [
    ("nobody", "no node named 'nobody' in the full view"),
    ("e", "'e' names .* nodes"),
    ("", "needs a node name"),
])
def test_focus_errors(focus, message):
    with pytest.raises(ExportError, match=message):
        kg_html.render_html(tiny_graph(), focus=focus)


def test_focus_in_a_projection_only_sees_that_view():
    with pytest.raises(ExportError, match="coauthors view"):
        kg_html.render_html(tiny_graph(), view="coauthors", focus="GPT-4")
    data = _page(tiny_graph(), view="coauthors", focus="Ann Lee")
    assert len(data["nodes"]) == 3


def test_min_degree_is_a_k_core():
    # nodes are left out until every node left has K links among those left
    G = tiny_graph()
    data = _page(G, min_degree=3)
    simple = nx.Graph(G)
    assert {n["k"] for n in data["nodes"]} == set(nx.k_core(simple, 3))
    ids = [n["k"] for n in data["nodes"]]
    links = {frozenset((ids[e["from"]], ids[e["to"]])) for e in data["edges"]}
    assert all(sum(1 for lk in links if n in lk) >= 3 for n in ids)
    # the focus node stays even below the threshold
    data = _page(G, focus="BERT", depth=1, min_degree=3)
    core = set(nx.k_core(simple, 3))
    assert "Model:bert" not in core
    assert {n["k"] for n in data["nodes"]} == {"Model:bert"} | ({"Paper:p2"} & core)


def test_negative_depth_and_degree_are_errors():
    with pytest.raises(ExportError):
        kg_html.select(tiny_graph(), "GPT-4", depth=-1)
    with pytest.raises(ExportError):
        kg_html.select(tiny_graph(), min_degree=-2)


# --- HTML: page data, layout, determinism ---------------------------------------------------


def test_page_data_describes_the_graph(seed_graph):
    data = _page(seed_graph)
    assert len(data["nodes"]) == seed_graph.number_of_nodes()
    assert len(data["edges"]) == seed_graph.number_of_edges()
    n = len(data["nodes"])
    assert all(0 <= e["from"] < n and 0 <= e["to"] < n for e in data["edges"])
    assert sorted(data["order"]) == list(range(n))
    assert all(e.get("s") for e in data["edges"])  # every edge carries its provenance
    paper_t = [t["label"] for t in data["types"]].index("Paper")
    papers = [x for x in data["nodes"] if x["t"] == paper_t]
    assert all(dict(x.get("i", [])).get("source") for x in papers)  # digest file:line of each paper
    assert sum(1 for x in data["nodes"] if x.get("h")) >= 12


def test_big_graphs_switch_physics_off_and_get_a_layout():
    G = synthetic_graph(1500, 6000, seed=3)
    data = _page(G)
    assert data["big"] is True and data["physics"] is False
    assert data["options"]["physics"] == {"enabled": False}
    xs = [n["x"] for n in data["nodes"]]
    ys = [n["y"] for n in data["nodes"]]
    assert len({(x, y) for x, y in zip(xs, ys)}) > 0.99 * len(xs)  # nodes do not pile up
    assert max(xs) - min(xs) > 500 and max(ys) - min(ys) > 500


def test_layout_is_deterministic_and_ignores_global_random_state():
    edges = [(i, (i * 7 + 3) % 60) for i in range(60)] + [(60, 61), (62, 63), (63, 64)]
    random.seed(1)
    a = kg_html.layout(66, edges)
    random.seed(2)
    b = kg_html.layout(66, edges)
    assert a == b
    assert len(set(a)) == 66


def test_render_html_is_deterministic(seed_graph):
    a = kg_html.render_html(seed_graph, view="full")
    b = kg_html.render_html(seed_graph, view="full")
    assert a == b


def test_missing_vis_network_is_a_clear_error(monkeypatch, tmp_path):
    import pyvis

    kg_render._vis_assets.cache_clear()
    monkeypatch.setattr(pyvis, "__file__", str(tmp_path / "pyvis" / "__init__.py"))
    try:
        with pytest.raises(ExportError, match="vis-network not found"):
            kg_html.render_html(tiny_graph())
    finally:
        kg_render._vis_assets.cache_clear()


# --- CLI ----------------------------------------------------------------------------------


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "tiny.kg.json"
    networkx_store.save(tiny_graph(), path)
    return path


def test_cli_export_html_views(tmp_path, graph_file):
    runner = CliRunner()
    for view in kg_html.VIEWS:
        out = tmp_path / f"{view}.html"
        r = runner.invoke(cli, ["export", str(graph_file), "--view", view, "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert f"wrote {out}" in r.stderr
        assert page_data(out.read_text(encoding="utf-8"))["view"] == view
    out = tmp_path / "focus.html"
    r = runner.invoke(cli, ["export", str(graph_file), "--focus", "GPT-4", "--depth", "1", "--min-degree", "1",
                            "--title", "Around GPT-4", "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["title"] == "Around GPT-4" and len(data["nodes"]) == 3


@pytest.mark.parametrize("args, code, message", [
    (["--focus", "nobody"], 1, "Error: no node named 'nobody'"),
    (["--format", "graphml", "--view", "coauthors"], 2, "--view applies only to --format html, png and vosviewer"),
    (["--format", "gexf", "--min-papers", "2"], 2, "--min-papers applies only"),
    (["--since", "May 2023"], 1, "--since must be a date like 2023-05"),
    (["--since", "2023-05", "--until", "2023-01"], 1, "--since 2023-05 is after --until 2023-01"),
    (["--depth", "-1", "--focus", "GPT-4"], 2, "Invalid value"),
])
def test_cli_export_errors(tmp_path, graph_file, args, code, message):
    r = CliRunner().invoke(cli, ["export", str(graph_file), "-o", str(tmp_path / "x.out"), *args])
    assert r.exit_code == code and message in r.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv", "vosviewer"])
def test_cli_export_formats(tmp_path, graph_file, fmt):
    out = tmp_path / f"g.{fmt}"
    r = CliRunner().invoke(cli, ["export", str(graph_file), "--format", fmt, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.exists()


@pytest.mark.neo4j
def test_csv_imports_with_the_real_neo4j_admin(tmp_path, seed_graph):
    """import.sh, unchanged, run against Neo4j's own import tool (org.neo4j.cli.AdminTool
    from the Maven classpath kg's Neo4j launcher builds; no server needed)."""
    import os
    import subprocess

    from kg.neo4j import server as neo4j_server

    missing = neo4j_server.missing_tools()
    if missing:
        reason = f"neo4j-admin's import tool needs {' and '.join(missing)}"
        if os.environ.get("KG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"{reason} (KG_REQUIRE_NEO4J=1)")
        pytest.skip(reason)
    classpath = neo4j_server.ensure_built()
    admin = tmp_path / "neo4j-admin"
    admin.write_text(f'#!/bin/sh\nexec "{neo4j_server.find_java()}" -Xmx1g -cp "{classpath}" org.neo4j.cli.AdminTool "$@"\n')
    admin.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    write_csv(tiny_graph(), tmp_path / "tiny")  # hostile values: quotes, commas, newlines
    write_csv(seed_graph, tmp_path / "seeds")
    for name, G in (("tiny", tiny_graph()), ("seeds", seed_graph)):
        proc = subprocess.run(["bash", str(tmp_path / name / "import.sh")], cwd=home, capture_output=True, text=True,
                              env=dict(os.environ, NEO4J_ADMIN=str(admin), NEO4J_HOME=str(home)), timeout=600)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        m = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", proc.stdout)
        assert m, proc.stdout[-2000:]
        assert (int(m.group(1)), int(m.group(2))) == (G.number_of_nodes(), G.number_of_edges())


# --- maps: weights, thresholds, clusters, time ----------------------------------------------


HOSTILE = "Evil\x1b[31m Corp\x07 \u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u2066open \x00end"


def dated_graph(dates: bool = True) -> nx.MultiDiGraph:
    """tiny_graph with paper and digest dates (as kg.graph writes them) and a hostile
    institution name: control characters, a right-to-left override, Hebrew, an open isolate."""
    G = tiny_graph()
    G.nodes["Institution:eth"]["name"] = HOSTILE
    if dates:
        for n, d in (("Paper:p1", "2023-01"), ("Paper:p2", "2023-06-15"), ("Paper:p3", "2024-02"),
                     ("Digest:d1.txt", "2023-06-15"), ("Digest:d2.txt", "2024-02-01")):
            G.nodes[n]["date"] = d
    return G


def test_association_strength_normalises_by_the_totals():
    # a1-a2 share p1, a2-a3 share p2; association = c * 2m / (s_i s_j) with 2m = 4
    count = _page(tiny_graph(), view="coauthors")
    assoc = _page(tiny_graph(), view="coauthors", weights="association")
    assert [e["w"] for e in count["edges"]] == [1, 1]
    assert [e["w"] for e in assoc["edges"]] == [2.0, 2.0] and [e["c"] for e in assoc["edges"]] == [1, 1]
    assert assoc["weights"] == "association"
    with pytest.raises(ExportError, match="unknown weights"):
        kg_html.render_html(tiny_graph(), view="coauthors", weights="cosine")
    with pytest.raises(ExportError, match="applies to the weighted views"):
        kg_html.render_html(tiny_graph(), view="full", weights="association")


def test_weights_reach_the_page_and_thresholds_apply():
    G = synthetic_graph(400, 1600, seed=5)
    data = _page(G, view="coauthors")
    ws = [e["w"] for e in data["edges"]]
    assert max(ws) > 1 and data["wmax"] == max(ws)
    heavy = _page(G, view="coauthors", min_weight=2)
    assert heavy["edges"] and all(e["w"] >= 2 for e in heavy["edges"])
    assert len(heavy["edges"]) == sum(1 for w in ws if w >= 2)
    busy = _page(G, view="coauthors", min_papers=3)
    assert busy["nodes"] and all(n["w"] >= 3 for n in busy["nodes"])
    # node size grows with papers without a cap
    sizes = {n["w"]: n["size"] for n in data["nodes"]}
    ordered = [sizes[w] for w in sorted(sizes)]
    assert ordered == sorted(ordered) and len(set(ordered)) == len(ordered)


def test_sizes_have_no_cap():
    from kg.export.page import _size

    assert _size(850, True) > _size(400, True) > _size(283, True)
    assert _size(850, False) > _size(400, False)


def test_labels_go_by_weighted_degree():
    data = _page(synthetic_graph(400, 1600, seed=5), view="coauthors")
    first = [data["nodes"][i]["s"] for i in data["order"][:20]]
    assert first == sorted(first, reverse=True)


def test_clusters_are_named_and_sized():
    G = synthetic_graph(600, 2400, seed=9)
    data = _page(G, view="coauthors")
    cs = data["clusters"]
    assert len(cs) > 2 and sum(c["size"] for c in cs) == len(data["nodes"])
    assert [c["size"] for c in cs] == sorted((c["size"] for c in cs), reverse=True)
    for k, c in enumerate(cs[:5]):
        members = sorted((n for n in data["nodes"] if n["c"] == k), key=lambda n: (-n["s"], n["n"]))
        assert c["name"].startswith(members[0]["n"])  # named by its heaviest members
        assert c["r"] > 0
    multi = [c for c in cs[:20] if c["size"] > 1]
    assert len({c["color"] for c in multi}) == len(multi)  # one colour per cluster (loners grey)
    assert all(c["color"] == "#c7c7cc" for c in cs if c["size"] == 1)
    assert data["colorBy"] == "cluster" and data["overview"] is False
    # a higher resolution gives more clusters; the same options give the same page
    assert len(_page(G, view="coauthors", resolution=3.0)["clusters"]) > len(cs)
    assert _page(G, view="coauthors") == data
    with pytest.raises(ExportError, match="--resolution"):
        kg_html.render_html(G, view="coauthors", resolution=0)


def test_big_maps_open_on_the_cluster_map():
    data = _page(synthetic_graph(5200, 15000, seed=2), view="full")
    assert data["overview"] is True and data["colorBy"] == "cluster"
    assert data["clusterLinks"] and all(a < b for a, b, _ in data["clusterLinks"])
    # the layout keeps clusters together: a cluster's nodes sit inside its disc mostly
    c0 = data["clusters"][0]
    inside = [math.hypot(n["x"] - c0["x"], n["y"] - c0["y"]) <= c0["r"] + 1 for n in data["nodes"] if n["c"] == 0]
    assert sum(inside) >= 0.85 * len(inside)


def test_time_reaches_the_page():
    data = _page(dated_graph(), view="coauthors")
    assert data["periodText"] == ["2023-01", "2024-02"]
    by = {n["k"]: n for n in data["nodes"]}
    assert (by["Author:a3"]["f"], by["Author:a3"]["l"]) == (2023 * 12 + 5, 2024 * 12 + 1)  # p2 and p3
    assert by["Author:a1"]["f"] == by["Author:a1"]["l"] == 2023 * 12  # p1 only
    e = next(e for e in data["edges"] if {data["nodes"][e["from"]]["k"], data["nodes"][e["to"]]["k"]} == {"Author:a2", "Author:a3"})
    assert e["f"] == e["l"] == 2023 * 12 + 5
    undated = _page(dated_graph(dates=False), view="coauthors")
    assert undated["period"] is None and all("f" not in n for n in undated["nodes"])


@pytest.mark.parametrize("since, until, papers", [
    ("2023-06", None, {"Paper:p2", "Paper:p3"}),
    (None, "2023-06-30", {"Paper:p1", "Paper:p2"}),
    ("2024-01", "2024-12", {"Paper:p3"}),
])
def test_since_until(since, until, papers):
    from kg.export.views import restrict_period

    P = restrict_period(dated_graph(), since, until)
    assert {n for n in P if n.startswith("Paper:")} == papers
    for n in P:  # every other node kept has a paper in the period
        if not n.startswith(("Paper:", "Digest:")):
            assert any(p in papers for p in set(P.successors(n)) | set(P.predecessors(n)))
    assert restrict_period(dated_graph(dates=False), since, until).number_of_nodes() == 0
    assert restrict_period(dated_graph(), None, None) is not None


def test_cli_since_until_applies_to_every_format(tmp_path):
    path = tmp_path / "dated.kg.json"
    networkx_store.save(dated_graph(), path)
    out = tmp_path / "g.graphml"
    r = CliRunner().invoke(cli, ["export", str(path), "--format", "graphml", "--since", "2024-01", "-o", str(out)])
    assert r.exit_code == 0, r.output
    H = nx.read_graphml(out, force_multigraph=True)
    assert {n for n in H if n.startswith("Paper:")} == {"Paper:p3"}


# --- exports that open cleanly ----------------------------------------------------------------


def _xml_ok(path):
    import xml.etree.ElementTree as ET  # a strict XML 1.0 parser

    ET.parse(path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "vosviewer", "html"])
def test_every_export_reads_back_with_hostile_names(tmp_path, fmt):
    G = dated_graph()
    for n in list(G)[:6]:  # control characters and bidi controls in names, keys and evidence
        G.nodes[n]["name"] = G.nodes[n]["name"] + " \x1b\x07\u202e\u2067"
    for u, v, k in list(G.edges(keys=True))[:5]:
        G.edges[u, v, k]["evidence"] = "ev\x1b[0m\x08 \u202d"
    [path] = export(G, fmt, tmp_path / f"g.{fmt}")
    text = Path(path).read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text), "a control character reached the file"
    if fmt == "graphml":
        _xml_ok(path)
        H = nx.read_graphml(path, force_multigraph=True)
        assert H.number_of_nodes() == G.number_of_nodes()
        assert {d["type"] for _, d in H.nodes(data=True)} == {d["label"] for _, d in G.nodes(data=True)}
    elif fmt == "gexf":
        _xml_ok(path)
        H = nx.read_gexf(path)
        assert H.number_of_nodes() == G.number_of_nodes()
        eth = H.nodes["Institution:eth"]["label"]
        assert eth.startswith("\u2068") and eth.endswith("\u2069")  # right-to-left name isolated
    elif fmt == "json":
        assert networkx_store.from_data(json.loads(text)).number_of_nodes() == G.number_of_nodes()
    elif fmt == "vosviewer":
        validate_vosviewer(json.loads(text))
    else:
        data = page_data(text)
        names = [n["n"] for n in data["nodes"]]
        assert all(n.count("\u2068") + n.count("\u2067") + n.count("\u2066") == n.count("\u2069") for n in names)


def test_isolate_bidi_balances_and_isolates():
    from kg.export._common import isolate_bidi

    assert isolate_bidi("plain name") == "plain name"
    assert isolate_bidi("\u05e9\u05dc\u05d5\u05dd") == "\u2068\u05e9\u05dc\u05d5\u05dd\u2069"
    # an open override and a stray closer: closed inside, the closer dropped
    assert isolate_bidi("a\u202eb\u2069") == "\u2068a\u202eb\u202c\u2069"
    assert isolate_bidi("\u2067x") == "\u2068\u2067x\u2069\u2069"


def test_gexf_has_names_types_and_start_dates(tmp_path):
    [path] = write_gexf(dated_graph(), tmp_path / "g.gexf")
    text = Path(path).read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    H = nx.read_gexf(path)
    assert H.nodes["Paper:p2"]["start"] == "2023-06-15" and H.nodes["Paper:p1"]["start"] == "2023-01-01"
    assert H.nodes["Author:a3"]["start"] == "2023-06-15"  # its first paper
    assert H.nodes["Model:gpt-4"]["label"] == "GPT-4" and H.nodes["Model:gpt-4"]["type"] == "Model"
    starts = {(u, v, d["kg_type"]): d.get("start") for u, v, d in H.edges(data=True)}
    assert starts[("Author:a3", "Paper:p3", "AUTHORED")] == "2024-02-01"
    undated = Path(write_gexf(tiny_graph(), tmp_path / "u.gexf")[0]).read_text(encoding="utf-8")
    assert "start=" not in undated


def validate_vosviewer(doc: dict) -> None:
    """VOSviewer's documented JSON file type
    (https://app.vosviewer.com/docs/file-types/json-file-type/): the attributes, their
    types and ranges, and links between existing items."""
    assert set(doc) <= {"network", "config", "info"}
    net = doc["network"]
    assert set(net) <= {"items", "links", "clusters"}
    number = (int, float)
    ids = set()
    for item in net["items"]:
        assert set(item) <= {"id", "label", "description", "url", "x", "y", "cluster", "weights", "scores"}
        assert isinstance(item["id"], (str, int)) and item["id"] not in ids
        ids.add(item["id"])
        assert isinstance(item["label"], str)
        assert isinstance(item["x"], number) and isinstance(item["y"], number)
        assert isinstance(item["cluster"], int) and 1 <= item["cluster"] <= 1000
        for k, v in item.get("weights", {}).items():
            assert isinstance(k, str) and isinstance(v, number) and v >= 0
        for k, v in item.get("scores", {}).items():
            assert isinstance(k, str) and isinstance(v, number)
        if "url" in item:
            assert re.match(r"^https?://", item["url"])
    for link in net["links"]:
        assert set(link) <= {"source_id", "target_id", "strength"}
        assert link["source_id"] in ids and link["target_id"] in ids
        assert isinstance(link["strength"], number) and link["strength"] >= 0
    for c in net.get("clusters", []):
        assert set(c) <= {"cluster", "label"} and 1 <= c["cluster"] <= 1000 and isinstance(c["label"], str)


def test_vosviewer_json_follows_the_documented_format(tmp_path):
    from kg.export.vosviewer import vosviewer_data

    doc = vosviewer_data(synthetic_graph(600, 2400, seed=9), view="coauthors", weights="association")
    validate_vosviewer(doc)
    items = doc["network"]["items"]
    assert len({i["cluster"] for i in items}) > 2
    assert all(set(i["weights"]) == {"Links", "Total link strength", "Documents"} for i in items)
    dated = vosviewer_data(dated_graph(), view="coauthors")
    validate_vosviewer(dated)
    years = {i["label"]: i["scores"]["Avg. pub. year"] for i in dated["network"]["items"]}
    assert years["Ann Lee"] == round((2023 * 12 + (2023 * 12 + 5)) / 2 / 12, 2)
    r = CliRunner().invoke(cli, ["export", str(tmp_path / "x.kg.json"), "--format", "vosviewer", "-o", str(tmp_path / "v.json")])
    assert r.exit_code == 1  # no such graph file: a one-line error
    assert "Traceback" not in r.output


def test_analyze_and_export_pick_the_same_node(seed_graph):
    from kg import analytics

    for query in ("bengio", "Y Bengio", "eth zurich", "Author:y bengio"):
        assert kg_html.find_node(seed_graph, query) == analytics.find_node(seed_graph, query)


def test_page_links_are_http_only():
    from kg.export.page import _paper_links, _safe_url

    assert _safe_url("https://arxiv.org/abs/2401.00001") and _safe_url("http://x.org/a")
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.org", "https://a b", "file:///etc/passwd"):
        assert _safe_url(bad) is None
    assert _paper_links({"arxiv_id": "2401.00001"}) == [["arXiv", "https://arxiv.org/abs/2401.00001"]]
    assert _paper_links({"arxiv_id": "\"><x>", "url": "javascript:1"}) == []


def test_color_by_sets_how_the_page_opens(tmp_path):
    assert _page(tiny_graph(), view="full")["colorBy"] == "type"
    assert _page(tiny_graph(), view="coauthors")["colorBy"] == "cluster"
    assert _page(tiny_graph(), view="full", color_by="cluster")["colorBy"] == "cluster"
    assert _page(dated_graph(), view="coauthors", color_by="time")["colorBy"] == "time"
    with pytest.raises(ExportError, match="needs dated papers"):
        kg_html.render_html(tiny_graph(), view="coauthors", color_by="time")
    path = tmp_path / "t.kg.json"
    networkx_store.save(tiny_graph(), path)
    r = CliRunner().invoke(cli, ["export", str(path), "--color-by", "time", "-o", str(tmp_path / "t.html")])
    assert r.exit_code == 1 and "Error: --color-by time needs dated papers" in r.output
    r = CliRunner().invoke(cli, ["export", str(path), "--format", "gexf", "--color-by", "type", "-o", str(tmp_path / "t.gexf")])
    assert r.exit_code == 2 and "--color-by applies only" in r.output


def test_full_view_names_entities_before_digests_and_categories():
    # digests and categories link to every paper of a day or field; their file names and
    # codes must not be the first labels a reader sees, nor name the clusters
    data = _page(synthetic_graph(1200, 5000, seed=3), view="full")
    labels = [t["label"] for t in data["types"]]
    first = [labels[data["nodes"][i]["t"]] for i in data["order"][:40]]
    assert set(first) <= {"Model", "Dataset", "Institution", "Author"}
    for c in data["clusters"][:5]:
        assert not re.search(r"digest_\d+\.txt", c["name"])
