"""The Cypher library in the real Neo4j Browser, as a user pastes it.

Headless Chromium opens the Browser that the test server serves (kg's launcher puts
Neo4j Browser from Maven Central on its HTTP port), logs in, and pastes text into the
editor the way a paste does (DevTools' Input.insertText into the focused editor), then
runs it. Checked: every file of cypher/ pasted whole, every query block pasted alone,
the style file applied with :style, and kg's guide played from the server, with a
click on one of its queries.

Needs the test server (NEO4J_URI, its HTTP port in KG_TEST_HTTP_PORT, 7474 by default)
and Chromium; skips without them unless KG_REQUIRE_NEO4J / KG_REQUIRE_BROWSER is 1.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

import pytest

from kg.graph import EDGE_TYPES, NODE_LABELS
from kg.neo4j import store as neo4j_store
from kg.neo4j.cypher_lib import parse_cypher, parse_cypher_file
from kg.neo4j.guide import GRASS, guide_url, runnable_block
from kg.pipeline import build_graph

ROOT = Path(__file__).resolve().parent.parent
CYPHER = ROOT / "cypher"
FILES = sorted(CYPHER.glob("*.cypher"))
HTTP_PORT = int(os.environ.get("KG_TEST_HTTP_PORT", "7474"))
#: Chromium stays off the network except for the test server on the loopback address.
FLAGS = ("--proxy-server=direct://", "--proxy-bypass-list=*",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")


def _blocks(path: Path) -> list[tuple[str, str]]:
    """(title, text) of each query block of a library file: its // title, description
    and :param lines and the statement, up to the blank line after it."""
    out = []
    for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        queries = parse_cypher(chunk, str(path), titled=False)
        if len(queries) == 1:
            out.append((queries[0].title, chunk.strip() + "\n"))
    return out


BLOCKS = [(p.stem, title, text) for p in FILES for title, text in _blocks(p)]


def _statements(text: str) -> int:
    """How many statements Browser runs for a pasted text: each :param line and each query."""
    return sum(1 for line in text.splitlines() if line.startswith(":param")) + len(parse_cypher(text, titled=False))


# --------------------------------------------------------------------------- no browser needed


def test_blocks_cover_every_query():
    assert sorted((f, t) for f, t, _ in BLOCKS) == sorted(
        (p.stem, q.title) for p in FILES for q in parse_cypher_file(p))


def test_every_param_line_ends_with_a_semicolon():
    """Browser runs several statements only when each ends with ';' (:param lines too)."""
    for path in FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(":"):
                assert line.startswith(":param ") and line.rstrip().endswith(";"), f"{path.name}:{number}"


def test_grass_colours_are_the_html_legend():
    from kg.export.html import EDGE_STYLES, NODE_STYLES

    text = GRASS.read_text(encoding="utf-8")
    assert "/*" not in text and "//" not in text  # Browser's style parser takes no comments
    rules = dict(re.findall(r"^(node\.\w+|relationship\.\w+) \{\n(.*?)\n\}", text, re.M | re.S))
    for label in NODE_LABELS:
        assert f"color: {NODE_STYLES[label][0]};" in rules[f"node.{label}"], label
        assert 'caption: "{name}";' in rules[f"node.{label}"]
    for rel in EDGE_TYPES:
        assert f"color: {EDGE_STYLES[rel][0]};" in rules[f"relationship.{rel}"], rel


# --------------------------------------------------------------------------- the real Browser


class NeoBrowser:
    """Neo4j Browser in headless Chromium, logged in to the test server."""

    def __init__(self, chromium, bolt_uri: str, user: str, password: str):
        self.b = chromium
        self.b.page("Network.emulateNetworkConditions",
                    {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        self.b.open(f"http://127.0.0.1:{HTTP_PORT}/browser/", wait_for=None, settle=0)
        self.wait("!!document.querySelector('[data-testid=boltaddress]')", "the connect form")
        self.type_into("[data-testid=boltaddress]", bolt_uri, select=True)
        self.type_into("[data-testid=username]", user)
        self.type_into("[data-testid=password]", password)
        self.b.evaluate("document.querySelector('[data-testid=connect]').click()")
        self.wait("document.body.innerText.includes('You are connected as user')", "the login")

    def wait(self, js: str, what: str, timeout: float = 60.0):
        deadline = time.monotonic() + timeout
        while True:
            value = self.b.evaluate(js)
            if value:
                return value
            if time.monotonic() > deadline:
                shot = Path(tempfile.gettempdir()) / "kg-neo4j-browser-failure.png"
                self.b.screenshot(shot)
                raise AssertionError(f"Browser: no {what} after {timeout:.0f}s (screenshot: {shot})")
            time.sleep(0.1)

    def type_into(self, selector: str, text: str, select: bool = False) -> None:
        self.b.evaluate(f"(e => {{ e.focus(); {'e.select();' if select else ''} }})"
                        f"(document.querySelector({json.dumps(selector)}))")
        self.b.page("Input.insertText", {"text": text})

    def frames(self) -> int:
        """Frames on the page, after closing the old ones: Browser keeps at most 15 (its
        maxFrames), so counting would stop telling a new frame from an old one."""
        self.b.evaluate("document.querySelectorAll('[data-testid=frame] button[title=Close]')"
                        ".forEach(button => button.click())")
        self.wait("document.querySelectorAll('[data-testid=frame]').length === 0", "the old frames to close")
        return 0

    def paste_and_run(self, text: str) -> None:
        """Paste ``text`` into the (empty) main editor, as a clipboard paste (typing would
        let the editor close brackets and quotes by itself), and run it."""
        self.b.evaluate(f"""(() => {{
          const area = document.querySelector('#monaco-main-editor textarea, .monaco-editor textarea');
          area.focus();
          const data = new DataTransfer();
          data.setData('text/plain', {json.dumps(text)});
          area.dispatchEvent(new ClipboardEvent('paste', {{clipboardData: data, bubbles: true, cancelable: true}}));
        }})()""")
        self.b.evaluate("document.querySelector('[data-testid=editor-Run]').click()")

    def run(self, text: str, timeout: float = 120.0) -> list[tuple[str, str, str]]:
        """(statement, status, error) of each statement run, once none is pending any more
        (the newest frame is the first in the page). Several statements make one
        multi-statement frame listing them; a single one makes an ordinary frame."""
        before = self.frames()
        self.paste_and_run(text)
        self.wait(f"document.querySelectorAll('[data-testid=frame]').length > {before}", "new frame")
        if _statements(text) == 1:
            single = """(() => {
              const frame = document.querySelector('[data-testid=frame]');
              const text = frame.innerText;
              const error = /Neo\\.(ClientError|DatabaseError|TransientError)[^\\n]*/.exec(text);
              if (error) return ['error', error[0]];
              // The status bar's summary appears once the statement has finished.
              return /completed after \\d+ ms|no changes, no records/.test(text) ? ['success', ''] : null;
            })()"""
            status, error = self.wait(single, "the statement's result", timeout)
            return [(text.strip().splitlines()[-1], status, error)]
        js = """(() => {
          const list = document.querySelector('[data-testid=frame] [data-testid=multi-statement-list]');
          if (!list) return null;
          return Array.from(list.children[0].children).map(item => {
            const label = item.querySelector('[data-testid=multi-statement-list-title] label');
            const icon = item.querySelector('[data-testid=multi-statement-list-icon]');
            const error = item.querySelector('[data-testid=multi-statement-list-content] pre');
            return [label ? label.innerText : '', icon ? icon.title.replace('Status: ', '') : '',
                    error ? error.innerText : ''];
          });
        })()"""
        done = "(r => r && r.length && r.every(s => !['pending', 'running', 'waiting', ''].includes(s[1])))(" + js + ")"
        self.wait(done, "finished statements", timeout)
        return [tuple(s) for s in self.b.evaluate(js)]


@pytest.fixture(scope="module")
def neo(neo4j_driver, neo4j_empty, neo4j_env):
    from browser import BrowserError, Chromium, find_chromium  # tests/browser.py

    graph = build_graph([str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))])
    neo4j_empty()
    neo4j_store.load_graph(neo4j_driver, graph)
    reason = None
    if not find_chromium():
        reason = "Chromium not found (apt-get install chromium, or set KG_CHROMIUM)"
    else:
        try:
            chromium = Chromium(width=1400, height=1000, timeout=120, extra_flags=FLAGS)
        except BrowserError as e:
            reason = f"Chromium does not start: {e}"
    if reason:
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason} (KG_REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    try:
        yield NeoBrowser(chromium, neo4j_env["NEO4J_URI"], neo4j_env["NEO4J_USERNAME"], neo4j_env["NEO4J_PASSWORD"])
    finally:
        chromium.close()


def _assert_all_ran(results, text: str) -> None:
    failed = [(s, status, err) for s, status, err in results if status != "success"]
    assert failed == [], failed
    assert len(results) == _statements(text)


@pytest.mark.neo4j
@pytest.mark.browser
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_pasted_whole_runs_in_browser(neo, path):
    text = path.read_text(encoding="utf-8")
    _assert_all_ran(neo.run(text), text)


@pytest.mark.neo4j
@pytest.mark.browser
@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: f"{b[0]}: {b[1]}")
def test_block_pasted_alone_runs_in_browser(neo, block):
    _, _, text = block
    _assert_all_ran(neo.run(text), text)


@pytest.mark.neo4j
@pytest.mark.browser
def test_style_file_colours_the_graph(neo):
    from kg.export.html import NODE_STYLES

    # :style takes the whole file as one command, and Browser's multi-statement mode
    # would cut it at every ';': the README's recipe turns that mode off around it.
    for command in (":config enableMultiStatementMode: false", ":style " + GRASS.read_text(encoding="utf-8"),
                    ":config enableMultiStatementMode: true"):
        before = neo.frames()
        neo.paste_and_run(command)
        neo.wait(f"document.querySelectorAll('[data-testid=frame]').length > {before}", "the command's frame")
    assert not neo.b.evaluate("document.body.innerText.includes('Something went wrong')")
    before = neo.frames()
    neo.paste_and_run("MATCH path = (:Author)-[:AUTHORED]->(:Paper)-[:AFFILIATED_WITH]->(:Institution) "
                      "RETURN path LIMIT 10")
    neo.wait(f"document.querySelectorAll('[data-testid=frame]').length > {before}", "graph frame")
    fills = neo.wait("""(() => {
      const circles = document.querySelectorAll('[data-testid=frame] svg g.node circle.b-outline');
      return circles.length ? Array.from(new Set(Array.from(circles).map(c => c.getAttribute('fill')))) : null;
    })()""", "drawn nodes")
    assert {f.lower() for f in fills} == {NODE_STYLES[lab][0] for lab in ("Author", "Paper", "Institution")}


@pytest.mark.neo4j
@pytest.mark.browser
def test_guide_plays_and_its_queries_run(neo):
    # Browser learns the hosts it may :play from (the server's allowlist) just after it
    # connects; until then it looks the URL up as a guide name. So: try a few times.
    for _ in range(10):
        before = neo.frames()
        neo.paste_and_run(f":play {guide_url('127.0.0.1', HTTP_PORT)}")
        neo.wait(f"document.querySelectorAll('[data-testid=frame]').length > {before}", "the guide's frame")
        state = neo.wait("""(() => {
          const text = document.querySelector('[data-testid=frame]').innerText;
          return text.includes('kg: AI papers as a graph') ? 'guide'
               : text.includes('No guide by that name') ? 'missing' : null;
        })()""", "the guide")
        if state == "guide":
            break
        time.sleep(1)
    assert state == "guide"
    # One slide per library file after the introduction.
    assert neo.b.evaluate("document.querySelectorAll('[data-testid=frame] li[aria-label]').length") == len(FILES) + 1
    slide = 1 + [p.stem for p in FILES].index("30_coauthorship") + 1
    neo.b.evaluate(f"document.querySelector('[data-testid=frame] li[aria-label=\"{slide}\"]').click()")
    neo.wait("document.querySelector('[data-testid=frame]').innerText.includes('30_coauthorship')", "the slide")
    # A click on a query of the guide puts it in the editor; running it works.
    q = next(q for q in parse_cypher_file(CYPHER / "30_coauthorship.cypher") if q.title == "Co-authors of an author")
    block = runnable_block(q)
    clicked = neo.wait(f"""(() => {{
      const pre = Array.from(document.querySelectorAll('[data-testid=frame] pre.runnable'))
        .find(p => p.innerText.trim() === {json.dumps(block)});
      if (!pre) return false;
      pre.click();
      return true;
    }})()""", "the block of 'Co-authors of an author' in the guide")
    assert clicked
    before = neo.frames()
    neo.b.evaluate("document.querySelector('[data-testid=editor-Run]').click()")
    neo.wait(f"document.querySelectorAll('[data-testid=frame]').length > {before}", "the query's frame")
    results = neo.wait("""(() => {
      const list = document.querySelector('[data-testid=frame] [data-testid=multi-statement-list]');
      if (!list) return null;
      const items = Array.from(list.querySelectorAll('[data-testid=multi-statement-list-title]'));
      const done = items.map(i => [i.querySelector('label').innerText,
                                   i.querySelector('[data-testid=multi-statement-list-icon]').title]);
      const unfinished = ['Status: pending', 'Status: running', 'Status: waiting', ''];
      return done.length && done.every(d => !unfinished.includes(d[1])) ? done : null;
    })()""", "the query's statements")
    assert [status for _, status in results] == ["Status: success"] * _statements(block)
    assert results[-1][0].startswith("MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)")
