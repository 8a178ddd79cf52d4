"""Names given a data role in the sentence, whatever they look like:

* ``X, Y and Z are used for evaluation``, ``X is used as the test set``,
  ``X and Y serve as our evaluation benchmarks``;
* ``we use X as the training data``, ``we adopt X as the benchmark``;
* ``the test sets of X and Y``, ``the standard splits of X``, ``a subset of X``.

The role is what makes the name data: an evaluation word, a dataset noun or a split
(``kg/data/rules/data_role_words.txt``), or a split noun before "of". "From X" is left
out: it names sources as often as data ("images from Flickr", "text extracted from
eBooks", "derived from Eqn. 3"), and on the dev corpora it found no dataset the other
rules missed. "Used for training" alone is left out as well: optimisers and objectives
are used for training too ("Adam is used for training"). A list holding a known model
names models ("GPT-4 is used for evaluation" as the judge); metrics, software and the
websites data comes from (``web_sources.txt``) are no data.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import JOINERS, forced_datasets, items_after, lone_jargon, name_item
from kg.extract.triggers import Triggers
from kg.extract.vocab import union, words

NAME = "context"

#: Every frame starts at one of its trigger words (see ``_TRIGGERS`` below).
TRIGGERS = Triggers(words=lambda: _TRIGGERS)
_BE = frozenset(("is", "are", "was", "were"))
_PASSIVE = frozenset(("used", "adopted", "employed", "chosen", "selected", "utilized", "utilised"))
_USE = frozenset(("use", "uses", "used", "using", "adopt", "adopts", "adopted", "adopting", "employ", "employs", "employed",
                  "take", "takes", "took", "choose", "chose", "select", "selects", "selected", "utilize", "utilizes", "utilized"))
_SERVE = frozenset(("serve", "serves", "served", "serving"))
_ROLE_FILLERS = frozenset(("the", "our", "a", "an", "its", "their", "main", "primary", "standard", "public", "final"))
#: Nouns before "of" that take a part of a dataset ("the test sets of X", "a subset of X").
_PARTS = frozenset(("subset", "subsets", "split", "splits", "portion", "portions", "partition", "partitions"))
_SETS = frozenset(("set", "sets"))
_TRIGGERS = _PASSIVE | _SERVE | _USE | _PARTS | _SETS
#: Tokens a role phrase may hold after "for"/"as" before its role word.
ROLE_REACH = 4
#: Tokens a name list may take before "is used", "serve as" (it ends right before them).
LIST_REACH = 24


def find(ctx: Context, prior=()) -> list[Candidate]:
    n = len(ctx.words)
    found: list[tuple[int, int]] = []
    # Only the trigger words are visited (Context.where reads the entry's word index).
    for d in ctx.where(_TRIGGERS, region=True):
        low = ctx.lower[d]
        if low in _PASSIVE and d >= 2 and _prev(ctx, d) in _BE and _role_after(ctx, d + 1):
            # "X, Y and Z are used for evaluation", "X is used as the test set"
            found += _subjects(ctx, _prev_index(ctx, _prev_index(ctx, d)))
        elif low in _SERVE and _role_after(ctx, d + 1, ("as",)):
            found += _subjects(ctx, _prev_index(ctx, d))  # "X and Y serve as our benchmarks"
        elif low in _USE and d + 1 < n:
            # "we use X as the training data", "we adopt X and Y as benchmarks"
            items = items_after(ctx, _next_index(ctx, d))
            if items and _next(ctx, items[-1][1]) == "as" and _role_after(ctx, items[-1][1], ("as",)):
                found += _objects(ctx, items)
        elif low in _PARTS | _SETS and _next(ctx, d + 1) == "of" and _part_before(ctx, o := _next_index(ctx, d)):
            found += _objects(ctx, items_after(ctx, _next_index(ctx, o)))  # "the test sets of X and Y"
    bad = union("software_names", "metrics", "web_sources")
    return forced_datasets(ctx, found, NAME, lambda text: text.lower() in bad or generic(text))


def _next_index(ctx: Context, d: int) -> int:
    """Index of the first token after ``d`` that is not a space."""
    k = d + 1
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return k


def _prev_index(ctx: Context, d: int) -> int:
    """Index of the last token before ``d`` that is not a space (-1 if none)."""
    k = d - 1
    while k >= 0 and ctx.words[k].isspace():
        k -= 1
    return k


def _prev(ctx: Context, d: int) -> str:
    k = _prev_index(ctx, d)
    return ctx.lower[k] if k >= 0 and ctx.sent[k] == ctx.sent[d] else ""


def _next(ctx: Context, j: int) -> str:
    k = j
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return ctx.lower[k] if k < len(ctx.words) else ""


def _role_after(ctx: Context, k: int, preps: tuple[str, ...] = ("for", "as")) -> bool:
    """A role phrase starts at token ``k``: "for evaluation", "as the test set", "as our
    evaluation benchmarks" — a preposition, then a role word within
    :data:`ROLE_REACH` tokens, only fillers and modifiers between."""
    k = _next_index(ctx, k - 1)
    if k >= len(ctx.words) or ctx.lower[k] not in preps:
        return False
    roles, splits = union("data_role_words", "dataset_words"), words("split_words")
    seen = 0
    k = _next_index(ctx, k)
    while k < len(ctx.words) and seen < ROLE_REACH and ctx.sent[k] == ctx.sent[k - 1]:
        w = ctx.lower[k]
        if w in roles:
            return True
        if w in splits:
            # "used for training" alone is no data role; "as the training data" is.
            return _next(ctx, k + 1) in union("dataset_words") | _SETS | {"data"}
        if w not in _ROLE_FILLERS and not w.isalpha():
            return False
        seen += 1
        k = _next_index(ctx, k)
    return False


def _objects(ctx: Context, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The listed names, unless the list holds a known model or is one bare acronym. A
    last name before a plural noun modifies it ("questions from Reddit users"): the
    noun is the source, not the name."""
    if items and _modifies_plural(ctx, items[-1][1]):
        items = items[:-1]
    return [] if with_known_model(ctx, items) else lone_jargon(ctx, items)


_NOT_PLURAL = frozenset(("is", "was", "has", "does", "as", "its", "thus", "this", "us"))


def _modifies_plural(ctx: Context, j: int) -> bool:
    k = _next_index(ctx, j - 1)
    if k >= len(ctx.words) or not ctx.ws[k - 1] or ctx.sent[k] != ctx.sent[j - 1]:
        return False
    w = ctx.words[k]
    return w.isalpha() and w.islower() and len(w) > 3 and w.endswith("s") and w not in _NOT_PLURAL


def _part_before(ctx: Context, d: int) -> bool:
    """A part of a dataset stands before "of" at ``d``: "subset", "splits", or a split
    word with "set(s)" ("the test sets of", "the training set of")."""
    k = _prev_index(ctx, d)
    if k < 0:
        return False
    if ctx.lower[k] in _PARTS:
        return True
    return ctx.lower[k] in _SETS and k >= 1 and ctx.lower[_prev_index(ctx, k)] in words("split_words")


def _subjects(ctx: Context, e: int) -> list[tuple[int, int]]:
    """The coordinated names that end at token ``e`` (inclusive) and open their clause:
    "Zorbank, Quxal, and Flimset are used …". The list must reach the sentence's start
    or a comma/colon before it, so "… trained with Zorb is used …" names nothing."""
    items: list[tuple[int, int]] = []
    j = e + 1
    while j > 0 and len(items) < 8:
        i = ctx.compound_start.get(j)
        if i is None or not name_item(ctx, i, j) or e + 1 - i > LIST_REACH:
            return []
        items.insert(0, (i, j))
        k = _prev_index(ctx, i)
        if k < 0 or ctx.sent[k] != ctx.sent[i] or ctx.words[k] in (":", ";"):
            break
        if ctx.words[k] not in JOINERS:
            # "Both X and Y are used": a determiner may open the list
            if ctx.lower[k] in ("both", "the") and (k == 0 or ctx.sent[_prev_index(ctx, k)] != ctx.sent[k]):
                break
            return []
        while k >= 0 and ctx.words[k] in JOINERS:
            k = _prev_index(ctx, k)
        j = k + 1
    if with_known_model(ctx, items):
        return []
    return lone_jargon(ctx, items)


__all__ = ["find", "NAME"]
