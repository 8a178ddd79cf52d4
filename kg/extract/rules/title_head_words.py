"""Whether a title head's plain capitalised words coin a name or only make a phrase: a
coined head ("Visual Anagrams: …", :func:`coined`), a method's name ending in a method
head ("Attribute Descent", :func:`named_method`), a plural common noun closing a phrase
(:func:`plural_thing`), a verb of a claim (:func:`verb_form`) and a gloss in sentence
case (:func:`sentence_case`).

Split from :mod:`kg.extract.rules.title_head`, whose rules find the head; these tests
judge its words (and :mod:`kg.extract.rules.title_phrases` asks :func:`plural_thing`
of a title phrase's last word too).
"""
from __future__ import annotations

import re

from kg.extract.names import clause, generic
from kg.extract.rules.title_gloss import claim, gloss_head
from kg.extract.vocab import words

__all__ = ["SENTENCE_CASE_SHARE", "coined", "named_method", "plural_thing", "sentence_case", "verb_form"]


def plural_thing(word: str) -> bool:
    """``word`` closing a title phrase is a plural common noun ("Imperfect Verifiers",
    "Predictable Confabulations", "via Contrast Sets"): the phrase names a kind of thing
    or a finding, not a system — whose name ends in its own head ("… Networks",
    ``method_heads``, ``title_name_heads``) or in a singular. Acronym plurals ("LLMs")
    and words in -ss, -us, -ics, -is are no such plurals."""
    w = word.lower().split("-")[-1]
    return (word[:1].isupper() or word.islower()) and not any(c.isupper() for c in word[1:]) and len(w) > 3 \
        and w.endswith("s") and not w.endswith(("ss", "us", "ics", "is")) \
        and w not in words("method_heads") | words("title_name_heads")


def verb_form(word: str) -> bool:
    """``word`` reads as a verb of the third person ("Requires", "Is", "Matters"), not
    as a name's plural head or a word ending in -ss, -us, -ics."""
    w = word.lower()
    if w in ("is", "are", "was", "were"):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "ics", "is")) and (
        w not in words("method_heads") | words("title_name_heads"))


#: Share of a gloss's words written in lower case that makes a title sentence case.
SENTENCE_CASE_SHARE = 0.8


def sentence_case(gloss: str) -> bool:
    """The gloss after a head is written in sentence case: after its first word, its
    words are in lower case (acronyms and words after a colon aside), so a lower-case word
    in the head says nothing against a name."""
    ws = [x for x in re.findall(r"[A-Za-z][\w\-]*", gloss)[1:] if not x.isupper()]
    return len(ws) >= 3 and sum(x[0].islower() for x in ws) >= SENTENCE_CASE_SHARE * len(ws)


def coined(parts: list[str], gloss: str) -> bool:
    """"Visual Anagrams: Generating …": two or three plain capitalised words before the
    colon coin a name — unless they open with a stop or small word ("Against Political
    Polarization: …"), end in a task, a paradigm or an abstract noun ("Phase Continuity:
    …", "Model Science: …"), only describe a kind ("Diffusion Models: …"), or the gloss
    makes the paper a review (its subject is a field, not the paper's own name)."""
    low = [p.lower() for p in parts]
    small = words("title_small_words")
    if len(parts) > 3 or low[0] in words("stop_caps") or any(x in small for x in low) or clause(parts):
        return False  # "Probabilistic Assumptions Matter: …" is a claim
    last = low[-1].split("-")[-1]
    if last in words("task_heads") | words("non_name_heads") | words("paradigms") or generic(" ".join(parts)) \
            or " ".join(low) in words("paradigms"):
        return False
    if _ABSTRACT_NOUN.search(last):
        return False
    plain = words("generic_modifiers") | words("method_heads") | words("title_name_heads")
    if all(p in plain for x in low for p in x.split("-")):
        return False
    # The gloss's head phrase says the paper is a review ("A Survey", "A Comprehensive
    # Review of …"); a review word further on is the subject's ("the Missing Link
    # between Survey Sampling and …").
    reviews = words("title_words") - words("title_openers")
    return not any(w.lower() in reviews for w in gloss_head(gloss)) and not claim(gloss)


#: Abstract nouns name properties and fields, not systems ("Continuity", "Science").
_ABSTRACT_NOUN = re.compile(r"(?:ity|ness|ence|ance|ism)$")


def named_method(parts: list[str]) -> bool:
    """Several plain words that name a method or system: a method head last ("… Agent",
    "… Descent"), some word that does more than describe, no stop word first."""
    plain = words("generic_modifiers") | words("method_heads") | words("title_name_heads")
    low = [p.lower() for p in parts]
    return (low[-1] in words("method_heads") | words("system_heads") and low[0] not in words("stop_caps")
            and not all(x in plain or generic(x) for x in re.split(r"[-\s]+", " ".join(low))))
