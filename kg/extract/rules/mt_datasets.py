"""Machine-translated dataset names that are also everyday words (可可 "cocoa" for COCO,
城市景观 "city landscape" for Cityscapes, 胶水 "glue" for GLUE) count where the text
treats them as data: a Chinese dataset word right after them (可可数据集), or the
evaluation frame around them (在城市景观上进行实验).

The gazetteer leaves such renderings pending (:attr:`Context.ambiguous`); model
renderings are resolved by a model word after them in the context itself, and both
kinds by lists (:mod:`kg.extract.rules.mt_lists`).
"""
from __future__ import annotations

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.vocab import phrases

NAME = "mt"
#: Characters after "在X上" in which an evaluation word must follow (在X上进行了大量实验).
LOOKAHEAD = 8
#: Characters before the name in which the frame's 在 may stand (在可可和城市景观上).
LOOKBACK = 12


def find(ctx: Context, prior=()) -> list[Candidate]:
    zh_words = phrases("dataset_words_zh")
    evaluation = phrases("evaluation_words_zh")
    out = []
    for h in ctx.ambiguous:
        if h.label != "DATASET":
            continue
        after = ctx.joined(h.j, h.j + 6)
        framed = False
        if not after.startswith(zh_words):
            # 在 … X … 上 + an evaluation word, X inside the frame.
            before = ctx.joined(max(0, h.i - LOOKBACK), h.i)
            k = after.find("上")
            framed = "在" in before and not any(c in before[before.rfind("在"):] for c in "，。；") \
                and k >= 0 and not any(c in after[:k] for c in "，。；") \
                and any(z in ctx.joined(h.j, h.j + k + 1 + LOOKAHEAD)[k + 1 :] for z in evaluation)
            if not framed:
                continue
        out.append(Candidate(h.a, h.b, h.name, NAME, h.label, known=True, yields=NEVER))
    return out


__all__ = ["find", "NAME"]
