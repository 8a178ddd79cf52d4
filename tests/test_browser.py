"""The exported HTML pages in a real browser: headless Chromium, offline, driven over the
DevTools protocol (tests/browser.py). Each page must draw (a canvas with pixels on it,
as many nodes in its data as the graph has), log no console error, ask for no URL but
its own file, and show hostile names as text without running them.

Needs Debian's chromium; skipped without it unless KG_REQUIRE_BROWSER=1."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kg.export import html as kg_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import synthetic_graph  # noqa: E402  (bench/synthetic.py: test and benchmark data)
from test_export import SEEDS, XSS_AUTHOR, XSS_EVIDENCE, XSS_TITLE, tiny_graph

pytestmark = pytest.mark.browser

PIXELS = """(function () {
  var c = document.querySelector('#kg-graph canvas');
  var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
  for (var i = 3; i < d.length; i += 16) if (d[i] > 0) n++;
  return n;
})()"""


def assert_clean(page):
    assert page.ready_ms is not None, f"the page never drew: {page.errors}"
    assert page.errors == []
    assert page.remote_requests == []
    assert all(u.startswith("file://") for u in page.requests), page.requests
    assert page.dialogs == []


def node_index(chromium, kg_id: str) -> int:
    i = chromium.evaluate(f"kg.data.nodes.findIndex(function (n) {{ return n.k === {json.dumps(kg_id)}; }})")
    assert i >= 0, kg_id
    return i


def node_point(chromium, i: int) -> tuple[float, float]:
    x, y = chromium.evaluate(f"""(function () {{
      var d = kg.network.canvasToDOM(kg.network.getPosition({i}));
      var r = document.getElementById('kg-graph').getBoundingClientRect();
      return [d.x + r.left, d.y + r.top];
    }})()""")
    return x, y


def mouse(chromium, kind: str, x: float, y: float) -> None:
    params = {"type": kind, "x": x, "y": y, "button": "left" if kind != "mouseMoved" else "none",
              "clickCount": 1 if kind != "mouseMoved" else 0}
    chromium.page("Input.dispatchMouseEvent", params)


@pytest.fixture(scope="module")
def seed_graph():
    from kg.pipeline import build_graph

    return build_graph([str(SEEDS)])


@pytest.mark.parametrize("view", kg_html.VIEWS)
def test_seed_pages_draw_offline(chromium, tmp_path, seed_graph, view):
    [path] = kg_html.write_html(seed_graph, tmp_path / f"{view}.html", view=view)
    page = chromium.open(path)
    assert_clean(page)
    expected = kg_html.select(kg_html.view_graph(seed_graph, view)).number_of_nodes()
    assert chromium.evaluate("kg.data.nodes.length") == expected
    assert chromium.evaluate("kg.nodes.length") == expected  # and vis-network holds them all
    assert chromium.evaluate("document.querySelectorAll('#kg-graph canvas').length") == 1
    assert chromium.evaluate(PIXELS) > 500
    assert chromium.evaluate("document.querySelectorAll('#kg-node-types li').length") >= 1  # legend


def test_hostile_names_show_as_text_and_run_nothing(chromium, tmp_path):
    title = '<img src=x onerror="window.kgPwned=4;alert(4)">'
    [path] = kg_html.write_html(tiny_graph(), tmp_path / "xss.html", title=title)
    page = chromium.open(path)
    assert_clean(page)
    assert chromium.evaluate("document.title") == title
    assert chromium.evaluate("document.getElementById('kg-title').textContent") == title

    # every way a name reaches the DOM: tooltip card, details panel, search results
    p2, a1 = node_index(chromium, "Paper:p2"), node_index(chromium, "Author:a1")
    assert XSS_TITLE in chromium.evaluate(f"kg.nodeText({p2})")
    assert XSS_AUTHOR in chromium.evaluate(f"kg.nodeText({a1})")
    eth = chromium.evaluate("kg.data.edges.findIndex(function (e) { return e.e && e.e.indexOf('kgPwned=3') >= 0; })")
    assert XSS_EVIDENCE in chromium.evaluate(f"kg.edgeText({eth})")
    chromium.evaluate(f"kg.select({a1})")
    assert XSS_AUTHOR in chromium.evaluate("document.getElementById('kg-details-body').textContent")
    chromium.evaluate("document.getElementById('kg-search').focus()")
    chromium.page("Input.insertText", {"text": "onerror"})
    results = chromium.evaluate("Array.from(document.querySelectorAll('#kg-results .kg-res-name')).map(function (x) { return x.textContent; })")
    assert results == [XSS_TITLE]
    # a real hover over the hostile paper opens the tooltip
    chromium.evaluate("document.getElementById('kg-search').blur(); kg.select(null)")
    x, y = node_point(chromium, p2)
    mouse(chromium, "mouseMoved", x, y)
    chromium.evaluate("new Promise(function (r) { setTimeout(r, 300); })")
    assert XSS_TITLE in chromium.evaluate("document.getElementById('kg-tooltip').textContent")

    assert chromium.evaluate("typeof window.kgPwned") == "undefined"
    assert chromium.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert chromium.evaluate("document.scripts.length") == 3
    assert chromium.result.dialogs == [] and chromium.result.errors == []
    assert chromium.result.remote_requests == []


def test_search_centres_and_selects_a_node(chromium, tmp_path):
    [path] = kg_html.write_html(tiny_graph(), tmp_path / "search.html")
    assert_clean(chromium.open(path))
    chromium.evaluate("document.getElementById('kg-search').focus()")
    chromium.page("Input.insertText", {"text": "imagen"})
    assert chromium.evaluate("document.querySelectorAll('#kg-results li').length") == 1
    chromium.page("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Enter", "code": "Enter",
                                             "windowsVirtualKeyCode": 13})
    chromium.evaluate("new Promise(function (r) { setTimeout(r, 700); })")  # the focus animation
    i = node_index(chromium, "Dataset:imagenet")
    assert chromium.evaluate("kg.network.getSelectedNodes()") == [i]
    assert chromium.evaluate("document.getElementById('kg-details').hidden") is False
    # centred: the node sits in the middle of the canvas
    x, y = chromium.evaluate(f"(function () {{ var d = kg.network.canvasToDOM(kg.network.getPosition({i})); return [d.x, d.y]; }})()")
    w, h = chromium.evaluate("[document.getElementById('kg-graph').clientWidth, document.getElementById('kg-graph').clientHeight]")
    assert abs(x - w / 2) < 5 and abs(y - h / 2) < 5
    assert chromium.result.errors == []


def test_click_highlights_the_neighbourhood_and_legend_filters(chromium, tmp_path):
    [path] = kg_html.write_html(tiny_graph(), tmp_path / "click.html")
    assert_clean(chromium.open(path))
    gpt = node_index(chromium, "Model:gpt-4")
    before = chromium.evaluate(PIXELS)
    x, y = node_point(chromium, gpt)
    mouse(chromium, "mouseMoved", x, y)
    mouse(chromium, "mousePressed", x, y)
    mouse(chromium, "mouseReleased", x, y)
    chromium.evaluate("new Promise(function (r) { setTimeout(r, 400); })")
    assert chromium.evaluate("kg.network.getSelectedNodes()") == [gpt]
    details = chromium.evaluate("document.getElementById('kg-details-body').textContent")
    assert "GPT-4" in details and "proposed in" in details and "used in" in details and "d1.txt:5" in details
    assert chromium.evaluate(PIXELS) != before  # the rest is dimmed
    # hide the papers from the legend: their nodes are hidden in vis-network too
    papers = chromium.evaluate("kg.data.types.findIndex(function (t) { return t.label === 'Paper'; })")
    chromium.evaluate(f"document.querySelectorAll('#kg-node-types li')[{papers}].click()")
    assert chromium.evaluate("kg.nodes.get({filter: function (n) { return n.hidden; }}).length") == 3
    chromium.evaluate(f"document.querySelectorAll('#kg-node-types li')[{papers}].click()")
    assert chromium.evaluate("kg.nodes.get({filter: function (n) { return n.hidden; }}).length") == 0
    assert chromium.result.errors == []


def test_big_graph_draws_without_physics(chromium, tmp_path):
    G = synthetic_graph(3000, 15000, seed=5)
    [path] = kg_html.write_html(G, tmp_path / "big.html")
    page = chromium.open(path, timeout=90)
    assert_clean(page)
    assert chromium.evaluate("kg.data.nodes.length") == 3000
    assert chromium.evaluate("kg.data.physics") is False
    assert chromium.evaluate("kg.edges.length") == 0  # edges are drawn by kg's own canvas layer
    assert chromium.evaluate(PIXELS) > 2000
    # an edge under the mouse gets its tooltip from kg's hit test: centre the view on the
    # middle of the longest edge (between clusters, away from nodes) and point there
    chromium.evaluate("""(function () {
      var best = null, len = -1;
      kg.data.edges.forEach(function (e) {
        var a = kg.data.nodes[e.from], b = kg.data.nodes[e.to], l = Math.hypot(a.x - b.x, a.y - b.y);
        if (l > len) { len = l; best = e; }
      });
      var a = kg.data.nodes[best.from], b = kg.data.nodes[best.to];
      kg.network.moveTo({position: {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}, scale: 1.5, animation: false});
      window.kgLongest = best.id;
    })()""")
    r = chromium.evaluate("(function () { var r = document.getElementById('kg-graph').getBoundingClientRect(); "
                          "return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    mouse(chromium, "mouseMoved", r[0] + 1, r[1] + 1)
    chromium.evaluate("new Promise(function (r) { setTimeout(r, 300); })")
    tip = chromium.evaluate("document.getElementById('kg-tooltip').textContent")
    assert " \u2192 " in tip and "Seen at" in tip  # an edge card (that edge, or one crossing it)
    assert page.ready_ms < 20000  # generous: the benchmark, not this test, tracks speed


def test_the_checks_themselves_catch_remote_requests_and_dialogs(chromium, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><title>x</title><script src="https://cdn.example.invalid/x.js"></script>'
                   '<script>window.kgReady = performance.now(); alert("hi");</script>', encoding="utf-8")
    page = chromium.open(bad)
    assert page.remote_requests == ["https://cdn.example.invalid/x.js"]
    assert page.dialogs == ["hi"]
    assert page.errors  # the blocked load is logged


# --- maps: clusters, weights, thresholds, the period slider, saving pictures ---------------


def wait(chromium, ms: int) -> None:
    chromium.evaluate(f"new Promise(function (r) {{ setTimeout(r, {ms}); }})")


@pytest.fixture(scope="module")
def coauthor_graph():
    return synthetic_graph(600, 2400, seed=9)


def test_clusters_colour_the_map_and_the_legend_focuses_one(chromium, tmp_path, coauthor_graph):
    [path] = kg_html.write_html(coauthor_graph, tmp_path / "co.html", view="coauthors")
    assert_clean(chromium.open(path))
    assert chromium.evaluate("kg.scene()") == "all"
    items = chromium.evaluate("document.querySelectorAll('#kg-clusters li[data-k]').length")
    assert items >= 3
    first = chromium.evaluate("document.querySelector('#kg-clusters li[data-k]').textContent")
    assert first.startswith(chromium.evaluate("kg.data.clusters[0].name"))
    # nodes are coloured by their cluster
    colours = chromium.evaluate("kg.data.nodes.slice(0, 300).map(function (n, i) { return kg.nodeColor(i) === kg.data.clusters[n.c].color; })")
    assert all(colours)
    before = chromium.evaluate(PIXELS)
    chromium.evaluate("document.querySelector('#kg-clusters li[data-k]').click()")
    wait(chromium, 100)
    assert chromium.evaluate("kg.focusCluster()") == 0
    assert chromium.evaluate("document.querySelector('#kg-clusters li.kg-current').dataset.k") == "0"
    assert chromium.evaluate(PIXELS) != before  # the rest is dimmed, the view fits the cluster
    # colour by type and back
    chromium.evaluate("var s = document.getElementById('kg-color-by'); s.value = 'type'; s.dispatchEvent(new Event('change'))")
    assert chromium.evaluate("kg.nodeColor(0)") == chromium.evaluate("kg.data.types[kg.data.nodes[0].t].color")
    assert chromium.result.errors == []


def test_weights_set_link_width(chromium, tmp_path, coauthor_graph):
    [path] = kg_html.write_html(coauthor_graph, tmp_path / "w.html", view="coauthors")
    assert_clean(chromium.open(path))
    pairs = chromium.evaluate("kg.edges.get().map(function (e) { return [kg.data.edges[e.id].w, e.width]; })")
    assert len({w for _, w in pairs}) > 1
    light = max(width for w, width in pairs if w == 1)
    heavy = min(width for w, width in pairs if w == max(x for x, _ in pairs))
    assert heavy > light


def test_big_map_links_are_drawn_by_weight_class(chromium, tmp_path):
    G = synthetic_graph(2000, 8000, seed=4)
    [path] = kg_html.write_html(G, tmp_path / "bigco.html", view="coauthors")
    assert_clean(chromium.open(path, timeout=90))
    assert chromium.evaluate("kg.data.big") is True and chromium.evaluate("kg.edges.length") == 0
    # the same map with only the heavy links draws fewer link pixels
    full = chromium.evaluate(PIXELS)
    chromium.evaluate("kg.setMinWeight(2)")
    wait(chromium, 50)
    assert chromium.evaluate(PIXELS) < full


def test_thresholds_from_the_command_line_and_in_the_page(chromium, tmp_path, coauthor_graph):
    [path] = kg_html.write_html(coauthor_graph, tmp_path / "t.html", view="coauthors", min_weight=2, min_papers=2)
    assert_clean(chromium.open(path))
    assert chromium.evaluate("kg.data.edges.every(function (e) { return e.w >= 2; })")
    assert chromium.evaluate("kg.data.nodes.every(function (n) { return n.w >= 2; })")
    [path] = kg_html.write_html(coauthor_graph, tmp_path / "t2.html", view="coauthors")
    assert_clean(chromium.open(path))
    total = chromium.evaluate("kg.visibleEdges()")
    heavy = chromium.evaluate("kg.data.edges.filter(function (e) { return e.w >= 2; }).length")
    # the page's own slider: an input event on the range control
    chromium.evaluate("var r = document.getElementById('kg-min-weight'); r.value = '2'; r.dispatchEvent(new Event('input'))")
    assert chromium.evaluate("kg.visibleEdges()") == heavy < total
    assert chromium.evaluate("document.getElementById('kg-min-weight-text').textContent") == "2"
    assert chromium.evaluate("kg.edges.get({filter: function (e) { return e.hidden; }}).length") == total - heavy


def test_period_slider_shows_the_graph_within_a_period(chromium, tmp_path):
    from test_export import dated_graph

    [path] = kg_html.write_html(dated_graph(), tmp_path / "time.html", view="coauthors")
    assert_clean(chromium.open(path))
    assert chromium.evaluate("document.getElementById('kg-period').hidden") is False
    assert chromium.evaluate("kg.visible()") == 3
    # up to 2023-03: only p1's authors (a1, a2) and their link
    chromium.evaluate(f"var r = document.getElementById('kg-to'); r.value = '{2023 * 12 + 2}'; r.dispatchEvent(new Event('input'))")
    assert chromium.evaluate("kg.visible()") == 2 and chromium.evaluate("kg.visibleEdges()") == 1
    assert chromium.evaluate("document.getElementById('kg-period-text').textContent") == "2023-01 to 2023-03"
    # within 2024: only a3 (p3)
    chromium.evaluate(f"kg.setPeriod({2024 * 12}, {2024 * 12 + 11})")
    assert chromium.evaluate("kg.visible()") == 1 and chromium.evaluate("kg.visibleEdges()") == 0
    # the overlay colours by mean date
    chromium.evaluate("var s = document.getElementById('kg-color-by'); s.value = 'time'; s.dispatchEvent(new Event('change'))")
    assert chromium.evaluate("document.getElementById('kg-time-legend').hidden") is False
    colours = chromium.evaluate("[0, 1, 2].map(kg.nodeColor)")
    assert colours[0] != colours[2]  # a1 (2023-01) and a3 (2023-06 and 2024-02)
    assert chromium.result.errors == []


def test_undated_maps_hide_the_slider(chromium, tmp_path):
    [path] = kg_html.write_html(tiny_graph(), tmp_path / "undated.html", view="coauthors")
    assert_clean(chromium.open(path))
    assert chromium.evaluate("document.getElementById('kg-period').hidden") is True
    assert chromium.evaluate("document.querySelector('#kg-color-by option[value=time]').disabled") is True


def test_save_buttons_download_png_and_svg(chromium, tmp_path, coauthor_graph):
    import xml.etree.ElementTree as ET

    [path] = kg_html.write_html(coauthor_graph, tmp_path / "save.html", view="coauthors")
    assert_clean(chromium.open(path))
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    chromium.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    chromium.evaluate("document.getElementById('kg-save-png').click()")
    chromium.evaluate("document.getElementById('kg-save-svg').click()")
    for _ in range(100):
        if (downloads / "coauthors.png").exists() and (downloads / "coauthors.svg").exists():
            break
        wait(chromium, 100)
    png = (downloads / "coauthors.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    svg = ET.parse(downloads / "coauthors.svg").getroot()
    assert svg.tag.endswith("svg")
    assert len(svg.findall("{http://www.w3.org/2000/svg}circle")) == chromium.evaluate("kg.visible()")
    assert len(svg.findall("{http://www.w3.org/2000/svg}text")) >= 10  # the labels on screen
    assert chromium.result.errors == [] and chromium.result.remote_requests == []


def test_links_in_the_panel_are_safe(chromium, tmp_path):
    G = tiny_graph()
    G.nodes["Paper:p1"]["url"] = "https://arxiv.org/abs/2401.00001"
    G.nodes["Paper:p2"]["url"] = "javascript:window.kgPwned=9"
    [path] = kg_html.write_html(G, tmp_path / "links.html")
    assert_clean(chromium.open(path))
    p1, p2 = node_index(chromium, "Paper:p1"), node_index(chromium, "Paper:p2")
    chromium.evaluate(f"kg.select({p1})")
    links = chromium.evaluate("Array.from(document.querySelectorAll('#kg-details a')).map(function (a) { return [a.href, a.rel, a.target]; })")
    assert links == [["https://arxiv.org/abs/2401.00001", "noopener noreferrer", "_blank"]]
    chromium.evaluate(f"kg.select({p2})")
    assert chromium.evaluate("document.querySelectorAll('#kg-details a').length") == 0


def test_right_to_left_names_are_isolated(chromium, tmp_path):
    from test_export import HOSTILE, dated_graph

    [path] = kg_html.write_html(dated_graph(), tmp_path / "bidi.html", view="institutions")
    assert_clean(chromium.open(path))
    eth = node_index(chromium, "Institution:eth")
    name = chromium.evaluate(f"kg.data.nodes[{eth}].n")
    assert name[0] == "\u2068" and name[-1] == "\u2069" and HOSTILE in name  # isolated, otherwise as written
    chromium.evaluate(f"kg.select({eth})")
    assert chromium.evaluate("getComputedStyle(document.querySelector('#kg-details .kg-card-head .kg-name')).unicodeBidi") == "isolate"
    assert HOSTILE in chromium.evaluate("document.getElementById('kg-details-body').textContent")


def test_big_maps_open_on_the_cluster_map_and_a_click_opens_a_cluster(chromium, tmp_path):
    G = synthetic_graph(6000, 20000, seed=2)
    [path] = kg_html.write_html(G, tmp_path / "overview.html", view="full")
    page = chromium.open(path, timeout=120)
    assert_clean(page)
    assert chromium.evaluate("kg.scene()") == "map"
    n_map = chromium.evaluate("kg.nodes.length")
    assert 1 < n_map < 6000
    assert chromium.evaluate(PIXELS) > 2000
    assert "click one to open it" in chromium.evaluate("document.getElementById('kg-count').textContent")
    # a real click on the biggest cluster's disc opens it
    x, y = chromium.evaluate("""(function () {
      var d = kg.network.canvasToDOM({x: kg.data.clusters[0].x, y: kg.data.clusters[0].y});
      var r = document.getElementById('kg-graph').getBoundingClientRect();
      return [d.x + r.left, d.y + r.top];
    })()""")
    mouse(chromium, "mouseMoved", x, y)
    mouse(chromium, "mousePressed", x, y)
    mouse(chromium, "mouseReleased", x, y)
    wait(chromium, 300)
    assert chromium.evaluate("kg.scene()") == 0
    assert chromium.evaluate("kg.nodes.length") == chromium.evaluate("kg.data.clusters[0].size")
    assert chromium.evaluate("document.getElementById('kg-back').hidden") is False
    chromium.evaluate("document.getElementById('kg-back').click()")
    assert chromium.evaluate("kg.scene()") == "map" and chromium.evaluate("kg.nodes.length") == n_map
    # every node at once (maps up to 50,000 nodes offer it)
    chromium.evaluate("document.getElementById('kg-all').click()")
    assert chromium.evaluate("kg.scene()") == "all" and chromium.evaluate("kg.nodes.length") == 6000
    assert chromium.evaluate("document.getElementById('kg-all').hidden") is True
    assert chromium.evaluate(PIXELS) > 2000
    chromium.evaluate("document.getElementById('kg-back').click()")
    # from the cluster map, search finds a node anywhere and opens its cluster
    chromium.evaluate("kg.choose(kg.data.nodes.length - 1)")
    assert chromium.evaluate("kg.scene()") == chromium.evaluate("kg.data.nodes[kg.data.nodes.length - 1].c")
    assert chromium.result.errors == []


def test_export_png_renders_the_map(tmp_path, coauthor_graph):
    from kg.export.png import find_chromium

    if not find_chromium():
        pytest.skip("Chromium not found")
    from kg.export import export

    [path] = export(coauthor_graph, "png", tmp_path / "co.png", view="coauthors", width=1000, height=700)
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    import struct

    assert struct.unpack(">II", data[16:24]) == (1000, 700)
    assert len(data) > 30_000  # a drawn map, not a blank page
