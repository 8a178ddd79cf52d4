"""Layout ``items``: Markdown lists with one paper per top-level item.

Link lists (``- [Segment Anything（82▲）](https://huggingface.co/papers/2304.02643)``),
reading lists and "awesome" lists: the item names the paper by a quoted title or a title
link, with its people or organisation in brackets after it, and links to the paper and
its code; sub-items are notes on it::

    * **RepMLP**: "RepMLP: Re-parameterizing Convolutions …", arXiv, 2021 (*Megvii*). [[Paper](https://arxiv.org/abs/2105.01883)]
    * [Open-World Entity Segmentation](https://arxiv.org/pdf/2107.14228.pdf)  (Jiaya Jia)  [code](https://github.com/…)

A bracketed group after the title is the authors when it reads as names, the
institutions when it is set in italics or names organisations, and nothing (a venue, a
year) otherwise.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.parse.makers import trailing_maker
from kg.parse.author_fields import author_value
from kg.parse.author_lines import bare_authors
from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, Builder, LayoutResult, scholarly_link, stated_arxiv_id, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.categories import find_category
from kg.parse.dates import find_date, leading_date
from kg.parse.document import Line, ParsedDoc
from kg.parse.fields import field
from kg.parse.item_lines import is_paper_item, labelled_paper_link, paper_link_below, sibling_fields, translated_item
from kg.parse.links import PAPER_LABELS
from kg.parse.item_titles import item_title, latin_title, lead_name, named_title
from kg.parse.item_people import (
    bracketed_names,
    bracketed_people,
    cited_after,
    cited_authors,
    cited_below,
    cited_reference,
    lead_reference,
    title_clause_authors,
)
from kg.parse.names import looks_like_authors
from kg.parse.presenters import may_present, presented_title
from kg.parse.titles import post_title, venue_tag_after
from kg.records import Span
from kg.text import PAPER_URL_RE, arxiv_id

__all__ = ["parse", "name", "in_gaps"]

name = "items"

_VOTES_RE = re.compile(r"\s*[(（]\s*\d+\s*[▲↑]\s*[)）]\s*$|\s+$")


def in_gaps(doc: ParsedDoc) -> bool:
    return True


def _under_heading(doc: ParsedDoc, i: int) -> bool:
    k = i - 1
    while k >= 0 and not doc.lines[k].text.strip():
        k -= 1
    return k >= 0 and doc.lines[k].kind == "heading"


def _lone_item(line: Line) -> bool:
    """A line that opens with a linked paper title and names its authors after it
    (``[Title](https://arxiv.org/abs/…), A Author, B Author``)."""
    title = item_title(line)
    if title is None or line.text[line.start : title[0]].strip(" [*_") or not _is_paper(line, title):
        return False
    end = min([lk.start for lk in line.links if lk.start > title[1]] + [len(line.text)])
    rest = line.text[title[1] : end].strip(" ,;:—–-\\[")
    return bool(rest) and looks_like_authors(rest)


def _is_paper(line: Line, title: tuple[int, int] | None) -> bool:
    """An item is a paper when it links the paper (an arXiv id, a paper page or PDF, a
    link labelled as the paper), its title is followed by the venue it appeared at, or
    its title link has no target yet (``[Title]()``)."""
    if title is None:
        return False
    if arxiv_id(line.text) or any(arxiv_id(lk.url) or PAPER_URL_RE.search(lk.url) or scholarly_link(lk.url) for lk in line.links):
        return True
    if venue_tag_after(line.text, title[1]):
        return True  # "[Title](conference page) *(NDSS' 15)*": where it appeared, whatever its link
    for lk in line.links:
        text = line.text[lk.start : lk.end]
        if (lk.start, lk.end) == title and not lk.url.strip():
            return True
        if re.sub(r"\W+", "", text).casefold() in PAPER_LABELS and lk.url.startswith(("http://", "https://")):
            return True
    return False


def parse(doc: ParsedDoc) -> LayoutResult:
    res, kinds = _parse(doc)
    lone = _lone_papers(doc, kinds) if len(res.entries) >= MIN_STYLED else {}
    return _parse(doc, lone)[0] if lone else res


def _lone_papers(doc: ParsedDoc, kinds: dict[str, int]) -> dict[int, int]:
    """One-line paragraphs outside the lists that name an arXiv paper the way the page's
    paper items name theirs (``Title : https://arxiv.org/abs/…`` over a list of such
    items, ``Name: 2112.10752. **Title**. A Author et al | [abs](…)`` alone under its
    heading): items written without their list marker. A paragraph that opens with
    something else than its title link is prose that cites a paper, never one."""
    out = {}
    for blk in doc.blocks:
        if blk.kind != "paragraph" or blk.level != 0 or blk.first != blk.last or not is_paper_item(doc, blk.first, blk.first):
            continue
        ln = doc.lines[blk.first]
        title = item_title(ln) or named_title(ln)
        kind = _title_kind(ln, title) if title is not None else None
        if kind is None or kinds.get(kind, 0) < MIN_STYLED:
            continue
        if kind == "link" and any(c.isalnum() for c in ln.text[ln.start : title[0]]):
            continue
        out[blk.first] = blk.first
    return out


def _title_kind(ln: Line, title: tuple[int, int]) -> str:
    """How an item sets its title: as a link's text, in emphasis, in quotes, or plain."""
    ta, te = title
    if any(lk.start <= ta and te <= lk.end for lk in ln.links):
        return "link"
    if any(s <= ta and te <= e for s, e in ln.emphasised):
        return "emphasis"
    if ta > 0 and ln.text[ta - 1] in "\"“":
        return "quoted"
    return "plain"


def _parse(doc: ParsedDoc, lone: dict[int, int] | None = None) -> tuple[LayoutResult, dict[str, int]]:
    """The items of ``doc`` (and the ``lone`` paragraphs read as items); with how many
    paper items set their title each way (:func:`_title_kind`)."""
    b = Builder(doc, "items")
    lines = b.lines
    items = {blk.first: blk.last for blk in doc.blocks if blk.kind == "list_item" and blk.level == 1}
    if items:
        # "## Chosen Paper" over "[Title](…), A Author, B Author" and then a list of the
        # same: a one-line paragraph right under a heading, written as the list's items
        # are, is one of them.
        items.update({
            blk.first: blk.last for blk in doc.blocks
            if blk.kind == "paragraph" and blk.first == blk.last and _under_heading(doc, blk.first) and _lone_item(doc.lines[blk.first])
        })
    dated_index = _dated_index(doc, items)
    talks = _talks(doc, items)
    styled = _styled_papers(doc, items)
    if lone:
        items = {**items, **lone}
    kinds: dict[str, int] = {}
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        if i not in items:
            b.report(i, is_boilerplate(lines[i], between_entries=True) or NOT_IN_ENTRY)
            i += 1
            continue
        last = items[i]
        ln = doc.lines[i]
        title = item_title(ln)
        talk = talks.get(i) if title is None else None
        if talk is not None:
            title = talk  # "- Title，张伟 清华大学": a programme's talk, its presenter no author
        noted = title is None and is_paper_item(doc, i, last)
        if noted:
            title = named_title(ln)  # a footnote or note item: its first line names the paper
        stated = stated_arxiv_id(ln.text) if title is None else None
        stated_date = None
        led = _ID_LEAD.match(ln.text, title[0]) if title is not None else None
        if led is not None and title[0] + led.end() - led.start() < title[1]:
            # "- [2607.05394 — Weak-to-Strong Generalization …](2026-07-14/2607.05394.md)":
            # the arXiv id that opens the title states the paper; the title follows it.
            stated = (led.group("id"), led.start(), led.end())
            title = (led.end(), title[1])
            noted = True
        elif dated_index and title is not None and (dl := leading_date(ln.text, title[0])) and dl[0] < title[1]:
            # "1. [200122 FixMatch](papers/200122%20FixMatch.md) #mixup": an index of paper
            # notes whose link texts open with the paper's date; the title follows it.
            stated_date = dl[1]
            title, noted = (dl[0], title[1]), True
        elif stated is not None:
            # "- **SD-Zero** — Self-revision … [2604.12002]": the bold name that opens the
            # item names the paper its bracketed arXiv id states.
            title = lead_name(ln)
            noted = title is not None
        if not noted and not ln.links and not _is_paper(ln, title) and (cited_below(doc, i, last) or cited_after(ln, title)):
            # "+ **Fast R-CNN**" over "  2015 - (…) - [Ross Girshick]": a paper listed by
            # its title, unlinked, cited by its year and its authors (a linked item is what
            # its link is: "[The Illustrated Transformer (Blog)](…)" over "- Jay Alammar, 2018").
            title = title or lead_name(ln) or named_title(ln)
            noted = title is not None
        if title is None and not noted and labelled_paper_link(doc, i, last):
            # "- Optimistic tree search …" over "[`paper`](….pdf) | [`slides`](…) | Presenter",
            # "- Deep Learning for Symbolic Mathematics ([pdf](https://openreview.net/…))": the
            # item names the paper in words and links it by a label.
            title = named_title(ln)
            noted = title is not None
        translated = title is not None and translated_item(doc, i, last)
        # "* [Title](local-page.md)" over "  * [paper](https://arxiv.org/abs/…)": the paper
        # link is the item's own line of links under its title.
        linked_below = title is not None and not noted and paper_link_below(doc, i, last)
        # "- *Knowing When to Ask* (tech report) — a note" among "- [*Title*](arXiv)" items:
        # a paper the list names in the style of its linked papers, without a link.
        # (A linked item is what its link is: "[The Illustrated Transformer (Blog)](blog)".)
        alike = title is not None and not ln.links and styled >= MIN_STYLED and _opens_emphasised(ln, title)
        # "- [Sparse Routers: … 网页链接该论文提出…](https://weibo.com/…)": a collected post that
        # links no paper but opens with a paper's English title is that paper, titled by it
        # (a linked paper keeps its title and its Chinese translation).
        posted = (
            post_title(ln.text, *title)
            if title is not None and not noted and ln.links and not _is_paper(ln, title)
            else None
        )
        if posted is not None:
            title = posted
        if title is not None and (_is_paper(ln, title) or noted or translated or linked_below or alike or posted or talk):
            kind = _title_kind(ln, title)
            kinds[kind] = kinds.get(kind, 0) + 1
            if field(ln.text) is not None:
                last = sibling_fields(doc, items, last)
            _entry(b, i, last, title, talk=talk is not None)
            if stated_date is not None and b.entries:
                b.entries[-1] = replace(b.entries[-1], date=stated_date)
            if stated is not None and b.entries:
                b.entries[-1] = replace(b.entries[-1], ids=tuple(dict.fromkeys([*b.entries[-1].ids, stated[0]])))
        else:
            linked = title is not None and any((lk.start, lk.end) == title for lk in ln.links)
            for k in range(i, last + 1):
                if lines[k].strip():
                    b.report(k, "list item" if k > i else "non-paper link" if linked else NON_PAPER)
        i = last + 1
    return b.result(), kinds


#: A list names its papers in one style when at least this many linked paper items open
#: with their title set in italics or bold.
MIN_STYLED = 2


def _emphasised_title(ln: Line, title: tuple[int, int]) -> bool:
    """The title, of three words or more, is set in italics or bold (linked or not)."""
    ta, te = title
    return len(ln.text[ta:te].split()) >= 3 and any(s <= ta and te <= e for s, e in ln.emphasised)


def _opens_emphasised(ln: Line, title: tuple[int, int]) -> bool:
    """The item opens with its title set in italics or bold, nothing but symbols before
    it, and no colon after it (``- **Why read this**: …`` is a label over a note)."""
    return (
        _emphasised_title(ln, title)
        and not any(c.isalnum() for c in ln.text[ln.start : title[0]])
        and not ln.text[title[1] :].lstrip(" *_").startswith((":", "："))
    )


def _styled_papers(doc: ParsedDoc, items: dict[int, int]) -> int:
    """How many items link their paper under a title set in emphasis (``- [*Title*](https://arxiv.org/abs/…)
    — a note``, ``- Lewis et al. 2020 — [*Title*](…)``)."""
    n = 0
    for i in items:
        ln = doc.lines[i]
        if not ln.emphasised or not ln.links:
            continue  # no emphasis or no link: not such an item (the common case, cheaply)
        title = item_title(ln)
        if title is not None and _emphasised_title(ln, title) and _is_paper(ln, title):
            n += 1
    return n


def _entry(b: Builder, i: int, last: int, title: tuple[int, int], talk: bool = False) -> None:
    doc, lines = b.doc, b.lines
    ln = doc.lines[i]
    d = b.open(i)
    off = b.take(i)
    ta, te = title
    te = ta + len(_VOTES_RE.sub("", ln.text[ta:te]))  # "Title（82▲）": the vote count is not the title
    d.set_title(ln.text, off, ta, te)
    after = title[1] + (1 if ln.text[title[1] : title[1] + 1] in "\"”" else 0)
    if not talk:  # a talk's line names its presenter and their organisation: no authors, no institutions
        lead_reference(d, ln, off, ta)
        bracketed_people(d, ln, off, after)
        cited_authors(d, ln, off, after)
        title_clause_authors(d, ln, off, after)
        trailing_maker(d, ln, off, after)  # "[Title](…) `Amazon` `2003`": who made it
    got = find_category(ln.text[after:], strict=True)
    code = ln.text[after + got[0] : after + got[1]] if got else ""
    if got and ("." in code or code.startswith("arXiv_")):
        # "[Title](…) `cs.AI` `cs.LG`": an arXiv code written as one after the title (a
        # subject name in a note after it is just words).
        d.set_category(off + after + got[0], off + after + got[1], got[2])
    first_sub = True
    for k in range(i + 1, last + 1):
        if not lines[k].strip():
            continue
        koff = b.take(k)
        a, e = strip_span(lines[k], 0, doc.lines[k].start)
        run = bracketed_names(lines[k], a, e) if first_sub and "authors" not in d.spans else None
        if run is not None:
            d.set("authors", koff + run[0], koff + run[1])  # "  2015 - (…) - [Ross Girshick] [Jian Sun]"
            first_sub = False
            continue
        if first_sub and "authors" not in d.spans and "affiliations" not in d.spans and cited_reference(d, lines[k], koff, a, e):
            first_sub = False
            continue  # "   - Vaswani et al., 2017" under the title: who wrote it
        if first_sub and "authors" not in d.spans and (names := bare_authors(doc.lines[k])) is not None:
            d.set("authors", koff + names[0], koff + names[1])  # "  Lovelace, Ada and Hopper, Grace" under the title
            first_sub = False
            continue
        first_sub = False
        if "title" not in d.spans and "title_zh" in d.spans and latin_title(lines[k][a:e]) and len(d.body) == 0:
            d.set("title", koff + a, koff + e)  # the English title under the Chinese one
            continue
        f = field(lines[k])
        if f is not None and f[0] == "title_zh" and "title_zh" not in d.spans:
            d.set("title_zh", *strip_span(lines[k], koff, f[1], f[2]))  # "- 翻译: 中文标题"
            continue
        if f is not None and f[0] == "category" and "category" not in d.spans:
            got = find_category(lines[k][f[1] : f[2]])  # "  - Categories: cs.LG, cs.AI"
            if got:
                d.set_category(koff + f[1] + got[0], koff + f[1] + got[1], got[2])
                continue
        if f is not None and f[0] == "date" and d.date is None:
            got = find_date(lines[k][f[1] : f[2]])  # "  - Published: 2026-04-15"
            if got:
                d.date = got[2]
                continue
        if f is not None and f[0] == "meta" and d.date is None and (got := find_date(lines[k][f[1] : f[2]])) and len(got[2]) == 10:
            d.date = got[2]  # "  - Source: arXiv, 2026-06-30": the day the source gives
        if f is not None and f[0] in ("authors", "affiliations") and f[0] not in d.spans:
            # "  作者：A, B" / "  - Affiliations: MIT" under the item's title line.
            value = lines[k][f[1] : f[2]]
            got = author_value(value) if f[0] == "authors" else (0, len(value))
            if got is not None:
                d.set(f[0], *strip_span(lines[k], koff, f[1] + got[0], f[1] + got[1]))
                continue
        d.body.append(Span(koff + a, koff + e))
    b.close()


def _talks(doc: ParsedDoc, items: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Items without a link that give a title and then its presenter (kg.parse.presenters),
    by their first line: a programme's talks when :data:`MIN_STYLED` items or more read so
    (one such line among other items is a note that names someone)."""
    out = {}
    for i in items:
        ln = doc.lines[i]
        if ln.links or not may_present(ln.text):
            continue  # a linked item, or one with no comma before a presenter: the common case, cheaply
        got = presented_title(ln.text, *strip_span(ln.text, 0, ln.start))
        if got is not None:
            out[i] = got
    return out if len(out) >= MIN_STYLED else {}


#: An index dates its items by a compact date opening their link texts when at least
#: this many of its items open so.
MIN_DATED = 3


def _dated_index(doc: ParsedDoc, items: dict[int, int]) -> bool:
    """Whether the list is an index of dated notes: :data:`MIN_DATED` items or more whose
    title link opens with a compact date (one such item may be a title that opens with a
    number)."""
    n = 0
    for i in items:
        t = item_title(doc.lines[i])
        if t is not None and (got := leading_date(doc.lines[i].text, t[0])) and got[0] < t[1]:
            n += 1
    return n >= MIN_DATED


# An arXiv id that opens an item's title, then a dash, colon or bar ("2607.05394 — Title").
_ID_LEAD = re.compile(r"\s*(?P<id>\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?\s*(?:[—–:：|｜]|-(?=\s))\s*")
