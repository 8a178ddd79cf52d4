"""The family of the paper's own model version, named only on the paper's line, is that
model: ``- Inception-v3 - Rethinking the Inception Architecture …``, ``- BEiT v3: …
BEiT Pretraining for …``, ``- EVA-01: 2211.07636. EVA: Exploring …``.

Reading lists label each paper by its model and then copy the title, which names the
model's family ("the Inception Architecture"). The gazetteer finds the family there,
but the line says nothing about using it: it is the labelled version's own lineage. A
known model, or a title's name, every mention of which stands on the title's line is vetoed where the
paper's own name (a title rule's, or a label before the title on its line) is that
name and a version ("Inception-v3": "v3"). A name that adds more than a version ("ViT
Det", "ViTPose") is built on the family, which the paper then uses. A family the entry names elsewhere (its summary) is left
alone: there the text may say the paper builds on it.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import squash

NAME = "proposed-family"
#: The shortest family read: two letters would take too much ("GP" of "GPT-4o").
MIN_FAMILY = 3
#: What a version adds to a family's squashed name: "v3", "3", "01", "2plus".
_VERSION = re.compile(r"s?v?\d+(?:plus|\+\+)?")


def _line(text: str, offset: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    return a, len(text) if b < 0 else b


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None:
        return []
    line = _line(ctx.text, ctx.title.start)
    # The paper's own names: a title rule's, or a label before the title on its line
    # ("- Inception-v3 - Rethinking …").
    own = [squash(e.name) for e in prior if e.label == "MODEL" and (
        "title" in e.sources and e.proposed or any(line[0] <= a and b <= ctx.title.start for a, b in e.spans))]
    if not own:
        return []
    out = []
    for e in prior:
        if e.label != "MODEL" or not (e.known or "title" in e.sources):
            continue
        fam = squash(e.name)
        if len(fam) < MIN_FAMILY or not all(line[0] <= a and b <= line[1] for a, b in e.spans):
            continue
        if any(k != fam and k.startswith(fam) and _VERSION.fullmatch(k[len(fam):]) for k in own):
            a, b = e.spans[0]
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
