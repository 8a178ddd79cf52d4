"""Rule vocabularies: the word lists the extraction rules read, from ``kg/data/rules/``.

One file per list (``<name>.txt``), one word or phrase per line, ``#`` starts a
comment; the first comment line says what the list is for. Lists are data so they can
be reviewed and extended without touching a rule (the STYLE rule "vocabularies are
data files"). English lists are compared lower-cased; Chinese lists are used for
substring/prefix/suffix tests, so they are returned as tuples too.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from kg.errors import KgError

__all__ = ["words", "phrases", "union", "phrase_search"]


@functools.cache
def phrases(name: str) -> tuple[str, ...]:
    """The entries of ``kg/data/rules/<name>.txt`` in file order (duplicates removed)."""
    p = resources.files("kg") / "data" / "rules" / f"{name}.txt"
    if not p.is_file():
        raise KgError(f"rule vocabulary kg/data/rules/{name}.txt is missing (reinstall kg)")
    out: dict[str, None] = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out[line] = None
    return tuple(out)


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of ``kg/data/rules/<name>.txt``, lower-cased, as a set."""
    return frozenset(w.lower() for w in phrases(name))


@functools.cache
def union(*names: str) -> frozenset[str]:
    """The lists ``names`` as one lower-cased set, built once a process: rules that read
    several lists together ask for the union per mention, not once."""
    return frozenset().union(*(words(n) for n in names))


@functools.cache
def phrase_search(*names: str):
    """The ``search`` of one compiled alternation of the phrases of lists ``names`` (as
    written, case kept): ``phrase_search(n)(s)`` is true exactly when
    ``any(z in s for z in phrases(n))`` is, in one C-level scan instead of a Python
    step and a substring search per phrase."""
    alts = sorted({p for n in names for p in phrases(n)}, key=lambda p: (-len(p), p))
    return re.compile("|".join(map(re.escape, alts))).search
