"""How a list item names its paper: the title in a link text, in quotes or in emphasis
(``[Title](…)``, ``"Title"``, ``*Title* (A. Author, B. Author)``), a title written in
words before the item's label links (``- [NIPS22] Title [paper](…) [code](…)``), the bold
name that opens an item, with the vote counts, venue tags, glosses and label links that
are no part of it left out. Read by the ``items`` layout (and its one-line paragraphs)."""
from __future__ import annotations

import re

from kg.parse.author_fields import author_value
from kg.parse.byline import reference_byline
from kg.parse.base import LINK_LABEL_RE, strip_span, url_only
from kg.parse.document import Line
from kg.parse.fields import field
from kg.parse.names import bracket_kind
from kg.parse.titles import SENTENCE_END_RE
from kg.text import find_urls, is_cjk

__all__ = ["item_title", "label_links_start", "latin_title", "lead_name", "named_title", "names_in_brackets", "past_short_name", "title_like", "without_people"]

_QUOTED = re.compile(r"[\"“](?P<t>[^\"“”]{6,400})[\"”]")
_CLOSING_BRACKET = re.compile(r"\s*[(（](?P<v>[^()（）]{2,80})[)）]\s*$")
_ET_AL = re.compile(r"\bet\s+al\.?\s*$")
_TRAILING_LABEL = re.compile(r"\s*[(（]\s*(?P<v>[^()（）]{1,30}?)\s*[)）]\s*$")

# "MobileNets-V2 - MobileNetV2: Inverted Residuals … : https://arxiv.org/abs/…": a short
# name (up to three capitalised tokens) and a dash before the title name the model the
# paper proposes, as awesome lists write them; the title is what follows.
_ABBR_LEAD = re.compile(r"\s*[A-Z0-9]\S*(?:\s+[A-Z0-9]\S*){0,2}\s+[-–—]\s+(?=\S)")
_OWN_LINK = re.compile(r"\s*(?:[:：]\s*)?https?://\S+\s*$")


def label_links_start(ln: Line, a: int, e: int) -> int:
    """Where the run of label links that closes ``ln.text[a:e]`` begins (``… Title
    [paper](…) [code](…) [note](notes/x.md)``: what the item links, not its name); ``e``
    when it has none. Only brackets, bars and slashes may stand between the labels."""
    end = e
    for lk in reversed([lk for lk in ln.links if a <= lk.start and lk.end <= e]):
        text = ln.text[lk.start : lk.end].strip()
        if ln.text[lk.end : end].strip(" []()|/·,") or not (LINK_LABEL_RE.match(text) and len(text.split()) <= 3):
            break
        end = lk.start
    return end


def title_like(s: str) -> bool:
    # "Paper", "PyTorch-1 (lucidrains)", "Project Page" label a link; "Data Augmentation
    # Can Improve Robustness" is a title that starts with a label word. A link whose text
    # is its own address ("- Paper: https://arxiv.org/abs/…") names nothing.
    if find_urls(s) and len(s.split()) == 1:
        return False
    label = LINK_LABEL_RE.match(s) is not None and len(s.split()) <= 3
    return (len(s.split()) >= 2 or sum(is_cjk(c) for c in s) >= 4) and not label


def item_title(line: Line) -> tuple[int, int] | None:
    """The title of an item: a quoted title, else the first link text that is a title,
    else a title in emphasis."""
    t = line.text
    q = _QUOTED.search(t, line.start)
    for lk in line.links:
        if q is not None and q.start() < lk.start:
            break
        if title_like(t[lk.start : lk.end]):
            return lk.start, lk.end
    if q is not None:
        return strip_span(t, 0, q.start("t"), q.end("t"))
    # "1. *ROOT-SGD: Sharp Nonasymptotics …* [url](…)": a title set in italics or bold.
    for a, e in line.emphasised:
        if title_like(t[a:e]) and len(t[a:e].split()) >= 3:
            # "*Neural Turing Machines (A. Graves, G. Wayne, I. Danihelka)*": the authors in
            # brackets closing the italic run are no part of the title.
            m = _CLOSING_BRACKET.search(t, a, e)
            if m is not None and m.end() == e and names_in_brackets(m.group("v")) and len(t[a : m.start()].split()) >= 1:
                e = m.start()
            return strip_span(t, 0, a, e)
    return None


def names_in_brackets(v: str) -> bool:
    """A bracketed group that names people: a list of names, or one cut short by ``et al.``."""
    return author_value(v) is not None or bracket_kind(v) == "authors" or bool(_ET_AL.search(v))


def named_title(ln: Line) -> tuple[int, int] | None:
    a, e = strip_span(ln.text, 0, ln.start)
    # "- [NIPS22] ✅ WebShop: … [paper](…) [note](…)": the links after the name are labels.
    e = strip_span(ln.text, 0, a, label_links_start(ln, a, e))[1]
    # "Title ([pdf](…))": the bracket that holds the label links is no part of the title.
    e = strip_span(ln.text, 0, a, len(ln.text[:e].rstrip(" ([（【")))[1]
    s = ln.text[a:e]
    if not s or len(s) > 250 or SENTENCE_END_RE.search(s[:-1]):
        return None
    f = field(ln.text)
    if f is not None and f[0] not in ("title", "title_zh"):
        return None  # "- 링크: https://arxiv.org/…" ("link:"): a field of the page's paper, no title
    if f is not None and url_only(ln.text[f[1] : f[2]], len(ln.links)):
        return None  # "- Paper: https://arxiv.org/pdf/…": the key names the page's paper link, no title
    label = _TRAILING_LABEL.search(ln.text, a, e)
    if label is not None and label.end() == e and LINK_LABEL_RE.fullmatch(label.group("v").strip()):
        e = label.start()  # "Title (pdf)": the link's label closing the line
        s = ln.text[a:e]
    a = past_short_name(ln.text, a, e)
    # Words, not addresses: "- Codex: https://arxiv.org/pdf/…" names a link by one word.
    words = [w for w in s.split() if not find_urls(w)]
    return (a, e) if len(words) >= 2 or sum(is_cjk(c) for c in s) >= 4 else None


def past_short_name(t: str, a: int, e: int) -> int:
    """Where a title starts that an item opens with a short name and a dash
    (``MobileNets-V2 - MobileNetV2: Inverted Residuals … : https://arxiv.org/abs/…``):
    after the dash when at least three words follow it (the link the line closes with
    aside); else ``a``."""
    lead = _ABBR_LEAD.match(t, a, e)
    if lead is not None and len(_OWN_LINK.sub("", t[lead.end() : e]).split()) >= 3:
        return lead.end()
    return a


def lead_name(ln: Line) -> tuple[int, int] | None:
    """The bold or italic run that opens an item (``- **PubSwap** — …``), if any."""
    lead = len(ln.text) - len(ln.text[ln.start :].lstrip())
    for a, e in ln.emphasised:
        if a == lead and ln.text[a:e].strip():
            return strip_span(ln.text, 0, a, e)
    return None


def latin_title(s: str) -> bool:
    return 2 <= len(s.split()) <= 40 and not any(is_cjk(c) for c in s) and not SENTENCE_END_RE.search(s.rstrip("."))


# A bracket that closes an emphasised run: "*Title (A. Graves)*".
_CLOSING_RUN = re.compile(r"\s*[(（](?P<v>[^()（）]{2,200})[)）]\s*$")


def without_people(t: str, s: int, e: int) -> int:
    """Where an emphasised title ends when its run closes with its authors in brackets
    (``*Neural Turing Machines (A. Graves, G. Wayne, I. Danihelka)*``, ``*Title (Noh,
    Hong, Han et al.)*``): before the bracket; else ``e``. The names are the authors'
    (read after the title), and an initial's full stop is no sentence's end."""
    if t[e - 1 : e] not in (")", "）"):
        return e  # cheap reject: the run does not close with a bracket
    m = _CLOSING_RUN.search(t, s, e)
    if m is None or m.start() <= s:
        return e
    v = m.group("v")
    if names_in_brackets(v) or reference_byline(v, 0) is not None:
        return m.start()
    return e
