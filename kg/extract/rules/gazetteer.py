"""Known names: the gazetteer matches the context already holds (PhraseMatcher on
``LOWER``/``ORTH`` over the curated and catalog pattern files, names with a version,
names written with extra spaces).

A known name written in lower case and in the plural ("cross-modal transformers") is the
kind of model, not the named one. A match that is a lower-case hashtag (``#mixup`` in
"[AlignMix](…) #mixup #nlp") is a topic tag on the item, not a mention of the name
(annotation guidelines: tags are not names); a name written as it is spelt (``#GPT3``)
still is one (rules.social).
"""
from __future__ import annotations

from kg.extract.candidate import TO_LONG_FORMS, Candidate
from kg.extract.context import Context

NAME = "gazetteer"
_MARKS = ("#", "＃")


def _topic_tag(ctx: Context, a: int, b: int) -> bool:
    """Characters ``a:b`` are a lower-case tag glued to a hash mark."""
    text = ctx.text[a:b]
    return a > 0 and ctx.text[a - 1] in _MARKS and text == text.lower() and (a < 2 or not ctx.text[a - 2].isalnum())


def _kind_plural(ctx: Context, a: int, b: int, name: str) -> bool:
    """"cross-modal transformers", "scaling laws for transformers": a known name written
    in lower case and in the plural is the kind of model, not the named one."""
    text = ctx.text[a:b]
    return text == text.lower() and text.endswith("s") and text[:-1] == name.lower()


def _common_phrase(ctx: Context, a: int, b: int, name: str) -> bool:
    """"trained with stochastic gradient descent", "decoded by beam search", "a kalman
    filter": a known method of several words written all in lower case is the technique
    named as a common noun, not a mention of the name (in the corpora of paper text such
    mentions are not annotated; written as a name, "Beam Search:", it is one). A
    name whose own form is lower case ("word2vec") is not at issue, nor is an identifier
    with a digit ("gpt-4", "gpt-3.5-turbo" as an API writes them): no common noun has one."""
    text = ctx.text[a:b]
    return (text == text.lower() and name != name.lower() and any("a" <= c <= "z" for c in text)
            and len(text.replace("-", " ").split()) >= 2 and not any(c.isdigit() for c in text))


def find(ctx: Context, prior=()) -> list[Candidate]:
    # A known name spelt inside a defined acronym's long form is part of that long form.
    return [Candidate(m.a, m.b, m.name, m.rule, m.label, known=m.known, yields=TO_LONG_FORMS, claims=True)
            for m in ctx.matches if not _topic_tag(ctx, m.a, m.b) and not _kind_plural(ctx, m.a, m.b, m.name)
            and not _common_phrase(ctx, m.a, m.b, m.name)]
