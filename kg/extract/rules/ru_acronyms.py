"""Latin acronyms defined by a Russian long form: ``Машины непрерывного мышления (CTM) —
нейросетевая архитектура`` ("Continuous Thought Machines (CTM), a neural architecture").

Russian reviews name a system in Russian and give its English short form in brackets.
The letters of the acronym do not spell the Russian words, and Russian writes a name's
words after the first in lower case, so the English acronym rule reads neither; an
all-capitals acronym alone is too common a shape to be a name by itself. The long form
says what it is by its head — Russian puts the head noun first ("Машины …", "Модель …")
— or an apposition after the bracket holds a kind noun ("— … архитектура", "— новый
метод обучения"): kind stems
of a system (``kg/data/rules/model_kinds_ru.txt``) make the acronym a model's name, with
the long form as its alias. A data noun (``dataset_words_ru.txt``) anywhere there leaves
it to the dataset rules; generic acronyms (RLHF, CNN) stay generic.
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.nlp import gazetteer
from kg.extract.vocab import phrases

NAME = "acronym"
#: Cyrillic words of a long form read back from the bracket, and of an apposition after it.
LONG_WORDS, APPOSITION_WORDS = 6, 6
_DEFINITION = re.compile(
    r"((?:[\u0400-\u04ff][\u0400-\u04ff\-]*[ \t]+){0,%d}[\u0400-\u04ff][\u0400-\u04ff\-]*)[ \t]*\(([A-Z][A-Z0-9\-]{1,9})\)"
    % (LONG_WORDS - 1))
_WORD = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff\-]*")
_CLAUSE_END = re.compile(r"[.!?;:\n(]")


def _has(words_: list[str], vocab: str) -> bool:
    stems = phrases(vocab)
    return any(w.lower().startswith(stems) for w in words_)


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not re.search(r"[\u0400-\u04ff]", ctx.text):
        return []
    out = []
    for m in _DEFINITION.finditer(ctx.text):
        a, b = m.span(2)
        if a not in ctx.tok_at or not ctx.in_region[ctx.tok_at[a]]:
            continue
        acr = m.group(2)
        long_words = m.group(1).split()
        # The long form starts at its head: the first word after a lower-case run that
        # starts with a capital, else the first word read ("методов обучения с …").
        starts = [k for k, w in enumerate(long_words) if w[:1].isupper()]
        long_words = long_words[starts[-1]:] if starts else long_words
        rest = ctx.text[m.end(): m.end() + 200]
        cut = _CLAUSE_END.search(rest)
        # An apposition follows a dash or a comma ("(CTM) — … архитектура"); other words
        # after the bracket go on the sentence ("(RLHF) для выравнивания").
        apposition = _WORD.findall(rest[: cut.start() if cut else len(rest)])[:APPOSITION_WORDS] \
            if re.match(r"\s*[—–,\-]", rest) else []
        if _has(long_words + apposition, "dataset_words_ru") or generic(acr):
            continue
        if not (_has(long_words[:1], "model_kinds_ru") or _has(apposition, "model_kinds_ru")):
            continue
        known = gazetteer().known(acr)
        if known and known[0] != "MODEL":
            continue
        long_form = " ".join(long_words)
        out.append(Candidate(a, b, known[1] if known else acr, NAME, "MODEL", known=bool(known),
                             aliases=(long_form, acr)))
    return out
