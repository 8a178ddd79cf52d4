"""Papers a written summary names in bold at the head of its bullets.

An LLM-written themed summary, or a reader's digest of the week, often lists its papers
with neither link nor authors: each bullet opens with the paper's name or title in bold,
and the sentence goes on with what the paper does::

    ### A. Graph-Based Approaches
    - **E2ESlack** proposes an end-to-end graph-based framework for slack prediction …
    - **Dynamic Prototype Rehearsal for Continual Learning** presents DREAM-CL, …

Paragraphs that open so are such items too.

The bold run is the subject of a summary verb (``kg/data/parse/summary_verbs.txt``), so
the bullet presents a paper, where ``- **Why read it**: …`` labels a note and
``- **Acme** releases …`` is news. A page lists papers so when at least
:data:`MIN_SUMMARISED` bullets read that way and they are most of its bullets that open
in bold; a bullet that links a page which is no paper (a repository, a product) is what
its link is.
"""
from __future__ import annotations

import functools
import re

from kg.parse.links import scholarly_link
from kg.parse.data import load_words
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind
from kg.parse.item_titles import lead_name

__all__ = ["MIN_SUMMARISED", "summarised_items"]

#: A page names its papers in bold bullets when at least this many read so (a lone
#: "- **X** presents …" may be any note).
MIN_SUMMARISED = 3


@functools.lru_cache(maxsize=1)
def _verbs() -> tuple[frozenset[str], tuple[str, ...]]:
    words = load_words("summary_verbs.txt")
    return frozenset(w.casefold() for w in words if w.isascii()), tuple(w for w in words if not w.isascii())


_WORD = re.compile(r"[^\W\d_]+")


def _summary_verb(text: str) -> bool:
    """Whether ``text`` (what follows the bold name) opens with a summary verb."""
    rest = text.lstrip(" *_")
    english, chinese = _verbs()
    if rest.startswith(chinese):
        return True
    m = _WORD.match(rest)
    return m is not None and m.group(0).casefold() in english


# A colon or a spaced dash between the bold name and its sentence ("**E2ESlack**: proposes").
_SEP = re.compile(r"[*_\s]*(?:[:：]|[—–-](?=\s))")
# A name written as one: a capital, a digit or a hyphen inside a word ("SFC-GAN", "E2ESlack").
_NAME_MARK = re.compile(r"\w[A-Z0-9\-]")


def _name_shaped(s: str) -> bool:
    """A paper's name or title rather than a label over a note (``Method``, ``Key idea``):
    no field key, and a title of three words or more or a word written as a name."""
    return field_kind(s) is None and (len(s.split()) >= 3 or _NAME_MARK.search(s) is not None)


def _presents(t: str, name: tuple[int, int]) -> bool:
    """Whether the bullet's bold name is the subject of a summary verb: right after it
    (``**E2ESlack** proposes``), or after a colon or dash when the name reads as one
    (``**SFC-GAN**: introduces``; ``**Method**: proposes`` labels a note)."""
    if _summary_verb(t[name[1] :]):
        return True
    sep = _SEP.match(t, name[1])
    return sep is not None and _name_shaped(t[name[0] : name[1]]) and _summary_verb(t[sep.end() :])


def summarised_items(doc: ParsedDoc) -> dict[int, tuple[int, int]]:
    """Line index → span of the bold name of each bullet that presents a paper by its
    name and a summary verb, when the page lists papers that way (see the module)."""
    found: dict[int, tuple[int, int]] = {}
    bold = 0
    for k, ln in enumerate(doc.lines):
        if not ln.emphasised or ln.kind not in ("item", "text"):
            continue  # the common line: no bullet opening in bold, cheaply
        if ln.kind == "text" and k and doc.lines[k - 1].text.strip():
            continue  # a paragraph's own first line only ("**E2ESlack** proposes …" as prose)
        name = lead_name(ln)
        if name is None or ln.text[ln.start : name[0]].strip():
            continue
        bold += 1
        if any(not scholarly_link(lk.url) for lk in ln.links):
            continue
        if _presents(ln.text, name):
            found[k] = name
    if len(found) < MIN_SUMMARISED or 2 * len(found) < bold:
        return {}
    # Each paper is summarised once: a name that opens several bullets is what a post
    # about it keeps coming back to ("**ModelX** achieves …", "**ModelX** outperforms …").
    names = [doc.lines[k].text[a:e].casefold() for k, (a, e) in found.items()]
    return found if len(set(names)) == len(names) else {}

