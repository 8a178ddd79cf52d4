"""The small exception family of kg.

The CLI turns every :class:`KgError` into a one-line ``Error: ...`` message and exit
code 1; anything else escaping the library is a bug.
"""
from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class ReadError(KgError):
    """A file could not be read or decoded."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ParseError(KgError):
    """Input that is readable text but not a digest kg understands (carries file:line)."""

    def __init__(self, file: str, line: int, reason: str):
        self.file = file
        self.line = line
        self.reason = reason
        super().__init__(f"{file}:{line}: {reason}")


class GraphFormatError(KgError):
    """A graph file that is not a kg graph, or of a format version this kg cannot read."""


class StoreError(KgError):
    """A graph store (NetworkX file or Neo4j server) failed."""


class EvaluationError(KgError):
    """Gold or prediction files for ``kg evaluate`` are malformed."""
