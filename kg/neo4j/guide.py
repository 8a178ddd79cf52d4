"""kg's Neo4j Browser guide: the Cypher library of ``cypher/`` as ``:play``-able slides.

One slide per library file, each query with its title, its description and a
runnable block (its ``:param`` lines and the statement): a click puts the block in
Browser's editor, ready to run. The guide is written from the library every time the
launcher starts a server (:func:`write_guides`), so it never drifts from the files,
and served by the server itself (``kg.guides.GuideResource``, an unmanaged
extension at ``/kg``), so ``:play http://127.0.0.1:7474/kg/guides/kg.html`` works
offline.

The HTML is Browser's guide format (``<article class="guide">``, ``<carousel>``,
``<slide>``, ``<pre class="runnable">``); every text from the files is escaped.
"""
from __future__ import annotations

import html
import logging
import os
from pathlib import Path

from kg.neo4j.cypher_lib import Query, format_literal, parse_cypher_file

__all__ = ["GUIDE_NAME", "LIBRARY", "GRASS", "guide_url", "render_guide", "write_guides", "runnable_block"]

log = logging.getLogger(__name__)

GUIDE_NAME = "kg.html"
#: The Cypher library and style file of a source checkout (the guide needs them).
LIBRARY = Path(__file__).resolve().parents[2] / "cypher"
GRASS = LIBRARY / "kg.grass"


def guide_url(host: str, http_port: int) -> str:
    """Where a kg server serves the guide (what to ``:play``)."""
    return f"http://{host}:{http_port}/kg/guides/{GUIDE_NAME}"


def runnable_block(q: Query) -> str:
    """What a click on a query puts in Browser's editor: its own ``:param`` lines and
    the statement, each ended by ``;`` so that Browser runs them one by one."""
    lines = [f":param {name} => {format_literal(q.params[name])};" for name in sorted(q.parameter_names)
             if name in q.params]
    return "\n".join([*lines, q.text + ";"])


def _file_intro(path: Path) -> str:
    """The comment lines at the top of a library file (its description)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("//"):
            break
        out.append(line[2:].strip())
    return " ".join(out)


def render_guide(files: list[Path]) -> str:
    """The guide's HTML for these library files, in order."""
    e = html.escape
    slides = ["""    <slide class="row-fluid">
      <div class="col-sm-3">
        <h3>kg: AI papers as a graph</h3>
        <p class="lead">Papers, authors, institutions, models, datasets, categories and digests,
        loaded by <code>kg load</code>.</p>
      </div>
      <div class="col-sm-9">
        <p>Each of the next slides is one file of kg's Cypher library (<code>cypher/</code>).
        Click a block to put it in the editor, change the <code>:param</code> values, and run it
        (Ctrl+Enter). Names are looked up by index, in any case: <code>name_key</code> is the
        trimmed, lower-cased name. Search queries take Lucene syntax (<code>transformer*</code>).</p>
        <p>For kg's colours (those of <code>kg export</code>'s pages), run
        <code>:config enableMultiStatementMode: false</code>, then <code>:style</code> followed by the
        text of <code>cypher/kg.grass</code>, then <code>:config enableMultiStatementMode: true</code>.
        First, what the database holds:</p>
        <pre mode="cypher" class="pre-scrollable code runnable">CALL db.labels() YIELD label
RETURN label ORDER BY label;</pre>
      </div>
    </slide>"""]
    for path in files:
        queries = parse_cypher_file(path)
        body = []
        for q in queries:
            body.append(f"        <h4>{e(q.title)}</h4>\n"
                        + (f"        <p>{e(q.description)}</p>\n" if q.description else "")
                        + f'        <pre mode="cypher" class="pre-scrollable code runnable">{e(runnable_block(q))}</pre>')
        slides.append(f"""    <slide class="row-fluid">
      <div class="col-sm-3">
        <h3>{e(path.stem)}</h3>
        <p class="lead">{e(_file_intro(path))}</p>
      </div>
      <div class="col-sm-9">
{chr(10).join(body)}
      </div>
    </slide>""")
    return ("<article class=\"guide\">\n  <carousel class=\"deck container-fluid\">\n"
            + "\n".join(slides) + "\n  </carousel>\n</article>\n")


def write_guides(data_dir: str | os.PathLike[str], library: Path = LIBRARY) -> Path | None:
    """Write the guide into ``<data_dir>/guides/`` from ``library``; None (and a log
    line) when there is no library, as in an installed kg without its source tree."""
    files = sorted(library.glob("*.cypher")) if library.is_dir() else []
    if not files:
        log.info("no Cypher library at %s: the Browser guide is not written", library)
        return None
    folder = Path(data_dir) / "guides"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / GUIDE_NAME
    tmp = target.with_suffix(".tmp")
    tmp.write_text(render_guide(files), encoding="utf-8")
    tmp.replace(target)
    return target
