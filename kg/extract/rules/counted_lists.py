"""A counted noun introduces its list: ``three benchmark datasets: A, B and C``,
``我们介绍了三个基准数据库，Turath标准，艺术和…``, ``两种专用临床AI工具（A和B）``.

The count bounds the list (at most that many items are read), and the noun says what
the items are: a dataset noun makes them datasets whatever they look like; a Chinese
model noun (模型, LLM, 工具: ``counted_model_nouns_zh``) makes them models, unless a known
dataset's name says otherwise (models listed by the data they were trained on). In
Chinese the items are read between the list's separators, so a machine-translated tail
stays on its name (``Turath标准`` for "Turath Standard"); an example word opening the
list (``（包括Grok 4及其他…）``) is no part of its first item; an item without a Latin
letter is an everyday word as often as a translated name, and is left out.
"""
from __future__ import annotations

import functools

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import CJK, WORD
from kg.extract.rules.items import items_after
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "context"

#: Every list starts at a count word (``count_words``).
TRIGGERS = Triggers(words=lambda: _counts().keys())
#: Words a count may stand before its noun ("three new public benchmark datasets").
MAX_FILLERS = 4
#: CJK characters between a Chinese count's measure word and the list ("三个基准数据库，").
MAX_ZH_NOUN = 8
_INTRO = frozenset((":", "：", ",", "，", "—", "–", "(", "（"))
_ZH_MODEL_INTRO = frozenset(("(", "（", ":", "："))
_ZH_SEPARATORS = frozenset(("，", "、", ",", "和", "与", "及"))
_ZH_END = frozenset(("。", "；", ";", ".", "!", "?", "！", "？", "：", ":", ")", "）"))


@functools.cache
def _counts() -> dict[str, int]:
    return {w: int(v) for w, v in (line.split() for line in phrases("count_words"))}


def find(ctx: Context, prior=()) -> list[Candidate]:
    counts = _counts()
    out: list[Candidate] = []
    for c in ctx.where(counts):
        low = ctx.lower[c]
        n = counts[low]
        if not ctx.in_region[c]:
            continue
        if ctx.kinds[c] == CJK or (low.isdigit() and c + 1 < len(ctx.words) and ctx.kinds[c + 1] == CJK):
            label, spans = _zh_list(ctx, c, n)
        else:
            label, spans = _en_list(ctx, c, n)
        # "We introduce three benchmarks: …", 我们介绍了三个基准数据库：the paper's own.
        own = any(kind in ("WE_VERB", "ZH_WE") and s < c and ctx.sent[s] == ctx.sent[c] for kind, s, _ in ctx.cues)
        for i, j in spans:
            a, b = ctx.span(i, j)
            # A dataset noun types its items; a model noun only hints (a known dataset's
            # name listed after "models" is what they were trained on).
            # A listed item is one whole name ("UpToDate Expert AI"): a shape guess inside
            # it is part of it — a known name inside ("Llama-3-8B") keeps its own entity.
            whole = not any(i <= m.i and m.j <= j for m in ctx.matches)
            out.append(Candidate(a, b, ctx.text[a:b], NAME, label, force_label=label == "DATASET", proposed=own,
                                 covers=whole and j - i > 1))
    return out



def _next_visible(ctx: Context, k: int) -> int:
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return k


def _en_list(ctx: Context, c: int, n: int) -> tuple[str, list[tuple[int, int]]]:
    """``three (new) datasets: A, B and C``. (A counted English model noun introduces
    no list here: "the following two algorithms: Pre-training+Finetuning with …" and
    "two models (…)" glossed with descriptions cost a held-out corpus more names than
    they found.)"""
    fillers, nouns = words("count_fillers"), words("dataset_words")
    k = _next_visible(ctx, c + 1)
    skipped = 0
    while k < len(ctx.words) and ctx.lower[k] in fillers and skipped < MAX_FILLERS:
        k, skipped = _next_visible(ctx, k + 1), skipped + 1
    if k >= len(ctx.words) or ctx.lower[k] not in nouns or ctx.sent[k] != ctx.sent[c]:
        return "", []
    k = _next_visible(ctx, k + 1)
    if k >= len(ctx.words) or ctx.words[k] not in _INTRO:
        return "", []
    return "DATASET", items_after(ctx, _next_visible(ctx, k + 1))[:n]


def _zh_list(ctx: Context, c: int, n: int) -> tuple[str, list[tuple[int, int]]]:
    """``三个基准数据库，A，B和C`` / ``3个数据集：A、B、C`` / ``4种免费LLM（A、B、C、D）``."""
    w = ctx.words
    k = c + 1
    if k < len(w) and w[k] in phrases("count_classifiers_zh"):
        k += 1
    s = k
    # The noun phrase: Chinese characters, and Latin words inside a model noun phrase
    # ("临床AI工具", "免费LLM").
    while k < len(w) and (ctx.kinds[k] == CJK or (ctx.kinds[k] == WORD and w[k].isalpha())) and k - s < MAX_ZH_NOUN:
        k += 1
    if k >= len(w) or w[k] not in _INTRO:
        return "", []
    noun = ctx.joined(s, k)
    if all(ctx.kinds[x] == CJK for x in range(s, k)) and noun.endswith(phrases("dataset_words_zh")):
        label = "DATASET"
    elif noun.endswith(phrases("counted_model_nouns_zh")) and w[k] in _ZH_MODEL_INTRO:
        # After a comma a model noun goes on with the sentence ("两个模型，发现…"); a
        # bracket or a colon opens its list.
        label = "MODEL"
    else:
        return "", []
    items: list[tuple[int, int]] = []
    start = k + 1
    k = start
    while k <= len(w) and len(items) < n:
        end = k == len(w) or w[k] in _ZH_END or "\n" in w[k]
        both = not end and w[k] == "以" and k + 1 < len(w) and w[k + 1] == "及"  # 以及 "as well as"
        if end or both or w[k] in _ZH_SEPARATORS:
            i, j = start, k
            while i < j and w[i].isspace():
                i += 1
            while j > i and w[j - 1].isspace():
                j -= 1
            if not items:
                # "（包括Grok 4及其他…）", "（如A、B）": an example word opens the list.
                cue = next((x for x in phrases("example_cues_zh") if ctx.joined(i, j).startswith(x)), None)
                if cue:
                    i += len(cue)
            if end:
                # The last item runs into the sentence ("…、Quintar上进行实验。"): only
                # a tail closed by a separator is known to belong to the name.
                while j > i and ctx.kinds[j - 1] != WORD:
                    j -= 1
            if i < j:
                items.append((i, j))
            if end:
                break
            k += both
            start = k + 1
        k += 1
    return label, [(i, j) for i, j in items if any(ctx.kinds[x] == WORD and w[x][:1].isalpha() for x in range(i, j))]


__all__ = ["find", "NAME"]
