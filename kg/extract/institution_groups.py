"""Steps 1–2 of :mod:`kg.extract.institution_names`: an affiliation line split into
groups (``&``, ``;``, ``/`` between organisations …) and glued names split apart
(``Hong KongUniversity``, ``清华大学北京大学``).

Kept apart from the comma-group reading that follows because these steps cut the line
by its separators and glue points only, and :mod:`kg.extract.affiliations` splits
groups of its own with :func:`split_groups`.
"""
from __future__ import annotations

import re

from kg.extract.affiliation_parts import ORG_START, ZH_ORG_SUFFIX, names_organisation
from kg.resolve import institutions
from kg.text import is_cjk

__all__ = ["split_glued", "split_groups"]

# "&" separates institutions except inside names like "Texas A&M" or "AT&T" (a capital
# letter right before it and a lone capital right after it).
# A line break ends an organisation too: affiliations listed one per line (footnote
# definitions, "1 MIT" lines) whose markers the reader removed.
_GROUP_SEP = re.compile(
    r"(?<![A-Z])\s*[&＆]\s*|\s*[&＆]\s*(?![A-Z]\b)|\s*[;；|｜、]\s*|\s+/\s+|\s+[–—·•]\s+|[ \t]*\n\s*"
)
_GLUE = re.compile(r"(?<=[a-z\)])(?=[A-Z][a-z]|[A-Z]{2,}\b)")
_ZH_SUBUNIT = re.compile(r"(?:系|学院|研究所|实验室|研究院|研究中心|中心|学部|课题组|研究组|研究室|所|部|院)$")


def split_groups(text: str) -> list[tuple[int, str]]:
    """``(start, group)`` pairs of an affiliation line split on group separators.

    >>> [g for _, g in split_groups("Texas A&M University & Rice University; AT&T Labs")]
    ['Texas A&M University', 'Rice University', 'AT&T Labs']
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for m in list(_GROUP_SEP.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        seg = text[pos:end]
        if seg.strip():
            start = pos + len(seg) - len(seg.lstrip())
            out.extend(_split_slashes(start, seg.strip()))
        if m:
            pos = m.end()
    return _rejoin_ampersands(text, out)


def _rejoin_ampersands(text: str, groups: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Neighbour groups cut at an "&" that a known name spans ("University of Science &
    Technology of China" is the University of Science and Technology of China): one group."""
    res = institutions()
    out: list[tuple[int, str]] = []
    for start, group in groups:
        if out:
            pstart, prev = out[-1]
            gap = text[pstart + len(prev) : start]
            if gap.strip() in ("&", "＆") and (
                res.is_known(f"{prev} and {group}") or res.is_known(f"{prev} & {group}")
            ):
                out[-1] = (pstart, text[pstart : start + len(group)])
                continue
        out.append((start, group))
    return out


def _split_slashes(start: int, group: str) -> list[tuple[int, str]]:
    """A group of names joined by ``/`` without spaces (``清华大学/北京大学``,
    ``Stanford/MIT``) is one group per name — but only when every piece names an
    organisation, so that ``TU/e`` or ``N/A`` stay whole."""
    if "/" not in group or institutions().is_known(group):
        return [(start, group)]
    pieces = group.split("/")
    if not all(_names_organisation(p.strip()) for p in pieces):
        return [(start, group)]
    out, pos = [], start
    for p in pieces:
        lead = len(p) - len(p.lstrip())
        if p.strip():
            out.append((pos + lead, p.strip()))
        pos += len(p) + 1
    return out


def _names_organisation(piece: str) -> bool:
    res = institutions()
    if not piece:
        return False
    if res.is_known(piece) or names_organisation(piece) or ZH_ORG_SUFFIX.search(piece):
        return True
    # Chinese names run together still start with a known name (清华大学计算机系).
    return is_cjk(piece[0]) and any(res.is_known(piece[:j]) for j in range(len(piece), 1, -1))


def _split_cjk(part: str) -> list[str]:
    """Chinese names run together, by longest known prefix; an unknown chunk right after a
    known name is its department (``清华大学计算机系`` → ``清华大学``)."""
    res = institutions()
    out: list[str] = []
    i, n = 0, len(part)
    after_known = False
    while i < n:
        for j in range(n, i + 1, -1):
            if res.is_known(part[i:j]):
                out.append(part[i:j])
                i = j
                after_known = True
                break
        else:
            # No known name starts here: take up to the next organisation suffix.
            m = ZH_ORG_SUFFIX.search(part, i)
            j = m.end() if m else n
            chunk = part[i:j]
            if not (after_known and (_ZH_SUBUNIT.search(chunk) or not ZH_ORG_SUFFIX.search(chunk))):
                out.append(chunk)
                after_known = False
            i = j
    return [c for c in out if c.strip()]


def split_glued(part: str) -> list[str]:
    """Names run together in ``part`` (``Hong KongUniversity of Washington``,
    ``清华大学北京大学``), one per name; a known name stays whole."""
    res = institutions()
    if res.is_known(part):
        return [part]
    letters = [c for c in part if c.isalpha()]
    if letters and sum(is_cjk(c) for c in letters) / len(letters) > 0.8:
        return _split_cjk(part)
    for m in _GLUE.finditer(part):
        left, right = part[: m.start()], part[m.start() :]
        if len(left.split()) < 2 and not res.is_known(left):
            continue
        if ORG_START.match(right) or res.is_known(right) or (res.is_known(left) and len(right.split()) >= 2):
            return split_glued(left) + split_glued(right)
    return [part]
