"""Footnote affiliations: an author line whose names carry footnote references
(``Shunyu Yao[^1], Dian Yu[^2]``) and the footnote definitions under it, one organisation
each (``[^1]: Princeton University`` / ``[^2]: Google DeepMind``).

The Markdown reader (:mod:`kg.parse.markdown`) keeps a numbered reference as the name's
mark (``Shunyu Yao1``) and a numbered definition as ``1 Princeton University``; this
module gives the entry the run of definitions as its affiliation span, so the extractor
reads it as it reads ``1 MIT; 2 Stanford`` under an author line, each author's
organisations by their marks.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.records import Span

if TYPE_CHECKING:
    from kg.parse.base import Draft
    from kg.parse.document import ParsedDoc

__all__ = ["note_affiliations"]


def _runs(doc: "ParsedDoc", first: int, last: int) -> list[tuple[int, int]]:
    """Runs of footnote definitions between lines ``first`` and ``last`` (blank lines
    inside a run are part of it)."""
    out: list[tuple[int, int]] = []
    for k in range(first, last + 1):
        if k not in doc.notes:
            continue
        if out and all(not doc.lines[j].text.strip() for j in range(out[-1][1] + 1, k)):
            out[-1] = (out[-1][0], k)
        else:
            out.append((k, k))
    return out


def note_affiliations(d: "Draft", doc: "ParsedDoc") -> None:
    """Set ``d``'s affiliations to the first run of footnote definitions after its author
    line, when every definition of the run is referenced in that line: then the notes
    name the authors' organisations, not sources or remarks. A span an earlier rule set
    inside the run (its first note alone) gives way to the whole run."""
    if not doc.notes or "authors" not in d.spans:
        return
    text = d.text
    authors = d.spans["authors"]
    a_line = d.first + text.count("\n", 0, authors.start)
    runs = [r for r in _runs(doc, a_line + 1, d.first + len(d.lines) - 1)]
    if not runs:
        return
    a, b = runs[0]
    labels = {doc.notes[k] for k in range(a, b + 1) if k in doc.notes}
    if not labels <= set(doc.note_refs.get(a_line, ())):
        return
    starts = _line_starts(text)
    start = starts[a - d.first] + (len(doc.lines[a].text) - len(doc.lines[a].text.lstrip()))
    end = starts[b - d.first] + len(doc.lines[b].text.rstrip())
    old = d.spans.get("affiliations")
    if old is not None and not start <= old.start < end:
        return  # the entry names its organisations elsewhere
    d.spans["affiliations"] = Span(start, end)
    # The notes are the affiliations now, not body text the extractor reads for entities.
    d.body[:] = [s for s in d.body if not start <= s.start < end]


def _line_starts(text: str) -> list[int]:
    out, k = [0], text.find("\n")
    while k >= 0:
        out.append(k + 1)
        k = text.find("\n", k + 1)
    return out
