"""Names the text treats as data, though only their shape found them: ``GOOAQ was
collected``, ``DSTC2 (Henderson et al., 2014b) contains 23,354 turns``, ``the documents
of OpenWebText2``, ``from MNLI to HANS``, ``CIFAR-10/100 [25] and CINIC-10 [26]``.

A name shape (``GOOAQ``, ``CINIC-10``) is reported as a model unless its context says
it is data; in paper prose the context that says so is often not a dataset word but:

* a collection verb after it (``kg/data/rules/collection_verbs.txt``: "X was
  collected/mined/annotated"),
* a count of data items it holds (``data_units.txt``: "X contains 23,354 turns"),
* a noun of data items before it ("the documents of X", "questions from X"),
* an apposition headed by "data set" ("ReCoRD, a data set that measures …"),
* a score reported on it ("reaches 70.9 on X", "an 18.2 point gain on X"; not a speed:
  ``speed_words.txt``, "2.5 fps on X"),
* a known dataset it is paired with: "from MNLI to X", or a list of known datasets whose
  items carry citation markers ("CIFAR-10/100 [25] and CINIC-10 [26]"), which the
  typing pass's coordination (list separators only) does not read.

Each gives a DATASET candidate on the name that forces its kind. Only names no other
rule supports are read (a known model, a cue or a title keeps its kind).
"""
from __future__ import annotations

import re

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import family
from kg.extract.rules.guesses import SHAPE_GUESSES, guessed_models
from kg.extract.vocab import phrases, words

NAME = "data-context"
_BE = frozenset(("is", "are", "was", "were", "been", "be"))
_CONTAIN = frozenset(("contains", "contained", "comprises", "includes", "holds", "has"))
#: "contains 23,354 turns", "holds over 1.2M images": a verb of holding, a count, a noun.
_COUNT = re.compile(r"\s*(\w+)\s+(?:over\s+|about\s+|approximately\s+|roughly\s+|nearly\s+)?\d[\d,.]*\s*[KkMm]?\s+(\w+)")
#: Bracketed citation markers between list items: "[25]", "[3, 7]", "(Zhu et al., 2015)".
_CITATION = re.compile(r"\s*(?:\[[\d,\s–-]+\]|\([^()]*\b(?:19|20)\d{2}[a-z]?\))\s*")
_SIBLING = re.compile(r"^/[\w.-]+")
#: How many tokens a parenthetical between a name and its verb may hold.
ASIDE = 12


def find(ctx: Context, prior=()) -> list[Candidate]:
    verbs, units = words("collection_verbs"), words("data_units")
    joiners = set(phrases("list_joiners")) | {"/"}
    w, lower, n = ctx.words, ctx.lower, len(ctx.words)
    known_data = [(a, b) for e in prior if e.label == "DATASET" for a, b in e.spans]
    out = []
    for e in guessed_models(prior, SHAPE_GUESSES):
        for a, b in e.spans:
            i, j = ctx.tok_at.get(a), ctx.end_at.get(b)
            if i is None or j is None:
                continue
            k = _skip_aside(ctx, j)
            after = [lower[x] for x in range(k, min(k + 4, n)) if not w[x].isspace()]
            before = [lower[x] for x in range(max(0, i - 3), i) if not w[x].isspace()]
            data = (
                # "X was collected", "X is annotated with …"
                (len(after) >= 2 and after[0] in _BE and after[1] in verbs)
                # "X contains 23,354 turns"
                or ((m := _COUNT.match(ctx.text, ctx.idx[k] if k < n else len(ctx.text))) is not None
                    and m.group(1).lower() in _CONTAIN and m.group(2).lower() in units)
                # "ReCoRD, a data set that measures …": an apposition headed by the two-word
                # "data set" (the typing pass reads one-word dataset nouns)
                or _data_set_apposition(ctx, j)
                # "the documents of X", "questions from X" 
                or (len(before) >= 2 and before[-1] in ("of", "from") and before[-2] in units)
                or _paired_with_data(ctx, a, b, i, known_data, joiners)
                # "reaches 70.9 on X", "an 18.2 point gain on X": a score reported on it
                or _score_on(ctx, i)
            )
            if data:
                out.append(Candidate(a, b, e.name, NAME, "DATASET", aliases=(family(e.name),), yields=NEVER,
                                     force_label=True))
                break
    return out


#: How many words may stand between the article and "data set" ("a large public data set").
APPOSITION_WORDS = 3


def _data_set_apposition(ctx: Context, j: int) -> bool:
    """", a/an/the … data set" right after the name."""
    lower, n = ctx.lower, len(ctx.words)
    seq = [x for x in range(j, min(n, j + 4 + APPOSITION_WORDS)) if not ctx.words[x].isspace()]
    if len(seq) < 4 or ctx.words[seq[0]] != "," or lower[seq[1]] not in ("a", "an", "the"):
        return False
    for p in range(2, len(seq) - 1):
        if lower[seq[p]] == "data" and lower[seq[p + 1]] in ("set", "sets"):
            return True
    return False


#: How many tokens before "on X" a score may stand ("an 18.2 percentage point gain on X": six).
SCORE_WINDOW = 6
_SCORE = re.compile(r"\d+(?:\.\d+)?")
_CLAUSE_END = frozenset((",", ";", ".", ":", "(", ")", "，", "。", "；"))


def _score_on(ctx: Context, i: int) -> bool:
    """"on" right before the name, and a decimal number before it in the same clause
    within ``SCORE_WINDOW`` tokens: a result reported on the name."""
    k = i - 1
    while k >= 0 and ctx.words[k].isspace():
        k -= 1
    if k < 1 or ctx.lower[k] != "on":
        return False
    speed = words("speed_words")
    for x in range(k - 1, max(-1, k - 1 - SCORE_WINDOW), -1):
        if ctx.words[x] in _CLAUSE_END or ctx.sent[x] != ctx.sent[k]:
            return False
        if ctx.lower[x] in speed:  # "2.5 fps on X", "1.8x faster on X": the hardware it ran on
            return False
        if _SCORE.fullmatch(ctx.words[x]) and "." in ctx.words[x]:
            return True
    return False


def _skip_aside(ctx: Context, j: int) -> int:
    """The token after a parenthesis right after the name ("DSTC2 (Henderson et al.,
    2014b) contains …"), else ``j``."""
    if j < len(ctx.words) and ctx.words[j] == "(":
        for x in range(j + 1, min(j + ASIDE, len(ctx.words))):
            if ctx.words[x] == ")":
                return x + 1
    return j


def _paired_with_data(ctx: Context, a: int, b: int, i: int, known: list[tuple[int, int]], joiners: set[str]) -> bool:
    """A known dataset right before the name, joined by a list joiner across citation
    markers ("CIFAR-10/100 [25] and X"), or "from <dataset> to X"."""
    for x, y in known:
        if y > a:
            continue
        gap = ctx.text[y:a]
        if len(gap) > 60:
            continue
        # "CIFAR-10/100 [25] and X": a sibling written with a slash belongs to the item.
        core = _CITATION.sub(" ", _SIBLING.sub("", gap)).strip()
        if core != gap.strip() and core in joiners:
            return True
        if core == "to" and i > 0:
            start = ctx.tok_at.get(x)
            if start is not None and start > 0 and ctx.lower[start - 1] == "from":
                return True
    return False
