"""Stage 5 — graph: typed nodes and edges with provenance, as an in-memory NetworkX value.

The schema is shared by every store (the NetworkX file and Neo4j use the same labels,
keys and relationship types) and by the exports. Node ids are ``"<Label>:<key>"`` with
deterministic keys, so building the same input twice, or merging a new digest into an
old graph, never duplicates anything.

========================  ==========================================================
Edge (type)               Meaning
========================  ==========================================================
Author -AUTHORED-> Paper  ``position`` (1-based author order)
Paper -AFFILIATED_WITH->  institution named in the entry's affiliation line
Author -AFFILIATED_WITH-> the author's institution where the entry says it (``paper``)
Paper -PROPOSES-> Model   the paper introduces the model / method
Paper -USES-> Model       compared with, fine-tuned, evaluated, built on
Paper -INTRODUCES-> Data  the paper introduces the dataset / benchmark
Paper -EVALUATES_ON->     the paper uses the dataset
Paper -IN_CATEGORY->      arXiv group code of the entry
Paper -APPEARS_IN-> Digest  the digest file the entry came from (``line``)
========================  ==========================================================

Digests are keyed by their path relative to the input root (:func:`digest_keys`). Paper
and Digest nodes carry ``date`` (ISO ``YYYY-MM-DD`` or ``YYYY-MM``) where one is known: the
date the entry or digest states, else a paper's arXiv month.

An author's institution is known where the entry marks who belongs where (``A Smith1,
B Jones2`` with ``1 MIT; 2 Stanford``), or where it names exactly one institution; that
edge carries the paper it was read from (``paper``).

Every edge carries provenance: ``file`` and ``line`` of its first occurrence,
``evidence`` (the text it came from), ``span`` (``[start, end)`` of that text in the
entry starting at ``line``, for edges that come from a mention), ``rule`` (on
institution, model and dataset edges: the rule or resolver reason of that mention) and
``sources`` (every ``file:line`` seen).

A node that absorbed other written forms lists them in ``variants``, each as ``"written
form (reason)"`` (:func:`split_variant`): aliases resolved during extraction, author
variants, retypes and curation lines (:mod:`kg.resolve`, :mod:`kg.resolve.curation`).
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx

from kg.records import PaperRecord
from kg.resolve import mention_reason
from kg.text import normalize
from kg.text import slug

__all__ = [
    "NODE_LABELS",
    "EDGE_TYPES",
    "EDGE_ENDPOINTS",
    "node_id",
    "paper_key",
    "author_key",
    "new_graph",
    "add_records",
    "input_root",
    "build_graph",
    "merge_graph",
    "merge_nodes",
    "add_variant",
    "split_variant",
    "counts",
    "nodes_of",
    "no_gc_pauses",
]

NODE_LABELS = ("Paper", "Author", "Institution", "Model", "Dataset", "Category", "Digest")
EDGE_TYPES = (
    "AUTHORED",
    "AFFILIATED_WITH",
    "PROPOSES",
    "USES",
    "INTRODUCES",
    "EVALUATES_ON",
    "IN_CATEGORY",
    "APPEARS_IN",
)
#: Allowed (source label, target label) pairs per relationship type; the Neo4j writer
#: uses this as its allowlist, since labels and types cannot be Cypher parameters.
EDGE_ENDPOINTS: dict[str, tuple[tuple[str, str], ...]] = {
    "AUTHORED": (("Author", "Paper"),),
    "AFFILIATED_WITH": (("Paper", "Institution"), ("Author", "Institution")),
    "PROPOSES": (("Paper", "Model"),),
    "USES": (("Paper", "Model"),),
    "INTRODUCES": (("Paper", "Dataset"),),
    "EVALUATES_ON": (("Paper", "Dataset"),),
    "IN_CATEGORY": (("Paper", "Category"),),
    "APPEARS_IN": (("Paper", "Digest"),),
}
FORMAT_NAME = "kg-graph"
FORMAT_VERSION = 1


def node_id(label: str, key: str) -> str:
    return f"{label}:{key}"


def paper_key(rec: PaperRecord) -> str:
    """arXiv id where there is one; otherwise a content hash of the title (or of the
    entry text for bare abstracts), so the same paper in two digests is one node."""
    if rec.arxiv_id:
        return rec.arxiv_id
    basis = rec.title or rec.text
    return "h" + hashlib.sha1(normalize(basis).encode("utf-8")).hexdigest()[:16]


def author_key(name: str) -> str:
    """Authors are keyed by their normalised written name; merging variants such as
    ``S. Salter`` / ``Sasha Salter`` is the resolver's job, only when it is safe."""
    return normalize(name)


def new_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph.update({"format": FORMAT_NAME, "version": FORMAT_VERSION})
    return G


def _add_node(G: nx.MultiDiGraph, label: str, key: str, name: str, **props: Any) -> str:
    # Interned: the id is a key of the node table and of both adjacency tables of every
    # edge; one shared string instead of a copy per edge (~120 bytes an edge at 100k).
    nid = sys.intern(node_id(label, key))
    if nid in G:
        data = G.nodes[nid]
        for k, v in props.items():  # fill gaps only: the first non-empty value stays
            if v not in (None, "", ()) and data.get(k) in (None, "", ()):
                data[k] = v
    else:
        clean = {k: v for k, v in props.items() if v is not None}
        G.add_node(nid, label=label, key=key, name=name, **clean)
    return nid


def _add_edge(G: nx.MultiDiGraph, u: str, v: str, rel: str, file: str, line: int, evidence: str, *,
              at: list[str] | None = None, **props: Any) -> None:
    """Add edge ``u -rel-> v`` seen at ``file:line`` or join that occurrence to it.

    ``at`` is ``[f"{file}:{line}"]`` made once per entry and shared by the entry's new
    edges as their ``sources`` (a million one-item lists and strings are most of a large
    graph's provenance). kg never changes an edge's list values in place (a new list
    replaces the old one), so sharing them is safe; code outside kg must do the same.
    """
    if at is None:
        at = [f"{file}:{line}"]
    src = at[0]
    if G.has_edge(u, v, key=rel):
        data = G.edges[u, v, rel]
        if src not in data["sources"]:
            data["sources"] = sorted({*data["sources"], src})
        if (file, line) < (data["file"], data["line"]):  # provenance = earliest occurrence
            data.update(file=file, line=line, evidence=evidence, **props)
        return
    G.add_edge(u, v, key=rel, type=rel, file=file, line=line, evidence=evidence, sources=at, **props)


#: ``[start, end]`` spans shared by the edges that have them (see :func:`_span`).
_SPANS: dict[tuple[int, int], list[int]] = {}
#: Spans are offsets inside one entry, so a few tens of thousands of distinct pairs cover
#: nearly every mention; past this many the table starts again rather than grow.
_SPANS_MAX = 1 << 16


def _span(start: int, end: int) -> list[int]:
    """The list ``[start, end]``, one object for every edge with that span: ~900,000
    two-item lists (and their integers) at 100k entries were a tenth of the graph. Like
    ``sources``, kg replaces an edge's span and never changes it in place."""
    key = (start, end)
    got = _SPANS.get(key)
    if got is None:
        if len(_SPANS) >= _SPANS_MAX:
            _SPANS.clear()
        got = _SPANS[key] = [start, end]
    return got


def _digest_date(rec: PaperRecord) -> str | None:
    """A digest's date is the date its entries got from the digest itself (heading, file
    name, post time) — not a paper's arXiv month."""
    from kg.parse.dates import arxiv_month, find_date

    if rec.date and rec.date != arxiv_month(rec.arxiv_id):
        return rec.date
    got = find_date(rec.source_name)
    return got[2] if got else None


def _display(rec: PaperRecord) -> str:
    if rec.title:
        return rec.title
    t = " ".join(rec.text.split())
    return t[:80] + ("…" if len(t) > 80 else "")


def _relative(file: str, root: str) -> str:
    a = os.path.abspath(file)
    try:
        rel = os.path.relpath(a, root)
    except ValueError:  # another drive
        return os.path.basename(file)
    return os.path.basename(file) if rel.startswith("..") else rel.replace(os.sep, "/")


def digest_keys(files: Iterable[str]) -> dict[str, str]:
    """Digest key of each file: its path relative to the folder all of them share (the
    input root), with ``/`` separators — two ``digest.txt`` in different folders are two
    digests, and one file alone is keyed by its name.

    >>> sorted(digest_keys(["in/a/digest.txt", "in/b/digest.txt"]).values())
    ['a/digest.txt', 'b/digest.txt']
    """
    files = sorted(set(files))
    root = input_root(files)
    return {f: _relative(f, root) if root is not None else os.path.basename(f) for f in files}


def input_root(paths: Iterable[str | os.PathLike[str]]) -> str | None:
    """The folder the inputs share — a folder argument itself, a file argument's folder —
    against which Digest nodes are keyed (see :func:`digest_keys`). Known from the
    arguments before any record is read, so a build can stream.

    >>> input_root(["in/a", "in/b/x.txt"]) == os.path.abspath("in")
    True
    """
    dirs = []
    for p in paths:
        p = os.fspath(p)
        if p == "-":
            continue
        a = os.path.abspath(p)
        dirs.append(a if os.path.isdir(a) else os.path.dirname(a))
    if not dirs:
        return None
    try:
        return os.path.commonpath(dirs)
    except ValueError:  # different drives
        return None


def add_records(G: nx.MultiDiGraph, records: Iterable[PaperRecord], root: str | None = None) -> nx.MultiDiGraph:
    """Merge ``records`` into ``G`` in place (idempotent) and return it.

    Digest nodes are keyed by each file's path relative to ``root`` (:func:`input_root`
    of the paths the records came from); without it, relative to the folder the files of
    ``records`` share (:func:`digest_keys`).
    """
    records = list(records)
    keys = {r.file: _relative(r.file, root) for r in records} if root is not None else \
        digest_keys(r.file for r in records)
    # Strings that recur across edges and entries (file names, rules, evidence such as an
    # author's name or a model's written form) are interned: one object however many
    # edges hold it. Interned strings are freed with their last reference.
    intern = sys.intern
    for rec in sorted(records, key=lambda r: (keys[r.file], r.line)):
        # Edge provenance names the file as before (its base name); the Digest node is
        # keyed by the relative path, which tells two files of one name apart.
        file, line = intern(rec.source_name), rec.line
        at = [intern(f"{file}:{line}")]  # the sources of this entry's new edges (see _add_edge)
        dkey = keys[rec.file]
        pkey = paper_key(rec)
        url = next((u for u in rec.urls if "arxiv.org" in u), rec.urls[0] if rec.urls else None)
        p = _add_node(
            G, "Paper", pkey, _display(rec),
            title=rec.title, title_zh=rec.title_zh, arxiv_id=rec.arxiv_id,
            category=rec.category and intern(rec.category), kind=intern(rec.kind), lang=intern(rec.lang), url=url,
            abstract=None if rec.title else " ".join(rec.text.split())[:2000],
            date=rec.date,
        )
        d = _add_node(G, "Digest", dkey, rec.source_name, path=dkey, date=_digest_date(rec))
        _add_edge(G, p, d, "APPEARS_IN", file, line, rec.text.split("\n", 1)[0][:200], at=at)
        if rec.category:
            c = _add_node(G, "Category", rec.category, rec.category)
            _add_edge(G, p, c, "IN_CATEGORY", file, line, intern(f"[{rec.category}]"), at=at)
        inst_ids = []
        for m in rec.institutions:
            i = _add_node(G, "Institution", slug(m.name), m.name)
            _note_alias(G, i, m, "institution")
            # One evidence string and span list per mention, shared by the paper's edge
            # and its authors' edges to the institution.
            ev = (intern(m.text), _span(m.start, m.end))
            inst_ids.append((i, ev))
            _add_edge(G, p, i, "AFFILIATED_WITH", file, line, ev[0], at=at, span=ev[1], rule=intern(m.source))
        by_name = {m.name: x for m, x in zip(rec.institutions, inst_ids)}
        marked: dict[int, list[str]] = {}
        for pos, name in rec.author_institutions:
            if name in by_name:
                marked.setdefault(pos, []).append(name)
        for a in rec.authors:
            aid = _add_node(G, "Author", author_key(a.name), a.name)
            _add_edge(G, aid, p, "AUTHORED", file, line, intern(a.name), at=at, position=a.position,
                      span=_span(a.start, a.end))
            if marked:
                # The entry says who belongs where (markers): those edges only, with the
                # paper they were read from.
                for name in marked.get(a.position, []):
                    i, (text, span) = by_name[name]
                    _add_edge(G, aid, i, "AFFILIATED_WITH", file, line, text, at=at, span=span, paper=p)
            elif len(inst_ids) == 1:  # only then is the author's affiliation unambiguous
                i, (text, span) = inst_ids[0]
                _add_edge(G, aid, i, "AFFILIATED_WITH", file, line, text, at=at, span=span, paper=p)
        for m in rec.models:
            mid = _add_node(G, "Model", slug(m.name), m.name)
            _note_alias(G, mid, m, "model")
            _add_edge(G, p, mid, "PROPOSES" if m.role == "proposed" else "USES", file, line, intern(m.text), at=at,
                      span=_span(m.start, m.end), rule=intern(m.source))
        for m in rec.datasets:
            did = _add_node(G, "Dataset", slug(m.name), m.name)
            _note_alias(G, did, m, "dataset")
            _add_edge(G, p, did, "INTRODUCES" if m.role == "proposed" else "EVALUATES_ON", file, line, intern(m.text),
                      at=at, span=_span(m.start, m.end), rule=intern(m.source))
    return G


def add_variant(G: nx.MultiDiGraph, nid: str, note: str) -> None:
    """Add ``note`` (``"written form (why it was merged)"``) to node ``nid``'s sorted
    ``variants``: the record of every merge into a node, which ``kg why`` prints."""
    have = G.nodes[nid].get("variants", ())
    if note not in have:
        G.nodes[nid]["variants"] = sorted({*have, note})


def split_variant(note: str) -> tuple[str, str]:
    """``("OPT (175B)", "size variant → family")`` from ``"OPT (175B) (size variant →
    family)"``: the reason is the last balanced parenthesised group.

    >>> split_variant("S. Salter (shared co-author m wulfmeier)")
    ('S. Salter', 'shared co-author m wulfmeier')
    """
    if note.endswith(")"):
        depth = 0
        for i in range(len(note) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(note[i], 0)
            if depth == 0:
                return note[:i].rstrip(), note[i + 1:-1]
    return note, ""


def _note_alias(G: nx.MultiDiGraph, nid: str, m, kind: str) -> None:
    """A mention written otherwise than its node's name was merged into it by
    resolution during extraction (alias, size variant, translation, typo): say so."""
    why = mention_reason(m, kind)
    if why:
        add_variant(G, nid, f"{m.text.strip()} ({why})")


def build_graph(records: Iterable[PaperRecord], into: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """A new graph from ``records`` (or ``into`` with them merged in)."""
    return add_records(into if into is not None else new_graph(), records)


def merge_graph(into: nx.MultiDiGraph, other: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Merge ``other`` into ``into`` in place with the rules of :func:`add_records`:
    node properties fill gaps (``into``'s values stay), edges join their ``sources`` and
    keep the earliest provenance. Merging a graph built from records equals adding the
    records themselves."""
    for n, d in other.nodes(data=True):
        props = {k: v for k, v in d.items() if k not in ("label", "key", "name", "variants")}
        nid = _add_node(into, d["label"], d["key"], d["name"], **props)
        for note in d.get("variants", ()):  # merge records add up, they do not fill gaps
            add_variant(into, nid, note)
    for u, v, k, d in other.edges(keys=True, data=True):
        _merge_edge(into, u, v, k, d)
    return into


def _merge_edge(G: nx.MultiDiGraph, u: str, v: str, rel: str, d: dict[str, Any]) -> None:
    props = {k: x for k, x in d.items() if k not in ("type", "file", "line", "evidence", "sources")}
    _add_edge(G, u, v, rel, d["file"], d["line"], d["evidence"], **props)
    if len(d.get("sources", ())) > 1:
        data = G.edges[u, v, rel]
        data["sources"] = sorted({*data["sources"], *d["sources"]})


def merge_nodes(G: nx.MultiDiGraph, source: str, target: str, note: str | None = None,
                relabel: Callable[[str, dict[str, Any]], str] | None = None) -> None:
    """Fold node ``source`` into ``target``: its edges move over (joined with the
    target's own where both have one), its properties fill the target's gaps, and
    ``note`` (why) is added to the target's ``variants`` list. ``source`` is removed.

    ``relabel(type, edge data)`` gives the type a moved edge takes when the two nodes
    have different labels (a Model retyped as a Dataset: ``USES`` → ``EVALUATES_ON``)."""
    rel = relabel or (lambda k, e: k)
    d = G.nodes[source]
    props = {k: v for k, v in d.items() if k not in ("label", "key", "name", "variants")}
    t = G.nodes[target]
    _add_node(G, t["label"], t["key"], t["name"], **props)
    t["variants"] = sorted({*t.get("variants", ()), *d.get("variants", ()), *([note] if note else [])})
    for _, v, k, e in list(G.out_edges(source, keys=True, data=True)):
        _merge_edge(G, target, v, rel(k, e), e)
    for u, _, k, e in list(G.in_edges(source, keys=True, data=True)):
        _merge_edge(G, u, target, rel(k, e), e)
    G.remove_node(source)


def nodes_of(G: nx.MultiDiGraph, label: str) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d.get("label") == label)


def counts(G: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Node counts per label and edge counts per type (every label/type present, 0 if none)."""
    nodes = Counter(d.get("label") for _, d in G.nodes(data=True))
    edges = Counter(k for _, _, k in G.edges(keys=True))
    return {
        "nodes": {label: nodes.get(label, 0) for label in NODE_LABELS},
        "edges": {t: edges.get(t, 0) for t in EDGE_TYPES},
    }


@contextlib.contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Run the block without Python's cyclic garbage collector (restored afterwards,
    if it was on). Building a large graph, or a map of one, makes millions of small
    lists, tuples and dicts, none of them in cycles; each batch of new ones triggers a
    collection that walks the young objects and, ever so often, all of them (3 of the 9
    CPU seconds of a 100,000-node page, half of loading its 500,000-edge graph file). Reference counting still frees everything as usual, and whatever
    cycles there are get collected once the collector is back on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
