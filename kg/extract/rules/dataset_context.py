"""Context decides unknown dataset names, whatever they look like:

* ``on the X dataset``, ``X and Y datasets``, ``the Waymo Open Motion benchmark``;
* ``X数据集``, ``在X和Y数据集上``, ``在X、Y上进行实验``;
* ``we evaluate on X, Y and Z``, ``trained on X``, ``results across X and Y``;
* ``corpora such as X, Y and Z``, ``benchmarks including X``;
* ``the X test set`` / ``X training split`` (the split is not part of the name);
* names listed after a known dataset: ``on ImageNet, X and Y``;
* a campaign before a language pair: ``WMT English to German``.

Known names keep their gazetteer kind (the merge lets gazetteer matches win).
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, TO_LONG_FORMS, Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive
from kg.extract.nlp import CJK, WORD, gazetteer
from kg.extract.rules.items import CONJUNCTIONS, JOINERS, items_after, items_before, lone_jargon, name_item
from kg.extract.vocab import phrases, union, words

NAME = "context"
_SPLIT_NOUNS = frozenset(("set", "sets", "split", "splits", "partition"))
_ZH_LOOKAHEAD = 8


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


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, lower, n = ctx.words, ctx.lower, len(ctx.words)
    dataset_words, cues, splits = words("dataset_words"), words("dataset_cues"), words("split_words")
    zh_words = phrases("dataset_words_zh")
    triggers = dataset_words | splits | {"on", "across", "在", "data"} | {z[0] for z in zh_words}
    found: list[tuple[int, int]] = []
    vetoes: list[Candidate] = []
    for d in range(n):
        if lower[d] not in triggers or not ctx.in_region[d]:  # one set lookup for most tokens
            continue
        if w[d] == "在" and (s := _past_spaces(ctx, d + 1)) < n and ctx.kinds[s] == WORD:
            # "在X、Y上进行实验"; mixed text spaces the Latin words: "在 X 和 Y 上进行评估"
            found += lone_jargon(ctx, _zh_evaluation(ctx, s - 1))
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
        if low in dataset_words | splits | {"data"} and (c := _campaign_before(ctx, d)) is not None:
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
        elif low in ("on", "across") and (_cue_before(ctx, d, cues) or _scored_before(ctx, d) or _verb_before(ctx, d)):
            # "we evaluate on X, Y and Z"; "achieves 80% on X", "a score of 71.2 on X";
            # "we evaluate our model on X"
            items = lone_jargon(ctx, items_after(ctx, d + 1))
            found += [] if with_known_model(ctx, items) else items
    found += _campaign_pairs(ctx)
    found += _after_known(ctx)
    # "在 MLX 和 vLLM 上表现突出", "results on PyTorch": frameworks a system runs on are no data.
    software = words("software_names")
    return [_cand(ctx, i, j) for i, j in dict.fromkeys(found)
            if not _hardware(ctx, j) and ctx.stext(i, j).lower() not in software] + vetoes


#: Words between a campaign's name and its data ("the NIST evaluation test sets",
#: "the CoNLL shared task data").
_CAMPAIGN_FILLERS = frozenset(("evaluation", "evaluations", "shared", "task", "tasks", "track"))


def _campaign_before(ctx: Context, d: int) -> tuple[int, int] | None:
    """The campaign name (``kg/data/rules/shared_task_venues.txt``) right before the data
    word at token ``d``, over :data:`_CAMPAIGN_FILLERS`; or None."""
    k, fillers = d - 1, 0
    while k >= 0 and fillers <= 3:
        if ctx.words[k].isspace():
            k -= 1
        elif ctx.lower[k] in _CAMPAIGN_FILLERS:
            k, fillers = k - 1, fillers + 1
        else:
            break
    if k < 0 or ctx.words[k] not in _campaigns() or ctx.sent[k] != ctx.sent[d]:
        return None
    # "the TREC data set" but not "TREC-style data": the name stands alone.
    if k > 0 and not ctx.ws[k - 1] and ctx.words[k - 1] not in ("(", "\"", "“"):
        return None
    return (k, k + 1)


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


_PAIR_JOINERS = frozenset(("to", "-", "–", "→", "into"))


def _campaign_pairs(ctx: Context) -> list[tuple[int, int]]:
    """"WMT English to German", "IWSLT German-English": a campaign's name before the
    language pair it released data for is that data."""
    campaigns, langs = _campaigns(), words("languages")
    w, n = ctx.words, len(ctx.words)
    out = []
    for k in ctx.caps:
        if w[k] not in campaigns or k + 3 >= n or not ctx.ws[k]:
            continue
        if k > 0 and not ctx.ws[k - 1] and ctx.is_word(k - 1):
            continue  # glued on to a longer word
        a = k + 1
        if ctx.lower[a] in langs and w[a][:1].isupper() and ctx.lower[a + 1] in _PAIR_JOINERS \
                and ctx.lower[a + 2] in langs and w[a + 2][:1].isupper():
            out.append((k, k + 1))
    return out


def _campaigns() -> frozenset[str]:
    # Written as the campaign writes itself: "WMT", "SemEval", not the word "tac".
    return frozenset(phrases("shared_task_venues"))


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


#: Words an evaluation verb's object may take before "on X" ("evaluate our new model on X").
VERB_OBJECT_WORDS = 3


def _verb_before(ctx: Context, d: int) -> bool:
    """An evaluation verb at most :data:`VERB_OBJECT_WORDS` words before "on" at ``d``,
    its object between them ("benchmark 12 LLMs on X"), no punctuation in between."""
    verbs = words("evaluation_verbs")
    k, seen = d - 1, 0
    while k >= 0 and seen <= VERB_OBJECT_WORDS:
        if ctx.words[k].isspace():
            k -= 1
            continue
        # "fine-tune LLaMA on X", "pre-trained on X": the tokenizer splits a hyphenated
        # word at its hyphen; the whole compound is the verb (or one object word).
        i = ctx.compound_start.get(k + 1, k)
        if ctx.kinds[k] != WORD or ctx.sent[k] != ctx.sent[d]:
            return False
        if ctx.lower[k] in verbs or "".join(ctx.lower[i : k + 1]) in verbs:
            return seen > 0
        seen += 1
        k = i - 1
    return False


_SCORE = re.compile(r"\d+(?:\.\d+)?%?|%")


def _score(word: str) -> bool:
    """A score or a percentage, the token before "on X" in "achieves 80% on X"."""
    return _SCORE.fullmatch(word) is not None


def _cue_before(ctx: Context, d: int, cues: frozenset[str]) -> bool:
    """The word before "on" at ``d`` is a cue ("evaluate on X"), read whole when the
    tokenizer split it at a hyphen ("fine-tuned on X")."""
    i = ctx.compound_start.get(d, d - 1)
    word = "".join(ctx.lower[i:d])
    return ctx.lower[d - 1] in cues or word in cues


def _scored_before(ctx: Context, d: int) -> bool:
    """A score, or a score and the one word that names what it counts, right before
    "on" at ``d``: "achieves 80% on X", "85.2 F1 on X", "+3.1 points on X"."""
    before = [k for k in range(max(0, d - 4), d) if not ctx.words[k].isspace() and ctx.sent[k] == ctx.sent[d]][-2:]
    if before and _score(ctx.words[before[-1]]):
        return True
    if len(before) < 2 or not _score(ctx.words[before[0]]):
        return False
    # "2 layers on X", "Task 2 on X": only a word a score counts in makes the score's
    # place a dataset (kg/data/rules/score_words.txt, metrics.txt).
    i = ctx.compound_start.get(before[1] + 1, before[1])
    return "".join(ctx.lower[i : before[1] + 1]) in union("score_words", "metrics")


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


def _past_spaces(ctx: Context, k: int) -> int:
    while k < len(ctx.words) and ctx.words[k].isspace() and "\n" not in ctx.words[k]:
        k += 1
    return k


#: Tokens from 在 to the 上 that closes its frame when a gloss stands inside it.
ZH_FRAME_REACH = 40
_ZH_CLAUSE_END = frozenset(("。", "；", ";", "，", ",", "\n"))


def _zh_evaluation(ctx: Context, d: int) -> list[tuple[int, int]]:
    """``在X、Y和Z上`` followed by an evaluation word (实验, 评估 …)."""
    items = items_after(ctx, d + 1)
    k = items[-1][1] if items else d + 1
    while k < len(ctx.words) and ctx.words[k].isspace():
        k += 1
    if k >= len(ctx.words) or ctx.words[k] != "上":
        # (the names may close the text: "…在MNIST和ImageNet" then has no token at k)
        if items and k < len(ctx.words) and ctx.kinds[k] == CJK and _noun_closes(ctx, k):
            # "在Minecraft MCU长程任务套件上": a dataset noun right before the frame's 上,
            # its modifiers between it and the names, says what they are.
            return items
        # "在Office + Caltech-10上的精度": a combination of datasets written with "+"
        # is one name, read up to the 上 that closes the frame.
        items = _combined(ctx, d + 1) or _glossed(ctx, d, items)
        if not items:
            return []
        k = _past_spaces(ctx, items[-1][1])
    after = ctx.joined(k + 1, k + 1 + _ZH_LOOKAHEAD)
    # "在VideoHolmes上提升**+5.4%**": a percentage right after the frame is a score the
    # names were measured on, whatever verb reports it.
    if any(z in after for z in phrases("evaluation_words_zh")) or _ZH_SCORE.search(_ZH_CLAUSE.split(after, 1)[0]):
        return items
    return []


_ZH_SCORE = re.compile(r"\d%|\d\s+%")
#: The score must stand in the frame's own clause ("在X上部署，速度快15%" measures no X).
_ZH_CLAUSE = re.compile(r"[，。；;,]")


#: Chinese characters between a name and the dataset noun closing its 在…上 frame
#: ("长程任务套件": modifiers, then the noun).
ZH_NOUN_REACH = 8


def _noun_closes(ctx: Context, k: int) -> bool:
    """The Chinese run from token ``k`` up to the frame's 上 (at most
    :data:`ZH_NOUN_REACH` tokens, no Latin word or clause end between) ends in a
    dataset noun (``kg/data/rules/dataset_words_zh.txt``)."""
    w = ctx.words
    for e in range(k, min(k + ZH_NOUN_REACH + 1, len(w))):
        if w[e] == "上":
            return e > k and ctx.joined(k, e).endswith(phrases("dataset_words_zh"))
        if ctx.kinds[e] != CJK or w[e] in _ZH_CLAUSE_END:
            return False
    return False


def _glossed(ctx: Context, d: int, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"在 DocVQA2026（…）和 Manga109 的角色命名任务 M109NC 上进行评估": glosses stand
    between the names, so the frame's 上 is further on, in the same clause (brackets
    skipped whole). The names read from 在 and those right before 上 are the frame's."""
    w, n = ctx.words, len(ctx.words)
    k, depth = (items[-1][1] if items else d + 1), 0
    while k < n and k - d <= ZH_FRAME_REACH:
        if w[k] in ("（", "("):
            depth += 1
        elif w[k] in ("）", ")"):
            depth -= 1
        elif depth == 0 and (w[k] in _ZH_CLAUSE_END or "\n" in w[k]):
            return []
        elif depth == 0 and w[k] == "上":
            e = k
            while e > 0 and w[e - 1].isspace():
                e -= 1
            last = items_before(ctx, e) if e > 0 and ctx.kinds[e - 1] == WORD else []
            return items + [x for x in reversed(last) if x not in items] if last else []
        k += 1
    return []


def _combined(ctx: Context, s: int) -> list[tuple[int, int]]:
    """``A + B`` from token ``s`` up to a 上: Latin words joined by ``+`` only; the
    span, or nothing."""
    w, n = ctx.words, len(ctx.words)
    k, parts, plus = s, [], False
    while k < n and k - s <= _ZH_LOOKAHEAD and w[k] != "上":
        if w[k] == "+":
            plus = True
        elif ctx.kinds[k] == WORD or w[k] in ("-", "_"):
            parts.append(k)
        elif not w[k].isspace():
            return []
        k += 1
    # The frame and the evaluation word after it vouch for the span; one part shaped
    # like a name ("Caltech-10") is enough ("Office" alone reads as a word).
    if k >= n or w[k] != "上" or not plus or not parts or not any(
            distinctive(ctx.stext(i, j)) or name_item(ctx, i, j) for i, j in ctx.compounds if parts[0] <= i < parts[-1] + 1):
        return []
    return [(parts[0], parts[-1] + 1)]


__all__ = ["find", "NAME", "JOINERS", "with_known_model"]
