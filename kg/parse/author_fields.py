"""Author fields: where in a field value its author list is, and author lists whose names
carry bracketed role marks or organisations (LLM-written digests).

Split from :mod:`kg.parse.names`, which decides whether text *is* an author list; this
module decides which part of a value (``A, B 等（共 13 位作者）。``,
``Ye Tao [一作] (Central Queensland University), …``) is one, and what the brackets beside
the names are.
"""
from __future__ import annotations

import functools
import re

from kg.parse.data import load_words
from kg.parse.names import BRACKET_SEP, author_names, bracket_kind, looks_like_authors, without_bidi

__all__ = ["author_value", "author_team", "closing_organisations", "author_mark", "annotated_authors", "annotations", "organisation_group", "ANNOTATION_RE", "venue_metric", "journal_name", "before_closing_year"]

# A team's name closed by a colon before the names ("Simple AI: A Author, B Author"), as
# arXiv lists a collaboration: no comma in it, so it is one name, not a list.
_TEAM_LEAD = re.compile(r"\s*[^\s:：,，;；()（）][^:：,，;；()（）]{1,59}[:：]\s+")
# "等 7 人" / "等7位作者": "and others, seven people in all" after a shortened author list.
_HEAD_COUNT = re.compile(r"等\s*\d+\s*(?:人|位作者|位)\s*[。.]?\s*$")


def author_value(value: str) -> tuple[int, int] | None:
    """``(start, end)`` of the author list in a field value, or ``None``: the whole value,
    or the part before a bracketed note (``A, B 等（共 13 位作者）。``), without the full
    stop that ends it.

    >>> v = "Dongting Li, Xingyu Chen 等（共 13 位作者，详见 arXiv 页）。"
    >>> a, e = author_value(v); v[a:e]
    'Dongting Li, Xingyu Chen 等'
    >>> v = "Simple AI: Yuteng Wei, Jinming Ma"
    >>> a, e = author_value(v); v[a:e]
    'Yuteng Wei, Jinming Ma'
    """
    annotated = annotated_authors(value)
    if annotated is not None:
        return annotated  # "A [一作] (Org), B [通讯] (Org)": the whole list, marks and all
    a = len(value) - len(value.lstrip())
    team = _TEAM_LEAD.match(value)
    if team is not None and looks_like_authors(value[team.end() :]):
        a = team.end()  # "Simple AI: Yuteng Wei, Jinming Ma": the team that signs, then its people
    candidates = [len(value.rstrip())]
    for k, c in enumerate(value):
        if c in "(（[［" and k > a:
            candidates.append(len(value[:k].rstrip()))
            break
    count = _HEAD_COUNT.search(value)
    if count:
        candidates.append(count.start() + 1)  # "A, B 等 7 人": the list ends with its "等"
    for e in candidates:
        while e > a and value[e - 1] in "。.;；,，":
            e -= 1
        if e > a and looks_like_authors(value[a:e]):
            return a, e
    return None


# ---------------------------------------------------------------- annotated author lists
#
# LLM-written digests set each author's role and organisation beside the name:
#
#     Ye Tao `[一作]` (Central Queensland University), Can Wang `[通讯]` (Griffith University)
#     Zi Haur Pang ¹ · Xiaoxue Gao · Nancy F. Chen ✉
#
# The bracketed groups are no part of the names; an organisation in one is the author's
# affiliation (read by kg.extract.authors).

#: Role marks (``一作``, ``通讯``, ``corresponding author``, ``✉``): kg/data/parse/author_marks.txt.
_AUTHOR_MARKS = frozenset(w.casefold() for w in load_words("author_marks.txt"))
#: A bracketed group in an author list: ``[一作]``, ``(Amazon)``, ``（华为）``.
ANNOTATION_RE = re.compile(r"\[[^\[\]\n]{1,80}\]|［[^［］\n]{1,80}］|\([^()\n]{1,200}\)|（[^（）\n]{1,200}）")
_LOOSE_MARK = re.compile(r"(?<!\S)✉(?!\S)")


def author_team(value: str) -> tuple[int, int] | None:
    """``(start, end)`` of the team that signs an author list before its people
    (``Simple AI`` in ``Simple AI: Yuteng Wei, Jinming Ma``): the authors' organisation.

    >>> v = "Simple AI: Yuteng Wei, Jinming Ma"; v[slice(*author_team(v))]
    'Simple AI'
    >>> author_team("Yuteng Wei, Jinming Ma") is None
    True
    """
    team = _TEAM_LEAD.match(value)
    if team is None or not looks_like_authors(value[team.end() :]):
        return None
    a = len(value) - len(value.lstrip())
    return a, len(value[: team.end()].rstrip().rstrip(":：").rstrip())


_CLOSING_BRACKET = re.compile(r"\s*[(（\[［](?P<v>[^()（）\[\]［］]{2,120})[)）\]］]\s*[。.;；]?\s*$")


def closing_organisations(value: str, end: int) -> tuple[int, int] | None:
    """``(start, end)`` of the organisations a bracket closing an author field names,
    right after its list of names (``end``): ``A, B 等 (上海AI Lab / InternLM)``. A note
    (``（共 13 位作者）``) or a venue names none.

    >>> v = "Ann Lee, Bo Chen 等 (Acme AI Lab / Beta University)"
    >>> v[slice(*closing_organisations(v, author_value(v)[1]))]
    'Acme AI Lab / Beta University'
    >>> v = "Ann Lee, Bo Chen 等（共 13 位作者）"
    >>> closing_organisations(v, author_value(v)[1]) is None
    True
    """
    m = _CLOSING_BRACKET.match(value, end)
    if m is None or bracket_kind(m.group("v")) != "affiliations":
        return None
    return m.start("v"), m.end("v")


def author_mark(s: str) -> bool:
    """Whether ``s`` (with or without its brackets) marks an author's role.

    >>> author_mark("[一作]"), author_mark("(corresponding author)"), author_mark("Amazon")
    (True, True, False)
    """
    s = s.strip()
    if s[:1] in "[［(（" and s[-1:] in "]］)）":
        s = s[1:-1]
    return s.strip().casefold() in _AUTHOR_MARKS


def organisation_group(s: str) -> bool:
    """Whether a bracketed group after a name names the author's organisation
    (``Amazon``, ``Indian Institute of Technology, Kanpur``, ``华为``) rather than a person
    or a note (``共 13 位作者``)."""
    from kg.resolve import ORG_WORDS, institutions

    s = without_bidi(s).strip()
    if not s:
        return False
    if bracket_kind(s) == "affiliations":
        return True
    if looks_like_authors(s):
        return False
    res = institutions()
    first = BRACKET_SEP.split(s)[0]
    return bool(res.is_known(s) or res.is_known(first) or ORG_WORDS.search(first))


# A bracketed note that may be an organisation's name kg does not know ("Pleias"): a few
# words, no digits, no sentence.
_SHORT_NAME = re.compile(r"[^\d。！？!?:：;；]{1,60}")


def annotations(value: str) -> list[tuple[int, int, str]] | None:
    """``(start, end, kind)`` of each bracketed group beside the names of an author list,
    ``kind`` ``"mark"`` (a role) or ``"organisation"``; ``None`` when a group is neither.
    A group kg cannot place (``Ann Lee (Pleias), Bo Chen (Technical University of
    Munich)``: an organisation it does not know) is an organisation when another group of
    the list plainly is one and it is a short name, not a person's."""
    out: list[tuple[int, int, str]] = []
    unplaced: list[tuple[int, int]] = []
    for g in ANNOTATION_RE.finditer(value):
        inner = g.group()[1:-1].strip()
        if author_mark(g.group()):
            out.append((g.start(), g.end(), "mark"))
        elif organisation_group(inner):
            out.append((g.start(), g.end(), "organisation"))
        elif _SHORT_NAME.fullmatch(inner) and not looks_like_authors(inner) and len(inner.split()) <= 6:
            unplaced.append((g.start(), g.end()))
        else:
            return None
    if unplaced and not any(k == "organisation" for _, _, k in out):
        return None
    return sorted(out + [(a, e, "organisation") for a, e in unplaced])


def annotated_authors(value: str) -> tuple[int, int] | None:
    """``(start, end)`` of an author list whose names carry bracketed role marks or
    organisations (``Ye Tao [一作] (Central Queensland University), Can Wang [通讯]
    (Griffith University)``), or ``None``: every bracketed group is a role mark or an
    organisation, and the text without them is an author list.

    >>> v = "Ye Tao [一作] (Central Queensland University), Can Wang [通讯] (Griffith University)"
    >>> annotated_authors(v) == (0, len(v))
    True
    >>> annotated_authors("Dongting Li, Xingyu Chen 等（共 13 位作者）") is None
    True
    """
    groups = list(ANNOTATION_RE.finditer(value))
    if not groups or annotations(value) is None:
        return None
    bare = _LOOSE_MARK.sub(" ", ANNOTATION_RE.sub(" ", value))
    bare = re.sub(r"\s+([,，;；、])", r"\1", re.sub(r"\s+", " ", bare)).strip(" ,，;；、")
    if not bare or not (got := author_names(bare)) or not looks_like_authors(bare):
        return None
    # Brackets only after the last of several names ("Alice Zhang, Bob Stone (中科院/清华等)")
    # are the whole list's organisations, not the last author's: no annotation.
    after_first = _LOOSE_MARK.sub(" ", ANNOTATION_RE.sub(" ", value[groups[0].start() :]))
    if len(got[0]) > 1 and not re.search(r"[^\W\d_]", after_first):
        return None
    a = len(value) - len(value.lstrip())
    e = len(value.rstrip())
    while e > a and value[e - 1] in ",，;；。.":
        e -= 1
    return a, e


@functools.lru_cache(maxsize=1)
def _venue_metric_re() -> re.Pattern[str]:
    labels = sorted((re.escape(w) for w in load_words("venue_metrics.txt")), key=len, reverse=True)
    return re.compile(r"\s*[(（]\s*(?:" + "|".join(labels) + r")\s*(?:[:：=]|\d)", re.I)


def venue_metric(rest: str) -> bool:
    """Whether ``rest``, what follows a name, opens with a bracketed venue metric
    (``(IF: 31.7)``, ``（影响因子 5.2）``; labels in kg/data/parse/venue_metrics.txt)."""
    return _venue_metric_re().match(rest) is not None


def journal_name(names: str) -> bool:
    """Whether ``names``, read as one person's name, is a journal's (``Cancer Cell``,
    ``Nat Commun``, ``J Am Med Inform Assoc``): one of its words is a journal word
    (kg/data/parse/journal_words.txt). Only where the line links the paper's journal
    page may a caller ask: alone, ``Cell`` could be anyone's word.

    >>> journal_name("Nat Commun"), journal_name("Br J Radiol"), journal_name("Ann Lee"), journal_name("Ann Lee, Bo Chen")
    (True, True, False, False)
    """
    got = author_names(names)
    if got is None or len(got[0]) != 1:
        return False
    words = set(load_words("journal_words.txt"))
    return any(w.rstrip(".").casefold() in words for w in names.split())


# A year closing an author list ("Yantao Yu,2026", "A. Author, B. Author (2024)").
_CLOSING_YEAR = re.compile(r"[\s,，;；]*[(（]?(?:19|20)\d{2}[)）]?\s*$")


def before_closing_year(text: str, a: int, e: int) -> int:
    """The end of ``text[a:e]`` before the year that closes it, where a column or a
    reference sets the year after the names (``Yantao Yu,2026``); ``e`` when none does.

    >>> t = "Yantao Yu,2026"; t[: before_closing_year(t, 0, len(t))]
    'Yantao Yu'
    """
    y = _CLOSING_YEAR.search(text, a, e)
    return y.start() if y is not None and y.start() > a else e
