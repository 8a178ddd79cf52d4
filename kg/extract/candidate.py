"""What a rule returns: a candidate name at a span, with the rule's hints.

Rules never decide overlaps, grouping, final types or roles; they say what they saw.
:mod:`kg.extract.merge` decides overlaps and groups mentions into entities,
:mod:`kg.extract.kinds` types them and :mod:`kg.extract.roles` gives roles.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Candidate", "Entity", "NEVER", "TO_LONG_FORMS", "TO_GAZETTEER", "TO_ANY"]

#: How a candidate gives way to stronger spans in the merge (``Candidate.yields``).
NEVER = 0  # kept whatever overlaps it (a title's head, "X for short")
TO_LONG_FORMS = 1  # dropped inside a covering name (a defined acronym's long form, a title's name)
TO_GAZETTEER = 2  # … and dropped where it overlaps a gazetteer match
TO_ANY = 3  # … and dropped where it starts inside any other kept candidate

GENERIC = "GENERIC"  # label of a veto: the name is no name anywhere in this entry


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name a rule found at characters ``start:end`` of the entry."""

    start: int
    end: int
    name: str  # the name as it will be reported (canonical id when known)
    rule: str  # reported as the mention's source: gazetteer, mt, acronym, shape, cue, …
    label: str  # kind hint: MODEL | DATASET | GENERIC (a veto, see above)
    known: bool = False  # the name is in a gazetteer
    proposed: bool = False  # role hint: the rule saw it introduced as the paper's own
    used: bool = False  # role hint: the rule saw it credited to others (outperforms X)
    aliases: tuple[str, ...] = ()  # other written forms of the same entity
    yields: int = TO_GAZETTEER
    force_label: bool = False  # the label comes from the text, not a guess (apposition)
    covers: bool = False  # a whole name whose inner names are part of it (an acronym's long form, a title's name)
    claims: bool = False  # a gazetteer match: its tokens are taken for weaker guesses


@dataclass(eq=False)
class Entity:
    """One entity of an entry after the merge: every mention of it, its kind and role.

    The typing and role passes set ``label`` and ``proposed``; nothing else changes
    after the merge."""

    name: str
    label: str
    known: bool
    sources: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)
    proposed: bool = False
    used: bool = False  # a rule saw it credited to others: never proposed without a cue
    keys: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        return min(a for a, _ in self.spans)
