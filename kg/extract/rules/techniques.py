"""Named techniques in lower case: ``the self-conditioning technique``, ``via the
generalized product of experts technique``, ``the expectation-maximization algorithm``.

Prose writes many named techniques in lower case, so case cannot find them; the frame
can. Between a definite article and a technique head noun (``kg/data/rules/
technique_heads.txt``) stands the technique's name — when it is a name's size (a
hyphenated word or two to four words) and not a description: no determiner or
"proposed"/"same"/"above" word, no paradigm ("the data augmentation technique",
``paradigms.txt``), no task ("the knowledge distillation technique"), not only
descriptive words, no describing adjective ("the traditional X technique",
``descriptive_adjectives.txt``). A technique named with "the" is an existing one (used), unless the
text calls it its own ("our X technique" is no match here: "the" is required).
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import generic
from kg.extract.nlp import WORD, gazetteer
from kg.extract.vocab import phrases, union, words

NAME = "context"
MAX_WORDS = 4
#: Words that may join a technique's name ("product of experts").
_INNER = frozenset(("of", "-"))


def _name_words(ctx: Context, i: int, k: int) -> list[str] | None:
    """The lower-case words of tokens ``i:k`` when they can form a name, else None."""
    out = []
    for x in range(i, k):
        w = ctx.words[x]
        if w == "-":
            if ctx.ws[x - 1] or ctx.ws[x]:
                return None
            continue
        if ctx.kinds[x] != WORD or not w.isalpha() or not w.islower():
            return None
        out.append(w)
    return out


def find(ctx: Context, prior=()) -> list[Candidate]:
    heads = words("technique_heads")
    stop = union("stop_caps", "own_words", "indefinite_words", "descriptive_adjectives")
    plain = union("generic_modifiers", "method_heads", "title_name_heads")
    paradigms = words("paradigms")  # the list lower-cased, built once a process
    out = []
    for k in ctx.where(heads, region=True):
        # Walk back to "the" over at most MAX_WORDS words (hyphens and "of" included).
        start = None
        x = k - 1
        while x >= 0 and k - x <= 2 * MAX_WORDS + 1 and ctx.sent[x] == ctx.sent[k]:
            if ctx.lower[x] == "the":
                start = x + 1
                break
            x -= 1
        if start is None or start >= k:
            continue
        parts = _name_words(ctx, start, k)
        if not parts:
            continue
        content = [p for p in parts if p not in _INNER]
        hyphenated = any(ctx.words[y] == "-" for y in range(start, k))
        if not (1 <= len(content) <= MAX_WORDS) or (len(content) == 1 and not hyphenated):
            continue
        if parts[0] in ("of",) or parts[-1] in ("of",):
            continue
        if any(p in stop for p in content):
            continue
        text = ctx.stext(start, k)
        last = content[-1]
        if text.lower() in paradigms or last in words("task_heads") or all(p in plain for p in content):
            continue
        if generic(text) or gazetteer().known(text):
            continue  # known names are the gazetteer's (it names them canonically)
        a, b = ctx.span(start, k)
        out.append(Candidate(a, b, text, NAME, "MODEL", used=True))
    return out
