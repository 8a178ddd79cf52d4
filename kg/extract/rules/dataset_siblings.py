"""Names listed before a known dataset are its siblings: ``on Quxal, MMLU and Flimset``,
``Quxal and SQuAD are reported``, ``Quxal, CIFAR-10 and SVHN``.

A list holds one kind of thing, so a known dataset types the names coordinated with it.
:mod:`dataset_context` spreads the type forward ("on ImageNet, X and Y"); this rule
spreads it backward, to the items before the known name. The list must be one: a
conjunction in it or two items besides the known name ("When trained with Zorb, MMLU
accuracy rises" is a clause, not a list). A list holding a known model lists models,
a lone bare acronym is jargon, and a list with an organisation in it ("the US Patent
and Trademark Office, PubMed") names sources.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import CONJUNCTIONS, JOINERS, items_after, items_before, lone_jargon
from kg.extract.vocab import union

NAME = "context"


def find(ctx: Context, prior=()) -> list[Candidate]:
    out: list[tuple[int, int]] = []
    for m in ctx.matches:
        if m.label != "DATASET" or m.i == 0 or not ctx.in_region[m.i]:
            continue
        k = m.i - 1
        joiners = []
        while k >= 0 and ctx.words[k] in JOINERS:
            joiners.append(ctx.words[k])
            k -= 1
        if not joiners or k < 0 or ctx.sent[k] != ctx.sent[m.i]:
            continue
        before = items_before(ctx, k + 1)
        if not before:
            continue
        after = _after(ctx, m.j)
        items = before + [(m.i, m.j)] + after
        conjunction = any(w in CONJUNCTIONS for w in joiners) or _conjunction_between(ctx, m.j, after)
        if not (conjunction or len(items) >= 3) or with_known_model(ctx, items) or _organisation(ctx, items):
            continue
        # "KTH, UCF101 and HMDB51": in a longer list a bare acronym is a name too.
        out += lone_jargon(ctx, before) if len(items) == 2 else before
    bad = union("software_names", "metrics", "web_sources")
    cands = []
    for i, j in dict.fromkeys(out):
        if ctx.stext(i, j).lower() in bad or any(m.i == i and m.j == j for m in ctx.matches):
            continue
        a, b = ctx.span(i, j)
        cands.append(Candidate(a, b, ctx.text[a:b], NAME, "DATASET", force_label=True))
    return cands


def _organisation(ctx: Context, items: list[tuple[int, int]]) -> bool:
    """An item is headed by an organisation's or a quantity's noun ("the US Patent and
    Trademark Office", kg/data/rules/non_name_heads.txt): the list names sources or
    splits one long name at its "and", so it types nothing."""
    heads = union("non_name_heads")
    return any(ctx.lower[j - 1] in heads for _, j in items)


def _after(ctx: Context, j: int) -> list[tuple[int, int]]:
    """The items listed right after the known name ending at ``j`` ("MMLU and Flimset")."""
    k = j
    while k < len(ctx.words) and ctx.words[k] in JOINERS:
        k += 1
    return items_after(ctx, k) if k > j else []


def _conjunction_between(ctx: Context, j: int, after: list[tuple[int, int]]) -> bool:
    """A conjunction joins the items after the known name ending at ``j``."""
    if not after:
        return False
    return any(ctx.words[k] in CONJUNCTIONS for k in range(j, after[-1][0]))


__all__ = ["find", "NAME"]
