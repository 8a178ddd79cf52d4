"""Mid-sentence Title-Case phrases: ``the Distributed Information Bottleneck`` (ending
in a method head noun) is a model, ``the Waymo Open Motion Dataset`` a dataset."""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import is_institution, label_hint
from kg.extract.nlp import CJK, WORD
from kg.extract.nlp import gazetteer
from kg.extract.vocab import words

NAME = "title-case"
_DATASET_TAILS = frozenset(("Dataset", "Benchmark", "Corpus"))
_NOT_ALONE = frozenset(("neural", "deep", "language", "large"))


def _capitalised(w: str) -> bool:
    return w[:1].isupper() and w.isalpha()


def _title_like(ctx: Context, s: int, chinese: set[int]) -> bool:
    """Is sentence ``s`` written in Title Case (a title the parser did not mark, a
    heading): most of its words capitalised, function words aside?"""
    if s in chinese:  # in Chinese sentences the Latin words are names, capitalised as names are
        return False
    small = words("title_small_words")
    up = total = 0
    for k in ctx.sentence(s):
        x = ctx.words[k]
        if ctx.kinds[k] == WORD and ctx.in_region[k] and x.isalpha() and x.lower() not in small:
            up += x[0].isupper()
            total += 1
    return total >= TITLE_MIN_WORDS and up >= TITLE_SHARE * total


#: A sentence of at least this many content words, this share of them capitalised, is
#: a title or heading (ordinary prose capitalises a sentence's first word and its names:
#: well under half of its words).
TITLE_MIN_WORDS = 4
TITLE_SHARE = 0.75


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, n, sent = ctx.words, len(ctx.words), ctx.sent
    heads = words("method_heads")
    gaz = gazetteer()
    out = []
    titles: dict[int, bool] = {}
    chinese: set[int] | None = None
    last = -1  # end of the last phrase read
    for i in ctx.caps:
        # Titles are Title Case by convention, so capitals there say nothing.
        if i < last or not w[i].isalpha() or ctx.in_title(ctx.idx[i]) or ctx.sentence_start(i):
            continue
        if sent[i] not in titles:
            if chinese is None:
                chinese = {ctx.sent[k] for k, kind in enumerate(ctx.kinds) if kind == CJK}
            titles[sent[i]] = _title_like(ctx, sent[i], chinese)
        if titles[sent[i]]:
            continue
        j = i
        while j < n and (_capitalised(w[j]) or (w[j] == "-" and not ctx.ws[j - 1])) and sent[j] == sent[i]:
            j += 1
        names = [x for x in w[i:j] if x != "-"]
        a, b = ctx.span(i, j)
        defined = ctx.text[b : b + 2] == " ("  # a defined acronym follows: the acronym rule has it
        if 2 <= len(names) <= 6 and names[-1] in _DATASET_TAILS:
            if not defined:
                name = ctx.stext(i, j)
                known = gaz.known(name)
                out.append(Candidate(a, b, known[1] if known else name, NAME, "DATASET", known=bool(known)))
        elif 2 <= len(names) <= 5 and names[-1].lower() in heads:
            name = ctx.stext(i, j)
            if not is_institution(name) and not all(x.lower() in heads | _NOT_ALONE for x in names):
                known = gaz.known(name)
                if known:
                    out.append(Candidate(a, b, known[1], "gazetteer", known[0], known=True))
                elif not defined:
                    out.append(Candidate(a, b, name, NAME, label_hint(name)))
        last = j
    return out
