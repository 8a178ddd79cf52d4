"""Affiliation fields an entry writes out but its reader did not mark.

A layout that knows a digest marks the entry's affiliation field (``entry.affiliations``).
A digest no layout was written for is read by the generic reader, which finds the
entries but may leave a labelled line such as ``**机构**：Nanjing University, University
of Waterloo<br>``, ``- Affiliations: MIT; Stanford`` or a JSON record's
``"institute": "Yale University",`` inside the entry's text. Such a line names the
paper's organisations as plainly as a marked field does, so
:func:`labelled_affiliations` reads it, with the field keys the parser knows
(``kg/data/parse/field_keys.json``, kind ``affiliations``).

:func:`kg.extract.extract_entry` uses it only for entries without a marked affiliation
field, before the prose frames of :mod:`kg.extract.maker_frames`.
"""
from __future__ import annotations

import functools
import re

from kg.extract.affiliations import split_affiliations
from kg.parse.author_fields import author_team, author_value, closing_organisations
from kg.parse.data import load_json
from kg.parse.fields import preprint_statement
from kg.extract.affiliation_parts import names_organisation
from kg.records import Mention
from kg.resolve import institutions

__all__ = ["labelled_affiliations"]

# A Chinese organisation's last word (an unknown Chinese name is one only with it).
_ZH_ORG_END = re.compile(r"(?:大学|学院|研究院|研究所|科学院|实验室|公司|集团|研究中心|中心)$")

# Short English keys are words of running text too ("Lab: we thank …" opening a line is
# no field): such a key is read only where it is marked up or opens a list item.
_BARE_KEYS_MIN_LEN = 5


@functools.cache
def _field_line(kind: str = "affiliations") -> re.Pattern[str]:
    """A line (or what follows an HTML ``<br>`` in one) that opens (after a list mark, a
    table bar or a quote) with a key of
    ``kind``, maybe emphasised, then a colon and the value up to the end of the line."""
    keys = sorted(load_json("field_keys.json").get(kind, ()), key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in keys)
    return re.compile(
        # A line, or an HTML line break inside one ("> lead text<br>**作者单位**：…").
        r"(?:^|<br\s*/?>)[ \t>]*(?:[-*+][ \t]+|\|[ \t]*|\d{1,2}[.)][ \t]+)?"  # list mark, table bar, number
        r"(?P<m1>\*\*|__|\*|_|\"|')?"  # emphasis or a JSON/YAML quote around the key
        rf"(?P<key>{alt})"
        r"(?P<m2>\*\*|__|\*|_|\"|')?[ \t]*[:：](?:\*\*|__)?[ \t]*"
        r"(?P<value>[^\n]*)",
        re.I | re.M,
    )


# What closes a value on its line: an HTML line break, a JSON string's end, emphasis, a
# table bar.
_VALUE_TAIL = re.compile(r"(?:\s*(?:<br\s*/?>|\"\s*,?|\*\*|__|\|)\s*)+$", re.I)


# Lower-case words inside an organisation's name ("Allen Institute for AI", "Universidad de
# Chile"); other lower-case words make a sentence.
_NAME_CONNECTORS = frozenset(
    {"of", "for", "the", "and", "at", "in", "on", "de", "del", "la", "le", "du", "des", "di", "da", "do", "und", "für", "&"}
)
#: Longest name read from an unmarked field, in words: more is a sentence.
MAX_NAME_WORDS = 10


def _organisation(name: str) -> bool:
    """Whether a name read from an unmarked field is an organisation's: a known one, or
    one with an organisation's look that opens like a name. The key of an unmarked line
    is weaker evidence than a reader's field ("**Organization:** The paper is organized
    into five sections", "Institution: Not specified", "机构：未提及")."""
    name = name.strip()
    if not name or institutions().is_known(name):
        return bool(name)
    words = name.split()
    if len(words) > MAX_NAME_WORDS or name[0].islower():
        return False
    if sum(w[0].islower() and w.casefold() not in _NAME_CONNECTORS for w in words) > 1:
        return False  # "The authors are from Stanford University": a sentence
    return names_organisation(name) or bool(_ZH_ORG_END.search(name))


def _short_name(name: str) -> bool:
    """A name of at most three words, none of them a sentence's lower-case word."""
    words = name.split()
    return 0 < len(words) <= 3 and not any(w[0].islower() and w.casefold() not in _NAME_CONNECTORS for w in words[1:])


def labelled_affiliations(text: str) -> list[Mention]:
    """Canonical institutions of the affiliation fields written in ``text`` (deduplicated,
    in order), with spans into ``text``; and of the organisations an author field names
    beside its people.

    >>> [m.name for m in labelled_affiliations("Title\\n**机构**：Nanjing University, Yale University<br>\\n")]
    ['Nanjing University', 'Yale University']
    >>> labelled_affiliations("We thank the lab: it helped.")
    []
    """
    if ":" not in text and "：" not in text:
        return []
    out: list[Mention] = []
    seen: set[str] = set()

    def add(value: str, offset: int) -> None:
        found = split_affiliations(value, offset)[0]
        plain = [_organisation(m.text) for m in found]
        for mention, ok in zip(found, plain):
            # "Organization: The paper is organized …", "机构：未提及" name none; a short
            # name kg cannot place ("imec") is one beside a plain organisation of the field.
            if not (ok or any(plain) and _short_name(mention.text)):
                continue
            if mention.name not in seen:
                seen.add(mention.name)
                out.append(mention)

    for m in _field_line().finditer(text):
        marked = m.group("m1") or m.group("m2") or text[m.start() : m.start("key")].strip()
        key = m.group("key")
        if not marked and key.isascii() and len(key) < _BARE_KEYS_MIN_LEN:
            continue
        value = m.group("value")
        value = value[: _VALUE_TAIL.search(value).start()] if _VALUE_TAIL.search(value) else value
        if not value.strip() or preprint_statement(value):
            continue  # "Institution: arXiv (2603.03237v1) — q-bio.QM" names the server
        add(value, m.start("value"))
    # An author field names its organisations where a team signs before its people
    # ("Authors: Simple AI: Yuteng Wei, …") or a bracket closes the list ("作者：A, B 等
    # (上海AI Lab)"), as a marked one does (kg.parse.author_fields).
    for m in _field_line("authors").finditer(text):
        value, base = m.group("value"), m.start("value")
        span = author_team(value)
        if span is None:
            names = author_value(value)
            span = closing_organisations(value, names[1]) if names is not None else None
        if span is not None:
            add(value[span[0] : span[1]], base + span[0])
    return out
