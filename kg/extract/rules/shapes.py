"""Name shapes: a token compound shaped like a name — CamelCase inside a word
(``HighMMT``, ``SimCTG``), an acronym with a digit (``MO2``, ``CC3M``), or a hyphenated
compound holding one of those (``CMU-MOSI``, ``mgo-T5``)."""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import DOTTED_VERSION, Context
from kg.extract.names import distinctive, family, generic, is_institution, label_hint
from kg.extract.nlp import WORD, gazetteer
from kg.extract.org_spans import is_org_shaped
from kg.extract.vocab import words

NAME = "shape"
_SECTION = re.compile(r"[A-Z]\.\d{1,2}(?:\.\d{1,2})*")
_BARE_ACRONYM = re.compile(r"[A-Z]{2,3}s?")
_HINT = re.compile(r"[A-Z0-9]")
_HANDLE = re.compile(r"[a-z]{4,}\d{1,4}")
_PARTICIPLE = re.compile(r"^[A-Za-z][a-z]{3,}ed$")  # Synthesized, guided, pretrained
_KIND_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z]")
_BENCH_TAILS = frozenset(("Bench", "Benchmark", "Suite", "Corpus", "Dataset", "Arena", "Gym"))
_NON_LETTER = re.compile(r"[^A-Za-z]")
_NORM_COMPOUND = re.compile(r"[Ll][0-9]-[a-z]+")
_GLUED_PARTICIPLE = re.compile(r"[A-Z][A-Za-z]+?([A-Z][a-z]+ed)")
#: Lower-case words with an index at the end: a variable, a label or a key ("var1",
#: "num2", "figure1", "eq.1", "aff1", "fp32", "rdgrp-f23"), not a name; a year keeps a
#: corpus's name ("semeval2010"), a digit inside makes one ("set2set", "context2vec").
_INDEXED_WORD = re.compile(r"[a-z]+(?:[.\-_][a-z]+)*[.\-_]?\d{1,3}")


#: Words an organisation's name may run on with after its first word ("CISPA Helmholtz
#: Center for Information Security"), and how many words it may take.
_ORG_JOINERS = frozenset(("for", "of", "and", "&", "on"))
ORG_WORDS_AFTER = 6


def _heads_organisation(ctx: Context, i: int, j: int) -> bool:
    """Tokens ``i:j`` open an organisation's name written out after them ("CISPA
    Helmholtz Center for Information Security" in an institute column a layout did not
    mark): the acronym is the organisation's, not a model."""
    w, n = ctx.words, len(ctx.words)
    k, words_seen, caps = j, 0, 0
    while k < n and ctx.ws[k - 1] and ctx.kinds[k] == WORD and words_seen < ORG_WORDS_AFTER and (
            w[k][:1].isupper() or (caps and w[k].lower() in _ORG_JOINERS)):
        caps += w[k][:1].isupper()
        k, words_seen = k + 1, words_seen + 1
    while k > j and not w[k - 1][:1].isupper():
        k -= 1  # a name ends on a capitalised word, not on "for"
    return caps > 0 and is_org_shaped(ctx.stext(i, k))


def _headed_version(ctx: Context, v: int) -> bool:
    """A bare version number of one or two digits (token ``v - 1``) that closes a list
    item's name: before its date in brackets or a dash ("TRELLIS 2 (2512) — …",
    "Zorb 3 – a …"). In prose a bare number after a name is as often a count."""
    w, n = ctx.words, len(ctx.words)
    if not re.fullmatch(r"\d{1,2}", w[v - 1]) or v >= n or not ctx.ws[v - 1]:
        return False
    if w[v] in ("—", "–"):
        return True
    return w[v] == "(" and v + 2 < n and re.fullmatch(r"\d{4}(?:\.\d{1,2})?", w[v + 1]) is not None and w[v + 2] == ")"


def find(ctx: Context, prior=()) -> list[Candidate]:
    gaz = gazetteer()
    w, ws, n = ctx.words, ctx.ws, len(ctx.words)
    suffixes = words("suffix_words")
    out = []
    for i, j in ctx.compounds:
        # Every name shape holds a capital or a digit: most compounds are plain words.
        if j == i + 1 and not _HINT.search(w[i]):
            continue
        # "RNN-based", "CLIP-guided", "CNN-Based", "LLM-synthesized": cut usage suffixes
        # (listed words, and participles) off the compound.
        while j - i >= 3 and w[j - 2] in ("-", "_") and (ctx.lower[j - 1] in suffixes or _PARTICIPLE.match(w[j - 1])):
            j -= 2
        # "text-to-SQL", "image-to-3D": a task written as a compound, not a name.
        if w[i][:1].islower() and "to" in w[i:j]:
            continue
        # "ViTPose++", "SmoothQuant+", "PS+": a glued "++" or closing "+" marks an
        # improved version, part of the name.
        if (k := ctx.improved_mark_end(j)) is not None:
            j = k
        text = ctx.stext(i, j)
        if not distinctive(text):
            continue
        # "BERT BASE", "T5 LARGE": a size word written in capitals (after its model, or
        # alone in a table of sizes) is a size, never a name of its own.
        if j == i + 1 and ctx.lower[i] in words("size_words"):
            continue
        # "AnomalyBased", "LLMGuided": a usage participle glued on (a lost hyphen), not a
        # coined name.
        if (m := _GLUED_PARTICIPLE.fullmatch(text)) and m.group(1).lower() in suffixes:
            continue
        if i > 0 and w[i - 1] in ("$", "\\", "%") and not ws[i - 1]:
            continue  # $HOME, \textsc, %PATH%: variables and markup, not names
        if _INDEXED_WORD.fullmatch(text) and not gaz.known(text):
            continue
        if is_institution(text) or _heads_organisation(ctx, i, j):  # OpenAI, DeepMind: organisations, not models
            continue
        # "(rishikksh20)", "@user2024": lower-case letters with a number tacked on, alone
        # in brackets or after an @, are user names (code links credit their authors);
        # in prose the shape names corpora too ("semeval2010").
        if _HANDLE.fullmatch(text) and i > 0 and w[i - 1] in ("(", "[", "@") and j < n and w[j] in (")", "]", "") \
                and not gaz.known(text):
            continue
        # A bare acronym of two or three capitals that the entry neither defines nor
        # introduces ("UE", "BN", "CT") is far more often jargon than a name.
        if _BARE_ACRONYM.fullmatch(text) and not gaz.known(text):
            continue
        # "LANGUAGE AGENT TREE SEARCH …": in a line written in capitals every word
        # looks like an acronym; only known names count there.
        if ctx.shouted(i, j) and not gaz.known(text):
            continue
        # "BASE layers", "MoE layers": an acronym naming a kind of layer/network.
        if j < n and _KIND_ACRONYM.fullmatch(text) and not gaz.known(text) and (
            (ws[j - 1] and w[j] in ("layers", "networks", "blocks", "modules")) or (not ws[j - 1] and w[j] == "层")
        ):
            a, b = ctx.span(i, j + 1)
            out.append(Candidate(a, b, text + " " + ("Layers" if w[j] == "层" else w[j].capitalize()), NAME, "MODEL"))
            continue
        # "A.1 Dataset splits": an appendix section's number starts a heading; it is no name.
        if _SECTION.fullmatch(text):
            continue
        # "OPT-IML Bench", "Atari 100k Suite": a trailing capitalised benchmark word
        # belongs to the name.
        if j + 1 < n and ws[j - 1] and w[j] in _BENCH_TAILS:
            j += 1
            text = ctx.stext(i, j)
        if generic(text) or len(_NON_LETTER.sub("", text)) < 2:
            continue
        # "L2-regularization", "L1-norm": a norm's order before a lower-case word is the
        # technique or quantity, no name.
        if _NORM_COMPOUND.fullmatch(text):
            continue
        # "LLaDA 2.1", "Dream-X 1.0": a spaced version number after a name shape is part of
        # the name (a new version is a model of its own), as for the gazetteer's known names;
        # a count ("ResNet 50 layers") is no version (Context.version_after), nor is an
        # arXiv id ("MAPO 2604.06777"): a version is short.
        if (v := ctx.version_after(j)) and (DOTTED_VERSION.fullmatch(w[v - 1]) or _headed_version(ctx, v)):
            j = v
            text = ctx.stext(i, j)
        a, b = ctx.span(i, j)
        known = gaz.known(text) or gaz.known(family(text))
        # "ViT-B/16", "Swin-T", "ConvNeXt-L": a size letter glued to a known model is
        # that model's size variant (annotation guidelines: it belongs to the family).
        stem, _, size = text.rpartition("-")
        if not known and stem and size.lower() in words("size_letters"):
            k = gaz.known(stem)
            known = k if k and k[0] == "MODEL" else None
        if known:
            out.append(Candidate(a, b, known[1], "gazetteer", known[0], known=True))
        else:
            out.append(Candidate(a, b, text, NAME, label_hint(text)))
    return out
