"""A Korean dataset noun right after Latin names: ``GenEval 벤치마크에서`` (on the GenEval
benchmark), ``ZorbQA, QuxQA 데이터셋``.

Korean prose writes a dataset's name in Latin letters and its kind after it
(``kg/data/rules/dataset_words_ko.txt``: 벤치마크, 데이터셋, 코퍼스, …), spaced off or
glued. The names are read back from the noun as the English "X and Y datasets" frame
reads them (:func:`~kg.extract.rules.items.items_before`: commas between items); a list
holding a known model names no data (a model's benchmark results), and software is no
data either.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import CJK, WORD
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import forced_datasets, items_before, lone_jargon
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "context"

#: A Korean dataset noun in the text (Hangul is CJK to the tokenizer).
TRIGGERS = Triggers(cjk=True, text=lambda: phrases("dataset_words_ko"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk:
        return []
    nouns = tuple(phrases("dataset_words_ko"))
    found: list[tuple[int, int]] = []
    for d in range(1, len(ctx.words)):
        # The noun follows the last name's Latin word, one space or none between.
        if ctx.kinds[d] != CJK or ctx.kinds[d - 1] != WORD or not ctx.in_region[d]:
            continue
        if not ctx.joined(d, d + 6).startswith(nouns):
            continue
        items = lone_jargon(ctx, items_before(ctx, d))
        if items and not with_known_model(ctx, items):
            found += items
    software = words("software_names")
    return forced_datasets(ctx, found, NAME, lambda text: text.lower() in software)


__all__ = ["find", "NAME", "TRIGGERS"]
