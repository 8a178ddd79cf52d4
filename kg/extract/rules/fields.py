"""Labelled fields that list models: ``Algorithm: PPO-Clip, PPO-Penalty.``, ``模型: X``.

Reading lists and tables often carry a field whose label says what its value lists
(the labels are data: ``kg/data/rules/model_fields.txt``); each item of such a value
that is written like a name (capitalised words or a name shape, a few words at most)
is a model, and the paper's own under a singular label (``own_fields.txt``: "Algorithm:",
not "Models:"). :func:`field_spans` also gives these values — and those of fields whose
value is prose about the paper (``prose_fields.txt``) — to the extraction as regions
to read when the parser kept them out of the entry's body.
"""
from __future__ import annotations

import functools
import re

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive, generic, is_institution
from kg.extract.nlp import gazetteer
from kg.extract.vocab import words

__all__ = ["NAME", "find", "field_spans"]

NAME = "field"
#: An item of a list field is a name of at most this many words ("Deep Recurrent
#: Q-Learning"); longer items are sentences.
MAX_ITEM_WORDS = 5
_ITEM_SPLIT = re.compile(r"\s*(?:[,;，；、]|\band\b|\bor\b)\s*")
_PAREN = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


_COLON = re.compile(r"[:：]")
_LABEL_BEFORE = re.compile(r"(\w+)[ \t]*$")
_VALUE_END = re.compile(r"\.\s|\.$|。|\n")
#: How far before a colon its label may start (the longest label and some spaces).
_LABEL_REACH = 40


def _opens(text: str, k: int) -> bool:
    """A label at ``k`` opens a line, a table cell, or a sentence (after ". ")."""
    j = k
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] in "\n|。；":
        return True
    return j < k and text[j - 1] in ".;"


@functools.lru_cache(maxsize=256)
def field_spans(text: str, kinds: tuple[str, ...] = ("model_fields", "prose_fields")) -> tuple[tuple[int, int], ...]:
    """Character spans of the values of labelled fields in ``text``: a label that opens
    a line, a sentence or a table cell, a colon, and the value up to the end of the
    line or of the sentence. The colons are found first (an entry holds a few), then
    the word before each is looked up, so long text costs little."""
    labels = frozenset().union(*(words(k) for k in kinds))
    out = []
    for c in _COLON.finditer(text):
        m = _LABEL_BEFORE.search(text, max(0, c.start() - _LABEL_REACH), c.start())
        if m is None or m.group(1).lower() not in labels or not _opens(text, m.start(1)):
            continue
        v = c.end()
        while v < len(text) and text[v] in " \t":
            v += 1
        e = _VALUE_END.search(text, v)
        b = e.start() if e else len(text)
        if b > v:
            out.append((v, b))
    return tuple(out)


def _name_like(item: str) -> bool:
    parts = item.split()
    if not parts or len(parts) > MAX_ITEM_WORDS or len(item) < 2:
        return False
    if generic(item) or is_institution(item) or item.lower() in words("stop_caps"):
        return False
    return all(p[:1].isupper() or p[:1].isdigit() or distinctive(p) for p in parts)


def _label(text: str, a: int) -> str:
    """The label of the field whose value starts at ``a`` ("algorithm" of "Algorithm: X"),
    lower-cased."""
    k = text.rfind(":", max(0, a - _LABEL_REACH), a)
    k = max(k, text.rfind("：", max(0, a - _LABEL_REACH), a))
    m = _LABEL_BEFORE.search(text, max(0, k - _LABEL_REACH), k) if k >= 0 else None
    return m.group(1).lower() if m else ""


def find(ctx: Context, prior=()) -> list[Candidate]:
    gaz = gazetteer()
    out = []
    for a, b in field_spans(ctx.text, ("model_fields",)):
        if not ctx.inside(a):
            continue
        value = ctx.text[a:b]
        own = _label(ctx.text, a) in words("own_fields")
        pos = 0
        for piece in _ITEM_SPLIT.split(value):
            start = value.find(piece, pos) if piece else -1
            if start < 0:
                continue
            pos = start + len(piece)
            # "Prioritized Experience Replay (PER)": the acronym rule reads the parenthesis.
            item = _PAREN.sub("", piece).strip().rstrip(".")
            if not _name_like(item):
                continue
            s = a + start
            known = gaz.known(item)
            out.append(Candidate(s, s + len(item), known[1] if known else item, NAME, known[0] if known else "MODEL",
                                 known=bool(known), force_label=not known, proposed=own,
                                 # the whole item is the name: "Dueling DQN", not the known "DQN" in it
                                 yields=NEVER, covers=True))
    return out
