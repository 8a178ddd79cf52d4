"""``Name: what it does`` at the start of a title names the paper's contribution, and so
does a ``Name:`` label right before the title (``* EAMLP: "Beyond Self-attention: …"``)
and a whole title of a few capitalised words (``Generative Image Dynamics``).

This module holds the rule: the shapes of a head, a label and a whole title, and the
candidates they make. Reading the gloss after the colon is
:mod:`kg.extract.rules.title_gloss`; judging whether the head's plain words coin a name
is :mod:`kg.extract.rules.title_head_words`."""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive, generic, is_institution
from kg.extract.nlp import gazetteer
from kg.extract.rules.title_gloss import GLOSS_STOP, kind_of_gloss
from kg.extract.rules.title_head_words import coined, named_method, plural_thing, sentence_case, verb_form
from kg.extract.vocab import phrases, words

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
    label = known[0] if known else _zh_gloss_kind(t[m.end(1):].lstrip(" ：:"))
    return [Candidate(a, a + len(name), known[1] if known else name, NAME, label,
                      known=bool(known), proposed=True, yields=NEVER, force_label=not known and label == "DATASET")]


#: What ends a Chinese gloss's first phrase.
_ZH_GLOSS_END = re.compile(r"[，。；！？,;!?（(]")


def _zh_gloss_kind(gloss: str) -> str:
    """The kind a Chinese gloss gives the name before its colon: a benchmark when its
    phrase ends in a dataset noun ("大模型长文本推理评测基准", "首个中文医疗对话语料库",
    ``dataset_words_zh``) or opens with a verb of measuring ("评测智能体的网页操作能力",
    ``benchmark_gloss_verbs_zh``) and does not end in a method's kind ("…的新方法"); a
    model otherwise ("受操作系统启发的大上下文LLM")."""
    phrase = _ZH_GLOSS_END.split(gloss.strip(), 1)[0].strip()
    if phrase.endswith(phrases("model_kinds_zh")):
        return "MODEL"
    if phrase.endswith(phrases("dataset_words_zh")) or phrase.startswith(phrases("benchmark_gloss_verbs_zh")):
        return "DATASET"
    return "MODEL"


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
    guidelines, "models from titles"), with the filters of a coined head
    (:func:`~kg.extract.rules.title_head_words.coined`).
    One name-shaped word is the shape rule's; a known name the gazetteer's."""
    t = ctx.text[ctx.title.start : ctx.title.end].strip()
    parts = t.split()
    # "Layer normalization": a reference list writes the same short title in sentence case.
    if not (2 <= len(parts) <= 3) or not re.fullmatch(r"[A-Z][A-Za-z\-]*", parts[0]) or not (
            all(re.fullmatch(r"[A-Z][A-Za-z\-]*", p) for p in parts[1:])
            or all(re.fullmatch(r"[a-z][a-z\-]*", p) for p in parts[1:])):
        return []
    if any(distinctive(p) for p in parts) or gazetteer().known(t) or not coined(parts, ""):
        return []
    # "Meta-Learning Requires Meta-Augmentation", "Scale Is All": a word in the -s form
    # before the last is the verb of a claim, and the title a sentence, not a name.
    if any(verb_form(p) for p in parts[1:-1]):
        return []
    # "Imperfect Verifiers", "Zorblax Tricks": a plural common noun last names a kind of
    # thing; a system's name ends in its own head ("… Networks") or a singular.
    if plural_thing(parts[-1]):
        return []
    a = ctx.title.start + ctx.text[ctx.title.start : ctx.title.end].index(parts[0])
    return [Candidate(a, a + len(t), t, NAME, "MODEL", proposed=True, yields=NEVER, covers=True)]


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
        if x.group().lower() in GLOSS_STOP or not x.group()[:1].isupper():
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
    label = known[0] if known else (kind_of_gloss(re.sub(r"^[^:：]*[:：]", "", t)) or "MODEL")
    return [Candidate(a, a + len(name), known[1] if known else name, NAME, label, known=bool(known), proposed=True,
                      yields=NEVER)]


# "Batch normalization: Accelerating deep network training …": reference lists copy
# titles in sentence case, so a head of plain words has only its first capitalised.
_SENTENCE_HEAD = re.compile(r"^\s*([A-Z][a-z]+(?:\s[a-z][a-z\-]*){1,2})\s*[:：]\s+\S")

def _head(ctx: Context) -> list[Candidate]:
    t = ctx.text[ctx.title.start : ctx.title.end]
    m = _HEAD.match(t)
    sentence = False
    if not m:
        m = _SENTENCE_HEAD.match(t)
        if not m or not sentence_case(t[m.end(1):]):
            return _small_word_head(ctx, t)
        sentence = True
    name = m.group(1)
    parts = name.split()
    # "Batch normalization: Accelerating …" names a method by its head; a sentence-case
    # head of other words is a catchphrase ("Gender shades: Intersectional …", "Phantom
    # menace: Exploring …"): with its capitals gone, only the head can tell.
    if sentence and not named_method(parts):
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
    if len(parts) > 1 and not of_name and not any(distinctive(p) for p in parts) and not named_method(parts) \
            and not coined(parts, t[m.end(1):]):
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
        gloss_kind = kind_of_gloss(t[m.end(1):])
        # "Attribute Descent: Simulating … Datasets": a name headed by a method noun is a
        # method whatever data the gloss mentions.
        label = gloss_kind or ("MODEL" if parts[-1].lower() in words("method_heads") or _verb_led(t[m.end(1):]) else None) or (
            "DATASET" if re.search(r"bench|dataset|corpus", t, re.I) and not re.search(r"model|network|method", t, re.I) else "MODEL")
    return [Candidate(a, a + len(name), known[1] if known else name, NAME, label, known=bool(known), proposed=True, yields=NEVER,
                      force_label=gloss_kind is not None,
                      # "Deep sr-DDL: …": a several-word head is one name; the shape inside is part of it
                      covers=len(parts) > 1 and not known)]


def _verb_led(gloss: str) -> bool:
    """"Zorbnet: Learning Robust Features from Noisy Datasets": a gloss led by a verb
    other than a benchmark's (:func:`~kg.extract.rules.title_gloss.kind_of_gloss` has
    read those) says what the named thing does, so a data word in its object ("…
    Datasets", "Rethinking Benchmark Contamination") is what it works on, not its kind."""
    return re.match(r"[\s:：\-–—]*[A-Z][a-z]{3,}ing\b", gloss) is not None


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
    if kind_of_gloss(t[m.end(1):].lstrip(" :：")) != "DATASET":
        return []
    a = ctx.title.start + m.start(1)
    name = m.group(1)
    return [Candidate(a, a + len(name), name, NAME, "DATASET", proposed=True, yields=NEVER, force_label=True, covers=True)]
