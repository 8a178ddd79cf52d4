"""Traditional Chinese read as Simplified, for the rules only.

kg's Chinese vocabularies and rules are written in Simplified characters (``数据集``,
``基准``, ``基于``); a Traditional-Chinese digest writes the same words as ``數據集``,
``基準``, ``基於``. :func:`reading` gives the text the tokens of an entry are made from:
each Traditional character replaced by its Simplified reading (one character for one,
``kg/data/zh_hant_chars.tsv``, built from OpenCC's table by ``scripts/build-hant-table``),
so offsets never move and every name is still cut from the text as written.

Japanese text is left alone: its kanji are often the Traditional forms (``評価``,
``認識``) and kg's Japanese word lists are written in them.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

from kg.errors import KgError

__all__ = ["reading"]

#: Hiragana and katakana: an entry with any is Japanese (or quotes it) and is read as is.
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")


@functools.cache
def _table() -> tuple[dict[int, str], frozenset[str]]:
    p = resources.files("kg") / "data" / "zh_hant_chars.tsv"
    if not p.is_file():
        raise KgError("kg/data/zh_hant_chars.tsv is missing (reinstall kg)")
    table: dict[int, str] = {}
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        trad, _, simp = line.partition("\t")
        if len(trad) != 1 or len(simp) != 1:
            raise KgError(f"kg/data/zh_hant_chars.tsv:{n}: expected one character, a tab and one character")
        table[ord(trad)] = simp
    return table, frozenset(chr(c) for c in table)


def reading(text: str) -> str:
    """``text`` with its Traditional characters read as Simplified (same length, same
    offsets); ``text`` itself when it has none or is Japanese."""
    # Most entries are English (ASCII: one C-speed test) or Simplified (one set test, no
    # Traditional character): only the rest pay for a translation. A regular expression
    # of the table's 3,222 characters was ten times slower than the set.
    if text.isascii():
        return text
    table, hant = _table()
    if hant.isdisjoint(text) or _KANA.search(text):
        return text
    return text.translate(table)
