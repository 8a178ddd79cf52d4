"""Author lists: names exactly as written, in order, and whether the list is truncated.

Separators are ``,`` ``，`` ``、`` ``;`` ``；`` ``&`` ``and`` ``和`` (an Oxford comma
before ``and`` is fine). A trailing ``...``, ``…``, ``et al.`` or ``等`` is not a name: it
sets the truncation flag. Footnote marks glued to names (``A Smith1,2``, ``B Lee*``)
are dropped, a ``Jr.`` stays with its name, and surname-first names stay whole where the
pattern is unambiguous: ``Smith, J.; Doe, A.`` (semicolon separated), ``Riedmiller, M.``
(a lone surname and initials), ``Huang, Wenlong and Chao, Yu-Wei`` (BibTeX ``and``),
``Huang, Wenlong, Chao, Yu-Wei`` (single words in even number: given-name-first names
have two words or more), and an MLA reference's first author ``LeCun, Yann, Yoshua
Bengio, and Geoffrey Hinton`` (only the first name is inverted).
"""
from __future__ import annotations

import re

from kg.parse.author_fields import ANNOTATION_RE, annotations, author_mark
from kg.parse.tex import tex_shadow
from kg.records import Author

__all__ = ["split_authors"]

_TRUNC = re.compile(
    r"\s*(?:[,，·•]\s*)?(?:(?:(?:\.\.\.|…|⋯)\s*)?等\s*\d+\s*(?:人|位作者|位)|\.\.\.|…|⋯|et\.?\s*al\.?|等人?|\band\s+others|\+\s*\d+\s+more)\s*$",
    re.I,
)
# Separators; a line break with a list bullet separates the items of a YAML block list
# ("author:" / "  - A" / "  - B").
# A middle dot between spaces separates names ("Zi Haur Pang ¹ · Xiaoxue Gao"), not the
# dot inside a transliterated name ("约翰·史密斯").
_SEP = re.compile(r"\s*(?:,|，|、|;|；|&|＆|\band\b|\s和\s|\n\s*(?:[-*]\s+)?)\s*|\s+[·•]\s+")
_SEMI = re.compile(r"\s*[;；]\s*")
# Where one item of a YAML block list or a JSON list of names ends and the next begins.
_LIST_ITEM = re.compile(r'\s*\n\s*[-*]\s+|"\s*,\s*"')
#: "[Kaiming He] [Xiangyu Zhang] [Jian Sun]": each name in brackets of its own.
_BRACKETED_NAME = re.compile(r"\[([^\[\]\n]{2,60})\]")
_PREFIX = re.compile(r"^\s*(?:authors?|作者)\s*[:：]\s*", re.I)
# "^" joins footnote numbers ("A Lee1^2": the Markdown reader's form of "A Lee[^1][^2]");
# "∗" (U+2217) is the asterisk PDF text copies give.
_MARKS = re.compile(r"[\d*∗^†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰✉]+(?:[,，][\d¹²³⁴⁵⁶⁷⁸⁹⁰]+)*$")
_SUFFIX = re.compile(r"^(?:Jr|Sr)\.?$|^(?:II|III|IV)$")
# "Smith, J." / "van der Berg, A. B.": a surname, a comma, then initials only.
_SURNAME_FIRST = re.compile(r"^[^\W\d][\w'’\- ]*,\s*(?:[A-Z]\.?\s*(?:-\s*)?){1,4}$")
# Initials alone ("M.", "C. L.", "J.-P."): never a name of their own, so after a lone
# surname and a comma they are that surname's given names ("Riedmiller, M.").
_INITIALS_ONLY = re.compile(r"^(?:[A-Z]\.\s*(?:-\s*)?){1,4}$")
# One surname: a single word, with particles before it ("van der Berg").
# Particles are capitalised where they open the name ("Van Katwyk, Peter").
# A generational suffix may close it ("Daumé III, H.", "Marple Jr, S.L.").
_ONE_SURNAME = re.compile(r"^(?:(?i:van|von|de|der|den|di|da|du|le|la|del|della|ter)\s+)*[^\W\d][\w'’\-]*(?:\s+(?:Jr|Sr|II|III|IV)\.?)?$")
_AND = re.compile(r"\s+and\s+|\s*[&＆]\s*")


_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def _markers(tail: str) -> list[str]:
    """Affiliation numbers in a name's marks (``1,2``, ``¹²``); footnote symbols (``*``,
    ``†``) mark other things (equal contribution, corresponding author)."""
    t = tail.translate(_SUPERSCRIPT)
    if any(c in "¹²³⁴⁵⁶⁷⁸⁹⁰" for c in tail) and t.isdigit():
        return list(t)  # superscripts: one digit per affiliation
    out, cur = [], ""
    for c in t:
        if c.isdigit():
            cur += c
        else:
            if cur:
                out.append(cur)
            cur = ""
    return out + ([cur] if cur else [])


def _pieces(body: str, truncated: bool = False, comma_cut: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of each name in ``body``; ``truncated`` when the list ended in
    ``et al.`` (then single words are surnames cited alone, not surname-first pairs)."""
    bracketed = list(_BRACKETED_NAME.finditer(body))
    if bracketed and not _BRACKETED_NAME.sub("", body).strip():
        return [(m.start(1), m.end(1)) for m in bracketed]  # "[A Smith] [B Jones]"
    listed = list(_LIST_ITEM.finditer(body))
    if listed:
        # One name an item of a YAML block list or a JSON list ("- Lovelace, Ada" /
        # "- Hopper, Grace", '"Lovelace, Ada",\n "Hopper, Grace"'): a comma inside an item
        # is the name's own (surname first), not a separator.
        bounds, pos = [], 0
        for m in listed:
            bounds.append((pos, m.start()))
            pos = m.end()
        return bounds + [(pos, len(body))]
    semi = [(m.start(), m.end()) for m in _SEMI.finditer(body)]
    if semi:
        bounds, pos = [], 0
        for a, b in semi + [(len(body), len(body))]:
            bounds.append((pos, a))
            pos = b
        if all(_SURNAME_FIRST.match(body[a:b].strip()) for a, b in bounds if body[a:b].strip()):
            return bounds
    # BibTeX style, "Huang, Wenlong and Chao, Yu-Wei": every "and" piece is one surname,
    # a comma and given names — unambiguous, as "A Smith, B Jones and C Lee" has a piece
    # without a comma and one whose first part is two words.
    ands = list(_AND.finditer(body))
    if ands:
        bounds, pos = [], 0
        for m in ands + [None]:
            end = m.start() if m else len(body)
            bounds.append((pos, end))
            if m:
                pos = m.end()
        if all(_bibtex_name(body[a:b].strip()) for a, b in bounds):
            return bounds
    out: list[tuple[int, int]] = []
    pos = 0
    for m in list(_SEP.finditer(body)) + [None]:
        end = m.start() if m else len(body)
        piece = body[pos:end].strip()
        sep = body[out[-1][1] : pos] if out else ""
        prev = body[out[-1][0] : out[-1][1]].strip() if out else ""
        if out and _INITIALS_ONLY.match(piece) and _ONE_SURNAME.match(prev) and sep.strip() in (",", "，"):
            out[-1] = (out[-1][0], end)  # "Riedmiller, M.": one name, surname first
        else:
            out.append((pos, end))
        if m:
            pos = m.end()
    if truncated:
        return _inverted_lead(body, out, comma_cut)
    return _surname_first_pairs(body, _inverted_first(body, out))


def _inverted_lead(body: str, out: list[tuple[int, int]], comma_cut: bool) -> list[tuple[int, int]]:
    """A cut-short list that names its first author only, surname first (MLA's ``He,
    Kaiming, et al.``, ``Springenberg, Jost Tobias et al.``): one surname, a comma, then
    given names in title case or initials — one name, not two cited surnames. Two single
    words are one name only with MLA's comma before the "et al." (``comma_cut``):
    ``Mnih, Kavukcuoglu et al.`` cites two surnames."""
    named = [(a, b) for a, b in out if body[a:b].strip()]
    if len(named) != 2 or body[named[0][1] : named[1][0]].strip() != ",":
        return out
    surname, given = body[slice(*named[0])].strip(), body[slice(*named[1])].split()
    if not _NAME_WORD.match(surname) or not given or not _GIVEN_NAME.match(given[0]):
        return out
    if not all(_GIVEN_NAME.match(w) or _INITIALS_ONLY.match(w) or len(w) == 1 and w.isupper() for w in given[1:]) or len(given) > 3:
        return out
    if len(given) == 1 and not comma_cut:
        return out
    return [(named[0][0], named[1][1])]


def _inverted_first(body: str, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """MLA style inverts the first author only: ``LeCun, Yann, Yoshua Bengio, and
    Geoffrey Hinton``. Read so when the list opens with one word, a comma, a given name
    (one word, initials after it allowed: ``Geoffrey E.``), every later name has two
    words or more, and ``, and`` introduces the last — a given-name-first list has no
    one-word name at its head."""
    named = [(a, b) for a, b in out if body[a:b].strip()]  # ", and" leaves an empty piece
    if len(named) < 3:
        return out
    first, given = body[named[0][0] : named[0][1]].strip(), body[named[1][0] : named[1][1]].strip().split()
    if not _NAME_WORD.match(first) or body[named[0][1] : named[1][0]].strip() != ",":
        return out
    if not given or not _GIVEN_NAME.match(given[0]) or not all(_INITIALS_ONLY.match(w) for w in given[1:]):
        return out
    if any(len(body[a:b].split()) < 2 for a, b in named[2:]) or not _OXFORD_AND.search(body[named[-2][1] : named[-1][0]]):
        return out
    return [(named[0][0], named[1][1])] + named[2:]


_OXFORD_AND = re.compile(r",\s*and\s")
# A given name is written in title case ("Yann", "Yee-Whye"); "OpenAI" or "IBM" is not one.
_GIVEN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)*$")


# One word of a Latin-script name: capitalised letters, with hyphens and apostrophes
# ("Yu-Wei", "O'Neil"); a Chinese name is one word of its own and is never paired.
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*$")


def _surname_first_pairs(body: str, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``Huang, Wenlong, Chao, Yu-Wei`` → two names. A full name written given-name first
    has two words or more, so a comma list of single words in even number, commas only,
    is surname-first pairs; anything else (a piece of two words, an ``and``, an odd
    count) stays as split."""
    if len(out) < 2 or len(out) % 2:
        return out
    if not all(_NAME_WORD.match(body[a:b].strip()) for a, b in out):
        return out
    if any(body[out[k][1] : out[k + 1][0]].strip() != "," for k in range(len(out) - 1)):
        return out
    return [(out[k][0], out[k + 1][1]) for k in range(0, len(out), 2)]


def _bibtex_name(piece: str) -> bool:
    surname, comma, given = piece.partition(",")
    return bool(comma) and "," not in given and bool(_ONE_SURNAME.match(surname.strip())) and bool(given.strip())


def split_authors(text: str, offset: int = 0) -> tuple[list[Author], bool]:
    """Split an author line into :class:`Author` values with character spans.

    >>> [a.name for a in split_authors("S Salter, M Wulfmeier, R T. Q. Chen...")[0]]
    ['S Salter', 'M Wulfmeier', 'R T. Q. Chen']
    >>> split_authors("A Smith and B Jones et al.")[1]
    True
    >>> [a.name for a in split_authors("W P Thurston, Jr., D Gabai1,2 and 张伟*")[0]]
    ['W P Thurston, Jr.', 'D Gabai', '张伟']
    """
    m = _TRUNC.search(text)
    truncated = bool(m)
    body = text[: m.start()] if m else text
    # A full stop that ends the list ("…, Michael J. Black.") is not part of the last
    # name — unless it ends an initial or a suffix ("A. B.", "J.-P.", "Jr.").
    stripped = body.rstrip()
    last = stripped.split()[-1] if stripped.split() else ""
    if stripped.endswith(".") and not _SUFFIX.match(last) and len(last.rstrip(".")) > 1 and not _INITIALS_ONLY.match(last):
        body = stripped[:-1]
    pm = _PREFIX.match(body)
    if pm:  # keep offsets: blank the label out instead of cutting it
        body = " " * pm.end() + body[pm.end():]
    body, orgs = _without_annotations(body)
    spans: list[tuple[int, int, str]] = []
    marks: list[list[str]] = []
    # Pieces are found in the TeX shadow (same length: "Veli{\\v c}kovi{\\'c}" reads as one
    # word), names are cut from the text as written.
    for a, b in _pieces(tex_shadow(body), truncated, bool(m) and m.group(0).lstrip()[:1] in (",", "，")):
        raw = body[a:b]
        # Emphasis marks and, in a data file's list ("A",\n "B"), the quotes around a name.
        name = raw.strip().strip('*_"').strip()
        mm = _MARKS.search(name)
        tail = _markers(mm.group(0)) if mm else []
        name = _MARKS.sub("", name).strip()
        if not name or not any(c.isalpha() for c in name):
            if tail and marks:  # "A Smith1,2": the "2" split off by the comma is A Smith's
                marks[-1] += tail
            continue
        s = a + raw.find(name[0]) if name[0] in raw else a
        if _SUFFIX.match(name) and spans:
            ps, _, pname = spans[-1]
            spans[-1] = (ps, s + len(name), body[ps : s + len(name)])
            continue
        spans.append((s, s + len(name), name))
        marks.append(tail)
    ends = [s for s, _, _ in spans[1:]] + [len(body)]
    authors = [
        Author(
            name=name,
            position=k + 1,
            start=offset + s,
            end=offset + e,
            marks=tuple(dict.fromkeys(marks[k])),
            # The organisations bracketed after this name, before the next one.
            affiliations=tuple((offset + a, offset + b) for a, b in orgs if e <= a < ends[k]),
        )
        for k, (s, e, name) in enumerate(spans)
    ]
    return authors, truncated


def _without_annotations(body: str) -> tuple[str, list[tuple[int, int]]]:
    """``body`` with the bracketed role marks and organisations written beside its names
    blanked out (offsets kept), and the ``(start, end)`` of each organisation's text:
    ``Ye Tao [一作] (Central Queensland University), Can Wang [通讯] (Griffith University)``
    reads as ``Ye Tao, Can Wang`` and two organisations. A bracket that is neither (a
    nickname, a note) stays as written."""
    orgs: list[tuple[int, int]] = []
    out = body
    groups = annotations(body)
    if groups is None:  # a bracket that is no annotation (a nickname, a note): as written
        groups = [(g.start(), g.end(), "mark") for g in ANNOTATION_RE.finditer(body) if author_mark(g.group())]
    for a, e, kind in groups:
        if kind == "organisation":
            inner = body[a + 1 : e - 1]
            lead = len(inner) - len(inner.lstrip())
            orgs.append((a + 1 + lead, a + 1 + len(inner.rstrip())))
        out = out[:a] + " " * (e - a) + out[e:]
    return out, orgs
