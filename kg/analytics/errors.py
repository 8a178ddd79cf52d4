"""The errors of :mod:`kg.analytics`: every one is a :class:`kg.errors.KgError`."""

from __future__ import annotations

from collections.abc import Sequence


from kg.errors import KgError


class AnalyticsError(KgError):
    """A question the graph cannot answer as asked (bad option, no such digest...)."""


class UnknownNodeError(AnalyticsError):
    """No node has the given name or id; ``suggestions`` holds close names."""

    def __init__(self, ref: str, suggestions: Sequence[str] = ()):
        self.ref = ref
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no node named {ref!r}{hint}")


class AmbiguousNodeError(AnalyticsError):
    """Several nodes share the given name; ``candidates`` holds their ids."""

    def __init__(self, ref: str, candidates: Sequence[str]):
        self.ref = ref
        self.candidates = tuple(candidates)
        super().__init__(f"{ref!r} names {len(self.candidates)} nodes ({', '.join(self.candidates)}); "
                         "give the node id or Label:name")


class NoPathError(AnalyticsError):
    """The two nodes are not connected through the allowed labels."""
