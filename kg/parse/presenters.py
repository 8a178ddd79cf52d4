"""Talks in a programme: a paper's title, then who presents it and where they work.

Seminar and reading-group pages list their talks one a line, the title first and the
speaker after a comma, with no link to the paper::

    - [Oral] Sparse Routers for Long Context Models，张伟 清华大学
    - Dense Retrieval Without Labels, Jane Smith (Stanford University)
    - Tiny Models Reason Too — 李娜（北京大学）

The presenter is not an author (one of several, or a student presenting another's
paper), and the organisation after the name is the speaker's, not one the text names as
the paper's maker: the line gives a title and nothing else about the paper. A leading
tag in brackets that names the kind of presentation (``[Oral]``, ``【Highlight】``;
kg/data/parse/presentation_tags.txt) or the venue (``[CVPR 2025]``) is no part of the title.
"""
from __future__ import annotations

import functools
import re

from kg.parse.base import strip_span
from kg.parse.data import load_words
from kg.parse.document import ParsedDoc
from kg.parse.names import bracket_kind, is_chinese_name, looks_like_authors
from kg.parse.titles import lead_venue_tag
from kg.text import is_cjk

__all__ = ["lists_talks", "may_present", "presented_title", "presentation_tag_end"]

#: Words of the shortest and the longest title a talk line may give.
MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 40

# A presenter written in Chinese, then the organisations: "张伟 清华大学&北京大学".
_HAN_PRESENTER = re.compile(r"(?P<name>[\u4e00-\u9fff·]{2,8})(?:\s+(?P<org>\S.*)|\s*[(（](?P<org2>[^()（）]+)[)）])")
# A presenter written in Latin letters, then the organisations in brackets: "Jane Smith (MIT)".
_LATIN_PRESENTER = re.compile(r"(?P<name>[^()（）]{3,60}?)\s*[(（](?P<org>[^()（）]{2,120})[)）]")
_TAG = re.compile(r"\s*[\[【]\s*(?P<tag>[^\[\]【】]{2,30}?)\s*[\]】]\s*")
# A sentence's end inside the title (its own closing "?" or "!" is the title's).
_SENTENCE_INSIDE = re.compile(r"[。！？]|[.!?]\s")


@functools.lru_cache(maxsize=1)
def _tags() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_words("presentation_tags.txt"))


def presentation_tag_end(text: str, a: int, b: int) -> int:
    """``a`` moved past a leading presentation or venue tag of ``text[a:b]`` (``[Oral]
    Title`` → where ``Title`` starts); ``a`` when there is none.

    >>> t = "[Oral] Learning to Route"; t[presentation_tag_end(t, 0, len(t)):]
    'Learning to Route'
    >>> t = "[Re] Learning to Route"; presentation_tag_end(t, 0, len(t))
    0
    """
    m = _TAG.match(text, a, b)
    if m is not None and m.group("tag").casefold() in _tags() and text[m.end() : b].strip():
        return m.end()
    return lead_venue_tag(text, a, b) or a


def _presenter(tail: str) -> bool:
    """Whether ``tail`` is one person followed by their organisations."""
    tail = tail.strip()
    m = _HAN_PRESENTER.fullmatch(tail)
    if m is not None:
        return is_chinese_name(m.group("name")) and bracket_kind(m.group("org") or m.group("org2")) == "affiliations"
    m = _LATIN_PRESENTER.fullmatch(tail)
    if m is not None:
        name = m.group("name").strip()
        return looks_like_authors(name) and "," not in name and bracket_kind(m.group("org")) == "affiliations"
    return False


def may_present(text: str) -> bool:
    """Whether ``text`` has a separator a presenter could follow (a cheap test before
    :func:`presented_title`, which most list items fail)."""
    return "，" in text or ", " in text or " — " in text or " – " in text


def presented_title(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``(start, end)`` of the title a talk line ``text[a:b]`` gives before its presenter
    (``Title，张伟 清华大学``, ``Title, Jane Smith (MIT)``), or ``None`` when the line is
    not one: the part after the last comma must be one person and their organisation, and
    the part before it a title in Latin letters.

    >>> t = "[Oral] Learning to Route Tokens Sparsely，张伟 清华大学"
    >>> s, e = presented_title(t, 0, len(t)); t[s:e]
    'Learning to Route Tokens Sparsely'
    >>> presented_title("We met, 张伟 清华大学", 0, 17) is None
    True
    """
    seg = text[a:b]
    # A Chinese page separates the speaker with a full-width comma, which no English title
    # holds; otherwise the last comma or spaced dash does (a title's own come before it).
    k, sep = seg.rfind("，"), 1
    if k < 0:
        k, sep = max((seg.rfind(x), len(x)) for x in (", ", " — ", " – "))
    if k <= 0 or not _presenter(seg[k + sep :]):
        return None
    s = presentation_tag_end(text, a + len(seg) - len(seg.lstrip()), a + k)
    e = a + k
    while e > s and text[e - 1].isspace():
        e -= 1
    title = text[s:e]
    words = title.split()
    if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or any(is_cjk(c) for c in title):
        return None
    if _SENTENCE_INSIDE.search(title):
        return None
    return s, e


def lists_talks(doc: ParsedDoc, i: int, e: int) -> bool:
    """Whether lines ``i..e`` list two talks or more (``- Title，张伟 清华大学``,
    kg.parse.presenters): a programme of papers, which the list reader reads, not news."""
    n = 0
    for k in range(i + 1, e + 1):
        ln = doc.lines[k]
        if ln.kind != "item" or ln.links or not may_present(ln.text):
            continue
        if presented_title(ln.text, *strip_span(ln.text, 0, ln.start)) is not None:
            n += 1
            if n >= 2:
                return True
    return False
