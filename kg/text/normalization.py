"""One ``normalize`` for every comparison of names in kg (the S2AFF rule: the same pure
function serves the gazetteers and the mentions, so the two always agree).

Both forms start the same way — Unicode NFKC (full-width ``ＢＥＲＴ`` is ``BERT``),
accents stripped (``Pérez`` is ``Perez``), case folded — and then:

* the **spaced** form (default) reads ``&`` as ``and`` and turns every run of other
  non-word characters into one space: for institutions, slugs and anything compared
  word by word;
* the **squashed** form (``squash=True``) drops spaces, hyphens and dashes (ASCII or
  Unicode), underscores, dots, middle dots and quotes — the annotation guidelines' rule for "the same name"
  (``Llama 2`` = ``LLaMA-2``) — and keeps other punctuation, so ``DINO++`` and ``DINO``
  stay different names.

It is the only one: node keys (:func:`kg.text.slug`, author keys), institution
aliases, gazetteer keys, node lookups and the resolver all call it. (``kg.evaluate``
keeps its own key on purpose: it must agree with the reference scorer, not with kg.)

>>> normalize("Université  Paris-Saclay & CNRS")
'universite paris saclay and cnrs'
>>> normalize("ＬＬａＭＡ-2", squash=True), normalize("Llama 2", squash=True)
('llama2', 'llama2')
>>> normalize("DINO++", squash=True)
'dino++'
"""
from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["normalize"]

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.·‘’'\"“”]+")  # Unicode hyphens and dashes too
_NON_WORD = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=131072)
def normalize(s: str, *, squash: bool = False) -> str:
    """The comparison form of ``s`` (see the module docstring)."""
    s = unicodedata.normalize("NFKC", s)
    if not s.isascii():
        s = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)))
    s = s.casefold()
    if squash:
        return _SEPARATORS.sub("", s)
    return _NON_WORD.sub(" ", s.replace("&", " and ")).strip()
