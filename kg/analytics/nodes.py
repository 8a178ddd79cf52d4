"""Finding a node or a digest by the name a user gives (``kg analyze --author X``,
``kg export --focus X``, ``kg why X``, a curation file's node references)."""

from __future__ import annotations

import difflib

import networkx as nx

from kg.analytics._common import _label, _name, _of_label
from kg.analytics.errors import AmbiguousNodeError, AnalyticsError, UnknownNodeError
from kg.graph import NODE_LABELS
from kg.text import normalize


def find_node(G: nx.Graph, ref: str, label: str | None = None) -> str:
    """The id of the node that ``ref`` names, by one rule for every command (``kg
    analyze --author X`` and ``kg export --focus X`` pick the same node):

    1. a node id (``Author:y bengio``);
    2. ``Label:name`` narrows the search to that label;
    3. a node whose name is ``ref`` exactly, else whose normalised name (or key) is
       the normalised ``ref``;
    4. else the one node whose normalised name contains the normalised ``ref``.

    Raises :class:`UnknownNodeError` (with close names) or :class:`AmbiguousNodeError`.

    Examples
    --------
    >>> import kg
    >>> G = kg.build_graph(["seeds/"])
    >>> find_node(G, "Y Bengio"), find_node(G, "eth zurich"), find_node(G, "Category:LG")
    ('Author:y bengio', 'Institution:eth-zurich', 'Category:LG')
    >>> find_node(G, "network topology")  # the one name that contains it
    'Paper:2209.01346'
    """
    if ref in G and (label is None or _label(G, ref) == label):
        return ref
    text = ref
    prefix, sep, rest = ref.partition(":")
    if sep and prefix in NODE_LABELS and (label is None or label == prefix):
        label, text = prefix, rest.strip()
    pool = [n for n in sorted(G) if label is None or _label(G, n) == label]
    hits = [n for n in pool if _name(G, n) == text]
    want = normalize(text)
    if not hits:
        hits = [n for n in pool if normalize(_name(G, n)) == want or G.nodes[n].get("key") == text]
    if not hits and want:
        hits = [n for n in pool if want in normalize(_name(G, n))]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousNodeError(ref, hits)
    names = sorted({_name(G, n) for n in pool})
    raise UnknownNodeError(ref, difflib.get_close_matches(text, names, n=3, cutoff=0.6))


def digests(G: nx.Graph) -> list[str]:
    """Digest keys (file names) in time order: digests are named so that file-name order
    is publication order.

    Examples
    --------
    >>> import kg
    >>> digests(kg.build_graph(["seeds/"]))[:2]
    ['000_7134717fd6eec110.txt', '001_534fdd139920522d.txt']
    """
    return sorted(G.nodes[n].get("key") or n.split(":", 1)[1] for n in _of_label(G, "Digest"))


def _digest(G: nx.Graph, ref: str) -> str:
    """A digest key from its key, id, or a unique prefix of its key (``"002"``)."""
    keys = digests(G)
    ref = ref[len("Digest:"):] if ref.startswith("Digest:") else ref
    if ref in keys:
        return ref
    hits = [k for k in keys if k.startswith(ref)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise AmbiguousNodeError(ref, [f"Digest:{k}" for k in hits])
    raise AnalyticsError(f"no digest {ref!r} (digests: {', '.join(keys) or 'none'})")


def _category(G: nx.Graph, ref: str) -> str:
    return find_node(G, ref, "Category")
