"""Lower-case method names a contribution verb introduces and an apposition types:
``we propose virtual context management, a technique drawing on …``.

Prose writes many a method's name in lower case. Alone, a lower-case phrase after "we
propose" is a description ("we propose to prune heads"); renamed at once by an
indefinite apposition whose head is a kind noun (``, a technique``, ``, an approach
that``), it is the name of that method or system — the paper's own. The phrase is two
to five plain words; paradigms ("data augmentation"), generic kinds and task phrases
are no names.
"""
from __future__ import annotations

from kg.extract.candidate import TO_LONG_FORMS, Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.nlp import WORD
from kg.extract.vocab import union, words

NAME = "cue"
MIN_WORDS, MAX_WORDS = 2, 5
#: Words an apposition may put between its article and its kind noun ("a principled
#: and practical method").
APPOS_GAP = 5
_FILLERS = frozenset(("a", "an", "the"))


def _phrase_end(ctx: Context, i: int) -> int | None:
    """End of a run of lower-case words from token ``i`` (hyphen-glued parts included)
    closed by a comma, or None."""
    w, n, j, count = ctx.words, len(ctx.words), i, 0
    while j < n and ctx.kinds[j] == WORD and w[j].isalpha() and w[j].islower():
        count += 1
        j += 1
        while j + 1 < n and w[j] == "-" and not ctx.ws[j - 1] and not ctx.ws[j] and ctx.kinds[j + 1] == WORD:
            j += 2
        if count > MAX_WORDS:
            return None
    return j if count >= MIN_WORDS and j < n and w[j] in (",", "，") else None


def find(ctx: Context, prior=()) -> list[Candidate]:
    kinds, n = words("apposition_kinds"), len(ctx.words)
    not_names = union("paradigms", "task_heads")  # cached: no set built an entry
    out = []
    for kind, s, e in ctx.cues:
        if kind != "WE_VERB" or e >= n:
            continue
        i = e
        while i < n and ctx.lower[i] in _FILLERS:
            i += 1
        j = _phrase_end(ctx, i) if i < n else None
        if j is None or j + 2 >= n or ctx.lower[j + 1] not in ("a", "an"):
            continue
        head = next((k for k in range(j + 2, min(n, j + 2 + APPOS_GAP)) if ctx.lower[k] in kinds
                     or ctx.words[k] in (",", ".", ";", "(")), None)
        if head is None or ctx.lower[head] not in kinds or ctx.lower[head] in words("dataset_words"):
            continue
        text = ctx.stext(i, j)
        last = text.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
        # "we propose to prune heads, a method …": function words make a clause.
        if text in not_names or last in not_names or generic(text) or any(
                ctx.lower[k] in words("stop_caps") for k in range(i, j)):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, text, NAME, "MODEL", proposed=True, yields=TO_LONG_FORMS))
    return out
