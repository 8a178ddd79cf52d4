"""Trigger index: which rules can find anything in an entry, decided before they run.

Most rule modules read a frame built on a few words ("the X benchmark", "X和Y等数据集",
"Fig. 4"): in an entry without those words they walk its tokens and find nothing, and
with some fifty rules on every entry that walk was most of the rules' cost. A rule may
declare what it cannot do without, as a module-level ``TRIGGERS = Triggers(...)``
naming its own vocabularies (``kg/data/rules/``); :func:`fires` tells from the entry's
word index and one search of its text whether any trigger occurs, and
:func:`kg.extract.entities.entities_in` calls a rule only then.

The substrings every declaration names are found in one pass an entry (the trigger
anchors): one alternation of all of them searched over the text, and one over the
squeezed text, each resuming one character after the last hit so that overlapping
strings are all seen; a rule's check is then a set intersection, not a search of its own.

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

__all__ = ["Triggers", "anchor_hits", "fires", "triggers_of"]


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

    def __post_init__(self) -> None:
        _DECLARED.append(self)  # the anchor pass finds every declaration's strings at once

    def _compiled(self) -> tuple[frozenset[str], re.Pattern | None, re.Pattern | None]:
        built = self._built.get("all")
        if built is None:
            built = self._built["all"] = (frozenset(w.lower() for w in self.words()), _alternation(self.text()),
                                          _alternation(self.squeezed()))
        return built

    def _strings(self) -> tuple[frozenset[str], frozenset[str]]:
        """The declared substrings of the text and of the squeezed text."""
        got = self._built.get("strings")
        if got is None:
            got = self._built["strings"] = (frozenset(s for s in self.text() if s), frozenset(s for s in self.squeezed() if s))
        return got

    def lexical(self) -> bool:
        """Any word or substring is declared (else only ``cjk`` decides)."""
        ws, tx, sq = self._compiled()
        return bool(ws) or tx is not None or sq is not None


#: Every declaration made (rule modules declare theirs at import).
_DECLARED: list[Triggers] = []


class _Anchors:
    """All declared substrings of one kind (the text's or the squeezed text's) in one
    alternation, longest first: a search stops at the leftmost position where any
    occurs and names the longest one there; every shorter one there is a prefix of it
    (:attr:`prefixes`). Searching again one character after each hit enumerates every
    position where any occurs, so :meth:`found` is exactly the set of declared strings
    the text holds."""

    def __init__(self, strings: Iterable[str]):
        self.strings = frozenset(strings)
        self.pattern = _alternation(self.strings)
        self.prefixes = {s: frozenset(p for p in self.strings if s.startswith(p)) for s in self.strings}

    def found(self, text: str) -> frozenset[str]:
        if self.pattern is None:
            return frozenset()
        out: set[str] = set()
        search, prefixes = self.pattern.search, self.prefixes
        m = search(text)
        while m is not None:
            out |= prefixes[m.group()]
            m = search(text, m.start() + 1)
        return frozenset(out)


_ANCHORS: dict[int, tuple[_Anchors, _Anchors]] = {}


def _anchors() -> tuple[_Anchors, _Anchors]:
    """The text and squeezed-text anchors of every declaration made so far (rebuilt when
    a module declares more)."""
    got = _ANCHORS.get(len(_DECLARED))
    if got is None:
        _ANCHORS.clear()
        strings = [t._strings() for t in _DECLARED]
        got = _ANCHORS[len(_DECLARED)] = (_Anchors(s for tx, _ in strings for s in tx),
                                          _Anchors(s for _, sq in strings for s in sq))
    return got


def anchor_hits(ctx: Context) -> tuple[frozenset[str], frozenset[str]]:
    """The declared substrings ``ctx``'s text and squeezed text hold (found once an entry)."""
    text_anchors, squeezed_anchors = _anchors()
    memo = ctx._squeezed
    got = memo.get("anchors")
    if got is None or got[0] is not text_anchors:
        found_sq = squeezed_anchors.found(ctx.squeezed()) if squeezed_anchors.pattern is not None else frozenset()
        got = memo["anchors"] = (text_anchors, text_anchors.found(ctx.text), found_sq)
    return got[1], got[2]


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
    # (a view's isdisjoint walks the smaller side: the few trigger words, not the entry's)
    if ws and not ctx.word_index().keys().isdisjoint(ws):
        return True
    if tx is None and sq is None:
        return False
    in_text, in_squeezed = anchor_hits(ctx)
    strings_tx, strings_sq = trig._strings()
    return not strings_tx.isdisjoint(in_text) or not strings_sq.isdisjoint(in_squeezed)
