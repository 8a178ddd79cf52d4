"""A publisher's or series' name written before a dataset and its dataset noun:
``the PASCAL RTE datasets``, ``the AFP Gigaword English corpus``, ``the Microsoft
Zorbset dataset``.

A dataset found by other evidence (a gazetteer, a context, a language edition) and
closed by a dataset noun ("datasets", "corpus", "data") is named, in that phrase, with
the capitalised word right before it: the publisher, the campaign or the collection the
data comes from is part of the name the paper gives it, as the annotation corpora and the
real-digest gold write it ("PASCAL RTE", "Microsoft COCO"). This is the mirror of
:mod:`kg.extract.rules.dataset_qualifiers`, which reads capitalised words *after* a known
name.

Only one word qualifies, and only one that looks like a name: an acronym ("PASCAL",
"AFP"), or a capitalised word inside the sentence ("Reuters"); a sentence's capitalised
first word is an ordinary word as often ("Using COCO data"). Languages are editions
(:mod:`kg.extract.rules.language_variants`), and sentence openers, split, evaluation
and dataset words (``stop_caps``, ``split_words``, ``evaluation_words``,
``dataset_words``) are never part of a name. A word another rule already found as a name
by evidence (a known model, a cue) is that name, not a prefix: only a bare shape guess
("PASCAL" typed a model by its capitals) gives way.
"""
from __future__ import annotations

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.rules.guesses import SHAPE_GUESSES
from kg.extract.triggers import Triggers
from kg.extract.vocab import union, words

NAME = "context"

#: Marks that glue a word on to the one before it.
_GLUE = frozenset(("-", "_", "+", "/", "'", "’"))

# The phrase must close with a dataset noun: without one there is nothing to extend.
TRIGGERS = Triggers(words=lambda: words("dataset_words") | {"data"})


def _noun_after(ctx: Context, j: int) -> bool:
    """A dataset noun follows token ``j - 1`` after one space ("… RTE datasets")."""
    return j < len(ctx.words) and ctx.ws[j - 1] and (ctx.lower[j] in words("dataset_words") or ctx.lower[j] == "data")


def _prefix(ctx: Context, p: int) -> bool:
    """Token ``p`` reads as a name's first word before the dataset that follows it."""
    w = ctx.words[p]
    if ctx.kinds[p] != WORD or not ctx.ws[p] or not w[:1].isupper() or not w.isalpha():
        return False
    if ctx.lower[p] in union("stop_caps", "split_words", "evaluation_words", "dataset_words", "languages"):
        return False
    if p > 0 and not ctx.ws[p - 1] and (ctx.kinds[p - 1] == WORD or ctx.words[p - 1] in _GLUE):
        return False  # glued on to the token before it ("Zorb-PASCAL"): part of another word
    acronym = len(w) >= 2 and w.isupper()
    return acronym or not ctx.sentence_start(p)


def find(ctx: Context, prior=()) -> list[Candidate]:
    # Tokens of names found by evidence; a bare shape guess may still be a prefix.
    firm: set[int] = set()
    datasets = []
    for e in prior:
        toks = []
        for a, b in e.spans:
            i, j = ctx.tok_at.get(a), ctx.end_at.get(b)
            if i is not None and j is not None:
                toks.append((i, j))
        if e.known or not (e.label == "MODEL" and e.sources <= SHAPE_GUESSES):
            for i, j in toks:
                firm.update(range(i, j))
        if e.label == "DATASET":
            datasets.extend(toks)
    out = []
    for i, j in datasets:
        p = i - 1
        if p < 0 or p in firm or ctx.sent[p] != ctx.sent[i] or not _noun_after(ctx, j):
            continue
        if not _prefix(ctx, p):
            continue
        a, b = ctx.idx[p], ctx.ends[j - 1]
        out.append(Candidate(a, b, ctx.text[a:b], NAME, "DATASET", force_label=True, yields=NEVER, covers=True))
    return out
