"""Reading a title's gloss: the words after its head's colon ("ToolQuest: *A Benchmark for
Agents*"). What kind the gloss gives the name (:func:`kind_of_gloss`), the gloss's head
phrase (:func:`gloss_head`) and whether it is a sentence, a claim, rather than a
description (:func:`claim`).

Split from :mod:`kg.extract.rules.title_head`, which reads the head before the colon:
these helpers only read the text after it and hold no rule of their own.
"""
from __future__ import annotations

import functools
import re

from kg.extract.vocab import words

__all__ = ["CLAIM_WORDS", "GLOSS_STOP", "claim", "gloss_head", "kind_of_gloss"]

#: Words of a gloss read for its verb: a claim states it early.
CLAIM_WORDS = 8


def claim(gloss: str) -> bool:
    """The gloss is a sentence ("Large Language Models May Talk Causality …"): an
    auxiliary or copula (``kg/data/rules/claim_auxiliaries.txt``) after its first word,
    among its first words. Then the head before it is the claim's catchphrase ("Causal
    Parrots"), not the name of what the paper built."""
    ws = re.findall(r"[A-Za-z][\w'’\-]*", gloss)[:CLAIM_WORDS]
    aux = words("claim_auxiliaries")
    return any(w.lower().replace("’", "'") in aux for w in ws[1:])


def gloss_head(gloss: str) -> list[str]:
    """The words of a gloss up to its first preposition or joiner ("A Survey" of "A
    Survey of Zorbs", "the Missing Link" of "the Missing Link between …")."""
    out = []
    for x in re.findall(r"[\w\-]+|[,—;]", gloss):
        if x.lower() in GLOSS_STOP or x in (",", "—", ";"):
            break
        out.append(x)
    return out


GLOSS_STOP = frozenset(("for", "of", "with", "to", "in", "on", "via", "that", "from", "towards", "toward", "using", "by", "and",
                         "between", "across", "beyond", "under", "over", "into", "at", ",", "—", "-"))


def kind_of_gloss(gloss: str) -> str | None:
    """The kind the gloss after the colon gives the name, by its head noun: "A Long
    Reasoning Benchmark for Large Language Models" is a benchmark whatever it is for,
    "A Dataset for …" a dataset. None when the head says nothing."""
    words_ = re.findall(r"[\w\-]+|[,—]", gloss)
    # "Towards a Comprehensive Evaluation of …": the opener leaves the gloss's head
    # phrase as it is; "How to Evaluate Long-Context Models …" asks what a benchmark does.
    if words_[:1] and words_[0].lower() in ("towards", "toward"):
        words_ = words_[1:]
    if [x.lower() for x in words_[:2]] == ["how", "to"] and words_[2:3] and _gerund(words_[2]) in words("benchmark_gloss_verbs"):
        return "DATASET"
    # "How Far Are VLMs from …?", "How Well Do LLMs …?": a question of degree asks how far
    # others get, and the named thing is what measures it (benchmark_gloss_questions.txt).
    if [x.lower() for x in words_[:1]] == ["how"] and len(words_) > 2 and words_[1].lower() in words(
            "benchmark_gloss_questions") and words_[2].lower() in words("claim_auxiliaries"):
        return "DATASET"
    # "Make Financial Numerical Reasoning More Multimodal, Comprehensive, and Challenging":
    # making a task harder is what a test of it does (benchmark_gloss_adjectives.txt).
    if words_ and words_[0].lower() in ("make", "making", "makes") and not words("benchmark_gloss_adjectives").isdisjoint(
            x.lower() for x in words_[1:]):
        return "DATASET"
    # "Simulating Object-Centric Datasets …": a gloss led by a verb says what the named
    # thing does; its object is not the name's kind. "CodeElo: Benchmarking Code
    # Generation …", "Zorb: Evaluating LLMs on …": a verb that only a benchmark does.
    if words_ and re.fullmatch(r"[A-Z][a-z]{3,}ing", words_[0]):
        # "ERM-MinMaxGAP: Benchmarking and Mitigating Gender Bias …": a second verb makes
        # the named thing a method that also measures.
        if words_[0].lower() in words("benchmark_gloss_verbs") and words_[1:2] != ["and"]:
            return "DATASET"
        return None
    head = None
    heads = _head_nouns()
    for n, x in enumerate(words_):
        # "A Large-Scale and Diverse Dataset", "A Multilingual, Multimodal Benchmark":
        # "and" or a comma between modifiers joins them, and the phrase goes on to its
        # head; after a head noun ("A Dataset and Benchmark for …") it joins two heads.
        if x.lower() in ("and", ",") and head is not None and head not in heads and _MODIFIER.search(head) \
                and n + 1 < len(words_) and words_[n + 1][:1].isupper() and words_[n + 1].lower() not in GLOSS_STOP:
            continue
        if x.lower() in GLOSS_STOP:
            break
        head = x.lower()
    if head is None:
        return None
    if head in words("dataset_words") or head in words("gloss_dataset_heads") or head.endswith("bench"):
        return "DATASET"
    if head in words("method_heads") or head in words("apposition_kinds"):
        return "MODEL"
    return None


#: Words shaped like modifiers: adjective endings, participles, hyphenated compounds
#: ("Omnidirectional", "Challenging", "Large-Scale"); "Data Contamination and Trustworthy
#: Evaluation" joins two noun phrases instead.
_MODIFIER = re.compile(r"(?:al|ic|ive|ous|able|ible|ful|less|ed|ing|ent|ant|ary|ory|ar|ile)$|-")


@functools.cache
def _head_nouns() -> frozenset[str]:
    """Nouns that head a gloss's phrase: after one, "and" joins a second head, not a
    modifier ("A Dataset and Benchmark for …")."""
    return words("dataset_words") | words("gloss_dataset_heads") | words("method_heads") | words("apposition_kinds")


def _gerund(verb: str) -> str:
    """"evaluate" → "evaluating", "benchmark" → "benchmarking" (the form the gloss-verb
    list holds)."""
    v = verb.lower()
    return (v[:-1] if v.endswith("e") and not v.endswith("ee") else v) + "ing"
