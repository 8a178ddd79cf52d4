"""A closing table or list that names the papers of the page again.

A digest often ends with a summary of its day: a table of the papers it just presented,
each by a short name, with its theme and one line (``| ToolTree | Agent planning | … |``).
Read in the stretch the page's layout left over, its rows look like new papers; they
restate the entries above. A row restates an entry when it links the same arXiv paper,
or links none and names it by its title, the title's opening words (``When Right Meets
Wrong`` for ``When Right Meets Wrong: Bilateral Context …``), or a name the entry's text
uses for its method (``AMRO-S``).
"""
from __future__ import annotations

import re

from kg.parse.links import paper_link
from kg.records import Entry, Unassigned
from kg.text import arxiv_id

__all__ = ["RESTATED", "restated"]

#: The reason given for a line that restates an entry above.
RESTATED = "restates an entry above"

_WORD = re.compile(r"[^\W_]+")


def _words(s: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(s)]


def _ids(e: Entry) -> set[str]:
    return {i for u in e.links if (i := arxiv_id(u))} | {i for i in e.ids if arxiv_id(i)} | ({i} if (i := arxiv_id(e.text)) else set())


def _title(e: Entry) -> str | None:
    span = e.title or e.title_zh
    return None if span is None else span.of(e.text)


def _names(name: list[str], found: list[tuple[list[str], list[str]]]) -> bool:
    """Whether the words ``name`` open a found entry's title or run whole in its text."""
    n = len(name)
    for title, text in found:
        if title[:n] == name:
            return True
        if any(text[k : k + n] == name for k in range(len(text) - n + 1)):
            return True
    return False


def restated(found: list[Entry], new: list[Entry]) -> tuple[list[Entry], list[Unassigned]]:
    """``new`` (the entries read in a stretch between ``found`` ones) without those that
    restate ``found``, and their lines reported as :data:`RESTATED`. Only a stretch most
    of whose entries restate is a recap: there every entry that links no paper of its
    own goes too (a row naming a paper by a name its entry never used); a paper the
    stretch adds with its own link stays."""
    if not new or not found:
        return new, []
    seen_ids = set().union(*(_ids(e) for e in found))
    texts = [(_words(_title(e) or ""), _words(e.text)) for e in found]
    again = []
    for e in new:
        ids = _ids(e)
        title = _words(_title(e) or "")
        if ids:
            again.append(ids <= seen_ids)
        else:
            again.append(bool(title) and len("".join(title)) >= 3 and _names(title, texts))
    if 2 * sum(again) < len(new):
        return new, []
    keep = [e for e, a in zip(new, again) if not a and (_ids(e) or any(paper_link(u) for u in e.links))]
    told = [
        Unassigned(e.file, e.line + k, t.strip(), RESTATED)
        for e in new if e not in keep
        for k, t in enumerate(e.text.split("\n")) if t.strip()
    ]
    return keep, told
