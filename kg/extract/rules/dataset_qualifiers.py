"""Named parts of a known dataset written between its name and a dataset noun:
``the YFCC-100M Flickr dataset``, ``the WMT09 English-Hungarian data set``,
``the PTB III data``, ``the Waymo Open Motion Dataset`` (a capitalised noun is
part of the name).

A known corpus followed by capitalised words and then the noun that makes the phrase a
dataset names that part, edition or language side of the corpus: the words are part of
the name, as the paper-sentence corpora annotate it, and the known name inside it is
covered. Only capitalised words (a proper noun, an acronym, a Roman numeral, a language
or a language pair) qualify: a lower-case word there says what the data is for
("the COCO detection dataset") or which split it is ("the Freebase held-out data").
Split and evaluation words (``kg/data/rules/split_words.txt``,
``kg/data/rules/evaluation_words.txt``), other names and sentence openers end the search.
"""
from __future__ import annotations

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.vocab import union, words

NAME = "gazetteer"

#: Capitalised words at most between a known name and its dataset noun.
MAX_WORDS = 2


def _next(ctx: Context, k: int) -> int:
    """The first token at or after ``k`` that is not a space."""
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return k


def _qualifier(ctx: Context, k: int) -> int | None:
    """End token of one capitalised qualifier starting at token ``k`` ("Flickr",
    "English-Hungarian", "III"), or ``None``."""
    w = ctx.words
    if k >= len(w) or ctx.kinds[k] != WORD or ctx.taken[k] or not w[k][:1].isupper():
        return None
    if ctx.lower[k] in union("split_words", "evaluation_words", "stop_caps", "dataset_words"):
        return None
    end = k + 1
    # "English-Hungarian": capitalised words glued by hyphens are one qualifier.
    while end + 1 < len(w) and w[end] == "-" and not ctx.ws[end - 1] and not ctx.ws[end] \
            and ctx.kinds[end + 1] == WORD and w[end + 1][:1].isupper() and not ctx.taken[end + 1]:
        end += 2
    if end < len(w) and not ctx.ws[end - 1] and ctx.is_word(end):
        return None  # glued on to a longer token
    return end


def _noun_at(ctx: Context, k: int) -> bool:
    """Whether a dataset noun starts at token ``k`` ("dataset", "corpus", "data")."""
    return k < len(ctx.words) and (ctx.lower[k] in words("dataset_words") or ctx.lower[k] == "data")


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for m in ctx.matches:
        if m.label != "DATASET" or not m.known or m.j >= len(ctx.words) or not ctx.ws[m.j - 1]:
            continue
        end, k = None, _next(ctx, m.j)
        for _ in range(MAX_WORDS):
            q = _qualifier(ctx, k)
            if q is None or ctx.sent[k] != ctx.sent[m.i]:
                break
            k = _next(ctx, q)
            if _noun_at(ctx, k):
                # "the Waymo Open Motion Dataset": a capitalised noun is part of the name.
                end = k + 1 if ctx.words[k][:1].isupper() else q
                break
            if not ctx.ws[q - 1]:
                break  # "Flickr," or "Flickr)": the phrase ends
        if end is None:
            continue
        b = ctx.span(m.i, end)[1]
        out.append(Candidate(m.a, b, ctx.text[m.a:b], NAME, "DATASET", force_label=True, yields=NEVER, covers=True))
    return out


__all__ = ["find", "NAME"]
