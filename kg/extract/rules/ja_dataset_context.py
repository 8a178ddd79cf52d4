"""Japanese dataset contexts around Latin names (spaced off or not):

* ``ZorbQA データセットで``, ``SWE-benchベンチマーク`` — a dataset noun right after the name;
* ``ZorbQA と QuintarQA で評価した``, ``BIRD で正答率が…`` — the names a system is
  evaluated on: ``で`` ("on, with") and an evaluation word within a few tokens.

Names coordinated by と, や, 、 or a comma share the frame. A list holding a known model
("GPT-4 で評価" — GPT-4 as the judge) names no data; software is no data either.
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import forced_datasets, name_item
from kg.extract.vocab import phrases, words

NAME = "context"
_JOINERS = frozenset(("と", "や", "、", ",", "，", "および", "及び"))
#: Tokens after で within which an evaluation word must start.
EVALUATION_REACH = 4


_KANA = re.compile(r"[\u3040-\u30ff]")


def _kana(w: str) -> bool:
    return _KANA.search(w) is not None


def _names_before(ctx: Context, e: int) -> list[tuple[int, int]]:
    """Coordinated Latin names ending right before token ``e`` (spaces skipped)."""
    out = []
    while True:
        while e > 0 and ctx.words[e - 1].isspace():
            e -= 1
        i = ctx.compound_start.get(e)
        if i is None or not name_item(ctx, i, e):
            return out
        out.append((i, e))
        k = i
        while k > 0 and ctx.words[k - 1].isspace():
            k -= 1
        # Kana are one token per character (as Chinese is), so a joiner of several
        # ("および") is matched on the text before the name.
        before = ctx.joined(k - 3, k)
        joiner = next((j for j in _JOINERS if before.endswith(j)), None)
        if k == 0 or joiner is None:
            return out
        e = k - len(joiner)


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk or not _KANA.search(ctx.text):
        return []  # Chinese text has no kana: one search skips it
    nouns = tuple(phrases("dataset_words_ja"))
    evaluation = tuple(phrases("evaluation_words_ja"))
    found: list[tuple[int, int]] = []
    for d in range(1, len(ctx.words)):
        w = ctx.words[d]
        if not ctx.in_region[d] or not _kana(w[:1]):
            continue
        # "ZorbQA データセットで"; many writers do not space Latin off ("ZorbQAデータセット"):
        # the change of script is the boundary.
        if (ctx.ws[d - 1] or ctx.words[d - 1].isspace() or ctx.kinds[d - 1] == WORD) \
                and ctx.joined(d, d + 8).startswith(nouns):
            items = _names_before(ctx, d)
        elif w == "で" and ctx.joined(d + 1, d + 1 + EVALUATION_REACH).lstrip().startswith(evaluation):
            items = _names_before(ctx, d)  # "ZorbQA と QuintarQA で評価した"
        else:
            continue
        if items and not with_known_model(ctx, items):
            found += items
    software = words("software_names")
    return forced_datasets(ctx, found, NAME, lambda text: text.lower() in software)


__all__ = ["find", "NAME"]
