"""What before "on X" makes X a dataset, for :mod:`kg.extract.rules.dataset_context`.

"we evaluate on X", "fine-tuned on X" (a cue word), "benchmark 12 LLMs on X" (an
evaluation verb and its object), "achieves 80% on X", "85.2 F1 on X" (a score and what
it counts). Each reads only the tokens before "on"; kept apart so the rule's own
module holds its frames, not the word lists that open them.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.vocab import union, words

__all__ = ["cue_before", "scored_before", "verb_before", "VERB_OBJECT_WORDS"]

#: Words an evaluation verb's object may take before "on X" ("evaluate our new model on X").
VERB_OBJECT_WORDS = 3


def verb_before(ctx: Context, d: int) -> bool:
    """An evaluation verb at most :data:`VERB_OBJECT_WORDS` words before "on" at ``d``,
    its object between them ("benchmark 12 LLMs on X"), no punctuation in between."""
    verbs = words("evaluation_verbs")
    k, seen = d - 1, 0
    while k >= 0 and seen <= VERB_OBJECT_WORDS:
        if ctx.words[k].isspace():
            k -= 1
            continue
        # "fine-tune LLaMA on X", "pre-trained on X": the tokenizer splits a hyphenated
        # word at its hyphen; the whole compound is the verb (or one object word).
        i = ctx.compound_start.get(k + 1, k)
        if ctx.kinds[k] != WORD or ctx.sent[k] != ctx.sent[d]:
            return False
        if ctx.lower[k] in verbs or "".join(ctx.lower[i : k + 1]) in verbs:
            return seen > 0
        seen += 1
        k = i - 1
    return False


_SCORE = re.compile(r"\d+(?:\.\d+)?%?|%")


def _score(word: str) -> bool:
    """A score or a percentage, the token before "on X" in "achieves 80% on X"."""
    return _SCORE.fullmatch(word) is not None


def cue_before(ctx: Context, d: int, cues: frozenset[str]) -> bool:
    """The word before "on" at ``d`` is a cue ("evaluate on X"), read whole when the
    tokenizer split it at a hyphen ("fine-tuned on X")."""
    i = ctx.compound_start.get(d, d - 1)
    word = "".join(ctx.lower[i:d])
    return ctx.lower[d - 1] in cues or word in cues


def scored_before(ctx: Context, d: int) -> bool:
    """A score, or a score and the one word that names what it counts, right before
    "on" at ``d``: "achieves 80% on X", "85.2 F1 on X", "+3.1 points on X"."""
    before = [k for k in range(max(0, d - 4), d) if not ctx.words[k].isspace() and ctx.sent[k] == ctx.sent[d]][-2:]
    if before and _score(ctx.words[before[-1]]):
        return True
    if len(before) < 2 or not _score(ctx.words[before[0]]):
        return False
    # "2 layers on X", "Task 2 on X": only a word a score counts in makes the score's
    # place a dataset (kg/data/rules/score_words.txt, metrics.txt).
    i = ctx.compound_start.get(before[1] + 1, before[1])
    return "".join(ctx.lower[i : before[1] + 1]) in union("score_words", "metrics")
