"""Organisations written after an at-sign where a title ends: ``Title(@MIT&NVIDIA)``,
``Title(@ust.hk&meta etc)``, ``Title(@cs.princeton.edu etc)`` — "made at". The at-sign
says the bracket names where the paper comes from; every part must still read as an
organisation (a known one, one with an organisation word, or an e-mail domain standing
for one), so a social-media handle (``(@karpathy)``) is not taken for one.
"""
from __future__ import annotations

import re

from kg.parse.data import load_words

__all__ = ["at_organisations"]

#: "and others" closing a list cut short (kg/data/parse/list_tails.txt).
_TAIL = re.compile(r"\s*(?:" + "|".join(map(re.escape, sorted(load_words("list_tails.txt"), key=len, reverse=True))) + r")\s*$", re.I)
#: Parts of the list: joined by "&", "/", ",", ";" or "、".
_SEP = re.compile(r"\s*[&/,;，；、]\s*")
#: An e-mail domain (``cs.princeton.edu``, ``meituan.com``): labels joined by dots, the
#: last one letters only.
_DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,12}", re.I)


def at_organisations(s: str) -> tuple[int, int] | None:
    """``(start, end)`` of the organisations in a bracket's text ``s`` that opens with an
    at-sign (the at-sign and a closing ``etc`` left out), or ``None``.

    >>> s = "@ust.hk&meta etc"; s[slice(*at_organisations(s))]
    'ust.hk&meta'
    >>> at_organisations("@karpathy") is None, at_organisations("MIT") is None
    (True, True)
    """
    a = len(s) - len(s.lstrip())
    if not s.startswith("@", a):
        return None
    a += 1
    e = len(s.rstrip())
    tail = _TAIL.search(s, a, e)
    if tail is not None:
        e = tail.start()
    parts = [p for p in _SEP.split(s[a:e]) if p]
    if not parts or not all(_organisation(p) for p in parts):
        return None
    return a, e


def _organisation(p: str) -> bool:
    from kg.resolve import ORG_WORDS, institutions

    if len(p.split()) > 15 or re.search(r"\d", p) and not _DOMAIN.fullmatch(p):
        return False
    return bool(_DOMAIN.fullmatch(p)) or institutions().is_known(p) or bool(ORG_WORDS.search(p))
