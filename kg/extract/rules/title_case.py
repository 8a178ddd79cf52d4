"""Mid-sentence Title-Case phrases: ``the Distributed Information Bottleneck`` (ending
in a method head noun) is a model, ``the Waymo Open Motion Dataset`` a dataset."""
from __future__ import annotations

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import is_institution, label_hint
from kg.extract.nlp import gazetteer
from kg.extract.vocab import words

NAME = "title-case"
_NOT_ALONE = frozenset(("neural", "deep", "language", "large"))


def _capitalised(w: str) -> bool:
    return w[:1].isupper() and w.isalpha()


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, n, sent = ctx.words, len(ctx.words), ctx.sent
    heads = words("method_heads")
    gaz = gazetteer()
    out = []
    last = -1  # end of the last phrase read
    for i in ctx.caps:
        # Titles are Title Case by convention, so capitals there say nothing.
        if i < last or not w[i].isalpha() or ctx.in_title(ctx.idx[i]) or ctx.sentence_start(i):
            continue
        if ctx.title_like(sent[i]):  # a heading capitalises every word
            continue
        if ctx.lower[i] in words("stop_caps"):  # "… Time And Language-Oriented Network": a function word opens no name
            continue
        # "OEMA: Ontology-Enhanced Multi-Agent … Framework": a word glued by a hyphen to the
        # one before is inside a compound; where the compound's start opened no phrase
        # (a sentence's first word, a heading), its tail opens none either.
        inside = i >= 2 and w[i - 1] == "-" and not ctx.ws[i - 2] and not ctx.ws[i - 1]
        j = i
        while j < n and (_capitalised(w[j]) or (w[j] == "-" and not ctx.ws[j - 1])) and sent[j] == sent[i]:
            j += 1
        if inside:
            last = j  # the rest of the run ("Multi-Agent … Framework") is the same phrase's
            continue
        names = [x for x in w[i:j] if x != "-"]
        a, b = ctx.span(i, j)
        defined = ctx.text[b : b + 2] == " ("  # a defined acronym follows: the acronym rule has it
        if 2 <= len(names) <= 6 and names[-1].lower() in words("dataset_tails"):
            if not defined:
                name = ctx.stext(i, j)
                known = gaz.known(name)
                # "the Waymo Open Motion Dataset": a known name ("Waymo Open") grown by more
                # than the tail word is another dataset, and the known one is part of it.
                inner = None if known else next((m for m in ctx.matches if i <= m.i and m.j < j - 1), None)
                out.append(Candidate(a, b, known[1] if known else name, NAME, "DATASET", known=bool(known),
                                     **({"yields": NEVER, "covers": True} if inner else {})))
        elif 2 <= len(names) <= 5 and names[-1].lower() in heads:
            name = ctx.stext(i, j)
            # "Embodied Foundation Models", "Deep Neural Networks": descriptive words and
            # heads only describe a kind.
            plain = heads | _NOT_ALONE | words("generic_modifiers")
            if not is_institution(name) and not all(p in plain for x in names for p in x.lower().split("-")):
                known = gaz.known(name)
                if known:
                    out.append(Candidate(a, b, known[1], "gazetteer", known[0], known=True))
                elif not defined:
                    out.append(Candidate(a, b, name, NAME, label_hint(name)))
        last = j
    return out
