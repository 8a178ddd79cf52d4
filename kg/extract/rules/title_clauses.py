"""A title that makes a claim about its subject names the method in the subject:
``Chain of Hindsight Aligns Language Models with Feedback``, ``NeuroCogMap Reveals
Cognitive Organization of …``, ``Language Agent Tree Search Unifies Reasoning …``.

Papers title a contribution with a sentence whose subject is the method's name and whose
verb, in the -s form of a singular subject (``kg/data/rules/title_clause_verbs.txt``:
aligns, unifies, elicits, improves, …), says what it does. The Title-Case run that opens
the title (up to five words; "of" and "to" may join them) right before such a verb is
the paper's own model — unless it only describes a kind ("Deep Neural Network Improves
…": every word a generic modifier, method head or paradigm), opens with a stop, question
or indefinite word ("What Makes …", "A Machine Learning Approach That Beats …"), is one
plain word ("Pruning Beats Distillation": a technique, not a name; one word needs a
name's shape), ends in an abstract noun, or the title has a "Name:" head (that head is
the name, rules.title_head).
"""
from __future__ import annotations

import re

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive, generic, is_institution
from kg.extract.nlp import gazetteer
from kg.extract.vocab import union, words

NAME = "title"
MAX_WORDS = 5
_WORD = re.compile(r"[A-Z][\w\-]*")
_JOINERS = ("of", "to")


def _subject(t: str) -> str | None:
    """The Title-Case run before the title's first clause verb, or None."""
    ws = t.split()
    verbs = words("title_clause_verbs")
    for k, w in enumerate(ws[: MAX_WORDS + 3]):
        if w.lower() in verbs and w[:1].isupper() and k > 0:
            run = ws[:k]
            caps = [x for x in run if x not in _JOINERS]
            if len(caps) > MAX_WORDS or run[-1] in _JOINERS or not all(_WORD.fullmatch(x) for x in caps):
                return None
            return " ".join(run) if k + 1 < len(ws) else None
    return None
_ABSTRACT = re.compile(r"(?:ity|ness|ence|ance|ism)$")


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None:
        return []
    t = ctx.text[ctx.title.start : ctx.title.end]
    if ":" in t or "：" in t:
        return []
    name = _subject(t.strip())
    if name is None:
        return []
    parts = name.split()
    low = [p.lower() for p in parts]
    stops = union("stop_caps", "indefinite_words", "title_openers", "title_words")
    if any(p in stops for p in low if p not in _JOINERS):
        return []
    plain = union("generic_modifiers", "method_heads", "title_name_heads", "paradigms", "task_heads")
    pieces = [x for p in low for x in p.split("-") if x not in ("of", "to")]
    # "Data Augmentation Improves …": a paradigm written out is no name either.
    if all(x in plain for x in pieces) or _ABSTRACT.search(pieces[-1]) or name.lower() in words("paradigms"):
        return []
    if len(parts) == 1 and not distinctive(name):
        return []
    # The subject's last word is singular ("Aligns" agrees with it); a plural noun there
    # makes the claim about a kind ("Graph Networks Learns …" is ungrammatical anyway).
    if low[-1].endswith("s") and not low[-1].endswith(("ss", "us", "is")) and not distinctive(parts[-1]):
        return []
    if generic(name) or is_institution(name) or gazetteer().known(name):
        return []
    a = ctx.title.start + t.index(name)
    return [Candidate(a, a + len(name), name, NAME, "MODEL", proposed=True, yields=NEVER, covers=len(parts) > 1)]
