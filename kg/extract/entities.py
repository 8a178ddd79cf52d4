"""Models and datasets: gazetteer matches plus rules that find names never seen before.

Where a name comes from (``Mention.source``):

* ``gazetteer`` — a known model/dataset pattern (PhraseMatcher on ``LOWER``/``ORTH``);
* ``mt`` — a machine-translation alias in Chinese text (``变压器`` → Transformer);
* ``shape`` — a token compound shaped like a name: CamelCase inside a word
  (``HighMMT``, ``SimCTG``), an acronym with a digit (``MO2``, ``CC3M``), or a
  hyphenated compound holding one of those (``CMU-MOSI``, ``mgo-T5``);
* ``acronym`` — ``Title Case Long Form (ACR)`` or ``ACR (Title Case Long Form)``;
* ``cue`` — introduced by "called / dubbed / named / we propose X, a …", ``称为X``;
* ``title`` — ``Name: what it is`` at the start of a paper title.

Roles: a name is ``proposed`` when a contribution cue introduces it, when it heads the
title, or when it is new (not in the gazetteer) in an entry that states a contribution
and nothing marks it as someone else's (compared with, such as, outperforms …).
Everything else is ``used``.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.nlp import _squash, cue_matcher, gazetteer, generic_terms, get_nlp
from kg.records import Mention, Span
from kg.resolve import institutions, model_family
from kg.text import has_cjk, is_cjk

__all__ = ["find_entities", "Found"]

_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]{2,}")  # HighMMT, SimCTG, DeBERTa, GFlowNets
_ACRO = re.compile(r"^[A-Z][A-Z0-9]*[A-Z0-9]$")  # NSGD, MO2, CC3M, BTCV
_HAS_DIGIT_ALPHA = re.compile(r"(?=.*[A-Za-z])(?=.*\d)")
_NUMBER_UNIT = re.compile(r"^\d+(?:\.\d+)?[KkMmBbTtGg%x]?$|^\d+(?:st|nd|rd|th|D|d)$")
_STOP_SHAPES = re.compile(r"^(?:INT|FP|BF|UINT|TF|FP)\d+$|^[A-Z]\d{2,4}$|^(?:CVPR|ICCV|ECCV|NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|MICCAI|ICASSP|Interspeech|COLING|CoNLL|SemEval|WWW|WSDM|CIKM|ICRA|IROS|CoRL|RSS|UAI|AISTATS|COLT|ICDM|BMVC|WACV|ACCV|ECAI|TACL|TPAMI|JMLR|TMLR)(?:[-\s]?\d{2,4})?$", re.I)
_TASK_HEADS = {
    "generation", "detection", "recognition", "classification", "segmentation", "translation",
    "answering", "analysis", "estimation", "retrieval", "summarization", "summarisation",
    "prediction", "localization", "tracking", "captioning", "parsing", "understanding",
    "reasoning", "learning", "processing", "vision", "intelligence", "inference", "search",
    "planning", "control", "regression", "clustering", "completion", "alignment",
    "identification", "verification", "forecasting", "synthesis", "reconstruction",
    "labeling", "labelling", "tagging", "extraction", "matching", "editing", "modeling",
    "modelling", "quantization", "compression", "distillation", "pruning", "optimization",
    "adaptation", "generalization", "imitation", "cloning",
}
# Heads of Title-Case long forms that name quantities, problems or things, not methods
# ("Key Performance Indicators (KPIs)", "Unmanned Aerial Vehicles (UAVs)").
_NON_NAME_HEADS = {
    "indicator", "indicators", "metric", "metrics", "score", "scores", "rate", "rates", "ratio", "error", "errors",
    "index", "distance", "divergence", "function", "functions", "equation", "equations", "problem", "problems",
    "theorem", "principle", "condition", "conditions", "law", "effect", "effects", "phenomenon", "hypothesis",
    "property", "properties", "state", "states", "space", "spaces", "device", "devices", "vehicle", "vehicles",
    "disease", "diseases", "disorder", "syndrome", "system", "systems", "interface", "interfaces", "language",
    "languages", "protocol", "standard", "organization", "organisation", "agency", "association", "program",
    "programme", "unit", "units", "region", "regions", "domain", "domains", "setting", "settings", "scenario",
    "scenarios", "task", "tasks", "challenge", "competition", "conference", "workshop", "signal", "signals",
    "image", "images", "data", "records", "record", "report", "reports", "test", "tests", "assessment",
}
# Head nouns that make a Title-Case phrase a method/model name when no acronym defines it.
_METHOD_HEADS = {
    "transformer", "transformers", "network", "networks", "net", "bottleneck", "descent",
    "attention", "encoder", "decoder", "autoencoder", "mixer", "layer", "layers",
    "capsules", "machine", "machines", "optimizer", "algorithm", "framework", "model",
    "models", "experts", "tuning", "sampling", "training", "search", "embedding",
    "embeddings", "regularization", "dropout", "normalization", "pooling", "convolution",
    "convolutions", "kernel", "process", "processes", "flow", "flows", "field", "fields",
}
_DATASET_WORDS = {"dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora", "suite",
                  "database", "databases", "collection", "testbed", "leaderboard"}
_DATASET_ZH = ("数据集", "基准", "语料", "数据库", "测试集", "基准测试")
_USED_CUES = {
    "outperform", "outperforms", "outperforming", "outperformed", "than", "compared", "comparing",
    "such", "e.g", "including", "like", "baseline", "baselines", "vs", "versus", "existing",
    "previous", "prior", "over", "beats", "surpasses", "surpassing", "using", "use", "uses",
    "used", "adopt", "adopting", "based", "on", "with", "from", "of", "fine", "tuned", "finetunes",
    "finetune", "apply", "applying", "applied", "employ", "leverage", "leverages", "inspired", "by",
    "following", "follow", "extends", "extending", "extend", "improves", "improving", "improve", "variant",
    "variants", "version", "versions", "popular", "standard", "vanilla", "original", "classic", "conventional",
}
_USED_ZH = ("例如", "比如", "优于", "相比", "超过", "使用", "基于", "采用", "包括", "如")
_SIZE_WORDS = {"small", "base", "large", "xl", "xxl", "tiny", "mini", "medium", "huge", "giant", "lite", "nano", "micro"}
# Lower-case words glued after a name that say how it is used, not what it is called.
_SUFFIX_WORDS = {"based", "like", "style", "free", "aware", "driven", "guided", "specific", "level", "wise",
                 "only", "augmented", "enhanced", "pretrained", "trained", "tuned", "scale", "sized", "size",
                 "inspired", "powered", "generated", "labeled", "labelled", "type", "family", "series", "variant",
                 "variants", "model", "models", "encoder", "decoder", "layer", "layers", "block", "blocks", "head"}
_PREFIX_WORDS = {"pre", "non", "multi", "cross", "self", "semi", "post", "anti", "re", "co", "sub", "super", "vs"}
_ZH_MODEL_WORDS = ("模型", "架构", "体系结构", "网络", "结构", "层", "基线", "编码器", "解码器")
_LIST_SEPS = {",", "，", "、", "和", "与", "及", "以及", "或", "例如", "如", "and", "or"}
_LIST_JOINERS = {",", "，", "、", "和", "与", "及", "以及", "and", ", and", "or", ", or"}
_EVENT_WORDS = {"challenge", "challenges", "conference", "conferences", "workshop", "workshops", "competition",
                "competitions", "symposium", "track", "meeting", "summit", "hackathon"}
_OWN_WORDS = {"our", "proposed", "novel", "new", "we"}
_BLOCK_WORDS = {"outperform", "outperforms", "outperforming", "than", "compared", "comparing", "over", "such",
                "which", "that", "combines", "combining", "integrates", "integrating", "extends", "builds",
                "e.g", "including", "like", "vs", "versus", "using", "use", "uses", "based", "from", "on", "with",
                "by", "inspired", "via", "of", "applied", "to", "existing", "previous", "prior", "baseline",
                "baselines", "beyond", "against", "unlike", "upon", "into"}
_BLOCK_ZH = ("基于", "使用", "采用", "例如", "比如", "优于", "相比", "通过", "利用", "借助", "结合", "受到")
_TITLE_WORDS = {"survey", "review", "overview", "tutorial", "position", "introduction", "benchmarking", "towards",
                "toward", "beyond", "rethinking", "revisiting", "understanding", "why", "how", "what", "when", "where",
                "editorial", "perspective", "commentary", "analysis", "report", "note", "erratum", "correction",
                "keynote", "abstract", "preface", "appendix", "chapter", "part", "lecture", "interview", "opinion"}
_VERSION_FOLLOWERS = {"and", "or", "dataset", "datasets", "benchmark", "benchmarks", "model", "models", "on",
                      "with", "in", "to", "as", "for", "is", "are", "was", "which", "that", "by", "from", "at", "split",
                      "test", "val", "validation", "challenge", "leaderboard", "corpus", "suite", "task", "tasks"}
_STOP_CAPS = {"we", "our", "the", "a", "an", "in", "this", "these", "to", "for", "and", "of", "on",
              "with", "by", "from", "however", "moreover", "finally", "first", "second", "specifically"}


@dataclass
class Found:
    """One entity in an entry: every surface mention of it, its label and role."""

    name: str
    label: str  # MODEL | DATASET
    known: bool
    sources: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)
    proposed: bool = False
    first: int = 10**9
    aliases: set[str] = field(default_factory=set)  # keys of its other written forms

    def add(self, start: int, end: int, source: str) -> None:
        self.spans.append((start, end))
        self.sources.add(source)
        self.first = min(self.first, start)


_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NUM_RE = re.compile(r"^[+-]?\d[\d,.]*%?$")


class Tok:
    """A plain-Python token. The rules below look at every token many times; spaCy
    builds a new ``Token`` object on each access, so tokens are made once, straight from
    the tokenizer's words, which makes extraction several times faster."""

    __slots__ = ("text", "idx", "i", "whitespace_", "lower_", "is_alpha", "is_space", "like_num", "alnum", "sent_start")

    def __init__(self, text: str, idx: int, i: int, ws: bool) -> None:
        self.text = text
        self.idx = idx
        self.i = i
        self.whitespace_ = " " if ws else ""
        self.lower_ = text.lower()
        self.is_alpha = text.isalpha()
        self.is_space = text.isspace()
        if len(text) == 1 and "\u3400" <= text <= "\ufaff":  # one CJK character: the common case in Chinese
            self.like_num = self.alnum = False
        else:
            self.like_num = text[0].isdigit() and _NUM_RE.match(text) is not None
            self.alnum = not _CJK_RE.search(text) and (text.isalnum() or any(c.isalnum() for c in text))
        self.sent_start = 0


def _toks(doc: Doc) -> list[Tok]:
    out, idx = [], 0
    for i, (w, sp) in enumerate(zip(doc.user_data["kg_words"], doc.user_data["kg_spaces"])):
        out.append(Tok(w, idx, i, sp))
        idx += len(w) + (1 if sp else 0)
    return out




def _is_alnum(tok) -> bool:
    return tok.alnum


def _compounds(doc: Doc, allowed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Maximal runs of Latin/digit tokens glued by ``-``/``_``/``/`` with no whitespace
    (token index ranges), inside the allowed character regions."""
    out = []
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if not _is_alnum(t) or not _inside(t.idx, allowed):
            i += 1
            continue
        j = i + 1
        while j + 1 < n and doc[j - 1].whitespace_ == "" and doc[j].text in ("-", "_", "+") and doc[j].whitespace_ == "" and _is_alnum(doc[j + 1]):
            j += 2
        out.append((i, j))
        i = j
    return out


def _inside(idx: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= idx < b for a, b in regions)


@functools.lru_cache(maxsize=65536)
def _distinctive(text: str) -> bool:
    parts = re.split(r"[-_+]", text)
    # "WebVid-2M", "Kinetics-400", "LAION-400M": a capitalised word with a size/version
    # number glued on is a name.
    if len(parts) >= 2 and re.fullmatch(r"[A-Z][A-Za-z]+", parts[0]) and re.fullmatch(r"\d+(?:\.\d+)?[KkMmBb]?", parts[-1]):
        return True
    for p in parts:
        if not p or _NUMBER_UNIT.match(p):
            continue
        if (_CAMEL.search(p) and len(p) >= 3) or (_ACRO.match(p) and len(p) >= 2) or (_HAS_DIGIT_ALPHA.match(p) and p[0].isalpha() and len(p) >= 2):
            return True
    return False


@functools.lru_cache(maxsize=65536)
def _generic(name: str) -> bool:
    g = generic_terms()
    k = name.casefold()
    if k in g or k.rstrip("s") in g or _squash(name) in g:
        return True
    head, _, tail = k.partition("-")
    if tail and head in g and len(tail) <= 2:  # ROUGE-L, BLEU-4, F1-macro stays generic
        return True
    if _STOP_SHAPES.match(name):
        return True
    return False


def _sentences(doc: Doc) -> list[int]:
    """Sentence number of every token (split on . ! ? ; and their CJK forms)."""
    sid, out = 0, []
    for t in doc:
        out.append(sid)
        if t.text in ("。", "！", "？", "；", "!", "?", ";") or (t.text == "." and (t.whitespace_ or t.i + 1 == len(doc) or doc[t.i + 1].text.startswith("\n"))):
            sid += 1
        elif "\n" in t.text:
            sid += 1
    return out


def _initials_match(acr: str, words: list[str]) -> bool:
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
    it = iter(caps)
    return len(letters) >= 2 and all(any(c == x for x in it) for c in letters)


class _EntryScan:
    def __init__(self, text: str, regions: list[tuple[int, int]], title: Span | None):
        self.text = text
        nlp = get_nlp()
        breaks = tuple(sorted({x for r in regions for x in r}))
        self.spacy_doc = nlp.tokenizer(text, breaks)
        self.doc = _toks(self.spacy_doc)
        self.regions = regions
        self.title = title
        self.sent = _sentences(self.doc)
        self.tok_at = {t.idx: t.i for t in self.doc}
        self.end_at = {t.idx + len(t.text): t.i + 1 for t in self.doc}
        self._compound_cache: list[tuple[int, int]] | None = None
        self.taken = [False] * len(self.doc)  # tokens inside a gazetteer match
        self.longforms: list[tuple[int, int]] = []  # long forms of defined acronyms
        self.found: dict[str, Found] = {}
        self.generic_local: set[str] = set()
        self.gaz = gazetteer()
        self._ambiguous: list = []
        self.contribution = False
        self.cue_spans: list[tuple[str, int, int]] = []  # (kind, token start, token end)

    # -- bookkeeping --------------------------------------------------------------------
    def key(self, name: str, label: str) -> str:
        k = _squash(model_family(name) if label == "MODEL" else name)
        # Plurals are the same entity ("GFlowNets", "Switch Transformers").
        return k[:-1] if len(k) > 3 and k.endswith("s") and not k.endswith("ss") and name[-1] == "s" else k

    def add(self, name: str, label: str, known: bool, start: int, end: int, source: str) -> Found:
        k = self.key(name, label)
        f = self.found.get(k)
        if f is None:
            for other in self.found.values():  # same entity written as alias of another
                if k in other.aliases:
                    f = other
                    break
        if f is None:
            f = self.found[k] = Found(name=name, label=label, known=known)
            f.aliases.add(k)
        elif known and not f.known:
            f.name, f.label, f.known = name, label, True
        f.add(start, end, source)
        return f

    def alias(self, f: Found, name: str) -> None:
        f.aliases.add(self.key(name, f.label))

    def compounds(self) -> list[tuple[int, int]]:
        if self._compound_cache is None:
            self._compound_cache = _compounds(self.doc, self.regions)
        return self._compound_cache

    def stext(self, i: int, j: int) -> str:
        """The entry text covered by tokens ``i:j``."""
        if j <= i:
            return ""
        last = self.doc[j - 1]
        return self.text[self.doc[i].idx : last.idx + len(last.text)]

    def tok_span(self, i: int, j: int) -> tuple[int, int]:
        return self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1].text)

    # -- passes ---------------------------------------------------------------------------
    def run(self) -> list[Found]:
        self.cues()
        self.gazetteer_pass()
        self.definitions()
        self.shapes()
        self.named_by_cue()
        self.appositions()
        self.spaced_names()
        self.named_datasets()
        self.title_cases()
        self.ambiguous_in_lists()
        self.typos()
        self.list_members()
        self.title_head()
        self.short_references()
        self.labels()
        self.types_and_roles()
        out = [f for f in self.found.values()
               if not _generic(f.name) and _squash(f.name) not in self.generic_local and not self._is_event(f)]
        return sorted(out, key=lambda f: f.first)

    def cues(self) -> None:
        nlp_strings = self.spacy_doc.vocab.strings
        for mid, s, e in cue_matcher()(self.spacy_doc):
            kind = nlp_strings[mid]
            if kind == "AND_VERB":
                sent = self.sent[s]
                if not any(w.lower_ == "we" and self.sent[w.i] == sent for w in self.doc[max(0, s - 40) : s]):
                    continue
                kind, s = "WE_VERB", s + 1
            if _inside(self.doc[s].idx, self.regions):
                self.cue_spans.append((kind, s, e))
                if kind in ("WE_VERB", "ZH_WE"):
                    self.contribution = True

    def gazetteer_pass(self) -> None:
        from spacy.util import filter_spans

        hits = [h for h in self.gaz(self.spacy_doc) if _inside(self.doc[h.start].idx, self.regions)]
        spans = filter_spans([self.spacy_doc[h.start : h.end] for h in hits])
        keep = {(s.start, s.end) for s in spans}
        for h in hits:
            if (h.start, h.end) not in keep:
                continue
            if h.ambiguous:
                # An MT rendering that is also an everyday word (变压器 "power transformer",
                # 表演者 "performer") counts only where the text treats it as a model:
                # followed by a model word, or listed next to other names.
                after = "".join(t.text for t in self.doc[h.end : h.end + 4])
                if after.startswith(_ZH_MODEL_WORDS):
                    pass
                else:
                    self._ambiguous.append(h)
                    continue
            toks_text = self.stext(h.start, h.end)
            last = self.doc[h.end - 1]
            # A Latin pattern must not be part of a longer word run: "BERT" in "BERTScore"
            # is a different name; "BERT-based" is fine.
            if h.start > 0 and self.doc[h.start - 1].whitespace_ == "" and _is_alnum(self.doc[h.start - 1]) and not is_cjk(toks_text[0]):
                continue
            if h.end < len(self.doc) and last.whitespace_ == "" and _is_alnum(self.doc[h.end]) and not is_cjk(toks_text[-1]):
                if not re.match(r"^\d|^[sS]$", self.doc[h.end].text):
                    continue
            if not h.mt and self._glued_into_compound(h.start, h.end):
                continue
            a, b = self.tok_span(h.start, h.end)
            ver = self._version_after(h.end)
            if ver:
                # "DALL-E 3", "Argoverse 2", "DAVIS 2016": a version makes another name.
                name = self.text[a : self.tok_span(h.end, ver)[1]]
                known = self.gaz.known(name)
                self.add(known[1] if known else name, h.label, bool(known), a, self.tok_span(h.end, ver)[1], "gazetteer")
                for k in range(h.start, ver):
                    self.taken[k] = True
                continue
            self.add(h.id, h.label, True, a, b, "mt" if h.mt else "gazetteer")
            for k in range(h.start, h.end):
                self.taken[k] = True

    def _version_after(self, j: int) -> int | None:
        """End token of a version number right after a name (``… 3``, ``… 360``,
        ``… 2016``, ``… v2``, ``… 64x64``), or None. Sizes (``7B``) are not versions,
        and neither is a count of things ("DALL-E 3 times", "ResNet 50 layers")."""
        doc = self.doc
        if j + 1 < len(doc) and doc[j].text == "-" and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "" and re.fullmatch(r"\d{1,4}", doc[j + 1].text):
            return j + 2  # "DAVIS-2016", "Llama-3"
        if j >= len(doc) or doc[j - 1].whitespace_ != " ":
            return None
        t = doc[j].text
        if not re.fullmatch(r"(?:v?\d{1,4}(?:\.\d+)?|\d{2,4}x\d{2,4})", t, re.I):
            return None
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if nxt is not None and nxt.is_alpha and nxt.lower_ not in _VERSION_FOLLOWERS and not nxt.text[:1].isupper() and not _CJK_RE.match(nxt.text):
            return None
        if nxt is not None and nxt.text in ("%", "×", "x", "-"):
            return None
        return j + 1

    def _glued_into_compound(self, i: int, j: int) -> bool:
        """True when tokens ``i:j`` are hyphen-glued to another name part: ``mgo-T5``,
        ``ERNIE-M``, ``OPT-IML`` are names of their own, while ``T5-XL`` (a size),
        ``BERT-based`` (a suffix) and ``GPT-3`` (a version) are not new names."""
        doc = self.doc
        if i >= 2 and doc[i - 1].text in ("-", "_", "+") and doc[i - 2].whitespace_ == "" and doc[i - 1].whitespace_ == "" and _is_alnum(doc[i - 2]):
            if doc[i - 2].lower_ not in _PREFIX_WORDS:
                return True
        if j + 1 < len(doc) and doc[j].text in ("-", "_", "+") and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "" and _is_alnum(doc[j + 1]):
            nxt = doc[j + 1].text
            if doc[j].text == "+":
                return True
            if not (_NUMBER_UNIT.match(nxt) or nxt.lower() in _SIZE_WORDS or nxt.lower() in _SUFFIX_WORDS or nxt.isdigit() or re.fullmatch(r"v?\d+(\.\d+)*", nxt.lower())):
                return True
        return False

    def _is_event(self, f: "Found") -> bool:
        """Conferences and challenges as events ("the SimSurgSkill 2021 challenge",
        "a sub-challenge of EndoVis") are neither models nor datasets."""
        if f.known:
            return False
        tok_at, end_at = self.tok_at, self.end_at
        for a, b in f.spans:
            i, j = tok_at.get(a), end_at.get(b)
            if i is None or j is None:
                continue
            after = [w.lower_ for w in self.doc[j : j + 7] if not w.is_space and not w.like_num and w.text not in ("and", ",")]
            before = [w.lower_ for w in self.doc[max(0, i - 3) : i]]
            if any(w in _EVENT_WORDS for w in after[:3]) or "of" in before[-1:] and any(w.endswith("challenge") for w in before):
                return True
        return False

    def short_references(self) -> None:
        """"the Universal Model" after "the CLIP-Driven Universal Model": a new name that
        is the tail (whole words) of a longer new name in the same entry is that name."""
        items = sorted(self.found.items(), key=lambda kv: -len(kv[1].name))
        for k, f in items:
            if f.known or k not in self.found:
                continue
            for k2, g in list(self.found.items()):
                if g is f or g.known or len(g.name) >= len(f.name):
                    continue
                if " " in g.name and f.name.endswith(" " + g.name) or f.name.endswith("-" + g.name) and " " in g.name:
                    f.spans += g.spans
                    f.sources |= g.sources
                    f.first = min(f.first, g.first)
                    f.proposed = f.proposed or g.proposed
                    del self.found[k2]

    def _mark_generic(self, acr: str) -> None:
        """An acronym defined as a lower-case concept ("micro-expressions (MEs)") is no
        name anywhere in the entry, in singular or plural."""
        k = _squash(acr)
        self.generic_local.update({k, k[:-1] if k.endswith("s") else k + "s"})

    def _drop_inside(self, a: int, b: int, keep: "Found") -> None:
        """A mention inside a longer name is part of that name ("Stochastic Gradient
        Descent" inside "Normalized Stochastic Gradient Descent")."""
        for k, f in list(self.found.items()):
            if f is keep:
                continue
            f.spans = [(x, y) for x, y in f.spans if not (a <= x and y <= b)]
            if not f.spans:
                del self.found[k]

    def typos(self) -> None:
        """A capitalised word one edit away from a long gazetteer name is that name
        misspelt ("Tranformer"). Eight letters at least: shorter names are too close
        to each other and to ordinary words for one edit to mean a typo."""
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz import process

        words = self.gaz.single_words
        taken = [sp for f in self.found.values() for sp in f.spans]
        title = (self.title.start, self.title.end) if self.title else (-1, -1)
        for t in self.doc:
            if len(t.text) < 8 or not t.text[:1].isupper() or not t.is_alpha or not _inside(t.idx, self.regions):
                continue
            # Capitals in titles and at sentence starts are ordinary words ("Converts").
            if title[0] <= t.idx < title[1] or t.i == 0 or self.sent[t.i - 1] != self.sent[t.i] or self.doc[t.i - 1].text in ("\n", ".", ":"):
                continue
            low = t.lower_
            if low in words or any(a <= t.idx < b for a, b in taken) or self.gaz.known(t.text):
                continue
            hit = process.extractOne(low, list(words), scorer=Levenshtein.distance, score_cutoff=1)
            if hit is not None:
                label, cid = words[hit[0]]
                self.add(cid, label, True, t.idx, t.idx + len(t.text), "typo")

    def ambiguous_in_lists(self) -> None:
        """Accept ambiguous MT hits that sit in a list with accepted names."""
        pending = list(self._ambiguous)
        changed = True
        while pending and changed:
            changed = False
            spans = sorted(sp for f in self.found.values() for sp in f.spans)
            for h in list(pending):
                a, b = self.tok_span(h.start, h.end)
                for x, y in spans:
                    gap = self.text[y:a] if y <= a else self.text[b:x]
                    if (y <= a or b <= x) and gap.strip() in _LIST_SEPS and len(gap) <= 4:
                        self.add(h.id, h.label, True, a, b, "mt")
                        pending.remove(h)
                        changed = True
                        break

    def _overlaps_taken(self, i: int, j: int) -> bool:
        return any(self.taken[i:j])

    def definitions(self) -> None:
        """``Long Form (ACR)`` and ``ACR (Long Form)``."""
        doc = self.doc
        for t in doc:
            if t.text not in ("(", "（") or not _inside(t.idx, self.regions):
                continue
            close = next((k for k in range(t.i + 1, min(t.i + 14, len(doc))) if doc[k].text in (")", "）")), None)
            if close is None:
                continue
            inner = doc[t.i + 1 : close]
            inner_text = self.stext(t.i + 1, close).strip()
            # Case 1: "... Long Form (ACR)"
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Z]", inner_text) and any(c.isupper() for c in inner_text[1:] + inner_text[:1]):
                acr = inner_text
                if _NUMBER_UNIT.match(acr) or not re.search(r"[A-Z].*[A-Z]|\d", acr):
                    continue
                words, k = [], t.i - 1
                while k >= 0 and len(words) < 12 and doc[k].sent_start != 1:
                    w = doc[k]
                    if w.text in (",", ".", ";", ":", "，", "。", "；", "：", "(", ")") or "\n" in w.text:
                        break
                    if has_cjk(w.text):
                        zh = "".join(x.text for x in doc[max(0, k - 5) : k + 1])
                        words = ["<zh>" + zh]
                        break
                    if w.text in ("-", "_") or w.whitespace_ == "" and k + 1 < t.i and doc[k + 1].text in ("-", "_"):
                        pass
                    words.insert(0, w.text)
                    k -= 1
                self._definition(acr, words, t.i + 1, close, k + 1)
            # Case 2: "ACR (Long Form)"
            elif t.i > 0 and _distinctive(doc[t.i - 1].text) and len(inner) >= 2 and re.fullmatch(r"[A-Za-z][\w\s\-']+", inner_text):
                acr_tok = doc[t.i - 1]
                if _initials_match(acr_tok.text, inner_text.split()):
                    a, b = self.tok_span(acr_tok.i, acr_tok.i + 1)
                    if not _generic(acr_tok.text):
                        f = self.add(acr_tok.text, self._label_for(acr_tok.text, acr_tok.i, acr_tok.i + 1), False, a, b, "acronym")
                        self.alias(f, inner_text)

    def _definition(self, acr: str, words: list[str], ai: int, aj: int, li: int) -> None:
        if words and words[0].startswith("<zh>"):
            zh_tail = words[0][4:]
            if zh_tail.endswith(("框架", "模型", "方法", "算法", "架构", "网络", "系统", "机制", "模块", "基准", "数据集", "语料库")) and not _generic(acr):
                a, b = self.tok_span(ai, aj)
                self.add(acr, self._label_for(acr, ai, aj) if not zh_tail.endswith(("基准", "数据集", "语料库")) else "DATASET", bool(self.gaz.known(acr)), a, b, "acronym")
                return
            # Chinese long form: case cannot tell a name from a concept, so only a
            # name-shaped acronym (hyphen, digit, CamelCase) counts as a name.
            if not (("-" in acr or re.search(r"\d", acr) or _CAMEL.search(acr)) and not _generic(acr)) and not self.gaz.known(acr):
                self._mark_generic(acr)
            return
        # Trim the long form to the words whose initials spell the acronym.
        content: list[str] = []
        glue = False
        for w in words:  # "Language", "-", "Image" -> "Language-Image"
            if w in ("-", "_"):
                if content:
                    content[-1] += w
                glue = True
            elif glue and content:
                content[-1] += w
                glue = False
            else:
                content.append(w)
        best = None
        for s in range(len(content)):
            if _initials_match(acr, content[s:]):
                best = s
        if best is None:
            return
        long_words = content[best:]
        title_case = all(w[:1].isupper() or any(c.isupper() for c in w) or w.lower() in ("of", "for", "and", "the", "in", "on", "to", "with", "a") or not w[:1].isalpha() for w in long_words)
        head = long_words[-1].lower() if long_words else ""
        known = self.gaz.known(acr) or self.gaz.known(" ".join(long_words))
        if (not title_case or head.split("-")[-1] in _TASK_HEADS | _NON_NAME_HEADS) and not known:
            self._mark_generic(acr)
            return
        if _generic(acr):
            return
        long_form = " ".join(long_words)
        a, b = self.tok_span(ai, aj)
        if known:
            f = self.add(known[1], known[0], True, a, b, "acronym")
        else:
            f = self.add(acr, self._label_for(long_form, ai, aj), False, a, b, "acronym")
        self.alias(f, long_form)
        self.alias(f, acr)
        # The long form itself is a mention of the same entity.
        lf_start = self.text.rfind(long_words[0], 0, a)
        if lf_start >= 0 and ai >= 2:
            last = self.doc[ai - 2]  # the word before "("
            lf_end = last.idx + len(last.text)
            self._drop_inside(lf_start, lf_end, f)
            self.longforms.append((lf_start, lf_end))
            f.spans.append((lf_start, lf_end))
            f.first = min(f.first, lf_start)

    def shapes(self) -> None:
        for i, j in self.compounds():
            if self._overlaps_taken(i, j):
                continue
            # "RNN-based", "CLIP-guided": cut lower-case usage suffixes off the compound.
            while j - i >= 3 and self.doc[j - 2].text in ("-", "_") and self.doc[j - 1].text in _SUFFIX_WORDS:
                j -= 2
            text = self.stext(i, j)
            if not _distinctive(text) or self._in_longform(*self.tok_span(i, j)):
                continue
            if i > 0 and self.doc[i - 1].text in ("$", "\\", "%") and self.doc[i - 1].whitespace_ == "":
                continue  # $HOME, \textsc, %PATH%: variables and markup, not names
            if institutions().is_known(text):  # OpenAI, DeepMind: organisations, not models
                continue
            # A bare acronym of two or three capitals that the entry neither defines nor
            # introduces ("UE", "BN", "CT") is far more often jargon than a name.
            if re.fullmatch(r"[A-Z]{2,3}s?", text) and not self.gaz.known(text):
                continue
            # "BASE layers", "MoE layers": an acronym naming a kind of layer/network.
            nxt = self.doc[j] if j < len(self.doc) else None
            if nxt is not None and re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]", text) and not self.gaz.known(text) and (
                (self.doc[j - 1].whitespace_ == " " and nxt.text in ("layers", "networks", "blocks", "modules"))
                or (self.doc[j - 1].whitespace_ == "" and nxt.text == "层")
            ):
                j += 1
                text = self.stext(i ,  j - 1) + " " + ("Layers" if nxt.text == "层" else nxt.text.capitalize())
                a, b = self.tok_span(i, j)
                self.add(text, "MODEL", False, a, b, "shape")
                continue
            # "OPT-IML Bench", "Atari 100k Suite": a trailing capitalised benchmark word
            # belongs to the name.
            if j + 1 < len(self.doc) and self.doc[j - 1].whitespace_ == " " and self.doc[j].text in ("Bench", "Benchmark", "Suite", "Corpus", "Dataset", "Arena", "Gym"):
                j += 1
                text = self.stext(i, j)
            # Strip a glued lowercase trailer that machine translation left on a name
            # ("Go-tuningfor") only when the cleaned name appears elsewhere.
            name = text
            if _generic(name) or _squash(name) in self.generic_local:
                continue
            if len(re.sub(r"[^A-Za-z]", "", name)) < 2:
                continue
            a, b = self.tok_span(i, j)
            known = self.gaz.known(name) or self.gaz.known(model_family(name))
            if known:
                self.add(known[1], known[0], True, a, b, "gazetteer")
            else:
                self.add(name, self._label_for(name, i, j), False, a, b, "shape")

    def named_by_cue(self) -> None:
        """``called X`` / ``dubbed X`` / ``称为X`` / ``we propose X, a …`` / ``X for short``."""
        doc = self.doc
        comps = self.compounds()
        start_of = {i: (i, j) for i, j in comps}
        for kind, s, e in self.cue_spans:
            k = e
            if kind in ("NAMED", "ZH_NAMED"):
                while k < len(doc) and doc[k].lower_ in ("the", "a", "an", "as", "it", "is", "'", '"', "“", "“"):
                    k += 1
                if k in start_of:
                    i, j = start_of[k]
                    j = self._extend_title_case(j)
                    self._cue_name(i, j, proposed=True)
            elif kind in ("WE_VERB", "ZH_WE"):
                if k < len(doc) and doc[k].text == "了":
                    k += 1
                if k in start_of and kind == "WE_VERB" and doc[k].text[:1].isupper() and doc[k].lower_ not in _STOP_CAPS:
                    # "This work presents Depth Anything V2.": a capitalised phrase right
                    # after the verb is the contribution's name, whatever its shape.
                    i, j = start_of[k]
                    j = self._extend_title_case(j)
                    ver = self._version_after(j)
                    self._cue_name(i, ver or j, proposed=True)
                    continue
                if k in start_of:
                    i, j = start_of[k]
                    # "we propose X, a/an …" or "我们介绍了X,这是…": apposition marks a name.
                    nxt = doc[j].text if j < len(doc) else ""
                    nxt2 = doc[j + 1].lower_ if j + 1 < len(doc) else ""
                    if nxt in (",", "，") and (nxt2 in ("a", "an", "which", "the", "our", "这", "一") or has_cjk(nxt2)):
                        if doc[i].text[:1].isupper() or _distinctive(self.stext(i, j)):
                            self._cue_name(i, j, proposed=True)
        # "X for short" (also glued by translation: "Go-tuningfor short")
        for m in re.finditer(r"\(([A-Z][\w\-]*?)(?:\s*for|for)\s+short\)", self.text):
            if _inside(m.start(), self.regions):
                name = m.group(1)
                f = self.add(name, "MODEL", bool(self.gaz.known(name)), m.start(1), m.end(1), "cue")
                f.proposed = True

    def appositions(self) -> None:
        """``a … method, X,`` / ``本文提出一种…方法X``: a name right after a kind noun."""
        doc = self.doc
        kinds_en = {"method", "approach", "algorithm", "framework", "model", "technique", "system",
                    "architecture", "network", "benchmark", "dataset", "corpus", "module", "strategy", "pipeline", "toolkit", "library"}
        kinds_zh = ("方法", "模型", "框架", "算法", "架构", "系统", "网络", "数据集", "基准", "模块", "策略", "工具")
        for i, j in self.compounds():
            if i == 0:
                continue
            prev = doc[i - 1]
            prev2 = doc[i - 2] if i > 1 else None
            # Cheap tests first: most compounds are ordinary words.
            en_shape = prev.text in (",", "，") and prev2 is not None and prev2.lower_ in kinds_en
            zh_shape = prev.whitespace_ == "" and _CJK_RE.match(prev.text) is not None
            if not (en_shape or zh_shape) or self._overlaps_taken(i, j):
                continue
            text = self.stext(i, j)
            if _generic(text) or len(text) < 2:
                continue
            hit = False
            if prev is not None and prev.text in (",", "，") and prev2 is not None and prev2.lower_ in kinds_en:
                nxt = doc[j].text if j < len(doc) else ""
                hit = nxt in (",", "，", ")", ".", "")
            zh_prev = "".join(w.text for w in doc[max(0, i - 3) : i])
            if prev is not None and prev.whitespace_ == "" and zh_prev.endswith(kinds_zh):
                sent = self.sent[i]
                hit = hit or any(self.sent[s] == sent and kind == "ZH_WE" for kind, s, e in self.cue_spans)
            if hit:
                label = "DATASET" if (prev2 is not None and prev2.lower_ in ("benchmark", "dataset", "corpus")) or zh_prev.endswith(("数据集", "基准")) else None
                zh_cue = any(self.sent[s] == self.sent[i] and kind == "ZH_WE" for kind, s, e in self.cue_spans)
                # The name inherits the role of the kind noun it renames: "we present a
                # new benchmark, X" / "本文提出一种…方法X".
                en_cue = prev2 is not None and prev2.lower_ in kinds_en and self._explicit(i - 2)
                self._cue_name(i, j, proposed=(zh_cue and zh_prev.endswith(kinds_zh)) or en_cue)
                f = self.found.get(self.key(text, "MODEL")) or self.found.get(self.key(text, "DATASET"))
                if f is not None and label:
                    f.label = label

    def _extend_title_case(self, j: int) -> int:
        doc = self.doc
        while j + 1 < len(doc) and doc[j - 1].whitespace_ == " " and doc[j].text[:1].isupper() and doc[j].is_alpha:
            j += 1
        return j

    def _in_longform(self, a: int, b: int) -> bool:
        return any(x <= a and b <= y for x, y in self.longforms)

    def _cue_name(self, i: int, j: int, proposed: bool) -> None:
        if self._in_longform(*self.tok_span(i, j)):
            return
        text = self.stext(i, j)
        if _generic(text) or len(text) < 2 or text.lower() in _STOP_CAPS or not any(c.isalpha() for c in text):
            return
        a, b = self.tok_span(i, j)
        known = self.gaz.known(text)
        f = self.add(known[1] if known else text, known[0] if known else self._label_for(text, i, j), bool(known), a, b, "cue")
        f.proposed = f.proposed or proposed

    def spaced_names(self) -> None:
        """Known names written with spaces the gazetteer pattern lacks ("Science QA" for
        ScienceQA, "Mixture of Experts" spelt out): two or three capitalised or numeric
        words whose squashed form is a gazetteer name."""
        doc, n = self.doc, len(self.doc)
        for i in range(n):
            t = doc[i]
            if not (t.alnum and (t.text[:1].isupper() or t.text[:1].isdigit())) or self.taken[i] or not _inside(t.idx, self.regions):
                continue
            for size in (3, 2):
                j = i + size
                if j > n or any(self.taken[i:j]) or not all(doc[k].alnum for k in range(i, j)):
                    continue
                if any(doc[k].whitespace_ != " " for k in range(i, j - 1)):
                    continue
                known = self.gaz.known(self.stext(i, j))
                if known:
                    a, b = self.tok_span(i, j)
                    self.add(known[1], known[0], True, a, b, "gazetteer")
                    for k in range(i, j):
                        self.taken[k] = True
                    break

    def _list_neighbours(self) -> dict[int, list["Found"]]:
        """For each mention start offset, the entities next to it in a list
        ("A, B and C", "A、B和C")."""
        spans = sorted((a, b, f) for f in self.found.values() for a, b in f.spans)
        out: dict[int, list[Found]] = {}
        for (a1, b1, f1), (a2, b2, f2) in zip(spans, spans[1:]):
            if f1 is not f2 and self.text[b1:a2].strip() in _LIST_JOINERS:
                out.setdefault(a1, []).append(f2)
                out.setdefault(a2, []).append(f1)
        return out

    def list_members(self) -> None:
        """"On Cora, Citeseer, Chameleon and Squirrel": a capitalised word listed with
        two or more known names of one kind is a name of that kind too."""
        for _ in range(4):  # new members can extend the list further ("…, Chameleon and Squirrel")
            if not self._list_members_once():
                return

    def _list_members_once(self) -> bool:
        doc = self.doc
        added = False
        known_at = {}
        for f in self.found.values():
            if f.known or "list" in f.sources:
                for a, b in f.spans:
                    known_at[a] = (b, f)
        for i, t in enumerate(doc):
            if not (t.is_alpha and t.text[:1].isupper() and len(t.text) >= 3) or self.taken[i] or i == 0:
                continue
            if t.lower_ in _STOP_CAPS or _generic(t.text) or self.doc[i - 1].text in (".", "\n"):
                continue
            if any(a <= t.idx < b for f in self.found.values() for a, b in f.spans):
                continue
            # Walk the list both ways from this word, collecting known neighbours.
            members = []
            for step in (-1, 1):
                k = i
                while True:
                    if step == 1:
                        j = k + 1
                        gap = []
                        while j < len(doc) and doc[j].text in (",", "，", "、", "和", "and", "or", "及"):
                            gap.append(doc[j].text)
                            j += 1
                        if not gap or j >= len(doc) or doc[j].idx not in known_at:
                            break
                        end, f = known_at[doc[j].idx]
                        members.append(f)
                        k = self.end_at.get(end, j + 1) - 1
                    else:
                        j = k - 1
                        gap = []
                        while j >= 0 and doc[j].text in (",", "，", "、", "和", "and", "or", "及"):
                            gap.append(doc[j].text)
                            j -= 1
                        if not gap or j < 0:
                            break
                        hit = next(((a, f) for a, (b, f) in known_at.items() if self.end_at.get(b) == j + 1), None)
                        if hit is None:
                            break
                        members.append(hit[1])
                        k = self.tok_at[hit[0]]
            labels = {f.label for f in members}
            if len(members) >= 2 and len(labels) == 1:
                self.add(t.text, labels.pop(), False, t.idx, t.idx + len(t.text), "list")
                added = True
        return added

    def named_datasets(self) -> None:
        """``the Pick-a-Pic dataset`` / ``the Waymo Open Motion Dataset``: a capitalised
        name right before a dataset word is a dataset, whatever its shape."""
        doc = self.doc
        for i, j in self.compounds():
            if j >= len(doc) or self._overlaps_taken(i, j) or not doc[i].text[:1].isupper():
                continue
            nxt = doc[j]
            prev = doc[i - 1].lower_ if i > 0 else ""
            if nxt.lower_ in ("dataset", "benchmark", "corpus") and doc[j - 1].whitespace_ == " " and prev in ("the", "our", "new", "a", "on"):
                text = self.stext(i, j)
                if not _generic(text) and text.lower() not in _STOP_CAPS and not institutions().is_known(text):
                    a, b = self.tok_span(i, j)
                    known = self.gaz.known(text)
                    self.add(known[1] if known else text, "DATASET", bool(known), a, b, "shape")

    def title_cases(self) -> None:
        """Mid-sentence Title-Case phrases ending in a method head noun
        ("the Distributed Information Bottleneck")."""
        doc = self.doc
        i = 0
        while i < len(doc):
            t = doc[i]
            in_title = self.title is not None and self.title.start <= t.idx < self.title.end
            # Titles are Title Case by convention, so capitals there say nothing.
            if in_title or not (t.text[:1].isupper() and t.is_alpha and _inside(t.idx, self.regions)) or i == 0 or self.sent[i - 1] != self.sent[i] or doc[i - 1].text in (".", ":", "\n"):
                i += 1
                continue
            j = i
            while j < len(doc) and ((doc[j].text[:1].isupper() and doc[j].is_alpha) or (doc[j].text == "-" and doc[j - 1].whitespace_ == "")) and self.sent[j] == self.sent[i]:
                j += 1
            words = [w.text for w in doc[i:j] if w.text != "-"]
            if 2 <= len(words) <= 6 and words[-1] in ("Dataset", "Benchmark", "Corpus") and not self._overlaps_taken(i, j):
                name = self.stext(i, j)
                a, b = self.tok_span(i, j)
                if not self._in_longform(a, b) and self.text[b : b + 2] != " (":
                    known = self.gaz.known(name)
                    self.add(known[1] if known else name, "DATASET", bool(known), a, b, "title-case")
            elif 2 <= len(words) <= 5 and words[-1].lower() in _METHOD_HEADS and not self._overlaps_taken(i, j):
                name = self.stext(i, j)
                if not institutions().is_known(name) and not all(w.lower() in _METHOD_HEADS | {"neural", "deep", "language", "large"} for w in words):
                    a, b = self.tok_span(i, j)
                    known = self.gaz.known(name)
                    if known:
                        self.add(known[1], known[0], True, a, b, "gazetteer")
                    elif self.text[b : b + 2] != " (":  # defined acronyms are handled already
                        self.add(name, self._label_for(name, i, j), False, a, b, "title-case")
            i = max(j, i + 1)

    def title_head(self) -> None:
        """``Name: what it does`` at the start of a title names the paper's contribution."""
        if self.title is None:
            return
        t = self.text[self.title.start : self.title.end]
        m = re.match(r"^\s*([A-Z][\w\-]*(?:\s[A-Z0-9][\w\-]*){0,2})\s*[:：]\s+\S", t)
        if not m:
            return
        name = m.group(1)
        words = name.split()
        # Multi-word heads need a name-shaped word ("GPT-4 Technical Report: …" no,
        # "Deep Learning: A Survey" no); one word may be a plain capitalised name
        # ("Pythia: A Suite …") unless it is a title word ("Survey: …").
        if _generic(name) or any(w.lower() in _TITLE_WORDS for w in words):
            return
        if len(words) > 1 and not any(_distinctive(w) for w in words):
            return
        a = self.title.start + m.start(1)
        known = self.gaz.known(name)
        label = known[0] if known else ("DATASET" if re.search(r"bench|dataset|corpus", t, re.I) and not re.search(r"model|network|method", t, re.I) else "MODEL")
        f = self.add(known[1] if known else name, label, bool(known), a, a + len(name), "title")
        f.proposed = True

    # -- typing and roles --------------------------------------------------------------------
    def _dataset_context(self, i: int, j: int) -> bool:
        """Dataset words right next to a mention, or "results/experiments … on X"."""
        doc = self.doc
        after = [w.lower_ for w in doc[j : j + 3] if not w.is_space]
        before = [w.lower_ for w in doc[max(0, i - 3) : i] if not w.is_space]
        if after[:1] and (after[0] in _DATASET_WORDS or after[0] == "data"):  # "CIFAR-10 dataset", "ERA5 data"
            return True
        appos = [w.lower_ for w in doc[j : j + 6] if not w.is_space]
        if appos[:1] == [","] and len(appos) > 2 and appos[1] in ("a", "an", "the") and any(w in ("dataset", "benchmark", "corpus") for w in appos[2:5]):
            return True  # "ToolBench-Lite, a benchmark of …"
        if any(w in _DATASET_WORDS for w in before[-3:]) and before[-1] in ("the", "of", "a") + tuple(_DATASET_WORDS):
            return True  # "the benchmark X", "leaderboard of the X"
        zh_after = "".join(w.text for w in doc[j : j + 4])
        zh_before = "".join(w.text for w in doc[max(0, i - 5) : i])
        if any(zh_after.startswith(z) for z in _DATASET_ZH):
            return True
        # "…数据集上进行的:CMU-MOSI" / "在ImageNet数据集" / "基准(如X)": a dataset word earlier
        # in the same clause that introduces a list.
        k = i - 1
        while k >= 0 and i - k <= 15 and doc[k].text not in ("。", "，", ",", ";", "；", "."):
            k -= 1
        clause = "".join(w.text for w in doc[k + 1 : i]).rstrip()
        if any(z in clause for z in _DATASET_ZH) and clause.endswith((":", "：", "如", "包括", "例如", "集", "准")):
            return True
        if before and before[-1] in ("on", "in", "across") or zh_before.endswith("在"):
            sent = self.sent[i]
            words = {w.lower_ for w in doc if self.sent[w.i] == sent}
            if words & {"results", "result", "experiments", "experiment", "accuracy", "evaluate", "evaluated",
                        "evaluation", "leaderboard", "trained", "train", "pretrain", "pre", "performance", "score", "scores",
                        "outperform", "outperforms", "outperforming", "beats", "surpasses", "sota", "state", "gains", "improves"}:
                return True
        return False

    def labels(self) -> None:
        """Type every new name by its contexts, then share types along coordinations
        ("CMU-MOSI和CMU-MOSEI", "GLUE, SQuAD and X")."""
        tok_at, end_at = self.tok_at, self.end_at
        for f in self.found.values():
            if f.known:
                continue
            votes = 0
            for a, b in f.spans:
                i, j = tok_at.get(a), end_at.get(b)
                if i is not None and j is not None and self._dataset_context(i, j):
                    votes += 1
            if votes:
                f.label = "DATASET"
        # Coordination: neighbours separated only by a list separator share a label.
        spans = sorted((a, b, f) for f in self.found.values() for a, b in f.spans)
        changed = True
        while changed:
            changed = False
            for k, ((a1, b1, f1), (a2, b2, f2)) in enumerate(zip(spans, spans[1:])):
                gap = self.text[b1:a2].strip()
                if f1 is f2 or gap not in (",", "，", "、", "和", "与", "及", "以及", "and", ", and", "or", "/"):
                    continue
                if gap in (",", "，"):
                    # A comma joins list items only in a list ("X, Y and Z"); after an
                    # opening phrase ("On ImageNet, AdaPrune cuts …") it does not.
                    # The list must go on after the second item: in "A, B and C, D …" the
                    # comma after C ends the list, it does not join D to it.
                    nxt = self.text[b2 : spans[k + 2][0]].strip() if k + 2 < len(spans) else ""
                    if nxt not in {",", "，", "and", ", and", "、", "和", "or"}:
                        continue
                for x, y in ((f1, f2), (f2, f1)):
                    if x.label == "DATASET" and y.label != "DATASET" and not y.known:
                        y.label = "DATASET"
                        changed = True

    def _label_for(self, name: str, i: int, j: int) -> str:
        """First guess from the name alone; :meth:`labels` revises new names from
        their contexts once every mention is known."""
        known = self.gaz.known(name)
        if known:
            return known[0]
        if re.search(r"bench(mark)?$|dataset$|corpus$|[-_]?\d+(?:\.\d+)?[KkM]$", name, re.I) and not re.search(r"^\d", name):
            return "DATASET"
        return "MODEL"

    def _explicit(self, i: int, known: bool = False) -> bool:
        """Does a contribution cue introduce the mention at token ``i``?"""
        doc = self.doc
        sent = self.sent[i]
        if known:
            # "we propose a new vision transformer" / "提出了一种新的视觉变压器": a known
            # name after an indefinite article describes the kind of contribution; the
            # contribution's own name comes elsewhere ("称为Swin变压器").
            before = "".join(w.text for w in doc[max(0, i - 4) : i]).lower()
            if re.search(r"(?:^|[^a-z])(?:an?|new|novel)$|一种|一个|新的|新型", before.replace(" ", "")) or any(
                w.lower_ in ("a", "an") for w in doc[max(0, i - 3) : i]
            ):
                return False
        prev = [w.lower_ for w in doc[max(0, i - 2) : i]]
        if prev[-1:] and prev[-1] in _OWN_WORDS or prev[-2:-1] and prev[-2] in _OWN_WORDS and prev[-1] not in _BLOCK_WORDS:
            return True  # "our X", "the proposed X", "a novel X"
        for kind, s, e in self.cue_spans:
            if self.sent[s] != sent or e > i:
                continue
            between = doc[e:i]
            limit = 3 if kind == "NAMED" else (16 if kind.startswith("ZH") else 12)
            if len(between) > limit:
                continue
            words = {w.lower_ for w in between}
            zh = "".join(w.text for w in between)
            if words & _BLOCK_WORDS or any(z in zh for z in _BLOCK_ZH):
                continue
            # A clause break between cue and name: the name belongs to another clause
            # ("we introduce X (X'), which combines GAT with …").
            # A "(" right before the name is its parenthetical: "介绍了超越模仿游戏基准(Big Bench)".
            inner = between[:-1] if len(between) and between[-1].text in ("(", "（") else between
            if any(w.text in ("(", ")", ",", "，", ";", "；", ":", "：", "（", "）") for w in inner):
                continue
            return True
        return False

    def _used_hint(self, i: int, j: int) -> bool:
        """Context that marks a mention as someone else's work."""
        doc = self.doc
        before = [w.lower_ for w in doc[max(0, i - 3) : i]]
        after = [w.lower_ for w in doc[j : j + 2]]
        zh_before = "".join(w.text for w in doc[max(0, i - 6) : i])
        return bool(set(before) & _USED_CUES or set(after) & {"baseline", "baselines", "backbone", "backbones"}
                    or any(z in zh_before for z in _USED_ZH))

    def types_and_roles(self) -> None:
        tok_at, end_at = self.tok_at, self.end_at
        lists = self._list_neighbours()
        for f in self.found.values():
            if f.proposed:
                continue
            spans = sorted(f.spans)
            idx = [(tok_at.get(a), end_at.get(b)) for a, b in spans]
            idx = [(i, j) for i, j in idx if i is not None and j is not None]
            # A mention inside a name introduced by a cue is part of that name
            # ("CLIP" in "dubbed the CLIP-Driven Universal Model").
            inside = [(a, b) for g in self.found.values() if g is not f and "cue" in g.sources for a, b in g.spans]
            idx = [(i, j) for i, j in idx if not any(a <= self.doc[i].idx and self.doc[j - 1].idx < b and (a, b) != (self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1].text)) for a, b in inside)]
            if any(self._explicit(i, f.known) for i, _ in idx):
                f.proposed = True
                continue
            # A new name (not in the gazetteer) in an entry that states a contribution
            # is the paper's own — unless its first mention credits someone else.
            # Datasets need an explicit cue: papers use far more datasets than they make.
            first_used = bool(idx) and self._used_hint(*idx[0])
            # Listed with names the paper uses ("improves over GCN, GAT and H2GCN").
            if not first_used and spans:
                neighbours = lists.get(spans[0][0], [])
                first_used = any(g.known and not g.proposed for g in neighbours)
            if not f.known and f.label == "MODEL" and self.contribution and not first_used:
                f.proposed = True


def find_entities(text: str, regions: Iterable[Span], title: Span | None = None) -> tuple[list[Mention], list[Mention]]:
    """Models and datasets in ``text`` restricted to ``regions`` (character spans)."""
    regs = [(s.start, s.end) for s in regions]
    scan = _EntryScan(text, regs, title)
    models, datasets = [], []
    for f in scan.run():
        a, b = min(f.spans)
        name = model_family(f.name) if f.label == "MODEL" and f.known else f.name
        if f.label == "MODEL" and not f.known:
            name = model_family(name)
        src = sorted(f.sources)[0] if len(f.sources) == 1 else "+".join(sorted(f.sources))
        m = Mention(name=name, text=text[a:b], start=a, end=b, role="proposed" if f.proposed else "used", source=src)
        (datasets if f.label == "DATASET" else models).append(m)
    return models, datasets
