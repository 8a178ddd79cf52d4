"""A name described by what it holds is a dataset: ``DSTC2 (Henderson et al., 2014b)
contains 23,354 turns``, ``Frames comprises 19,986 turns``, ``Zorb consists of 2,708
nodes``.

A capitalised name, then perhaps its citation, then a verb of holding (``contains``,
``comprises``, ``consists of``, ``spans`` …), an optional quantifier ("a total of",
"about"), a number and, within two words, a noun a dataset is counted in
(``kg/data/rules/dataset_count_nouns.txt``) — or, without a count, the items a dataset
holds (``kg/data/rules/data_item_nouns.txt``: "MIMIC only contains notes"). Models are counted in parameters and
layers, which are not listed, so "BERT has 110M parameters" stays a model. A count of such
items opening a bracket after the name says the same: ``PhyX（3000 道、6 个物理域）``,
``Zorb (23,354 turns, 2 domains)`` (``count_classifiers_data_zh.txt`` for Chinese).
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.rules.dataset_enumerations import MAX_CITATION, past_citation
from kg.extract.rules.items import name_item
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "context"

#: A count in brackets after a name, or a verb of content ("X contains 23,354 turns").
TRIGGERS = Triggers(words=lambda: _VERBS, text=lambda: ("(", "（"))
_VERBS = frozenset(("contains", "contain", "comprises", "comprise", "consists", "consist", "spans", "span",
                    "includes", "include", "covers", "cover", "has", "have", "holds", "hold", "provides", "provide"))
_FILLERS = frozenset(("of", "a", "total", "about", "around", "approximately", "roughly", "over", "more", "than",
                      "nearly", "almost", "some", "only", "just", "up", "to"))
_CLAUSE_OPENERS = frozenset(("and", "the", "while", "whereas"))
_ADVERBS = frozenset(("only", "also", "still", "now", "already", "thus", "therefore"))
_NUMBER = re.compile(r"\d[\d,.]*[KkMB]?")
_NUMBER_WORDS = frozenset(("million", "millions", "thousand", "thousands", "billion", "hundred", "hundreds"))
#: Words between the number and its noun ("23,354 dialogue turns", "2 million labeled images").
MAX_BETWEEN = 2
#: Tokens between the verb and the number ("consists of a total of about").
MAX_FILLERS = 5


def _counted(ctx: Context, k: int) -> bool:
    """A number at token ``k`` (after fillers) counts a dataset's items."""
    w, n = ctx.words, len(ctx.words)
    fillers = 0
    while k < n and (w[k].isspace() or ctx.lower[k] in _FILLERS) and fillers <= MAX_FILLERS:
        fillers += not w[k].isspace()
        k += 1
    if k < n and ctx.lower[k] in words("data_item_nouns"):
        return True  # "MIMIC only contains notes from …": the items without their count
    if k >= n or not _NUMBER.fullmatch(w[k]):
        return False
    k += 1
    # "23,354", "1.5": a number the tokenizer cut at its separators.
    while k + 1 < n and w[k] in (",", ".") and not ctx.ws[k - 1] and not ctx.ws[k] and w[k + 1].isdigit():
        k += 2
    # "23,354 annotated question–answer pairs": number words ("thousand") are free.
    return _count_noun_after(ctx, k, MAX_BETWEEN + 1, _NUMBER_WORDS)


def _subject_end(ctx: Context, k: int) -> int:
    """End token of the words before the verb at ``k``, past a citation in brackets
    ("DSTC2 (Henderson et al., 2014b) contains")."""
    w = ctx.words
    e = k
    while e > 0 and w[e - 1].isspace():
        e -= 1
    # "MIMIC only contains notes": one adverb between the subject and its verb.
    if e > 1 and (ctx.lower[e - 1] in _ADVERBS or (ctx.lower[e - 1].endswith("ly") and w[e - 1].islower())):
        e -= 1
        while e > 0 and w[e - 1].isspace():
            e -= 1
    if e > 0 and w[e - 1] in (")", "]"):
        opener = "(" if w[e - 1] == ")" else "["
        for s in range(e - 2, max(-1, e - 1 - MAX_CITATION), -1):
            if w[s] == opener:
                if past_citation(ctx, s) == e:
                    e = s
                    while e > 0 and w[e - 1].isspace():
                        e -= 1
                break
    return e


_OPENERS = ("(", "（")
#: "PhyX（3000 道、…）", "Zorb (23,354 turns, …)": a count of items right inside a bracket
#: after the name (the number may carry 万 or K/M).
_BRACKETS = frozenset(("(", "（"))
_BRACKET_COUNT = re.compile(r"\s*[(（]\s*(\d[\d,.]*\s*[KkM万千]?)\s*")


def _bracket_counts(ctx: Context) -> list[Candidate]:
    """A name whose bracket opens with a count of the items a dataset holds."""
    out = []
    zh = phrases("count_classifiers_data_zh")
    # The pattern opens with a bracket after optional space: only compounds ending right
    # before a bracket, or before a whitespace token and a bracket, can match.
    starts, w, ends = ctx.compound_start, ctx.words, ctx.compound_end
    before = set()
    for p in ctx.where(_BRACKETS):
        before.update(i for e in (p, p - 1) if (i := starts.get(e)) is not None and (e == p or w[e].isspace()))
    for i in sorted(before):
        j = ends[i]
        if j >= len(ctx.words) or not ctx.in_region[i] or ctx.taken[i]:
            continue
        m = _BRACKET_COUNT.match(ctx.text, ctx.end(j - 1))
        if m is None:
            continue
        rest = ctx.text[m.end() : m.end() + 30]
        k = ctx.tok_at.get(m.end())
        counted = rest.startswith(tuple(zh)) or (k is not None and _count_noun_after(ctx, k))
        if counted and name_item(ctx, i, j):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, ctx.text[a:b], NAME, "DATASET", force_label=True))
    return out


def _count_noun_after(ctx: Context, k: int, limit: int = MAX_BETWEEN, free: frozenset[str] | set[str] = frozenset()) -> bool:
    """A noun a dataset is counted in within ``limit`` words from token ``k`` (words in
    ``free`` not counted)."""
    nouns, seen = words("dataset_count_nouns"), 0
    while k < len(ctx.words) and seen <= limit:
        if ctx.words[k].isspace():
            k += 1
            continue
        if ctx.kinds[k] != WORD:
            return False
        if ctx.lower[k] in nouns:
            return True
        if ctx.lower[k] not in free:
            seen += 1
        k += 1
    return False


def find(ctx: Context, prior=()) -> list[Candidate]:
    brackets = _bracket_counts(ctx) if "(" in ctx.text or "（" in ctx.text else []
    if _VERBS.isdisjoint(ctx.lower):
        return brackets  # most entries describe no dataset's contents: one set test skips them
    out = brackets
    w = ctx.words
    for k in ctx.where(_VERBS, region=True):  # the verbs, from the entry's word index
        if k < 1 or not _counted(ctx, k + 1):
            continue
        j = _subject_end(ctx, k)
        i = ctx.compound_start.get(j)
        if i is None or not (w[i][:1].isupper() or w[i][:1].isdigit()):
            continue
        # The name is the subject: it opens its clause (sentence start, after a comma,
        # "and" or an article), not an object inside one.
        p = i - 1
        while p >= 0 and w[p].isspace():
            p -= 1
        if not (p < 0 or ctx.sentence_start(i) or w[p] in (",", ";", ":", "(") or ctx.lower[p] in _CLAUSE_OPENERS):
            continue
        if not name_item(ctx, i, j) or ctx.taken[i]:
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, ctx.text[a:b], NAME, "DATASET", force_label=True))
    return out


__all__ = ["find", "NAME"]
