"""The exported HTML pages in a real browser: headless Chromium, offline, driven over the
DevTools protocol (kg.export.browser). Each page must draw (a canvas with pixels on it,
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
