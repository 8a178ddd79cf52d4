"""Hyphen-joined Title-Case words in Chinese prose name a method: ``Voxel-Merge 在结构层融合
编辑体素，Slat-Merge 在潜变量层做精细混合``.

In English text, two capitalised words joined by a hyphen are as often a compound
adjective ("Long-Range", "Real-Time") as a name, so the shape rule leaves them. A
Chinese summary keeps English only for names and terms, and writes a term in lower
case or translates it: a glued run of two or three capitalised Latin words standing in
Chinese prose (Chinese or punctuation on both sides) is a name, unless each of its words
only describes or names a kind ("Mixture-of-Experts": generic modifiers, method heads,
paradigms), a prefix opens it ("Multi-Head", "Cross-Attention") or it is a generic term.
"""
from __future__ import annotations

from kg.extract.anchors import glued_compounds
from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.nlp import CJK, WORD
from kg.extract.vocab import words

NAME = "zh-hyphen"


def _cjk_side(ctx: Context, k: int) -> bool:
    """Token ``k`` (spaces skipped by the caller) is Chinese or punctuation, or absent."""
    return k < 0 or k >= len(ctx.words) or ctx.kinds[k] != WORD


def _skip(ctx: Context, k: int, step: int) -> int:
    while 0 <= k < len(ctx.words) and ctx.words[k] == " ":
        k += step
    return k


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk:
        return []
    plain = words("generic_modifiers") | words("method_heads") | words("paradigms") | words("model_kinds")
    out = []
    for i, j in glued_compounds(ctx):
        if not 3 <= j - i <= 6:  # two or three words and their glue (tested below, on lists)
            continue
        parts = [ctx.words[k] for k in range(i, j, 2)]
        glue = {ctx.words[k] for k in range(i + 1, j, 2)}
        if not 2 <= len(parts) <= 3 or glue != {"-"}:
            continue
        if not all(p[:1].isupper() and p.isalpha() and p[1:].islower() for p in parts):
            continue
        if ctx.overlaps_taken(i, j) or ctx.in_title(ctx.idx[i]):
            continue
        # Chinese on both sides (a space aside): the run stands in Chinese prose.
        before, after = i - 1, j
        if ctx.ws[i - 1] if i > 0 else False:
            before = i - 1
        if not (_cjk_side(ctx, before) and _cjk_side(ctx, after)):
            continue
        if not any(ctx.kinds[k] == CJK for k in (before, after) if 0 <= k < len(ctx.words)):
            continue
        name = ctx.stext(i, j)
        # "Multi-Head", "Cross-Attention", "Self-Refine": a prefix word first makes a
        # compound adjective or a term (prefix_words).
        if generic(name) or all(p.lower() in plain for p in parts) or parts[0].lower() in words("prefix_words"):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, name, NAME, "MODEL"))
    return out
