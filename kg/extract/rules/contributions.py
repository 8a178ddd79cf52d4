"""Contribution phrases: a capitalised name right after a contribution verb, where the
cue rule (:mod:`kg.extract.rules.cues`) does not look.

* ``we first propose a Structure-Aware SDS``, ``we devise an Annealed Negative Prompt
  Guidance``: after the verb and an indefinite article, a run of two or more
  capitalised words in the middle of a prose sentence is the contribution's name —
  prose capitalises names, not descriptions ("we propose a new method" stays lower case);
* ``提出Instructional Agents以自动生成…``, ``提出RDSHA与AHD以增强…``: the one-line
  Chinese summaries digests write start with the verb and no subject; the Latin name
  right after it (and one joined to it by 与/和/及) is the paper's own, whatever its
  shape — a bare acronym included, which the shape rule leaves out as jargon.

Phrases made only of descriptive words and method heads ("a Graph Neural Network",
"提出LLM驱动的…") describe a kind and are no names; known names are the gazetteer's.
"""
from __future__ import annotations

import re

from kg.extract.anchors import after_cjk
from kg.extract.candidate import TO_LONG_FORMS, Candidate
from kg.extract.context import Context
from kg.extract.names import CJK_RE, distinctive, generic, is_institution, label_hint
from kg.extract.nlp import CJK, WORD, gazetteer
from kg.extract.vocab import phrases, union, words

NAME = "cue"
MIN_WORDS, MAX_WORDS = 2, 6
#: Characters that join two names in a Chinese list ("RDSHA与AHD").
_ZH_AND = frozenset(("与", "和", "及"))


def _run(ctx: Context, i: int) -> int:
    """End (exclusive) of a run of capitalised words from token ``i`` (hyphen-glued
    parts belong to it: "Structure-Aware"); words are separated by single spaces."""
    w, n, j = ctx.words, len(ctx.words), i
    while j < n and ctx.kinds[j] == WORD and (w[j][:1].isupper() or w[j][:1].isdigit()):
        j += 1
        while j + 1 < n and w[j] == "-" and not ctx.ws[j - 1] and not ctx.ws[j] and ctx.kinds[j + 1] == WORD:
            j += 2
        if j < n and not (ctx.ws[j - 1] and ctx.kinds[j] == WORD and w[j][:1].isupper()):
            break
    return j


def _descriptive(text: str) -> bool:
    """Only descriptive words and method heads ("Graph Neural Network", "Deep Model")."""
    plain = union("generic_modifiers", "method_heads", "title_name_heads")
    return all(p in plain for p in re.split(r"[-\s]+", text.lower()) if p)


def _candidate(ctx: Context, i: int, j: int, min_words: int) -> Candidate | None:
    text = ctx.stext(i, j)
    n_words = len(text.split())
    if not (min_words <= n_words <= MAX_WORDS) or len(text) < 2:
        return None
    if generic(text) or is_institution(text) or gazetteer().known(text) or _descriptive(text):
        return None
    if ctx.lower[i] in words("stop_caps") or ctx.shouted(i, j):
        return None
    # "a Transformer-based model", "提出Transformer-based方法": a name used as the base
    # of the contribution, not the contribution.
    n = len(ctx.words)
    if j < n and ctx.lower[j] in union("model_suffixes", "suffix_words"):
        return None
    if j + 1 < n and ctx.words[j] == "-" and ctx.lower[j + 1] in union("model_suffixes", "suffix_words"):
        return None
    # A task named as the contribution ("a Cross-Lingual Entity Matching") is no model.
    if n_words > 1 and text.split()[-1].lower().split("-")[-1] in words("task_heads") and not distinctive(text):
        return None
    a, b = ctx.span(i, j)
    return Candidate(a, b, text, NAME, label_hint(text), proposed=True, yields=TO_LONG_FORMS)


def _english(ctx: Context) -> list[Candidate]:
    out = []
    skip = words("indefinite_words")
    for kind, _s, e in ctx.cues:
        if kind != "WE_VERB":
            continue
        k = e
        if k < len(ctx.words) and ctx.lower[k] not in ("a", "an"):
            continue  # "we propose X": the cue rule's case
        while k < len(ctx.words) and ctx.lower[k] in skip:
            k += 1
        if k >= len(ctx.words) or ctx.kinds[k] != WORD or not ctx.words[k][:1].isupper():
            continue
        if ctx.title_like(ctx.sent[k]) or ctx.in_title(ctx.idx[k]):
            continue  # in a title every word is capitalised
        c = _candidate(ctx, k, _run(ctx, k), MIN_WORDS)
        if c is not None:
            out.append(c)
    return out


def _chinese(ctx: Context) -> list[Candidate]:
    if not ctx.has_cjk:  # every frame below follows a Chinese character
        return []
    out = []
    verbs = phrases("cue_verbs_zh")
    w, n = ctx.words, len(ctx.words)
    kinds = ctx.kinds
    for k in after_cjk(ctx):
        # (a token CJK_RE matches is a CJK token: its class, an index, is the cheap test)
        if k == 0 or kinds[k - 1] != CJK or not ctx.in_region[k] or not CJK_RE.match(w[k - 1]):
            continue
        before = ctx.joined(k - 3, k)
        if not (before.endswith(verbs) or (before.endswith("了") and before[:-1].endswith(verbs))):
            continue
        j = _run(ctx, k) if w[k][:1].isupper() or w[k][:1].isdigit() else k
        if j == k or (j < n and not (CJK_RE.match(w[j]) or w[j] in ("，", "。", ",", "(", "（"))):
            continue  # a lower-case word, or a Latin phrase that goes on ("提出LLM-based …")
        names = [(k, j)]
        # "提出RDSHA与AHD以…": a second name joined by 与/和/及.
        if j + 1 < n and w[j] in _ZH_AND and ctx.kinds[j + 1] == WORD and w[j + 1][:1].isupper():
            j2 = _run(ctx, j + 1)
            if j2 >= n or CJK_RE.match(w[j2]):
                names.append((j + 1, j2))
        for a, b in names:
            c = _candidate(ctx, a, b, 1)
            # One plain capitalised word ("提出Agent框架") is a kind as often as a name.
            if c is not None and (" " in c.name or "-" in c.name or distinctive(c.name)):
                out.append(c)
    return out


def find(ctx: Context, prior=()) -> list[Candidate]:
    return _english(ctx) + _chinese(ctx)
