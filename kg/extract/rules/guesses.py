"""Names only a guess found: what the stage-2 vetoes and retypings act on.

A name found by its look alone (``shapes``: capitals and digits; ``title_case``) or by a
definition that says a phrase has a short form but not what it names (``acronyms``: "the
Calinski-Harabasz (CH) score", "the National Institutes of Health (NIH)") is a guess; any
other source — a gazetteer, a cue, a title, a context — is evidence of a model, and the
rules that veto or retype guesses leave such names alone.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

#: Rules whose finding is a guess from the name's look.
SHAPE_GUESSES = frozenset(("shape", "title-case"))
#: ... and definitions of a short form.
GUESSES = SHAPE_GUESSES | {"acronym"}


def guessed_models(prior: Iterable, sources: frozenset[str] = GUESSES) -> Iterator:
    """The entities of ``prior`` typed a model by ``sources`` alone (none known)."""
    for e in prior:
        if not e.known and e.label == "MODEL" and e.sources <= sources:
            yield e


__all__ = ["GUESSES", "SHAPE_GUESSES", "guessed_models"]
