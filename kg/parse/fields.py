"""Field lines: ``作者：A, B`` / ``Authors: A, B`` / ``【标题】…`` and what part of an entry
each key fills. The keys are data (``kg/data/parse/field_keys.json``)."""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from kg.parse.data import load_json, load_words
from kg.text import is_cjk

if TYPE_CHECKING:  # kg.parse.base imports this module
    from kg.parse.base import Draft

__all__ = [
    "FIELD_KEYS", "FIELD_RE", "field", "field_kind", "simplified", "translated_title_field", "original_title_field",
    "people_heading", "line_fields", "preprint_statement", "restated_title_field", "label_kind",
]


@functools.lru_cache(maxsize=1)
def _keys() -> dict[str, str]:
    return {
        k.casefold(): kind for kind, keys in load_json("field_keys.json").items() if not kind.startswith("_") for k in keys
    }


@functools.lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    """Qualifiers a key may carry before a known key (``arXiv`` in ``arXiv所属领域``)."""
    return tuple(p.casefold() for p in load_json("field_keys.json").get("_prefixes", ()))


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
# Word boundaries inside an identifier: a lower-case letter or digit then a capital
# (``paperTitle``), and the separators ``_`` and ``-``.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_ID_SEP = re.compile(r"[_\-]+")


def field_kind(key: str) -> str | None:
    """The entry part a key fills (``"Authors"`` → ``"authors"``), else ``None``. A key
    not known as written may be a known key qualified by a prefix (``arXiv所属领域`` —
    "the arXiv field it belongs to" — is a category key, ``领域``).

    >>> field_kind("arXiv所属领域"), field_kind("arXiv Subjects"), field_kind("arXiv")
    ('category', 'category', 'link')
    >>> field_kind("paperTitle"), field_kind("paper-title"), field_kind("arxivId"), field_kind("catchyTitle")
    ('title', 'title', 'link', None)
    """
    k = simplified(_SPACES.sub(" ", key.strip())).casefold()
    kind = FIELD_KEYS.get(k)
    if kind is None:
        # A data file's or front matter's identifier names the same field in words:
        # ``paperTitle``, ``paper_title`` and ``paper-title`` are "paper title".
        words = _SPACES.sub(" ", _ID_SEP.sub(" ", _CAMEL.sub(" ", key.strip()))).strip().casefold()
        if words != k:
            kind = FIELD_KEYS.get(simplified(words))
    changed = True
    while kind is None and changed:
        changed = False
        for p in _prefixes():
            if k.startswith(p) and len(k) > len(p):
                k = k[len(p) :].lstrip(" _-")
                kind, changed = FIELD_KEYS.get(k), True
                break
    return kind


# What joins the parts a column label names ("Authors & Year", "作者/年份", "作者与年份").
_JOINED_LABEL = re.compile(r"\s*(?:[&＆/+|、]|\band\b|与|和|及)\s*", re.I)
# A label's closing gloss in brackets ("论文标题 (Title)", "Title（标题）").
_LABEL_GLOSS = re.compile(r"^(?P<k>[^()（）]+?)\s*[(（](?P<g>[^()（）]+)[)）]\s*$")


def label_kind(label: str) -> str | None:
    """The entry part a table's column label names: a field key (:func:`field_kind`), a
    key glossed in brackets by its translation (``论文标题 (Title)``), or keys joined
    (``作者 & 年份``, ``Authors / Year``, ``Date & Place``: the column holds the first
    part, then the rest), the first part a key. The table layout and the generic
    reader's table columns both read labels through it.

    >>> label_kind("论文标题 (Title)"), label_kind("作者 & 年份"), label_kind("Title & Authors"), label_kind("Q&A")
    ('title', 'authors', 'title', None)
    """
    kind = field_kind(label)
    if kind is not None:
        return kind
    m = _LABEL_GLOSS.match(label.strip())
    if m is not None:
        kinds = {field_kind(m.group("k")), field_kind(m.group("g"))} - {None}
        if len(kinds) == 1:
            return kinds.pop()
    parts = [x.strip() for x in _JOINED_LABEL.split(label) if x.strip()]
    if len(parts) > 1:
        return field_kind(parts[0])  # "Date & Place": the column opens with the first part
    return None


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


_NOT_WORD = re.compile(r"\W+")


def restated_title_field(d: Draft, value: str) -> bool:
    """A title field that repeats the title the entry opened with (``1. **Title**`` over
    its fields, then ``- 论文：Title`` among its notes): the same paper, not a new entry.
    Compared on letters and digits only, so markup and spacing do not matter."""
    title = d.get("title")
    if not title or (f := field(d.lines[0].text)) is not None and f[0] == "title":
        return False  # opened by a title field itself: the same title again lists the paper twice
    key = _NOT_WORD.sub("", value).casefold()
    return bool(key) and key == _NOT_WORD.sub("", title).casefold()


# "作者与机构", "Authors & Affiliations", "Authors and affiliations": keys joined.
_KEY_JOIN = re.compile(r"\s*(?:与|和|及|以及|&|＆|/|、|\band\b)\s*", re.I)
# A heading's decoration around its words: emoji and symbols, numbering, a closing colon.
_HEADING_DECOR = re.compile(r"^[\W\d_]+|[\s:：]+$")


def people_heading(text: str) -> bool:
    """Whether a heading's words are author or affiliation keys (``👥 作者与机构``,
    ``Authors``, ``Authors & Affiliations``): the section under it names the paper's
    people, as a post sets them under such a heading instead of in fields.

    >>> people_heading("👥 作者与机构"), people_heading("Authors & Affiliations"), people_heading("📖 阅读建议")
    (True, True, False)
    """
    words = _HEADING_DECOR.sub("", text.strip())
    parts = [p for p in _KEY_JOIN.split(words) if p.strip()]
    return bool(parts) and all(field_kind(p) in ("authors", "affiliations") for p in parts)


# Fields that share a line: "作者：A, B et al. | 第一单位：清华大学".
_FIELD_SEPARATORS = (" | ", "｜", " · ")


def line_fields(line: str) -> list[tuple[str, int, int]]:
    """``(kind, start, end)`` of each field on a line (one, or several joined by ``|``)."""
    f = field(line)
    if f is None:
        # An unknown first key may still share its line with known ones
        # ("平台：ArXiv | 日期：2026-09-29 | ID：…").
        out = []
        for sep in _FIELD_SEPARATORS:
            pos = 0
            for part in line.split(sep):
                g = field(part)
                if g is not None:
                    out.append((g[0], pos + g[1], pos + g[2]))
                pos += len(part) + len(sep)
            if out:
                return out
        return []
    kind, a, e = f
    out = []
    k = a
    while k < e:
        hits = [(j, sep) for sep in _FIELD_SEPARATORS if (j := line.find(sep, k, e)) >= 0]
        if not hits:
            break
        j, sep = min(hits)
        g = field(line[j + len(sep) : e])
        if g is None:
            k = j + len(sep)
            continue
        out.append((kind, a, j))
        base = j + len(sep)
        kind, a, e = g[0], base + g[1], base + g[2]
        k = a
    out.append((kind, a, e))
    return out
@functools.lru_cache(maxsize=1)
def _servers() -> re.Pattern[str]:
    names = sorted((re.escape(w) for w in load_words("preprint_servers.txt")), key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(names) + r")(?=\s*(?:$|[(（/,，—–\-|]))", re.I)


def preprint_statement(value: str) -> bool:
    """Whether an organisation field's value names the preprint server the paper is on
    (``arXiv (2603.03237v1) — q-bio.QM``) rather than who made it.

    >>> preprint_statement("arXiv (2603.03237v1) — q-bio.QM"), preprint_statement("AstraZeneca / medRxiv")
    (True, False)
    """
    return _servers().match(value) is not None
