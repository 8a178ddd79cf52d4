"""Affiliation lines → canonical institutions.

``[The University of Hong KongUniversity of Washington & CMU & Penn State University]``
is four institutions: split on ``&``/``;``/``|``, then on glued names (a lower-case letter
directly followed by the capital that starts a known institution, or an organisation
word), then resolve each part through :mod:`kg.resolve`. Comma-separated parts are
re-joined when the joined form is a known name (``University of California, Santa
Barbara``), and departments, addresses and countries are dropped.
"""
from __future__ import annotations

import re

from kg.records import Mention
from kg.resolve import DEPARTMENT, ORG_WORDS, Merge, institutions

__all__ = ["split_affiliations"]

# "&" separates institutions except inside names like "Texas A&M".
_GROUP_SEP = re.compile(r"(?<![A-Z])\s*[&＆]\s*|\s*[&＆]\s*(?![A-Z]\b)|\s*[;；|]\s*")
_GLUE = re.compile(r"(?<=[a-z\)])(?=[A-Z][a-z]|[A-Z]{2,}\b)")
_ORG_START = re.compile(r"^(?:The\s|University|Universit|Institute|School|College|Academy|Department|Dept|Lab|Center|Centre|National|Max|Microsoft|Google|Meta|Facebook|DeepMind|Amazon|Apple|NVIDIA|IBM|Tencent|Alibaba|Baidu|Huawei|ByteDance|Samsung|Mila|Allen|Stanford|Harvard|MIT|CMU|UC\s)")
_COUNTRIES = {
    "usa", "us", "u s a", "united states", "united states of america", "uk", "united kingdom", "china", "p r china",
    "pr china", "canada", "germany", "france", "japan", "korea", "south korea", "singapore", "israel", "india",
    "australia", "switzerland", "netherlands", "italy", "spain", "sweden", "hong kong", "taiwan", "belgium",
    "austria", "denmark", "finland", "norway", "brazil", "russia", "ireland", "scotland", "england", "uae",
}


def _split_glued(part: str) -> list[str]:
    res = institutions()
    if res.is_known(part):
        return [part]
    for m in _GLUE.finditer(part):
        left, right = part[: m.start()], part[m.start() :]
        if len(left.split()) < 2 and not res.is_known(left):
            continue
        if _ORG_START.match(right) or res.is_known(right) or (res.is_known(left) and len(right.split()) >= 2):
            return _split_glued(left) + _split_glued(right)
    return [part]


def _clean(seg: str) -> str:
    return seg.strip(" \t,;.-·:：[]［］")


def _is_address(seg: str) -> bool:
    from kg.text import normalize

    k = normalize(seg)
    if k in _COUNTRIES:
        return True
    if re.search(r"\d{3,}", seg) and not ORG_WORDS.search(seg):  # postcodes, street numbers
        return True
    return False


def _resolve_commas(group: str) -> list[str]:
    """A group like ``Dept. of CS, Stanford University, CA, USA`` → ``[Stanford University]``."""
    res = institutions()
    if res.is_known(group):
        return [group]
    parts = [p for p in (_clean(x) for x in re.split(r"\s*[,，]\s*", group)) if p]
    if len(parts) <= 1:
        return parts
    out: list[str] = []
    i = 0
    while i < len(parts):
        # Longest run of comma parts that is a known name.
        for j in range(len(parts), i, -1):
            cand = ", ".join(parts[i:j])
            if j - i > 1 and res.is_known(cand):
                out.append(cand)
                i = j
                break
        else:
            out.append(parts[i])
            i += 1
    kept = [p for p in out if not _is_address(p)]
    known = [p for p in kept if res.is_known(p)]
    orgs = [p for p in kept if res.is_known(p) or (ORG_WORDS.search(p) and not DEPARTMENT.match(p))]
    if known or orgs:
        return orgs
    # Nothing looks like an organisation: keep the line whole rather than invent parts.
    return [group]


def split_affiliations(text: str, offset: int = 0) -> tuple[list[Mention], list[Merge]]:
    """Canonical institutions (deduplicated, in order) with spans, plus the merges made."""
    res = institutions()
    mentions: list[Mention] = []
    merges: list[Merge] = []
    seen: set[str] = set()
    for group in _GROUP_SEP.split(text):
        group = _clean(group)
        if not group:
            continue
        for glued in _split_glued(group):
            for seg in _resolve_commas(glued):
                seg = _clean(seg)
                if not seg or DEPARTMENT.match(seg) and not res.is_known(seg):
                    continue
                merge = res.resolve(seg)
                merges.append(merge)
                if merge.canonical in seen:
                    continue
                seen.add(merge.canonical)
                start = text.find(seg)
                start = offset + (start if start >= 0 else 0)
                mentions.append(Mention(merge.canonical, seg, start, start + len(seg), role="used", source=merge.reason))
    return mentions, merges
