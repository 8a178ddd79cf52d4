"""Appositions: ``a … method, X,`` / ``a new benchmark, X,`` / ``本文提出一种…方法X``:
a name right after a kind noun renames it, and inherits its role and kind."""
from __future__ import annotations

from dataclasses import replace

from kg.extract.candidate import TO_GAZETTEER, Candidate
from kg.extract.context import Context
from kg.extract.names import CJK_RE, generic
from kg.extract.roles import introduced_by_cue
from kg.extract.rules.cues import cue_name
from kg.extract.vocab import phrases, words

NAME = "cue"


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, ws, n = ctx.words, ctx.ws, len(ctx.words)
    kinds_en = words("apposition_kinds")
    kinds_zh = phrases("apposition_kinds_zh")
    out = []
    for i, j in ctx.compounds:
        if i == 0:
            continue
        prev = w[i - 1]
        prev2 = ctx.lower[i - 2] if i > 1 else None
        # Cheap tests first: most compounds are ordinary words.
        en_shape = prev in (",", "，") and prev2 in kinds_en
        zh_shape = not ws[i - 1] and CJK_RE.match(prev) is not None
        if not (en_shape or zh_shape):
            continue
        text = ctx.stext(i, j)
        if generic(text) or len(text) < 2:
            continue
        hit = False
        if en_shape:
            hit = (w[j] if j < n else "") in (",", "，", ")", ".", "")
        zh_prev = ctx.joined(i - 3, i)
        zh_cue = any(ctx.sent[s] == ctx.sent[i] and kind == "ZH_WE" for kind, s, _ in ctx.cues)
        if not ws[i - 1] and zh_prev.endswith(kinds_zh):
            hit = hit or zh_cue
        if not hit:
            continue
        # The name inherits the role of the kind noun it renames: "we present a
        # new benchmark, X" / "本文提出一种…方法X".
        en_cue = prev2 in kinds_en and introduced_by_cue(ctx, i - 2)
        c = cue_name(ctx, i, j, proposed=(zh_cue and zh_prev.endswith(kinds_zh)) or en_cue)
        if c is None:
            continue
        c = replace(c, yields=TO_GAZETTEER)
        if prev2 in words("dataset_words") or prev2 in words("resource_words") or zh_prev.endswith(("数据集", "基准")):
            c = replace(c, label="DATASET", force_label=True)
        out.append(c)
    return out
