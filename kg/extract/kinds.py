"""Typing: model or dataset, decided over the merged entities from their contexts.

A known name keeps its gazetteer kind. A new name is a dataset when any mention of it
sits in a dataset context ("CIFAR-10 dataset", "the benchmark X", "在ImageNet数据集上",
"results on X", "X questions", "X was collected", "from MNLI to X"); then coordinated
names share the kind ("CMU-MOSI和CMU-MOSEI", "CIFAR-10 [25] and X [26]").
Names of events ("the SimSurgSkill 2021 challenge") are neither and are dropped.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from kg.extract.candidate import Entity
from kg.extract.context import Context
from kg.extract.nlp import gazetteer
from kg.extract.vocab import phrase_search, phrases, union, words

__all__ = ["assign_kinds", "dataset_context", "is_event", "is_hardware", "is_task", "known_model_version"]

_APPOS_ARTICLES = ("a", "an", "the")
_SPLIT_NOUNS = ("set", "sets", "split", "splits")
_APPOS_KINDS = ("dataset", "benchmark", "corpus")
_CLAUSE_END = frozenset(("。", "，", ",", ";", "；", "."))
#: Words before a dataset word that make it a verb ("we benchmark X", "to benchmark X").
_VERB_SUBJECTS = frozenset(("we", "they", "i", "to", "also"))
_LIST_INTRO = (":", "：", "如", "包括", "例如", "集", "准")


def _visible(ctx: Context, i: int, j: int) -> list[str]:
    # Locals, not attribute lookups per token: asked a dozen times a mention.
    w, low = ctx.words, ctx.lower
    return [low[k] for k in range(max(0, i), min(j, len(w))) if not w[k].isspace()]


#: How far back from a naming cue the kind noun it names may stand ("a large dataset
#: containing various users' images called X": eight words).
NAMED_KIND_WINDOW = 15


def _named_kind(ctx: Context, i: int) -> str | None:
    """The kind noun a naming cue right before token ``i`` names ("a dataset … called X"):
    the nearest kind noun before the cue in its sentence."""
    kinds = union("apposition_kinds", "dataset_words")
    for kind, s, e in ctx.cues:
        if kind not in ("NAMED", "ZH_NAMED") or not (e <= i <= e + 2):
            continue
        for k in range(s - 1, max(-1, s - 1 - NAMED_KIND_WINDOW), -1):
            if ctx.sent[k] != ctx.sent[s]:
                break
            if ctx.lower[k] in kinds:
                return ctx.lower[k]
    return None


_ZH_PHRASE_BREAKS = frozenset("，。；、：在上中和与及")
#: How far after a name "名为X的…基准" the kind noun it names may end (characters).
NAMED_KIND_AFTER_ZH = 8


def _named_kind_after(ctx: Context, i: int, j: int) -> bool:
    """"一个名为X的大规模基准": in Chinese the noun a naming cue names follows the name."""
    if not any(kind == "ZH_NAMED" and e <= i <= e + 1 for kind, s, e in ctx.cues):
        return False
    after = ctx.joined(j, j + NAMED_KIND_AFTER_ZH + 1)
    if not after.startswith("的"):
        return False
    tail = after[1:]
    for k in range(1, len(tail) + 1):
        head = tail[:k]
        # Only modifiers may stand between: "的大规模基准", not "的方法在基准" (a
        # preposition or a model word ends the noun phrase).
        if any(c in _ZH_PHRASE_BREAKS for c in head) or any(m in head for m in phrases("model_words_zh")):
            return False
        if head.endswith(phrases("dataset_words_zh")):
            return True
    return False


def dataset_context(ctx: Context, i: int, j: int) -> bool:
    """Dataset words right next to the mention at tokens ``i:j``, "results/experiments …
    on X", or a naming cue that names a dataset ("a dataset … called X")."""
    dataset_words = words("dataset_words")
    zh_words = phrases("dataset_words_zh")
    after = _visible(ctx, j, j + 3)
    before = _visible(ctx, i - 3, i)
    if after[:1] and (after[0] in dataset_words or after[0] == "data"):  # "CIFAR-10 dataset", "ERA5 data"
        return True
    items = words("data_item_nouns")
    # "GOOAQ questions", "questions from PAQ": the items a dataset holds.
    if after[:1] and after[0] in items and not ctx.sentence_start(i):
        return True
    if len(before) > 1 and before[-1] in ("from", "in", "of") and before[-2] in items:
        return True
    if ctx.cues and (_named_kind(ctx, i) in dataset_words or _named_kind_after(ctx, i, j)):
        return True
    if len(after) > 1 and after[0] in words("split_words") and after[1] in _SPLIT_NOUNS:  # "the X test set"
        return True
    # The apposition's comma is the first visible token after the name, which ``after``
    # already shows unless its three tokens are all spaces: the longer window is read
    # only then (most names are followed by no comma).
    appos = _visible(ctx, j, j + 9) if not after or after[0] == "," else []
    if appos[1:3] and appos[1] in ("which", "that") and appos[2] in _BE:
        appos = appos[:1] + appos[3:]  # "X, which is a benchmark for …"
    if appos[:1] == [","] and len(appos) > 2 and appos[1] in _APPOS_ARTICLES and (
            any(w in _APPOS_KINDS for w in appos[2:5]) or any(appos[k:k + 2] == ["data", "set"] for k in range(2, 5))):
        return True  # "ToolBench-Lite, a benchmark of …", "ReCoRD, a data set that …"
    if _data_verb(ctx, i, j, after, before):
        return True
    if after[:1] in ([","], ["，"]) and _zh_apposition(ctx, j):
        return True
    if _transferred_to(ctx, i, before):
        return True
    if any(w in dataset_words for w in before[-3:]) and (before[-1] in ("the", "of", "a") or before[-1] in dataset_words) \
            and not (before[-1] in dataset_words and before[-2:-1] and (
                before[-2] in _VERB_SUBJECTS or before[-2] in words("anaphoric_determiners"))) \
            and not (before[-1] in dataset_words and after[:1] and after[0] in words("result_verbs")):
        # "the benchmark X", "leaderboard of the X"; not "we benchmark X" (a verb), nor "on
        # this benchmark X" (the noun points back: X is the subject of the next clause), nor
        # "the benchmark X achieves …" (result_verbs.txt).
        return True
    # The Chinese frames below need an ideograph, which only a CJK token holds: an entry
    # without one skips them (see ``_zh_frames_need_cjk``).
    zh = ctx.has_cjk or not _zh_frames_need_cjk()
    if zh and ctx.joined(j, j + 4).startswith(zh_words):
        return True
    # "…数据集上进行的:CMU-MOSI" / "在ImageNet数据集" / "基准(如X)": a dataset word earlier
    # in the same clause that introduces a list.
    if zh:
        k = i - 1
        while k >= 0 and i - k <= 15 and ctx.words[k] not in _CLAUSE_END:
            k -= 1
        clause = ctx.joined(k + 1, i).rstrip()
        if phrase_search("dataset_words_zh")(clause) and clause.endswith(_LIST_INTRO) and not _model_list(clause):
            return True
    if before and before[-1] in ("on", "in", "across") or zh and ctx.joined(i - 5, i).endswith(_ZH_ON):
        evaluation = words("evaluation_words")
        rng = ctx.sentence(ctx.sent[i])
        if not evaluation.isdisjoint(ctx.lower[rng.start:rng.stop]):  # a set test in C, no generator
            return True
    # "52.8% improvement on BBEH", "53.8% pass@1 on ARC-AGI": a score reported on X.
    if before[-1:] == ["on"] and _score_before(ctx, i - 1):
        return True
    return False


#: How far after "X，一个" the dataset noun the apposition names may end (characters).
ZH_APPOSITION_REACH = 24


def _zh_apposition(ctx: Context, j: int) -> bool:
    """"构建了X，一个包含5千个问题的数据集": an indefinite after the comma that follows the
    name opens a noun phrase that says what the name is, and a dataset noun is its head
    (``dataset_words_zh``), the last word before a break."""
    after = ctx.joined(j, j + ZH_APPOSITION_REACH).lstrip()
    if after[:1] not in (",", "，"):
        return False
    after = after[1:].lstrip()
    lead = next((w for w in phrases("indefinite_words_zh") if after.startswith(w)), None)
    if lead is None:
        return False
    # A Chinese noun phrase ends in its head: "一种基于数据集蒸馏的新模型" is a model.
    phrase = _ZH_PHRASE_END.split(after[len(lead):], 1)[0].rstrip()
    return phrase.endswith(phrases("dataset_words_zh"))


_ZH_PHRASE_END = re.compile(r"[，。；：,;:（(！？!?]")


#: "在X上": the preposition before a name that an evaluation sentence makes data.
_ZH_ON = "在"


@functools.cache
def _zh_frames_need_cjk() -> bool:
    """Every Chinese dataset word (``dataset_words_zh``) and ``在`` is written in
    ideographs of U+3400–U+4DBF and U+4E00–U+9FFF, which the tokenizer cuts only into
    CJK tokens (never into a Latin word run): an entry with no CJK token holds none of
    them, so ``dataset_context``'s Chinese tests cannot succeed there. Checked on the
    data, not assumed: a list that gains another script turns the shortcut off."""
    return all("\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff"
               for p in phrases("dataset_words_zh") + (_ZH_ON,) for c in p)


def _model_list(clause: str) -> bool:
    """The list a Chinese clause introduces is of models: a model kind noun
    (``model_kinds_zh``) stands after its last dataset word ("基于NSD数据集训练的各种先进模型（如
    MindEye、…）": the models trained on the data)."""
    last = max((clause.rfind(w) + len(w) for w in phrases("dataset_words_zh") if w in clause), default=0)
    return any(clause.find(k, last) >= 0 for k in phrases("model_kinds_zh"))


_BE = frozenset(("was", "were", "is", "are"))


def _data_verb(ctx: Context, i: int, j: int, after: list[str], before: list[str]) -> bool:
    """"X was collected", "X were crawled", "to mine X": only data is collected, crawled
    or mined (``kg/data/rules/data_verbs.txt``)."""
    verbs = words("data_verbs")
    if len(after) > 1 and after[0] in _BE and after[1] in verbs and after[1].endswith("ed"):
        return True
    return len(before) > 1 and before[-2] == "to" and before[-1] in verbs and not before[-1].endswith("ed")


def _transferred_to(ctx: Context, i: int, before: list[str]) -> bool:
    """"generalization from MNLI to X": a known dataset on the other side of "from … to"
    makes X the data transferred to."""
    if before[-1:] != ["to"]:
        return False
    for m in ctx.matches:
        if m.label == "DATASET" and m.known and 0 < i - m.j <= 3 and all(ctx.words[k].isspace() or ctx.lower[k] == "to"
                                                                         for k in range(m.j, i)):
            k = m.i - 1
            while k >= 0 and ctx.words[k].isspace():
                k -= 1
            return k >= 0 and ctx.lower[k] == "from"
    return False


#: How many tokens before "on X" a score may stand ("53.8% pass@1 on X": five).
SCORE_WINDOW = 6


def _score_before(ctx: Context, k: int) -> bool:
    """A percentage ends within ``SCORE_WINDOW`` tokens before token ``k`` (the "on"),
    in the same sentence and clause."""
    for x in range(k - 1, max(-1, k - 1 - SCORE_WINDOW), -1):
        if ctx.sent[x] != ctx.sent[k] or ctx.words[x] in _CLAUSE_END:
            return False
        if ctx.words[x] == "%" and x > 0 and _like_num(ctx.words[x - 1]):
            return True
    return False


#: Singular nouns that, right after a name, say the name is a set of data (not "data"
#: alone: "BERT data" is data BERT made or read; not "benchmark": "the LLaMA benchmark
#: results" are the model's).
_DATA_NOUNS = frozenset(("dataset", "corpus"))
_DATA_FIRST = _DATA_NOUNS | {"data", ")", "）"}


def _named_data(ctx: Context, j: int) -> bool:
    """The words right after token ``j`` are a singular dataset noun: "X dataset", "X data
    set", "X corpus", "X数据集" — after the bracket that closes a defined acronym too
    ("the Definite Pronoun Resolution (DPR) data set")."""
    if j >= len(ctx.words):
        return False
    # Most known names are followed by none of these: one look at the next token first.
    nxt = ctx.lower[j]
    if not ctx.ws[j - 1] and nxt[:1] in ("数", "语"):
        return ctx.joined(j, j + 3).startswith(("数据集", "语料库"))
    if nxt not in _DATA_FIRST and not nxt.isspace():
        return False
    after = _visible(ctx, j, j + 3)
    if after[:1] in ([")"], ["）"]):
        after = after[1:]
    after = after[:2]
    return bool(after[:1]) and (after[0] in _DATA_NOUNS or after == ["data", "set"])


def _token_spans(ctx: Context, e: Entity):
    for a, b in e.spans:
        i, j = ctx.tok_at.get(a), ctx.end_at.get(b)
        if i is not None and j is not None:
            yield i, j


_VERSION_TAIL = re.compile(r"[\s\-]*v?\d+(?:\.\d+)*$")


def known_model_version(name: str) -> bool:
    """A new version of a known model ("Llama 3.1", "Qwen2.5"): a model whatever the
    sentence does with it ("we benchmark Llama 3.1 on GSM8K")."""
    base = _VERSION_TAIL.sub("", name)
    known = gazetteer().known(base) if base and base != name else None
    return known is not None and known[0] == "MODEL"


def assign_kinds(ctx: Context, ents: Sequence[Entity]) -> None:
    """Type every new name by its contexts, then share types along coordinations
    ("CMU-MOSI和CMU-MOSEI", "GLUE, SQuAD and X"). A new version of a known model stays
    a model."""
    fixed = {id(e) for e in ents if e.known or known_model_version(e.name)}
    for e in ents:
        # "on the ALIGN dataset", "the DPR data set": a known model's name directly before
        # a dataset noun names the data of the same name (both exist), not the model.
        if e.known and e.label == "MODEL" and any(_named_data(ctx, j) for _, j in _token_spans(ctx, e)):
            e.label = "DATASET"
    for e in ents:
        if id(e) not in fixed and any(dataset_context(ctx, i, j) for i, j in _token_spans(ctx, e)):
            e.label = "DATASET"
    # Coordination: neighbours separated only by a list separator share a label.
    joiners = set(phrases("list_joiners")) | {"/"}
    continuing = set(phrases("list_continuers"))
    spans = sorted(((a, b, e) for e in ents for a, b in e.spans), key=lambda x: (x[0], x[1]))
    # A name joined to a known model ("Market-1501, CaffeNet and ResNet-50") is listed
    # with models: a dataset on its other side does not make it a dataset.
    beside_model = {id(y) for (a1, b1, f1), (a2, b2, f2) in zip(spans, spans[1:])
                    if ctx.text[b1:a2].strip() in joiners
                    for x, y in ((f1, f2), (f2, f1)) if id(x) in fixed and x.label == "MODEL"}
    # The text between neighbours, without citation marks, read once (not again on
    # every round of the loop below, nor again as the next pair's "what follows").
    gaps = [_uncited(ctx.text[b1:a2]) for (_, b1, _), (a2, _, _) in zip(spans, spans[1:])]
    changed = True
    while changed:
        changed = False
        for k, ((a1, b1, f1), (a2, b2, f2)) in enumerate(zip(spans, spans[1:])):
            gap = gaps[k]
            if f1 is f2 or gap not in joiners:
                continue
            if gap in (",", "，"):
                # A comma joins list items only in a list ("X, Y and Z"); after an
                # opening phrase ("On ImageNet, AdaPrune cuts …") it does not.
                # The list must go on after the second item: in "A, B and C, D …" the
                # comma after C ends the list, it does not join D to it.
                nxt = gaps[k + 1] if k + 2 < len(spans) else ""
                if nxt not in continuing:
                    continue
            for x, y in ((f1, f2), (f2, f1)):
                if x.label == "DATASET" and y.label != "DATASET" and id(y) not in fixed and id(y) not in beside_model:
                    y.label = "DATASET"
                    changed = True


#: A numeric citation marker ("[25]", "[3, 7]", "[12-14]"), which does not break a list.
_CITATION_MARK = re.compile(r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]")


def _uncited(gap: str) -> str:
    """The text between two names without its citation markers: "CIFAR-10 [25] and
    CINIC-10 [26]" joins its names by "and"."""
    return _CITATION_MARK.sub("", gap).strip() if "[" in gap else gap.strip()


def is_hardware(ctx: Context, e: Entity) -> bool:
    """A new name that every mention writes before a hardware noun ("NV100 GPUs", "a
    DGX-1 machine", ``kg/data/rules/hardware_words.txt``) is a machine, neither a model
    nor a dataset."""
    if e.known:
        return False
    hardware = words("hardware_words")
    spans = list(_token_spans(ctx, e))
    # The token right after each mention, unless it is a space (``_visible`` of one
    # token, read in place).
    w, low, n = ctx.words, ctx.lower, len(ctx.words)
    return bool(spans) and all(j < n and not w[j].isspace() and low[j] in hardware for _, j in spans)


def is_event(ctx: Context, e: Entity) -> bool:
    """Conferences and challenges as events ("the SimSurgSkill 2021 challenge",
    "a sub-challenge of EndoVis") are neither models nor datasets. A name the text
    spells out as a meeting ("the Text REtrieval Conference (TREC)") is that meeting,
    known or not."""
    meetings = words("meeting_heads")
    if any(" " in (t := ctx.text[a:b]) and t.rsplit(None, 1)[-1].lower() in meetings for a, b in e.spans):
        return True
    if e.known:
        return False
    events = words("event_words")
    w, low = ctx.words, ctx.lower
    for i, j in _token_spans(ctx, e):
        # The first three words after the name within seven tokens, spaces, numbers,
        # "and" and commas skipped; "CodeElo: Benchmarking Competition-level …": a colon
        # ends the name's phrase, what follows glosses it and is no event noun of it.
        # (Read up to the third word only: no list of all seven, no number test beyond.)
        after = []
        for k in range(j, min(j + 7, len(w))):
            x = w[k]
            if x.isspace() or x in ("and", ",") or _like_num(x):
                continue
            if low[k] in (":", "："):
                break
            after.append(low[k])
            if len(after) == 3:
                break
        before = [low[k] for k in range(max(0, i - 3), i)]
        if any(x in events for x in after) or "of" in before[-1:] and any(x.endswith("challenge") for x in before):
            return True
    return False


def is_task(ctx: Context, e: Entity) -> bool:
    """A benchmark's name used for the task it poses in every mention ("the RTE task",
    "RTE systems", "the WMT09 task"), not for its data: no dataset mention. A name
    followed by data words after the task noun ("the CoNLL03 shared task data set")
    is the data."""
    if e.label != "DATASET":
        return False
    tasks, data = words("task_nouns"), _data_words()
    spans = list(_token_spans(ctx, e))
    if not spans:
        return False
    for i, j in spans:
        after = _visible(ctx, j, j + 4)
        if after[:1] == ["shared"]:
            after = after[1:]
        if not after or after[0] not in tasks or any(w in data for w in after[1:3]):
            return False
        # "the GLUE tasks", "on SuperGLUE tasks": a known benchmark's tasks are its parts,
        # the benchmark still named ("the RTE task", one task, is the task).
        if e.known and after[0] == "tasks":
            return False
    return True


@functools.cache
def _data_words() -> frozenset[str]:
    """Dataset words and "data" (built once a process)."""
    return words("dataset_words") | {"data"}


_NUM = re.compile(r"^[+-]?\d[\d,.]*%?$")


def _like_num(w: str) -> bool:
    return w[:1].isdigit() and _NUM.match(w) is not None
