"""Types across entries: a name typed from evidence in one entry keeps that type in
entries that only guessed it (a resolution-side vote over a batch of records).

It needs every record of the batch, so it runs where records are held together (a
caller's list, ``kg extract`` output post-processing); the streaming graph build
(main's ``pipeline.records_to_graph``) keeps no records, so there the same rule belongs
on the graph, which needs the mention's rule on each Model/Dataset edge.

Within one entry a new name is a model unless something says it is a dataset ("the X
dataset", "results on X"): MODEL is the default, not a finding. So across entries:

* a mention typed by evidence keeps its type — known names (``gazetteer``, ``mt``,
  ``typo``), datasets (every dataset typing has a reason), and models a context rule,
  a cue, an acronym definition or a Title-Case phrase named;
* a model mention that only a name shape or a list found is a guess, and follows the
  evidence for the same name (squashed) elsewhere when that evidence is one-sided.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from kg.extract.names import squash
from kg.records import Mention, PaperRecord

__all__ = ["vote_kinds", "GUESS_SOURCES", "OWN_SOURCES"]

#: Rules whose model typing is the default guess, not evidence.
GUESS_SOURCES = frozenset(("shape", "list"))
#: Rules that say a name is the paper's own, whatever its kind (also read by the same
#: vote on the graph, :func:`kg.resolve.vote_types`).
OWN_SOURCES = frozenset(("cue", "title"))


def _sources(m: Mention) -> set[str]:
    return set(m.source.split("+"))


def _is_guess(m: Mention) -> bool:
    return _sources(m) <= GUESS_SOURCES


def vote_kinds(records: Iterable[PaperRecord]) -> list[PaperRecord]:
    """``records`` with guessed model mentions retyped as datasets where other entries
    show the same name is a dataset and no entry shows it is a model."""
    recs = list(records)
    models: Counter[str] = Counter()
    datasets: Counter[str] = Counter()
    for r in recs:
        for m in r.models:
            if not _is_guess(m):
                models[squash(m.name)] += 1
        for d in r.datasets:
            datasets[squash(d.name)] += 1
    out = []
    for r in recs:
        moved = [m for m in r.models if _is_guess(m) and datasets[squash(m.name)] and not models[squash(m.name)]]
        if not moved:
            out.append(r)
            continue
        keep = tuple(m for m in r.models if m not in moved)
        # As a dataset, a name is the paper's own only where a cue or the title says so.
        new = tuple(replace(m, role="proposed" if _sources(m) & OWN_SOURCES else "used") for m in moved)
        have = {squash(d.name) for d in r.datasets}
        added = tuple(m for m in new if squash(m.name) not in have)
        out.append(replace(r, models=keep, datasets=tuple(sorted(r.datasets + added, key=lambda m: m.start))))
    return out
