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
from kg.extract.nlp import WORD, gazetteer
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "metric"

#: A metric noun next to the name, as a word or (Chinese) in the joined tokens, or a
#: metric's head word (``_headed``).
TRIGGERS = Triggers(words=lambda: words("metric_nouns") | words("metric_heads"),
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
    return out + _headed(ctx, gaz)


#: Capitalised words a metric's name may have before its head ("Ordered Match F1").
MAX_MODIFIERS = 2
_GLUE = frozenset(("-", "_"))


def _headed(ctx: Context, gaz) -> list[Candidate]:
    """"Match F1", "Ordered Match F1", "Hit-Ratio-1": capitalised words before a metric's
    head (``kg/data/rules/metric_heads.txt``), a number glued after it, name a metric.
    Each reading from one to :data:`MAX_MODIFIERS` words before the head is vetoed (the
    rules that found the name may have started it at any of them); known names are exempt."""
    out = []
    w, ws = ctx.words, ctx.ws
    for k in ctx.where(words("metric_heads"), region=True):  # most entries name no metric
        if not (w[k][:1].isupper() or w[k][:1].isdigit()):
            continue  # "the error rate": prose, not a name
        i = k  # back to the start of the compound the head is in ("Hit-Ratio")
        while i >= 2 and w[i - 1] in _GLUE and not ws[i - 2] and not ws[i - 1]:
            i -= 2
        j = ctx.compound_end.get(i, k + 1)
        # Only a number may follow the head inside its compound ("Hit-Ratio-1"), never a
        # word that makes it something else ("Score-CAM").
        if any(not (t.isdigit() or t in _GLUE) for t in w[k + 1:j]):
            continue
        starts = [i] if i < k else []
        s = i
        for _ in range(MAX_MODIFIERS):
            p = s - 1
            if p < 0 or not ws[p] or ctx.kinds[p] != WORD or not w[p][:1].isupper() or not w[p].isalpha():
                break
            s = p
            starts.append(s)
        for s in starts:
            text = ctx.stext(s, j)
            if gaz.known(text):
                continue
            a, b = ctx.span(s, j)
            out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
            # "Match" of "在Match F1上": a rule that stopped before the head found the
            # plain words alone; they are the metric's, no name (a name-shaped word such
            # as "SQuAD" in "SQuAD F1" keeps its own reading).
            if s < i and not distinctive(plain := ctx.stext(s, i)):
                a, b = ctx.span(s, i)
                out.append(Candidate(a, b, plain, NAME, GENERIC, yields=NEVER))
    return out
