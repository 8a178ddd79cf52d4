"""The gazetteer's names in one entry, read once while its context is built: known
names (longest first, none glued into a longer word, versions and tiers attached),
machine-translation renderings left pending where they are also everyday words, and
known names written with spaces the patterns lack. :mod:`kg.extract.context` calls
:func:`gazetteer_matches` and keeps the result on the read-only context."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.anchors import numerals
from kg.extract.names import CJK_RE
from kg.extract.nlp import CJK, WORD, _squash as squash_key, gazetteer
from kg.extract.vocab import phrases

if TYPE_CHECKING:  # the context imports this module: only its type is needed here
    from kg.extract.context import Context

__all__ = ["DOTTED_VERSION", "GazMatch", "gazetteer_matches"]

#: A dotted release number (3.3, v1.5): short, so neither a count nor an arXiv id (2604.06777).
DOTTED_VERSION = re.compile(r"v?\d{1,2}(?:\.\d{1,2})+", re.I)


@dataclass(frozen=True, slots=True)
class GazMatch:
    """A gazetteer name found in the entry (token range ``i:j``, characters ``a:b``)."""

    i: int
    j: int
    a: int
    b: int
    label: str
    name: str  # canonical id, or the surface with its version ("DALL-E 3") when that is new
    known: bool
    rule: str  # "gazetteer" or "mt"


def gazetteer_matches(ctx: Context):
    """Accepted gazetteer matches (longest first, none glued into a longer word), MT
    renderings left pending because they are also everyday words, and known names
    written with spaces the patterns lack ("Science QA")."""
    gaz = gazetteer()
    w, n = ctx.words, len(ctx.words)
    hits = sorted((h for h in gaz.find(ctx.words, ctx.lower, ctx.latin) if ctx.in_region[h.start]), key=lambda h: (h.start, h.end))
    keep = _longest_first([(h.start, h.end) for h in hits])
    taken = [False] * n
    matches, ambiguous = [], []
    model_words_zh = phrases("model_words_zh")
    for h in hits:
        if (h.start, h.end) not in keep:
            continue
        a, b = ctx.span(h.start, h.end)
        if h.ambiguous:
            # An MT rendering that is also an everyday word (变压器 "power transformer",
            # 表演者 "performer") counts only where the text treats it as a model:
            # followed by a model word, or listed next to other names (rules.mt_lists).
            if not ctx.joined(h.end, h.end + 4).startswith(model_words_zh):
                ambiguous.append(GazMatch(h.start, h.end, a, b, h.label, h.id, True, "mt"))
                continue
        surface = ctx.text[a:b]
        # A Latin pattern must not be part of a longer word run: "BERT" in "BERTScore"
        # is a different name; "BERT-based" is fine.
        if h.start > 0 and not ctx.ws[h.start - 1] and ctx.is_word(h.start - 1) and ctx.kinds[h.start] != CJK:
            continue
        if h.end < n and not ctx.ws[h.end - 1] and ctx.is_word(h.end) and not CJK_RE.match(surface[-1]):
            if not re.match(r"^\d|^[sS]$", w[h.end]):
                continue
        if not h.mt and ctx.glued_into_compound(h.start, h.end):
            continue
        ver = ctx.version_after(h.end)
        # "Granite Vision 3.3": one capitalised edition word between a known model and a
        # dotted version names that edition's release.
        if not ver and h.label == "MODEL" and h.end + 1 < n and ctx.ws[h.end - 1] and w[h.end][:1].isupper() \
                and w[h.end].isalpha() and (v2 := ctx.version_after(h.end + 1)) and DOTTED_VERSION.fullmatch(w[v2 - 1]):
            ver = v2
        if h.label == "MODEL" and (tier := ctx.tier_after(ver or h.end)):
            ver = tier
        if math := ctx.math_after(ver or h.end):
            ver = math
        if ver:
            # "DALL-E 3", "Argoverse 2", "DAVIS 2016": a version makes another name.
            end = ctx.span(h.end, ver)[1]
            name = ctx.text[a:end]
            known = gaz.known(name)
            matches.append(GazMatch(h.start, ver, a, end, h.label, known[1] if known else name, bool(known), "gazetteer"))
            taken[h.start : ver] = [True] * (ver - h.start)
            continue
        matches.append(GazMatch(h.start, h.end, a, b, h.label, h.id, True, "mt" if h.mt else "gazetteer"))
        taken[h.start : h.end] = [True] * (h.end - h.start)
    matches += _spaced_names(ctx, taken)
    return sorted(matches, key=lambda m: (m.a, m.b)), ambiguous, taken


def _longest_first(spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Spans kept when overlaps are settled longest first, then leftmost (spaCy's
    ``filter_spans`` rule, which the gazetteer has always used)."""
    seen: set[int] = set()
    out = set()
    for s, e in sorted(set(spans), key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
        if s not in seen and e - 1 not in seen:
            out.add((s, e))
            seen.update(range(s, e))
    return out


def _spaced_names(ctx: Context, taken: list[bool]) -> list[GazMatch]:
    """Known names written with spaces the gazetteer pattern lacks ("Science QA" for
    ScienceQA, "Mixture of Experts" spelt out): two or three capitalised or numeric
    words whose squashed form is a gazetteer name."""
    gaz = gazetteer()
    w, kinds, ws, n = ctx.words, ctx.kinds, ctx.ws, len(ctx.words)
    out = []
    # A name starts with a capital or a digit: the capitalised words in the regions and
    # the words opening with a digit, not every Latin word (tested in full below).
    starts = sorted(set(ctx.caps).union(k for k in numerals(ctx) if w[k][0].isdigit()))
    for i in starts:
        # One letter before a number is a formula's variable and its subscript or limit
        # ("C T 0", "S 4"), not a spaced "T0" or "S4".
        if not (w[i][0].isupper() or w[i][0].isdigit()) or taken[i] or not ctx.in_region[i] or len(w[i]) == 1:
            continue
        # Both sizes need a second word after one space; and squashing drops the spaces,
        # so a known name of these words starts with the two words' squashed forms glued.
        if i + 2 > n or kinds[i + 1] != WORD or not ws[i] or not gaz.starts_key(squash_key(w[i]) + squash_key(w[i + 1])):
            continue  # (most capitalised words)
        for size in (3, 2):
            j = i + size
            if j > n or any(taken[i:j]) or any(kinds[k] != WORD for k in range(i, j)) or not all(ws[k] for k in range(i, j - 1)):
                continue
            known = gaz.known(" ".join(w[i:j]))  # words joined by single spaces
            if known:
                a, b = ctx.span(i, j)
                out.append(GazMatch(i, j, a, b, known[0], known[1], True, "gazetteer"))
                taken[i:j] = [True] * size
                break
    return out
