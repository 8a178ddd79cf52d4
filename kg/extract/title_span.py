"""Where an entry's title starts for the rules: past the decoration a layout leaves."""
from __future__ import annotations

import re

from kg.records import Span

__all__ = ["past_decoration", "title_bounds"]

#: Decoration a layout may leave before a title's first word: an emoji or a keycap number
#: ("4️⃣ VideoNorms: …", "🚀 …"), a list number ("1. ", "3) ", "#2 "), a bullet.
_TITLE_DECORATION = re.compile(
    r"(?:\d{1,3}\ufe0f?\u20e3|\d{1,3}[.)、]\s|#\d{1,3}\s|[^\w\s\"'“‘«(\[（【《<$`])+\s*")


def past_decoration(text: str, title: Span | None) -> Span | None:
    """``title`` without the decoration before its first word, so that the title's rules
    read "VideoNorms:" as the head of "4️⃣ VideoNorms: Benchmarking …"."""
    if title is None:
        return None
    m = _TITLE_DECORATION.match(text, title.start, title.end)
    if not m or m.end() >= title.end or any(c.isalpha() for c in m.group()):
        return title
    return Span(m.end(), title.end)


#: Characters that may close a title around its name without being part of it (a
#: heading's trailing colon or full stop, quotes, emphasis, brackets of a link label).
_TITLE_TRIM = " \t\n\"'“”‘’*_[]()（）【】:：.。"


def title_bounds(text: str, title: Span | None) -> tuple[int, int] | None:
    """The title's text without the punctuation and emphasis around it, as offsets: a
    name whose mention is exactly this span is the whole title ("### VoxHammer")."""
    if title is None:
        return None
    t = text[title.start : title.end]
    a = title.start + (len(t) - len(t.lstrip(_TITLE_TRIM)))
    b = title.start + len(t.rstrip(_TITLE_TRIM))
    return (a, b) if a < b else None
