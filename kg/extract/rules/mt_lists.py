"""Machine-translated names that are also everyday words (变压器 "power transformer")
count where the text lists them with other names ("BERT、变压器和GPT")."""
from __future__ import annotations

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.vocab import phrases

NAME = "mt"


def find(ctx: Context, prior=()) -> list[Candidate]:
    seps = set(phrases("list_separators"))
    pending = list(ctx.ambiguous)
    spans = sorted(sp for e in prior for sp in e.spans)
    out = []
    changed = True
    while pending and changed:  # an accepted name can carry the list on to the next one
        changed = False
        for h in list(pending):
            for x, y in spans:
                gap = ctx.text[y : h.a] if y <= h.a else ctx.text[h.b : x]
                if (y <= h.a or h.b <= x) and gap.strip() in seps and len(gap) <= 4:
                    out.append(Candidate(h.a, h.b, h.name, NAME, h.label, known=True, yields=NEVER))
                    pending.remove(h)
                    spans = sorted(spans + [(h.a, h.b)])
                    changed = True
                    break
    return out
