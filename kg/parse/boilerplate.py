"""Lines that are known not to be papers, with the reason each is reported.

The patterns are data (``kg/data/parse/boilerplate.jsonl``): ``everywhere`` patterns
(legends, repost credits, post metadata, copyright lines) apply anywhere;
``between entries`` ones (headings, list chrome) only outside an entry, where a short
line cannot be an entry's Chinese title.
"""
from __future__ import annotations

import functools
import re

from kg.parse.data import load_jsonl

__all__ = ["BOILERPLATE", "PREAMBLE", "is_boilerplate", "TRANSLATED_RE", "TRANSLATED_TAIL_RE", "IN_ENTRY_NOISE", "PAGE_CHROME_RE", "translated_tail"]


def _table(scope: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (d["reason"], re.compile(d["pattern"], re.I if d.get("ignore_case") else 0))
        for d in load_jsonl("boilerplate.jsonl")
        if d["scope"] == scope
    )


#: Recognised non-paper lines everywhere: (reason, pattern).
BOILERPLATE = _table("everywhere")
#: Recognised non-paper lines between entries only.
PREAMBLE = _table("between entries")
#: The marker a translated abstract ends with (a line of its own).
TRANSLATED_RE = next(rx for reason, rx in BOILERPLATE if reason == "translation marker")
#: The marker glued to the end of an abstract line ("…results.translated by 谷歌翻译").
TRANSLATED_TAIL_RE = re.compile(r"\s*translated\s+by\s+(?:谷歌翻译|google(?:\s+translate)?)\s*$", re.I)


def translated_tail(line: str) -> re.Match[str] | None:
    """``TRANSLATED_TAIL_RE.search(line)``, told at once for a line whose last character
    but white space cannot end the marker (the "译" of "谷歌翻译", the "e" of "Google" or
    "Translate"; no other character matches those letters under ``re.I``): the pattern
    opens with optional white space, so its search tries every position of a paragraph,
    and the abstract layout asks it of every line it reads."""
    t = line.rstrip()
    if not t or t[-1] not in "译eE":
        return None
    return TRANSLATED_TAIL_RE.search(line)


#: Boilerplate reasons that may occur inside an entry without ending it.
IN_ENTRY_NOISE = frozenset({"image placeholder", "translation marker"})


@functools.lru_cache(maxsize=65536)
def is_boilerplate(line: str, between_entries: bool = False) -> str | None:
    """The reason ``line`` is recognised noise, or ``None``.

    ``between_entries`` also tries :data:`PREAMBLE` (headings and list chrome)."""
    for reason, rx in BOILERPLATE:
        if rx.search(line):
            return reason
    if between_entries:
        for reason, rx in PREAMBLE:
            if rx.search(line):
                return reason
    return None


#: Link labels of paper-list pages (``[PDF] [Copy] [Kimi]``): chrome, never a title.
PAGE_CHROME_RE = next(rx for reason, rx in _table("link labels"))
