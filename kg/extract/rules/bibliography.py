"""Reference apparatus: locators, identifiers and BibTeX keys are no names.

Reading lists, reference lists and notes pages copy citations whole: ``ACM
Transactions on Internet Technology (TOIT), 10(4), pp.1-30``, ``AIES Vol.5 No.1``, a
BibTeX block (``archivePrefix = {arXiv}``, ``doi = {10.1109/CVPR.2017.690}``), and
LLM-written cards glue the arXiv label to the id (``arXiv2606.09553``). Each piece has a
name's shape (capitals, digits, a dotted run), so the shape rules take it; this rule
vetoes it for the entry:

* a glued arXiv id (``arXiv2606.09553``, ``arXiv2606.09553v2``);
* a locator, a label glued to a number (``pp.89``, ``Vol.5``, ``No.1``: the labels are
  data, ``kg/data/rules/reference_labels.txt``), and the word right before a volume
  label (the journal's abbreviation: ``AIES Vol.5``);
* a BibTeX field key, the word before ``= {`` or ``= "`` (``arxivId = {…}``);
* every word of a DOI (``10.1109/CVPR.2017.690``);
* an acronym in brackets after a publication's long form (``Transactions on …
  (TOIT)``, ``Journal of … (JMLR)``: ``kg/data/rules/publication_words.txt``).
"""
from __future__ import annotations

import re

from kg.extract.anchors import numerals
from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.vocab import words

NAME = "bibliography"

_ARXIV_GLUED = re.compile(r"arxiv\d{4}\.\d{4,5}(?:v\d+)?", re.I)
_LOCATOR = re.compile(r"([a-z]+)\.\d+", re.I)
_DOI = re.compile(r"\b10\.\d{4,9}/\S+")
#: How many words back from a bracketed acronym its publication word may stand
#: ("ACM Transactions on Internet Technology (TOIT)": four).
PUBLICATION_WINDOW = 6


def _locator(ctx: Context, k: int) -> str | None:
    """The label of a glued locator at token ``k`` ("pp" of "pp.89"), else None."""
    m = _LOCATOR.fullmatch(ctx.words[k])
    if m and m.group(1).lower() in words("reference_labels"):
        return m.group(1).lower()
    return None


def _publication_acronym(ctx: Context, k: int) -> bool:
    """Token ``k`` is an acronym in brackets after a publication's long form."""
    w = ctx.words
    if not (0 < k < len(w) - 1 and w[k - 1] == "(" and w[k + 1] == ")" and w[k].isupper()):
        return False
    pubs = words("publication_words")
    back = [ctx.lower[x] for x in range(max(0, k - 1 - 2 * PUBLICATION_WINDOW), k - 1)
            if ctx.is_word(x) and ctx.sent[x] == ctx.sent[k]]
    return any(x in pubs for x in back[-PUBLICATION_WINDOW:])


_EQUALS = frozenset(("=",))
_OPENING = frozenset(("(",))


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, n = ctx.words, len(ctx.words)
    hits: set[int] = set()
    # The Latin words a test below can pass: those holding a dot (among the numerals'
    # class), before an "=", after a "(" — not every Latin word of the entry.
    near = {p - 1 for p in ctx.where(_EQUALS)} | {p + 1 for p in ctx.where(_OPENING)}
    for k in sorted(set(numerals(ctx)).union(k for k in near if 0 <= k < n and ctx.is_word(k))):
        word = w[k]
        # A glued id and a locator both hold a dot, and a bracketed acronym follows "(":
        # those plain tests first, the patterns and lookups only where they can match.
        dotted = "." in word
        if dotted and _ARXIV_GLUED.fullmatch(word):
            hits.add(k)
        elif dotted and (label := _locator(ctx, k)) is not None:
            hits.add(k)
            if label == "vol" and k > 0 and ctx.is_word(k - 1) and ctx.ws[k - 1] and not w[k - 1].islower():
                hits.add(k - 1)
        elif k + 2 < n and w[k + 1] == "=" and w[k + 2] in ("{", '"'):
            hits.add(k)
        elif k > 0 and w[k - 1] == "(" and _publication_acronym(ctx, k):
            hits.add(k)
    if "10." in ctx.text:
        for m in _DOI.finditer(ctx.text):
            k = ctx.tok_at.get(m.start())
            while k is not None and k < n and ctx.idx[k] < m.end():
                if ctx.is_word(k):
                    hits.add(k)
                k += 1
    out = []
    for k in sorted(hits):
        # The veto names what a shape rule would take: the whole glued run ("pp.1-30").
        for end in sorted({k + 1, ctx.compound_end.get(k, k + 1)}):
            a, b = ctx.span(k, end)
            out.append(Candidate(a, b, ctx.text[a:b], NAME, GENERIC, yields=NEVER))
    return out
