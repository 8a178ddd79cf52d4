"""A paper a list labels by its model's name has that name, not its title's description:
``- VGG16 - Very Deep Convolutional Networks for …``, ``- Fast R-CNN - Fast
Region-based Convolutional Network``, ``- Mask2Former: 2112.01527. Masked-attention Mask
Transformer for …``.

Where only a title names a paper, its descriptive phrase is read as the name of what
the paper introduces (annotation guidelines, "models from titles"). Where the list
writes the model's name before the title on its line, that name is the paper's, and the
title's phrase only describes it (often spelling the name out). A phrase of several
words a title rule found inside the title (not its head before a colon), no gazetteer
knows, is vetoed when a model name stands before the title on its line.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context

NAME = "labelled-title"


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None:
        return []
    t0, t1 = ctx.title.start, ctx.title.end
    line0 = ctx.text.rfind("\n", 0, t0) + 1
    if line0 >= t0 or not ctx.text[line0:t0].strip():
        return []
    labelled = any(e.label == "MODEL" and all(line0 <= a and b <= t0 for a, b in e.spans[:1]) for e in prior)
    if not labelled:
        return []
    out = []
    for e in prior:
        if e.known or e.label != "MODEL" or "title" not in e.sources or " " not in e.name:
            continue
        # "- BN-Inception-v2 - Batch Normalization: Accelerating …": a title's own head
        # before its colon names a method of its own (the label names the network).
        if all(t0 <= a and b <= t1 and not ctx.text[b:min(b + 2, t1)].lstrip().startswith((":", "：")) for a, b in e.spans):
            a, b = e.spans[0]
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
