"""Layout ``generic``: the fallback for pages no other layout explains.

Paragraphs (runs of non-blank lines) that carry a paper — an arXiv id or a paper link,
or an author list — become entries: the first title-like line is the title, the first
author-list line the authors. Everything else is reported line by line. The driver
uses this layout when no other finds an entry::

    Segment Anything
    Alexander Kirillov, Eric Mintun, Nikhila Ravi
    https://arxiv.org/abs/2304.02643

Knowledge-base pages (MkDocs, docsify, GitBook) often list papers by the name of their
method and the month it appeared, with no link to the paper — a bold name opening a
paragraph, or a heading with the description under it::

    **MeshGPT** (2311) — Mesh-native AR generation with a VQ-VAE codebook …

    ### VoxHammer (2025.08) → [details](voxhammer.md)
    Training-free 3D editing on a TRELLIS backbone …

Where a page names at least :data:`MIN_NAMED` items that way, each is an entry titled by
the name (with a date in brackets or without, once the page has shown the shape).
"""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Builder, Draft, LayoutResult, blocks, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.byline import clause_authors
from kg.parse.dates import find_date, iso_date, slash_date, slash_order
from kg.parse.document import ParsedDoc
from kg.parse.fields import field, field_kind
from kg.parse.names import author_names, looks_like_authors
from kg.parse.titles import SENTENCE_END_RE
from kg.records import Span
from kg.text import arxiv_id, cjk_share

__all__ = ["parse", "name", "in_gaps"]

name = "generic"


def in_gaps(doc: ParsedDoc) -> bool:
    return False


_TITLE_QUESTION = re.compile(r"\?\s+(?=[A-Z])")


def _title_like(s: str) -> bool:
    s = s.strip()
    if not 8 <= len(s) <= 250:
        return False
    if cjk_share(s) > 0.5:
        return len(s) <= 80 and not SENTENCE_END_RE.search(s[:-1])
    # A question that opens a title ("Model or Harness? An Interaction-Centric Taxonomy")
    # does not end a sentence: a capital word follows it.
    s = _TITLE_QUESTION.sub(" ", s)
    return len(s.split()) >= 2 and s[0].isupper() and not SENTENCE_END_RE.search(s.rstrip("."))


def _author_line(lines: list[str], run: list[int]) -> int | None:
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


def _lead_title(doc: ParsedDoc, k: int) -> tuple[int, int] | None:
    """A title set in bold or italics at the start of a line (``**Title.** …``), when more
    follows it on the line."""
    ln = doc.lines[k]
    a0 = len(ln.text) - len(ln.text[ln.start :].lstrip())
    for s, e in ln.emphasised:
        if s <= a0 + 1 and _title_like(ln.text[s:e]) and ln.text[e:].strip(" .*_"):
            return strip_span(ln.text, 0, s, e)
    return None


# A lead that names the paper's subject before its linked title ("Beyond Accuracy: [Title](…)").
_LEAD_PHRASE = re.compile(r"[^\W\d][^:：\[\]]{0,60}[:：]")
# A bracketed note after a title ("(ACL 2020 Best paper)").
_NOTE = re.compile(r"\s*[(（][^()（）]{1,80}[)）]")


def _linked_title(doc: ParsedDoc, k: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A reading log's line — ``**06/22/2020** [Title](notes.md) L.Logeswaran, H.Lee
    [pdf](…)``: the first link whose text is a title, after nothing but emphasised runs
    (a date) and a phrase ending in a colon (then part of the title: ``Beyond Accuracy:
    [Behavioral Testing …](…)``), and the authors written after it; ``(title, authors
    or None)``."""
    ln = doc.lines[k]
    t = ln.text
    for lk in ln.links:
        if not _title_like(t[lk.start : lk.end]):
            continue
        x = max([e for s, e in ln.emphasised if e <= lk.start] + [ln.start])
        rest = t[x : lk.start]
        a = lk.start
        if rest.strip() and _LEAD_PHRASE.fullmatch(rest.strip()) and len(rest.split()) <= 8:
            a = x + len(rest) - len(rest.lstrip())
        elif re.search(r"[^\W\d_]{3,}", rest):
            return None  # a sentence before the link: the link is something it mentions
        pos = lk.end
        note = _NOTE.match(t, pos)
        pos = note.end() if note else pos
        end = min([y.start for y in ln.links if y.start >= pos] + [len(t)])
        return strip_span(t, 0, a, lk.end), clause_authors(t, pos, end, ln.emphasised)
    return None


def _clause(doc: ParsedDoc, k: int, pos: int) -> tuple[int, int] | None:
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


#: A page lists papers by name when it names at least this many items with a date.
MIN_NAMED = 3

# A name's date in brackets: a year, a year and month ("2025.08", "2024-03") or an arXiv
# year-month ("2412").
_NAME_DATE = re.compile(
    r"\s*[(（]\s*(?:(?P<y>(?:19|20)\d{2})(?:[.\-/](?P<m>0?[1-9]|1[0-2]))?|\d{2}(?:0[1-9]|1[0-2]))\s*[)）]"
)
# What may follow a bold name on its line: a dash or colon and the description.
_NAME_SEP = re.compile(r"\s*[—–:：-]+\s*\S")
# What may follow a heading's name and date: an arrow and a link to the page's own notes.
_HEADING_TAIL = re.compile(r"\s*(?:[→⇒>»-]+\s*)?")


# A release's version ("v2.1.0", "1.4"): a changelog's heading, never a paper.
_VERSION = re.compile(r"[vV]?\d+(?:\.\d+)+[\w.\-]*")


def _short_name(s: str) -> bool:
    """A method's name, not a sentence, a title or a version: a few words, a letter among them."""
    s = s.strip()
    return (
        0 < len(s) <= 60
        and len(s.split()) <= 6
        and bool(re.search(r"[^\W\d_]", s))
        and not s.endswith((":", "：", "."))
        and not _VERSION.fullmatch(s)
    )


def _named_item(doc: ParsedDoc, k: int) -> tuple[int, int, str | None, bool] | None:
    """``(start, end, date, dated)`` of the name a line opens an item with — a heading
    ``Name (2025.08) → details`` or a paragraph led by a bold ``**Name** (2412) — text``
    — or None."""
    ln = doc.lines[k]
    t = ln.text
    a0 = ln.start + len(t[ln.start :]) - len(t[ln.start :].lstrip())  # after the heading marks
    if ln.kind == "heading":
        m = _NAME_DATE.search(t, a0)
        if m is None or not _short_name(t[a0 : m.start()]):
            return None
        tail = _HEADING_TAIL.match(t, m.end())
        # Only links may follow (to the item's own notes page), no text of its own.
        linked = {i for lk in ln.links for i in range(lk.start, lk.end)}
        if any(not c.isspace() and i not in linked for i, c in enumerate(t[tail.end() :], tail.end())):
            return None
        date = iso_date(int(m.group("y")), int(m.group("m"))) if m.group("y") and m.group("m") else None
        return (*strip_span(t, 0, a0, m.start()), date, True)
    for s, e in ln.emphasised:
        if s > a0 + 1 or not _short_name(t[s:e]):
            continue
        m = _NAME_DATE.match(t, e)
        after = m.end() if m else e
        if not _NAME_SEP.match(t, after):
            return None
        date = iso_date(int(m.group("y")), int(m.group("m"))) if m and m.group("y") and m.group("m") else None
        return (*strip_span(t, 0, s, e), date, m is not None)
    return None


def _named_items(doc: ParsedDoc) -> dict[int, tuple[int, int, str | None]]:
    """Line index → name span and date of the items a page lists by name (the first
    line of a paragraph or a heading), when it dates at least :data:`MIN_NAMED` of them."""
    found = {}
    for block in blocks(doc.texts):
        got = _named_item(doc, block[0])
        if got is not None:
            found[block[0]] = got
    if sum(1 for g in found.values() if g[3]) < MIN_NAMED:
        return {}
    return {k: g[:3] for k, g in found.items()}


def _slash_order(doc: ParsedDoc) -> bool | None:
    """Whether the page writes its slashed dates day first (see :func:`slash_order`)."""
    return slash_order(t for t in doc.texts if "/" in t)


def _line_paper(doc: ParsedDoc, k: int) -> str | None:
    """The arXiv id a line carries, in its text or its links."""
    return arxiv_id(doc.texts[k]) or next((i for lk in doc.lines[k].links if (i := arxiv_id(lk.url))), None)


def _one_per_line(doc: ParsedDoc, run: list[int]) -> bool:
    """A paragraph of one-line posts: every line names a paper of its own (its title and
    its link, ``Title https://arxiv.org/abs/…``), so each line is one entry."""
    ids = [_line_paper(doc, k) for k in run]
    return len(run) >= 2 and all(ids) and len(set(ids)) == len(run) and all(
        _title_like(doc.texts[k][: doc.texts[k].find("http")] if "http" in doc.texts[k] else doc.texts[k]) for k in run
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


def _paper_items(doc: ParsedDoc, run: list[int]) -> list[list[int]] | None:
    """A paragraph that is a list or a table of papers with no blank line between its
    items, split into its items, or None. Each of at least two items links a paper of
    its own (one arXiv id, no item sharing it), and items that link a paper are most of
    them; a paragraph without list or table markup splits into its lines only when every
    line links a paper and opens with a title (one-line posts, ``• Title [PDF]`` bullets)."""
    groups = _item_groups(doc, run)
    if len(groups) < 2:
        return None
    ids = []
    for g in groups:
        got = {i for k in g for i in _line_papers(doc, k)}
        if len(got) > 1:
            return None  # an item citing several papers is no one-paper item
        ids.append(next(iter(got), None))
    found = [i for i in ids if i]
    marked = any(doc.lines[k].kind in ("item", "table") for k in run)
    if len(found) < 2 or len(set(found)) < len(found) or 2 * len(found) <= len(groups):
        return None
    # Lines with no list markup are items only when each links a paper and opens with
    # its title: prose broken over lines also carries a link a line.
    if not marked and (len(found) < len(groups) or not all(_opens_with_title(doc, g[0]) for g in groups)):
        return None
    return groups


def _opens_with_title(doc: ParsedDoc, k: int) -> bool:
    """Whether line ``k`` opens with a paper's title: set in bold or italics, linked, or
    plain text up to its first link or URL."""
    if _lead_title(doc, k) is not None or _linked_title(doc, k) is not None:
        return True
    ln = doc.lines[k]
    t = ln.text
    cut = min([lk.start for lk in ln.links] + [i for i in (t.find("http"),) if i >= 0] + [len(t)])
    return _title_like(t[ln.start : cut].strip(" •·*-–—:："))


def _line_papers(doc: ParsedDoc, k: int) -> set[str]:
    """The arXiv ids a line carries, in its text or its links."""
    got = {i for lk in doc.lines[k].links if (i := arxiv_id(lk.url))}
    if (i := arxiv_id(doc.texts[k])):
        got.add(i)
    return got


def _columns(doc: ParsedDoc, run: list[int]) -> dict[int, str]:
    """Column index → the entry part its header names (``Title``, ``Authors``, ``标题``),
    from the first row of a table paragraph when that row links no paper and names a
    title column; else empty (the cells are then read by their shape)."""
    k = next((k for k in run if doc.lines[k].kind == "table"), None)
    if k is None or _line_papers(doc, k):
        return {}
    ln = doc.lines[k]
    cols = {}
    for i, (s, e) in enumerate(ln.cells):
        kind = field_kind(ln.text[s:e].strip(" *_:：")) if ln.text[s:e].strip() else None
        if kind in ("title", "authors"):
            cols.setdefault(kind, i)
    return {i: kind for kind, i in cols.items()} if "title" in cols else {}


def _read_row(doc: ParsedDoc, k: int, d: Draft, off: int, columns: dict[int, str]) -> None:
    """A table row of a paper: the title and authors from the columns its header names,
    else the first cell that reads as a title is the title and the first that lists
    several people the authors; the rest is body."""
    ln = doc.lines[k]
    t = ln.text
    for i, (s, e) in enumerate(ln.cells):
        a, z = strip_span(t, 0, s, e)
        if a >= z:
            continue
        cell = t[a:z]
        lead = next((lk for lk in ln.links if lk.start == a and lk.end < z), None)
        if (
            lead is not None and "title" not in d.spans and "title_zh" not in d.spans
            and columns.get(i, "title") == "title" and _title_like(t[lead.start : lead.end])
        ):
            # "[Title](arxiv) <br> A Author and B Author": a linked title over its authors.
            d.set_title(t, off, lead.start, lead.end)
            ra, rz = strip_span(t, 0, lead.end, z)
            if "authors" not in d.spans and looks_like_authors(t[ra:rz]):
                d.set("authors", off + ra, off + rz)
            elif rz > ra:
                d.body.append(Span(off + ra, off + rz))
            continue
        if columns.get(i, "title") == "title" and "title" not in d.spans and "title_zh" not in d.spans:
            # "1) Toolformer: Language Models … - introduces language models that …": the
            # item's number and the description after a dash are no part of the title.
            a2 = _title_start(t, a)
            cut = _DESCRIPTION_DASH.search(t, a2, z)
            if cut and _title_like(t[a2 : cut.start()]):
                d.set_title(t, off, a2, cut.start())
                d.body.append(Span(off + cut.end(), off + z))
                continue
        if columns:
            kind = columns.get(i)
            if kind == "title" and "title" not in d.spans and "title_zh" not in d.spans:
                d.set_title(t, off, a, _title_end(doc, k, a, z))
            elif kind == "authors" and "authors" not in d.spans and looks_like_authors(cell):
                d.set("authors", off + a, off + z)
            else:
                d.body.append(Span(off + a, off + z))
            continue
        got = author_names(cell) if looks_like_authors(cell) else None
        if "authors" not in d.spans and got is not None and len(got[0]) >= 2:
            d.set("authors", off + a, off + z)
        elif "title" not in d.spans and "title_zh" not in d.spans and _title_like(cell):
            d.set_title(t, off, a, z)
        else:
            d.body.append(Span(off + a, off + z))


# What a list writes before an item's title: bracketed tags ("[NIPS22]", "【1】", "(3)"),
# a number ("12."), check marks and other symbols.
_LEAD_TAGS = re.compile(r"(?:\s*(?:\[[^\[\]]{1,24}\]|【[^【】]{1,12}】|[(（]\d{1,4}[)）]|\d{1,4}[.)、]|[^\w\s\[【(（\"'“‘]))+\s*")


def _title_start(line: str, a: int) -> int:
    """``a`` moved past the tags and symbols an item writes before its title."""
    m = _LEAD_TAGS.match(line, a)
    return m.end() if m else a


def _title_end(doc: ParsedDoc, k: int, a: int, b: int | None = None) -> int:
    """Where a title that starts at ``a`` on line ``k`` ends: at the first link after it
    whose text is a label (``paper``, ``code``, ``[PDF]``) rather than part of it."""
    ln = doc.lines[k]
    b = len(ln.text) if b is None else b
    for lk in ln.links:
        if a < lk.start < b and not _title_like(ln.text[lk.start : lk.end]):
            return lk.start
    return b


# A dash between a title and the description after it (a lower-case word follows).
_DESCRIPTION_DASH = re.compile(r"\s[-–—]\s+(?=[a-z])")
# A bracket after a space: what follows a clause of names (affiliations, links, a year).
_BRACKET_AFTER = re.compile(r"\s[\[［(（]")
# A title in quotation marks or book-title marks.
_QUOTED = re.compile(r'"(?P<a>[^"]{8,250})"|“(?P<b>[^”]{8,250})”|《(?P<c>[^《》]{4,250})》')


def _quoted_title(line: str, a: int) -> tuple[int, int] | None:
    """Span of the first quoted run after ``a`` that reads as a title, when it is the
    line's only quoted run (several quotes are a sentence quoting, not a title)."""
    found = list(_QUOTED.finditer(line, a))
    if len(found) != 1:
        return None
    m = found[0]
    g = next(x for x in ("a", "b", "c") if m.group(x) is not None)
    ta, te = strip_span(line, 0, m.start(g), m.end(g))
    inner = line[ta:te].rstrip(".,")
    return (ta, ta + len(inner)) if _title_like(inner) else None


def _emphasised_title(doc: ParsedDoc, run: list[int]) -> tuple[int, int, int] | None:
    """``(line, start, end)`` of the first bold or italic run of a paragraph that reads
    as a title."""
    for k in run:
        t = doc.lines[k].text
        for s, e in doc.lines[k].emphasised:
            a, z = strip_span(t, 0, s, e)
            if _title_like(t[a:z].rstrip(".")):
                return k, a, z
    return None


def _read_paragraph(b: Builder, doc: ParsedDoc, block: list[int], run: list[int], order: bool | None,
                    split: bool = False, columns: dict[int, str] | None = None) -> None:
    """Read one paragraph (``run``: its lines that are not boilerplate) as an entry when
    it carries a paper — an arXiv id, an author list or a linked title with authors —
    else report its lines. ``split``: the paragraph is one item of a list or table of
    papers (see :func:`_paper_items`), where only a paper link makes an entry: an item
    with no link is a heading row or a note, and a table's header reads like names;
    ``columns`` as :func:`_columns`."""
    lines = b.lines
    columns = columns or {}
    urls = [lk.url for k in run for lk in doc.lines[k].links]
    has_paper = any(arxiv_id(lines[k]) for k in run) or any(arxiv_id(u) for u in urls)
    authors = _author_line(lines, run) if not split or has_paper else None
    # A linked title with its authors after it names a paper without an id.
    cited = not split and any((got := _linked_title(doc, k)) is not None and got[1] is not None for k in run)
    # A paragraph that opens with the author list of the paper just read, with no link or
    # title of its own, goes on with that paper's entry ("【1】 Title / 链接：…", a blank
    # line, "作者：… / 机构：… / 摘要：…").
    goes_on = (
        bool(run) and not split and not has_paper and b.cur is not None and authors == run[0]
        and "authors" not in b.cur.spans and not cited
    )
    if not run or not (goes_on or has_paper or authors is not None or cited):
        for k in block:
            b.report(k, is_boilerplate(lines[k], between_entries=True) or NOT_IN_ENTRY)
        return
    d = b.cur if goes_on and b.cur is not None else b.open(run[0])
    offs = {}
    for k in run:
        off = offs[k] = b.take(k)
        line = lines[k]
        a = doc.lines[k].start
        if doc.lines[k].kind == "table" and doc.lines[k].cells:
            _read_row(doc, k, d, off, columns)
            continue
        if "title" not in d.spans and "title_zh" not in d.spans and (quoted := _quoted_title(line, a)):
            # 'RepMLP: "RepMLP: Re-parameterizing …", arXiv, 2021' / '[CV]《Title》A Author, …':
            # the quotation marks say where the title is.
            d.set_title(line, off, *quoted)
            # The authors in the clause after the quote, up to the line's next link
            # ('"Title". Dmitry Lepikhin et al. ICLR 2021. [Paper]', '《Title》X Yuan, Z Lin [Adobe]').
            pos = quoted[1] + 1
            stop = min([lk.start for lk in doc.lines[k].links if lk.start >= pos] + [len(line)])
            # A bracket after the names opens their affiliation or the links ("[DeepMind]").
            br = _BRACKET_AFTER.search(line, pos, stop)
            stop = br.start() if br else stop
            who = clause_authors(line, pos, stop, doc.lines[k].emphasised) if "authors" not in d.spans else None
            if who is not None:
                d.set("authors", off + who[0], off + who[1])
            for x, y in ((a, quoted[0]), (quoted[1], len(line))):  # the name, venue and year around it
                if line[x:y].strip(' "“”《》.,'):
                    d.body.append(Span(*strip_span(line, off, x, y)))
            continue
        if "title" not in d.spans and "title_zh" not in d.spans and (lead := _lead_title(doc, k)):
            # "**Title.** A Author, B Author. *Venue.* [link](…)": the bold run is the
            # title, the clause after it the authors.
            d.set_title(line, off, *lead)
            clause = _clause(doc, k, lead[1])
            if clause and authors is None and looks_like_authors(line[clause[0] : clause[1]]):
                d.set("authors", off + clause[0], off + clause[1])
            continue
        if "title" not in d.spans and "title_zh" not in d.spans and (linked := _linked_title(doc, k)):
            (ta, te), who = linked
            d.set("title", off + ta, off + te)
            lead = line[a:ta]  # "**06/22/2020** [Title](notes.md)": the log's date
            got = (slash_date(lead, order) if order is not None else None) or find_date(lead)
            if got and d.date is None:
                d.date = got[2]
            if who is not None and "authors" not in d.spans:
                d.set("authors", off + who[0], off + who[1])
            continue
        keyed = field(line[a:])
        if keyed is not None and keyed[0] in ("title", "authors") and keyed[0] not in d.spans and keyed[2] > keyed[1]:
            # "Title: …" / "作者：…": the key says what the value is.
            if keyed[0] == "title" and "title_zh" not in d.spans and _title_like(line[a + keyed[1] : a + keyed[2]]):
                d.set_title(line, off, *strip_span(line, 0, a + keyed[1], a + keyed[2]))
                continue
            if keyed[0] == "authors" and looks_like_authors(line[a + keyed[1] : a + keyed[2]]):
                d.set("authors", *strip_span(line, off, a + keyed[1], a + keyed[2]))
                continue
            # "Paper: <url>": a keyed line whose value is no title or name list is body,
            # never a title made of its key.
            d.body.append(Span(*strip_span(line, off, a)))
            continue
        t0 = _title_start(line, a)
        t1 = _title_end(doc, k, t0)
        if "title" not in d.spans and "title_zh" not in d.spans and k != authors and _title_like(line[t0:t1]):
            d.set_title(line, off, *strip_span(line, 0, t0, t1))
            if t1 < len(line):
                d.body.append(Span(*strip_span(line, off, t1)))
        elif k == authors:
            d.set("authors", *strip_span(line, off, a))
        else:
            d.body.append(Span(*strip_span(line, off, a)))
    if "title" not in d.spans and "title_zh" not in d.spans and (got := _emphasised_title(doc, run)) is not None:
        # "- ViT: 2010.11929. **An Image is Worth 16x16 Words**. A. Dosovitskiy et al": a
        # title set in bold or italics after a short name and an id.
        k, ta, te = got
        d.set_title(lines[k], offs[k], ta, te)
    # Left open: the next paragraph may go on with it (opening or reporting closes it).
    for k in block:
        if k not in run:
            b.report(k, is_boilerplate(lines[k], between_entries=True) or NOT_IN_ENTRY)


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, "generic")
    lines = b.lines
    named = _named_items(doc)
    order = _slash_order(doc)  # how the page writes slashed dates (a reading log's "06/22/2020")
    under_heading = False  # an item opened by a heading takes the paragraphs under it
    for block in blocks(lines):
        # A page's YAML metadata is no paragraph of papers (the post layout reads a
        # paper's front matter); a folded value's second line reads like a title.
        for k in (k for k in block if doc.lines[k].kind == "front-matter"):
            b.report(k, "front matter")
        block = [k for k in block if doc.lines[k].kind != "front-matter"]
        if not block:
            continue
        k0 = block[0]
        if k0 in named:
            a, e, date = named[k0]
            d = b.open(k0)
            d.date = date
            for k in block:
                off = b.take(k)
                if k == k0:
                    d.set("title", off + a, off + e)
                    rest = strip_span(lines[k], off, e)
                    if rest[1] > rest[0]:
                        d.body.append(Span(*rest))
                else:
                    d.body.append(Span(*strip_span(lines[k], off, doc.lines[k].start)))
            under_heading = doc.lines[k0].kind == "heading"
            continue
        if under_heading and doc.lines[k0].kind != "heading" and b.cur is not None:
            for k in block:
                off = b.take(k)
                b.cur.body.append(Span(*strip_span(lines[k], off, doc.lines[k].start)))
            continue
        under_heading = False
        run = [k for k in block if not is_boilerplate(lines[k], between_entries=True)]
        if _one_per_line(doc, run):
            for k in run:
                d = b.open(k)
                off = b.take(k)
                line = lines[k]
                d.set_title(line, off, *strip_span(line, 0, doc.lines[k].start))
                b.close()
            for k in block:
                if k not in run:
                    b.report(k, is_boilerplate(lines[k], between_entries=True) or NOT_IN_ENTRY)
            continue
        groups = _paper_items(doc, run)
        if groups is None:
            _read_paragraph(b, doc, block, run, order)
            continue
        # A list or table of papers written without blank lines: each item is a
        # paragraph of its own; lines of the block outside every item are reported.
        columns = _columns(doc, run)
        for group in groups:
            _read_paragraph(b, doc, group, group, order, split=True, columns=columns)
        inside = {k for g in groups for k in g}
        for k in block:
            if k not in inside:
                b.report(k, is_boilerplate(lines[k], between_entries=True) or NOT_IN_ENTRY)
    return b.result()
