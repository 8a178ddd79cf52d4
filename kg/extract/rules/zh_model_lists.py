"""Latin names a Chinese enumeration lists with models are models:
``优于现有模型，如Qwen2-Audio和Mini-Omni``, ``三个检测器（AASIST、CA-MHFA、SLS）``.

Chinese prose joins the items of a list with 、 and 和/与/及 (``list_joiners``), with no
spaces, so the English list rule (capitalised words beside two known names) does not
read it: its items are hyphenated releases ("Mini-Omni") and short acronyms ("SLS")
as often as words. An item of such a list (a Latin word or a glued run of them, with
a capital) is a model where a known model or two models the earlier rules found are
among the items and no item is a dataset; generic terms ("LLM", "RAG") stay out.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.nlp import WORD

NAME = "list"
#: Chinese joiners between the items of an enumeration (no spaces around them).
_JOINERS = ("、", "和", "与", "與", "及", "或")
_JOINER_SET = frozenset(_JOINERS)


def _item(ctx: Context, i: int) -> int | None:
    """End token of the Latin item starting at ``i`` (a word or a glued run), or None."""
    if ctx.kinds[i] != WORD:
        return None
    return ctx.compound_end.get(i, i + 1)


def _lists(ctx: Context):
    """Enumerations as lists of ``(start token, end token)`` items."""
    w, n = ctx.words, len(ctx.words)
    # A list of two items at least has a joiner right before a Latin word: without one
    # (most entries, whatever their joiners), there is none to read.
    if not any(p + 1 < n and ctx.kinds[p + 1] == WORD for p in ctx.where(_JOINER_SET)):
        return
    nxt = 0
    for i in ctx.latin:  # an item starts at a Latin word (not one glued to the word before)
        if i < nxt or (i > 0 and ctx.kinds[i - 1] == WORD):
            continue
        end = _item(ctx, i)
        items = [(i, end)]
        k = end
        while k + 1 < n and w[k] in _JOINERS and ctx.kinds[k + 1] == WORD:
            nxt = _item(ctx, k + 1)
            items.append((k + 1, nxt))
            k = nxt
        if len(items) >= 2:
            yield items
        nxt = k


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk or not any(j in ctx.text for j in _JOINERS):
        return []
    label_at, known_at = {}, set()
    for e in prior:
        for a, _ in e.spans:
            label_at[a] = e.label
            if e.known:
                known_at.add(a)
    taken = [sp for e in prior for sp in e.spans]
    out = []
    for items in _lists(ctx):
        labels = [label_at.get(ctx.idx[i]) for i, _ in items]
        # One guessed model is too weak an anchor ("BCE、Huber、WBCE" are losses).
        anchored = labels.count("MODEL") >= 2 or any(ctx.idx[i] in known_at and lab == "MODEL"
                                                     for (i, _), lab in zip(items, labels))
        if "DATASET" in labels or not anchored:
            continue
        for (i, j), label in zip(items, labels):
            if label is not None:
                continue
            a, b = ctx.span(i, j)
            name = ctx.text[a:b]
            if not any(c.isupper() for c in name[:1]) or generic(name) or len(name) < 2:
                continue
            if any(x < b and a < y for x, y in taken):
                continue
            out.append(Candidate(a, b, name, NAME, "MODEL", used=True))
    return out
