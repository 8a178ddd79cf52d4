"""First-person naming: ``we call it X``, ``which we call X``, ``we name our framework
X``, ``we dub the resulting model X``, ``we refer to this model as X``.

Writers name what they built with a verb of naming (``kg/data/rules/naming_verbs.txt``)
whose subject is "we": the object is the thing (a pronoun, or a short phrase of pointing
words and a kind noun: ``kg/data/rules/naming_objects.txt``, ``apposition_kinds.txt``)
and the name follows it, capitalised, name-shaped or quoted. The name is the paper's own
(proposed). The frame holds in any text — an abstract, a digest's summary, a paper's
paragraph — and says nothing about the name's shape, so plain words are found too
("we call it Tessellate"). Without "we" the verb is not a naming ("the name X", "a call
to X"), and a lower-case phrase after the object is a description, not a name.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import WORD
from kg.extract.rules.cues import cue_name
from kg.extract.vocab import words

NAME = "naming"
#: Most words between the verb and the name ("the resulting hybrid model").
MAX_OBJECT = 4
_QUOTES = frozenset(('"', "“", "‘", "'", "「"))
#: Adverbs that may stand between "we" and the verb ("we simply call it X").
_ADVERBS = frozenset(("also", "hence", "thus", "therefore", "simply", "hereafter", "henceforth", "then", "will", "shall"))


def _by_we(ctx: Context, k: int) -> bool:
    """Token ``k`` (the verb) has "we" as its subject, an adverb at most between them."""
    j = k - 1
    if j >= 0 and ctx.lower[j] in _ADVERBS:
        j -= 1
    return j >= 0 and ctx.lower[j] == "we" and ctx.sent[j] == ctx.sent[k]


def _name_start(ctx: Context, k: int, refer: bool) -> int | None:
    """Token where the name starts after the verb at ``k``, skipping the object."""
    n = len(ctx.words)
    pointing = words("naming_objects") | words("apposition_kinds")
    x = k + 1
    if refer:
        if x >= n or ctx.lower[x] != "to":
            return None
        x += 1
    skipped = 0
    while x < n and ctx.lower[x] in pointing and skipped < MAX_OBJECT:
        x += 1
        skipped += 1
    if refer:
        if x >= n or ctx.lower[x] != "as" or skipped == 0:
            return None
        x += 1
    elif x < n and ctx.lower[x] == "as":  # "we term it as X"
        x += 1
    if x < n and ctx.words[x] in _QUOTES:
        x += 1
    if x >= n or ctx.kinds[x] != WORD or ctx.sent[x] != ctx.sent[k]:
        return None
    return x


def _extend(ctx: Context, j: int) -> int:
    """Grow a name ending at token ``j`` over following capitalised words and compounds
    ("Face R-FCN")."""
    n = len(ctx.words)
    while j < n and ctx.ws[j - 1] and ctx.words[j][:1].isupper() and ctx.kinds[j] == WORD and ctx.sent[j] == ctx.sent[j - 1]:
        j = ctx.compound_end.get(j, j + 1)
    return j


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for k in ctx.where(words("naming_verbs"), region=True):
        if not _by_we(ctx, k):
            continue
        i = _name_start(ctx, k, refer=ctx.lower[k] == "refer")
        if i is None:
            continue
        j = ctx.compound_end.get(i, i + 1)
        text = ctx.stext(i, j)
        # A name is capitalised or shaped like one; a lower-case phrase, quoted or not,
        # is a term for a problem or a property ('we call this the "multimodality
        # problem"').
        if not (text[:1].isupper() or distinctive(text)):
            continue
        j = _extend(ctx, j)
        c = cue_name(ctx, i, j, proposed=True, rule=NAME)
        if c is not None:
            out.append(c)
    return out
