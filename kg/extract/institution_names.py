"""Affiliation text → institution names as written: the steps of
:func:`kg.extract.affiliations.split_affiliations` before resolution.

``[The University of Hong KongUniversity of Washington & CMU & Penn State University]``
is four institutions. The steps, each a small function:

1. split into groups on ``&``/``;``/``|``/``、`` and a spaced middle dot (``东京大学 · 庆应义塾大学``;
   not inside ``Texas A&M`` or ``AT&T``),
   and on ``/`` without spaces when every piece names an organisation (``清华大学/北京大学``,
   not ``TU/e``);
2. split glued names: a lower-case letter directly followed by the capital that starts
   a known institution or an organisation word (``Hong KongUniversity``), and Chinese
   names run together (``清华大学北京大学``) by longest known prefix;
3. within a comma group (``Dept. of CS, Stanford University, Stanford, CA 94305, USA``)
   keep the organisations: re-join comma parts whose joined form is a known name
   (``University of California, Santa Barbara``), drop departments, sub-units named
   before their university (``Leverhulme Centre …, University of Cambridge``),
   addresses, places and countries, a college named right before its university,
   footnote letters glued to a name (``bElectrical Engineering Department``), and
   affiliation numbers after a country (``USA 2 School of …``);
4. reduce each name to its institution: an abbreviation in brackets
   (``… (MBZUAI)``), a department glued to a Chinese name (``清华大学计算机系``), a
   site after a known name (``Inria Nancy - Grand Est``);
5. drop names cut off mid-way (``the University of Western``).

Steps 1–2 live in :mod:`kg.extract.institution_groups`, the tests of one part
(address, department, organisation word …) in :mod:`kg.extract.affiliation_parts`;
this module reads the comma groups and reduces each name (steps 3–5).

Resolution (step 6, canonical names) happens in :mod:`kg.extract.affiliations`.
"""
from __future__ import annotations

import re

from kg.extract.affiliation_parts import (
    NO_ORGANISATION, PLACES, ZH_ORG_SUFFIX, is_address, is_department, names_organisation, subject_phrase, unfinished,
    unmark,
)
from kg.extract.institution_groups import split_glued, split_groups
from kg.resolve import institutions
from kg.text import normalize

__all__ = ["institution_names"]

# Parts of a larger institution when named before it in one comma group.
_SUBUNIT = re.compile(
    r"\b(?:cent(?:re|er)|lab|labs|laborator\w*|institute|school|faculty|group|division|program(?:me)?|department|dept|"
    r"unit|chair|college of|graduate school)\b",
    re.I,
)
_UNIVERSITY_LEVEL = re.compile(
    r"universit|universidad|universidade|polytechnic|politecnico|hochschule|institute of technology|\bcollege\b(?!\s+of)|大学",
    re.I,
)
_CORP_SUFFIX = re.compile(r",\s*(?=(?:Inc|Ltd|LLC|Co|Corp|GmbH|S\.A|AG|PBC|L\.P)\b\.?)")
# A college named before a university in one comma group is one of its colleges
# ("MBIE College, Northeastern University"; "Trinity College, University of Cambridge").
_COLLEGE = re.compile(r"\bcollege\b", re.I)
# An affiliation number inside a comma part, right after the country or institution that
# ends the previous affiliation: "…, USA 2 School of …", "Seoul National University 2 NAVER".
_INLINE_MARKER = re.compile(r"\s+\d{1,2}\s+(?=[^\W\d_])")


def _split_inline_marker(part: str) -> list[str]:
    """``Greece 3 University Hospital`` → ``[Greece, University Hospital]`` when what comes
    before the number is an address or a known institution (``Seoul National University 2
    NAVER AI Lab``); any other number stays in the name."""
    m = _INLINE_MARKER.search(part)
    if not m or not (is_address(part[: m.start()]) or institutions().is_known(part[: m.start()])):
        return [part]
    return [part[: m.start()]] + _split_inline_marker(part[m.end() :])


def _model_name(seg: str) -> bool:
    """Whether ``seg`` is a model family kg knows (``InternLM`` beside ``上海AI Lab``) and
    neither a known institution nor organisation-shaped."""
    from kg.extract.nlp import gazetteer  # the model tables load only where a name is in doubt

    if institutions().is_known(seg) or names_organisation(seg) or ZH_ORG_SUFFIX.search(seg):
        return False
    known = gazetteer().known(seg)
    return known is not None and known[0] == "MODEL"


def _clean(seg: str) -> str:
    # "@ZIP Lab": an at sign before an organisation (a title's "(@org)" suffix) is no part of it.
    return seg.strip(" \t,;.-–·:：[]［］@＠")


def _resolve_commas(group: str) -> list[str]:
    """A group like ``Dept. of CS, Stanford University, CA, USA`` → ``[Stanford University]``."""
    res = institutions()
    if res.is_known(group):
        return [group]
    # "Baidu, Inc." is one name: hide its comma behind a sentinel the text does not
    # contain (any fixed character could be in the input, even U+0000 from UTF-16).
    sentinel = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in group)
    protected = _CORP_SUFFIX.sub(sentinel + " ", group)
    parts = [unmark(p.replace(sentinel, ",")) for p in (_clean(x) for x in re.split(r"\s*[,，]\s*", protected)) if p]
    parts = [q for p in parts for q in _split_inline_marker(p)]
    if len(parts) <= 1:
        return [p.replace(sentinel, ",") for p in parts] or [group]
    joined: list[str] = []
    i = 0
    while i < len(parts):
        # Longest run of comma parts that is a known name.
        for j in range(len(parts), i, -1):
            cand = ", ".join(parts[i:j])
            if j - i > 1 and res.is_known(cand):
                joined.append(cand)
                i = j
                break
        else:
            joined.append(parts[i])
            i += 1
    known = [res.is_known(p) for p in joined]
    org = [k or (names_organisation(p) and not is_department(p)) for p, k in zip(joined, known)]
    if not any(org):
        # Nothing looks like an organisation: keep the line whole rather than invent parts
        # — less its address ("imec, Belgium" is imec).
        rest = [p for p in joined if not is_address(p)]
        return rest if len(rest) == 1 else [group]
    out: list[str] = []
    seen_org = False
    for i, p in enumerate(joined):
        if is_address(p) or seen_org and normalize(p) in PLACES:
            continue
        if is_department(p) and not known[i]:
            tail = _known_tail(p)
            if tail is not None:
                out.append(tail)  # "School of … of Southeast University"
                seen_org = True
            continue
        if not org[i]:
            continue  # a city, a state, a lab acronym: not an institution of its own
        later_univ = any((known[k] or _UNIVERSITY_LEVEL.search(joined[k])) for k in range(i + 1, len(joined)))
        if not known[i] and _SUBUNIT.search(p) and not _UNIVERSITY_LEVEL.search(p) and later_univ and _core(p) == p:
            continue  # "Leverhulme Centre …, University of Cambridge": part of the university
        next_univ = i + 1 < len(joined) and (known[i + 1] or _UNIVERSITY_LEVEL.search(joined[i + 1]))
        if not known[i] and _COLLEGE.search(p) and next_univ and not _UNIVERSITY_LEVEL.search(_COLLEGE.sub("", p)):
            continue  # "MBIE College, Northeastern University": one of the university's colleges
        out.append(p)
        seen_org = True
    return out


def _core(seg: str) -> str:
    """The institution inside ``seg``: without a bracketed abbreviation or site, when that
    is what makes it known; a known organisation that a department or centre names
    (``School of Computer Science and Engineering of Southeast University``,
    ``NVIDIA AI Technology Center``)."""
    res = institutions()
    if res.is_known(seg):
        return seg
    known_tail = _known_tail(seg)
    if known_tail is not None:
        return known_tail
    words = seg.split()
    for k in range(min(len(words) - 1, 4), 0, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if res.is_known(head) and _SUBUNIT.search(tail) and not _UNIVERSITY_LEVEL.search(tail):
            return head
    pm = re.fullmatch(r"(?P<name>.+?)\s*[(（](?P<inner>[^()（）]+)[)）]\s*", seg)
    if pm:
        name, inner = pm.group("name").strip(), pm.group("inner").strip()
        if res.is_known(name) or not res.is_known(inner):
            return _core(name)
        return inner
    # A known name followed by a site or campus ("Inria Nancy - Grand Est").
    words = seg.split()
    for k in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if res.is_known(head) and not names_organisation(tail):
            return head
    return seg


def _known_tail(seg: str) -> str | None:
    """``Department of X of Southeast University`` → ``Southeast University``: the
    longest known name after an ``of``/``at``."""
    res = institutions()
    for m in re.finditer(r"\b(?:of|at)\s+", seg):
        tail = seg[m.end() :].strip()
        if res.is_known(tail) and _UNIVERSITY_LEVEL.search(tail):
            return tail
    return None


def institution_names(text: str) -> list[tuple[int, str]]:
    """``(start in text, name as written)`` of every institution named in ``text``."""
    names: list[tuple[int, str]] = []
    for gstart, group in split_groups(text):
        group = _clean(group)
        if not group:
            continue
        cursor = gstart  # names of a group in order: "Microsoft Research Asia, Microsoft"
        for glued in split_glued(group):
            for seg in _resolve_commas(glued):
                seg = _core(unmark(_clean(seg)))
                if (
                    not seg
                    or is_department(seg) and not institutions().is_known(seg)
                    or NO_ORGANISATION.match(seg)
                    or unfinished(seg)  # "the University of Western": cut off, no name as written
                    or subject_phrase(seg)  # "Science and Information Technologies": a department's words
                ):
                    continue
                seg = _clean(seg)
                k = text.find(seg, cursor)
                if k < 0:
                    k = text.find(seg, gstart)
                else:
                    cursor = k + len(seg)
                names.append((k if k >= 0 else gstart, seg))
    # "(上海AI Lab / InternLM)": a model family named beside its lab is no institution; a
    # name alone ("[Mistral]") is the field's only organisation, whatever else it names.
    models = [_model_name(seg) for _, seg in names]
    if any(models) and not all(models):
        names = [n for n, is_model in zip(names, models) if not is_model]
    return names
