"""What the ``generic`` layout reads off a page's lines: whether a line is title-like,
the title a line opens with or links (past leading tags such as ``[NIPS22]``, ``【1】``,
``12.``, up to its label links), a quoted or emphasised title, the author line of a run,
and runs of papers with no blank line between them — list items each linking one paper
of their own (table columns and HTML rows: :mod:`kg.parse.generic_rows`). Split from
:mod:`kg.parse.layouts.generic`, which assembles entries from them."""
from __future__ import annotations

import re

from kg.parse.base import strip_span
from kg.parse.byline import clause_authors
from kg.parse.dates import slash_order
from kg.parse.document import ParsedDoc
from kg.parse.links import paper_link, scholarly_link, stated_arxiv_id
from kg.parse.item_titles import without_people
from kg.parse.names import author_names, looks_like_authors
from kg.parse.titles import SENTENCE_END_RE

__all__ = [
    "BRACKET_AFTER", "author_clause", "author_line", "emphasised_title", "lead_title", "linked_title", "one_per_line",
    "line_papers", "page_slash_order", "tagged_title", "paper_items", "quoted_title", "title_end", "title_like", "title_start",
    "stated_id",
]
from kg.text import arxiv_id, cjk_share

_TITLE_QUESTION = re.compile(r"\?\s+(?=[A-Z])")


def title_like(s: str) -> bool:
    s = s.strip()
    if not 8 <= len(s) <= 250:
        return False
    if cjk_share(s) > 0.5:
        return len(s) <= 80 and not SENTENCE_END_RE.search(s[:-1])
    # A question that opens a title ("Model or Harness? An Interaction-Centric Taxonomy")
    # does not end a sentence: a capital word follows it.
    s = _TITLE_QUESTION.sub(" ", s)
    # Nor does the question a title closes with ("Can Attention Enable MLPs To Catch Up
    # With CNNs?", "LLMs Still Can't Plan; Can LRMs?").
    s = s.rstrip(".")
    s = s[:-1] if s.endswith(("?", "？")) else s
    # Two words or more, an emoji no word ("**Beginner** 🟢" heads a list).
    words = sum(1 for w in s.split() if any(c.isalnum() for c in w))
    return words >= 2 and _capital_start(s) and not SENTENCE_END_RE.search(s)


def _capital_start(s: str) -> bool:
    """A title opens with a capital, or with a name that has one inside ("d3LLM: …",
    "mPLUG-Owl: …", "iTransformer: …"); a sentence's lower-case word has none."""
    words = s.split()
    first = words[0]
    # "mixup: Beyond Empirical Risk Minimization": a lower-case name, a colon, a capital word.
    named = first.endswith(":") and len(words) > 1 and words[1][:1].isupper()
    return s[0].isupper() or (s[0].isalnum() and (named or any(c.isupper() for c in first[1:])))


def author_line(lines: list[str], run: list[int]) -> int | None:
    """The line of a paragraph that lists its authors: of the lines that read as names,
    the one with the most names ("Segment Anything" reads as a name too, but a title
    comes first and names one thing)."""
    best: tuple[int, int] | None = None
    for pos, k in enumerate(run):
        got = author_names(lines[k]) if looks_like_authors(lines[k]) else None
        if got is None:
            continue
        score = (len(got[0]), pos > 0)
        if best is None or score > best[0]:
            best = (score, k)
    return None if best is None else best[1]


def lead_title(doc: ParsedDoc, k: int) -> tuple[int, int] | None:
    """A title set in bold or italics at the start of a line (``**Title.** …``), when more
    follows it on the line."""
    ln = doc.lines[k]
    a0 = len(ln.text) - len(ln.text[ln.start :].lstrip())
    for s, e in ln.emphasised:
        e = without_people(ln.text, s, e)
        if s <= a0 + 1 and title_like(ln.text[s:e]) and ln.text[e:].strip(" .*_"):
            return strip_span(ln.text, 0, s, e)
    return None


# An emoji written as its shortcode (":star:", ":fire:").
_SHORTCODE = re.compile(r":[a-z0-9_+\-]+:")
# A lead that names the paper's subject before its linked title ("Beyond Accuracy: [Title](…)").
_LEAD_PHRASE = re.compile(r"[^\W\d][^:：\[\]]{0,60}[:：]")
# A bracketed note after a title ("(ACL 2020 Best paper)").
_NOTE = re.compile(r"\s*[(（][^()（）]{1,80}[)）]")


def linked_title(doc: ParsedDoc, k: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A reading log's line — ``**06/22/2020** [Title](notes.md) L.Logeswaran, H.Lee
    [pdf](…)``: the first link whose text is a title, after nothing but emphasised runs
    (a date) and a phrase ending in a colon (then part of the title: ``Beyond Accuracy:
    [Behavioral Testing …](…)``), and the authors written after it; ``(title, authors
    or None)``."""
    ln = doc.lines[k]
    t = ln.text
    for lk in ln.links:
        # "[2607.05394 — Title](…)": the id that opens the link text is no part of the title.
        lead = ID_LEAD.match(t, lk.start, lk.end)
        start = lead.end() if lead is not None else lk.start
        if not title_like(t[start : lk.end]):
            continue
        x = max([e for s, e in ln.emphasised if e <= lk.start] + [ln.start])
        rest = t[x : lk.start]
        a = start
        if rest.strip() and _LEAD_PHRASE.fullmatch(rest.strip()) and len(rest.split()) <= 8:
            a = x + len(rest) - len(rest.lstrip())
        elif re.search(r"[^\W\d_]{3,}", _SHORTCODE.sub("", rest)):  # ":star: [Title](…)": an emoji
            return None  # a sentence before the link: the link is something it mentions
        pos = lk.end
        note = _NOTE.match(t, pos)
        pos = note.end() if note else pos
        end = min([y.start for y in ln.links if y.start >= pos] + [len(t)])
        return strip_span(t, 0, a, lk.end), clause_authors(t, pos, end, ln.emphasised)
    return None


def author_clause(doc: ParsedDoc, k: int, pos: int) -> tuple[int, int] | None:
    """The clause after ``pos`` up to its full stop or the line's next link or emphasis."""
    ln = doc.lines[k]
    t = ln.text
    end = min([lk.start for lk in ln.links if lk.start >= pos] + [s for s, _ in ln.emphasised if s > pos] + [len(t)])
    seg = t[pos:end]
    lead = len(seg) - len(seg.lstrip(" .,:;—–-"))
    stop = re.search(r"(?<!\bal)\.(?:\s|$)", seg[lead:])
    b = pos + lead + (stop.start() if stop else len(seg) - lead)
    a, b = strip_span(t, 0, pos + lead, b)
    return (a, b) if b > a else None


def page_slash_order(doc: ParsedDoc) -> bool | None:
    """Whether the page writes its slashed dates day first (see :func:`slash_order`)."""
    return slash_order(t for t in doc.texts if "/" in t)


# An arXiv id that opens a title, then a dash, colon or bar ("2607.05394 — Title").
ID_LEAD = re.compile(r"\s*(?P<id>\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?\s*(?:[—–:：|｜]|-(?=\s))\s*")


def stated_id(doc: ParsedDoc, k: int) -> str | None:
    """The arXiv id line ``k`` states in brackets of its own (``- **SD-Zero** — … [2604.12002]``),
    as research notes cite a paper without a link, or before its title (``- [2607.05394 —
    Title](notes/2607.05394.md)``)."""
    t = doc.texts[k]
    if "." not in t:
        return None
    got = stated_arxiv_id(t)
    if got:
        return got[0]
    lead = ID_LEAD.match(t, doc.lines[k].start)
    return lead.group("id") if lead else None


def _line_paper(doc: ParsedDoc, k: int) -> str | None:
    """The arXiv id a line carries, in its text or its links, or states in brackets."""
    return (
        arxiv_id(doc.texts[k]) or next((i for lk in doc.lines[k].links if (i := arxiv_id(lk.url))), None)
        or stated_id(doc, k)
    )


def one_per_line(doc: ParsedDoc, run: list[int]) -> bool:
    """A paragraph of one-line posts: every line names a paper of its own (its title and
    its link, ``Title https://arxiv.org/abs/…``), so each line is one entry."""
    ids = [_line_paper(doc, k) for k in run]
    return len(run) >= 2 and all(ids) and len(set(ids)) == len(run) and all(
        title_like(doc.texts[k][: doc.texts[k].find("http")] if "http" in doc.texts[k] else doc.texts[k]) for k in run
    )


def _item_groups(doc: ParsedDoc, run: list[int]) -> list[list[int]]:
    """The items of a paragraph: its table rows, else its list items at their shallowest
    depth (each with the lines under it), else its lines."""
    rows = [k for k in run if doc.lines[k].kind == "table"]
    if rows:
        return [[k] for k in rows]
    items = [k for k in run if doc.lines[k].kind == "item"]
    if items:
        top = min(doc.lines[k].level for k in items)
        starts = [k for k in items if doc.lines[k].level == top]
        groups = []
        for i, k in enumerate(starts):
            stop = starts[i + 1] if i + 1 < len(starts) else run[-1] + 1
            groups.append([j for j in run if k <= j < stop])
        return groups
    return [[k] for k in run]


# A bracketed tag that dates or places a paper ("[2020 ACL]", "[NIPS22]", "【2019】").
_DATED_TAG = re.compile(r"\s*(?:\[[^\[\]]*\d{2}[^\[\]]*\]|【[^【】]*\d{2}[^【】]*】)\s*")


def tagged_title(doc: ParsedDoc, k: int) -> bool:
    """Line ``k`` (a list item or table row) opens with a tag that dates or places a
    paper and then a title up to its cell's or line's end (``|[2020 ACL] Probabilistic
    Assumptions Matter: … | |``): in a list of papers, a paper it does not link."""
    ln = doc.lines[k]
    a = ln.cells[0][0] if ln.kind == "table" and ln.cells else ln.start
    e = ln.cells[0][1] if ln.kind == "table" and ln.cells else len(ln.text)
    m = _DATED_TAG.match(ln.text, a)
    return m is not None and m.end() < e and len(ln.text[m.end() : e].split()) >= 3 and title_like(ln.text[m.end() : e])


def paper_items(doc: ParsedDoc, run: list[int]) -> list[list[int]] | None:
    """A paragraph that is a list or a table of papers with no blank line between its
    items, split into its items, or None. Each of at least two items links a paper of
    its own (one arXiv id, no item sharing it), and items that link a paper are most of
    them unless the items are marked (a newsletter's list mixes papers with news: its
    items without a paper are reported, not read into the paper above); a paragraph without list or table markup splits into its lines only when every
    line links a paper and opens with a title (one-line posts, ``• Title [PDF]`` bullets)."""
    groups = _item_groups(doc, run)
    if len(groups) < 2:
        return None
    ids = []
    for g in groups:
        got = {i for k in g for i in _item_papers(doc, k)}
        if len(got) > 1:
            return None  # an item citing several papers is no one-paper item
        ids.append(next(iter(got), None))
    found = [i for i in ids if i]
    marked = any(doc.lines[k].kind in ("item", "table") for k in run)
    # "|[2020 ACL] Title | |" among linked rows: a paper the list does not link.
    papers = len(found) + (sum(1 for i, g in zip(ids, groups) if i is None and tagged_title(doc, g[0])) if marked else 0)
    # A table's header row ("| 名字 | 简介 | 地址 |") names its columns, no paper: no item
    # of the majority.
    header = int(doc.lines[groups[0][0]].kind == "table" and ids[0] is None and groups[0][0] + 1 < len(doc.lines)
                 and doc.lines[groups[0][0] + 1].kind == "table-rule")
    if papers < 2 or len(set(found)) < len(found) or (2 * len(found) <= len(groups) - header and not marked):
        return None
    # Lines with no list markup are items only when each links a paper and opens with
    # its title: prose broken over lines also carries a link a line.
    if not marked and (len(found) < len(groups) or not all(_opens_with_title(doc, g[0]) for g in groups)):
        return None
    return groups


def _opens_with_title(doc: ParsedDoc, k: int) -> bool:
    """Whether line ``k`` opens with a paper's title: set in bold or italics, linked, or
    plain text up to its first link or URL."""
    if lead_title(doc, k) is not None or linked_title(doc, k) is not None:
        return True
    ln = doc.lines[k]
    t = ln.text
    cut = min([lk.start for lk in ln.links] + [i for i in (t.find("http"),) if i >= 0] + [len(t)])
    return title_like(t[ln.start : cut].strip(" •·*-–—:："))


def _item_papers(doc: ParsedDoc, k: int) -> set[str]:
    """The papers a list item's line links: its arXiv ids, else the first link to a
    paper's PDF or page or to a publication's (``[Title](http://lab.edu/papers/x.pdf)``),
    which names the paper as an id would."""
    got = line_papers(doc, k)
    if not got:
        first = next((lk.url for lk in doc.lines[k].links if paper_link(lk.url) or scholarly_link(lk.url)), None)
        got = {first} if first else set()
    return got


def line_papers(doc: ParsedDoc, k: int) -> set[str]:
    """The arXiv ids a line carries, in its text or its links."""
    got = {i for lk in doc.lines[k].links if (i := arxiv_id(lk.url))}
    if (i := arxiv_id(doc.texts[k]) or stated_id(doc, k)):
        got.add(i)
    return got


# What a list writes before an item's title: bracketed tags ("[NIPS22]", "【1】", "(3)"),
# a number ("12."), check marks and other symbols.
_LEAD_TAGS = re.compile(r"(?:\s*(?:\[[^\[\]]{1,24}\]|【[^【】]{1,12}】|[(（]\d{1,4}[)）]|\d{1,4}[.)、]|[^\w\s\[【(（\"'“‘]))+\s*")


def title_start(line: str, a: int) -> int:
    """``a`` moved past the tags and symbols an item writes before its title."""
    m = _LEAD_TAGS.match(line, a)
    return m.end() if m else a


def title_end(doc: ParsedDoc, k: int, a: int, b: int | None = None) -> int:
    """Where a title that starts at ``a`` on line ``k`` ends: at the first link after it
    whose text is a label (``paper``, ``code``, ``[PDF]``) rather than part of it."""
    ln = doc.lines[k]
    b = len(ln.text) if b is None else b
    for lk in ln.links:
        if a < lk.start < b and not title_like(ln.text[lk.start : lk.end]):
            return a + len(ln.text[a : lk.start].rstrip(" ([（【"))  # "Title ([pdf](…))": not its bracket
    return b


# A bracket after a space: what follows a clause of names (affiliations, links, a year).
BRACKET_AFTER = re.compile(r"\s[\[［(（]")
# A title in quotation marks or book-title marks.
_QUOTED = re.compile(r'"(?P<a>[^"]{8,250})"|“(?P<b>[^”]{8,250})”|《(?P<c>[^《》]{4,250})》')


def quoted_title(line: str, a: int) -> tuple[int, int] | None:
    """Span of the first quoted run after ``a`` that reads as a title, when it is the
    line's only quoted run (several quotes are a sentence quoting, not a title)."""
    found = list(_QUOTED.finditer(line, a))
    if len(found) != 1:
        return None
    m = found[0]
    g = next(x for x in ("a", "b", "c") if m.group(x) is not None)
    ta, te = strip_span(line, 0, m.start(g), m.end(g))
    inner = line[ta:te].rstrip(".,")
    return (ta, ta + len(inner)) if title_like(inner) else None


def emphasised_title(doc: ParsedDoc, run: list[int]) -> tuple[int, int, int] | None:
    """``(line, start, end)`` of the first bold or italic run of a paragraph that reads
    as a title."""
    for k in run:
        t = doc.lines[k].text
        for s, e in doc.lines[k].emphasised:
            a, z = strip_span(t, 0, s, without_people(t, s, e))
            if title_like(t[a:z].rstrip(".")):
                return k, a, z
    return None
