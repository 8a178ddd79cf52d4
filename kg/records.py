"""Typed records passed between pipeline stages.

Records are frozen dataclasses: a stage never mutates what an earlier stage made, so a
record can be traced back to the bytes it came from. Every extracted mention keeps its
character span in the entry text (``Entry.text``), which is what "evidence" means in kg.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("digest", "abstract")
ROLES = ("proposed", "used")


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in an entry's text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded input file."""

    path: str
    text: str
    encoding: str

    @property
    def name(self) -> str:
        import os

        return os.path.basename(self.path)


@dataclass(frozen=True, slots=True)
class Entry:
    """One paper as the parser found it: its text plus the spans of the fields it saw.

    ``line`` is the 1-based line of the entry's first line in its file; offsets in the
    spans are relative to ``text`` (the entry's lines joined by ``\\n``, with Markdown
    markup removed: see :mod:`kg.parse.document`). ``origin`` maps the text back to the
    file as runs ``(text offset, 1-based line, column)``: ``text[k]`` is at column
    ``column + (k - offset)`` of ``line`` for the last run starting at or before ``k``.
    An empty ``origin`` means the text is the file's lines as written.

    ``links`` are link targets whose text is in the entry (Markdown ``[text](url)``,
    ``<a href>``), ``ids`` identifiers the markup carries, ``category_code`` the
    normalised category (``LG``) where the layout read one, and ``date`` an ISO date
    (``YYYY-MM-DD`` or ``YYYY-MM``) the text gives. Which author belongs where is read
    by the extractor from the author and affiliation spans (``A Smith1`` / ``1 MIT``).
    """

    file: str
    line: int
    end_line: int
    kind: str
    layout: str
    text: str
    title: Span | None = None
    title_zh: Span | None = None
    category: Span | None = None
    authors: Span | None = None
    affiliations: Span | None = None
    body: tuple[Span, ...] = ()
    links: tuple[str, ...] = ()
    category_code: str | None = None
    date: str | None = None
    origin: tuple[tuple[int, int, int], ...] = ()
    ids: tuple[str, ...] = ()  # identifiers the markup carries (data-arxiv-id="2508.19843v3")

    def file_position(self, k: int) -> tuple[int, int]:
        """``(1-based line, 0-based column)`` in the file of text offset ``k``."""
        if not self.origin:
            before = self.text.count("\n", 0, k)
            start = self.text.rfind("\n", 0, k) + 1
            return self.line + before, k - start
        run = max((r for r in self.origin if r[0] <= k), default=self.origin[0])
        return run[1], run[2] + (k - run[0])

    def get(self, name: str) -> str | None:
        span = getattr(self, name)
        return None if span is None else span.of(self.text).strip() or None


@dataclass(frozen=True, slots=True)
class Unassigned:
    """Lines of an input that belong to no entry, with why (never dropped silently)."""

    file: str
    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Entries of a file, the lines reported outside them, the layout kept, and how every
    layout tried scored: ``(layout, entries found, lines explained − lines unexplained)``."""

    entries: tuple[Entry, ...]
    unassigned: tuple[Unassigned, ...]
    layout: str
    scores: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity found in an entry: canonical name, role and evidence span."""

    name: str
    text: str
    start: int
    end: int
    role: str = "used"
    source: str = "rule"  # which rule found it: gazetteer, pattern, acronym, mt, field

    def evidence(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "rule": self.source}


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    position: int
    start: int
    end: int
    marks: tuple[str, ...] = ()  # affiliation markers written with the name ("A Smith1,2" -> ("1", "2"))
    #: Spans of the organisations written beside the name ("A Smith (MIT)" -> the span of "MIT").
    affiliations: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class PaperRecord:
    """The extraction result for one entry (the JSONL contract of ``kg extract``)."""

    file: str
    line: int
    end_line: int
    kind: str
    layout: str
    lang: str
    arxiv_id: str | None
    title: str | None
    title_zh: str | None
    category: str | None
    authors: tuple[Author, ...]
    authors_truncated: bool
    institutions: tuple[Mention, ...]
    models: tuple[Mention, ...]
    datasets: tuple[Mention, ...]
    urls: tuple[str, ...]
    text: str = field(default="", repr=False)
    date: str | None = None
    #: (author position, canonical institution) where the entry says which author
    #: belongs where (markers such as "A Smith1" and "1 MIT").
    author_institutions: tuple[tuple[int, str], ...] = ()

    @property
    def source_name(self) -> str:
        import os

        return os.path.basename(self.file)

    def to_dict(self, *, evidence: bool = True) -> dict[str, Any]:
        """The JSON-ready dict in the extraction contract (field order is stable)."""

        def ents(ms: tuple[Mention, ...]) -> list[dict[str, Any]]:
            out = []
            for m in ms:
                d: dict[str, Any] = {"name": m.name, "role": m.role}
                if evidence:
                    d["evidence"] = m.evidence()
                out.append(d)
            return out

        d: dict[str, Any] = {
            "source": {"file": self.file, "line": self.line, "end_line": self.end_line},
            "kind": self.kind,
            "layout": self.layout,
            "lang": self.lang,
            "arxiv_id": self.arxiv_id,
            "title": self.title,
            "title_zh": self.title_zh,
            "category": self.category,
            "authors": [a.name for a in self.authors],
            "authors_truncated": self.authors_truncated,
            "institutions": [m.name for m in self.institutions],
            "models": ents(self.models),
            "datasets": ents(self.datasets),
            "urls": list(self.urls),
            "date": self.date,
        }
        if evidence:
            d["evidence"] = {
                "authors": [{"name": a.name, "start": a.start, "end": a.end} for a in self.authors],
                "institutions": [{"name": m.name, **m.evidence()} for m in self.institutions],
            }
        return d
