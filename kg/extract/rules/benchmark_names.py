"""Coined names whose last part says they are benchmarks: ``RAGEval``, ``OmniEval``,
``AgentBench``, ``RM-Bench``, ``LongReasonArena``.

Benchmark builders name what they release after what it does — evaluate, bench-mark,
pit systems against each other in an arena — and glue that word to the name's end
(``kg/data/rules/benchmark_suffixes.txt``). A summary may call the release a framework
("RAGEval, a framework for generating evaluation datasets"), and a title's gloss may
say nothing of the kind, so the name is typed a model; the suffix says it is a
dataset. "Eval" says so only in the paper's own title (``benchmark_title_suffixes.txt``):
in running text it names metrics and scoring protocols as often ("DetEval"). The suffix must be a part of its own (a capital after lower-case letters, or
after a hyphen): "Medieval" and "Retrieval" end in "eval" too. Known names keep the
gazetteer's kind. A name that itself scores soon after it ("ZorbEval was developed to
evaluate …", ``kg/data/rules/scorer_verbs.txt``) is a metric or a scoring tool and is
left to the other rules.
"""
from __future__ import annotations

import functools
import re

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.nlp import gazetteer
from kg.extract.vocab import phrases, words

NAME = "benchmark-name"
#: Tokens after the name a scoring verb is looked for in ("was developed to evaluate").
SCORER_WINDOW = 6


@functools.cache  # read for every word compound of every entry
def _suffix(vocab: str = "benchmark_suffixes") -> re.Pattern:
    alts = "|".join(re.escape(s) for s in phrases(vocab))
    # "OmniEval", "RM-Bench", "V* Bench": a part after a lower-case letter, a digit, a
    # hyphen or an upper-case run ending ("RAGEval").
    return re.compile(rf"(?:(?<=[a-z0-9])|(?<=[A-Z])|(?<=-)|(?<=\s))(?:{alts})(?:-?v?\d+(?:\.\d+)?)?$")


@functools.cache
def _endings(vocab: str) -> tuple[str, ...]:
    return tuple(phrases(vocab))


def benchmark_name(name: str, in_title: bool = False) -> bool:
    """``name`` ends in a benchmark word of its own (see the module's note); with
    ``in_title``, also in one that says so only in a paper's title ("RAGEval: …")."""
    # Most compounds end in no benchmark word: a plain ``endswith`` on the name without
    # its version ("Bench-v2.1" → "Bench") turns them away before the pattern is tried.
    core = name.rstrip("0123456789.").rstrip("v").rstrip("-")
    for vocab in ("benchmark_suffixes", "benchmark_title_suffixes") if in_title else ("benchmark_suffixes",):
        if not core.endswith(_endings(vocab)):
            continue
        m = _suffix(vocab).search(name)
        if m and m.start() > 0:
            return True
    return False


def find(ctx: Context, prior=()) -> list[Candidate]:
    # Read in the first stage, before the title and cue rules: the merge gives an entity
    # the kind of its first candidate that forces one, and the suffix outweighs a gloss
    # or an apposition that calls the benchmark a framework.
    # A name ends in its benchmark word, so an entry whose text holds none of them has
    # none (most entries): no compound need be looked at.
    if not any(e in ctx.text for v in ("benchmark_suffixes", "benchmark_title_suffixes") for e in _endings(v)):
        return []
    out = []
    for i, j in ctx.compounds:
        if not ctx.in_region[i]:
            continue
        name = ctx.stext(i, j)
        in_title = ctx.title is not None and ctx.title.start <= ctx.idx[i] < ctx.title.end
        # "SemEval-2010": an evaluation campaign (a venue) is no dataset of its own.
        if not benchmark_name(name, in_title) or generic(name) or gazetteer().known(name):
            continue
        if any(ctx.lower[k] in words("scorer_verbs") and ctx.sent[k] == ctx.sent[i]
               for k in range(j, min(j + SCORER_WINDOW, len(ctx.words)))):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, name, NAME, "DATASET", yields=NEVER, force_label=True))
    return out
