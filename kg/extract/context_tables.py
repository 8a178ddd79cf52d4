"""The per-token tables :func:`kg.extract.context.build_context` builds once an entry —
lower-cased words, sentence numbers, "inside a region" flags, glued compounds and the
cue phrases — split from the context's read helpers. Each is built with as little
Python per token as measured cheapest (cachegrind: a comprehension or a dict lookup per
token beats C-level ``map`` chains of method wrappers, and what can be found in the text
— line breaks, full stops — is searched there instead of tested token by token).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from kg.extract.nlp import WORD, cue_table

__all__ = ["LOWER", "compounds", "cues", "in_regions", "sentences"]

_GLUE = ("-", "_", "+")


class _Lowered(dict):
    """Token -> its lower-cased form, filled on first sight (entries repeat their words,
    and digests each other's: a lookup costs less than lower-casing anew). Bounded:
    emptied when it grows past :data:`LOWER_CACHE` tokens."""

    def __missing__(self, w: str) -> str:
        if len(self) >= LOWER_CACHE:
            self.clear()
        low = self[w] = w.lower()
        return low


#: Distinct tokens :data:`LOWER` keeps at most (a few MB).
LOWER_CACHE = 100_000
LOWER = _Lowered()

_SENT_END = frozenset(("。", "！", "？", "；", "!", "?", ";"))


def sentences(words: list[str], ws: list[bool], text: str, idx: list[int], tok_at: dict[int, int]) -> list[int]:
    """Sentence number of every token (split on . ! ? ; and their CJK forms, and lines)."""
    n = len(words)
    # Whether each token closes its sentence, then running counts. The marks by a set
    # lookup a token; line breaks and full stops are found in the text (few an entry):
    # a line break lies inside a whitespace token, and a full stop closes only before a
    # space, a line or the end.
    closes = list(map(_SENT_END.__contains__, words))
    p = text.find("\n")
    while p >= 0:
        closes[bisect_right(idx, p) - 1] = True
        p = text.find("\n", p + 1)
    p = text.find(".")
    while p >= 0:
        k = tok_at.get(p)
        if k is not None and words[k] == "." and (ws[k] or k + 1 == n or words[k + 1].startswith("\n")):
            closes[k] = True
        p = text.find(".", p + 1)
    return list(accumulate(closes, initial=0))[:n]


def in_regions(idx: list[int], regions: tuple[tuple[int, int], ...]) -> list[bool]:
    """For each token offset (ascending), whether it lies inside a region: the regions
    merged into disjoint ranges, each marking the token slice it covers (two bisections
    a region, no per-token step)."""
    merged: list[list[int]] = []
    for a, b in sorted(regions):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out = [False] * len(idx)
    for a, b in merged:
        i, j = bisect_left(idx, a), bisect_left(idx, b)
        out[i:j] = [True] * (j - i)
    return out


def compounds(words, ws, kinds, in_region, latin) -> list[tuple[int, int]]:
    """Maximal runs of Latin/digit tokens glued by ``-``/``_``/``+`` with no whitespace
    (token index ranges), starting inside the regions. Only the Latin words (``latin``,
    in order) can start one: the others are not looked at."""
    out, nxt, n = [], 0, len(words)
    for i in latin:
        if i < nxt or not in_region[i]:
            continue  # inside the run before, or outside the regions
        j = i + 1
        while j + 1 < n and not ws[j - 1] and words[j] in _GLUE and not ws[j] and kinds[j + 1] == WORD:
            j += 2
        out.append((i, j))
        nxt = j
    return out


def cues(words_: list[str], lower: list[str], sent: list[int], in_region: list[bool]):
    out, contribution = [], False
    for s, e, kind in sorted(cue_table().find(lower)):
        if kind == "NAMED" and words_[s][0].isupper():
            continue  # "Named Entity Recognition": a capitalised word of a name, not a cue
        if kind == "AND_VERB":
            # "… and develop X" is a contribution only after a first-person clause.
            if not any(lower[k] == "we" and sent[k] == sent[s] for k in range(max(0, s - 40), s)):
                continue
            kind, s = "WE_VERB", s + 1
        if in_region[s]:
            out.append((kind, s, e))
            if kind in ("WE_VERB", "ZH_WE"):
                contribution = True
    return out, contribution
