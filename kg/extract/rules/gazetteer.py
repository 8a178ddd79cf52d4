"""Known names: the gazetteer matches the context already holds (PhraseMatcher on
``LOWER``/``ORTH`` over the curated and catalog pattern files, names with a version,
names written with extra spaces)."""
from __future__ import annotations

from kg.extract.candidate import TO_LONG_FORMS, Candidate
from kg.extract.context import Context

NAME = "gazetteer"


def find(ctx: Context, prior=()) -> list[Candidate]:
    # A known name spelt inside a defined acronym's long form is part of that long form.
    return [Candidate(m.a, m.b, m.name, m.rule, m.label, known=m.known, yields=TO_LONG_FORMS, claims=True) for m in ctx.matches]
