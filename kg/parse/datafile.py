"""Data files a site renders its paper pages from: JSON, or a script that assigns one
JSON value (``daily_data = { … };``, ``export default [ … ]``).

:func:`json_data` parses such a file with the :mod:`json` module (no JavaScript is
run or evaluated: a script whose value is not strict JSON is not read as data) and
returns the value, so that the reader keeps the file's lines as written and the
``jsondata`` layout can read its records.
"""
from __future__ import annotations

import functools
import json
import re

__all__ = ["json_data", "records", "opens_data", "mapping"]

# What may stand before the value in a script: "daily_data =", "var papers =",
# "window.DATA =", "export default", "module.exports =".
_ASSIGN = re.compile(
    r"^\s*(?:(?:export\s+default)|(?:(?:const|let|var)\s+)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*=)\s*(?=[\[{])"
)


@functools.lru_cache(maxsize=8)
def json_data(text: str) -> object | None:
    """The JSON value of a data file, or ``None`` when ``text`` is not one.

    >>> json_data('daily_data = {"date": "2024-08-05", "tweets": []};')
    {'date': '2024-08-05', 'tweets': []}
    >>> json_data('[{"title": "T"}]')
    [{'title': 'T'}]
    >>> json_data("x = {title: 'T'}") is None  # a JavaScript object literal, not JSON
    True
    >>> json_data("# A heading") is None
    True
    """
    body = text.lstrip("\ufeff").strip()
    if not body or body[0] not in "[{":
        m = _ASSIGN.match(body)
        if m is None:
            return None
        body = body[m.end() :]
    body = body.rstrip().rstrip(";").rstrip()
    if not body or body[0] not in "[{":
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def records(value: object, is_record, depth: int = 0) -> int:
    """How many mappings of ``value``'s lists satisfy ``is_record`` (the data holds
    records when some list of mappings is made of them)."""
    if isinstance(value, list):
        maps = [x for x in value if isinstance(x, dict)]
        found = sum(1 for m in maps if is_record(m))
        return found if maps and found * 2 >= len(maps) else sum(records(x, is_record, depth + 1) for x in maps) if depth < 3 else 0
    if isinstance(value, dict) and depth < 3:
        return sum(records(v, is_record, depth + 1) for v in value.values())
    return 0


def opens_data(text: str) -> bool:
    """Whether ``text`` opens as a data file: a JSON value or a script assigning one
    (``daily_data = {``), whole or cut short.

    >>> opens_data('daily_data = {\\n  "date": "2024-08-05",'), opens_data("# Title")
    (True, False)
    """
    body = text.lstrip("\ufeff").lstrip()
    return bool(body) and (body[0] in "[{" and body[:2] != "[!" or _ASSIGN.match(body) is not None)


def mapping(block: str) -> dict | None:
    """The JSON mapping a block of lines holds (``{ … },`` with its trailing comma), or
    ``None``."""
    body = block.strip().rstrip(",").rstrip()
    if not body.startswith("{"):
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
