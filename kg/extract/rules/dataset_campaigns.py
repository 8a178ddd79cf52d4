"""Shared-task campaigns as dataset names, for :mod:`kg.extract.rules.dataset_context`.

A campaign (``kg/data/rules/shared_task_venues.txt``: WMT, SemEval, CoNLL …) releases
data under its own name, so the name before its data ("the SemEval test set") or
before a language pair ("WMT English to German") is that data, while elsewhere it is
a venue. Kept apart from the context rule because it reads a list of its own and
knows nothing of the rule's other frames.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.vocab import phrases, words

__all__ = ["campaign_before", "campaign_pairs"]

#: Words between a campaign's name and its data ("the NIST evaluation test sets",
#: "the CoNLL shared task data").
_CAMPAIGN_FILLERS = frozenset(("evaluation", "evaluations", "shared", "task", "tasks", "track"))


def campaign_before(ctx: Context, d: int) -> tuple[int, int] | None:
    """The campaign name (``kg/data/rules/shared_task_venues.txt``) right before the data
    word at token ``d``, over :data:`_CAMPAIGN_FILLERS`; or None."""
    k, fillers = d - 1, 0
    while k >= 0 and fillers <= 3:
        if ctx.words[k].isspace():
            k -= 1
        elif ctx.lower[k] in _CAMPAIGN_FILLERS:
            k, fillers = k - 1, fillers + 1
        else:
            break
    if k < 0 or ctx.words[k] not in _campaigns() or ctx.sent[k] != ctx.sent[d]:
        return None
    # "the TREC data set" but not "TREC-style data": the name stands alone.
    if k > 0 and not ctx.ws[k - 1] and ctx.words[k - 1] not in ("(", "\"", "“"):
        return None
    return (k, k + 1)


_PAIR_JOINERS = frozenset(("to", "-", "–", "→", "into"))


def campaign_pairs(ctx: Context) -> list[tuple[int, int]]:
    """"WMT English to German", "IWSLT German-English": a campaign's name before the
    language pair it released data for is that data."""
    campaigns, langs = _campaigns(), words("languages")
    w, n = ctx.words, len(ctx.words)
    out = []
    for k in ctx.caps:
        if w[k] not in campaigns or k + 3 >= n or not ctx.ws[k]:
            continue
        if k > 0 and not ctx.ws[k - 1] and ctx.is_word(k - 1):
            continue  # glued on to a longer word
        a = k + 1
        if ctx.lower[a] in langs and w[a][:1].isupper() and ctx.lower[a + 1] in _PAIR_JOINERS \
                and ctx.lower[a + 2] in langs and w[a + 2][:1].isupper():
            out.append((k, k + 1))
    return out


def _campaigns() -> frozenset[str]:
    # Written as the campaign writes itself: "WMT", "SemEval", not the word "tac".
    return frozenset(phrases("shared_task_venues"))
