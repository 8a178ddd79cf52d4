"""User decisions over resolution: the curation file, applied after every build and load.

Resolution is automatic and careful, so it is sometimes wrong or too shy. A curation
file (``kg.curation.yaml`` beside the graph file, or any file given with
``--curation``) lists what a person decided, one item per decision, and kg applies it
after its own resolution on every ``kg build`` and ``kg load`` (and before ``kg
export``), so a correction survives rebuilds::

    # kg.curation.yaml
    - merge: Model:GPT4                 # this node ...
      into: Model:GPT-4                 # ... becomes part of this one
      reason: one model, two spellings
    - split: Author:Sasha Salter        # undo a merge: the edges whose evidence is
      surface: S. Salter                # this written form become their own node
    - rename: Institution:Penn State
      to: Pennsylvania State University
    - retype: Model:ImageNet-21k        # Model <-> Dataset; edges follow
      to: Dataset
    - reject: Model:Table 1             # not an entity: the node and its edges go
      reason: a table, not a model

A node is named as everywhere in kg (:func:`kg.analytics.find_node`): its id, or
``Label:name``, or a name — but a line must name its node exactly, never by a part of
its name. Values are read as written (``to: yes`` is the text ``yes``).

Applying is idempotent: a line whose effect is already there (a merge whose source is
gone into its target, a name already changed) reports ``in effect``; a line that names
nothing in the graph reports ``not applied`` and why, so a stale line is easy to find.
Every applied line is recorded on the node it changed (``variants``: ``"written form
(curation merge: reason)"``) and the outcome of every line in ``G.graph["curation"]``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import networkx as nx
import yaml

from kg.errors import KgError
from kg.text import normalize

__all__ = ["ACTIONS", "FILENAME", "CurationError", "Curation", "CurationLine", "Outcome", "curation_path",
           "find_curation", "load_curation", "parse_curation", "apply_curation"]

#: The file looked for beside a graph file when no ``--curation`` is given.
FILENAME = "kg.curation.yaml"
#: Each action's value key (``None``: it takes none) — the whole grammar of the file.
ACTIONS: dict[str, str | None] = {"merge": "into", "split": "surface", "rename": "to", "retype": "to",
                                  "reject": None}
_RETYPE_LABELS = ("Model", "Dataset")


class CurationError(KgError):
    """A curation file that cannot be read or is not a list of decisions (``file:line``)."""

    def __init__(self, file: str, line: int | None, reason: str):
        self.file, self.line, self.reason = file, line, reason
        super().__init__(f"{file}:{line}: {reason}" if line else f"{file}: {reason}")


@dataclass(frozen=True, slots=True)
class CurationLine:
    """One decision: ``action`` on ``node`` (with ``value``: the target, written form or
    new name/label), from ``file`` at 1-based ``line``."""

    action: str
    node: str
    value: str | None
    reason: str
    file: str
    line: int

    def describe(self) -> str:
        key = ACTIONS[self.action]
        return f"{self.action} {self.node}" + (f" {key} {self.value}" if key else "")


@dataclass(frozen=True, slots=True)
class Curation:
    path: str
    lines: tuple[CurationLine, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one line did: ``applied``, ``in effect`` (nothing left to do) or ``not
    applied`` (``detail`` says why); ``nodes`` are the ids it changed or found."""

    line: CurationLine
    status: str
    detail: str = ""
    nodes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        ln = self.line
        return {"file": os.path.basename(ln.file), "line": ln.line, "action": ln.action, "node": ln.node,
                "value": ln.value, "reason": ln.reason, "status": self.status, "detail": self.detail,
                "nodes": list(self.nodes)}


# --- reading -----------------------------------------------------------------------------


def curation_path(graph_path: str | os.PathLike[str]) -> str:
    """Where the curation file of a graph file lives: beside it."""
    return os.path.join(os.path.dirname(os.path.abspath(graph_path)), FILENAME)


def find_curation(explicit: str | None, graph_path: str | os.PathLike[str] | None = None) -> Curation | None:
    """The curation to apply: ``explicit`` (which must exist), else the file beside
    ``graph_path`` if there is one, else none."""
    if explicit:
        return load_curation(explicit)
    if graph_path is not None and os.path.isfile(curation_path(graph_path)):
        return load_curation(curation_path(graph_path))
    return None


def load_curation(path: str | os.PathLike[str]) -> Curation:
    path = os.fspath(path)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise CurationError(path, None, f"cannot read the curation file: {getattr(e, 'strerror', None) or e}") from None
    return parse_curation(text, path)


def parse_curation(text: str, path: str = FILENAME) -> Curation:
    """The decisions in ``text``. Raises :class:`CurationError` naming ``path:line`` for
    anything that is not a list of known decisions with text values."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise CurationError(path, mark.line + 1 if mark else None, f"not valid YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise CurationError(path, None, f"not valid YAML: {e}") from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == ""):
        return Curation(path, ())
    if not isinstance(root, yaml.SequenceNode):
        raise CurationError(path, root.start_mark.line + 1, "expected a list of decisions (lines starting with '- ')")
    return Curation(path, tuple(_decision(item, path) for item in root.value))


def _scalar(node: yaml.Node, path: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
        raise CurationError(path, node.start_mark.line + 1, f"{what} must be a non-empty text")
    return node.value.strip()


def _decision(item: yaml.Node, path: str) -> CurationLine:
    line = item.start_mark.line + 1
    if not isinstance(item, yaml.MappingNode):
        raise CurationError(path, line, "a decision is a mapping such as 'merge: NODE' with 'into: NODE'")
    fields: dict[str, str] = {}
    for k, v in item.value:
        key = _scalar(k, path, "a key")
        if key in fields:
            raise CurationError(path, k.start_mark.line + 1, f"{key!r} given twice")
        fields[key] = _scalar(v, path, f"{key!r}")
    actions = [k for k in fields if k in ACTIONS]
    if len(actions) != 1:
        raise CurationError(path, line, f"a decision needs exactly one of {', '.join(ACTIONS)}"
                                        + (f" (found {', '.join(actions)})" if actions else ""))
    action = actions[0]
    want = ACTIONS[action]
    allowed = {action, "reason", *([want] if want else [])}
    extra = sorted(set(fields) - allowed)
    if extra:
        takes = ", ".join(sorted(allowed - {action}))
        raise CurationError(path, line, f"unknown key {extra[0]!r} ({action} takes: {takes})")
    if want and want not in fields:
        raise CurationError(path, line, f"{action} needs '{want}:'")
    value = fields.get(want) if want else None
    if action == "retype" and value not in _RETYPE_LABELS:
        raise CurationError(path, line, f"retype 'to:' must be one of {', '.join(_RETYPE_LABELS)}, not {value!r}")
    return CurationLine(action, fields[action], value, fields.get("reason", ""), path, line)


# --- applying ----------------------------------------------------------------------------


def _find(G: nx.MultiDiGraph, ref: str) -> tuple[str | None, str]:
    """The node ``ref`` names exactly, or ``None`` and why not."""
    from kg.analytics import AmbiguousNodeError, UnknownNodeError, find_node
    from kg.graph import NODE_LABELS

    prefix, sep, rest = ref.partition(":")
    if sep and prefix in NODE_LABELS and rest.strip():
        # Label:name names the node that name is keyed to, renamed or not.
        keyed = f"{prefix}:{_key_for(prefix, rest.strip())}"
        if keyed in G:
            return keyed, ""
    try:
        n = find_node(G, ref)
    except AmbiguousNodeError as e:
        return None, f"{ref!r} names {len(e.candidates)} nodes ({', '.join(e.candidates[:4])}); give Label:name"
    except UnknownNodeError:
        return None, f"no node {ref!r}"
    text = rest.strip() if sep and prefix in NODE_LABELS else ref
    d = G.nodes[n]
    if n == ref or normalize(d.get("name", "")) == normalize(text) or d.get("key") == text:
        return n, ""
    return None, f"no node {ref!r} (only {n!r} contains it)"


def _key_for(label: str, name: str) -> str:
    from kg.graph import author_key
    from kg.text import slug

    return author_key(name) if label == "Author" else slug(name)


def _note(ln: CurationLine, name: str, what: str | None = None) -> str:
    why = f"curation {what or ln.action}" + (f": {ln.reason}" if ln.reason else "")
    return f"{name} ({why})"


def _has_note(G: nx.MultiDiGraph, n: str, name: str, action: str) -> bool:
    """Whether node ``n`` records a curation ``action`` on ``name`` (an applied line)."""
    from kg.graph import split_variant

    for v in G.nodes[n].get("variants", ()):
        surface, why = split_variant(v)
        if why.startswith(f"curation {action}") and normalize(surface) == normalize(name):
            return True
    return False


def _relabel(to_label: str):
    from kg.resolve import REL_AS_LABEL

    table = REL_AS_LABEL.get(to_label, {})
    return lambda k, e: table.get(k, k)


def _merge(G: nx.MultiDiGraph, ln: CurationLine) -> Outcome:
    from kg.graph import merge_nodes

    dst, why = _find(G, ln.value or "")
    if dst is None:
        return Outcome(ln, "not applied", f"into: {why}")
    src, why = _find(G, ln.node)
    if src is None:
        prefix, sep, rest = ln.node.partition(":")
        if _has_note(G, dst, rest.strip() if sep else ln.node, "merge") or _has_note(G, dst, ln.node, "merge"):
            return Outcome(ln, "in effect", "merged earlier", (dst,))
        return Outcome(ln, "not applied", why)
    if src == dst:
        return Outcome(ln, "in effect", "one node already", (dst,))
    a, b = G.nodes[src]["label"], G.nodes[dst]["label"]
    if a != b and {a, b} != set(_RETYPE_LABELS):
        return Outcome(ln, "not applied", f"cannot merge a {a} into a {b}")
    merge_nodes(G, src, dst, note=_note(ln, G.nodes[src]["name"]), relabel=_relabel(b) if a != b else None)
    return Outcome(ln, "applied", f"{src} → {dst}", (dst,))


def _split(G: nx.MultiDiGraph, ln: CurationLine) -> Outcome:
    from kg.graph import _merge_edge  # one rule for joining edges, the graph's own

    n, why = _find(G, ln.node)
    if n is None:
        return Outcome(ln, "not applied", why)
    label, surface = G.nodes[n]["label"], ln.value or ""
    want = normalize(surface)
    new = f"{label}:{_key_for(label, surface)}"
    if new == n:
        return Outcome(ln, "not applied", f"{surface!r} is the node's own name")
    out = [(u, v, k, e) for u, v, k, e in G.out_edges(n, keys=True, data=True) if normalize(e.get("evidence", "")) == want]
    inc = [(u, v, k, e) for u, v, k, e in G.in_edges(n, keys=True, data=True) if normalize(e.get("evidence", "")) == want]
    if not out and not inc:
        if new in G:
            return Outcome(ln, "in effect", f"{new} is its own node", (new,))
        return Outcome(ln, "not applied", f"no edge of {n} was written {surface!r}")
    # An author's affiliation edges name the paper they were read from: those of the
    # papers that move go with them.
    papers = {v for _, v, k, _ in out if k == "AUTHORED"}
    out += [(u, v, k, e) for u, v, k, e in G.out_edges(n, keys=True, data=True)
            if k == "AFFILIATED_WITH" and e.get("paper") in papers and (u, v, k, e) not in out]
    if new not in G:
        G.add_node(new, label=label, key=new.split(":", 1)[1], name=surface)
    for u, v, k, e in out:
        _merge_edge(G, new, v, k, e)
        G.remove_edge(u, v, key=k)
    for u, v, k, e in inc:
        _merge_edge(G, u, new, k, e)
        G.remove_edge(u, v, key=k)
    moved = f"{len(out) + len(inc)} edge(s) → {new}"
    if G.degree(n) == 0:  # every mention was the written form: nothing is left of the node
        G.remove_node(n)
        return Outcome(ln, "applied", moved + f"; {n} had no other edge and is gone", (n, new))
    left = [x for x in G.nodes[n].get("variants", ()) if not x.startswith(f"{surface} (")]
    G.nodes[n]["variants"] = left
    if not left:
        del G.nodes[n]["variants"]
    return Outcome(ln, "applied", moved, (n, new))


def _rename(G: nx.MultiDiGraph, ln: CurationLine) -> Outcome:
    from kg.graph import add_variant, merge_nodes

    n, why = _find(G, ln.node)
    if n is None:
        return Outcome(ln, "not applied", why)
    d, to = G.nodes[n], ln.value or ""
    if d["name"] == to:
        return Outcome(ln, "in effect", "", (n,))
    old = d["name"]
    same = f"{d['label']}:{_key_for(d['label'], to)}"
    if same in G and same != n:  # the new name is another node's: one node
        merge_nodes(G, n, same, note=_note(ln, old, "rename"))
        G.nodes[same]["name"] = to
        return Outcome(ln, "applied", f"{n} → {same}", (same,))
    # The id stays, so the next build's mentions of the old name land on this node.
    d["name"] = to
    add_variant(G, n, _note(ln, old, "rename"))
    return Outcome(ln, "applied", f"{old!r} → {to!r}", (n,))


def _retype(G: nx.MultiDiGraph, ln: CurationLine) -> Outcome:
    from kg.graph import merge_nodes

    to = ln.value or ""
    n, why = _find(G, ln.node)
    if n is None:
        text = ln.node.partition(":")[2].strip() if ln.node.partition(":")[0] in _RETYPE_LABELS else ln.node
        there = f"{to}:{_key_for(to, text)}"
        if there in G and _has_note(G, there, text, "retype"):
            return Outcome(ln, "in effect", f"retyped earlier: {there}", (there,))
        return Outcome(ln, "not applied", why)
    d = G.nodes[n]
    if d["label"] == to:
        return Outcome(ln, "in effect", "", (n,))
    if d["label"] not in _RETYPE_LABELS:
        return Outcome(ln, "not applied", f"only a Model or a Dataset can be retyped, not a {d['label']}")
    target = f"{to}:{d['key']}"
    if target not in G:
        G.add_node(target, label=to, key=d["key"], name=d["name"])
    merge_nodes(G, n, target, note=_note(ln, d["name"], f"retype {d['label']} → {to}"), relabel=_relabel(to))
    return Outcome(ln, "applied", f"{n} → {target}", (target,))


def _reject(G: nx.MultiDiGraph, ln: CurationLine) -> Outcome:
    n, why = _find(G, ln.node)
    if n is None:
        return Outcome(ln, "not applied", why + " (nothing to reject)")
    gone = G.degree(n)
    G.remove_node(n)
    return Outcome(ln, "applied", f"{n} and {gone} edge(s) removed", (n,))


_APPLY = {"merge": _merge, "split": _split, "rename": _rename, "retype": _retype, "reject": _reject}


def apply_curation(G: nx.MultiDiGraph, curation: Curation) -> list[Outcome]:
    """Apply every line of ``curation`` to ``G`` in place, in file order (a later line
    sees what an earlier one did); one :class:`Outcome` per line."""
    return [_APPLY[ln.action](G, ln) for ln in curation.lines]
