"""Appositions: ``a … method, X,`` / ``a new benchmark, X,`` / ``本文提出一种…方法X``:
a name right after a kind noun renames it, and inherits its role and kind; and the
other way round, ``X, a recently proposed diffusion model,``: the kind names X's kind."""
from __future__ import annotations

from dataclasses import replace

from kg.extract.anchors import after_cjk
from kg.extract.candidate import TO_GAZETTEER, Candidate
from kg.extract.context import COMMAS, Context
from kg.extract.names import CJK_RE, distinctive, generic
from kg.extract.rules.items import name_item
from kg.extract.roles import introduced_by_cue
from kg.extract.rules.cues import cue_name
from kg.extract.vocab import phrases, words

NAME = "cue"


#: Words an apposition may put between its article and its kind noun ("Zorblax, a
#: recently proposed latent diffusion model").
_APPOS_GAP = 6
_APPOS_CLOSE = frozenset((",", "，", ".", ";", ")", "that", "which", "for", "of", "to", "with", "designed", "trained",
                          "built", "based", "capable", ""))


def _renamed(ctx: Context) -> list[Candidate]:
    """``Zorblax, a recently proposed diffusion model, …``, ``DFME, a dataset of …``: a
    name followed by an indefinite apposition whose head is a kind noun is of that kind."""
    w, n = ctx.words, len(ctx.words)
    out = []
    # Only compounds that end at a comma are tried (Context.where finds the commas).
    for j in ctx.where(COMMAS):
        i = ctx.compound_start.get(j)
        if i is None or j + 2 >= n or ctx.lower[j + 1] not in ("a", "an"):
            continue
        # "Quick Shift, a mode-seeking algorithm": the name takes the capitalised words
        # before it.
        # A contribution verb opening a subjectless note ("Method: Introduced GODNF, a …")
        # is no part of the name.
        while i > 0 and ctx.ws[i - 1] and w[i - 1][:1].isupper() and w[i - 1].isalpha() and j - i < 4 \
                and ctx.lower[i - 1] not in words("stop_caps") and ctx.lower[i - 1] not in words("cue_verbs") \
                and ctx.sent[i - 1] == ctx.sent[i]:
            i -= 1
        if not name_item(ctx, i, j) or ctx.in_title(ctx.idx[i]):
            continue
        # An adverb opening a sentence ("Recently, a …", "Finally, a …") is no name.
        text = ctx.stext(i, j)
        if ctx.sentence_start(i) and not distinctive(text) and text.lower().endswith("ly"):
            continue
        c = _typed(ctx, i, j, j + 2)
        if c is not None:
            out.append(c)
    return out + _copula(ctx)


def _kind_head(ctx: Context, k: int, closed: bool = True) -> str | None:
    """The kind noun of the indefinite noun phrase starting at token ``k`` (after its
    article), if it closes the phrase: "a recently proposed diffusion model,", "a family
    of epigenetic foundation models trained …" (after a family noun, ``family_nouns``,
    the kind is plural). ``closed``: an apposition must close after the noun; after a
    copula ("X is a … model ranging …") the sentence may go on."""
    w, n = ctx.words, len(ctx.words)
    kinds_en = words("apposition_kinds")
    plural = k + 1 < n and ctx.lower[k] in words("family_nouns") and ctx.lower[k + 1] == "of"
    start = k + 2 if plural else k

    def kind(x: str) -> bool:
        return x in kinds_en or (plural and x.endswith("s") and x[:-1] in kinds_en)

    head = next((x for x in range(start, min(n, start + _APPOS_GAP)) if kind(ctx.lower[x]) or w[x] in (",", ".", ";", "(")), None)
    if head is None or not kind(ctx.lower[head]):
        return None
    # "…, a model-based …" is no apposition head; an apposition closes ("X, a
    # diffusion model, is …") or defines ("X, a dataset of …", "X, a model that …"),
    # while "Here, a model is trained" goes on as a clause.
    nxt = ctx.lower[head + 1] if head + 1 < n else ""
    if nxt == "-" or (closed and nxt not in _APPOS_CLOSE):
        return None
    return ctx.lower[head].removesuffix("s") if plural else ctx.lower[head]


def _typed(ctx: Context, i: int, j: int, k: int, closed: bool = True) -> Candidate | None:
    """The name at tokens ``i:j`` typed by the indefinite noun phrase at token ``k``."""
    head = _kind_head(ctx, k, closed)
    if head is None:
        return None
    c = cue_name(ctx, i, j, proposed=False)
    if c is None or c.known:
        return None
    label = "DATASET" if head in words("dataset_words") or head in words("resource_words") else "MODEL"
    return replace(c, label=label, force_label=True, yields=TO_GAZETTEER)


_POSSESSIVE = frozenset(("'s", "’s"))
_IS = frozenset(("is",))


def _copula(ctx: Context) -> list[Candidate]:
    """``Prima Mente’s Pleiades is a family of epigenetic foundation models``: an
    organisation's name in the possessive, a capitalised name and "is a" with a kind
    noun. The possessive makes the name a product (a plain capitalised word opening a
    sentence before "is a" is as often a concept: "Distillation is a technique")."""
    n = len(ctx.words)
    out = []
    for k in ctx.where(_IS):
        i = ctx.compound_start.get(k)
        if i is None or i < 2 or k + 2 >= n or ctx.lower[k + 1] not in ("a", "an"):
            continue
        # The possessive: "’s" as one token, or "’" and "s" as two.
        before = ctx.joined(i - 2, i).lower()
        if not before.endswith(tuple(_POSSESSIVE)) or not name_item(ctx, i, k) or ctx.in_title(ctx.idx[i]):
            continue
        c = _typed(ctx, i, k, k + 2, closed=False)
        if c is not None:
            out.append(c)
    return out


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, ws, n = ctx.words, ctx.ws, len(ctx.words)
    kinds_en = words("apposition_kinds")
    kinds_zh = phrases("apposition_kinds_zh")
    out = []
    # Both shapes need the token before the name to be a comma or a CJK character: only
    # the compounds after one are tried (commas from the word index).
    ends = ctx.compound_end
    tried = {p + 1 for p in ctx.where(COMMAS) if p + 1 in ends}
    tried.update(i for i in after_cjk(ctx) if i in ends)
    for i in sorted(tried):
        j = ends[i]
        if i == 0:
            continue
        prev = w[i - 1]
        prev2 = ctx.lower[i - 2] if i > 1 else None
        # Cheap tests first: most compounds are ordinary words.
        en_shape = prev in (",", "，") and prev2 in kinds_en
        zh_shape = not ws[i - 1] and CJK_RE.match(prev) is not None
        if not (en_shape or zh_shape):
            continue
        text = ctx.stext(i, j)
        if generic(text) or len(text) < 2:
            continue
        hit = False
        if en_shape:
            # "aspects such as architecture, scaling, and training": a plain lower-case
            # word after a kind noun and a comma is the next item of a list, not its name.
            hit = (w[j] if j < n else "") in (",", "，", ")", ".", "") and not (text.isalpha() and text.islower())
        zh_prev = ctx.joined(i - 3, i)
        zh_cue = any(ctx.sent[s] == ctx.sent[i] and kind == "ZH_WE" for kind, s, _ in ctx.cues)
        if not ws[i - 1] and zh_prev.endswith(kinds_zh):
            hit = hit or zh_cue
        if not hit:
            continue
        # The name inherits the role of the kind noun it renames: "we present a
        # new benchmark, X" / "本文提出一种…方法X".
        en_cue = prev2 in kinds_en and introduced_by_cue(ctx, i - 2)
        c = cue_name(ctx, i, j, proposed=(zh_cue and zh_prev.endswith(kinds_zh)) or en_cue)
        if c is None:
            continue
        c = replace(c, yields=TO_GAZETTEER)
        if prev2 in words("dataset_words") or prev2 in words("resource_words") or zh_prev.endswith(("数据集", "基准")):
            c = replace(c, label="DATASET", force_label=True)
        out.append(c)
    return out + _renamed(ctx)
