"""Layout ``records``: a YAML data file whose items are mappings, one per item.

Newsletters and reading lists kept as data (the page is rendered from it) write each item
as a mapping under a list, one ``key: value`` per line::

    articles:
        - title: "Do CIFAR-10 Classifiers Generalize to CIFAR-10?"
          url: "https://arxiv.org/abs/1806.00451"
          type: "paper"
          lab: "UC Berkeley, MIT"
          quote: "…"

The file is checked with a YAML parser (it must hold a list of mappings with a title
key); the items are then read line by line so that every value keeps its place in the
file. Keys are the field keys of every layout (``title``, ``url``, ``authors``, ``lab``,
``abstract``, …). An item whose type key (``type: "blog"``) names something other than a
paper (kg/data/parse/record_types.json) is reported as a non-paper item.
"""
from __future__ import annotations

import functools
import re

import yaml

from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, Builder, Draft, LayoutResult, strip_span
from kg.parse.data import load_json
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind
from kg.records import Span, Unassigned

__all__ = ["parse", "name"]

name = "records"

# "    - title: value" (an item's first key) and "      url: value" (its other keys).
_ITEM_RE = re.compile(r"^(?P<ind>[ \t]*)-[ \t]+(?P<key>[A-Za-z_][\w \-]{0,30}?)[ \t]*:(?:[ \t]+(?P<val>.*?))?[ \t]*$")
_KEY_RE = re.compile(r"^(?P<ind>[ \t]*)(?P<key>[A-Za-z_][\w \-]{0,30}?)[ \t]*:(?:[ \t]+(?P<val>.*?))?[ \t]*$")


@functools.lru_cache(maxsize=1)
def _types() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("record_types.json")
    return frozenset(k.casefold() for k in data["type_keys"]), frozenset(t.casefold() for t in data["not_paper"])


def _has_records(value: object, depth: int = 0) -> bool:
    """Whether the parsed YAML holds a list of mappings with a title key."""
    if isinstance(value, list):
        maps = [x for x in value if isinstance(x, dict)]
        return bool(maps) and sum(1 for m in maps if any(field_kind(str(k)) == "title" for k in m)) >= max(1, len(maps) // 2)
    if isinstance(value, dict) and depth < 2:
        return any(_has_records(v, depth + 1) for v in value.values())
    return False


def _applies(doc: ParsedDoc) -> bool:
    if doc.markdown or not any(_ITEM_RE.match(t) for t in doc.texts):
        return False
    try:
        data = yaml.safe_load("\n".join(doc.texts))
    except yaml.YAMLError:
        return False
    return _has_records(data)


def _value_span(text: str, val: str | None) -> tuple[int, int] | None:
    """Offsets of a value in its line, without the quotes around it."""
    if not val:
        return None
    a = text.rfind(val)
    b = a + len(val)
    if b - a >= 2 and val[0] == val[-1] and val[0] in "\"'":
        a, b = a + 1, b - 1
    return (a, b) if b > a else None


def _fill(d: Draft, text: str, off: int, key: str, span: tuple[int, int]) -> None:
    kind = field_kind(key)
    a, b = span
    if kind == "title":
        d.set_title(text, off, a, b)
    elif kind in ("authors", "affiliations", "title_zh"):
        d.set(kind, off + a, off + b)
    elif kind in ("category", "date", "body"):
        d.fill_plain(kind, text, off, a, b)
    elif kind is None and key.casefold() in ("quote", "description", "abstract"):
        d.fill_plain("body", text, off, a, b)


def parse(doc: ParsedDoc) -> LayoutResult:
    """Entries of the items of a YAML list of mappings (see the module docstring)."""
    b = Builder(doc, name)
    lines = doc.texts
    if not _applies(doc):
        for i, t in enumerate(lines):
            if t.strip():
                b.report(i, NOT_IN_ENTRY)
        return b.result()
    type_keys, not_paper = _types()
    starts = [(i, m) for i, t in enumerate(lines) if (m := _ITEM_RE.match(t))]
    item_indent = min(len(m.group("ind")) for _, m in starts)
    starts = [(i, m) for i, m in starts if len(m.group("ind")) == item_indent]
    first = {i for i, _ in starts}
    ends = {}
    for k, (i, _) in enumerate(starts):
        j = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        # The item ends before the next one, or at a line indented no deeper than its dash.
        e = i + 1
        while e < j and (not lines[e].strip() or len(lines[e]) - len(lines[e].lstrip()) > item_indent):
            e += 1
        ends[i] = e
    i = 0
    while i < len(lines):
        if i not in first:
            if lines[i].strip():
                b.report(i, "page metadata" if _KEY_RE.match(lines[i]) else NOT_IN_ENTRY)
            i += 1
            continue
        end = ends[i]
        d = b.open(i)
        kinds: dict[str, str] = {}
        for k in range(i, end):
            if not lines[k].strip():
                continue
            off = b.take(k)
            m = _ITEM_RE.match(lines[k]) if k == i else _KEY_RE.match(lines[k])
            if m is None:
                d.body.append(Span(*strip_span(lines[k], off)))  # a value folded onto its next line
                continue
            key, span = m.group("key").strip(), _value_span(lines[k], m.group("val"))
            if span is None:
                continue
            kinds[key.casefold()] = lines[k][span[0] : span[1]].strip().casefold()
            _fill(d, lines[k], off, key, span)
        if any(kinds.get(t) in not_paper for t in type_keys):
            # "type: blog": the item is not a paper; its lines are said to be so.
            b.cur = None
            for k in range(i, end):
                if lines[k].strip():
                    b.unassigned.append(Unassigned(doc.path, k + 1, lines[k].strip(), NON_PAPER))
        i = end
    return b.result()
