"""Metrics named in the text: ``a new evaluation metric PREFS``, ``评价指标PREFS``,
``the PREFS metric``.

A name a metric noun (``kg/data/rules/metric_nouns.txt``) introduces or follows names a
metric, and metrics are no models or datasets (annotation guidelines): the name is
vetoed for the entry. Known names are exempt — a metric computed with a model ("the
CLIP score") does not make the model a metric.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import CJK_RE, distinctive
from kg.extract.nlp import gazetteer
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "metric"

#: A metric noun next to the name, as a word or (Chinese) in the joined tokens.
TRIGGERS = Triggers(words=lambda: words("metric_nouns"),
                    squeezed=lambda: [p for p in phrases("metric_nouns") if CJK_RE.search(p)])


def find(ctx: Context, prior=()) -> list[Candidate]:
    nouns, zh = words("metric_nouns"), tuple(p for p in phrases("metric_nouns") if CJK_RE.search(p))
    n = len(ctx.words)
    gaz = gazetteer()
    out = []
    for i, j in ctx.compounds:
        before = ctx.lower[i - 1] if i > 0 and ctx.ws[i - 1] else None
        after = ctx.lower[j] if j < n and ctx.ws[j - 1] else None
        # After the name only a singular noun: "FID, CLIP and VBench-2.0 metrics" lists
        # benchmarks and models whose scores are reported, not metrics by name. The
        # Chinese frames glued on either side are joined only when the words say nothing.
        if before in nouns or (after in nouns and not after.endswith("s")) or (
                i > 0 and not ctx.ws[i - 1] and ctx.joined(i - 4, i).endswith(zh)) or (
                j < n and not ctx.ws[j - 1] and ctx.joined(j, j + 4).startswith(zh)):
            # (the name's own tests after its frame's: few compounds stand by a metric noun)
            text = ctx.stext(i, j)
            if not distinctive(text) or gaz.known(text):
                continue
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
    return out
