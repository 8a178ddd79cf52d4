"""Models and datasets in an entry: the assembly of context, rules, merge, typing and roles.

* :mod:`kg.extract.context` tokenises the entry once and finds cues and gazetteer matches;
* :mod:`kg.extract.rules` — each rule proposes candidates (``Mention.source`` is the
  rule's name: ``gazetteer``, ``mt``, ``acronym``, ``shape``, ``cue``, ``title``,
  ``title-case``, ``title-data``, ``context``, ``field``, ``list``, ``typo``);
* :mod:`kg.extract.merge` decides overlaps and groups mentions into entities;
* :mod:`kg.extract.kinds` types them (model or dataset) and drops events and tasks;
* :mod:`kg.extract.roles` tells the paper's own names (``proposed``) from ``used`` ones.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.candidate import Candidate, Entity
from kg.extract.context import Context, build_context
from kg.extract.kinds import assign_kinds, is_event, is_hardware, is_task
from kg.extract.merge import merge, vetoed
from kg.extract.names import family, generic, squash, tuned_checkpoint
from kg.extract.roles import assign_roles
from kg.extract.rules import STAGES
from kg.extract.triggers import fires, triggers_of
from kg.extract.vocab import words
from kg.records import Mention, Span

__all__ = ["find_entities", "entities_in"]

#: Hyphens other than ASCII's, one character each (so offsets stay exact). LLM-written
#: digests often join a name with U+2011 NON-BREAKING HYPHEN ("HiTac‑WAM", "FG‑CLTP");
#: every rule reads names glued by "-", so the entry is read with ASCII hyphens.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})

#: Every stage's rules with their declared triggers (read once: a lookup per rule and
#: entry is a cost of its own).
_GATED = tuple(tuple((rule, triggers_of(rule)) for rule in stage) for stage in STAGES)


def entities_in(ctx: Context) -> list[Entity]:
    """Run every rule stage over ``ctx``, merge, type and give roles."""
    cands: list[Candidate] = []
    ents: list[Entity] = []
    for n, stage in enumerate(_GATED):
        # A rule whose declared triggers are absent would find nothing: it is not called.
        new = [c for rule, trig in stage if trig is None or fires(ctx, trig) for c in rule.find(ctx, ents)]
        cands += new
        if new or n == 0:  # a stage that found nothing leaves the entities as they are
            ents = merge(cands)
    assign_kinds(ctx, ents)
    assign_roles(ctx, ents)
    veto = vetoed(cands)
    return [e for e in ents
            if not (generic(e.name) and not _campaign_data(e)) and squash(e.name) not in veto
            and not is_event(ctx, e) and not is_task(ctx, e) and not is_hardware(ctx, e)]


def _campaign_data(e: Entity) -> bool:
    """A campaign's name its context made data ("the SemEval test set"): a venue's name
    (generic elsewhere) that names that campaign's dataset here."""
    return e.label == "DATASET" and "context" in e.sources and e.name.lower() in words("shared_task_venues")


def _reported(name: str, known: bool) -> str:
    """The name a model is reported under: its family. A known name keeps a size-word
    tail that is part of its name ("Transformer-XL", "Stable Diffusion XL"); only a
    parameter count comes off it ("Mistral 7B" → "Mistral")."""
    fam = family(name)
    if known and fam != name and not re.match(r"[-_ (]*\d", name[len(fam):]):
        return name
    return fam


def find_entities(text: str, regions: Iterable[Span], title: Span | None = None,
                  links: Iterable[str] = ()) -> tuple[list[Mention], list[Mention]]:
    """Models and datasets in ``text`` restricted to ``regions`` (character spans);
    ``links`` are the entry's link targets, which only type names the text writes."""
    written, text = text, text.translate(_HYPHENS)
    ctx = build_context(text, list(regions), title, links)
    models, datasets = [], []
    for e in entities_in(ctx):
        a, b = e.spans[0]
        name = _reported(e.name, e.known) if e.label == "MODEL" else e.name
        if e.label == "MODEL":
            # A tuned release ("LLaMA-3.1-8B-Instruct") is reported as written.
            tuned = next(((x, y) for x, y in e.spans if tuned_checkpoint(text[x:y])), None)
            if tuned is not None:
                (a, b), name = tuned, text[tuned[0]:tuned[1]]
        src = "+".join(sorted(e.sources))
        m = Mention(name=name, text=written[a:b], start=a, end=b, role="proposed" if e.proposed else "used", source=src)
        (datasets if e.label == "DATASET" else models).append(m)
    return models, datasets
