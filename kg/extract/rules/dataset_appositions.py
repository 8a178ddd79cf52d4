"""A name renamed by a dataset noun after it: ``Quintar, a 1M-image dataset for …``,
``Wibble, a suite of 12 coding tasks``, ``Frobnik is a new dataset of …``, ``Zorb (Smith
et al., 2019) is a benchmark …``, ``Zorb (Clear Reasoning via Steps) is a benchmark`` (its
long form between), ``Zorb (a benchmark for …)``, ``Zorb is one of the most
popular benchmarks``, and a name in brackets after a dataset noun: ``a new benchmark
(ZorbBench)``.

The noun phrase after the comma (or after ``is``/``are``) is read up to its head: the
first dataset noun (``dataset_words``, ``resource_words``) wins, while a function word
(``apposition_stops``) or another kind noun (``model``, ``method``) ends it first, so in
``Zorb, a model trained on the dataset`` the head is ``model`` and Zorb is no dataset.
"""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import WORD
from kg.extract.rules.dataset_enumerations import past_citation
from kg.extract.rules.items import MAX_WORDS, name_item
from kg.extract.vocab import union, words

NAME = "context"
#: Words of the noun phrase before its head ("a new large-scale multilingual dataset").
MAX_HEAD = 6
_ARTICLES = frozenset(("a", "an", "the", "our", "their"))
_COPULAS = frozenset(("is", "are"))
#: Tokens after a name that open what may rename it: a citation's or long form's bracket, a comma.
_GLOSS_OPENERS = frozenset(("(", "[", "（", ",", "，"))


def _head_is_dataset(ctx: Context, k: int) -> bool:
    """The noun phrase starting at token ``k`` (after its article) has a dataset noun as head."""
    data = union("dataset_words", "resource_words")
    stops, kinds = words("apposition_stops"), words("apposition_kinds")
    seen = 0
    n = len(ctx.words)
    while k < n and seen < MAX_HEAD:
        w, low = ctx.words[k], ctx.lower[k]
        if w.isspace() or w in ("-", "_"):
            k += 1
            continue
        if low in data:
            return True
        if low in stops or low in kinds or ctx.kinds[k] != WORD:
            return False
        seen += 1
        k += 1
    return False


def _parenthesised(ctx: Context) -> list[tuple[int, int]]:
    """``a new benchmark (ZorbBench)``, ``the official test set (news-dev2009b)``: a name
    alone in brackets right after a dataset noun (or a split's "set") renames it."""
    w, n = ctx.words, len(ctx.words)
    data = words("dataset_words") | words("resource_words") | {"set", "sets"}
    ends = ctx.compound_end
    out = []
    # Brackets are few: look at each rather than at every token.
    opens = [ctx.tok_at.get(x) for x, ch in enumerate(ctx.text) if ch in "(（"] if "(" in ctx.text or "（" in ctx.text else []
    for k in opens:
        if k is None or not 1 <= k < n - 2 or ctx.lower[k - 1] not in data:
            continue
        j = ends.get(k + 1)
        if j is not None and j < n and w[j] in (")", "）") and (w[k + 1][:1].isupper() or distinctive(ctx.stext(k + 1, j))) \
                and name_item(ctx, k + 1, j):
            out.append((k + 1, j))
    return out


def _past_one_of(ctx: Context, k: int) -> int:
    """Token after "one of" at ``k`` ("X is one of the most popular benchmarks"), else ``k``."""
    a = k
    while a < len(ctx.words) and ctx.words[a].isspace():
        a += 1
    if ctx.lower[a : a + 1] == ("one",) and a + 2 < len(ctx.words):
        b = a + 1
        while b < len(ctx.words) and ctx.words[b].isspace():
            b += 1
        if ctx.lower[b] == "of":
            return b + 1
    return k


#: Tokens a bracketed long form may hold ("(Clear Reasoning via Yielded Steps, …)").
MAX_LONG_FORM = 24


def _past_long_form(ctx: Context, k: int) -> int:
    """Token after a bracket at ``k`` that spells a name out (its first word capitalised,
    no article: "(Clear Reasoning via Yielded Steps)") when a copula or a comma follows it;
    else ``k``."""
    w, n = ctx.words, len(ctx.words)
    if k + 1 >= n or w[k] not in ("(", "（") or not w[k + 1][:1].isupper() or ctx.kinds[k + 1] != WORD:
        return k
    close = next((c for c in range(k + 2, min(k + MAX_LONG_FORM, n)) if w[c] in (")", "）", "(", "（")), None)
    # Two words at least: "(GIM)" after a long form is its acronym, which the acronym rule reads.
    if close is None or w[close] not in (")", "）") or sum(ctx.kinds[c] == WORD for c in range(k + 1, close)) < 2:
        return k
    a = close + 1
    while a < n and w[a].isspace():
        a += 1
    return a if a < n and (ctx.lower[a] in _COPULAS or w[a] in (",", "，")) else k


def _opener(ctx: Context, i: int, j: int, k: int) -> bool:
    """"Unfortunately, the resources …", "Similarly, the corpora …": a sentence's first
    word, an adverb in -ly, before its comma opens the clause; it renames nothing."""
    t = ctx.words[i]
    return j == i + 1 and ctx.sentence_start(i) and ctx.words[k] in (",", "，") and len(t) > 4 \
        and t.endswith("ly") and t[1:].islower()


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, n = ctx.words, len(ctx.words)
    out = []
    for i, j in _parenthesised(ctx):
        s, e = ctx.span(i, j)
        out.append(Candidate(s, e, ctx.text[s:e], NAME, "DATASET", force_label=True))
    if not ("," in ctx.text or "，" in ctx.text or " is " in ctx.text or " are " in ctx.text or "(" in ctx.text):
        return out  # no apposition and no copula to read
    for i, j in ctx.compounds:
        if not (w[i][:1].isupper() or w[i][:1].isdigit()) or ctx.taken[i]:
            continue
        # Grow over capitalised words: "Open Legal Corpus, a corpus of …".
        while j < n and ctx.ws[j - 1] and ctx.kinds[j] == WORD and w[j][:1].isupper() and j - i < MAX_WORDS \
                and ctx.sent[j] == ctx.sent[i]:
            j += 1
        # What follows the name (spaces skipped) must open a citation, a long form or the
        # gloss (a bracket, a comma, a copula), or nothing below can accept it: most
        # capitalised words are read no further than this.
        k = j
        while k < n and w[k].isspace():
            k += 1
        if k + 1 >= n or not (w[k] in _GLOSS_OPENERS or ctx.lower[k] in _COPULAS):
            continue
        # "Zorb (Smith et al., 2019) is a benchmark", "Zorb [12], a dataset of …": the
        # citation stands between the name and what renames it.
        k = past_citation(ctx, j)
        while k < n and w[k].isspace():
            k += 1
        # "CRYSTAL (Clear Reasoning via Yielded Steps) is a benchmark": the spelt-out name
        # in brackets stands between the name and what renames it.
        k = _past_long_form(ctx, k)
        # "Zorb (a benchmark for reasoning)": a bracket opens the gloss as a comma does.
        if k + 1 >= n or not (w[k] in (",", "，", "(") or ctx.lower[k] in _COPULAS):
            continue
        a = _past_one_of(ctx, k + 1) if ctx.lower[k] in _COPULAS else k + 1
        while a < n and w[a].isspace():
            a += 1
        if a >= n or ctx.lower[a] not in _ARTICLES or not _head_is_dataset(ctx, a + 1):
            continue
        if not name_item(ctx, i, j) or _opener(ctx, i, j, k):
            continue
        s, e = ctx.span(i, j)
        out.append(Candidate(s, e, ctx.text[s:e], NAME, "DATASET", force_label=True))
    return out


__all__ = ["find", "NAME"]
