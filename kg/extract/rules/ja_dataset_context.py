"""Japanese dataset contexts around Latin names (spaced off or not):

* ``ZorbQA データセットで``, ``SWE-benchベンチマーク`` — a dataset noun right after the name;
* ``ZorbQA と QuintarQA で評価した``, ``BIRD で正答率が…``, ``ZorbQA 上で評価``,
  ``ZorbQA において最高性能`` — the names a system is evaluated on: a particle of place
  (``evaluation_particles_ja``: で, 上で, において, での) and an evaluation word within a
  few tokens;
* ``ZorbQA や QuintarQA などのベンチマーク``, ``X、Y、Z の3つのデータセット`` — a list
  closed by など/の (and a count) before the dataset noun (``list_closers_ja``);
* ``複数のベンチマーク（ZorbQA、QuintarQA）`` — the members in brackets after the noun.

Names coordinated by と, や, 、 or a comma share the frame. A list holding a known model
("GPT-4 で評価" — GPT-4 as the judge) names no data; software is no data either.
"""
from __future__ import annotations

import functools
import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD
from kg.extract.rules.dataset_context import with_known_model
from kg.extract.rules.items import forced_datasets, joined_names_before, name_item
from kg.extract.vocab import phrases, words

NAME = "context"
_JOINERS = frozenset(("と", "や", "、", ",", "，", "および", "及び"))
#: Tokens after で within which an evaluation word must start.
EVALUATION_REACH = 4


_KANA = re.compile(r"[\u3040-\u30ff]")


def _kana(w: str) -> bool:
    return _KANA.search(w) is not None


def _names_before(ctx: Context, e: int) -> list[tuple[int, int]]:
    """Coordinated Latin names ending right before token ``e``; kana are one token a
    character (as Chinese is), so a joiner of several ("および") is matched on the text."""
    return joined_names_before(ctx, e, _JOINERS, 3)


@functools.cache
def _closer() -> re.Pattern:
    """``などの``, ``の3つの``: what may stand between a list's last name and its noun (a
    bare の is a possessive — "Zorbnet のベンチマーク結果" — so only a count follows it)."""
    closers = "|".join(re.escape(c) for c in sorted(phrases("list_closers_ja"), key=len, reverse=True))
    return re.compile(rf"(?:{closers}|の(?=[0-9０-９一二三四五六七八九十]))?(?:[0-9０-９一二三四五六七八九十]+(?:つ|個|種類)の)?")


def _bracketed(ctx: Context, k: int) -> list[tuple[int, int]]:
    """Latin names alone in the brackets opened at token ``k`` ("（ZorbQA、QuintarQA）")."""
    out, n = [], len(ctx.words)
    k += 1
    while k < n:
        while k < n and ctx.words[k].isspace():
            k += 1
        j = ctx.compound_end.get(k)
        if j is None or not name_item(ctx, k, j):
            return []
        out.append((k, j))
        while j < n and ctx.words[j].isspace():
            j += 1
        if j < n and ctx.words[j] in ("）", ")"):
            return out
        if j >= n or ctx.words[j] not in _JOINERS:
            return []
        k = j + 1
    return []


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not ctx.has_cjk or not _KANA.search(ctx.text):
        return []  # Chinese text has no kana: one search skips it
    nouns = tuple(phrases("dataset_words_ja"))
    evaluation = tuple(phrases("evaluation_words_ja"))
    particles = tuple(sorted(phrases("evaluation_particles_ja"), key=len, reverse=True))
    closer = _closer()
    found: list[tuple[int, int]] = []
    for d in range(1, len(ctx.words)):
        w = ctx.words[d]
        if not ctx.in_region[d]:
            continue
        if w in ("（", "(") and ctx.joined(d - 6, d).endswith(nouns):
            items = _bracketed(ctx, d)  # "複数のベンチマーク（ZorbQA、QuintarQA）"
            if items and not with_known_model(ctx, items):
                found += items
            continue
        if ctx.kinds[d] == WORD or ctx.words[d].isspace() or not (ctx.ws[d - 1] or ctx.words[d - 1].isspace()
                                                                   or ctx.kinds[d - 1] == WORD):
            continue  # a frame starts where Japanese follows a Latin name (spaced off or not)
        ahead = ctx.joined(d, d + 16)
        # "ZorbQA データセットで"; many writers do not space Latin off ("ZorbQAデータセット"):
        # the change of script is the boundary. A list may close first: "… などのベンチマーク".
        if _kana(w[:1]) and ahead[closer.match(ahead).end():].startswith(nouns):
            items = _names_before(ctx, d)
        elif (p := next((x for x in particles if ahead.startswith(x)), None)) is not None \
                and _evaluated(ahead[len(p):].lstrip(), evaluation):
            items = _names_before(ctx, d)  # "ZorbQA と QuintarQA で評価した", "ZorbQA 上で評価"
        else:
            continue
        if items and not with_known_model(ctx, items):
            found += items
    software = words("software_names")
    return forced_datasets(ctx, found, NAME, lambda text: text.lower() in software)


def _evaluated(rest: str, evaluation: tuple[str, ...]) -> bool:
    """An evaluation word starts within ``EVALUATION_REACH`` characters of ``rest``."""
    return any(rest[s:].startswith(evaluation) for s in range(EVALUATION_REACH + 1))


__all__ = ["find", "NAME"]
