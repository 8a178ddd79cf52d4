"""Russian dataset contexts around Latin names:

* ``на датасете Zorbank``, ``бенчмарки Zorbank и Quxal``, ``набор данных Zorbank`` — a
  data noun (``dataset_words_ru``, any case ending) right before the names;
* ``эксперименты на Zorbank и Quxal``, ``модель обучена на Zorbank`` — "на" ("on") after
  an evaluation or training word (``evaluation_words_ru``) a few words back.

Russian puts the noun before the name it classifies and writes names in Latin letters,
so the frames read Latin names only (a capitalised Cyrillic word is a sentence's first
word, not a name). Names joined by commas, "и" ("and") or "или" ("or") share the frame.
A list holding a known model names no data, nor do software, hardware and generic kinds
("обучена на H100").
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import forced_datasets, name_item
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "context"
_JOINERS = frozenset((",", "и", "или"))
#: Words back from "на" within which an evaluation word must stand ("оцениваем нашу модель на X").
EVALUATION_REACH = 3
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z0-9]")
#: "набор" is a data noun only as "набор данных" ("a set of data"); alone it is any set.
_SET, _OF_DATA = "набор", "данных"

def _trigger_strings() -> tuple[str, ...]:
    """The data stems and "на", as written in lower case, capitalised or in capitals."""
    base = (*phrases("dataset_words_ru"), "на")
    return tuple(f(w) for w in base for f in (str.lower, str.capitalize, str.upper))


TRIGGERS = Triggers(text=_trigger_strings)


def _names_from(ctx: Context, k: int) -> list[tuple[int, int]]:
    """Latin names joined by commas, и or или from token ``k`` (spaces skipped)."""
    out, n = [], len(ctx.words)
    while k < n:
        while k < n and ctx.words[k].isspace():
            k += 1
        j = ctx.compound_end.get(k)
        if j is None or not _LATIN.match(ctx.words[k][:1]) or not name_item(ctx, k, j):
            return out
        out.append((k, j))
        m = j
        while m < n and ctx.words[m].isspace():
            m += 1
        if m >= n or ctx.lower[m] not in _JOINERS:
            return out
        k = m + 1
    return out


def _evaluated_before(ctx: Context, d: int) -> bool:
    """An evaluation word (``evaluation_words_ru``) within :data:`EVALUATION_REACH` words
    before "на" at ``d``, in the same sentence."""
    stems = tuple(phrases("evaluation_words_ru"))
    k, seen = d - 1, 0
    while k >= 0 and seen < EVALUATION_REACH and ctx.sent[k] == ctx.sent[d]:
        if not ctx.words[k].isspace():
            if ctx.lower[k].startswith(stems):
                return True
            seen += 1
        k -= 1
    return False


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not _CYRILLIC.search(ctx.text):
        return []
    stems = tuple(phrases("dataset_words_ru"))
    found: list[tuple[int, int]] = []
    n = len(ctx.words)
    for d in range(n - 1):
        low = ctx.lower[d]
        if not ctx.in_region[d] or not _CYRILLIC.match(low[:1]):
            continue
        k = d + 1
        if low.startswith(stems):
            if low.startswith(_SET):
                while k < n and ctx.words[k].isspace():
                    k += 1
                if k >= n or ctx.lower[k] != _OF_DATA:
                    continue  # "набор" alone is any set
                k += 1
            items = _names_from(ctx, k)  # "на датасете Zorbank", "набор данных Zorbank"
        elif low == "на" and _evaluated_before(ctx, d):
            items = _names_from(ctx, k)  # "эксперименты на Zorbank и Quxal"
        else:
            continue
        if items and not with_known_model(ctx, items):
            found += items
    bad = words("software_names") | words("hardware_words")
    return forced_datasets(ctx, found, NAME, lambda text: text.lower() in bad or generic(text))


__all__ = ["find", "NAME", "TRIGGERS"]
