"""Mid-sentence Title-Case phrases: ``the Distributed Information Bottleneck`` (ending
in a method head noun) is a model, ``the Waymo Open Motion Dataset`` a dataset."""
from __future__ import annotations

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import label_hint
from kg.extract.nlp import CJK, WORD
from kg.extract.nlp import gazetteer
from kg.extract.vocab import words
from kg.resolve import institutions

NAME = "title-case"
_DATASET_TAILS = frozenset(("Dataset", "Benchmark", "Corpus"))
_NOT_ALONE = frozenset(("neural", "deep", "language", "large"))


def _capitalised(w: str) -> bool:
    return w[:1].isupper() and w.isalpha()


def _title_like(ctx: Context) -> set[int]:
    """Sentences written in Title Case (a title the parser did not mark, a heading):
    most of their words capitalised, function words aside."""
    small = words("title_small_words")
    caps: dict[int, list[int]] = {}
    # In Chinese sentences the Latin words are the names, capitalised as names are.
    chinese = {ctx.sent[k] for k, kind in enumerate(ctx.kinds) if kind == CJK}
    for k, x in enumerate(ctx.words):
        if ctx.kinds[k] == WORD and ctx.in_region[k] and x.isalpha() and x.lower() not in small and ctx.sent[k] not in chinese:
            c = caps.setdefault(ctx.sent[k], [0, 0])
            c[0] += x[:1].isupper()
            c[1] += 1
    return {s for s, (up, total) in caps.items() if total >= TITLE_MIN_WORDS and up >= TITLE_SHARE * total}


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
    titles = None
    i = 0
    while i < n:
        # Titles are Title Case by convention, so capitals there say nothing.
        if not _capitalised(w[i]) or not ctx.in_region[i] or ctx.in_title(ctx.idx[i]) or ctx.sentence_start(i):
            i += 1
            continue
        if titles is None:
            titles = _title_like(ctx)
        if sent[i] in titles:
            i += 1
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
            if not institutions().is_known(name) and not all(x.lower() in heads | _NOT_ALONE for x in names):
                known = gaz.known(name)
                if known:
                    out.append(Candidate(a, b, known[1], "gazetteer", known[0], known=True))
                elif not defined:
                    out.append(Candidate(a, b, name, NAME, label_hint(name)))
        i = max(j, i + 1)
    return out
