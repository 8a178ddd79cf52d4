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
from kg.records import Mention

__all__ = ["labelled_affiliations"]

# Short English keys are words of running text too ("Lab: we thank …" opening a line is
# no field): such a key is read only where it is marked up or opens a list item.
_BARE_KEYS_MIN_LEN = 5


@functools.cache
def _field_line(kind: str = "affiliations") -> re.Pattern[str]:
    """A line that opens (after a list mark, a table bar or a quote) with a key of
    ``kind``, maybe emphasised, then a colon and the value up to the end of the line."""
    keys = sorted(load_json("field_keys.json").get(kind, ()), key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in keys)
    return re.compile(
        r"^[ \t>]*(?:[-*+][ \t]+|\|[ \t]*|\d{1,2}[.)][ \t]+)?"  # list mark, table bar, number
        r"(?P<m1>\*\*|__|\*|_|\"|')?"  # emphasis or a JSON/YAML quote around the key
        rf"(?P<key>{alt})"
        r"(?P<m2>\*\*|__|\*|_|\"|')?[ \t]*[:：](?:\*\*|__)?[ \t]*"
        r"(?P<value>[^\n]*)",
        re.I | re.M,
    )


# What closes a value on its line: an HTML line break, a JSON string's end, emphasis, a
# table bar.
_VALUE_TAIL = re.compile(r"(?:\s*(?:<br\s*/?>|\"\s*,?|\*\*|__|\|)\s*)+$", re.I)


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
        for mention in split_affiliations(value, offset)[0]:
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
