"""Field lines: ``作者：A, B`` / ``Authors: A, B`` / ``【标题】…`` and what part of an entry
each key fills. The keys are data (``kg/data/parse/field_keys.json``)."""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from kg.parse.data import load_json
from kg.text import is_cjk

if TYPE_CHECKING:  # kg.parse.base imports this module
    from kg.parse.base import Draft

__all__ = ["FIELD_KEYS", "FIELD_RE", "field", "field_kind", "simplified", "translated_title_field", "original_title_field"]


@functools.lru_cache(maxsize=1)
def _keys() -> dict[str, str]:
    return {k.casefold(): kind for kind, keys in load_json("field_keys.json").items() for k in keys}


@functools.lru_cache(maxsize=1)
def _hant() -> dict[int, str]:
    return str.maketrans({k: v for k, v in load_json("hant_chars.json").items() if not k.startswith("_")})


def simplified(key: str) -> str:
    """``key`` with its Traditional Chinese characters in Simplified form (``分類`` →
    ``分类``), so a digest written in either script has its keys found once."""
    return key.translate(_hant())


#: Field labels (case-folded) → the entry part they fill: title, title_zh, authors,
#: affiliations, link, body, category, date, meta, reference (a short reference such as
#: ``paper_ref: He, et al., 2015``, whose authors a layout may read).
FIELD_KEYS = _keys()

FIELD_RE = re.compile(
    r"^\s*(?:[-*+•·]\s+|\d{1,3}[.、)]\s+)?"
    r"(?:【\s*(?P<k3>[^【】\n]{1,20}?)\s*】\s*[:：]?"
    r"|(?P<k2>[^*_:：\n#>\[\]【】]{1,20}?)\s*[:：])"
    r"\s*(?P<val>.*?)\s*$"
)


_SPACES = re.compile(r"\s+")


def field_kind(key: str) -> str | None:
    """The entry part a key fills (``"Authors"`` → ``"authors"``), else ``None``."""
    return FIELD_KEYS.get(simplified(_SPACES.sub(" ", key.strip())).casefold())


@functools.lru_cache(maxsize=65536)
def field(line: str) -> tuple[str, int, int] | None:
    """``(kind, value start, value end)`` of a ``作者：…`` / ``Authors: …`` line."""
    m = FIELD_RE.match(line)
    if not m:
        return None
    kind = field_kind(m.group("k2") or m.group("k3") or "")
    if kind is None:
        return None
    return kind, m.start("val"), m.end("val")


def translated_title_field(d: Draft, value: str) -> bool:
    """A title field that only translates the English title the entry opened with."""
    fields_so_far = sum(1 for x in d.lines if x.text.strip())
    return (
        "title" in d.spans
        and "title_zh" not in d.spans
        and fields_so_far == 1
        and any(is_cjk(c) for c in value)
        and not any(is_cjk(c) for c in d.get("title") or "")
    )


def original_title_field(d: Draft, value: str) -> bool:
    """A title field that gives the original English title of the Chinese one the entry
    opened with (``## 稀疏路由器`` over ``- **原文标题**: Sparse Routers``)."""
    fields_so_far = sum(1 for x in d.lines if x.text.strip())
    return (
        "title_zh" in d.spans
        and sum(is_cjk(c) for c in d.get("title_zh") or "") >= 4  # a title, not a label ("论文1")
        and "title" not in d.spans
        and fields_so_far <= 2
        and not any(is_cjk(c) for c in value)
        and len(value.split()) >= 2
    )
