"""Trigger index: which rules can find anything in an entry, decided before they run.

Most rule modules read a frame built on a few words ("the X benchmark", "X和Y等数据集",
"Fig. 4"): in an entry without those words they walk its tokens and find nothing, and
with some fifty rules on every entry that walk was most of the rules' cost. A rule may
declare what it cannot do without, as a module-level ``TRIGGERS = Triggers(...)``
naming its own vocabularies (``kg/data/rules/``); :func:`fires` tells from the entry's
word index and one search of its text whether any trigger occurs, and
:func:`kg.extract.entities.entities_in` calls a rule only then.

Declaring triggers is opt-in: a rule without ``TRIGGERS`` always runs. A declaration
must be a *necessary* condition of every candidate the rule returns — skipping a rule
never changes the output, only its cost (``tests/test_rule_triggers.py`` runs every
rule on the seeds, the fixtures and the real set both ways to hold each declaration to
that).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.extract.context import Context

__all__ = ["Triggers", "fires", "triggers_of"]


def _nothing() -> Iterable[str]:
    return ()


@dataclass(frozen=True, eq=False)
class Triggers:
    """What a rule needs in an entry to find anything: the entry must hold CJK tokens
    (``cjk``), and — when any lexical trigger is declared — at least one of them:

    * ``words``: lower-cased tokens (a token of the entry, lower-cased, is one of them);
    * ``text``: substrings of the entry's text as written (Chinese frames, marks inside
      a token such as ``_``);
    * ``squeezed``: substrings of its tokens joined without spaces (what
      :meth:`Context.joined` slices: Chinese frames a rule tests on joined tokens).

    Each is a function returning the strings (called once a process), so a declaration
    names the vocabularies the rule reads and stays in step with them.
    """

    words: Callable[[], Iterable[str]] = _nothing
    text: Callable[[], Iterable[str]] = _nothing
    squeezed: Callable[[], Iterable[str]] = _nothing
    cjk: bool = False
    _built: dict = field(default_factory=dict, repr=False)

    def _compiled(self) -> tuple[frozenset[str], re.Pattern | None, re.Pattern | None]:
        built = self._built.get("all")
        if built is None:
            built = self._built["all"] = (frozenset(w.lower() for w in self.words()), _alternation(self.text()),
                                          _alternation(self.squeezed()))
        return built

    def lexical(self) -> bool:
        """Any word or substring is declared (else only ``cjk`` decides)."""
        ws, tx, sq = self._compiled()
        return bool(ws) or tx is not None or sq is not None


def _alternation(strings: Iterable[str]) -> re.Pattern | None:
    """One compiled pattern that finds any of ``strings`` (None for none): a search stops
    at the first occurrence, and ``re`` skips positions whose character starts none."""
    alts = sorted({s for s in strings if s}, key=lambda s: (-len(s), s))
    return re.compile("|".join(map(re.escape, alts))) if alts else None


def triggers_of(rule) -> Triggers | None:
    """The rule module's declared triggers, or None (the rule always runs)."""
    return getattr(rule, "TRIGGERS", None)


def fires(ctx: Context, trig: Triggers | None) -> bool:
    """Whether a rule declaring ``trig`` can find anything in ``ctx``."""
    if trig is None:
        return True
    if trig.cjk and not ctx.has_cjk:
        return False
    ws, tx, sq = trig._compiled()
    if not ws and tx is None and sq is None:
        return True
    if ws and not ws.isdisjoint(ctx.word_index().keys()):
        return True
    if tx is not None and tx.search(ctx.text) is not None:
        return True
    return sq is not None and sq.search(ctx.squeezed()) is not None
