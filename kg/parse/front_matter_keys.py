"""Where a page's front-matter keys put their values, line by line, so that each value
keeps its place in the file (the entry's spans and provenance point into the page): plain
values, quoted or flow-list values, block lists (``author:`` / ``  - A``) and quoted values
YAML folds over the lines after the key. The front matter is checked with a YAML parser
when the page is read (:mod:`kg.parse.markdown`); this module only locates its values."""
from __future__ import annotations

import re

from kg.parse.categories import find_category
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind
from kg.parse.names import reference_authors

__all__ = ["key_spans", "key_value", "set_reference_or_category"]


# A top-level YAML key and its value ("paper_ref: He, et al., 2015"): unlike a field line
# in a digest's text, a key may hold "_" (no emphasis in YAML).
_YAML_KEY = re.compile(r"^(?P<k2>[^\s\-#:：][^:：\n]{0,30}?)\s*[:：](?:\s+|$)(?P<val>.*?)\s*$")



def key_spans(doc: ParsedDoc) -> dict[str, tuple[int, int, int]]:
    """Front-matter keys by the entry part they fill: ``kind -> (line, value start, end)``.
    A block list (``author:`` then ``  - A`` / ``  - B``) gives its items' lines:
    ``(first item line, start, end)`` with ``end`` counted from the start of that line
    through the last item (the items joined by their line breaks)."""
    out: dict[str, tuple[int, int, int]] = {}
    assert doc.front_matter_lines is not None
    a, b = doc.front_matter_lines
    for i in range(a + 1, b):
        text = doc.lines[i].text
        if text[:1].isspace():
            continue  # nested YAML
        m = _YAML_KEY.match(text)
        if not m:
            continue
        kind = field_kind(m.group("k2"))
        if kind is None or kind in out:
            continue  # the first of "categories:" and "tags:" gives the category
        s, e = m.start("val"), m.end("val")
        if e == s:
            items = _block_list(doc, i + 1, b)
            if items:
                out[kind] = items
            continue
        if e > s and text[s] in "'\"" and (e - s < 2 or text[e - 1] != text[s]):
            folded = _folded(doc, i, b, s)
            if folded is not None:
                out[kind] = folded
                continue
        if e > s and text[s] in "'\"[" and text[e - 1] in "'\"]":
            s, e = s + 1, e - 1  # a quoted or flow-list value
        out[kind] = (i, s, e)
    return out


def _folded(doc: ParsedDoc, i: int, end: int, s: int) -> tuple[int, int, int] | None:
    """A quoted value YAML folds over the more indented lines after its key
    (``paper_title: 'Bad Students … Large-Scale`` / ``  Visual Understanding'``): ``(line,
    start, end)`` inside the quotes, ``end`` counted from the start of the key's line
    through the lines it spans (joined by their line breaks), or None."""
    quote = doc.lines[i].text[s]
    total = len(doc.lines[i].text) + 1
    for j in range(i + 1, end):
        t = doc.lines[j].text
        if not t[:1].isspace():
            return None
        if t.rstrip().endswith(quote):
            return i, s + 1, total + len(t.rstrip()) - 1
        total += len(t) + 1
    return None


def key_value(doc: ParsedDoc, k: int, s: int, e: int) -> str:
    """The text of a key's value, over the lines a folded value spans."""
    text = doc.lines[k].text
    j = k + 1
    while e > len(text) and j < len(doc.lines):
        text += "\n" + doc.lines[j].text
        j += 1
    return " ".join(text[s:e].split())


def _block_list(doc: ParsedDoc, i: int, end: int) -> tuple[int, int, int] | None:
    """The items of a YAML block list starting at line ``i`` (``  - A``)."""
    first = None
    length = 0
    k = i
    while k < end:
        t = doc.lines[k].text
        item = t.lstrip()
        if not t[:1].isspace() or not item.startswith("- "):
            break
        if first is None:
            first = (k, len(t) - len(item) + 2)
            length = len(t) - first[1]
        else:
            length += 1 + len(t)
        k += 1
    if first is None:
        return None
    return first[0], first[1], first[1] + length


def set_reference_or_category(d, kind: str, value: str, at: int, keys) -> None:
    """Set a front-matter value of ``kind`` "reference" or "category" on draft ``d``
    (``value`` starts at offset ``at`` of the file). A reference names the authors
    ("paper_ref: He, et al., 2015") where no ``authors`` key does (``keys``); tags are
    free words ("Agent, AI, arXiv"), so only a code written as one (arXiv_CV, cs.CV) or a
    subject name is a category there. Shared by the front-matter layout and the generic
    reader's one-paper pages."""
    if kind == "reference":
        if "authors" not in keys and (got := reference_authors(value)):
            d.set("authors", at + got[0], at + got[1])
    elif kind == "category" and (got := find_category(value, strict=True)):
        d.set_category(at + got[0], at + got[1], got[2])
