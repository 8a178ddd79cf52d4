"""English glosses of Chinese, Japanese and Korean terms: ``渐进式训练（Progressive Training）``,
``后训练（Post-Training）``, ``在代理模型（Proxy Model）上``, ``보상 모델(Reward Model)``.

Chinese, Japanese and Korean prose give the English for their own terms in brackets
right after them. A
Title-Case phrase that only a guess found (the ``title-case`` rule: its capitals are
all that made it a name) and that fills such a bracket is the translation of the
Chinese word before it — a term, not a system's name — when it holds no name-shaped
word (``distinctive``: CamelCase, digits, an acronym). It is vetoed for the entry.
Names other evidence supports (a gazetteer, a cue, an acronym, a title) are left
alone, and so is a bracket after Latin text ("a new method (Zorb Attention)") or in a
clause with a contribution verb ("我们提出了一种新方法（Zorb Attention）": the bracket
names what the paper proposes).
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.rules.acronyms import _proposed_zh
from kg.extract.rules.guesses import guessed_models

NAME = "gloss"
_OPEN = ("（", "(")
_CLOSE = ("）", ")")
_QUOTES = "”’」』\"'"
#: The scripts whose terms are glossed: Chinese characters, kana and Hangul syllables.
_GLOSSED_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
#: The rule that finds Title-Case phrases by their capitals alone.
_TITLE_CASE = frozenset(("title-case",))


def _glossed(ctx: Context, a: int, b: int) -> bool:
    """Characters ``a:b`` fill a bracket that opens right after a Chinese character."""
    text = ctx.text
    s, e = a, b
    while s > 0 and text[s - 1] == " ":
        s -= 1
    while e < len(text) and text[e] == " ":
        e += 1
    if s < 2 or text[s - 1] not in _OPEN or e >= len(text) or text[e] not in _CLOSE:
        return False
    # "“渐进式训练”（Progressive Training）": the Chinese term may be quoted.
    k = s - 2
    while k > 0 and text[k] in _QUOTES:
        k -= 1
    if _GLOSSED_SCRIPT.match(text[k]) is None:
        return False
    # "我们提出了一种新方法（Zorb Attention）": a contribution verb in the clause makes the
    # bracket the name of what it proposes, not a gloss.
    t = ctx.tok_at.get(s - 1)
    return t is None or not _proposed_zh(ctx, t)


def find(ctx: Context, prior=()) -> list[Candidate]:
    # Only Chinese, Japanese and Korean prose write such glosses: most entries stop here.
    if not ctx.has_cjk:
        return []
    out = []
    for e in guessed_models(prior, _TITLE_CASE):
        if any(distinctive(p) for p in e.name.replace("-", " ").split()):
            continue
        if all(_glossed(ctx, a, b) for a, b in e.spans):
            a, b = e.spans[0]
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
