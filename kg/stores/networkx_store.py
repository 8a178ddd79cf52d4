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
half-written graph behind. The file is written as a stream of chunks
(:func:`iter_json`): at 100k entries the document is ~420 MB, and building it whole (a
dict per link, then one bytes object) used to double the memory of a build.
"""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import networkx as nx
import orjson
from filelock import FileLock, Timeout

from kg.errors import GraphFormatError, StoreError
from kg.graph import FORMAT_NAME, FORMAT_VERSION, new_graph, no_gc_pauses
from kg.stores.files import write_atomic

__all__ = ["save", "load", "update", "locked", "to_data", "from_data", "dumps", "iter_json", "write", "LOCK_TIMEOUT"]

#: Seconds a writer waits for another kg process to finish with the same graph file.
#: A merge of a 100k-entry build into its file takes well under a minute on the bench
#: machine, so two minutes means the other process is stuck or very large, and saying
#: so beats waiting forever.
LOCK_TIMEOUT = 120.0


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


#: Values repeated across many nodes or edges (a relationship type on every edge, a
#: file name on every edge of its entries, an author's name as evidence on each paper):
#: interned on load, so a loaded graph holds one string each rather than one per
#: occurrence, as a freshly built one does (see kg.graph.add_records).
_SHARED_NODE_FIELDS = ("label", "kind", "lang", "category", "date")
_SHARED_EDGE_FIELDS = ("type", "file", "rule", "evidence", "paper")


def _intern(x: Any) -> Any:
    return sys.intern(x) if type(x) is str else x


def from_data(data: Any, where: str = "<data>", node_fields: tuple[str, ...] | None = None,
              edge_data: bool = True, *, consume: bool = False) -> nx.MultiDiGraph:
    """The graph in ``data`` (a parsed graph file). ``node_fields`` keeps only those node
    properties and ``edge_data=False`` no edge properties — what a reader that needs only
    the structure (analytics on a large graph) can afford; nodes, edges and their order
    are the same either way.

    ``consume=True`` takes ``data`` apart while building (its node and link dicts are
    reused and released as they are read), so the parsed file and the graph are not both
    whole in memory; ``data`` is then left empty. :func:`load` does that with the data
    it parsed itself."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise GraphFormatError(f"{where}: not a kg graph file (no \"format\": \"{FORMAT_NAME}\")")
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise GraphFormatError(f"{where}: graph format version {version!r}; this kg reads version {FORMAT_VERSION}")
    G = new_graph()
    G.graph.update(data.get("graph") or {})
    intern = _intern

    def items(name: str):
        # The list's items in order; with consume, each slot is cleared once handed out.
        seq = data[name]
        if not consume:
            yield from seq
            return
        for i in range(len(seq)):
            item, seq[i] = seq[i], None
            yield item
        seq.clear()

    # Node ids are interned: each is a key of the node table and of the adjacency tables
    # of every edge it is on, which then share one string instead of a copy per link.
    # Bulk adds from generators: one add_edge call per link costs 2.4x as much at 500,000
    # links, and loading is half of exporting a large map.
    def nodes():
        if node_fields is not None:
            for n in items("nodes"):
                yield intern(n["id"]), {f: intern(n[f]) if f in _SHARED_NODE_FIELDS else n[f]
                                        for f in node_fields if f in n}
            return
        for n in items("nodes"):
            if not consume:
                n = dict(n)
            for f in _SHARED_NODE_FIELDS:
                if f in n:
                    n[f] = intern(n[f])
            yield intern(n.pop("id")), n

    def links():
        if not edge_data:
            for e in items("links"):
                yield intern(e["source"]), intern(e["target"]), intern(e["key"]), {}
            return
        for e in items("links"):
            if not consume:
                e = dict(e)
            for f in _SHARED_EDGE_FIELDS:
                if f in e:
                    e[f] = intern(e[f])
            src = e.get("sources")
            if type(src) is list:
                e["sources"] = [intern(x) for x in src]
            yield intern(e.pop("source")), intern(e.pop("target")), intern(e.pop("key")), e

    try:
        with no_gc_pauses():
            G.add_nodes_from(nodes())
            G.add_edges_from(links())
    except (KeyError, TypeError, AttributeError, ValueError) as e:
        raise GraphFormatError(f"{where}: malformed graph file ({e!r})") from None
    return G


_JSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
#: Links (or nodes) serialised per chunk: big enough that the per-chunk overhead is
#: nothing, small enough that a chunk is a few hundred KB.
_CHUNK_ITEMS = 1000


def _indented(value: Any, indent: bytes) -> bytes:
    """``value`` as orjson writes it (sorted keys, 2-space indent) nested ``indent``
    (spaces) deep. JSON strings cannot hold a raw newline (orjson writes ``\\n``), so every
    newline in the output is layout and indenting after each gives the bytes orjson
    writes for the value inside the whole document."""
    return orjson.dumps(value, option=_JSON_OPTIONS).replace(b"\n", b"\n" + indent)


def _copy(x: str) -> str:
    return x.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


def _fresh_text(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` (a node's or link's JSON object) with its non-ASCII strings replaced by
    copies. orjson encodes a non-ASCII ``str`` through CPython's UTF-8 cache, which keeps
    the UTF-8 bytes inside the string object for as long as it lives: writing a graph
    from its own strings would leave a second copy of every Chinese title, name and
    evidence in memory (~8 % of a 100k-entry graph). The copies die with the chunk."""
    for f, x in item.items():
        if type(x) is str:
            if not x.isascii():
                item[f] = _copy(x)
        elif type(x) is list and not all(type(y) is not str or y.isascii() for y in x):
            item[f] = [_copy(y) if type(y) is str and not y.isascii() else y for y in x]
    return item


def _sorted_nodes(G: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for n in sorted(G.nodes):
        yield _fresh_text({"id": n, **G.nodes[n]})


def _sorted_links(G: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    # Sorted source by source, then target, then key: the order of sorting every
    # (source, target, key) triple, without a list of a million triples.
    succ = G.succ
    for u in sorted(succ):
        nbrs = succ[u]
        for v in sorted(nbrs):
            keys = nbrs[v]
            for k in sorted(keys):
                yield _fresh_text({"source": u, "target": v, "key": k, **keys[k]})


def _array(items: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    """A top-level array of the document (``"nodes"``, ``"links"``), item by item, in
    the bytes orjson would write for the whole list."""
    first = next(items, None)
    if first is None:
        yield b"[]"
        return
    chunk = [b"[\n    " + _indented(first, b"    ")]
    for item in items:
        chunk.append(b"\n    " + _indented(item, b"    "))
        if len(chunk) >= _CHUNK_ITEMS:
            yield b",".join(chunk)
            chunk = [b""]  # the next item's comma
    yield b",".join(chunk) + b"\n  ]"


def iter_json(G: nx.MultiDiGraph) -> Iterator[bytes]:
    """The graph file's bytes as a stream of chunks, equal to
    ``orjson.dumps(to_data(G), option=OPT_SORT_KEYS | OPT_INDENT_2) + b"\\n"`` but
    without the document (or a dict per link) in memory at once."""
    from kg import __version__

    head = {
        "directed": True,
        "format": FORMAT_NAME,
        "graph": {k: v for k, v in G.graph.items() if k not in ("format", "version")},
        "kg_version": __version__,
        "multigraph": True,
        "version": FORMAT_VERSION,
    }
    arrays = {"links": _sorted_links, "nodes": _sorted_nodes}
    sep = b"{\n  "
    for key in sorted([*head, *arrays]):  # the document's keys, in orjson's sorted order
        yield sep + orjson.dumps(key) + b": "
        if key in arrays:
            yield from _array(arrays[key](G))
        else:
            yield _indented(head[key], b"  ")
        sep = b",\n  "
    yield b"\n}\n"


def dumps(G: nx.MultiDiGraph) -> bytes:
    """The graph file's bytes (what :func:`save` writes) as one bytes object; a large
    graph is better written with :func:`write` or :func:`save`."""
    return b"".join(iter_json(G))


def write(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write the graph file's bytes to the binary stream ``out`` (standard output, say)
    chunk by chunk."""
    for chunk in iter_json(G):
        out.write(chunk)


def save(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write ``G`` to ``path`` (atomically, see :func:`kg.stores.files.write_atomic`),
    streamed (:func:`iter_json`)."""
    write_atomic(path, iter_json(G), GraphFormatError)


def load(path: str | os.PathLike[str], node_fields: tuple[str, ...] | None = None,
         edge_data: bool = True) -> nx.MultiDiGraph:
    """The graph file at ``path``; ``node_fields``/``edge_data`` as in :func:`from_data`."""
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
    del raw
    return from_data(data, path, node_fields, edge_data, consume=True)


def _lock_path(path: str) -> str:
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f".{name}.lock")


@contextlib.contextmanager
def locked(path: str | os.PathLike[str], timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the graph file's writer lock (a ``.NAME.lock`` file beside it).

    The atomic rename in :func:`save` keeps the bytes whole, but two processes that each
    load, merge and save would still lose one another's papers: the lock makes the whole
    read-merge-write one step. It is an OS file lock, so a killed process releases it.
    """
    path = os.fspath(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    lock = FileLock(_lock_path(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"{path}: another kg process is writing this graph file (waited {timeout:g} s for "
            f"{_lock_path(path)}); try again when it has finished") from None
    except OSError as e:
        raise StoreError(f"{path}: cannot lock the graph file ({e.strerror or e})") from None
    try:
        yield
    finally:
        lock.release()


def update(path: str | os.PathLike[str], merge: Callable[[nx.MultiDiGraph | None], nx.MultiDiGraph],
           timeout: float = LOCK_TIMEOUT) -> tuple[nx.MultiDiGraph, tuple[int, int]]:
    """Merge into the graph file at ``path`` under its lock and save it.

    ``merge`` gets the graph stored there (``None`` when there is no file yet) and returns
    the graph to save. Returns that graph and the (nodes, edges) counts it had before, so
    a caller can say what was added.
    """
    with locked(path, timeout):
        G = load(path) if os.path.exists(path) else None
        before = (G.number_of_nodes(), G.number_of_edges()) if G is not None else (0, 0)
        G = merge(G)
        save(G, path)
    return G, before
