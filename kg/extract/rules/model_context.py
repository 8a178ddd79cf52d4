"""Context decides unknown model names: ``outperforms X``, ``compared with X and Y``,
``X-based``, ``基于X``, ``与X相比``, ``与X和Y进行了比较``, ``在X的基础上``, ``相较于X``, ``采用X作为骨干``,
``baselines such as X and Y``, ``X as the backbone``. Names found this way are someone
else's (used)."""
from __future__ import annotations

import functools
import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.names import distinctive
from kg.extract.rules.items import items_after, lone_jargon, name_item
from kg.extract.vocab import phrases, union, words

NAME = "context"
_ZH_COMPARED = ("相比", "相较", "比较", "对比")
#: "与X和Y进行了比较": a light verb may stand before the comparison word.
_ZH_LIGHT_VERBS = ("进行了", "进行", "作了", "做了")
_ZH_BASE = ("的基础上", "基础上")
#: Chinese model words after a Latin name (not 层 "layer": "BASE层" is a kind of layer).
_ZH_MODEL_WORDS = ("模型", "网络", "框架", "架构", "算法", "编码器", "解码器")
_ZH_BEFORE = ("相较于", "相比于", "优于", "超越了", "超越")
_ZH_MODEL_FIRST = frozenset(w[0] for w in _ZH_MODEL_WORDS)
_ZH_FRAME_OPENERS = ("与", "在", "同")
_ZH_AS = ("作为骨干", "作为基线", "作为主干", "作为backbone", "作为baseline", "为骨干", "为基线")


def _cand(ctx: Context, i: int, j: int) -> Candidate:
    a, b = ctx.span(i, j)
    return Candidate(a, b, ctx.text[a:b], NAME, "MODEL", used=True)


def _skip_fillers(ctx: Context, k: int) -> int:
    fillers = words("model_cue_fillers")
    while k < len(ctx.words) and ctx.lower[k] in fillers:
        k += 1
    return k


@functools.cache
def _vocab() -> tuple:
    """The rule's derived vocabularies, built once a process: the trigger words, the
    example cues as token tuples, the Chinese "kind + example cue" frames (and a regex
    telling whether an entry holds any of them) and the plain words."""
    zh_examples = tuple(kd + cue for kd in phrases("model_kinds_zh") for cue in phrases("model_example_cues_zh"))
    return (
        words("model_cues") | {"compared", "基"},
        [tuple(p.lower().split()) for p in phrases("example_cues")] + [("include",), ("includes",)],
        zh_examples,
        re.compile("|".join(map(re.escape, zh_examples))),
        union("generic_modifiers", "method_heads", "title_name_heads"),
    )


def find(ctx: Context, prior=()) -> list[Candidate]:
    lower, n = ctx.lower, len(ctx.words)
    cues, suffixes = words("model_cues"), words("model_suffixes")
    zh_dataset = phrases("dataset_words_zh")
    triggers, example_cues, zh_examples, zh_examples_re, plain = _vocab()
    found: list[tuple[int, int]] = []
    for k in ctx.where(triggers, region=True):
        if k >= n - 1:
            break
        low = lower[k]
        if low in cues or (low == "compared" and lower[k + 1] in ("with", "to")):
            s = k + 1 if low in cues else k + 2
            found += lone_jargon(ctx, items_after(ctx, _skip_fillers(ctx, s)))  # "outperforms X, Y and Z"
        elif ctx.words[k] == "基" and ctx.words[k + 1] == "于" and k + 2 < n:
            s = k + 2 + (1 if ctx.words[k + 2].isspace() else 0)
            items = items_after(ctx, s)
            if items and not ctx.joined(items[0][1], items[0][1] + 4).startswith(zh_dataset):
                found.append(items[0])  # "基于X的方法"
    # "baselines such as Zorblax and Quintar", "LLMs like Frobnik", "methods include X":
    # examples of a model kind are models.
    for kind_at in ctx.where(words("model_kinds"), region=True):
        k = kind_at + 1
        if k >= n:
            break
        # "methods, such as NSA and InfLLMv2,": only "such as" survives the comma; ", like"
        # and ", including" often start a clause about the kind itself.
        s = k + 1 if lower[k] == "," and lower[k + 1 : k + 3] == ("such", "as") else k
        for cue in example_cues:
            if tuple(lower[s : s + len(cue)]) == cue:
                found += items_after(ctx, s + len(cue))
                break
    # The Chinese frames below each need their words somewhere in the entry (tokens
    # joined without spaces, as the tests below read them): an entry without them
    # skips the frame; one with them tries only the Latin words right after one
    # (Context.latin_after), not every Latin word.
    squeezed = ctx.squeezed() if ctx.has_cjk else ""
    # "其他先進方法如TreeVGR、DeepEyes及Thyme": a model kind and an example cue before the names.
    for k in (ctx.latin_after(zh_examples, 5) if zh_examples_re.search(squeezed) else ()):
        if k > 0 and ctx.in_region[k] and ctx.joined(max(0, k - 5), k).strip().endswith(zh_examples):
            found += items_after(ctx, k)
    # "相较于Zorblax和Quintar", "优于Frobnik": a Chinese comparison before the names.
    for k in (ctx.latin_after(_ZH_BEFORE, 3) if any(p in squeezed for p in _ZH_BEFORE) else ()):
        if k > 0 and ctx.in_region[k] and ctx.joined(k - 3, k).strip().endswith(_ZH_BEFORE):
            found += lone_jargon(ctx, items_after(ctx, k))
    # "与Zorblax相比", "在Quintar的基础上": the Chinese frames of a comparison and of a base.
    for k in (ctx.latin_after(_ZH_FRAME_OPENERS, 2) if any(p in squeezed for p in _ZH_COMPARED + _ZH_BASE) else ()):
        if k == 0 or not ctx.in_region[k]:
            continue
        before = ctx.joined(k - 2, k).strip()
        if not before.endswith(_ZH_FRAME_OPENERS):
            continue
        items = items_after(ctx, k)
        if items:
            after = ctx.joined(items[-1][1], items[-1][1] + 8).strip()
            for v in _ZH_LIGHT_VERBS:
                if after.startswith(v):
                    after = after[len(v):]
                    break
            if (before.endswith(("与", "同")) and after.startswith(_ZH_COMPARED)) or (
                    before.endswith("在") and after.startswith(_ZH_BASE)):
                found += items
    # "采用Frobnik作为骨干网络": a name taken as the backbone or the baseline.
    for k in (ctx.latin if any(p in squeezed for p in _ZH_AS) else ()):
        if not ctx.in_region[k]:
            continue
        items = items_after(ctx, k) if k == 0 or not ctx.is_word(k - 1) else []
        if items and items[0][0] == k and ctx.joined(items[-1][1], items[-1][1] + 6).strip().startswith(_ZH_AS):
            found += items
    # "we use Zorblax as the backbone", "with Quintar as our teacher": a name taken in
    # a model's role in the method.
    if "as" in lower:
        found += _as_role(ctx)
    # "利用Blarg模型生成数据": in Chinese text a Latin name right before a model word
    # (模型, 网络, 框架 …) names that model — Latin words there are names, not prose.
    # Only compounds ending right before the first character of a model word are tried.
    for j in ctx.where(_ZH_MODEL_FIRST) if ctx.has_cjk else ():
        i = ctx.compound_start.get(j)
        if i is None or ctx.ws[j - 1] or not ctx.joined(j, j + 3).startswith(_ZH_MODEL_WORDS) or ctx.overlaps_taken(i, j):
            continue
        if i > 0 and not ctx.ws[i - 1] and ctx.kinds[i - 1] == WORD:
            continue
        text = ctx.stext(i, j)
        if not name_item(ctx, i, j) or (not distinctive(text) and text.lower() in plain):
            continue
        found.append((i, j))
    # "Mamba-based", "Llama-style": a capitalised word used as a base.
    # Only compounds ending in a suffix word are tried.
    for k in ctx.where(suffixes):
        i, j = k - 2, k + 1
        if ctx.compound_start.get(j) == i and ctx.words[i + 1] == "-" and ctx.kinds[i] == WORD:
            # In a Title-Case line ("An Accelerated, Data-Driven Simulator", a title the
            # layout did not mark) every word is capitalised: the capital says nothing.
            # "Similarity-based Policy Optimization (SPO)": a capitalised word after it
            # makes the compound the first word of a Title-Case name, not a base.
            in_name = j < n and ctx.ws[j - 1] and ctx.kinds[j] == WORD and ctx.words[j][:1].isupper()
            if (ctx.words[i][:1].isupper() and not ctx.in_title(ctx.idx[i]) and not ctx.sentence_start(i)
                    and not ctx.title_like(ctx.sent[i]) and not in_name and name_item(ctx, i, i + 1)):
                # "AST-based static analysis", "FSA-based mining": a bare acronym of two
                # or three capitals is jargon as a base too (items.lone_jargon).
                found += lone_jargon(ctx, [(i, i + 1)])
    return [_cand(ctx, i, j) for i, j in dict.fromkeys(found)]


_AS = frozenset(("as",))


def _as_role(ctx: Context) -> list[tuple[int, int]]:
    """Names right before "as (the/our) <role>" (kg/data/rules/model_roles.txt)."""
    lower, n, roles = ctx.lower, len(ctx.words), words("model_roles")
    ends = ctx.compound_start
    out = []
    for j in ctx.where(_AS):
        if not 0 < j < n - 1 or j not in ends:
            continue
        i, k = ends[j], j + 1
        # "uses Quartz as its backbone": a possessive points at the method like "our".
        while k < n and lower[k] in ("the", "a", "an", "our", "its", "their"):
            k += 1
        if k < n and lower[k] in roles and ctx.in_region[i] and name_item(ctx, i, j) and not ctx.sentence_start(i):
            out.append((i, j))
    return out
