"""Field lines: ``作者：A, B`` / ``Authors: A, B`` / ``【标题】…`` and what part of an entry
each key fills. The keys are data (``kg/data/parse/field_keys.json``)."""
from __future__ import annotations

import functools
import re

from kg.parse.data import load_json

__all__ = ["FIELD_KEYS", "FIELD_RE", "field", "field_kind", "simplified"]


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
