"""The embedded default store: the graph persisted as versioned node-link JSON.

Format (``format: "kg-graph"``, ``version: 1``)::

    {"format": "kg-graph", "version": 1, "kg_version": "...", "directed": true,
     "multigraph": true, "graph": {...},
     "nodes": [{"id": "Paper:2209.01947", "label": "Paper", "key": "...", "name": "...", ...}],
     "links": [{"source": "...", "target": "...", "key": "AUTHORED", "type": "AUTHORED",
                "file": "...", "line": 4, "evidence": "...", "sources": [...], ...}]}

Nodes are sorted by id and links by (source, target, key), and keys are sorted, so
the same graph always serialises to the same bytes. Saving writes a temporary file in
the same folder and renames it over the target, so an interrupted save never leaves a
half-written graph behind.
"""
from __future__ import annotations

import os
import tempfile
from typing import Any

import networkx as nx
import orjson

from kg.errors import GraphFormatError
from kg.graph import FORMAT_NAME, FORMAT_VERSION, new_graph

__all__ = ["save", "load", "to_data", "from_data"]


def to_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    from kg import __version__

    graph = {k: v for k, v in G.graph.items() if k not in ("format", "version")}
    nodes = [{"id": n, **d} for n, d in sorted(G.nodes(data=True), key=lambda t: t[0])]
    links = [
        {"source": u, "target": v, "key": k, **d}
        for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda t: (t[0], t[1], t[2]))
    ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kg_version": __version__,
        "directed": True,
        "multigraph": True,
        "graph": graph,
        "nodes": nodes,
        "links": links,
    }


def from_data(data: Any, where: str = "<data>") -> nx.MultiDiGraph:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise GraphFormatError(f"{where}: not a kg graph file (no \"format\": \"{FORMAT_NAME}\")")
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise GraphFormatError(f"{where}: graph format version {version!r}; this kg reads version {FORMAT_VERSION}")
    G = new_graph()
    G.graph.update(data.get("graph") or {})
    try:
        for n in data["nodes"]:
            n = dict(n)
            G.add_node(n.pop("id"), **n)
        for e in data["links"]:
            e = dict(e)
            u, v, k = e.pop("source"), e.pop("target"), e.pop("key")
            G.add_edge(u, v, key=k, **e)
    except (KeyError, TypeError, AttributeError) as e:
        raise GraphFormatError(f"{where}: malformed graph file ({e!r})") from None
    return G


def dumps(G: nx.MultiDiGraph) -> bytes:
    """The graph file's bytes (what :func:`save` writes), e.g. for standard output."""
    return orjson.dumps(to_data(G), option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"


def save(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    blob = dumps(G)
    fd, tmp = tempfile.mkstemp(prefix=".kg-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file 0600; a graph file is ordinary data, so give it the
        # permissions any new file gets under the user's umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:  # includes KeyboardInterrupt: never leave the temp file around
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def load(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    path = os.fspath(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise GraphFormatError(f"{path}: no such graph file") from None
    except OSError as e:
        raise GraphFormatError(f"{path}: {e.strerror or e}") from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        raise GraphFormatError(f"{path}: not a kg graph file (invalid JSON: {e})") from None
    return from_data(data, path)
