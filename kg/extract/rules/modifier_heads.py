"""Names that only modify another noun: ``WordPiece tokens``, ``LDPC codes``, ``the AWGN
channel``, ``L2-weight decay``, ``the CDR-SB score``.

A name found only by its shape (CamelCase, capitals, digits) is a guess; the noun after
it says what it names. Before a noun of a thing that is no model
(``kg/data/rules/non_model_heads.txt``: tokens, codes, channels, scores, tests,
libraries, sensors, tasks, GPUs, …) the name is that thing's kind — an encoding, a code family, a
clinical score, a library — and it is vetoed for the entry. Names other evidence
supports (a gazetteer, a cue, a title, a dataset context) are left alone; a defined
acronym is only a name, not a model, so "the Calinski-Harabasz (CH) score" is vetoed
too.

Chinese writes the noun right after the name, without a space (``Protobuf格式``,
``OpenSSL库``, ``TFLite文件``: ``kg/data/rules/non_model_heads_zh.txt``); a model kind noun
that starts the same way (``kind_frame_nouns_zh.txt``: ``编码器`` after ``编码``) wins.

A plural kind noun after the name says nothing either way: "CBQA models" are a class
(closed-book QA), "RePAQ models" the paper's own model trained several times.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.rules.guesses import guessed_models
from kg.extract.vocab import phrases, words

NAME = "modifier"


def find(ctx: Context, prior=()) -> list[Candidate]:
    heads = words("non_model_heads")
    n = len(ctx.words)
    out = []
    for e in guessed_models(prior):
        for a, b in e.spans:
            i, j = ctx.tok_at.get(a), ctx.end_at.get(b)
            # "… (CH) score": the noun after a defined short form's bracket.
            if j is not None and j + 1 < n and ctx.words[j] in (")", "]") and not ctx.ws[j - 1]:
                j += 1
            if j is not None and _zh_head(ctx.text, b):
                out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
                break
            if i is None or j is None or j >= n or not ctx.ws[j - 1] or ctx.sent[j] != ctx.sent[i]:
                continue
            if ctx.lower[j] in heads:
                out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
                break
    return out


def _zh_head(text: str, b: int) -> bool:
    """A Chinese noun of no model starts right at ``b`` ("Protobuf格式"), and no model
    kind noun does ("X编码器")."""
    rest = text[b : b + 8]
    if not rest or not ("\u4e00" <= rest[0] <= "\u9fff"):
        return False
    if any(rest.startswith(k) for k in phrases("kind_frame_nouns_zh")):
        return False
    return any(rest.startswith(h) for h in phrases("non_model_heads_zh"))
