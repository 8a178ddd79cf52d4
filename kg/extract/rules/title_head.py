"""``Name: what it does`` at the start of a title names the paper's contribution, and so
does a ``Name:`` label right before the title (``* EAMLP: "Beyond Self-attention: …"``)
and a whole title of a few capitalised words (``Generative Image Dynamics``)."""
from __future__ import annotations

import functools

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import clause, distinctive, generic, is_institution
from kg.extract.nlp import gazetteer
from kg.extract.vocab import words

NAME = "title"
# Later words may start in lower case when a capital follows in the word ("Deep sr-DDL").
# "MemGPT - Towards LLMs as Operating Systems": a spaced dash stands for the colon in
# titles written where a colon cannot go (file names, front matter).
# "Wanda:A Simple …", "FORGE:Fine-grained …": lists copied from PDFs lose the space after
# the colon; a capital right after it still opens the gloss.
# A dot followed by a digit stays inside a word: versions ("LLaDA 2.1: …", "Qwen2.5-VL: …").
_W = r"[\w\-]*(?:\.\d[\w\-]*)*(?:\+\+)?"  # "ViTPose++: …": the improved version's mark
# "Chain of Ideas: …": two capitalised words joined by "of" are one head.
_HEAD = re.compile(rf"^\s*([A-Z]{_W}(?:\s(?:[A-Z0-9]{_W}|[a-z]+-[A-Z]{_W})){{0,2}}|[A-Z][a-z]+\sof\s[A-Z][a-z]+)(?:\s*[:：](?:\s+|(?=[A-Z]))|\s[-–—]\s+)\S")
# "Proof of Time: A Benchmark for …": a head whose small words stand between capitalised
# ones; taken only where the gloss says the name is a benchmark or dataset.
_SMALL_WORD_HEAD = re.compile(r"^\s*([A-Z][\w\-]*(?:\s(?:[a-z]{1,4}|[A-Z][\w\-]*)){1,4})\s*[:：]\s+\S")


# "* EAMLP: "Beyond Self-attention: …"": a short name and a colon right before the
# title, on its line, label the paper by its model's name (awesome lists).
# "- ViT Det: 2203.16527. Exploring Plain …": the paper's arXiv id may stand between.
_LABEL = re.compile(r"(?:^|\n)[\s*\-•\d.)]*([A-Z0-9][\w\-.]*(?:\s[A-Za-z0-9][\w\-.]*){0,2})\s*[:：]\s*"
                    r"(?:(?:[aA]r[xX]iv:)?\d{4}\.\d{4,5}(?:v\d+)?[.,]?\s+)?[\"“'‘]?$")


def find(ctx: Context, prior=()) -> list[Candidate]:
    if ctx.title is None:
        return []
    return _head(ctx) + _label(ctx) + _gloss_kind(ctx) + _whole(ctx) + _copula(ctx) + _zh_head(ctx)


# "Alita：不靠人工预设，自己造工具", "华为诺亚发布ScaleNet：模型放大通用新范式": a Latin name
# right before a full-width colon and a Chinese gloss, opening the title or after Chinese
# text or a sentence's end.
_ZH_HEAD = re.compile(r"(?:^|(?<=[\u4e00-\u9fff！？。，、\s]))([A-Z][\w\-.]*(?:\s[A-Z0-9][\w\-.]*){0,2})\s*：\s*[\u4e00-\u9fff]")


def _zh_head(ctx: Context) -> list[Candidate]:
    """A Chinese title's ``Name：中文说明`` names what the paper (or the article about it)
    presents, like ``Name: gloss`` in English: a plain capitalised word is enough
    ("Alita"), but not a generic kind, a stop or title word, or an organisation."""
    if not ctx.has_cjk:
        return []
    t = ctx.text[ctx.title.start : ctx.title.end]
    m = _ZH_HEAD.search(t) if "：" in t else None
    if not m:
        return []
    name = m.group(1).rstrip(".")
    parts = name.split()
    if generic(name) or name.lower() in words("stop_caps") or is_institution(name) \
            or any(p.lower() in words("title_words") for p in parts) \
            or (len(parts) > 1 and not any(distinctive(p) for p in parts)):
        return []
    a = ctx.title.start + m.start(1)
    known = gazetteer().known(name)
    return [Candidate(a, a + len(name), known[1] if known else name, NAME, known[0] if known else "MODEL",
                      known=bool(known), proposed=True, yields=NEVER)]


# "Living-Harness Is an Interactive-Agent Evolver": a title that says what its subject is.
_COPULA = re.compile(r"^\s*([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)\s+Is\s+(?:an?|the)\s+[A-Z]")


def _copula(ctx: Context) -> list[Candidate]:
    """"Living-Harness Is an Interactive-Agent Evolver": a hyphenated name opening a title
    that says what it is names the paper's contribution, like a head before a colon."""
    t = ctx.text[ctx.title.start : ctx.title.end]
    m = _COPULA.match(t)
    if not m:
        return []
    name = m.group(1)
    parts = re.split(r"-", name.lower())
    plain = words("generic_modifiers") | words("method_heads") | words("prefix_words")
    if generic(name) or all(p in plain for p in parts) or gazetteer().known(name):
        return []
    a = ctx.title.start + m.start(1)
    return [Candidate(a, a + len(name), name, NAME, "MODEL", proposed=True, yields=NEVER)]


def _whole(ctx: Context) -> list[Candidate]:
    """"Generative Image Dynamics": a whole title of two or three capitalised words, no
    verb or small word among them, is the name of what the paper introduces (annotation
    guidelines, "models from titles"), with the filters of a coined head (:func:`_coined`).
    One name-shaped word is the shape rule's; a known name the gazetteer's."""
    t = ctx.text[ctx.title.start : ctx.title.end].strip()
    parts = t.split()
    # "Layer normalization": a reference list writes the same short title in sentence case.
    if not (2 <= len(parts) <= 3) or not re.fullmatch(r"[A-Z][A-Za-z\-]*", parts[0]) or not (
            all(re.fullmatch(r"[A-Z][A-Za-z\-]*", p) for p in parts[1:])
            or all(re.fullmatch(r"[a-z][a-z\-]*", p) for p in parts[1:])):
        return []
    if any(distinctive(p) for p in parts) or gazetteer().known(t) or not _coined(parts, ""):
        return []
    # "Meta-Learning Requires Meta-Augmentation", "Scale Is All": a word in the -s form
    # before the last is the verb of a claim, and the title a sentence, not a name.
    if any(_verb_form(p) for p in parts[1:-1]):
        return []
    # "Imperfect Verifiers", "Zorblax Tricks": a plural common noun last names a kind of
    # thing; a system's name ends in its own head ("… Networks") or a singular.
    if plural_thing(parts[-1]):
        return []
    a = ctx.title.start + ctx.text[ctx.title.start : ctx.title.end].index(parts[0])
    return [Candidate(a, a + len(t), t, NAME, "MODEL", proposed=True, yields=NEVER, covers=True)]


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


def _verb_form(word: str) -> bool:
    """``word`` reads as a verb of the third person ("Requires", "Is", "Matters"), not
    as a name's plural head or a word ending in -ss, -us, -ics."""
    w = word.lower()
    if w in ("is", "are", "was", "were"):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "ics", "is")) and (
        w not in words("method_heads") | words("title_name_heads"))


def _gloss_kind(ctx: Context) -> list[Candidate]:
    """"Swin Transformer: Hierarchical Vision Transformer using …", "LTX-Video: Realtime
    Video Latent Diffusion": a known model closing the gloss's first noun phrase is what
    the head's name is (a kind, annotation guidelines), not a model the paper uses — a
    veto, unless the entry names it outside its title too."""
    t = ctx.text[ctx.title.start : ctx.title.end]
    m = _HEAD.match(t)
    if not m:
        return []
    gloss_at = ctx.title.start + m.end(1)
    gloss_at += len(ctx.text[gloss_at:]) - len(ctx.text[gloss_at:].lstrip(" :：-–—"))
    phrase = []
    for x in re.finditer(r"[\w\-]+|\S", ctx.text[gloss_at : ctx.title.end]):
        if x.group().lower() in _GLOSS_STOP or not x.group()[:1].isupper():
            break
        phrase.append(x)
    gaz = gazetteer()
    for size in (3, 2, 1):
        # The whole phrase is the gloss's name, not a modified kind; and more than two
        # words before it make a clause ("Masked Self-Distillation Advances Contrastive
        # Language-Image Pretraining"), not modifiers.
        if not 1 <= len(phrase) - size <= 2:
            continue
        tail = phrase[-size:]
        a, b = gloss_at + tail[0].start(), gloss_at + tail[-1].end()
        known = gaz.known(ctx.text[a:b])
        if not known or known[0] != "MODEL":
            continue
        rest = ctx.text[: ctx.title.start] + ctx.text[ctx.title.end :]
        if any(re.search(re.escape(x), rest, re.I) for x in (ctx.text[a:b].rstrip("s"), known[1])):
            return []
        return [Candidate(a, b, known[1], NAME, GENERIC, yields=NEVER)]
    return []


def _label(ctx: Context) -> list[Candidate]:
    before = ctx.text[max(0, ctx.title.start - 60) : ctx.title.start]
    m = _LABEL.search(before)
    if not m:
        return []
    name = m.group(1)
    parts = name.split()
    # "Anthropic: "A General Language Assistant …"": a list may label a paper by its lab.
    if generic(name) or name.lower() in words("stop_caps") or any(p.lower() in words("title_words") for p in parts) \
            or is_institution(name):
        return []
    if len(parts) > 1 and not any(distinctive(p) for p in parts):
        return []
    a = ctx.title.start - len(before) + m.start(1)
    known = gazetteer().known(name)
    t = ctx.text[ctx.title.start : ctx.title.end]
    label = known[0] if known else (_kind_of_gloss(re.sub(r"^[^:：]*[:：]", "", t)) or "MODEL")
    return [Candidate(a, a + len(name), known[1] if known else name, NAME, label, known=bool(known), proposed=True,
                      yields=NEVER)]


# "Batch normalization: Accelerating deep network training …": reference lists copy
# titles in sentence case, so a head of plain words has only its first capitalised.
_SENTENCE_HEAD = re.compile(r"^\s*([A-Z][a-z]+(?:\s[a-z][a-z\-]*){1,2})\s*[:：]\s+\S")
#: Share of a gloss's words written in lower case that makes a title sentence case.
SENTENCE_CASE_SHARE = 0.8


def _sentence_case(gloss: str) -> bool:
    """The gloss after a head is written in sentence case: after its first word, its
    words are in lower case (acronyms and words after a colon aside), so a lower-case word
    in the head says nothing against a name."""
    ws = [x for x in re.findall(r"[A-Za-z][\w\-]*", gloss)[1:] if not x.isupper()]
    return len(ws) >= 3 and sum(x[0].islower() for x in ws) >= SENTENCE_CASE_SHARE * len(ws)


def _head(ctx: Context) -> list[Candidate]:
    t = ctx.text[ctx.title.start : ctx.title.end]
    m = _HEAD.match(t)
    sentence = False
    if not m:
        m = _SENTENCE_HEAD.match(t)
        if not m or not _sentence_case(t[m.end(1):]):
            return _small_word_head(ctx, t)
        sentence = True
    name = m.group(1)
    parts = name.split()
    # "Batch normalization: Accelerating …" names a method by its head; a sentence-case
    # head of other words is a catchphrase ("Gender shades: Intersectional …", "Phantom
    # menace: Exploring …"): with its capitals gone, only the head can tell.
    if sentence and not _named_method(parts):
        return []
    # Multi-word heads need a name-shaped word ("GPT-4 Technical Report: …" no,
    # "Deep Learning: A Survey" no); one word may be a plain capitalised name
    # ("Pythia: A Suite …") unless it is a title word ("Survey: …").
    if generic(name) or any(p.lower() in words("title_words") for p in parts):
        return []
    # "Spatial Memory Agent: Experience-Grounded …": plain capitalised words ending in a
    # method head name a system too, unless every word only describes ("Graph Neural
    # Networks: …", "Deep Models: …").
    # "Knowledge Distillation: …", "Bayesian Optimization: …": a paradigm is no name,
    # whatever head it ends in.
    if " ".join(parts).lower() in words("paradigms"):
        return []
    of_name = len(parts) == 3 and parts[1] == "of"  # "Chain of Ideas: …", "Proof of Time: …"
    if len(parts) > 1 and not of_name and not any(distinctive(p) for p in parts) and not _named_method(parts) \
            and not _coined(parts, t[m.end(1):]):
        return []
    # "Evaluating CLIP: Towards …", "Scaling ViT: …": a clause about a model, not a name.
    if len(parts) > 1 and re.fullmatch(r"[A-Z][a-z]{3,}ing", parts[0]):
        return []
    a = ctx.title.start + m.start(1)
    known = gazetteer().known(name)
    gloss_kind = None
    if known:
        label = known[0]
    else:
        gloss_kind = _kind_of_gloss(t[m.end(1):])
        # "Attribute Descent: Simulating … Datasets": a name headed by a method noun is a
        # method whatever data the gloss mentions.
        label = gloss_kind or ("MODEL" if parts[-1].lower() in words("method_heads") else None) or (
            "DATASET" if re.search(r"bench|dataset|corpus", t, re.I) and not re.search(r"model|network|method", t, re.I) else "MODEL")
    return [Candidate(a, a + len(name), known[1] if known else name, NAME, label, known=bool(known), proposed=True, yields=NEVER,
                      force_label=gloss_kind is not None,
                      # "Deep sr-DDL: …": a several-word head is one name; the shape inside is part of it
                      covers=len(parts) > 1 and not known)]


def _small_word_head(ctx: Context, t: str) -> list[Candidate]:
    """"Proof of Time: A Benchmark for Evaluating …", "Needle in a Haystack: A Test of
    …": capitalised words joined by small words name what the gloss's head noun says
    is a benchmark or dataset. Other glosses leave such a head a phrase ("Learning to
    Rank: …")."""
    m = _SMALL_WORD_HEAD.match(t)
    if not m:
        return []
    parts = m.group(1).split()
    small = words("title_small_words")
    # "Counting from Sky: A Dataset for …": a gerund first makes the head a clause.
    if re.fullmatch(r"[A-Z][a-z]{3,}ing", parts[0]) or not parts[-1][:1].isupper() or any(p[:1].islower() and p not in small for p in parts) \
            or not any(p in small for p in parts) or generic(m.group(1)) \
            or parts[0].lower() in words("stop_caps") | small | words("title_openers") \
            or any(p.lower() in words("title_words") for p in parts):
        return []
    if _kind_of_gloss(t[m.end(1):].lstrip(" :：")) != "DATASET":
        return []
    a = ctx.title.start + m.start(1)
    name = m.group(1)
    return [Candidate(a, a + len(name), name, NAME, "DATASET", proposed=True, yields=NEVER, force_label=True, covers=True)]


def _coined(parts: list[str], gloss: str) -> bool:
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
    return not any(w.lower() in reviews for w in _gloss_head(gloss)) and not _claim(gloss)


#: Words of a gloss read for its verb: a claim states it early.
CLAIM_WORDS = 8


def _claim(gloss: str) -> bool:
    """The gloss is a sentence ("Large Language Models May Talk Causality …"): an
    auxiliary or copula (``kg/data/rules/claim_auxiliaries.txt``) after its first word,
    among its first words. Then the head before it is the claim's catchphrase ("Causal
    Parrots"), not the name of what the paper built."""
    ws = re.findall(r"[A-Za-z][\w'’\-]*", gloss)[:CLAIM_WORDS]
    aux = words("claim_auxiliaries")
    return any(w.lower().replace("’", "'") in aux for w in ws[1:])


def _gloss_head(gloss: str) -> list[str]:
    """The words of a gloss up to its first preposition or joiner ("A Survey" of "A
    Survey of Zorbs", "the Missing Link" of "the Missing Link between …")."""
    out = []
    for x in re.findall(r"[\w\-]+|[,—;]", gloss):
        if x.lower() in _GLOSS_STOP or x in (",", "—", ";"):
            break
        out.append(x)
    return out


#: Abstract nouns name properties and fields, not systems ("Continuity", "Science").
_ABSTRACT_NOUN = re.compile(r"(?:ity|ness|ence|ance|ism)$")


def _named_method(parts: list[str]) -> bool:
    """Several plain words that name a method or system: a method head last ("… Agent",
    "… Descent"), some word that does more than describe, no stop word first."""
    plain = words("generic_modifiers") | words("method_heads") | words("title_name_heads")
    low = [p.lower() for p in parts]
    return (low[-1] in words("method_heads") | words("system_heads") and low[0] not in words("stop_caps")
            and not all(x in plain or generic(x) for x in re.split(r"[-\s]+", " ".join(low))))


_GLOSS_STOP = frozenset(("for", "of", "with", "to", "in", "on", "via", "that", "from", "towards", "toward", "using", "by", "and",
                         "between", "across", "beyond", "under", "over", "into", "at", ",", "—", "-"))


def _kind_of_gloss(gloss: str) -> str | None:
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
                and n + 1 < len(words_) and words_[n + 1][:1].isupper() and words_[n + 1].lower() not in _GLOSS_STOP:
            continue
        if x.lower() in _GLOSS_STOP:
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
