"""Organisations a bracket names as a paper's makers, beside the prose frames.

Structured digests and reading lists name makers without a sentence around them: a
bracket closing an author list or a title (round, or the square one of the structured
digests: "J Collomosse [University of Chicago & Adobe Research]"), a "by"/"from" right
after a title, and a bracket right after a citation's year ("arXiv, 2021 (*Megvii*)").
These cues are positional, not phrasal, so they are kept apart from the frames of
:mod:`kg.extract.maker_frames`, which calls :func:`bracketed_makers` and
:func:`cited_makers` and merges their spans with the frames' own. Names are read with
:mod:`kg.extract.org_spans`; every part of a bracket must be an organisation, else the
bracket names none (``(Oral)``, ``(GPT-3)``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.org_spans import is_org_shaped, is_team, known, names_after

__all__ = ["bracketed_makers", "cited_makers"]


# A bracket right after a title or an author list, on the same line: "… Ann Lee (Google
# Research)", "Title (Stanford, MIT)", and the square bracket of the structured digests
# ("J Collomosse [University of Chicago & Adobe Research]") where no reader marked it.
_CLOSING_BRACKET = re.compile(
    r"[ \t]*(?:[(（](?P<g>[^()（）\n]{2,120})[)）]|[\[［](?P<s>[^\[\]［］\n]{2,200})[\]］](?!\())"
)
# "by"/"from" right after a title, on its line.
_TITLE_BY = re.compile(r"[ \t]*(?:[,:;–—-][ \t]*)?(?:by|from)[ \t]+", re.I)
_BRACKET_SEP = re.compile(r"\s*(?:[,，;；、/]|&|\band\b|和|与)\s*")


def bracketed_makers(text: str, after: Sequence[tuple[int, bool]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the organisations in a bracket that closes a title or an author
    list, or named by a "by"/"from" right after a title (``after``: the position where it ends, and whether an organisation-shaped name
    is enough — after an author list — or the bracket must hold known institutions only —
    after a title, where a bracket may gloss the paper's model: "(ETH Domain)"). Every name
    in the bracket must be an organisation, else it names none (``(Oral)``, ``(GPT-3)``).
    """
    out: list[tuple[int, int]] = []
    for pos, shaped in after:
        m = _CLOSING_BRACKET.match(text, pos)
        if m is None:
            by = _TITLE_BY.match(text, pos)
            if by is not None and not shaped:
                # "Zorb: Sparse Everything — by Google DeepMind": the title is the paper.
                eol = text.find("\n", by.end())
                out += names_after(text, by.end(), len(text) if eol < 0 else eol, False)
            continue
        a, b = m.span("g" if m.group("g") is not None else "s")
        names: list[tuple[int, int]] = []
        k = a
        for sep in list(_BRACKET_SEP.finditer(text, a, b)) + [None]:
            e = sep.start() if sep else b
            part = text[k:e].strip()
            if part:
                s = text.index(part, k)
                if not (known(part) or shaped and is_org_shaped(part) and not is_team(part)):
                    names = []
                    break
                names.append((s, s + len(part)))
            k = sep.end() if sep else b
        out += _rejoin(text, names)
    return out


def _rejoin(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Neighbour names cut at an "&" or "and" that a known name spans ("University of
    Science & Technology of China"): one name."""
    out: list[tuple[int, int]] = []
    for s, e in names:
        if out:
            ps, pe = out[-1]
            gap = text[pe:s].strip()
            if gap in ("&", "＆", "and") and (
                known(f"{text[ps:pe]} and {text[s:e]}") or known(f"{text[ps:pe]} & {text[s:e]}")
            ):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


# A citation's year and the bracket right after it: "arXiv, 2021 (*Megvii*)", "Bai et al.,
# 2022 (Anthropic)".
_CITED = re.compile(r"(?<![\d.])(?:19|20)\d{2}[a-z]?[ \t]*[(（](?P<g>[^()（）\n]{2,120})[)）]")
_EMPHASIS = "*_ \t"


def cited_makers(text: str, regions: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the organisations a reading list names in a bracket right after
    a citation's year (``"Title", arXiv, 2021 (*Megvii*)``, ``Bai et al., 2022
    (Anthropic)``): every part of the bracket a known institution, emphasis aside — a
    bracket after a year may as well hold a note or a venue (``2021 (Oral)``), which
    names none.

    >>> t = 'Zorb, arXiv, 2021 (*Megvii*). [Paper]'
    >>> [t[a:b] for a, b in cited_makers(t)]
    ['Megvii']
    >>> cited_makers("Zorb, NeurIPS 2021 (Oral)")
    []
    """
    out: list[tuple[int, int]] = []
    spans = regions if regions is not None else [(0, len(text))]
    for m in _CITED.finditer(text):
        if not any(a <= m.start("g") and m.end("g") <= b for a, b in spans):
            continue
        a, b = m.span("g")
        names: list[tuple[int, int]] = []
        k = a
        for sep in list(_BRACKET_SEP.finditer(text, a, b)) + [None]:
            e = sep.start() if sep else b
            part = text[k:e].strip(_EMPHASIS)
            if part:
                st = text.index(part, k)
                if not known(part):
                    names = []
                    break
                names.append((st, st + len(part)))
            k = sep.end() if sep else b
        out += names
    return out
