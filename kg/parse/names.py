"""Author lists: whether a piece of text is one, and the names in it.

Shared by every layout (a layout decides *where* an author line is; this module decides
whether the text there *is* one). Vocabularies are data: title words that are never
name tokens and common Chinese surnames live in ``kg/data/parse/``.
"""
from __future__ import annotations

import functools
import re

from kg.parse.at_orgs import at_organisations
from kg.parse.data import load_words
from kg.parse.tex import tex_letters, tex_shadow
from kg.text import has_cjk

__all__ = [
    "AUTHOR_LIST_RE",
    "AUTHOR_SEP_RE",
    "TRUNC_RE",
    "KEY_PREFIX_RE",
    "TITLE_WORDS",
    "author_names",
    "looks_like_authors",
    "is_chinese_name",
    "is_initial",
    "initial_style",
    "without_bidi",
    "bracket_kind",
    "BRACKET_SEP",
    "surname_citation",
    "reference_authors",
    "tex_shadow",
]

# Author names: initials with or without dots (``R T. Q. Chen``, ``J.-B. Mouret``), full
# given names, hyphenated and apostrophe surnames, particles (``van der``, ``de``).
_NAME = (
    r"(?:[A-Z][\w'’\-.]*\s+|(?:van|von|der|de|da|del|della|di|la|le|den|ter|bin|al|dos|du|el|zu)\s+){0,5}"
    r"[A-Z][\w'’\-]*\.?"
)
#: An author list as one regular expression (kept for callers that want a quick match;
#: :func:`looks_like_authors` adds the checks a regex cannot express).
AUTHOR_LIST_RE = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*(?:,|，|、|;|；|&|\band\b)\s*{_NAME})*)\s*,?\s*(?P<trunc>\.\.\.|…|⋯|et\s+al\.?)?\s*$"
)
# A middle dot between spaces separates names too ("Zi Haur Pang ¹ · Xiaoxue Gao"); the
# dot inside a transliterated name has no spaces around it ("约翰·史密斯").
AUTHOR_SEP_RE = re.compile(r"\s*(?:,|，|、|;|；|&|＆|\band\b|\s和\s)\s*|\s+[·•]\s+")
# A shortened list's tail: "...", "et al.", "等", or "… 等 8 人" ("and others, eight in all").
TRUNC_RE = re.compile(
    r"\s*[,，·•]?\s*(?:(?:(?:\.\.\.|…|⋯)\s*)?等\s*\d+\s*(?:人|位作者|位)|\.\.\.|…|⋯|et\.?\s*al\.?|等人?|\band\s+others|\+\s*\d+\s+more)\s*$",
    re.I,
)
# The last character of every tail TRUNC_RE reads (of 人, 位作者, 位, ..., …, ⋯, et al(.),
# 等(人), and others, + N more, in every case re.I folds them to). TRUNC_RE begins with
# optional spaces, so a search tries it at every position of the line: a paragraph
# (the generic reader asks about each one) cost more than all its other tests together.
_TRUNC_LAST = frozenset("人者位.…⋯lL等sSſeE")


def _truncation(s: str) -> re.Match | None:
    """``TRUNC_RE.search(s)`` for a stripped ``s``, skipping the search where no tail can
    end the line: a match ends at the line's end, so with one of :data:`_TRUNC_LAST`,
    and a full stop closes only "..." or "et al."."""
    last = s[-1:]
    if last not in _TRUNC_LAST or last == "." and not (s.endswith("...") or s[-3:-1].lower() == "al"):
        return None
    return TRUNC_RE.search(s)


KEY_PREFIX_RE = re.compile(r"^\s*(?:authors?|作者)\s*[:：]\s*", re.I)
_PARTICLES = {"van", "von", "der", "de", "da", "del", "della", "di", "la", "le", "den", "ter", "bin", "al", "dos", "du", "el", "zu", "y"}
_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
#: Words that occur in titles and never as a name token (kg/data/parse/title_words.txt).
TITLE_WORDS = frozenset(load_words("title_words.txt"))


# Word endings of English abstract nouns ("Maximization", "Simplicity", "Topology") that
# no personal name has (not "-ness" or "-ments": Harkness, Clements).
_NOUN_ENDING = re.compile(r"(?:tions?|sions?|ities|ity|isms?|ologies|ology|ological)$")


# The patterns of the name tests, compiled once: layouts test every candidate line, and
# ``re.fullmatch(pattern, …)`` pays a pattern-cache lookup on each call.
_TRAILING_MARKS = re.compile(r"[\d*∗^†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰✉\s]+$")  # "^": a second footnote number ("A Lee1^2")
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·・•][\u4e00-\u9fff]{1,8}){1,2}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NOT_A_PERSON = re.compile(r"大学|学院|研究|实验|公司|中心|模型|方法|网络|学习")
_INITIAL = re.compile(r"[A-Z](?:\.|\.?-[A-Z]\.?|\.[A-Z]\.?)*\.?")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_DIGIT = re.compile(r"\d")
_NO_NAME_LIST = re.compile(r"[。！？!?:：()（）\[\]《》“”/@]|https?")


def _strip_marks(name: str) -> str:
    """A name without glued footnote marks and affiliation indices (``A Smith1,2*``)."""
    return _TRAILING_MARKS.sub("", name.strip().strip("*").strip()).strip()


# Common Chinese surnames (kg/data/parse/chinese_surnames.txt): a two-to-four character word is
# a name only when it starts with one, so "清华大学" or "基于模型" never pass for people.
_SURNAMES_1 = frozenset(load_words("chinese_surnames.txt")[0])
_SURNAMES_2 = frozenset(load_words("chinese_surnames.txt")[1:])


def is_chinese_name(name: str) -> bool:
    """``张伟``, ``欧阳娜娜``, ``约翰·史密斯`` (transliterated names keep their dot)."""
    if _TRANSLITERATED.fullmatch(name):
        return True
    if not _HAN_NAME.fullmatch(name):
        return False
    return name[:2] in _SURNAMES_2 or name[0] in _SURNAMES_1 and not _NOT_A_PERSON.search(name)


def is_initial(tok: str) -> bool:
    return bool(_INITIAL.fullmatch(tok)) or bool(_INITIALS.fullmatch(tok))


_STRAY = "$`{}\"\\"
# Bidirectional controls (LRM/RLM, embeddings, isolates, ALM) are invisible: kept in values,
# ignored when deciding what the text is.
_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


_BIDI_RE = re.compile("[" + "".join(map(chr, _BIDI)) + "]")


def without_bidi(s: str) -> str:
    """``s`` without bidirectional control characters (a translate through a dict costs a
    lookup per character: one search first leaves the many lines without any as they are)."""
    return s.translate(_BIDI) if _BIDI_RE.search(s) else s


# Initials glued to the surname ("L.Logeswaran", "M.E.Peters", "Q.V.Le"), as reading logs
# write names: read as "L. Logeswaran" when checking that they are a name.
_GLUED_INITIALS = re.compile(r"^((?:[A-Z]\.)+)(?=[A-Z][a-z'’\-])")
def _is_latin_name(name: str) -> bool:
    toks = _GLUED_INITIALS.sub(r"\1 ", name).split()
    if not 1 <= len(toks) <= 7:
        return False
    core = [t for t in toks if t not in _PARTICLES and t not in _SUFFIXES]
    # Two to five words: a lone capitalised word is far more often a title word
    # ("Stability and Adjoint Errors") than a mononymous author.
    if not 2 <= len(core) <= 5 or toks[0] in _PARTICLES:
        return False
    for t in core:
        # Stray markup or template characters ("B $Jones", "`Li`") do not make a name
        # something else; they stay in the value, the check looks past them.
        t = tex_letters(t.strip(_STRAY) or t)
        if not t or not t[0].isupper() or not t[0].isalpha():
            return False
        if t.rstrip(".") in TITLE_WORDS and not is_initial(t):
            return False
        if len(t) >= 6 and _NOUN_ENDING.search(t):
            return False
        if not _NAME_WORD.fullmatch(t) or _DIGIT.search(t):
            return False
    last = [t for t in toks if t not in _SUFFIXES][-1]
    # A name ends in a surname ("Chen", "Hernández-Orallo"), not in an initial.
    return not is_initial(last)


def author_names(s: str) -> tuple[list[str], bool] | None:
    """The names of an author list and whether it is truncated, or ``None`` when ``s``
    is not an author list.

    >>> author_names("S Salter, M Wulfmeier, R T. Q. Chen...")
    (['S Salter', 'M Wulfmeier', 'R T. Q. Chen'], True)
    >>> author_names("张伟，李娜、王芳")
    (['张伟', '李娜', '王芳'], False)
    >>> author_names("Analyzing Transformers in Embedding Space") is None
    True
    """
    shadow = tex_shadow(s)
    got = _author_names(shadow)
    if got is None:
        return None
    if shadow is s:
        return list(got[0]), got[1]
    # The names as written: the shadow has the same length, so each shadow name's place
    # in it is the written name's place in ``s``.
    out, pos = [], 0
    for n in got[0]:
        k = shadow.find(n, pos)
        out.append(s[k : k + len(n)] if k >= 0 else n)
        pos = k + len(n) if k >= 0 else pos
    return out, got[1]


@functools.lru_cache(maxsize=65536)  # layouts ask about the same lines several times
def _author_names(s: str) -> tuple[tuple[str, ...], bool] | None:
    s = KEY_PREFIX_RE.sub("", without_bidi(s).strip())
    if not s or len(s) > 2000:
        return None
    trunc = _truncation(s)
    body = s[: trunc.start()] if trunc else s
    # Sentence and bracket punctuation, links and e-mail never occur in a name list;
    # full stops do ("R T. Q. Chen", "Jr.").
    if not body.strip() or _NO_NAME_LIST.search(body):
        return None
    bib = _bibtex_names(body, single=bool(trunc))
    if bib is not None:
        return tuple(bib), bool(trunc)
    if trunc and (cited := _cited_surnames(body)) is not None:
        return cited, True
    if _first_name_fails(body):
        return None
    return _listed_names(body, bool(trunc))


#: Surnames a cut-short citation may list before its "et al." ("Noh, Hong, Han et al.").
MAX_CITED_SURNAMES = 6
_SURNAME_WORD = re.compile(r"[A-Z][a-z'’\-]+")


def _cited_surnames(body: str) -> tuple[str, ...] | None:
    """The surnames of a cut-short citation that lists its first authors by surname only
    (``Noh, Hong, Han et al.``): two to :data:`MAX_CITED_SURNAMES` single capitalised
    words, commas between them, none a title word — the "et al." says they are people."""
    parts = [p.strip() for p in body.split(",")]
    if not 2 <= len(parts) <= MAX_CITED_SURNAMES or not all(_SURNAME_WORD.fullmatch(p) and p not in TITLE_WORDS for p in parts):
        return None
    from kg.resolve import ORG_WORDS, institutions

    # "Stanford, California et al.": organisations and the places named after them.
    return None if ORG_WORDS.search(body) or any(institutions().is_known(p) for p in parts) else tuple(parts)


def _first_name_fails(body: str) -> bool:
    """The first name of ``body`` is neither a Chinese nor a Latin name, so
    :func:`_listed_names` answers None: the list starts with it, tests it as it stands,
    and any name failing both tests makes the answer None. Most lines asked about are
    paragraphs whose first clause is no name; this reads up to its first separator
    instead of splitting the whole paragraph."""
    first = AUTHOR_SEP_RE.search(body)
    head = _strip_marks(body[: first.start()] if first else body)
    return bool(head) and not is_chinese_name(head) and not _is_latin_name(head)


def _listed_names(body: str, trunc: bool) -> tuple[tuple[str, ...], bool] | None:
    """The names of ``body`` split at the separators, or None when one is no name."""
    parts = [p for p in (_strip_marks(x) for x in AUTHOR_SEP_RE.split(body)) if p]
    merged: list[str] = []
    for p in parts:
        if p in _SUFFIXES and merged:  # "Henry Sprueill, Jr." keeps its suffix
            merged[-1] = f"{merged[-1]}, {p}"
        else:
            merged.append(p)
    if not merged:
        return None
    chinese = [is_chinese_name(p) for p in merged]
    if all(chinese):
        return tuple(merged), trunc
    # Names in Chinese characters and in Latin letters may share a list ("李明轩, Sergey
    # Levine"); any other CJK text means this is a sentence or a title.
    if any(has_cjk(p) for p, zh in zip(merged, chinese) if not zh):
        return None
    if not all(zh or _is_latin_name(p.split(", ")[0]) for p, zh in zip(merged, chinese)):
        return None
    if any(chinese) and len(merged) < 2:
        return None
    return tuple(merged), trunc


# "Lu, Xuancun": a BibTeX name, surname (particles allowed, capitalised where they open it:
# "Van Der Berg, Anna") then a comma and given names.
_BIBTEX_NAME = re.compile(
    r"(?P<sur>(?:(?i:van|von|de|der|den|di|da|du|le|la|del|della|ter)\s+)*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)"
    r",\s*(?P<given>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})"
)
_BIBTEX_AND = re.compile(r"\s+and\s+")


def _bibtex_names(body: str, single: bool = False) -> list[str] | None:
    """The names of a BibTeX author field (``Lu, Xuancun and Chen, Jiaxiang and Xiao,
    Shilin``), as reading lists copy it: names joined by ``and``, each written surname
    first; ``None`` for anything else. ``single``: one such name is a list too (a
    cut-short list that names its first author only, ``He, Kaiming, et al.``)."""
    from kg.resolve import ORG_WORDS, institutions

    res = institutions()
    # The first name opens the field: a line that does not open with one (a paragraph)
    # is answered without splitting it at every "and".
    if _BIBTEX_NAME.match(body.strip()) is None:
        return None
    parts = [p.strip() for p in _BIBTEX_AND.split(body.strip())]
    # Every name surname first: a list that mixes in "A Smith" is the plain reading's.
    if len(parts) < (1 if single else 2) or not all(_BIBTEX_NAME.fullmatch(p) for p in parts):
        return None
    if len(parts) == 1:
        # One name alone must read surname first beyond doubt: no initial in the surname
        # and a given name first after the comma ("S Salter, D Rao…" is two names).
        # One word of surname besides particles: "Ann Lee, Bo Chen 等" is two names.
        m = _BIBTEX_NAME.fullmatch(parts[0])
        sur = [w for w in m.group("sur").split() if w.casefold() not in _PARTICLES]
        if len(sur) != 1 or is_initial(sur[0]) or is_initial(m.group("given").split()[0]):
            return None
    for p in parts:
        m = _BIBTEX_NAME.fullmatch(p)
        # "Stanford, California and …", "Google, Research and …": organisations and the
        # places named after them are no names.
        if ORG_WORDS.search(p) or res.is_known(m.group("sur")) or not _is_latin_name(f"{m.group('given')} {m.group('sur')}"):
            return None
    return parts


def looks_like_authors(s: str) -> bool:
    """Whether ``s`` is an author list (one name only when it has two or more words)."""
    got = author_names(s)
    if got is None:
        return False
    names, trunc = got
    if len(names) == 1 and not trunc and not is_chinese_name(names[0]) and len(_GLUED_INITIALS.sub(r"\1 ", names[0]).split()) < 2:
        return False
    return True


def initial_style(name: str) -> bool:
    return is_initial(name.split()[0]) if name.split() else False



BRACKET_SEP = re.compile(r"\s*(?:[,，;；&、]|\band\b)\s*")


#: Words in the longest organisation name a bracket lists ("Key Laboratory of Intelligent
#: Perception and Image Understanding of Ministry of Education" has 12).
MAX_ORG_WORDS = 15


def bracket_kind(s: str) -> str | None:
    """What a bracketed group after a title holds: ``"authors"`` (``Jiaya Jia``,
    ``jianlong fu``), ``"affiliations"`` (``NVIDIA, MIT``), or ``None`` (a venue or year:
    ``NIPS21``, ``ICCV'21``).

    >>> bracket_kind("Dahua Lin"), bracket_kind("NVIDIA, MIT"), bracket_kind("ICCV'21")
    ('authors', 'affiliations', None)
    """
    from kg.resolve import ORG_WORDS, institutions

    s = without_bidi(s).strip()
    if s[:1] == "@":  # "(@MIT&NVIDIA)": made at
        return "affiliations" if at_organisations(s) else None
    if not s or re.search(r"\d", s):
        return None
    parts = [p for p in BRACKET_SEP.split(s) if p]
    res = institutions()
    # A part longer than any organisation's name is a sentence that mentions one ("Think
    # of a robot in a lab that …"), not a list of them.
    if parts and all(len(p.split()) <= MAX_ORG_WORDS and (res.is_known(p) or ORG_WORDS.search(p)) for p in parts):
        return "affiliations"
    if looks_like_authors(s):
        return "authors"
    # Names written in lower case ("jianlong fu"): two or three words of letters each.
    if s == s.lower() and all(2 <= len(p.split()) <= 3 and all(w.isalpha() for w in p.split()) for p in parts):
        return "authors"
    return None


# "Mnih et al", "Hausknecht and Stone": surnames only, as reading lists cite papers.
_SURNAME = r"(?:(?:van|von|de|der|den|di|da|du|le|la)\s+)*[A-Z][\w'’\-]+"
_SURNAMES_RE = re.compile(rf"{_SURNAME}(?:\s+et\.?\s*al\.?|\s+(?:and|&)\s+{_SURNAME})")


def surname_citation(s: str) -> bool:
    """Whether ``s`` cites authors by surname: ``Mnih et al``, ``Hausknecht and Stone``.

    >>> surname_citation("Mnih et al"), surname_citation("Hausknecht and Stone"), surname_citation("arXiv")
    (True, True, False)
    """
    s = without_bidi(s).strip()
    return _SURNAMES_RE.fullmatch(s) is not None and not any(w in TITLE_WORDS for w in s.split())


# A reference's year at its end: "…, 2015", "… 2005", "… (2016)."
_REF_YEAR = re.compile(r"[\s,;(]*(?:19|20)\d{2}[a-z]?\)?\s*\.?\s*$")
# "He, et al." / "He et al": a first author's surname and the truncation mark.
_REF_ET_AL = re.compile(rf"{_SURNAME}\s*,?\s+et\.?\s*al\.?")
# "Riedmiller, M." / "Baker, C. L.": a surname and initials, the way references write them.
_REF_INITIALS = re.compile(rf"{_SURNAME},\s*(?:[A-Z]\.\s*)+")


def reference_authors(value: str) -> tuple[int, int] | None:
    """``(start, end)`` of the authors a short reference names (``He, et al., 2015`` →
    ``He, et al.``; ``Riedmiller, M. 2005`` → ``Riedmiller, M.``), or ``None``.

    >>> v = "He, et al., 2015"; a, e = reference_authors(v); v[a:e]
    'He, et al.'
    >>> reference_authors("Deep Residual Learning, 2015") is None
    True
    """
    m = _REF_YEAR.search(value)
    if not m:
        return None
    a = len(value) - len(value.lstrip())
    e = m.start()
    part = value[a:e].rstrip(" ,;")
    if not part or len(part) > 120:
        return None
    if _REF_ET_AL.fullmatch(part) or _REF_INITIALS.fullmatch(part.strip()) or surname_citation(part) or looks_like_authors(part):
        return a, a + len(part)
    return None
