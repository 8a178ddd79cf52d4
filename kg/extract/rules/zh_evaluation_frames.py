"""The Chinese evaluation frame ``在X、Y和Z上`` + 实验/评估 …, for
:mod:`kg.extract.rules.dataset_context`.

The names between 在 and the 上 that closes the frame are datasets when an evaluation
word or a score follows; glosses in brackets, ``A + B`` combinations and a dataset noun
before 上 are read here. Kept apart from the English frames it shares no helper with.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import CJK, WORD
from kg.extract.rules.items import items_after, items_before, name_item
from kg.extract.vocab import phrase_search, phrases

__all__ = ["past_spaces", "zh_evaluation", "ZH_FRAME_REACH", "ZH_NOUN_REACH"]

_ZH_LOOKAHEAD = 8


def past_spaces(ctx: Context, k: int) -> int:
    while k < len(ctx.words) and ctx.words[k].isspace() and "\n" not in ctx.words[k]:
        k += 1
    return k


#: Tokens from 在 to the 上 that closes its frame when a gloss stands inside it.
ZH_FRAME_REACH = 40
_ZH_CLAUSE_END = frozenset(("。", "；", ";", "，", ",", "\n"))


def zh_evaluation(ctx: Context, d: int) -> list[tuple[int, int]]:
    """``在X、Y和Z上`` followed by an evaluation word (实验, 评估 …)."""
    items = items_after(ctx, d + 1)
    k = items[-1][1] if items else d + 1
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    if k >= len(ctx.words) or ctx.words[k] != "上":
        # (the names may close the text: "…在MNIST和ImageNet" then has no token at k)
        if items and k < len(ctx.words) and ctx.kinds[k] == CJK and _noun_closes(ctx, k):
            # "在Minecraft MCU长程任务套件上": a dataset noun right before the frame's 上,
            # its modifiers between it and the names, says what they are.
            return items
        # "在Office + Caltech-10上的精度": a combination of datasets written with "+"
        # is one name, read up to the 上 that closes the frame.
        items = _combined(ctx, d + 1) or _glossed(ctx, d, items)
        if not items:
            return []
        k = past_spaces(ctx, items[-1][1])
    after = ctx.joined(k + 1, k + 1 + _ZH_LOOKAHEAD)
    # "在VideoHolmes上提升**+5.4%**": a percentage right after the frame is a score the
    # names were measured on, whatever verb reports it.
    if phrase_search("evaluation_words_zh")(after) or _ZH_SCORE.search(_ZH_CLAUSE.split(after, 1)[0]):
        return items
    return []


_ZH_SCORE = re.compile(r"\d%|\d\s+%")
#: The score must stand in the frame's own clause ("在X上部署，速度快15%" measures no X).
_ZH_CLAUSE = re.compile(r"[，。；;,]")


#: Chinese characters between a name and the dataset noun closing its 在…上 frame
#: ("长程任务套件": modifiers, then the noun).
ZH_NOUN_REACH = 8


def _noun_closes(ctx: Context, k: int) -> bool:
    """The Chinese run from token ``k`` up to the frame's 上 (at most
    :data:`ZH_NOUN_REACH` tokens, no Latin word or clause end between) ends in a
    dataset noun (``kg/data/rules/dataset_words_zh.txt``)."""
    w = ctx.words
    for e in range(k, min(k + ZH_NOUN_REACH + 1, len(w))):
        if w[e] == "上":
            return e > k and ctx.joined(k, e).endswith(phrases("dataset_words_zh"))
        if ctx.kinds[e] != CJK or w[e] in _ZH_CLAUSE_END:
            return False
    return False


def _glossed(ctx: Context, d: int, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"在 DocVQA2026（…）和 Manga109 的角色命名任务 M109NC 上进行评估": glosses stand
    between the names, so the frame's 上 is further on, in the same clause (brackets
    skipped whole). The names read from 在 and those right before 上 are the frame's."""
    w, n = ctx.words, len(ctx.words)
    k, depth = (items[-1][1] if items else d + 1), 0
    while k < n and k - d <= ZH_FRAME_REACH:
        if w[k] in ("（", "("):
            depth += 1
        elif w[k] in ("）", ")"):
            depth -= 1
        elif depth == 0 and (w[k] in _ZH_CLAUSE_END or "\n" in w[k]):
            return []
        elif depth == 0 and w[k] == "上":
            e = k
            while e > 0 and w[e - 1].isspace():
                e -= 1
            last = items_before(ctx, e) if e > 0 and ctx.kinds[e - 1] == WORD else []
            return items + [x for x in reversed(last) if x not in items] if last else []
        k += 1
    return []


def _combined(ctx: Context, s: int) -> list[tuple[int, int]]:
    """``A + B`` from token ``s`` up to a 上: Latin words joined by ``+`` only; the
    span, or nothing."""
    w, n = ctx.words, len(ctx.words)
    k, parts, plus = s, [], False
    while k < n and k - s <= _ZH_LOOKAHEAD and w[k] != "上":
        if w[k] == "+":
            plus = True
        elif ctx.kinds[k] == WORD or w[k] in ("-", "_"):
            parts.append(k)
        elif not w[k].isspace():
            return []
        k += 1
    # The frame and the evaluation word after it vouch for the span; one part shaped
    # like a name ("Caltech-10") is enough ("Office" alone reads as a word).
    if k >= n or w[k] != "上" or not plus or not parts or not any(
            distinctive(ctx.stext(i, j)) or name_item(ctx, i, j) for i, j in ctx.compounds if parts[0] <= i < parts[-1] + 1):
        return []
    return [(parts[0], parts[-1] + 1)]
