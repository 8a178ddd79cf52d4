"""A heading that is only a name, over a body that says the paper built a dataset it
names nowhere else and gives its model a name of its own: the heading names the data.

"### 3DEditVerse" over "构建了 116K 编辑对的大规模训练数据集，提出专用编辑模型
3DEditFormer": the paper's model is 3DEditFormer, and the one contribution left without a
name is the dataset, which the list calls by the paper's name. kg guesses a lone name a
model (a system's name is the common heading); this rule reads the entry's own
description instead (issue 12: benchmarks and datasets titled like systems).

Three things must hold, or the heading stays what the other rules made it:

* the name is the whole title and a guess (``rules.guesses``: only its look found it);
* the body builds data without naming it: a contribution verb (``cue_verbs``,
  ``cue_verbs_zh``) then, in the same clause and with no Latin name between, a dataset
  noun (``dataset_words``, ``dataset_words_zh``) that no name follows;
* another new name in the body is a model, written right after a model noun ("编辑模型
  3DEditFormer", "an editing model ZorbFormer"; ``model_kinds_zh``, ``model_words_zh``,
  ``method_heads``).

A stage-2 rule: it reads the entities of stage 1 and gives the heading's name a
DATASET candidate on its own span (forced, so the merge types the entity by it).
"""
from __future__ import annotations

import functools
import re

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.rules.guesses import guessed_models
from kg.extract.title_span import title_bounds
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "title-data"
TRIGGERS = Triggers(words=lambda: words("dataset_words"), squeezed=lambda: phrases("dataset_words_zh"))

#: Characters between a Chinese verb and its dataset noun (one clause: "构建了 116K
#: 编辑对的大规模训练数据集").
MAX_ZH_OBJECT = 30
#: Words between an English verb's article and its dataset noun ("a large-scale
#: multi-view editing dataset").
MAX_EN_MODIFIERS = 6


@functools.cache
def _zh_built() -> re.Pattern:
    verbs = "|".join(sorted(map(re.escape, phrases("cue_verbs_zh")), key=len, reverse=True))
    nouns = "|".join(sorted(map(re.escape, phrases("dataset_words_zh")), key=len, reverse=True))
    # No Latin name between verb and noun (a named set: "提出 Zorb-100k 数据集"), no
    # clause break; the noun not followed by a Latin name ("数据集 ZorbSet").
    # A count's unit letter is no name ("116K 编辑对").
    return re.compile(rf"(?:{verbs})了?(?:[^，。；,;:：A-Za-z]|(?<=\d)[KkMmBb]){{0,{MAX_ZH_OBJECT}}}?(?:{nouns})(?![\s（(“\"]*[A-Za-z])")


@functools.cache
def _en_built() -> re.Pattern:
    verbs = "|".join(sorted(map(re.escape, phrases("cue_verbs")), key=len, reverse=True))
    nouns = "|".join(sorted(map(re.escape, phrases("dataset_words")), key=len, reverse=True))
    # Lower-case modifiers only (a capitalised word is a name: "a new dataset ZorbSet" and
    # "the ZorbSet dataset" name it); the noun not followed by a name or a naming word.
    return re.compile(rf"\b(?:{verbs})\s+(?:a|an|the|our)\s+(?:new\s+)?(?:[a-z0-9][\w\-.,]*\s+){{0,{MAX_EN_MODIFIERS}}}?"
                      rf"(?:{nouns})\b(?!\s*,?\s*(?:called|named|dubbed|termed|[A-Z]))")


def _builds_unnamed_data(body: str) -> bool:
    return bool(_zh_built().search(body) or _en_built().search(body))


def _after_model_noun(ctx: Context, a: int) -> bool:
    """The text right before offset ``a`` ends with a model noun ("专用编辑模型 ",
    "an editing model ")."""
    before = ctx.text[max(0, a - 12) : a].rstrip(" ,，")
    if before.endswith(phrases("model_kinds_zh") + phrases("model_words_zh")):
        return True
    last = re.search(r"([A-Za-z]+)$", before)
    return last is not None and last.group(1).lower() in words("method_heads")


def find(ctx: Context, prior=()) -> list[Candidate]:
    bounds = title_bounds(ctx.text, ctx.title)
    if bounds is None:
        return []
    heading = next((e for e in guessed_models(prior) if bounds in e.spans), None)
    if heading is None:
        return []
    body = ctx.text[: ctx.title.start] + "\n" + ctx.text[ctx.title.end :]
    if not _builds_unnamed_data(body):
        return []
    own_model = any(e is not heading and not e.known and e.label == "MODEL"
                    and any(not ctx.in_title(a) and _after_model_noun(ctx, a) for a, _ in e.spans) for e in prior)
    if not own_model:
        return []
    a, b = bounds
    return [Candidate(a, b, heading.name, NAME, "DATASET", proposed=True, yields=NEVER, force_label=True)]
