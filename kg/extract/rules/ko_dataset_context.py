"""Korean dataset contexts around Latin names (spaced off or not):

* ``GenEval 벤치마크에서``, ``ZorbQA 데이터셋으로`` — a dataset noun right after the name;
* ``Replica에서 강한 성능``, ``GPQA-Diamond에서 평가했으며`` — the names a system is
  evaluated on: ``에서`` ("on, in") and an evaluation word within a few syllables.

Korean writes its particles on the word before them, so names coordinated by 와/과
("and"), 및, (이)나 ("or"), a comma or 、 share the frame: ``NYUv2와 KITTI 데이터셋``. A
list holding a known model ("Qwen3에서 성능이" — the model evaluated) names no data,
nor does software. The Japanese sibling is :mod:`ja_dataset_context`; Hangul, like
kana and Chinese, is one token a character.
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import forced_datasets, joined_names_before
from kg.extract.triggers import Triggers
from kg.extract.vocab import phrases, words

NAME = "context"
#: Particles and marks that join a name to the next one ("NYUv2와 KITTI"), longest first.
_JOINERS = ("이나", "와", "과", "및", "나", "、", ",", "，")
#: "에서" with its topic or adnominal particle ("에서는", "에서의"): "on, in".
_AT = ("에서는", "에서의", "에서도", "에서")
#: Tokens (syllables) after 에서 within which an evaluation word must start.
EVALUATION_REACH = 4
_HANGUL = re.compile(r"[\uac00-\ud7a3]")

TRIGGERS = Triggers(cjk=True, squeezed=lambda: (*(p.replace(" ", "") for p in phrases("dataset_words_ko")), "에서"))


def _names_before(ctx: Context, e: int) -> list[tuple[int, int]]:
    """Coordinated Latin names ending right before token ``e``; a particle is one token
    a syllable, matched on the text before the name, and one glued to a Hangul word
    ("모델과 ZorbQA") belongs to that word, not to a name."""
    return joined_names_before(ctx, e, _JOINERS, 2, glued=False)


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk or not _HANGUL.search(ctx.text):
        return []
    nouns = tuple(p.replace(" ", "") for p in phrases("dataset_words_ko"))
    evaluation = tuple(phrases("evaluation_words_ko"))
    found: list[tuple[int, int]] = []
    for d in range(1, len(ctx.words)):
        w = ctx.words[d]
        if not ctx.in_region[d] or not _HANGUL.match(w[:1]):
            continue
        prev = d - 1
        while prev > 0 and ctx.words[prev].isspace():
            prev -= 1
        if ctx.kinds[prev] != WORD:
            continue  # the frame starts right after a Latin name
        ahead = ctx.joined(d, d + 8)
        if ahead.startswith(nouns):
            items = _names_before(ctx, d)  # "GenEval 벤치마크에서"
        else:
            at = next((a for a in _AT if ahead.startswith(a)), None)
            if at is None:
                continue
            p = d + len(at)
            if not any(ctx.joined(p + s, p + s + 3).startswith(evaluation) for s in range(EVALUATION_REACH + 1)):
                continue
            items = _names_before(ctx, d)  # "Replica에서 강한 성능"
        if items and not with_known_model(ctx, items):
            found += items
    software = words("software_names")
    return forced_datasets(ctx, found, NAME, lambda text: text.lower() in software)


__all__ = ["find", "NAME", "TRIGGERS"]
