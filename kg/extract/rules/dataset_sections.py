"""The names that open the bullets of a datasets section are datasets:

    ## 📚 数据集
    - LJSpeech（训练/评估，单说话人英语TTS）
    - VCTK（训练/评估，多说话人英语TTS）

A line holding only a dataset heading (``kg/data/rules/dataset_section_labels.txt``,
after emoji, heading and emphasis marks and a closing colon) opens the section; its
bullets follow, blank lines between them allowed, and any other line ends it. A bullet's
name is the name-shaped words it opens with, ended by a bracket, a colon, a comma or a
dash; a bullet that opens with prose ("域外文本（…）", "Data from …, filtered") names
nothing. Known models and software are left as they are.
"""
from __future__ import annotations

import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.nlp import WORD, gazetteer
from kg.extract.rules.items import name_item
from kg.extract.vocab import words

NAME = "context"
#: Words a bullet's name may take ("Waymo Open Motion Dataset").
MAX_WORDS = 4
_BULLET = re.compile(r"[ \t]*(?:[-*•+]|\d{1,2}[.)、])[ \t]+")
# Emoji, pictographs and markup around a heading's words ("## 📚 数据集", "**Datasets:**").
_DECOR = re.compile(r"[#*_>`|\s\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f\u200d]+")
#: Characters a heading line holds at most (a label, emoji and markup).
MAX_HEADING = 40
_BULLET_LINE = re.compile(r"\n[ \t]*(?:[-*•+]|\d{1,2}[.)、])[ \t]+")
_NAME_END = re.compile(r"\s*(?:[（(:：,，;；]|\s[-–—]\s|$)")


def _heading(line: str) -> bool:
    label = _DECOR.sub(" ", line).strip().rstrip(":：").strip().lower()
    return bool(label) and label in words("dataset_section_labels")


def _sections(text: str) -> list[tuple[int, int]]:
    """Character spans of the bullet lines under each datasets heading."""
    out, pos, inside = [], 0, False
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if len(line) <= MAX_HEADING and _heading(line):
            inside = True
        elif not line.strip():
            continue
        elif inside and _BULLET.match(line):
            out.append((start, start + len(line)))
        else:
            inside = False
    return out


def _bullet_name(ctx: Context, a: int, b: int) -> tuple[int, int] | None:
    """Tokens of the name opening the bullet line ``a:b`` (its marker skipped)."""
    m = _BULLET.match(ctx.text, a, b)
    s = ctx.tok_at.get(m.end()) if m else None
    if s is None or ctx.kinds[s] != WORD or not ctx.in_region[s]:
        return None
    j = ctx.compound_end.get(s)
    if j is None:
        return None
    while j < len(ctx.words) and ctx.ws[j - 1] and ctx.kinds[j] == WORD and ctx.words[j][:1].isupper() and j - s < MAX_WORDS:
        j = ctx.compound_end.get(j, j + 1)
    # The name ends at a bracket, colon, comma, dash or the line's end: "LJSpeech（…", not
    # "Data from the web".
    if not _NAME_END.match(ctx.text, ctx.end(j - 1), b) and ctx.end(j - 1) != b:
        return None
    return s, j


def find(ctx: Context, prior=()) -> list[Candidate]:
    # A section needs a heading line and a bullet under it: two searches skip most entries.
    if "\n" not in ctx.text or not _BULLET_LINE.search(ctx.text):
        return []
    lower = ctx.text.lower()
    if not any(x in lower for x in words("dataset_section_labels")):
        return []
    gaz = gazetteer()
    out = []
    for a, b in _sections(ctx.text):
        span = _bullet_name(ctx, a, b)
        if span is None or not name_item(ctx, *span):
            continue
        text = ctx.stext(*span)
        known = gaz.known(text)
        if (known is not None and known[0] != "DATASET") or text.lower() in words("software_names"):
            continue
        x, y = ctx.span(*span)
        out.append(Candidate(x, y, ctx.text[x:y], NAME, "DATASET", force_label=True))
    return out


__all__ = ["find", "NAME"]
