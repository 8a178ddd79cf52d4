"""Context decides unknown dataset names, whatever they look like:

* ``on the X dataset``, ``X and Y datasets``, ``the Waymo Open Motion benchmark``;
* ``X数据集``, ``在X和Y数据集上``, ``在X、Y上进行实验``;
* ``we evaluate on X, Y and Z``, ``trained on X``, ``results across X and Y``;
* ``corpora such as X, Y and Z``, ``benchmarks including X``;
* ``the X test set`` / ``X training split`` (the split is not part of the name);
* names listed after a known dataset: ``on ImageNet, X and Y``;
* a campaign before a language pair: ``WMT English to German``.

Known names keep their gazetteer kind (the merge lets gazetteer matches win).

The rule's frames read helpers kept in modules of their own: campaigns before their
data (:mod:`~kg.extract.rules.dataset_campaigns`), the cues before "on X"
(:mod:`~kg.extract.rules.evaluation_cues`) and the Chinese ``在X上`` frame
(:mod:`~kg.extract.rules.zh_evaluation_frames`).
"""
from __future__ import annotations

import functools

from kg.extract.candidate import GENERIC, NEVER, TO_LONG_FORMS, Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD, gazetteer
from kg.extract.rules.dataset_campaigns import campaign_before, campaign_pairs
from kg.extract.rules.evaluation_cues import cue_before, scored_before, verb_before
from kg.extract.rules.items import CONJUNCTIONS, JOINERS, items_after, items_before, lone_jargon
from kg.extract.rules.zh_evaluation_frames import past_spaces, zh_evaluation
from kg.extract.vocab import phrases, words

NAME = "context"
_SPLIT_NOUNS = frozenset(("set", "sets", "split", "splits", "partition"))


def _cand(ctx: Context, i: int, j: int) -> Candidate:
    # "Chinese Treebank 5.1", "PDTB 2.0": a release number belongs to the name.
    j = ctx.version_after(j) or j
    a, b = ctx.span(i, j)
    # "the TiGer Treebank": a name ending in its capitalised dataset word is one whole
    # name, so "TiGer" inside it is part of it, not a name of its own.
    # A known name keeps its own span ("NPS Chat" in "NPS Chat Corpus").
    # So is any several-word name the context vouches for ("the Turkish IMST treebank",
    # "NIST Chinese-English test sets"): the new acronym inside is that dataset, not a
    # second one.
    whole = j - i > 1 and not ctx.overlaps_taken(i, j)
    if j - i > 1 and not whole and _list_item(ctx, i, j) and not any(m.i == i and m.j == j for m in ctx.matches):
        # "like PubMed Central, PubMed Abstracts, and ArXiv": the list's separators bound
        # the item, so the known name inside ("PubMed") is part of a longer one.
        return Candidate(a, b, ctx.text[a:b], NAME, "DATASET", force_label=True, covers=True, yields=TO_LONG_FORMS)
    return Candidate(a, b, ctx.text[a:b], NAME, "DATASET", force_label=True, covers=whole)


_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "「": "」", "《": "》"}


def _quoted(ctx: Context, i: int, j: int) -> bool:
    """Tokens ``i:j`` stand alone between quotation marks ("a \"Gold Dataset\" of
    prompts"): the writer marks the whole phrase, dataset word included, as the name."""
    return 0 < i and j < len(ctx.words) and _QUOTES.get(ctx.words[i - 1]) == ctx.words[j]


_ITEM_BEFORE = frozenset((",", "，", "and", "or", ";"))
_ITEM_AFTER = frozenset((",", "，", "and", "or", ";", "."))


def _list_item(ctx: Context, i: int, j: int) -> bool:
    """Tokens ``i:j`` are an inner item of a list: a separator before and after them."""
    p = i - 1
    while p >= 0 and ctx.words[p].isspace():
        p -= 1
    k = j
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return p >= 0 and k < len(ctx.words) and ctx.lower[p] in _ITEM_BEFORE and ctx.lower[k] in _ITEM_AFTER


@functools.cache
def _triggers() -> frozenset[str]:
    """The words a frame of this rule starts from."""
    zh_words = phrases("dataset_words_zh")
    return frozenset(words("dataset_words") | words("split_words") | {"on", "across", "在", "data"} | {z[0] for z in zh_words})


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, lower, n = ctx.words, ctx.lower, len(ctx.words)
    dataset_words, cues, splits = words("dataset_words"), words("dataset_cues"), words("split_words")
    zh_words = phrases("dataset_words_zh")
    found: list[tuple[int, int]] = []
    vetoes: list[Candidate] = []
    # The frames' words, from the entry's word index (not a test of every token).
    for d in ctx.where(_triggers(), region=True):
        if w[d] == "在" and (s := past_spaces(ctx, d + 1)) < n and ctx.kinds[s] == WORD:
            # "在X、Y上进行实验"; mixed text spaces the Latin words: "在 X 和 Y 上进行评估"
            found += lone_jargon(ctx, zh_evaluation(ctx, s - 1))
            continue
        low = lower[d]
        if low in dataset_words and (k := _examples_after(ctx, d + 1)) is not None:
            # "corpora such as FrameNet, PropBank and NomBank"
            found += lone_jargon(ctx, items_after(ctx, k))
        elif low in dataset_words and (k := _paren_after(ctx, d + 1)) is not None:
            # "two domain-specific corpora (SPORTS and FINANCE)": the members, in brackets
            found += _bracketed(ctx, k)
        if d == 0:
            continue
        e = d
        while e > 1 and w[e - 1].isspace() and "\n" not in w[e - 1]:
            e -= 1  # "the Samala  corpus": text from PDFs doubles spaces
        if (low in dataset_words or low in splits or low == "data") and (c := campaign_before(ctx, d)) is not None:
            # "the SemEval test set", "WMT data sets", "three NIST evaluation test sets":
            # a campaign's name before its data is that data (a venue's name elsewhere).
            found.append(c)
            continue
        if low in dataset_words and ctx.ws[e - 1]:
            items = items_before(ctx, e)  # "the X and Y datasets"
            # "the USF dataset": a definite singular names one dataset, acronym or not.
            if not (len(items) == 1 and not low.endswith("s") and items[0][0] > 0 and lower[items[0][0] - 1] == "the"):
                items = lone_jargon(ctx, items)
            if len(items) == 1 and low.endswith("s") and _category_heading(ctx, items[0][0], d):
                items = []  # "Cloze datasets." heads a section on a kind of dataset
            if items and w[d][:1].isupper() and (len(items) == 1 or not low.endswith("s")):
                if low in words("detached_dataset_words") and " " not in ctx.stext(*items[0]) \
                        and not _quoted(ctx, items[0][0], d + 1) and not gazetteer().known(ctx.stext(items[0][0], d + 1)):
                    # "Boston Dataset", "the KITTI Database", "CRYSTAL Benchmark for …": one
                    # word before a generic head is the name, the head its kind; the joined
                    # phrase is no name (unless it is a known one: "STS Benchmark").
                    a, b = ctx.span(items[0][0], d + 1)
                    vetoes.append(Candidate(a, b, ctx.text[a:b], NAME, GENERIC, yields=NEVER))
                else:
                    # "the Open LLM Leaderboard", "the Penn Treebank and Prague Dependency
                    # Treebank": a capitalised singular word is part of the nearest name.
                    items = [(items[0][0], d + 1)] + items[1:]
            found += items + _list_before_article(ctx, e)
        elif low == "data" and d + 1 < n and lower[d + 1] in ("set", "sets") and ctx.ws[d - 1]:
            found += lone_jargon(ctx, items_before(ctx, d))  # "the WMT09 English-Hungarian data set"
        elif low in splits and d + 1 < n and ctx.ws[d - 1] and (
            lower[d + 1] in _SPLIT_NOUNS or (lower[d + 1] == "data" and low in words("held_out_splits"))
        ):
            # "the X test set" (a split vouches even for "FCE"); "X's test set": the
            # possessive's "'" and "s" stand between the name and its split — a held-out
            # split only, since a model has training data of its own ("Zorb's training set").
            e = d - 2 if d >= 3 and lower[d - 1] == "s" and w[d - 2] in ("'", "’") and not ctx.ws[d - 3] \
                and low in words("held_out_splits") else d
            found += items_before(ctx, e)
        elif ctx.kinds[d] != WORD and ctx.kinds[d - 1] == WORD and ctx.joined(d, d + 4).startswith(zh_words):
            found += lone_jargon(ctx, items_before(ctx, d))  # "X数据集", "在X和Y数据集上"
        elif low in ("on", "across") and (cue_before(ctx, d, cues) or scored_before(ctx, d) or verb_before(ctx, d)):
            # "we evaluate on X, Y and Z"; "achieves 80% on X", "a score of 71.2 on X";
            # "we evaluate our model on X"
            items = lone_jargon(ctx, items_after(ctx, d + 1))
            found += [] if with_known_model(ctx, items) or _modifiers(ctx, items) else items
    found += campaign_pairs(ctx)
    found += _after_known(ctx)
    # "在 MLX 和 vLLM 上表现突出", "results on PyTorch": frameworks a system runs on are no data.
    software = words("software_names")
    return [_cand(ctx, i, j) for i, j in dict.fromkeys(found)
            if not _hardware(ctx, j) and ctx.stext(i, j).lower() not in software] + vetoes


def _modifiers(ctx: Context, items: list[tuple[int, int]]) -> bool:
    """"the performance on Cb, Cr channels", "runs on ARM devices": a plural common noun
    right after the list makes its items modifiers of that noun, not the data evaluated
    on (a dataset noun there is read by the dataset-noun frame above)."""
    if not items:
        return False
    j = items[-1][1]
    k = j
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    if k >= len(ctx.words) or not ctx.ws[j - 1]:
        return False
    nxt = ctx.words[k]
    return nxt.isalpha() and nxt.islower() and len(nxt) > 3 and nxt.endswith("s") and nxt not in words("dataset_words")


#: Tokens a name between "the" and its dataset noun may take ("the IMC 2025 benchmark").
_ARTICLE_NAME_TOKENS = 4


def _list_before_article(ctx: Context, e: int) -> list[tuple[int, int]]:
    """"ETH3D, EuRoC and the IMC 2025 benchmark": the last item of a list takes "the" and
    the dataset noun (ending at token ``e``); two or more names listed before it, none a
    known model, are datasets too."""
    k, seen = e - 1, 0
    while k > 0 and seen < _ARTICLE_NAME_TOKENS and (ctx.words[k][:1].isupper() or ctx.words[k][:1].isdigit()
                                                       or ctx.words[k] in ("-", "_")):
        k, seen = k - 1, seen + 1
    if not seen or k < 2 or ctx.lower[k] != "the" or ctx.words[k - 1] not in CONJUNCTIONS:
        return []
    listed = items_before(ctx, k - 1)
    if len(listed) < 2 or with_known_model(ctx, listed):
        return []
    return lone_jargon(ctx, listed)


def _category_heading(ctx: Context, i: int, d: int) -> bool:
    """"Cloze datasets. Recently, …": a heading of one word and a plural dataset noun,
    alone before its full stop, names a kind of dataset, not one."""
    k = d + 1
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return ctx.sentence_start(i) and (k >= len(ctx.words) or ctx.words[k] in (".", "\n"))



def _paren_after(ctx: Context, k: int) -> int | None:
    """Token after an opening bracket at ``k`` (spaces skipped), or None."""
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return k + 1 if k < len(ctx.words) and ctx.words[k] in ("(", "（") else None


def _bracketed(ctx: Context, k: int) -> list[tuple[int, int]]:
    """Two or more names from token ``k`` that fill the bracket up to its close: a
    citation ("(Smith et al., 2010)") or a gloss does not end right after its names."""
    items = items_after(ctx, k)
    if len(items) < 2:
        return []
    e = items[-1][1]
    while e < len(ctx.words) and ctx.words[e].isspace():
        e += 1
    return items if e < len(ctx.words) and ctx.words[e] in (")", "）") else []


def with_known_model(ctx: Context, items: list[tuple[int, int]]) -> bool:
    """One of the items is a known model: the list lists models ("On Market-1501,
    CaffeNet and ResNet-50 achieve …"), since a list holds one kind of thing."""
    return any(m.label == "MODEL" and m.known and i < m.j and m.i < j for m in ctx.matches for i, j in items)


def _hardware(ctx: Context, j: int) -> bool:
    """The name ending at token ``j`` is a machine ("on NVIDIA DGX-1 servers")."""
    k = j
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    return k < len(ctx.words) and ctx.lower[k] in words("hardware_words")



def _examples_after(ctx: Context, k: int) -> int | None:
    """Token after an example cue starting at token ``k`` ("such as", "including"), or None."""
    for cue in phrases("example_cues"):
        parts = cue.split()
        if [x for x in ctx.lower[k : k + len(parts)]] == parts:
            return k + len(parts)
    return None


def _after_known(ctx: Context) -> list[tuple[int, int]]:
    """Names listed right after a known dataset ("on ImageNet, Zorblax and Quintar")."""
    out = []
    n = len(ctx.words)
    for m in ctx.matches:
        if m.label != "DATASET":
            continue
        k = m.j
        while k < n and ctx.words[k] in JOINERS:
            k += 1
        if k == m.j:
            continue
        listed = items_after(ctx, k)
        if with_known_model(ctx, listed):
            continue
        if _bracketed_list(ctx, m.i, listed):
            # "(GPQA, HLE)": brackets close the list, so even a lone acronym is a member.
            out += listed
            continue
        items = lone_jargon(ctx, listed)
        # A lone comma after an opening phrase is no list ("On ImageNet, X improves …"):
        # it takes a conjunction or a second item.
        if len(items) >= 2 or any(ctx.words[x] not in (",", "，") for x in range(m.j, k)):
            out += items
    return out


def _bracketed_list(ctx: Context, i: int, items: list[tuple[int, int]]) -> bool:
    """The known name at token ``i`` opens a bracket and ``items`` close it."""
    if not items:
        return False
    p = i - 1
    while p >= 0 and ctx.words[p].isspace():
        p -= 1
    e = items[-1][1]
    while e < len(ctx.words) and ctx.words[e].isspace():
        e += 1
    return p >= 0 and ctx.words[p] in ("(", "（") and e < len(ctx.words) and ctx.words[e] in (")", "）")


__all__ = ["find", "NAME", "JOINERS", "with_known_model"]
