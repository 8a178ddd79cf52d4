"""Chinese frames that give a Latin name its kind: ``提出Harbor方法`` (proposes the Harbor
method), ``构建了Mingle语音模型`` (built the Mingle speech model), ``Lion-X是一种新的优化器``
(Lion-X is a new optimiser).

A Chinese summary names a system in Latin letters and says what it is with a kind noun
(``kg/data/rules/kind_frame_nouns_zh.txt``: 方法, 模型, 框架, 优化器, …):

* right after a verb of making (``kind_frame_verbs_zh.txt``: 提出, 推出, 构建, 开源, …; 了
  may follow), the name then a few characters that describe it (语音, 检索: at most
  ``DESCRIBERS``) and the kind noun: the name is the paper's own;
* at the head of a clause, the name then 是一种 / 是一个 / 是一款 ("is a") and a description
  ending in the kind noun before the clause ends: the name is a model, its role left to
  the role pass.

Only one Latin compound is read as the name (a plain capitalised word is enough:
"Harbor", "Mingle"); a several-word English phrase before 模型 or 策略 describes a kind
as often as it names one, and data nouns are the dataset rules'.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import CJK
from kg.extract.rules.items import name_item
from kg.extract.vocab import phrases

NAME = "zh-kind"
#: Characters of description at most between the name and its kind noun ("语音模型").
DESCRIBERS = 4
#: Characters a "是一种 …" description may run before its kind noun.
DESCRIPTION = 16
_IS_A = ("是一种", "是一个", "是一款", "是一套")
_CLAUSE_END = "，。；！？,;!?\n"


def _kind_after(ctx: Context, j: int, reach: int) -> bool:
    """A kind noun starts within ``reach`` CJK characters after token ``j``, before any
    punctuation."""
    rest = ctx.text[ctx.idx[j] if j < len(ctx.words) else len(ctx.text):][: reach + 4]
    for n in range(reach + 1):
        if n and (rest[n - 1] in _CLAUSE_END or not rest[n - 1].strip() or rest[n - 1].isascii()):
            return False
        if rest[n:].startswith(phrases("kind_frame_nouns_zh")):
            return True
    return False


def _verb_before(ctx: Context, i: int) -> bool:
    before = ctx.text[max(0, ctx.idx[i] - 4) : ctx.idx[i]].rstrip()
    if before.endswith("了"):
        before = before[:-1]
    return before.endswith(phrases("kind_frame_verbs_zh"))


def _clause_head(ctx: Context, i: int) -> bool:
    before = ctx.text[: ctx.idx[i]].rstrip()
    return not before or before[-1] in _CLAUSE_END or before.endswith(("。", "：", ":"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk:
        return []
    out = []
    n = len(ctx.words)
    for i, j in ctx.compounds:
        # The Latin name sits in Chinese prose: a CJK character (or a space) right after it.
        if j >= n or ctx.kinds[j] != CJK and not ctx.words[j].isspace():
            continue
        k = j + 1 if ctx.words[j].isspace() else j
        if k >= n:
            continue
        proposed = _verb_before(ctx, i) and _kind_after(ctx, k, DESCRIBERS)
        # (tested in place: a slice would copy the rest of the entry for every name)
        is_a = not proposed and ctx.text.startswith(_IS_A, ctx.idx[k]) and _clause_head(ctx, i) and _kind_after(ctx, k + 3, DESCRIPTION)
        if not (proposed or is_a) or not name_item(ctx, i, j):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, ctx.stext(i, j), NAME, "MODEL", proposed=proposed))
    return out
