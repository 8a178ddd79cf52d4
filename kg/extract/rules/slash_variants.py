"""Sibling names written with a slash: ``ModelNet10/40`` is ModelNet10 and ModelNet40,
``CIFAR-10/100`` is CIFAR-10 and CIFAR-100, ``KITTI 2012/2015`` two releases.

Only after a dataset already found (a stage-2 rule): the number after the slash replaces
the number the name ends in. The sibling is a known name where the gazetteer has it.
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import gazetteer

NAME = "context"
_TAIL_NUMBER = re.compile(r"^(?P<stem>.*?\D)(?P<num>\d+)$")
_SIBLING = re.compile(r"/(\d+)(?![\w/])")


def find(ctx: Context, prior=()) -> list[Candidate]:
    gaz = gazetteer()
    out = []
    for e in prior:
        if e.label != "DATASET":
            continue
        for a, b in e.spans:
            surface = ctx.text[a:b]
            m = _TAIL_NUMBER.match(surface)
            s = _SIBLING.match(ctx.text, b)
            if not m or not s or len(s.group(1)) > len(m.group("num")) + 1:
                continue
            name = m.group("stem") + s.group(1)
            known = gaz.known(name)
            out.append(Candidate(s.start(1), s.end(1), known[1] if known else name, NAME, "DATASET",
                                 known=bool(known), force_label=True))
    return out


__all__ = ["find", "NAME"]
