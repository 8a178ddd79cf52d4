"""Bare mentions of a name the entry has already typed: "Slot-Based Object-Centric
Representations (SBOCR) … These insights suggest that SBOCR is a promising direction".

A definition, a gazetteer match or a context frame types a short name in one place of the
entry; the entry then writes the name bare in other sentences, where no rule of its own
would take it (a bare acronym of three capitals is jargon to the shape rules). Each bare
occurrence of a written form of an entity found so far is a mention of that entity, with
its kind (a stage-2 rule: it reads only the entities merged from stage 1).

Only short written forms are carried — one word shaped like a name (capitals, or letters
with digits or a hyphen: "SBOCR", "2DSCN", "CT-GAN"), in singular or plural ("SCNs").
Several-word names are found again by the rules that found them. Abbreviations that are
also words of running text when bare ("IT", "US", "ML") are listed in
``kg/data/rules/bare_mention_stops.txt`` and never carried, whatever typed them once.

The rule adds no entity: it only gives an existing one its other mentions (its roles and
its kind read every mention).
"""
from __future__ import annotations

import re

from kg.extract.candidate import TO_ANY, Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.vocab import words

NAME = "mention"
#: A word shaped like a name on its own: two capitals or more, or a capital with a digit
#: or an inner hyphen ("SBOCR", "2DSCN", "CT-GAN", "T5"); letters and digits only, so a
#: written form is matched as one token.
_SHORT = re.compile(r"(?=[^A-Z]*[A-Z][^A-Z]*[A-Z0-9])[0-9A-Za-z][0-9A-Za-z-]*[0-9A-Za-z]")


def _glued(ch: str) -> bool:
    """A character that glues a word to its neighbour: a written form inside a longer
    token ("SBOCR-based", "xSBOCR", "SBOCR_v2") is not a bare mention of it."""
    return ch.isalnum() or ch in ("-", "_")


def _forms(ctx: Context, e) -> set[str]:
    """The entity's short written forms (as the text writes them, plural folded)."""
    out = set()
    for a, b in e.spans:
        s = ctx.text[a:b]
        if s.endswith("s") and len(s) > 3 and s[-2].isupper():  # "SCNs" is written "SCN" too
            s = s[:-1]
        if _SHORT.fullmatch(s) and len(s) <= 16:
            out.add(s)
    return out


def find(ctx: Context, prior=()) -> list[Candidate]:
    out: list[Candidate] = []
    index = None
    for e in prior:
        if e.label not in ("MODEL", "DATASET"):
            continue
        forms = _forms(ctx, e)
        if not forms:
            continue
        if index is None:
            index, stops = ctx.word_index(), words("bare_mention_stops")
        for form in sorted(forms):
            if form.lower() in stops or generic(form):
                continue
            # The tokens the form can start at: its first part's (a hyphen splits tokens),
            # in singular or plural — an index look-up, not a scan of the text.
            first = form.split("-")[0].lower()
            starts = index.get(first, []) + index.get(first + "s", []) if "-" not in form else index.get(first, [])
            for t in starts:
                a = ctx.idx[t]
                if not ctx.in_region[t] or not ctx.text.startswith(form, a) or (a and _glued(ctx.text[a - 1])):
                    continue
                b = a + len(form)
                if ctx.text[b : b + 1] == "s":  # "SCNs"
                    b += 1
                if _glued(ctx.text[b : b + 1]):
                    continue
                if any(x < b and a < y for x, y in e.spans):
                    continue
                out.append(Candidate(a, b, e.name, NAME, e.label, known=e.known, aliases=(form,), yields=TO_ANY,
                                     force_label=True))
    return out


__all__ = ["find", "NAME"]
