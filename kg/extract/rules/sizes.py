"""Model sizes name their model: ``DeepSeek R1 70B``, ``Qwen2.5 7B``, ``Mixtral 8x7B``.

A parameter count in billions (``70B``, ``1.5B``) or a mixture-of-experts size
(``8x7B``) written right after capitalised words makes those words a model's name,
whatever their shape: only models are counted in billions of parameters. The name is
the words before the size (a version such as ``3.1`` or ``R1`` included); the size is a
variant and belongs to the family (annotation guidelines). Names the gazetteer knows
are its own (it matches them, canonically named); this rule adds the unknown ones.
"""
from __future__ import annotations

import re

from kg.extract.anchors import numerals
from kg.extract.candidate import TO_GAZETTEER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive, generic, is_institution
from kg.extract.nlp import WORD, gazetteer
from kg.extract.vocab import words

NAME = "shape"
#: Billions of parameters, or experts x billions: 70B, 1.5B, 8x7B (a capital B: "5b"
#: is a footnote or a bit count as often).
_SIZE = re.compile(r"(?:\d+x)?\d+(?:\.\d+)?B")
#: A version after a name: 3, 3.1, R1, V2, v1.5.
_VERSION = re.compile(r"(?:[A-Za-z]{1,2})?\d+(?:\.\d+)*")
MAX_WORDS = 3


def find(ctx: Context, prior=()) -> list[Candidate]:
    w = ctx.words
    stop = words("stop_caps")
    out = []
    for k in numerals(ctx):
        # (a size ends in "B": that test first, the pattern only on those words)
        if w[k][-1] != "B" or not _SIZE.fullmatch(w[k]) or k == 0 or not ctx.in_region[k]:
            continue
        # "DeepSeek R1 70B" (spaced) or "Llama-3-70B" (glued by a hyphen): the name
        # ends before the separator.
        if ctx.ws[k - 1]:
            j = k
        elif k >= 2 and w[k - 1] == "-" and not ctx.ws[k - 2]:
            j = k - 1
        else:
            continue
        # Back over version tokens and capitalised words, spaced or hyphen-glued.
        i, x, count = j, j - 1, 0
        while x >= 0 and count < MAX_WORDS and ctx.kinds[x] == WORD and (_VERSION.fullmatch(w[x]) or w[x][:1].isupper()):
            i, count = x, count + 1
            if x >= 2 and w[x - 1] == "-" and not ctx.ws[x - 2] and not ctx.ws[x - 1]:
                x -= 2
            elif x >= 1 and ctx.ws[x - 1] and "\n" not in w[x - 1]:
                x -= 1
            else:
                break
        # "DeepSeek-R1-Distill-Qwen-7B": the walk stopped inside a hyphen-glued compound
        # longer than it goes; a cut name ("R1-Distill-Qwen") is worse than none (the
        # shape rule reads the whole compound).
        if i >= 2 and w[i - 1] == "-" and not ctx.ws[i - 2] and not ctx.ws[i - 1] and ctx.kinds[i - 2] == WORD:
            continue
        # The first word must be a capitalised name word, not a version or a
        # sentence-opening word ("The 7B model", "Our 70B run").
        while i < j and (not w[i][:1].isupper() or w[i].lower() in stop):
            i += 1
        # "Across 10 Qwen2.5-7B agents", "with 8 Llama3-8B copies": a bare count before a
        # name-shaped word counts copies of that model; the name starts after it.
        for x in range(i, j - 1):
            if w[x].isdigit() and ctx.kinds[x + 1] == WORD and distinctive(w[x + 1]):
                i = x + 1
        if i >= j:
            continue
        text = ctx.stext(i, j)
        # "Two 7B parameter models …": a plain word opening a sentence is capitalised
        # for the sentence, not as a name.
        if j - i == 1 and ctx.sentence_start(i) and not distinctive(text) and not gazetteer().known(text):
            continue
        if generic(text) or is_institution(text) or ctx.shouted(i, j):
            continue
        known = gazetteer().known(text)
        # "An Open 7B Deep-Research Agent", "a Compact 3B model": one plain capitalised
        # word after an indefinite article describes the model (Title Case capitalises
        # it), it does not name it (kg/data/rules/indefinite_words.txt).
        if j - i == 1 and i >= 1 and ctx.lower[i - 1] in words("indefinite_words") and not distinctive(text) \
                and not known:
            continue
        a, b = ctx.span(i, j)
        if known:
            out.append(Candidate(a, b, known[1], "gazetteer", known[0], known=True, yields=TO_GAZETTEER))
        else:
            out.append(Candidate(a, b, text, NAME, "MODEL", yields=TO_GAZETTEER))
    return out
