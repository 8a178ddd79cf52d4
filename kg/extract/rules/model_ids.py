"""Model identifiers written in lower case, as APIs and model hubs spell them:
``claude-3-5-sonnet``, ``gemini-2.0-flash``, ``llama-3.1-70b``, ``phi-3-mini``,
``mistral-large-2``, ``bert-base-uncased``.

A lower-case compound has no name's shape (no capital, and a digit only after a hyphen),
so the shape rule leaves it, and the gazetteer's case-exact patterns ("Claude", "Gemini"
are everyday words in lower case) do not match it. A compound whose first word is a
known model family (in any case) and whose other words hold a version number or a size
word is that family's release: a model named as written, the family's canonical
spelling first ("Claude-3-5-sonnet"). The family alone, or with a plain word ("claude
style"), is no identifier.
"""
from __future__ import annotations

import re

from kg.extract.anchors import glued_compounds
from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import gazetteer
from kg.extract.vocab import union

NAME = "model-id"
_PARTS = re.compile(r"[-_]")
_FAMILY = re.compile(r"([a-z]{2,}?)(\d+(?:\.\d+)*)?")
_VERSION = re.compile(r"v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[bmk]|\d+x\d+b?")


def find(ctx: Context, prior=()) -> list[Candidate]:
    gaz = gazetteer()
    sizes = union("size_words", "size_letters")  # cached: no set built an entry
    out = []
    for i, j in glued_compounds(ctx):
        if j - i < 3 or ctx.overlaps_taken(i, j):
            continue
        text = ctx.stext(i, j)
        if text != text.lower() or distinctive(text):
            continue  # capitals or a name's shape: the shape rule reads it
        parts = [p for p in _PARTS.split(text) if p]
        m = _FAMILY.fullmatch(parts[0]) if parts else None
        if m is None or len(parts) < 2:
            continue
        known = gaz.known(m.group(1)) or gaz.known(parts[0])
        if not known or known[0] != "MODEL":
            continue
        rest = parts[1:]
        if not (m.group(2) or any(_VERSION.fullmatch(p) or p in sizes for p in rest)):
            continue
        a, b = ctx.span(i, j)
        # "bert-base-uncased": a plain word after a size word is the checkpoint's
        # tokenisation or tuning, not the model's name (the size then folds into the
        # family); "mistral-large-2" keeps its version after the tier.
        for k, p in enumerate(rest[:-1]):
            if p in sizes and not any(c.isdigit() for c in rest[k + 1]):
                text = text[: text.index(p, len(parts[0])) + len(p)]
                break
        fam = gaz.known(m.group(1))
        name = fam[1] + text[len(m.group(1)):] if fam else text
        out.append(Candidate(a, b, name, NAME, "MODEL"))
    return out
