"""Types across entries: a name typed from evidence in one entry keeps that type in
entries that only guessed it (a resolution-side vote over a batch of records).

It needs the records of a batch together: :func:`vote_by_file` runs it over each input
file's records as extraction streams them (``kg extract``, :func:`kg.pipeline.extract_paths`),
and the graph runs the same rule across every file (:func:`kg.resolve.vote_types`).

Within one entry a new name is a model unless something says it is a dataset ("the X
dataset", "results on X"): MODEL is the default, not a finding. So across entries:

* a mention typed by evidence keeps its type — known names (``gazetteer``, ``mt``,
  ``typo``), datasets (every dataset typing has a reason), and models a context rule,
  a cue, an acronym definition or a Title-Case phrase named;
* a model mention that only a name shape or a list found is a guess, and follows the
  evidence for the same name (written the same, case kept) elsewhere when that evidence
  is one-sided and comes from at least as many entries as the guesses do;
* a campaign's name (``NIST``, ``NTCIR-9``) is data only where its own context says so,
  and witnesses nothing for other entries.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import groupby
from dataclasses import replace

from kg.extract.vocab import words
from kg.records import Mention, PaperRecord

__all__ = ["vote_kinds", "vote_by_file", "GUESS_SOURCES", "OWN_SOURCES"]

#: Rules whose model typing is the default guess, not evidence.
GUESS_SOURCES = frozenset(("shape", "list"))
#: Rules that say a name is the paper's own, whatever its kind (also read by the same
#: vote on the graph, :func:`kg.resolve.vote_types`).
OWN_SOURCES = frozenset(("cue", "title"))


def _sources(m: Mention) -> set[str]:
    return set(m.source.split("+"))


def _is_guess(m: Mention) -> bool:
    return _sources(m) <= GUESS_SOURCES


def _key(name: str) -> str:
    """A name's letters and digits, case kept: the vote moves a name only where it is
    written the same way ("FINANCE" the corpus is not "Finance" the sector)."""
    return "".join(ch for ch in name if ch.isalnum())


def _campaign(m: Mention) -> bool:
    """A campaign's name ("NIST", "NTCIR-9"): data only where its own context says so
    ("the NIST 2008 test sets"), the evaluation campaign elsewhere, so one entry's typing
    says nothing of another's (kg/data/rules/shared_task_venues.txt)."""
    head = next((w for w in m.name.replace("-", " ").split()), "")
    return head.rstrip("0123456789'’").lower() in words("shared_task_venues")


def vote_kinds(records: Iterable[PaperRecord]) -> list[PaperRecord]:
    """``records`` with guessed model mentions retyped as datasets where other entries
    show the same name is a dataset and no entry shows it is a model."""
    recs = list(records)
    models: Counter[str] = Counter()
    datasets: Counter[str] = Counter()
    guesses: Counter[str] = Counter()
    # Entries, not mentions, are counted: one entry repeating a name is one voice.
    for r in recs:
        models.update({_key(m.name) for m in r.models if not _is_guess(m)})
        guesses.update({_key(m.name) for m in r.models if _is_guess(m)})
        datasets.update({_key(d.name) for d in r.datasets if not _campaign(d)})
    # A name typed a dataset in fewer entries than it was guessed in is mostly used for
    # something else ("ODQA datasets" once, "ODQA systems" and "the ODQA setting" three
    # times: a task's data, the task elsewhere): the vote moves it only with a majority.
    won = {k for k, n in datasets.items() if n >= guesses[k] and not models[k]}
    out = []
    for r in recs:
        moved = [m for m in r.models if _is_guess(m) and _key(m.name) in won]
        if not moved:
            out.append(r)
            continue
        keep = tuple(m for m in r.models if m not in moved)
        # As a dataset, a name is the paper's own only where a cue or the title says so.
        new = tuple(replace(m, role="proposed" if _sources(m) & OWN_SOURCES else "used") for m in moved)
        have = {_key(d.name) for d in r.datasets}
        added = []
        for m in new:  # one dataset a name, whatever mentions moved with it
            if _key(m.name) not in have:
                have.add(_key(m.name))
                added.append(m)
        out.append(replace(r, models=keep, datasets=tuple(sorted(r.datasets + tuple(added), key=lambda m: m.start))))
    return out


def vote_by_file(records: Iterable[PaperRecord]) -> Iterator[PaperRecord]:
    """:func:`vote_kinds` over each input file's records, streamed file by file.

    A file is one paper's paragraphs or one digest's entries: what one entry types by
    evidence is the best witness for the entries beside it, and holding one file at a
    time keeps ``kg extract`` streaming. The graph's own vote
    (:func:`kg.resolve.vote_types`) still runs across every file.
    """
    for _, group in groupby(records, key=lambda r: r.file):
        yield from vote_kinds(group)
