"""Kind families inside a title's phrase: ``BERT Pre-Training of Image Transformers``,
``FreeU: Free Lunch in Diffusion U-Net``, ``… via Sparse Mixture-of-Experts``,
``A Unified Transformer-based Framework``.

Some known names are also the names of a kind (``kg/data/rules/kind_families.txt``).
In a title, such a name with a capitalised modifier right before it, or with a suffix
("-based") right after it, is the head of a longer descriptive phrase: the family is
not taken from inside it (annotation guidelines). A veto — unless the entry names the
family outside its title, where the text says it uses it.
"""
from __future__ import annotations

import functools

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import squash
from kg.extract.nlp import WORD
from kg.extract.vocab import phrases, union, words

NAME = "title"


def _modified(ctx: Context, i: int, j: int) -> bool:
    """A capitalised word right before tokens ``i:j`` (spaced, same title), or a
    suffix glued after them ("Transformer-based")."""
    w, n = ctx.words, len(ctx.words)
    if j + 1 < n and w[j] == "-" and not ctx.ws[j - 1] and ctx.lower[j + 1] in union("model_suffixes", "suffix_words"):
        return True
    k = i - 1
    if k < 0 or not ctx.ws[k] or ctx.kinds[k] != WORD or not ctx.in_title(ctx.idx[k]):
        return False
    low = ctx.lower[k]
    small = union("title_small_words", "stop_caps", "indefinite_words")  # cached: no set built a call
    # "Analysing Chain of Thought …", "Domain Features Outperform Transformers": a verb
    # before the name takes it as its object.
    return w[k][:1].isupper() and low not in small and not low.endswith("ing") and low not in words("clause_verbs")


@functools.cache
def _families() -> frozenset[str]:
    return frozenset(squash(p) for p in phrases("kind_families"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None:
        return []
    if not ctx.matches:
        return []
    families = _families()
    out = []
    for m in ctx.matches:
        if m.label != "MODEL" or squash(m.name) not in families or not ctx.in_title(m.a):
            continue
        if any(x.name == m.name and not ctx.in_title(x.a) for x in ctx.matches):
            continue
        if _modified(ctx, m.i, m.j):
            out.append(Candidate(m.a, m.b, m.name, NAME, GENERIC, yields=NEVER))
    return out
