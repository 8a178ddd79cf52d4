"""Encoded data written into a text: base64 blobs, hashes, serialised bookmarks
(``YnBsaXN0MDDSAQIDBFxyZWxhdGl2ZVBhdGhZ…``, ``8AAAAIAA0AGgAkAFQAAAAAAAACAQ…``).

A reference manager's export (BibDesk's ``bdsk-file-1``), a data URI or a pasted token
holds long runs of base64 characters. Their capitals and digits give them the look of
a model name, so the shape rule takes them; no name is one unbroken run of twenty
characters or more whose case flips every few letters or which repeats one character
six times and more (a padding run, "AAAAAA"). UpperCamelCase names of ordinary words
("DeepConvolutionalGenerativeAdversarialNetworks") flip case once a word and repeat no
letter: they are left alone, and so is every name other evidence supports.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.rules.guesses import GUESSES, guessed_models

NAME = "encoded"
#: Shortest run taken for an encoding: longer than model names written as one word.
MIN_LENGTH = 20
#: A run flips between upper case, lower case and digits at least once in this many
#: characters (ordinary CamelCase words flip once in six to ten).
FLIP_EVERY = 4
_RUN = re.compile(r"[A-Za-z0-9+/=_-]+")
_PADDING = re.compile(r"(.)\1{5,}")


def _class(ch: str) -> int:
    return 0 if ch.isdigit() else 1 if ch.isupper() else 2 if ch.islower() else 3


def encoded(text: str) -> bool:
    """``text`` holds an unbroken run of encoded characters (see the module's note)."""
    for m in _RUN.finditer(text):
        run = m.group()
        # Separators split ordinary compound names; base64 has none of '-' and '_'
        # (and its URL-safe form few): judge the longest alphanumeric piece.
        for piece in re.split(r"[-_]", run):
            if len(piece) < MIN_LENGTH:
                continue
            if _PADDING.search(piece):
                return True
            flips = sum(1 for a, b in zip(piece, piece[1:]) if _class(a) != _class(b))
            if flips * FLIP_EVERY >= len(piece):
                return True
    return False


def find(ctx: Context, prior=()) -> list[Candidate]:
    out = []
    for e in guessed_models(prior, GUESSES):
        if encoded(e.name):
            a, b = e.spans[0]
            out.append(Candidate(a, b, e.name, NAME, GENERIC, yields=NEVER))
    return out
