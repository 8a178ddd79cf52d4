"""Makers as a headline's subject: ``微软新作LongNet：…``, ``港中大和商汤提出HPS v2：…``.

News-style digests (WeChat and blog headlines) name the paper's makers as the subject
of the headline's verb rather than in an affiliation line: ``上海交大&上海AI Lab提出…``,
``中科大和腾讯发布首篇《…》``, ``CVPR 2023 | 英伟达提出BundleSDF``. The verbs are data
(``kg/data/rules/headline_verbs_zh.txt``). The subject counts only where it opens the
headline or one of its clauses (after ``！``, ``：``, ``|``) — a verb's subject deep in a
sentence may be anyone's ("基于谷歌提出的Transformer") — and no ``的`` follows the verb,
which would make the name the owner of something the paper uses. Names are read back from
the verb with :func:`kg.extract.org_spans.names_before` (known institutions, or
organisation-shaped Chinese names), lists joined by 和/与/、/&.
"""
from __future__ import annotations

import functools
import re

from kg.extract.org_spans import known, names_before
from kg.extract.vocab import phrases
from kg.parse.names import is_chinese_name

__all__ = ["headline_makers"]

# What may stand before the subject in its clause: the headline's start, list or link
# marks, and a clause mark with spaces ("炸裂！", "CVPR 2023 | ", "【论文】").
_OPENING = re.compile(r"(?:^|[！!？?：:|｜】」』。；;])[\s\-*+>\[【「『“\"]*$")
# Between two subjects: "上海交大&上海AI Lab", "中科大和腾讯", "A、B与C".
_AND_BEFORE = re.compile(r"\s*(?:&|＆|、|和|与|及|以及)\s*$")
#: Longest subject read back, in characters ("上海AI Lab", "Google DeepMind").
_MAX_CHARS = 24


@functools.cache
def _verbs() -> re.Pattern[str]:
    verbs = sorted(phrases("headline_verbs_zh"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, verbs)) + ")(?![的得地])")


def headline_makers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each organisation named as the subject of a headline verb in
    ``text[start:end]`` (one headline: the rule does not look past a line break).

    >>> t = "炸裂！微软新作LongNet：将Transformer扩展到10亿个Tokens"
    >>> [t[a:b] for a, b in headline_makers(t, 0, len(t))]
    ['微软']
    >>> headline_makers("基于谷歌提出的Transformer", 0, 19)
    []
    """
    out: list[tuple[int, int]] = []
    eol = text.find("\n", start, end)
    end = end if eol < 0 else eol
    for m in _verbs().finditer(text, start, end):
        pos = m.start()
        if m.group().startswith("团队"):
            # "清华朱军团队新作": a person's team at an organisation; the organisation is
            # the name before the person.
            pos = next((k for k in (pos - 2, pos - 3) if k > start and is_chinese_name(text[k:pos])), pos)
        names = _subjects(text, pos, start)
        if names and _OPENING.search(text, start, names[0][0]):
            out += names
    return sorted(set(out))


def _subjects(text: str, pos: int, start: int) -> list[tuple[int, int]]:
    """The organisations listed right before ``pos``, in text order: known names in any
    script ("上海AI Lab"), else what :func:`names_before` reads (organisation-shaped
    Chinese names, "…大学")."""
    names: list[tuple[int, int]] = []
    while True:
        name = next(
            ((i, pos) for i in range(max(start, pos - _MAX_CHARS), pos) if text[i].isalnum() and known(text[i:pos])), None
        )
        if name is None:
            got = names_before(text, pos, start, True)
            if got and got[-1][1] == pos:
                names = got + names
            break
        names.insert(0, name)
        sep = _AND_BEFORE.search(text, start, name[0])
        if sep is None:
            break
        pos = sep.start()
    return names
