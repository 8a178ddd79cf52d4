"""Pure text helpers shared by every stage: scripts (CJK or Latin), slugs, URLs and arXiv
ids. Comparing names is :func:`normalize`'s job (:mod:`kg.text.normalization`: one
``normalize`` for gazetteers, mentions, node keys and lookups), re-exported here so every
stage imports its text helpers from one place."""
from __future__ import annotations

import functools
import re

from kg.text.normalization import normalize

__all__ = [
    "normalize",
    "is_cjk",
    "cjk_share",
    "latin_share",
    "slug",
    "URL_RE",
    "ARXIV_RE",
    "find_urls",
    "arxiv_id",
    "PAPER_URL_RE",
]


def is_cjk(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


# Runs, not single characters: counting is summing run lengths, a few matches a line
# instead of one per letter.
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def _count(run: re.Pattern, s: str) -> int:
    return sum(map(len, run.findall(s)))


@functools.lru_cache(maxsize=65536)  # every layout parser asks about the same lines
def cjk_share(s: str) -> float:
    """Share of letters that are CJK ideographs (0 when there are no letters)."""
    if _CJK_RUN.search(s) is None:
        # No ideograph: the share is 0 whatever the letters; one scan without building
        # a list of runs (an English entry's letters are most of its text).
        return 0.0
    letters = _count(_LETTER_RUN, s)
    return _count(_CJK_RUN, s) / letters if letters else 0.0


@functools.lru_cache(maxsize=65536)
def latin_share(s: str) -> float:
    """Share of letters that are Latin (ASCII or Latin-1/Extended-A/B)."""
    letters = _count(_LETTER_RUN, s)
    return _count(_LATIN_RUN, s) / letters if letters else 0.0


_FULLWIDTH = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "［": "[", "］": "]", "＆": "&", "　": " "})


def fold_punct(s: str) -> str:
    """Map full-width separators to ASCII ones (same length, so spans stay valid)."""
    return s.translate(_FULLWIDTH)


def slug(s: str) -> str:
    """Deterministic key fragment for node ids."""
    return normalize(s).replace(" ", "-") or "x"



# A URL ends at whitespace, CJK text or closing brackets; trailing sentence punctuation is
# not part of it.
URL_RE = re.compile(r"https?://[^\s<>\"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\]\)）】]+", re.I)
# Bare links such as `user.github.io/project`, `t.cn/A6abc` or `papers.cool/arxiv/…`: a
# host with a known suffix followed by a path (a bare host alone is too ambiguous in
# prose — except a project page host, BARE_PAGE_RE).
BARE_URL_RE = re.compile(
    r"(?<![A-Za-z0-9_@/.\-])(?:[A-Za-z0-9-]+\.)+(?:io|com|org|net|edu|ai|cn|dev|me|co|app|page|cool|ac|uk|de|fr|jp|kr|ch|nl|eu|"
    r"ly|gl|tv|info|xyz|site|tech|cc|ca|au|us|science)(?:/[^\s<>\"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\]\)）】]*)",
)
BARE_PAGE_RE = re.compile(r"(?<![A-Za-z0-9_@/.\-])[A-Za-z0-9-]+\.github\.io\b(?!/)")
# What every match of BARE_URL_RE holds ("." + a known suffix + "/"): one quick scan for
# it saves running the look-behind pattern at every word of a text that has no bare link.
_BARE_URL_HINT = re.compile(r"\.(?:io|com|org|net|edu|ai|cn|dev|me|co|app|page|cool|ac|uk|de|fr|jp|kr|ch|nl|eu|"
                            r"ly|gl|tv|info|xyz|site|tech|cc|ca|au|us|science)/")
# arXiv ids in arxiv.org links (abs/pdf/html, any version, old-style ``cs/0112017`` and
# ``math.GT/0309136`` too) and in the mirrors that are keyed by the arXiv id
# (huggingface.co/papers, papers.cool/arxiv, alphaxiv.org).
ARXIV_RE = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/|papers\.cool/arxiv/|alphaxiv\.org/(?:abs/)?)"
    r"(?P<id>(?:\d{4}\.\d{4,5})|(?:[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))(?:v\d+)?",
    re.I,
)
# "arXiv:2401.00001", and labelled ids ("ArXiv ID: 2512.24157v1", "arXiv ID：…"); Markdown
# emphasis around the label is removed before text gets here (kg.parse.document).
ARXIV_TEXT_RE = re.compile(r"\barXiv(?:\s*id)?\s*[:：]\s*(?P<id>\d{4}\.\d{4,5})(?:v\d+)?", re.I)


def _trim_url(u: str) -> str:
    u = u.rstrip(".,;:!?。，；：！？")
    # Balance a trailing bracket that belongs to the prose or markup (a BibTeX
    # "url={…}"), not the URL.
    while u and u[-1] in ")}" and u.count("({"[")}".index(u[-1])]) < u.count(u[-1]):
        u = u[:-1]
    return u


def _braced(text: str, start: int, u: str) -> str:
    """``u`` up to its closing brace where a brace opens it: a LaTeX argument
    (``\\href{https://github.com/x/y/}{this repo}``, ``\\url{…}`` in an abstract) or a
    BibTeX value ends there, and the link text after it is no part of the address."""
    if start and text[start - 1] == "{" and (j := u.find("}")) >= 0:
        return u[:j]
    return u


def find_urls(text: str) -> list[tuple[str, int, int]]:
    """Every http(s) link and bare link in ``text`` as ``(url, start, end)``, in order."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    # Each pattern runs only when the text holds what all its matches hold: most texts
    # (every line a layout tests) have no link at all.
    scheme, bare, page = text.find("://"), _BARE_URL_HINT.search(text) is not None, ".github.io" in text
    # A link's "://" follows its "http"/"https": none starts more than 5 characters before
    # the first "://", so the case-insensitive scan starts there.
    for m in URL_RE.finditer(text, max(0, scheme - 5)) if scheme >= 0 else ():
        u = _trim_url(_braced(text, m.start(), m.group(0)))
        found.append((u, m.start(), m.start() + len(u)))
        taken.append((m.start(), m.end()))
    for m in BARE_URL_RE.finditer(text) if bare else ():
        if any(s <= m.start() < e for s, e in taken):
            continue
        u = _trim_url(_braced(text, m.start(), m.group(0)))
        if "/" not in u:
            continue
        found.append((u, m.start(), m.start() + len(u)))
        taken.append((m.start(), m.start() + len(u)))
    for m in BARE_PAGE_RE.finditer(text) if page else ():
        if not any(s <= m.start() < e for s, e in taken):
            found.append((m.group(0), m.start(), m.end()))
    found.sort(key=lambda t: t[1])
    return found


#: Links that name one paper (not a listing or a news page): arXiv and its mirrors keyed
#: by the id, OpenReview, the ACL Anthology, Semantic Scholar, proceedings, PDF files.
PAPER_URL_RE = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/\d{4}\.\d{4,5}|papers\.cool/arxiv/\d{4}\.\d{4,5}|"
    r"alphaxiv\.org/(?:abs/)?\d{4}\.\d{4,5}|openreview\.net/(?:forum|pdf)\?id=|aclanthology\.org/[\w.\-]+\d|"
    r"semanticscholar\.org/paper/|proceedings\.(?:mlr\.press|neurips\.cc)/|openaccess\.thecvf\.com/|\.pdf(?:[?#]|$))",
    re.I,
)


# Where every ARXIV_RE match starts (lower-cased), and what every ARXIV_TEXT_RE match holds.
_ARXIV_HOSTS = ("arxiv.org/", "huggingface.co/papers/", "papers.cool/arxiv/", "alphaxiv.org/")
# Characters that re.IGNORECASE matches to the patterns' letters but str.lower() does not
# map to them (dotless and dotted i, long s): a text holding one takes the plain search.
_FOLD_ODD = re.compile("[\u0130\u0131\u017f]")


# A small cache: readers ask about the same line or paragraph a few times in a row (the
# generic reader three times a paragraph); a large one would keep whole entries alive.
@functools.lru_cache(maxsize=256)
def arxiv_id(text: str) -> str | None:
    """The first arXiv id in ``text`` (from an arxiv.org link or an ``arXiv:`` tag)."""
    low = text.lower()
    if len(low) != len(text) or _FOLD_ODD.search(text):
        m = ARXIV_RE.search(text) or ARXIV_TEXT_RE.search(text)
        return m.group("id") if m else None
    # The case-insensitive patterns scan every position of a long entry; a substring
    # search finds where a match can start (or that none can), and the pattern starts there.
    starts = [k for k in (low.find(h) for h in _ARXIV_HOSTS) if k >= 0]
    m = ARXIV_RE.search(text, min(starts)) if starts else None
    if m is None and "arxiv" in low:
        m = ARXIV_TEXT_RE.search(text)
    return m.group("id") if m else None


def has_cjk(s: str) -> bool:
    """Whether ``s`` holds a character :func:`is_cjk` accepts (one regex search, not a
    Python call per character: layouts ask it of whole paragraphs)."""
    return _CJK_RUN.search(s) is not None
