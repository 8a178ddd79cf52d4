"""What a blog post about one paper says of it outside its front matter: the one work
its closing reference section cites, and fields written mid-line in bold after a line
break (``…代码将开源!<br>**作者单位**:武汉大学,兰卡斯特大学等``).

A Chinese post's front-matter title is often its own headline (``85FPS！CNN+Transformer
语义分割的又一境界``); the paper is named only where the post ends::

    ## 参考
    [1].Efficient Hybrid Transformer: Learning Global-local Context for Urban Sence Segmentation<br>
"""
from __future__ import annotations

import re

from kg.parse.data import load_words
from kg.parse.document import Line, ParsedDoc
from kg.parse.fields import field_kind

__all__ = ["sole_reference", "inline_field"]

_HEADINGS = frozenset(w.casefold() for w in load_words("reference_headings.txt"))
# "[1].Title", "[1] Title", "1. Title": a reference's number, then its text.
_NUMBERED = re.compile(r"\s*(?:\[1\]|1[.)])\s*[.:：]?\s*")
_KEY_END = re.compile(r"\s*[:：]\s*")


def sole_reference(doc: ParsedDoc) -> tuple[int, int, int] | None:
    """``(line, start, end)`` of the title of the one work a post's closing reference
    section cites, or ``None`` (no such section, or it cites several). The title is
    the reference's text: a post's reference lists a title alone, in English, of two
    words or more."""
    heads = [k for k, ln in enumerate(doc.lines) if ln.kind == "heading"]
    if not heads:
        return None
    h = heads[-1]
    if doc.lines[h].text[doc.lines[h].start :].strip(" #*:：").casefold() not in _HEADINGS:
        return None
    rest = [k for k in range(h + 1, len(doc.lines)) if doc.lines[k].text.strip()]
    if len(rest) != 1:
        return None
    k = rest[0]
    t = doc.lines[k].text
    m = _NUMBERED.match(t, doc.lines[k].start)
    if m is None:
        return None
    a, e = m.end(), len(t.rstrip())
    title = t[a:e]
    if len(title.split()) < 2 or not title.isascii() or not any(c.isalpha() for c in title):
        return None
    return k, a, e


def inline_field(ln: Line) -> tuple[str, int, int] | None:
    """``(kind, value start, value end)`` of a field set in bold in the middle of a line
    (``…<br>**作者单位**:武汉大学``): a bold run that is a known key, followed by a colon;
    the value runs to the line's end."""
    t = ln.text
    for a, e in ln.emphasised:
        if a <= ln.start:
            continue  # a key opening the line is a field the field readers read
        kind = field_kind(t[a:e].strip())
        m = _KEY_END.match(t, e)
        if kind is None or m is None:
            continue
        end = len(t.rstrip())
        if end > m.end():
            return kind, m.end(), end
    return None
