"""The mixed CJK/Latin tokenizer extraction reads every entry with (see :mod:`kg.extract.nlp`
for why kg has its own): one token per CJK character, one per Latin/digit run (``3.5``
stays one), one per other mark; whitespace other than one space after a token is a
token of its own, so the tokens rebuild the text and offsets are character offsets.

One loop step per regular-expression match, CJK runs matched whole and added in bulk.
(A version that built the four lists from the matches by ``zip``/``map``/``accumulate``,
with no Python step per token, measured 30-50 % slower: it matched CJK characters one
by one and paid a C-level pass per list.)
"""
from __future__ import annotations

import re

__all__ = ["tokenize", "CJK", "WORD", "PUNCT", "SPACE", "token_kind"]

_TOKEN_RE = re.compile(
    r"(\s*)"  # the whitespace before a token
    # CJK here includes Japanese kana and Korean syllables: particles glued to a Latin name
    # ("ZorbNetを提案", "BERT는") are no part of it.
    r"(?:([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]{2,})"  # a run of CJK characters: one token each, split below
    r"|([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"  # one CJK character
    # A Latin/digit run, 2.0: word characters but "_" and CJK, as one class (a lookahead
    # per character cost a third of the matching).
    r"|[^\W_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+(?:[.](?=\d)[^\W_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+)*"
    r"|\S))",  # any other single character
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


def tokenize(text: str, breaks: tuple[int, ...] = ()) -> tuple[list[str], list[bool], list[int], list[int]]:
    """``(words, space_after, offsets, kinds)`` of ``text``; ``breaks`` are offsets
    where a token must end even inside a word run — the seam of an English and a
    Chinese title glued together (``…Vision TransformersViT自适应…``) is one.

    Whitespace other than one space after a token is kept as a token of its own
    (class :data:`SPACE`), so the words and spaces rebuild the text exactly."""
    words: list[str] = []
    spaces: list[bool] = []
    idx: list[int] = []
    kinds: list[int] = []
    kind_of = _KINDS  # token class by first character
    pos = 0  # end of the last token
    for cut in sorted(c for c in breaks if 0 < c < len(text)) + [len(text)]:
        # Matching each segment on its own ends every token at a break. A segment is
        # matched from the end of the last token, not from its break: what lies between
        # is whitespace the last segment left (no token of its own fits before the
        # break), so the gap a match reports is the whole gap since the last token, and
        # the offset of a token is the running end (no second position to keep).
        for gap, run, tok in _TOKEN_RE.findall(text, pos, cut):
            if gap:
                if gap == " " and words:
                    spaces[-1] = True
                else:
                    _gap(gap, pos, words, spaces, idx, kinds)
                pos += len(gap)
            if run:
                # A run of CJK characters (its own group of the pattern, so no range
                # test per token): one token per character, added in bulk.
                words.extend(run)
                spaces.extend([False] * len(run))
                idx.extend(range(pos, pos + len(run)))
                kinds.extend([CJK] * len(run))
                pos += len(run)
                continue
            words.append(tok)
            spaces.append(False)
            idx.append(pos)
            # A token of several characters here is a Latin/digit run (CJK runs are split
            # above), whose class is its first character's: one lookup for every token
            # (no class here is SPACE, 0, so a miss is the only false answer).
            kinds.append(kind_of.get(tok[0]) or _first_kind(tok[0]))
            pos += len(tok)
    if pos < len(text):  # trailing whitespace stays one token
        words.append(text[pos:])
        spaces.append(False)
        idx.append(pos)
        kinds.append(SPACE)
    return words, spaces, idx, kinds


_KINDS: dict[str, int] = {}


def _first_kind(c: str) -> int:
    """The class of a token starting with ``c``, first seen: remembered in ``_KINDS``."""
    k = _KINDS[c] = token_kind(c)
    return k


def _gap(gap: str, at: int, words, spaces, idx, kinds) -> None:
    """Whitespace between tokens: one space is the previous token's "space after";
    anything else is kept as a token so the text round-trips."""
    if gap == " " and words:
        spaces[-1] = True
        return
    if words and gap[0] == " " and not spaces[-1]:
        spaces[-1] = True
        gap, at = gap[1:], at + 1
    if gap:
        words.append(gap)
        spaces.append(False)
        idx.append(at)
        kinds.append(SPACE)
