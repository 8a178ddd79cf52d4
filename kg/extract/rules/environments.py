"""Environments, simulators and games named by their context, typed as datasets (the
annotation counts the environments an agent is trained or tested in as data):

* a head noun after the name, lower-case modifiers between: ``the TORCS car racing
  environment``, ``DeepMind's Labyrinth environment``, ``the Gazebo simulator``;
* an apposition headed by one: ``MuJoCo, the continuous-space physics simulation engine``;
* a Chinese head after the name, a count between: ``在模拟与GazeboSim两种环境下``;
* the object of a play verb: ``plays the classic first-person shooter DOOM``,
  ``Playing DOOM with 1.3M Parameters``.

Known models, software (``a Docker environment``, ``kg/data/rules/software_names.txt``),
languages and generic kinds are no environments.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import CJK, WORD, gazetteer
from kg.extract.rules.items import forced_datasets, name_item
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "context"

#: Every frame starts at an environment head's first word, a play verb, or (in Chinese)
#: a head of ``environment_heads_zh`` in the joined tokens: without one, nothing to read.
TRIGGERS = Triggers(words=lambda: {p.split()[0] for p in phrases("environment_heads")} | words("play_verbs"),
                    squeezed=lambda: phrases("environment_heads_zh"))
#: Lower-case words that may stand between a name and its head ("car racing") or
#: between a play verb and the game ("the classic first-person shooter").
MAX_MODIFIERS = 4
_ARTICLES = frozenset(("the", "a", "an"))
_COUNT_CHARS = frozenset("两二三四五六七八九十")
_CLASSIFIERS = frozenset("个种类套")


def _skip_back_space(ctx: Context, k: int) -> int:
    while k >= 0 and ctx.words[k].isspace() and "\n" not in ctx.words[k]:
        k -= 1
    return k


def _name_ending(ctx: Context, e: int) -> tuple[int, int] | None:
    """The name (a compound, or up to three capitalised words) ending at token ``e - 1``."""
    i = ctx.compound_start.get(e)
    if i is None:
        return None
    while i >= 1 and ctx.ws[i - 1] and ctx.kinds[i - 1] == WORD and ctx.words[i - 1][:1].isupper() \
            and e - i < 3 and not ctx.sentence_start(i - 1) and ctx.lower[i - 1] not in words("stop_caps"):
        i -= 1
    return i, e


def _name_starting(ctx: Context, s: int) -> tuple[int, int] | None:
    j = ctx.compound_end.get(s)
    if j is None:
        return None
    while j < len(ctx.words) and ctx.ws[j - 1] and ctx.kinds[j] == WORD and ctx.words[j][:1].isupper() and j - s < 3 \
            and ctx.sent[j] == ctx.sent[s]:
        j = ctx.compound_end.get(j, j + 1)
    return s, j


def _environment(ctx: Context, i: int, j: int) -> bool:
    """Tokens ``i:j`` read as an environment's name: a name, no known model, no software."""
    text = ctx.stext(i, j)
    if not name_item(ctx, i, j) or text.lower() in words("software_names"):
        return False
    known = gazetteer().known(text)
    return known is None or known[0] == "DATASET"


def _head_at(ctx: Context, d: int) -> int | None:
    """Token after an environment head starting at token ``d``, or None."""
    for head in sorted(phrases("environment_heads"), key=len, reverse=True):
        parts = head.split()
        k, ok = d, True
        for p in parts:
            while k < len(ctx.words) and ctx.words[k].isspace():
                k += 1
            if k >= len(ctx.words) or ctx.lower[k] != p:
                ok = False
                break
            k += 1
        if ok:
            return k
    return None


def _modifiers_back(ctx: Context, d: int) -> int:
    """Token after the name before a head at ``d``: back over lower-case modifiers."""
    k = _skip_back_space(ctx, d - 1)
    seen = 0
    small = words("title_small_words")
    while k >= 0 and seen < MAX_MODIFIERS and ctx.kinds[k] == WORD and ctx.words[k].islower() \
            and ctx.words[k].isalpha() and ctx.lower[k] not in small:
        seen += 1
        k = _skip_back_space(ctx, k - 1)
        # "car-racing": a hyphen inside the modifiers
        while k >= 0 and ctx.words[k] == "-":
            k = _skip_back_space(ctx, k - 1)
    return k + 1


def _before_head(ctx: Context, d: int) -> list[tuple[int, int]]:
    # "A Data-Driven Simulator": a capitalised head is a title's phrase, not a kind noun.
    if not ctx.words[d].islower():
        return []
    e = _modifiers_back(ctx, d)
    # "DeepMind's Labyrinth environment", "the TORCS car racing environment"
    span = _name_ending(ctx, e) if e > 0 else None
    # "Through this environment", "Across four control environments": a sentence's
    # first word is capitalised for the sentence, not as a name.
    if span and ctx.sentence_start(span[0]) and not distinctive(ctx.stext(*span)):
        return []
    return [span] if span and _environment(ctx, *span) else []


def _apposition(ctx: Context, d: int) -> list[tuple[int, int]]:
    """"MuJoCo, the continuous-space physics simulation engine": the head at ``d`` ends an
    apposition after a comma."""
    k = _modifiers_back(ctx, d) - 1
    k = _skip_back_space(ctx, k)
    # "the … engine" renames a known environment; "Waymax, a new data-driven simulator"
    # introduces the paper's own system.
    if k < 0 or ctx.lower[k] != "the":
        return []
    k = _skip_back_space(ctx, k - 1)
    if k < 1 or ctx.words[k] not in (",", "，"):
        return []
    e = _skip_back_space(ctx, k - 1) + 1
    span = _name_ending(ctx, e)
    return [span] if span and _environment(ctx, *span) else []


def _zh_head(ctx: Context, d: int) -> list[tuple[int, int]]:
    """"GazeboSim两种环境", "Habitat模拟器": a Chinese head right after a Latin name, a
    count (两种) between."""
    k = d
    if ctx.words[k] in _COUNT_CHARS and k + 1 < len(ctx.words) and ctx.words[k + 1] in _CLASSIFIERS:
        k += 2
    if not ctx.joined(k, k + 5).startswith(tuple(phrases("environment_heads_zh"))):
        return []
    e = _skip_back_space(ctx, d - 1) + 1
    if e == 0 or ctx.kinds[e - 1] != WORD:
        return []
    span = _name_ending(ctx, e)
    # "复杂的 Web 环境": an everyday word before 环境 is the setting; a name has a shape.
    return [span] if span and distinctive(ctx.stext(*span)) and _environment(ctx, *span) else []


def _played(ctx: Context, d: int) -> list[tuple[int, int]]:
    """"plays the classic first-person shooter DOOM": the name a play verb takes as its
    object, articles and lower-case words between."""
    k, seen, n = d + 1, 0, len(ctx.words)
    small = words("title_small_words") - _ARTICLES
    while k < n and seen <= MAX_MODIFIERS:
        w = ctx.words[k]
        if w.isspace() or w == "-":
            k += 1
            continue
        if ctx.kinds[k] != WORD or ctx.lower[k] in small or ctx.sent[k] != ctx.sent[d]:
            return []
        if w[:1].isupper() or w[:1].isdigit():
            span = _name_starting(ctx, k)
            return [span] if span and _environment(ctx, *span) else []
        seen += ctx.lower[k] not in _ARTICLES
        k += 1
    return []


def find(ctx: Context, prior=()) -> list[Candidate]:
    heads = {p.split()[0] for p in phrases("environment_heads")}
    zh_first = {p[0] for p in phrases("environment_heads_zh")} | _COUNT_CHARS
    plays = words("play_verbs")
    found: list[tuple[int, int]] = []
    for d in range(len(ctx.words)):
        if not ctx.in_region[d]:
            continue
        low = ctx.lower[d]
        if low in heads and d > 0 and _head_at(ctx, d) is not None:
            found += _before_head(ctx, d) + _apposition(ctx, d)
        elif low in plays:
            found += _played(ctx, d)
        elif ctx.has_cjk and d > 0 and ctx.kinds[d] == CJK and ctx.words[d] in zh_first:
            found += _zh_head(ctx, d)
    return forced_datasets(ctx, found, NAME)


__all__ = ["find", "NAME"]
