"""File exports of a kg graph: GraphML, GEXF, node-link JSON, and CSV for neo4j-admin.

Every writer takes the graph and a path, returns the list of paths it wrote, and writes
nodes sorted by id and edges by (source, target, type), so the same graph always gives
the same bytes.

Attribute values are converted for formats that only hold scalars: lists and dicts
(``sources``, ``papers``) become JSON strings (``'["a.txt:3", "b.txt:9"]'``, which
``json.loads`` turns back into the list), and ``None`` values are left out.

In GraphML and GEXF a node's ``label`` is its name (what Gephi, yEd and Cytoscape show
on the node) and its kg type (Paper, Author, ...) is the attribute ``type``. GEXF
reserves some names, so there the node property ``key`` is written as ``kg_key`` and the
relationship ``type`` as ``kg_type`` (GEXF's edge ``type`` must be "directed"). GEXF
files are dynamic where dates are known: each node and edge has a ``start`` date (a
paper's date; for other nodes their first paper's), so Gephi's timeline plays the graph
as it grew.

Text is made safe for XML: control characters (ESC, BEL, ...) that XML 1.0 cannot hold
are removed from every value, and labels isolate right-to-left names (FSI ... PDI) so a
name can never reorder the text around it.

Example
-------
>>> from kg.graph import new_graph
>>> G = new_graph()
>>> G.add_node("Paper:1", label="Paper", key="1", name="A paper")
>>> import tempfile, os
>>> with tempfile.TemporaryDirectory() as d:
...     [os.path.basename(p) for p in write_graphml(G, os.path.join(d, "g.graphml"))]
['g.graphml']
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import shlex
from collections import defaultdict
from typing import Any

import networkx as nx
import orjson

from kg.export._common import ExportError, clean_text, display_name, write_atomic
from kg.export.views import month_of, month_text, paper_sets
from kg.graph import NODE_LABELS

__all__ = ["write_graphml", "write_gexf", "write_json", "write_csv", "NEO4J_IMPORT_COMMAND"]

log = logging.getLogger(__name__)


def _scalar(v: Any) -> Any:
    """A value GraphML/GEXF can hold: str/int/float/bool as is, containers as JSON."""
    if isinstance(v, (str, bool, int, float)):
        return v
    if isinstance(v, (list, tuple, set, frozenset)):
        v = sorted(v) if isinstance(v, (set, frozenset)) else list(v)
    try:
        return json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return str(v)


def _xml_safe(v: Any) -> Any:
    return clean_text(v) if isinstance(v, str) else v


def _flat(d: dict[str, Any], rename: dict[str, str] | None = None) -> dict[str, Any]:
    rename = rename or {}
    return {rename.get(k, k): _xml_safe(_scalar(v)) for k, v in sorted(d.items()) if v is not None}


def _start_dates(G: nx.MultiDiGraph) -> tuple[dict[str, str], dict[tuple[str, str, str], str]]:
    """GEXF ``start`` dates (``YYYY-MM-DD``): a dated node's own date, another node's
    first paper's; a link's is its later end's (a paper's date, for links to papers)."""
    def day(v: Any) -> str | None:
        m = month_of(v)
        if m is None:
            return None
        s = str(v)
        return s[:10] if len(s) >= 10 and s[7] == "-" and s[8:10].isdigit() else month_text(m) + "-01"

    node: dict[str, str] = {}
    for n, d in G.nodes(data=True):
        own = day(d.get("date"))
        if own:
            node[n] = own
    papers = paper_sets(G)
    for n in G:
        if n in node:
            continue
        dates = [node[p] for p in papers.get(n, ()) if p in node]
        if dates:
            node[n] = min(dates)
    edge = {}
    for u, v, k in G.edges(keys=True):
        if u in node and v in node:
            edge[(u, v, k)] = max(node[u], node[v])
    return node, edge


def _sorted_edges(G: nx.MultiDiGraph):
    return sorted(G.edges(keys=True, data=True), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))


def _scalar_copy(G: nx.MultiDiGraph, node_rename=None, edge_rename=None, edge_id: bool = False,
                 dates: bool = False) -> nx.MultiDiGraph:
    """A copy with scalar, XML-safe values; nodes labelled by name with the kg type as
    ``type``; with ``dates``, GEXF ``start`` dates."""
    H = nx.MultiDiGraph()
    H.graph.update({k: _xml_safe(_scalar(v)) for k, v in sorted(G.graph.items()) if v is not None})
    node_start, edge_start = _start_dates(G) if dates else ({}, {})
    for n, d in sorted(G.nodes(data=True), key=lambda t: str(t[0])):
        attrs = _flat({k: v for k, v in d.items() if k not in ("label", "type")}, node_rename)
        attrs["type"] = clean_text(str(d.get("label") or str(n).split(":", 1)[0]))
        attrs["label"] = display_name(d.get("name") or d.get("key") or n)
        if n in node_start:
            attrs["start"] = node_start[n]
        H.add_node(clean_text(str(n)), **attrs)
    for u, v, k, d in _sorted_edges(G):
        attrs = _flat(d, edge_rename)
        if edge_id:
            attrs["id"] = clean_text(f"{u}|{k}|{v}")
        if (u, v, k) in edge_start:
            attrs["start"] = edge_start[(u, v, k)]
        H.add_edge(clean_text(str(u)), clean_text(str(v)), key=clean_text(str(k)), **attrs)
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> list[str]:
    """GraphML with every node and edge attribute (node ``label`` = name, ``type`` = kg
    type; edge id = relationship type); read back with
    ``nx.read_graphml(path, force_multigraph=True)``."""
    H = _scalar_copy(G)
    buf = io.BytesIO()
    try:
        nx.write_graphml(H, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    except (nx.NetworkXError, TypeError, ValueError) as e:
        raise ExportError(f"cannot write GraphML: {e}") from None
    return [write_atomic(path, buf.getvalue())]


_GEXF_DATE = re.compile(rb' lastmodifieddate="[^"]*"')


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> list[str]:
    """GEXF 1.2 (Gephi): node label = name, ``type`` = kg type, properties as attributes
    (``key`` as ``kg_key``, the relationship ``type`` as ``kg_type``); edge ids
    ``source|TYPE|target``; ``start`` dates on nodes and edges where known (a dynamic
    graph for Gephi's timeline)."""
    H = _scalar_copy(G, node_rename={"key": "kg_key"}, edge_rename={"type": "kg_type"}, edge_id=True, dates=True)
    try:
        text = "\n".join(nx.generate_gexf(H, encoding="utf-8", prettyprint=True)).encode("utf-8") + b"\n"
    except (nx.NetworkXError, TypeError, ValueError) as e:
        raise ExportError(f"cannot write GEXF: {e}") from None
    # networkx stamps today's date into <meta>; without it reruns give identical bytes
    text = _GEXF_DATE.sub(b"", text, count=1)
    # networkx names the time format after the Python type of the dates (str: "string",
    # which GEXF 1.2 does not have); they are ISO dates
    text = text.replace(b'timeformat="string"', b'timeformat="date"', 1)
    return [write_atomic(path, text)]


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> list[str]:
    """Node-link JSON (the kg store format: ``nodes`` and ``links``, sorted), readable by
    ``kg`` itself and by ``nx.node_link_graph(data, edges="links")``."""
    from kg.stores.networkx_store import to_data

    try:
        blob = orjson.dumps(to_data(G), option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    except TypeError as e:
        raise ExportError(f"cannot write JSON: {e}") from None
    return [write_atomic(path, blob + b"\n")]


# --- CSV for neo4j-admin database import ------------------------------------------------

#: The array delimiter neo4j-admin uses by default (``--array-delimiter``).
ARRAY_DELIMITER = ";"
#: Written into import.sh and README.md; {nodes} and {relationships} are the file options.
NEO4J_IMPORT_COMMAND = ('"${{NEO4J_ADMIN:-neo4j-admin}}" database import full "${{1:-neo4j}}" \\\n'
                        "  --overwrite-destination --multiline-fields=true --array-delimiter='" + ARRAY_DELIMITER + "' \\\n"
                        "{nodes} \\\n{relationships}")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_]+")


def _csv_type(values: list[Any]) -> str:
    """The neo4j-admin header type for a column (``int``, ``float``, ``boolean``,
    ``string[]`` or ``string``)."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "float"
    if present and all(isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v) for v in present):
        return "string[]"
    return "string"


def _csv_value(v: Any, typ: str) -> str:
    if v is None:
        return ""
    if typ == "string[]":
        return ARRAY_DELIMITER.join(str(x) for x in v)
    if typ == "boolean":
        return "true" if v else "false"
    if isinstance(v, (list, tuple, dict, set)):
        return str(_scalar(v))
    return str(v)


def _columns(rows: list[dict[str, Any]], skip: set[str]) -> list[tuple[str, str]]:
    names = sorted({k for r in rows for k, v in r.items() if v is not None} - skip)
    return [(k, _csv_type([r.get(k) for r in rows])) for k in names]


def _csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)  # doubled quotes: neo4j-admin's default
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _safe(s: str) -> str:
    return _SAFE_NAME.sub("_", s).strip("_") or "x"


def write_csv(G: nx.MultiDiGraph, folder: str | os.PathLike[str]) -> list[str]:
    """CSV files for ``neo4j-admin database import full``, plus ``import.sh`` and
    ``README.md`` with the exact command.

    * ``nodes_<Label>.csv``: ``key:ID(<Label>)`` (each label is its own id space, so keys
      only need to be unique per label), ``:LABEL``, then the properties (``name``,
      ``title``, ...), typed in the header (``line:int``, ``sources:string[]``).
    * ``rels_<TYPE>_<StartLabel>.csv``: ``:START_ID(<StartLabel>)``, ``:END_ID(<EndLabel>)``,
      ``:TYPE`` and the properties. One file per (type, start label), because a file's
      header names one id space per column and AFFILIATED_WITH starts at both Paper and
      Author.
    """
    folder = os.fspath(folder)
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise ExportError(f"{folder}: csv export needs a folder, and this is a file")
    labels: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        labels[str(d.get("label") or str(n).split(":", 1)[0])].append(n)
    order = [lab for lab in NODE_LABELS if lab in labels] + sorted(set(labels) - set(NODE_LABELS))
    label_of = {n: lab for lab, ns in labels.items() for n in ns}
    written: list[str] = []
    node_files: list[tuple[str, str]] = []
    for lab in order:
        ids = sorted(labels[lab], key=str)
        rows = [G.nodes[n] for n in ids]
        cols = _columns(rows, {"label", "key"})
        header = [f"key:ID({lab})", ":LABEL"] + [f"{k}:{t}" if t != "string" else k for k, t in cols]
        data = [[str(G.nodes[n].get("key") if G.nodes[n].get("key") is not None else str(n).split(":", 1)[-1]), lab]
                + [_csv_value(G.nodes[n].get(k), t) for k, t in cols] for n in ids]
        name = f"nodes_{_safe(lab)}.csv"
        written.append(write_atomic(os.path.join(folder, name), _csv_bytes(header, data)))
        node_files.append((lab, name))
    groups: dict[tuple[str, str, str], list[tuple[str, str, dict]]] = defaultdict(list)
    for u, v, k, d in _sorted_edges(G):
        groups[(str(d.get("type") or k), label_of[u], label_of[v])].append((u, v, d))
    rel_files: list[str] = []
    for (rel, start, end), edges in sorted(groups.items()):
        rows = [d for _, _, d in edges]
        cols = _columns(rows, {"type"})
        header = [f":START_ID({start})", f":END_ID({end})", ":TYPE"] + [f"{k}:{t}" if t != "string" else k for k, t in cols]
        key_of = lambda n: str(G.nodes[n].get("key") if G.nodes[n].get("key") is not None else str(n).split(":", 1)[-1])  # noqa: E731
        data = [[key_of(u), key_of(v), rel] + [_csv_value(d.get(c), t) for c, t in cols] for u, v, d in edges]
        # one file per (type, start label); a second end label for the same pair would
        # need its own file too, hence the end label in the name when it is not unique
        ends = {e for (r, s, e) in groups if r == rel and s == start}
        name = f"rels_{_safe(rel)}_{_safe(start)}" + (f"_{_safe(end)}" if len(ends) > 1 else "") + ".csv"
        written.append(write_atomic(os.path.join(folder, name), _csv_bytes(header, data)))
        rel_files.append(name)
    command = NEO4J_IMPORT_COMMAND.format(
        nodes=" \\\n".join(f"  --nodes={shlex.quote(f)}" for _, f in node_files),
        relationships=" \\\n".join(f"  --relationships={shlex.quote(f)}" for f in rel_files))
    script = (
        "#!/usr/bin/env bash\n"
        "# Load these CSV files into a Neo4j 5 database (default: neo4j) with neo4j-admin.\n"
        "# Stop the database first; this REPLACES its contents. Afterwards run the constraints\n"
        "# in kg's cypher/00_schema.cypher (e.g. with `kg cypher`) before querying.\n"
        "# Usage: ./import.sh [database]   (NEO4J_ADMIN=/path/to/neo4j-admin to pick a binary)\n"
        "set -euo pipefail\n"
        'cd "$(dirname "$0")"\n'
        f"{command}\n")
    written.append(write_atomic(os.path.join(folder, "import.sh"), script.encode("utf-8")))
    os.chmod(written[-1], 0o755)
    readme = (
        "# kg graph as CSV for neo4j-admin\n\n"
        "One node file per label (`key:ID(<Label>)`, `:LABEL`, properties) and one relationship\n"
        "file per (type, start label) (`:START_ID(<Label>)`, `:END_ID(<Label>)`, `:TYPE`,\n"
        "properties). Arrays (`sources`) use `" + ARRAY_DELIMITER + "` between items.\n\n"
        "Import into a stopped Neo4j 5 database (this replaces its contents):\n\n"
        "```bash\n"
        f"cd {shlex.quote(os.path.basename(os.path.abspath(folder)))}\n"
        + command.replace('"${NEO4J_ADMIN:-neo4j-admin}"', "neo4j-admin").replace('"${1:-neo4j}"', "neo4j")
        + "\n```\n\nor simply `./import.sh [database]`.\n")
    written.append(write_atomic(os.path.join(folder, "README.md"), readme.encode("utf-8")))
    log.info("csv: %d node files, %d relationship files in %s", len(node_files), len(rel_files), folder)
    return written
