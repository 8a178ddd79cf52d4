"""The mixed CJK/Latin tokenizer extraction reads every entry with (see :mod:`kg.extract.nlp`
for why kg has its own): one token per CJK character, one per Latin/digit run (``3.5``
stays one), one per other mark; whitespace other than one space after a token is a
token of its own, so the tokens rebuild the text and offsets are character offsets.

Every entry pays for this, so it runs without a Python step per token: one regular
expression yields ``(space before, token)`` pairs — the space is the previous token's
"space after", any other whitespace is matched as a token — and the lists are built
from them by ``zip``/``map``/``accumulate``. Only the ends of the text (leading and
trailing whitespace are tokens, never a "space after") are handled apart.
"""
from __future__ import annotations

import re
from itertools import accumulate
from operator import add, itemgetter

__all__ = ["tokenize", "CJK", "WORD", "PUNCT", "SPACE", "token_kind"]

_CJK_CLASS = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_PIECE_RE = re.compile(
    r"( ?)"  # one space: the "space after" of the token before
    # CJK here includes Japanese kana and Korean syllables: particles glued to a Latin name
    # ("ZorbNetを提案", "BERT는") are no part of it.
    rf"([{_CJK_CLASS}]"  # one CJK character
    # A Latin/digit run, 2.0: word characters but "_" and CJK, as one class (a lookahead
    # per character cost a third of the matching).
    r"|[^\W_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+(?:[.](?=\d)[^\W_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+)*"
    r"|\s+"  # whitespace other than that one space: a token of its own
    r"|\S)",  # any other single character
    re.U,
)

#: Token classes (``tokenize``'s fourth list): rules ask "is this a Latin/digit word?"
#: for every token, and the first character already knows.
CJK, WORD, PUNCT, SPACE = 1, 2, 3, 0


def _KANA_HANGUL(c: str) -> bool:
    """Japanese kana and Korean syllables are CJK tokens too: particles glued to a Latin
    name ("ZorbNetを提案", "GPT-4oと比較", "BERT는") are no part of it."""
    return "\u3040" <= c <= "\u30ff" or "\uac00" <= c <= "\ud7af"


def token_kind(tok: str) -> int:
    """The class of a non-whitespace token (:data:`CJK`, :data:`WORD` or :data:`PUNCT`)."""
    c = tok[0]
    if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or _KANA_HANGUL(c):
        return CJK if len(tok) == 1 and not ("\u4dc0" <= c <= "\u4dff") else (WORD if c.isalnum() else PUNCT)
    return WORD if c.isalnum() else PUNCT


class _KindOfFirst(dict):
    """First character of a token -> its class, filled on first sight: a token's class is
    its first character's (a CJK run is split into characters; whitespace never starts
    any other token), so one lookup per token classifies it."""

    def __missing__(self, c: str) -> int:
        k = self[c] = SPACE if c.isspace() else token_kind(c)
        return k


_KIND_OF_FIRST = _KindOfFirst()
_FIRST = itemgetter(0)


def tokenize(text: str, breaks: tuple[int, ...] = ()) -> tuple[list[str], list[bool], list[int], list[int]]:
    """``(words, space_after, offsets, kinds)`` of ``text``; ``breaks`` are offsets
    where a token must end even inside a word run — the seam of an English and a
    Chinese title glued together (``…Vision TransformersViT自适应…``) is one.

    Whitespace other than one space after a token is kept as a token of its own
    (class :data:`SPACE`), so the words and spaces rebuild the text exactly."""
    n = len(text)
    end = len(text.rstrip())
    lead = n - len(text.lstrip()) if end else n
    if lead >= n:  # empty, or whitespace only: one token of it
        return ([text], [False], [0], [SPACE]) if text else ([], [], [], [])
    pieces: list[tuple[str, str]] = []
    seg = lead
    # A break matters only between two non-space characters (a token never spans
    # whitespace); matching each segment on its own ends every token at a break, and a
    # segment then starts and ends on a token, so its pairs follow each other exactly.
    for cut in sorted({c for c in breaks if lead < c < end and not text[c - 1].isspace() and not text[c].isspace()}):
        pieces += _PIECE_RE.findall(text, seg, cut)
        seg = cut
    pieces += _PIECE_RE.findall(text, seg, end)
    sps, toks = zip(*pieces)
    words = list(toks)
    spaces = list(map(bool, sps[1:]))
    spaces.append(False)
    idx = list(accumulate(map(add, map(len, toks[:-1]), map(len, sps[1:])), initial=lead))
    kinds = list(map(_KIND_OF_FIRST.__getitem__, map(_FIRST, toks)))
    if lead:  # leading whitespace is a token, never a "space after"
        words.insert(0, text[:lead])
        spaces.insert(0, False)
        idx.insert(0, 0)
        kinds.insert(0, SPACE)
    if end < n:  # and so is trailing whitespace
        words.append(text[end:])
        spaces.append(False)
        idx.append(end)
        kinds.append(SPACE)
    return words, spaces, idx, kinds
