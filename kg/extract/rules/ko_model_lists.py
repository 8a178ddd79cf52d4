"""Latin names a Korean list gives as examples of models: ``GPT Image 1, Seedream 3.0,
Qwen-Image 같은 상용 모델과 비교해도`` (compared with commercial models such as …),
``Qwen3-8B-Base, Mistral-Small-24B 등 다양한 모델과`` (… and other models).

Korean prose writes a system's name in Latin letters and says what it is after the list:
a closer (``kg/data/rules/list_closers_ko.txt``: 같은 "such as", 등 "and so on") right
after the last item, then, within a few words, a model noun
(``model_words_ko.txt``: 모델, 아키텍처, LLM). The items are read back from the closer
as the English context rules read them (commas between items, capitalised words of one
name kept together: ``GPT Image 1``). Without the model noun the frame says nothing
(``ECMP 같은 범용 라우팅``: routing; ``T2I-CompBench 같은 평가 방식``: an evaluation
method), and an item another rule typed a dataset, a known dataset or a lone bare acronym
is left alone.
"""
from __future__ import annotations

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import CJK, WORD
from kg.extract.rules.items import items_before, lone_jargon
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases

NAME = "context"

#: A Korean closer in the text (Hangul is CJK to the tokenizer).
TRIGGERS = Triggers(cjk=True, text=lambda: phrases("list_closers_ko"))
#: Tokens after the closer within which the model noun must start (a syllable is a token).
REACH = 8
#: Marks that end the clause before a model noun could say what the items are.
_CLAUSE_END = frozenset(".。!?！？;；:：")


def _closer_at(ctx: Context, k: int, closers: tuple[str, ...]) -> int | None:
    """End token of a closer starting at token ``k`` and standing as a whole word (a
    space, a mark or the end after it: 등 in 등장 "appearance" is no closer), or None."""
    for c in closers:
        e = k + len(c)
        if ctx.joined(k, e) == c and (e >= len(ctx.words) or ctx.ws[e - 1] or ctx.kinds[e] != CJK):
            return e
    return None


def _model_noun_follows(ctx: Context, e: int) -> bool:
    """A model noun starts within :data:`REACH` tokens after token ``e``, in the same clause."""
    nouns = phrases("model_words_ko")
    for k in range(e, min(len(ctx.words), e + REACH)):
        if ctx.words[k] in _CLAUSE_END:
            return False
        if ctx.joined(k, k + 4).startswith(nouns):
            return True
    return False


def _grow_over_known(ctx: Context, i: int, models: set[tuple[int, int]]) -> int:
    """Start of an item whose first word follows a known model's one-word name: the
    product's name holds the family (``GPT Image 1`` after a sentence's end, where the
    item reader stops so as not to take a sentence's first word into a name)."""
    k = i - 1
    if k >= 0 and ctx.ws[k] and ctx.kinds[k] == WORD and ctx.span(k, k + 1) in models:
        return k
    return i


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk:
        return []
    closers = tuple(phrases("list_closers_ko"))
    labels, spans, models = {}, set(), set()
    for e in prior:
        for a, b in e.spans:
            labels[a] = e.label
            spans.add((a, b))
            if e.label == "MODEL" and e.known:
                models.add((a, b))
    out = []
    for d in range(1, len(ctx.words)):
        # The closer follows the last item's Latin word, one space or none between.
        if ctx.kinds[d] != CJK or ctx.kinds[d - 1] != WORD or not ctx.in_region[d]:
            continue
        e = _closer_at(ctx, d, closers)
        if e is None or not _model_noun_follows(ctx, e):
            continue
        items = lone_jargon(ctx, items_before(ctx, d))
        if any(labels.get(ctx.idx[i]) == "DATASET" for i, _ in items):
            continue  # a list with a dataset in it lists what models are evaluated on
        for i, j in items:
            # Only a new item takes the family's word: "CLIP ViT-L" is two known names.
            k = i if ctx.idx[i] in labels else _grow_over_known(ctx, i, models)
            a, b = ctx.span(k, j)
            if (a, b) in spans:
                continue  # named already, as written
            if k < i:
                # The product holds the family's name: it is kept whole, and the family's
                # match inside it is no mention of its own.
                out.append(Candidate(a, b, ctx.text[a:b], NAME, "MODEL", used=True, yields=NEVER, covers=True))
            else:
                out.append(Candidate(a, b, ctx.text[a:b], NAME, "MODEL", used=True))
    return out


__all__ = ["find", "NAME", "TRIGGERS"]
