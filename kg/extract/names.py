"""What a name looks like: shape tests shared by the rules, the merge and typing.

Pure functions of a string (cached: the same names recur across entries), so a rule
and the merge always agree on what is generic, distinctive or the same name.
"""
from __future__ import annotations

import functools
import re

from kg.extract.nlp import _squash, gazetteer, generic_terms
from kg.extract.vocab import phrases, words
from kg.resolve import institutions, model_family

__all__ = ["CAMEL", "ACRO", "NUMBER_UNIT", "EXPERT_SIZE", "CJK_RE", "clause", "distinctive", "family", "generic", "initials_match",
           "is_institution",
           "label_hint", "name_key", "singular", "squash", "tuned_checkpoint"]

squash = _squash
CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]{2,}")  # HighMMT, SimCTG, DeBERTa, GFlowNets
ACRO = re.compile(r"^[A-Z][A-Z0-9]*[A-Z0-9]$")  # NSGD, MO2, CC3M, BTCV
HAS_DIGIT_ALPHA = re.compile(r"(?=.*[A-Za-z])(?=.*\d)")
#: A dimension or count glued before an acronym of three capitals or more ("4DGS",
#: "2DSCN"): the short form a definition may give ("4D Gaussian Splatting (4DGS)"). Not
#: a name shape on its own (:func:`distinctive`): undefined, such words are as often
#: jargon ("3DCNN") — measured on GSAP-NER's held-out split.
DIGIT_ACRONYM = re.compile(r"\d[A-Z]{3,}s?")
#: A mixture-of-experts size (``8x7B``: eight experts of seven billion parameters).
EXPERT_SIZE = re.compile(r"^\d+x\d+(?:\.\d+)?[BbMmTt]$")
_EXPERT_TAIL = re.compile(r"[-_ ]\d+x\d+(?:\.\d+)?[BbMmTt]$")
NUMBER_UNIT = re.compile(r"^\d+(?:\.\d+)?[KkMmBbTtGg%x]?$|^\d+(?:st|nd|rd|th|D|d)$")
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Number formats (INT8, FP16) and hardware (A100, V100) look like names but are not.
# "8xA100": eight GPUs; "L40S", "A10G": GPUs with a letter tail; "RTX4090", "GTX1080", "MI300X": more GPUs; "E4M3": an FP8 layout; "W4A8KV4": bit widths of
# weights, activations and KV cache in a quantisation setting.
_FORMAT_SHAPES = re.compile(r"^(?:INT|FP|BF|UINT|TF)\d+$|^E\dM\d$|^(?:\d+x)?(?:[A-Z]|RTX|GTX|MI)\d{2,4}[A-Z]?(?:-(?:SXM\d?|PCIe|NVL|\d+GB))*s?$|^W\d{1,2}A\d{1,2}(?:KV\d{1,2})?$")
# arXiv category codes as digests tag entries (cs.CL, stat.ML, arXiv_CV).
# Citation keys as papers and BibTeX write them ("Gal2015", "Zhou2023LanguageAT",
# "ahn2016neural", "MelisDB17", "Xu2016", "YuM17", "zaremba-arxiv2015"): a surname with a year (and a title word or the
# co-authors' initials) points at a paper, it does not name a model or dataset.
_CITATION_KEY = re.compile(r"^[A-Za-z][a-z]+(?:19|20)\d{2}(?:[a-z]+|[A-Z][A-Za-z]*)?$|^[A-Z][a-z]+[A-Z]{1,6}\d{2}$"
                           r"|^[a-z]+-arxiv(?:19|20)\d{2}$")
# Surnames with a Scottish/Irish prefix ("McAllister", "MacKay") look CamelCase but
# name people (author lists, BibTeX fields), not models.
_SURNAME = re.compile(r"^Ma?c[A-Z][a-z]{2,}$")
_CATEGORY_CODE = re.compile(r"^(?:cs|stat|eess|math|econ|physics|q-bio|q-fin|astro-ph|cond-mat)\.[A-Za-z]{2}$|^arXiv[_-][A-Z]{2}$")
# Compiled once: these run for every new name, and ``re.split(pattern, …)`` pays a
# cache lookup of its own on each call.
_GLUE_SPLIT = re.compile(r"[-_+]")
_KIND_SPLIT = re.compile(r"[-_/+]")
_HEAD_SPLIT = re.compile(r"[-_]")
_LANG_SPLIT = re.compile(r"[-/ ]|(?<=[a-z])(?=[A-Z])")
_CAP_WORD = re.compile(r"[A-Z][A-Za-z]+")
_NUMBER_PREFIX = re.compile(r"^\d+(?:\.\d+)?-?")
_SCORE_TAILS = frozenset(("score", "scores", "measure"))
_SPLIT_VERSION = re.compile(r"v?\d+(?:\.\d+)*")
_PREFIXED = re.compile(r"[a-z]{1,2}-?([A-Z][A-Za-z]+)")
_SIZE_NUMBER = re.compile(r"\d+(?:\.\d+)?[KkMmBb]?")


@functools.cache
def _venue_re() -> re.Pattern:
    alts = "|".join(re.escape(v) for v in sorted(phrases("venues"), key=lambda v: (-len(v), v)))
    # "EMNLP'23", "ICLR’24": a list's tag may elide the year's century.
    return re.compile(rf"^(?:{alts})(?:[-\s]?['’]?\d{{2,4}})?$", re.I)


@functools.cache
def _glued_label_re() -> re.Pattern:
    alts = "|".join(re.escape(v) for v in sorted(words("glued_labels"), key=lambda v: (-len(v), v)))
    # "ShowGiven", "AbstractWe": a block label glued to the capitalised first word of its
    # text; "…Net"/"…Former" tails are coined names ("ShowNet"), not glued words.
    # "ShowNon-invasive", "ShowWEASEL": the glued word may be hyphenated or in capitals
    # (three or more: "ShowUI" is a model's name), or be one letter ("ShowA novel …").
    return re.compile(rf"^(?:{alts})(?:[A-Z][a-z]+(?<!Net)(?<!Former)|[A-Z]{{3,}}|[A-Z](?=\s|$))(?:\s|$|-)")


@functools.lru_cache(maxsize=65536)
def distinctive(text: str) -> bool:
    """Shaped like a name on its own: CamelCase inside a word, an acronym, letters with
    digits, or a capitalised word with a size/version number glued on."""
    parts = _GLUE_SPLIT.split(text)
    # "WebVid-2M", "Kinetics-400", "LAION-400M": a capitalised word with a size/version
    # number glued on is a name.
    if len(parts) >= 2 and _CAP_WORD.fullmatch(parts[0]) and (
        _SIZE_NUMBER.fullmatch(parts[-1]) or EXPERT_SIZE.match(parts[-1])
    ):
        return True
    for p in parts:
        if not p or NUMBER_UNIT.match(p):
            continue
        if (CAMEL.search(p) and len(p) >= 3) or (ACRO.match(p) and len(p) >= 2) or (HAS_DIGIT_ALPHA.match(p) and p[0].isalpha() and len(p) >= 2):
            return True
    return False


@functools.lru_cache(maxsize=65536)
def generic(name: str) -> bool:
    """A generic kind (CNN, ROUGE-L), a metric, a page tag, a category code, a number
    format, a venue or an unknown citation key: never a model or dataset name."""
    g = generic_terms()
    k = name.casefold()
    if k in g or k.rstrip("s") in g or _squash(name) in g:
        return True
    head, _, tail = k.partition("-")
    # ROUGE-L, BLEU-4, F1-Score: a generic term with a short tail or a score word is that term
    if tail and head in g and (len(tail) <= 2 or tail in _SCORE_TAILS):
        return True
    parts = _KIND_SPLIT.split(k)
    if len(parts) > 1 and all(p in g for p in parts):  # CNN-RNN, GNN/MLP: kinds joined are a kind
        return True
    if len(parts) == 2 and parts[0] in words("kind_modifiers") and parts[1] in g:  # all-MLP, Fully-MLP
        return True
    # "ReLU Networks", "LSTM models": a generic term heading a kind noun is a kind too.
    sp = k.split()
    if len(sp) == 2 and sp[0] in g and (sp[1] in words("model_kinds") or sp[1] + "s" in words("model_kinds")):
        return True
    # "Process Reward Model", "Large Reasoning Models": a kind spelled out in capitals,
    # whose initials are a generic kind (PRM, LRM), is that kind; a known name stays.
    if _spelled_kind(name, g) and not gazetteer().known(name):
        return True
    # "human-AI collaboration", "multi-GPU": a generic acronym glued to a word written in
    # lower case is a compound adjective; a capitalised word makes a name ("LLM-Blender").
    raw = _KIND_SPLIT.split(name)
    if len(raw) > 1 and any(p in g for p in parts) and any(r.isalpha() and r.islower() for r in raw) \
            and all(p in g or (r.isalpha() and r.islower()) for p, r in zip(parts, raw)):
        return True
    # "non-S3D modules", "pre-BERT": a lower-case prefix before a name makes no new name
    # (kg/data/rules/prefix_words.txt; "self-conditioning", all in lower case, is a
    # technique and stays); "two-step", "three-stage": a lower-case count compound is a
    # number of things (count_words.txt), never a name.
    if len(raw) > 1 and raw[0].isalpha() and raw[0].islower() and (
            (raw[0] in words("prefix_words") and not name.islower())
            or (name.islower() and raw[0] in _count_words())):
        return True
    if _glued_label_re().match(name[:1].lower() + name[1:]):
        return True
    # "LLM-Centric", "KDE-based", "Decision-Aligned", "GPT-2sized": a last word joined by a
    # hyphen to an adjective or participle of use is a compound modifier of the noun after
    # it, not a name (kg/data/rules/modifier_tails.txt); a known name keeps its spelling.
    last = name.rsplit(None, 1)[-1] if name.strip() else name
    if "-" in last and last.rsplit("-", 1)[1].lstrip("0123456789").lower() in words("modifier_tails") \
            and not gazetteer().known(name):
        return True
    # "Chinese-to-English", "Urdu-English", "English": languages and language pairs
    # are what a corpus is in, not corpora.
    # "Ancient Greek", "Modern Standard Arabic": a period, standard or script of a language
    # is that language.
    langs = words("languages")
    mods = words("language_modifiers")
    if k in langs or (len(lp := [p.lower() for p in _LANG_SPLIT.split(name) if p.lower() != "to"]) > 1
                      and all(p in langs or p in mods for p in lp) and any(p in langs for p in lp)):
        return True
    if k in words("metrics") or k in words("page_tags") or k in words("tech_terms"):
        return True
    # "rFID", "gFID", "mBLEU": a metric with a one- or two-letter prefix is a variant of it.
    if (m := _PREFIXED.fullmatch(name)) and (m.group(1).lower() in words("metric_stems")
                                              or m.group(1)[-1] == "s" and m.group(1)[:-1].lower() in words("metric_stems")):
        return True
    # "Train-v0", "Test-2", "Dev-1.1": a split with a version or a number labels a part of
    # some data, not a system (kg/data/rules/split_words.txt).
    if tail and head in words("split_words") and _SPLIT_VERSION.fullmatch(tail):
        return True
    # "825 GiB", "10GiB", "2 TFLOPs", "6-DOF": a unit, with or without its number.
    if _NUMBER_PREFIX.sub("", k) in words("units"):
        return True
    # Shapes that are usually no names (a citation key, a GPU "A100") still are when
    # the gazetteer knows them ("C51", the distributional RL algorithm).
    if (_CITATION_KEY.match(name) or _FORMAT_SHAPES.match(name)) and not gazetteer().known(name):
        return True
    if _CATEGORY_CODE.match(name) or (_SURNAME.match(name) and not gazetteer().known(name)):
        return True
    # A shared task's data carries its venue's name ("CoNLL-2003"): a known name is no venue.
    venue = bool(_venue_re().match(name)) or _squash(name) in _squashed_venues()
    return venue and not gazetteer().known(name)


@functools.cache
def _count_words() -> frozenset[str]:
    # count_words.txt lines are "word value"; only the words are wanted here.
    return frozenset(line.split()[0].casefold() for line in phrases("count_words"))


_SPELLED_WORDS = re.compile(r"[\s-]+")


def _spelled_kind(name: str, g: frozenset[str]) -> bool:
    """Two to four capitalised words ending in a kind noun of models (``spelled_kind_heads``)
    whose initials are a generic term: "Large Language Model" (LLM)."""
    parts = _SPELLED_WORDS.split(name.strip())
    if not 2 <= len(parts) <= 4 or not all(p[:1].isupper() and p.isalpha() for p in parts):
        return False
    if parts[-1].lower() not in words("spelled_kind_heads"):
        return False
    return "".join(p[0] for p in parts).lower() in g


@functools.cache
def _squashed_venues() -> frozenset[str]:
    # Reference lists glue a venue's words when they are copied from PDFs ("arXivpreprint").
    return frozenset(_squash(v) for v in phrases("venues"))


def clause(parts: list[str]) -> bool:
    """Capitalised title words that make a claim, not a name: a verb of
    ``clause_verbs`` after the first word, in its plain form after a plural noun
    ("Probabilistic Assumptions Matter", "Domain Features Outperform Transformers") or in
    its -s form ("Pruning Beats Distillation"). "Dark Matter" stays a name: no plural
    noun before the plain form."""
    verbs = words("clause_verbs")
    low = [p.lower() for p in parts]
    for k in range(1, len(low)):
        if low[k] not in verbs:
            continue
        if low[k].endswith("s") and low[k][:-1] in verbs:
            return True
        prev = low[k - 1]
        if prev.endswith("s") and not prev.endswith(("ss", "us", "is")):
            return True
    return False


@functools.lru_cache(maxsize=65536)
def is_institution(text: str) -> bool:
    """An organisation's name (OpenAI, DeepMind): never a model or dataset. Cached: the
    institution lookup normalises and may fuzzy-match, and names recur across entries."""
    return institutions().is_known(text)


def initials_match(acr: str, words: list[str]) -> bool:
    """Loose acronym check: the acronym's letters appear, in order, as word initials or
    capitals of the long form (``NSGD`` ← Normalized Stochastic Gradient Descent,
    ``MO2`` ← Model-Based Offline Options, ``DFME`` ← Dynamic Facial Micro-expressions)."""
    letters = [c.lower() for c in acr if c.isalpha()]
    caps = []
    for w in words:
        for part in re.split(r"[-_]", w):
            if part:
                caps.append(part[0].lower())
                caps += [c.lower() for c in part[1:] if c.isupper()]
    def spelt(letters: list[str]) -> bool:
        it = iter(caps)
        return len(letters) >= 2 and all(any(c == x for x in it) for c in letters)

    if spelt(letters):
        return True
    # "XGBoost" ← eXtreme Gradient Boosting, "DeBERTa": in a mixed-case acronym the
    # capitals are the initials; the lower-case letters finish a word.
    # An acronym is shorter than what it abbreviates ("MemGPT (Memory-GPT)" is no
    # definition of "Memory-GPT").
    upper = [c.lower() for c in acr if c.isupper()]
    longer = sum(c.isalpha() for w in words for c in w) > len(letters)
    return len(upper) >= 2 and upper != letters and any(c.islower() for c in acr) and longer and spelt(upper)


_CLASS_COUNT = re.compile(r"^([A-Z][A-Za-z]*[A-Za-z])(\d{2,3})$")
_YEAR_TAIL = re.compile(r"(?:[-_ ]|[A-Za-z])(?:19[89]\d|20[0-4]\d)$")
# "…Bench", "…Corpus", "PropBank"/"CCGbank" (treebanks), "WebVid-2M"-like sizes.
_DATASET_SHAPE = re.compile(r"bench(mark)?$|dataset$|corpus$|(?<=[A-Za-z])bank$|[-_]?\d+(?:\.\d+)?[KkM]$", re.I)


@functools.lru_cache(maxsize=65536)
def label_hint(name: str) -> str:
    """First guess of a name's kind from the name alone; the typing pass revises new
    names from their contexts once every mention is known."""
    gaz = gazetteer()
    known = gaz.known(name)
    if known:
        return known[0]
    if _DATASET_SHAPE.search(name) and not name[:1].isdigit():
        return "DATASET"
    # Benchmarks and challenges carry their year ("VisDA-2017", "DFUC2021").
    if _YEAR_TAIL.search(name):
        return "DATASET"
    # Letters and a two- or three-digit count of classes ("ABC100", "UCF101") name a
    # benchmark, unless the letters are a known model family ("ResNet50", "VGG16").
    m = _CLASS_COUNT.match(name)
    if m and (gaz.known(m.group(1)) or ("DATASET", ""))[0] == "DATASET":
        return "DATASET"
    # A variant of a known dataset ("ImageNet-LT", "COCO-Stuff") is a dataset.
    head = _HEAD_SPLIT.split(name, maxsplit=1)[0]
    if head != name and (gaz.known(head) or ("", ""))[0] == "DATASET":
        return "DATASET"
    return "MODEL"


#: Tuning and release tags after a size ("Qwen2.5-7B-Instruct", "Llama-2-7b-chat-hf",
#: "Mistral-7B-v0.3"): the checkpoint of a sized variant, so of the family too.
_TUNED_TAIL = re.compile(
    r"([-_ ](?:\d+x)?\d+(?:\.\d+)?[BbMm])(?:[-_ ](?:instruct|chat|it|base|hf|sft|dpo|rlhf|v\d+(?:\.\d+)*))+$", re.I)


def tuned_checkpoint(name: str) -> bool:
    """A sized checkpoint with a capitalised tuning tag ("Qwen2.5-7B-Instruct"): one
    entity with its family, but reported as written — the tag makes it a release of
    its own, not a size variant (annotation guidelines fold sizes only)."""
    m = _TUNED_TAIL.search(name)
    # A capitalised tag is the release's published name ("Qwen2.5-7B-Instruct"); a
    # lower-case one a repository id ("Llama-2-13b-chat-hf", "gemma-2-2b-it"), which
    # digests mean as the family.
    return m is not None and m.start() > 0 and name[m.end(1) + 1 : m.end(1) + 2].isupper()


@functools.lru_cache(maxsize=65536)  # pure; rules ask for the same names many times an entry and across entries
def family(name: str) -> str:
    """A model's family: :func:`kg.resolve.model_family` (``T5-XL`` → ``T5``, ``OPT
    (175B)`` → ``OPT``), also for mixture-of-experts sizes (``Mixtral-8x7B`` → ``Mixtral``)
    and for tuned checkpoints of a size (``Qwen2.5-7B-Instruct`` → ``Qwen2.5``)."""
    name = _TUNED_TAIL.sub(r"\1", name)
    return model_family(_EXPERT_TAIL.sub("", name).strip() or name)


@functools.lru_cache(maxsize=65536)
def name_key(name: str, label: str) -> str:
    """The key under which mentions of one entity are grouped: squashed, a model's
    size variants folded into its family, a plural folded into its singular
    ("GFlowNets", "Switch Transformers")."""
    k = _squash(family(name) if label == "MODEL" else name)
    return k[:-1] if len(k) > 3 and k.endswith("s") and not k.endswith("ss") and name[-1] == "s" else k


# An acronym with a plural "s" ("SCNs", "NPTs", "2DSCNs", "VAEs"): capitals and digits
# (a hyphen inside) with at least two capitals before a lower-case "s". A name with
# other lower-case letters ("GFlowNets", "V-MoEs") is a word of its own and is kept.
_PLURAL_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[0-9A-Z][0-9A-Z-]*[A-Z]s$")


def singular(name: str) -> str:
    """The name a plural acronym is the plural of: papers write "we propose Stochastic
    Configuration Networks (SCNs)" and then "SCNs outperform …", but the system is SCN.

    >>> singular("SCNs"), singular("2DSCNs"), singular("GFlowNets"), singular("ABS")
    ('SCN', '2DSCN', 'GFlowNets', 'ABS')
    """
    return name[:-1] if _PLURAL_ACRONYM.match(name) else name
