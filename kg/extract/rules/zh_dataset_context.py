"""Chinese dataset contexts beyond "X数据集" and "在X上进行实验" (:mod:`dataset_context`):

* ``在X、Y等数据集上`` — the list closed by 等 ("and other") before the dataset noun;
* ``在X和Y两个数据集上``, ``在X、Y等多个基准上`` — a count or a quantifier between the list
  and the noun;
* ``在包括X和Y在内的多个基准上`` — the names 包括 … 在内 brackets before a dataset noun;
* ``在公开数据集X上`` — the noun before the name (not 基准, which also means "baseline":
  与基准BERT相比 names a model);
* ``多个基准（如X和Y）``, ``数据集包括X、Y`` — examples introduced after the noun;
* ``证据库（X、Y、Z 等）`` — two names or more listed in brackets right after the noun;
* ``X（gloss）是通过…评估…的诊断基准，`` — a name at a clause's head that 是 describes as
  data (the description's clause ends in a dataset noun).
"""
from __future__ import annotations

import functools
import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import CJK, WORD
from kg.extract.rules.items import forced_datasets, items_after, items_before, lone_jargon
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases

NAME = "context"

#: Every frame ends in (or starts from) a Chinese dataset noun read from the joined tokens.
TRIGGERS = Triggers(cjk=True, squeezed=lambda: phrases("dataset_words_zh"))
_COUNT_CHARS = frozenset("两二三四五六七八九十")
_CLASSIFIERS = ("个", "种", "项", "套")
_OPENERS = ("（", "(")
#: A dataset noun before a name that is no dataset noun there (基准 is also "baseline").
_AMBIGUOUS_BEFORE_NAME = ("基准",)


def _skip_space(ctx: Context, k: int) -> int:
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return k


def _noun_at(ctx: Context, k: int) -> str | None:
    """The Chinese dataset noun starting at token ``k`` (longest), or None."""
    text = ctx.joined(k, k + 5)
    hits = [z for z in phrases("dataset_words_zh") if text.startswith(z)]
    return max(hits, key=len) if hits else None


def _closer_len(ctx: Context, k: int) -> int:
    """Tokens of 等 / a count (两个, 三种) starting at ``k``; 0 if none."""
    w = ctx.words
    for c in sorted(phrases("list_closers_zh"), key=len, reverse=True):
        if ctx.joined(k, k + len(c)) == c:
            return len(c)
    if k + 1 < len(w) and w[k] in _COUNT_CHARS and w[k + 1] in _CLASSIFIERS:
        return 2
    return 0


def _quantifier_len(ctx: Context, k: int) -> int:
    """Tokens of the words between a list's closer and its noun that count or rank the
    datasets ("多个", "主流", "多个主流"; ``kg/data/rules/list_quantifiers_zh.txt``)."""
    total = 0
    quantifiers = sorted(phrases("list_quantifiers_zh"), key=len, reverse=True)
    while True:
        q = next((q for q in quantifiers if ctx.joined(k + total, k + total + len(q)) == q), None)
        if q is None:
            return total
        total += len(q)


def _included(ctx: Context, d: int) -> list[tuple[int, int]]:
    """``在包括X和Y在内的多个基准上``: names between 包括 and 在内 at ``d``, a dataset noun
    closing the phrase after 的 (and the words that count them)."""
    k = d + 2
    if ctx.joined(k, k + 1) == "的":
        k += 1
    k += _quantifier_len(ctx, k)
    if not _noun_at(ctx, k):
        return []
    e = d
    while e > 0 and ctx.words[e - 1].isspace():
        e -= 1
    items = items_before(ctx, e)
    if not items:
        return []
    s = min(i for i, _ in items)
    while s > 0 and ctx.words[s - 1].isspace():
        s -= 1
    return lone_jargon(ctx, items) if ctx.joined(s - 2, s) == "包括" else []


_CLOSERS = ("）", ")")
_CLAUSE_MARKS = ("，", "。", "；", ",", ";", "：", ":")
#: Tokens after the last name within which the bracket must close.
_TAIL_TOKENS = 10


def _bracketed_list(ctx: Context, k: int) -> list[tuple[int, int]]:
    """``证据库（iGEM、FPbase、Kosuri 等）``: names listed in brackets right after a dataset
    noun, the bracket closed after them (an 等 may close the list first), are its members.
    Two names at least: one name in brackets may gloss the noun ("数据集（训练）")."""
    items = items_after(ctx, k)
    if len(items) < 2:
        return []
    # "（X、Y、文献 DOI 等）": after the names the bracket closes within a few tokens, with no
    # clause between (a last item that is no name may stand there).
    rest = ctx.joined(items[-1][1], items[-1][1] + _TAIL_TOKENS)
    cut = min((rest.find(c) for c in _CLOSERS if c in rest), default=-1)
    if cut < 0 or any(c in rest[:cut] for c in _CLAUSE_MARKS):
        return []
    return items


#: Characters a "X 是 …基准" description may run before its dataset noun.
DESCRIPTION = 32
_IS = "是"
_ARTICLES = ("一个", "一种", "一套", "一项", "个")
_CLAUSE_HEADS = ("，", "。", "；", "！", "？", "：", ":", "\n", "*")


#: Characters looked at before a name to tell a clause's head.
_HEAD_WINDOW = 16


@functools.cache
def _nouns_longest_first() -> tuple[str, ...]:
    """Chinese dataset nouns, longest first ("评测基准" before "基准"), sorted once."""
    return tuple(sorted(phrases("dataset_words_zh"), key=len, reverse=True))


#: A clause's end; a comma between digits separates thousands ("6,372 个实例").
_CLAUSE_END = re.compile(r"[，。；;：:\n]|,(?!\d)")


def _copula(ctx: Context, d: int) -> list[tuple[int, int]]:
    """``CRYSTAL (Clear Reasoning …) 是通过…评估多模态推理的诊断基准，``: a Latin name at
    the head of a clause (a bracketed gloss may follow it), then 是 and a description
    whose clause ends in a dataset noun, names a dataset. 基准 alone is also "baseline"
    (X是一个强基准): it counts only after a description that evaluates something."""
    w = ctx.words
    e = d
    while e > 0 and w[e - 1].isspace():
        e -= 1
    if e > 0 and w[e - 1] in _CLOSERS:  # a gloss in brackets: skip it whole
        k = e - 1
        while k > 0 and w[k] not in _OPENERS and d - k <= DESCRIPTION:
            k -= 1
        if w[k] not in _OPENERS:
            return []
        e = k
        while e > 0 and w[e - 1].isspace():
            e -= 1
    i = ctx.compound_start.get(e)
    if i is None or ctx.kinds[e - 1] != WORD:
        return []
    # A few characters before the name decide (no slice of the whole text per 是).
    head = ctx.text[max(0, ctx.idx[i] - _HEAD_WINDOW) : ctx.idx[i]].rstrip(" \t")
    if head and not head.endswith(_CLAUSE_HEADS):
        return []
    rest = ctx.text[ctx.end(d) : ctx.end(d) + DESCRIPTION + 1]
    m = _CLAUSE_END.search(rest)
    cut = m.start() if m else -1
    if cut < 0 and len(rest) <= DESCRIPTION:
        cut = len(rest)  # the entry's text ends the clause
    if cut < 0:
        return []
    desc = rest[:cut].rstrip()
    noun = next((z for z in _nouns_longest_first() if desc.endswith(z)), None)
    if noun is None or len(desc) <= len(noun) or desc.startswith(_ARTICLES) and len(desc) <= len(noun) + 2:
        return []
    if noun in _AMBIGUOUS_BEFORE_NAME and not any(v in desc for v in phrases("evaluation_words_zh")):
        return []
    return [(i, e)]


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk:  # every frame below is read from a Chinese character
        return []
    w, n = ctx.words, len(ctx.words)
    # One set lookup for most characters: only these can start a closer or a noun.
    first = {z[0] for z in phrases("dataset_words_zh") + phrases("list_closers_zh")} | _COUNT_CHARS | {"在", _IS}
    found: list[tuple[int, int]] = []
    for d in range(1, n):
        if w[d] not in first or ctx.kinds[d] != CJK or not ctx.in_region[d]:
            continue
        if ctx.kinds[d - 1] == WORD or (w[d - 1].isspace() and d > 1 and ctx.kinds[d - 2] == WORD):
            skip = _closer_len(ctx, d)
            if skip:
                skip += _quantifier_len(ctx, d + skip)  # X、Y等多个基准
            if skip and _noun_at(ctx, d + skip):
                found += lone_jargon(ctx, items_before(ctx, d if ctx.kinds[d - 1] == WORD else d - 1))
                continue
        if w[d] == _IS:
            found += _copula(ctx, d)
            continue
        if w[d] == "在":
            if ctx.joined(d, d + 2) == "在内":
                found += _included(ctx, d)
            continue
        noun = _noun_at(ctx, d)
        if noun is None:
            continue
        k = _skip_space(ctx, d + len(noun))
        if k < n and ctx.kinds[k] == WORD and noun not in _AMBIGUOUS_BEFORE_NAME:
            found += lone_jargon(ctx, items_after(ctx, k))  # 在公开数据集X上
            continue
        opened = k < n and w[k] in _OPENERS
        if opened:
            k += 1
        for cue in phrases("example_cues_zh"):
            if ctx.joined(k, k + len(cue)) == cue:
                found += items_after(ctx, _skip_space(ctx, k + len(cue)))  # 多个基准（如X和Y）
                break
        else:
            if opened:
                found += _bracketed_list(ctx, _skip_space(ctx, k))  # 证据库（X、Y、Z 等）
    return forced_datasets(ctx, found, NAME)


__all__ = ["find", "NAME"]
