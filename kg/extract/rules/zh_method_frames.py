"""Latin method names in Chinese prose, by the Chinese frame around them:

* a mechanism noun right after it: ``KV Cache Replacement 机制``
  (``kg/data/rules/method_kinds_zh.txt``);
* a Chinese kind noun right before a snake_case identifier: ``多智能体系统
  micro_biorobot_agent`` (``apposition_kinds_zh``);
* a word of series right after it, even for one word: ``Eureka 系列``
  (``kg/data/rules/series_words_zh.txt``);
* a gloss in Chinese right after it, in full-width brackets:
  ``Time-Adaptive Gating（根据去噪时间步动态调节编辑强度）`` (not after a colon: a
  Title-Case label before a colon is as often a field, "Research Gap：…");
* quotation marks right after a contribution verb: ``提出 "Policy Reincarnation"``
  (``kg/data/rules/contribution_verbs_zh.txt``; the name is the paper's).

Chinese summaries keep a method's English name as written and explain it in Chinese:
the explanation's frame says the Latin phrase names a thing. Only Title-Case phrases
of two to five words (a glued part such as ``Time-Adaptive`` counts its words) are read,
not one capitalised or hyphenated word ("Cross-Attention") (an English term in Chinese prose is often a plain word: "Reward");
a phrase only of descriptive words and heads ("Deep Neural Network"), a generic term
or an institution is not a name.
"""
from __future__ import annotations

from kg.extract.anchors import glued_compounds
from kg.extract.candidate import TO_LONG_FORMS, Candidate
from kg.extract.context import Context
from kg.extract.names import generic, is_institution
from kg.extract.nlp import CJK, WORD
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "zh-frame"

#: What each frame needs in the text: a mechanism noun or a word of series after the
#: name, a full-width bracket (a gloss), an opening quotation mark (a contribution
#: verb's object), or an underscore (an identifier after a kind noun).
TRIGGERS = Triggers(cjk=True, text=lambda: (*phrases("method_kinds_zh"), *phrases("series_words_zh"), "（", "_",
                                            *_OPEN_QUOTES))
#: How many words a name may have ("Poisson Texture Harmonization Module": four).
MAX_WORDS = 5
_OPEN_QUOTES = ('"', "“", "「", "『")
_CLOSE_QUOTES = ('"', "”", "」", "』")


def _capitalised(w: str) -> bool:
    return (w[:1].isupper() or w[:1].isdigit() and any(c.isupper() for c in w)) and w.isalnum()


def _run(ctx: Context, i: int) -> int:
    """End of the Title-Case run starting at token ``i``: capitalised words joined by one
    space or glued by hyphens."""
    w, n = ctx.words, len(ctx.words)
    j = i + 1
    while j < n:
        if w[j] == "-" and not ctx.ws[j - 1] and not ctx.ws[j] and j + 1 < n and _capitalised(w[j + 1]):
            j += 2
        elif (ctx.ws[j - 1] and ctx.kinds[j] == WORD and _capitalised(w[j])
              and ctx.idx[j] == ctx.idx[j - 1] + len(w[j - 1]) + 1):
            j += 1
        else:
            break
    return j


def _prev(ctx: Context, k: int) -> int:
    k -= 1
    while k >= 0 and ctx.words[k].isspace():
        k -= 1
    return k


def _next(ctx: Context, k: int) -> int:
    while k < len(ctx.words) and ctx.words[k].isspace() and "\n" not in ctx.words[k]:
        k += 1
    return k


def _framed(ctx: Context, i: int, j: int) -> tuple[bool, bool] | None:
    """(named, proposed) when the Chinese frame around tokens ``i:j`` makes them a name."""
    text = ctx.text
    p = _prev(ctx, i)
    if p >= 0 and ctx.words[p] in _OPEN_QUOTES:
        q = _next(ctx, j)
        if q < len(ctx.words) and ctx.words[q] in _CLOSE_QUOTES:
            before = text[: ctx.idx[p]].rstrip()
            if any(before.endswith(v) for v in phrases("contribution_verbs_zh")):
                return True, True
        return None
    k = _next(ctx, j)
    if k >= len(ctx.words):
        return None
    if any(ctx.text.startswith(z, ctx.idx[k]) for z in phrases("method_kinds_zh")):
        return True, False
    if ctx.words[k] == "（" and k + 1 < len(ctx.words) and ctx.kinds[(g := _next(ctx, k + 1))] == CJK:
        # "AI Agent（比如帮你订机票的Agent）": a gloss that gives examples makes the phrase
        # a kind of thing, not a method's name.
        if any(ctx.text.startswith(z, ctx.idx[g]) for z in phrases("example_cues_zh")):
            return None
        return True, False
    return None


def _series_after(ctx: Context, j: int) -> bool:
    k = _next(ctx, j)
    return k < len(ctx.words) and any(ctx.text.startswith(z, ctx.idx[k]) for z in phrases("series_words_zh"))


def _identifiers(ctx: Context) -> list[Candidate]:
    """``多智能体系统 micro_biorobot_agent``: a snake_case identifier right after a Chinese
    kind noun (``apposition_kinds_zh``) is the name of that system."""
    out = []
    kinds = phrases("apposition_kinds_zh")
    for i, j in glued_compounds(ctx):
        # (an underscore needs a compound of two words and its glue: most are one word)
        if j - i < 3 or "_" not in ctx.words[i:j] or ctx.stext(i, j) != ctx.stext(i, j).lower():
            continue
        before = ctx.text[max(0, ctx.idx[i] - 4): ctx.idx[i]].rstrip()
        if any(before.endswith(z) for z in kinds):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, ctx.text[a:b], NAME, "MODEL"))
    return out


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk:
        return []
    w = ctx.words
    out = _identifiers(ctx)
    plain = words("method_heads") | words("generic_modifiers") | frozenset(("neural", "deep", "language", "large"))
    kinds = ctx.kinds
    last = -1
    for i in ctx.latin:
        # The phrase opens after Chinese, a bracket, a quote or a line start: a word run
        # inside an English sentence is the English rules'. (A word token right before is
        # the common case of that test, answered first: a structured entry's English
        # abstract is most of its Latin words.)
        if i < last or (i > 0 and kinds[i - 1] == WORD):
            continue
        if not _capitalised(w[i]) or ctx.in_title(ctx.idx[i]):
            continue
        p = _prev(ctx, i)
        if p >= 0 and kinds[p] == WORD:
            continue
        j = _run(ctx, i)
        last = j
        parts = [x for x in w[i:j] if x != "-"]
        # One hyphenated word ("Cross-Attention", "Mixture-of-Experts") is a term, save
        # before a word of series ("Eureka 系列": a family of models).
        one = len(parts) < 2 or not any(ctx.ws[k] for k in range(i, j - 1))
        if one and _series_after(ctx, j) and not generic(ctx.stext(i, j)):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, ctx.stext(i, j), NAME, "MODEL"))
            continue
        if not 2 <= len(parts) <= MAX_WORDS or one:
            continue
        # The frame first: few phrases have one (an author list's "B Vira, E Teda" has
        # none), and the institution lookup normalises and may fuzzy-match every new name.
        framed = _framed(ctx, i, j)
        if framed is None:
            continue
        name = ctx.stext(i, j)
        if generic(name) or is_institution(name) or all(x in plain for p_ in parts for x in p_.lower().split("-")):
            continue
        a, b = ctx.span(i, j)
        # The whole phrase is the name: a known name inside ("Voxel FlowEdit") is part of it.
        out.append(Candidate(a, b, name, NAME, "MODEL", proposed=framed[1], yields=TO_LONG_FORMS, covers=True))
    return out
