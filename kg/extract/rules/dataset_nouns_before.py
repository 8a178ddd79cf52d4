"""A dataset noun before the names it introduces: ``on the benchmarks Zorbank and
Quxal``, ``the corpus Zorbank``, ``three datasets, namely X, Y and Z``, ``these datasets
are X, Y and Z``, ``the datasets used are X and Y``.

:mod:`dataset_context` reads the noun after its names ("the X and Y datasets") and
after an example cue ("datasets such as X"); here the noun comes first, right before
the names, after "namely"/"i.e." or after a copula ("are", "include"). The noun must
follow a determiner, a count or a lower-case word, so "Zorb dataset Quxal" (a name
before the noun) is left to the other rules; after "this"/"that" it points back to data
named before ("On this benchmark STRUM achieves …": the name is the clause's subject); a list holding a known model lists
models, and a lone bare acronym is jargon.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import forced_datasets, items_after, lone_jargon
from kg.extract.vocab import union, words

NAME = "context"
_DETERMINERS = frozenset(("the", "these", "those", "our", "their", "a", "an", "both", "two", "three", "four", "five"))
#: Words before "benchmark(s)" that make it a verb ("we benchmark X", "to benchmark X").
_VERB_SUBJECTS = frozenset(("we", "they", "i", "to", "also", "work", "paper", "study"))
_GLOSS = frozenset(("namely", "viz", "i.e.", "ie"))
_COPULAS = frozenset(("are", "is", "include", "includes", "were", "comprise"))
_PARTICIPLES = frozenset(("used", "considered", "adopted", "selected", "chosen", "employed", "evaluated"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    found: list[tuple[int, int]] = []
    for d in ctx.where(words("dataset_words"), region=True):
        if d == 0 or not ctx.words[d - 1].isalpha() or not (ctx.words[d - 1].islower() or ctx.lower[d - 1] in _DETERMINERS):
            continue  # "Zorb dataset Quxal", "A.1 Dataset": the noun closes a name or heads a heading
        if ctx.lower[d - 1] in words("anaphoric_determiners"):
            continue  # "On this benchmark STRUM achieves …": the noun points back, the name acts
        k = _skip(ctx, d + 1)
        if k < len(ctx.words) and ctx.words[k] in (",", "，"):
            k = _skip(ctx, k + 1)
        if k < len(ctx.words) and ctx.lower[k] in _GLOSS:
            k = _skip(ctx, k + 1)  # "three datasets, namely X, Y and Z"
            if k < len(ctx.words) and ctx.words[k] in (",", "."):
                k = _skip(ctx, k + 1)  # "i.e.,"
        elif k < len(ctx.words) and ctx.lower[k] in _PARTICIPLES:
            k = _skip(ctx, k + 1)  # "the datasets used are X and Y"
            if k >= len(ctx.words) or ctx.lower[k] not in _COPULAS:
                continue
            k = _skip(ctx, k + 1)
        elif k < len(ctx.words) and ctx.lower[k] in _COPULAS and ctx.lower[k] != "is":
            if ctx.lower[d - 1] not in ("these", "the", "our", "those"):
                continue  # "these datasets are X, Y and Z"; "many datasets are …" names none
            k = _skip(ctx, k + 1)
        elif k != d + 1 and k != _skip(ctx, d + 1):
            continue  # after a comma only "namely" introduces the names
        # "This work benchmarks the X problem", "we benchmark MARN's …": a verb, not
        # the noun — its object takes an article, or a subject stands before it.
        if k < len(ctx.words) and ctx.lower[k] in ("the", "a", "an", "our", "their", "its") \
                or ctx.lower[d - 1] in _VERB_SUBJECTS:
            continue
        items = items_after(ctx, k)
        if len(items) == 1 and _subject_of_result(ctx, items[0][1]):
            continue  # "On this benchmark STRUM achieves …": STRUM opens the next clause
        if items and not with_known_model(ctx, items):
            found += lone_jargon(ctx, items)
    bad = union("software_names", "metrics", "web_sources")
    return forced_datasets(ctx, found, NAME, lambda text: text.lower() in bad)


def _subject_of_result(ctx: Context, j: int) -> bool:
    """The token after a name ending at ``j`` is a verb of a result (``result_verbs``):
    the name is that clause's subject, a system, not the name of the noun before it."""
    k = _skip(ctx, j)
    return k < len(ctx.words) and ctx.lower[k] in words("result_verbs")


def _skip(ctx: Context, k: int) -> int:
    """Index of the first token from ``k`` that is not a space."""
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return k


__all__ = ["find", "NAME"]
