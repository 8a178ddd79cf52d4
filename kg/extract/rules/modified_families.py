"""A kind family a modifier makes a kind, in running text: ``decoder-only transformer``,
``an interference-aware Transformer architecture``, ``Rectified Flow Transformer``,
``Sparse Mixture-of-Experts``.

Some known names are also the names of a kind (``kg/data/rules/kind_families.txt``):
"Transformer" is the model of Vaswani et al. and the kind of every model built like it.
A hyphenated modifier right before it ending in a kind-making word ("decoder-only",
"interference-aware": ``kg/data/rules/kind_modifier_suffixes.txt``) or a
capitalised word of the same Title-Case phrase ("Rectified Flow Transformer") makes it
the head of a longer description of a kind, not the family the paper uses (annotation
guidelines: a family name is not taken from inside a longer name). Titles are
:mod:`title_families`' to read; here the family is vetoed when the entry's title does not
name it and every mention of it is so modified.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.rules.title_families import _families
from kg.extract.names import squash
from kg.extract.vocab import union, words

NAME = "modified-family"


def _modified(ctx: Context, i: int) -> bool:
    """A hyphenated modifier or a capitalised phrase word right before token ``i``."""
    k = i - 1
    if k < 0 or not ctx.ws[k] or ctx.kinds[k] != WORD:
        return False
    start = ctx.compound_start.get(k + 1)
    if start is not None and start < k:
        # "decoder-only", "interference-aware": a lower-case compound ending in a word of
        # kind_modifier_suffixes ("fine-tuned Transformer baselines" use the family).
        return ctx.words[k].islower() and ctx.lower[k] in words("kind_modifier_suffixes")
    w = ctx.words[k]
    small = union("title_small_words", "stop_caps", "indefinite_words")  # cached: no set built a call
    return w[:1].isupper() and w.isalpha() and ctx.lower[k] not in small and not ctx.sentence_start(k) \
        and not ctx.title_like(ctx.sent[k])


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.matches:
        return []
    families = _families()
    by_name: dict[str, list] = {}
    for m in ctx.matches:
        if m.label == "MODEL" and squash(m.name) in families:
            by_name.setdefault(m.name, []).append(m)
    out = []
    for name, ms in by_name.items():
        # A family the title names is the title rules' to judge ("A Successor to Transformer").
        if any(ctx.in_title(m.a) for m in ms):
            continue
        body = ms
        if all(_modified(ctx, m.i) for m in body):
            m = body[0]
            out.append(Candidate(m.a, m.b, m.name, NAME, GENERIC, yields=NEVER))
    return out
