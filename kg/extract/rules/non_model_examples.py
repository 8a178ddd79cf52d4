"""Examples of a kind that is no model: ``assessment procedures like OSATS and GEARS``,
``tools such as Zorb and Quint``, ``platforms including Zorb``, ``the rendering tool
Zorb``.

A plural noun of a non-model kind (``kg/data/rules/non_model_kinds.txt``) followed by an
example cue (``such as``, ``like``, ``including``: ``example_cues.txt``) says what the
names listed after it are: procedures, tools, platforms — none of them a model or a
dataset (annotation guidelines: companies and products that are not models, programming
languages, venues). The names are vetoed for the entry; known names keep their kind.
An indefinite apposition headed by such a kind ("TorchFold, a tool for PyTorch", "X - a
new cloud platform") says the same of the name before it.
"""
from __future__ import annotations

import functools

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import gazetteer
from kg.extract.rules.items import items_after
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "kind"

#: All three frames hold a non-model kind word, plural or singular ("tools like X",
#: "the tool X", "X, a cloud tool").
TRIGGERS = Triggers(words=lambda: words("non_model_kinds") | _singulars())


def find(ctx: Context, prior=()) -> list[Candidate]:
    kinds = words("non_model_kinds")
    cues = _cues()
    lower, n = ctx.lower, len(ctx.words)
    gaz = gazetteer()
    out = []
    for kind_at in ctx.where(kinds, region=True):
        k = kind_at + 1
        if k >= n:
            break
        for cue in cues:
            if tuple(lower[k : k + len(cue)]) == cue:
                for i, j in items_after(ctx, k + len(cue)):
                    text = ctx.stext(i, j)
                    if not gaz.known(text):
                        a, b = ctx.span(i, j)
                        out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
                break
    # "the open-source rendering tool FitLayout": a singular kind noun right before a
    # name says what the name is.
    singular = _singulars()
    # Only compounds right after a kind noun are tried (Context.where finds the nouns).
    for k in ctx.where(singular, region=True):
        i = k + 1
        j = ctx.compound_end.get(i)
        if j is None or not ctx.ws[k]:
            continue
        text = ctx.stext(i, j)
        if (ctx.words[i][:1].isupper() or distinctive(text)) and not gaz.known(text):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
    # "TorchFold, a tool for PyTorch …", "FloydHub Workspaces - a new cloud platform":
    # an indefinite apposition headed by a singular non-model kind says what the name is.
    # Read from each "a"/"an" back to the compound before it (one mark between at most):
    # far fewer articles than compounds.
    for k in ctx.where(_ARTICLES):  # the articles, from the entry's word index
        if k < 1:
            continue
        e = k - 1
        while e > 0 and ctx.words[e].isspace():
            e -= 1
        if ctx.words[e] in _APPOSITION_MARKS:
            e -= 1
            while e > 0 and ctx.words[e].isspace():
                e -= 1
        i, j = ctx.compound_start.get(e + 1), e + 1
        if i is None or not _apposition_kind(ctx, j, singular):
            continue
        text = ctx.stext(i, j)
        if (ctx.words[i][:1].isupper() or distinctive(text)) and not gaz.known(text):
            a, b = ctx.span(i, j)
            out.append(Candidate(a, b, text, NAME, GENERIC, yields=NEVER))
    return out


#: Words an apposition's noun phrase may hold before its head ("a new open-source cloud tool").
APPOSITION_WORDS = 4
_ARTICLES = frozenset(("a", "an"))
_APPOSITION_MARKS = frozenset((",", "-", "–", "—", ":"))
#: Words that may follow the kind noun of an apposition: a clause or a modifier begins.
_CLAUSE_WORDS = frozenset(("that", "which", "who", "designed", "built", "used", "developed", "made", "hosted", "released"))


def _apposition_kind(ctx: Context, j: int, singular: frozenset[str]) -> bool:
    """Tokens from ``j`` read "(,|-) a/an <up to four words> <kind>" with a singular
    non-model kind as the head."""
    w, lower, n = ctx.words, ctx.lower, len(ctx.words)
    seq = [x for x in range(j, min(n, j + 4 + 2 * APPOSITION_WORDS)) if not w[x].isspace()]
    if seq and w[seq[0]] in _APPOSITION_MARKS:
        seq = seq[1:]
    if not seq or lower[seq[0]] not in ("a", "an") or ctx.sent[seq[0]] != ctx.sent[j - 1]:
        return False
    words_seen = 0
    ends = words("title_small_words") | _CLAUSE_WORDS
    for k, x in enumerate(seq[1:], 1):
        if lower[x] in singular and w[x - 1] != "-":  # "large-scale" is no scale
            # The kind heads the phrase only where the phrase ends with it: "a language
            # model", "a vision-language-action model" are models.
            nxt = seq[k + 1] if k + 1 < len(seq) else None
            return (x + 1 >= n or w[x + 1] != "-") and (nxt is None or not ctx.is_word(nxt) or lower[nxt] in ends)
        if w[x] == "-":
            continue
        if not ctx.is_word(x) or not (w[x][:1].islower() or w[x].isupper()):  # "a new cloud IDE platform"
            return False
        words_seen += 1
        if words_seen > APPOSITION_WORDS:
            return False
    return False


@functools.cache
def _cues() -> list[tuple[str, ...]]:
    """The example cues as lower-cased word tuples (built once a process)."""
    return [tuple(p.lower().split()) for p in phrases("example_cues")]


@functools.cache
def _singulars() -> frozenset[str]:
    """The non-model kinds in the singular ("companies" → "company", "tools" → "tool")."""
    return frozenset(k[:-3] + "y" if k.endswith("ies") else k[:-1] if k.endswith("s") else k
                     for k in words("non_model_kinds"))
