"""Descriptive names in titles: ``Sliced Recursive Transformer``, ``Geometry Uncertainty
Projection Network for …``, ``… with Attentive Independent Mechanisms``.

A title phrase that names the architecture or method the paper introduces is a name
even in a descriptive form (annotation guidelines, "models from titles"): a run of
capitalised words that opens the title or follows "with"/"using"/"via", and ends in a
method head noun (``Network``, ``Transformer``, ``Mechanisms``). It is the paper's own.
Phrases made only of descriptive words and heads ("Large Language Models", "Deep
Neural Networks") describe a kind, and an indefinite phrase ("A Simple Kernel for …")
names nothing. Words before a known model's name make a name of their own ("Double
Q-learning", "Depth-Adaptive Transformer"): the known name is not taken from inside it.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, TO_GAZETTEER, Candidate
from kg.extract.context import Context
from kg.extract.names import clause, generic, is_institution
from kg.extract.nlp import WORD, gazetteer
from kg.extract.rules.title_head_words import plural_thing
from kg.extract.vocab import words

NAME = "title"
#: Words that let a name phrase start after them inside a title.
_OPENERS = frozenset(("with", "using", "via", "through"))
MIN_WORDS, MAX_WORDS = 2, 6


def _run(ctx: Context, i: int, end: int) -> int:
    """End (exclusive) of the run of capitalised words from token ``i``; lower-case parts
    glued by a hyphen belong to it ("Densely-connected", "Non-Parametric")."""
    w, j = ctx.words, i
    while j < end and ctx.kinds[j] == WORD and w[j][:1].isupper() and w[j].isalpha():
        j += 1
        while j + 1 < end and w[j] == "-" and not ctx.ws[j - 1] and not ctx.ws[j] and ctx.kinds[j + 1] == WORD:
            j += 2
    return j


#: Prepositions after a title's opening phrase that say what the phrase is for.
_AFTER_OPENING = frozenset(("for", "in", "with", "against"))
#: Words after which a title's closing capitalised phrase is the method it works by.
_BY = frozenset(("via", "through", "using"))


def _method_tail(ctx: Context, start: int, end: int) -> list[Candidate]:
    """"Data Selection for Language Models via Importance Resampling", "Causal Delivery
    through Hybrid Buffering": a title with no "Name:" head that ends in "via/through/
    using" and two or more capitalised words names its method there — unless those
    words are a kind ("using Landmark Guided GANs"), a task ("via Intent Reasoning"),
    descriptive words only ("through Large Language Models"), a usage ("using
    Uncertainty-based Data Selection"), metrics or built on a known model."""
    # "AutoGen - Enabling … via Multi-Agent Conversation": a head before a colon or a
    # spaced dash names the contribution; the tail is how it works.
    if any(ctx.words[k] in (":", "：") or (ctx.words[k] in ("-", "–", "—") and ctx.ws[k] and ctx.ws[k - 1])
           for k in range(start + 1, end)):
        return []
    k = end - 1
    while k > start and ctx.kinds[k] == WORD and ctx.words[k][:1].isupper() or (k > start and ctx.words[k] == "-"):
        k -= 1
    if k <= start or ctx.lower[k] not in _BY | {"with"}:
        return []
    i, j = k + 1, end
    names = [x for x in ctx.words[i:j] if x != "-"]
    if not (MIN_WORDS <= len(names) <= MAX_WORDS):
        return []
    # "… Decoding with Speculative Sampling", "… with Elastic Weight Consolidation": after
    # "with" a title more often ends in the tool it works with ("with Large Language
    # Models"), so only a technique head makes the closing phrase the method itself.
    if ctx.lower[k] == "with" and names[-1].lower() not in words("title_technique_heads"):
        return []
    low = [p for x in names for p in x.lower().split("-")]
    plain = words("title_name_heads") | words("method_heads") | words("generic_modifiers")
    last = names[-1]
    # "via Contrast Sets", "via Partial Dependence Plots": a plural common noun last is the
    # kind of thing the method works with, not its name.
    if low[-1] in words("task_heads") or generic(last) or all(p in plain for p in low) or plural_thing(last):
        return []
    not_names = words("suffix_words") | words("model_suffixes") | words("stop_caps") | words("metric_nouns")
    if any(p in not_names for p in low):
        return []
    # "via Mamba Empowered Graph Neural Network Precoding": a phrase built on a known model
    # describes its use.
    if any(i <= m.i < j for m in ctx.matches):
        return []
    text = ctx.stext(i, j)
    if gazetteer().known(text) or generic(text) or is_institution(text) or _paradigm(text):
        return []
    a, b = ctx.span(i, j)
    return [Candidate(a, b, text, NAME, "MODEL", proposed=True, yields=TO_GAZETTEER)]


def _paradigm(text: str) -> bool:
    """``text`` is a paradigm of paradigms.txt, written with spaces or hyphens."""
    low = text.lower()
    return low in words("paradigms") or low.replace("-", " ") in words("paradigms")


def _after_clause_head(ctx: Context, start: int, k: int) -> bool:
    """Token ``k`` opens the subtitle after a head that is a clause, not a name
    ("Learned in Translation: Contextualized Word Vectors"): a small word written in
    lower case inside the head says so, and the subtitle then names the method."""
    if k - 1 <= start or ctx.words[k - 1] not in (":", "："):
        return False
    small = words("title_small_words")
    return any(ctx.words[x].islower() and ctx.lower[x] in small for x in range(start + 1, k - 1))


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None:
        return []
    start, end = ctx.tok_at.get(ctx.title.start), ctx.end_at.get(ctx.title.end)
    if start is None or end is None:
        return []
    # "Video Transformers: A Survey": a review's subject is not the paper's own name. A
    # question or programme word ("Towards …", "When …") does so only where it opens the
    # title: after a colon it opens the subtitle ("Adversarial Score Distillation: When …").
    openers = words("title_openers")
    first = next((k for k in range(start, end) if ctx.kinds[k] == WORD), start)
    if ctx.lower[first] in openers or any(
            ctx.lower[k] in words("title_words") - openers for k in range(start, end)):
        return []
    heads = words("title_name_heads")
    plain = heads | words("method_heads") | words("generic_modifiers")
    gaz = gazetteer()
    out = _method_tail(ctx, start, end)
    k = start
    while k < end:
        if ctx.kinds[k] != WORD or not (k == start or ctx.lower[k - 1] in _OPENERS or _after_clause_head(ctx, start, k)):
            k += 1
            continue
        i, j = k, _run(ctx, k, end)
        k = max(j, k + 1)
        names = [x for x in ctx.words[i:j] if x != "-"]
        if not (MIN_WORDS <= len(names) <= MAX_WORDS):
            continue
        # "Deep Recurrent Q-Learning", "Double Q-learning": words before a known model
        # make a name of its own, and the known name inside it is part of it.
        tail = next((m for m in ctx.matches if m.j == j and i < m.i and m.label == "MODEL"), None)
        if tail is None:
            # "Multimodal Chain-of-Thought Reasoning in …": a task word after the known
            # name is what the name is for; the name ends with the known one.
            tail = next((m for m in ctx.matches if i < m.i and m.j < j and m.label == "MODEL"
                         and all(ctx.lower[x] in words("task_heads") for x in range(m.j, j))), None)
            if tail is not None:
                j = tail.j
                names = [x for x in ctx.words[i:j] if x != "-"]
        # "Dynamic Chunking for …", "On-Policy Delta Distillation for …": a title's
        # opening phrase may end in a technique head too, before the preposition that
        # says what it is for.
        opening = i == start and j < end and ctx.lower[j] in _AFTER_OPENING
        if names[-1].lower() not in heads and not (opening and names[-1].lower() in words("title_technique_heads")) and tail is None:
            continue
        low = [x.lower() for x in names]
        if low[0] in words("indefinite_words") or low[0] in words("stop_caps"):
            # "A Unified Efficient Pyramid Transformer for …": an indefinite description
            # names nothing, and the family name is not taken from inside it either —
            # unless the entry mentions that family elsewhere.
            if tail is not None and i + 1 < tail.i and not any(m.name == tail.name and m is not tail for m in ctx.matches):
                out.append(Candidate(tail.a, tail.b, tail.name, NAME, GENERIC, yields=NEVER))
            continue
        if any(x in words("title_words") for x in low) or clause(names):
            continue  # a review's words, or a claim ("Domain Features Outperform Transformers")
        if any(x[:1].isupper() and x.lower() in words("title_small_words") for x in names[1:]):
            continue  # "Calibration Collapse Under Sycophancy Fine-tuning": a capitalised preposition joins two phrases
        if low[0].endswith("ing") or low[0] in words("size_words"):
            continue  # "Adapting Pretrained ASR Models", "Two Linear Layers": a clause or a count
        parts = [p for x in low for p in x.split("-")]
        if tail is None and all(p in plain for p in parts):
            continue  # "Large Language Models": a kind, not a name
        text = ctx.stext(i, j)
        # Known names are the gazetteer's; organisations, kinds and paradigms ("Data-
        # Augmentation for …", "Structural Pruning for …") are no names.
        if gaz.known(text) or generic(text) or is_institution(text) or _paradigm(text):
            continue
        a, b = ctx.span(i, j)
        if tail is not None:
            out.append(Candidate(a, b, text, NAME, "MODEL", proposed=True, yields=NEVER, covers=True))
        else:
            out.append(Candidate(a, b, text, NAME, "MODEL", proposed=True, yields=TO_GAZETTEER))
    return out
