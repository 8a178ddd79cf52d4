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

Where a page names at least :data:`~kg.parse.generic_named.MIN_NAMED` items that way,
each is an entry titled by the name (with a date in brackets or without, once the page
has shown the shape; :mod:`kg.parse.generic_named`).

Items open too at bullets that present a paper by its bold name and a summary verb
(:mod:`kg.parse.summary_items`: ``- **E2ESlack** proposes …``), at headings that carry
their paper (``### Title (https://arxiv.org/abs/…)``), and at the rows of a table whose
header names its paper column (``| 日期 | 汇报人 | 论文 |``).
"""
from __future__ import annotations

import re

from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, Builder, LayoutResult, blocks, link_labels_only, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.byline import clause_authors
from kg.parse.dates import find_date, slash_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import field
from kg.parse.links import local_paper_page, paper_link, presents_study, scholarly_link
from kg.parse.generic_named import MIN_NAMED, keyed_heading_titles, named_items, stamped_items  # noqa: F401 - MIN_NAMED: the driver's bar
from kg.parse.generic_lines import (
    BRACKET_AFTER, author_clause, author_line, emphasised_title, lead_title, linked_title, one_per_line, page_slash_order,
    paper_items, quoted_title, stated_id, tagged_title, title_end, title_like, title_start,
)
from kg.parse.generic_page import read_page
from kg.parse.generic_people import keyed_authors, people_near_title
from kg.parse.generic_refs import may_be_reference, read_reference, reference_items
from kg.parse.generic_rows import html_title_rows, read_html_row, read_row, table_columns, titled_rows
from kg.parse.generic_titles import (
    citation_sentences, cited_items, cited_title, continues_item, left_reason, loose_items, numbered_heading, opens_titled,
    section_papers, titled_sections, wrapped_title,
)
from kg.parse.item_titles import lead_name, past_short_name
from kg.parse.names import looks_like_authors
from kg.parse.summary_items import summarised_items
from kg.parse.titles import venue_tag_after
from kg.records import Span
from kg.text import arxiv_id, find_urls

__all__ = ["parse", "name", "in_gaps", "entry_bound"]

name = "generic"


def in_gaps(doc: ParsedDoc) -> bool:
    return False


# What closes a heading's title before the paper it carries: "(https://…", "- arXiv:…".
_TITLE_CLOSE = re.compile(r"[\s(（\[—–\-|:：]+$")


def _paper_heading(doc: ParsedDoc, k: int) -> tuple[int, int] | None:
    """The title of a heading that names a paper and carries its link or id (``### Title
    (https://arxiv.org/abs/…)``, ``## [Title](https://arxiv.org/abs/…)``): a post of
    papers read one under each heading, the paragraphs under it its text."""
    ln = doc.lines[k]
    t = ln.text
    urls = [(lk.url, lk.start, lk.end) for lk in ln.links] + find_urls(t)
    # A site's own page of a paper named by its id ("../../papers/arxiv-2607.18141/") too.
    papers = [(a, e) for u, a, e in urls if arxiv_id(u) or paper_link(u) or local_paper_page(u)]
    a0 = ln.start + len(t[ln.start :]) - len(t[ln.start :].lstrip())
    if not papers and not arxiv_id(t):
        # "### [Title](notes/title.md)" over its fields, one of them the paper's link: a
        # title linked to the site's own page heads the one paper its section carries.
        own = next(((a, e) for _, a, e in urls[:1] if a == a0 and title_like(t[a:e])), None)
        own = own if own is not None or urls else numbered_heading(doc, k)  # "### 1. Title"
        return own if own is not None and len(section_papers(doc, k)) == 1 else None
    for a, e in papers:
        if a == a0 and title_like(t[a:e]):
            return a, e  # the heading's text is the paper's link
    cut = min([a for _, a, _ in urls] + [len(t)])
    e = a0 + len(_TITLE_CLOSE.sub("", t[a0:cut]))
    return (a0, e) if title_like(t[a0:e]) else None


def _read_paragraph(b: Builder, doc: ParsedDoc, block: list[int], run: list[int], order: bool | None,
                    split: bool = False, columns: dict[int, str] | None = None, headed: bool = False) -> None:
    """Read one paragraph (``run``: its lines that are not boilerplate) as an entry when
    it carries a paper — an arXiv id, an author list or a linked title with authors —
    else report its lines. ``split``: the paragraph is one item of a list or table of
    papers (see :func:`paper_items`), where only a paper link makes an entry: an item
    with no link is a heading row or a note, and a table's header reads like names;
    ``columns`` as :func:`~kg.parse.generic_rows.table_columns`; ``headed``: a row of a
    table whose header names its title column, a paper whatever it links."""
    lines = b.lines
    columns = columns or {}
    if not split and len(run) > 2 and doc.lines[run[1]].kind == "table-rule" and doc.lines[run[2]].kind == "table":
        # "|papter list|20%|40%|" over "|---|": a table's header names its columns, no
        # paper; the entry starts at the row under it.
        for k in run[:2]:
            b.report(k, "table header")
        block = [k for k in block if k not in run[:2]]
        run = run[2:]
    urls = [lk.url for k in run for lk in doc.lines[k].links]
    # A paper link (arXiv, a paper page, a PDF, a publisher's or DOI page) carries a
    # paper as an arXiv id does, and so does an id a note states in brackets or before
    # its title.
    stated = [i for k in run if (i := stated_id(doc, k))]
    has_paper = any(arxiv_id(lines[k]) for k in run) or any(scholarly_link(u) for u in urls) or bool(stated)
    # "[Read Paper](…)": a line of link labels names no one, however name-like its words.
    authors = author_line(lines, [k for k in run if not link_labels_only(doc.lines[k])]) if not split or has_paper else None
    # A linked title with its authors after it names a paper without an id.
    cited = not split and any((got := linked_title(doc, k)) is not None and got[1] is not None for k in run)
    # A paragraph that opens with the author list of the paper just read, with no link or
    # title of its own, goes on with that paper's entry ("【1】 Title / 链接：…", a blank
    # line, "作者：… / 机构：… / 摘要：…").
    goes_on = (
        bool(run) and not split and not has_paper and b.cur is not None and authors == run[0]
        and "authors" not in b.cur.spans and not cited
    )
    # "- *Knowing When to Ask – Bridging LLMs and Data* (report) on …": in a list of
    # papers, an item that opens with a title set in emphasis names a paper it does not
    # link; so does one whose description presents a study ("This study by Chroma …").
    # So does one whose title link is followed by the venue it appeared at ("[Title](a
    # conference's page) *(NDSS' 15)*").
    titled = split and not has_paper and bool(run) and (
        opens_titled(doc, run[0]) or tagged_title(doc, run[0]) or presents_study(" ".join(lines[k] for k in run))
        or (lt := linked_title(doc, run[0])) is not None and venue_tag_after(doc.lines[run[0]].text, lt[0][1])
    ) or not has_paper and cited_title(doc, run)  # "**Title**" over "2014 - [A Author] [B Author]"
    if not run or not (goes_on or has_paper or authors is not None or cited or headed or titled):
        for k in block:
            # An item of a list of papers that is none (a newsletter's news row) is what
            # the list says it is: an item, not a paper.
            reason = left_reason(doc, k)
            b.report(k, NON_PAPER if split and reason == NOT_IN_ENTRY else reason)
        return
    d = b.cur if goes_on and b.cur is not None else b.open(run[0])
    d.ids.extend(i for i in stated if i not in d.ids)
    # "- **SD-Zero** — Self-revision … [2604.12002]": the bold name opening a note that
    # states its paper's id names that paper.
    named = lead_name(doc.lines[run[0]]) if stated and not doc.lines[run[0]].links else None
    offs = {}
    for k in run:
        off = offs[k] = b.take(k)
        line = lines[k]
        a = doc.lines[k].start
        if k == run[0] and named is not None and not line[a : named[0]].strip() and "title" not in d.spans:
            d.set("title", off + named[0], off + named[1])
            d.body.append(Span(*strip_span(line, off, named[1])))
            continue
        if doc.lines[k].kind == "table" and doc.lines[k].cells:
            read_row(doc, k, d, off, columns)
            continue
        if "title" not in d.spans and "title_zh" not in d.spans and (quoted := quoted_title(line, a)):
            # 'RepMLP: "RepMLP: Re-parameterizing …", arXiv, 2021' / '[CV]《Title》A Author, …':
            # the quotation marks say where the title is.
            d.set_title(line, off, *quoted)
            # The authors in the clause after the quote, up to the line's next link
            # ('"Title". Dmitry Lepikhin et al. ICLR 2021. [Paper]', '《Title》X Yuan, Z Lin [Adobe]').
            pos = quoted[1] + 1
            stop = min([lk.start for lk in doc.lines[k].links if lk.start >= pos] + [len(line)])
            # A bracket after the names opens their affiliation or the links ("[DeepMind]").
            br = BRACKET_AFTER.search(line, pos, stop)
            stop = br.start() if br else stop
            who = clause_authors(line, pos, stop, doc.lines[k].emphasised) if "authors" not in d.spans else None
            if who is not None:
                d.set("authors", off + who[0], off + who[1])
            for x, y in ((a, quoted[0]), (quoted[1], len(line))):  # the name, venue and year around it
                if line[x:y].strip(' "“”《》.,'):
                    d.body.append(Span(*strip_span(line, off, x, y)))
            continue
        if "title" not in d.spans and "title_zh" not in d.spans and (lead := lead_title(doc, k)):
            # "**Title.** A Author, B Author. *Venue.* [link](…)": the bold run is the
            # title, the clause after it the authors.
            d.set_title(line, off, *lead)
            clause = author_clause(doc, k, lead[1])
            if clause and authors is None and looks_like_authors(line[clause[0] : clause[1]]):
                d.set("authors", off + clause[0], off + clause[1])
            continue
        if "title" not in d.spans and "title_zh" not in d.spans and (linked := linked_title(doc, k)):
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
            if keyed[0] == "title" and "title_zh" not in d.spans and title_like(line[a + keyed[1] : a + keyed[2]]):
                d.set_title(line, off, *strip_span(line, 0, a + keyed[1], a + keyed[2]))
                continue
            if keyed[0] == "authors" and looks_like_authors(line[a + keyed[1] : a + keyed[2]]):
                d.set("authors", *strip_span(line, off, a + keyed[1], a + keyed[2]))
                continue
            # "Paper: <url>": a keyed line whose value is no title or name list is body,
            # never a title made of its key.
            d.body.append(Span(*strip_span(line, off, a)))
            continue
        t0 = title_start(line, a)
        t1 = title_end(doc, k, t0)
        if has_paper and "title" not in d.spans and "title_zh" not in d.spans:
            t0 = past_short_name(line, t0, t1)  # "VGG16 - Very Deep Convolutional Networks …"
        # "量子假设检验的样本复杂度" over "Sample complexity of …": a Chinese title, then the English.
        bilingual = "title_zh" in d.spans and line[t0:t1].isascii()
        if "title" not in d.spans and ("title_zh" not in d.spans or bilingual) and k != authors and title_like(line[t0:t1]):
            d.set_title(line, off, *strip_span(line, 0, t0, t1))
            if t1 < len(line):
                d.body.append(Span(*strip_span(line, off, t1)))
        elif k == authors:
            d.set("authors", *strip_span(line, off, a))
        else:
            d.body.append(Span(*strip_span(line, off, a)))
    if "title" not in d.spans and "title_zh" not in d.spans and (got := emphasised_title(doc, run)) is not None:
        # "- ViT: 2010.11929. **An Image is Worth 16x16 Words**. A. Dosovitskiy et al": a
        # title set in bold or italics after a short name and an id.
        k, ta, te = got
        d.set_title(lines[k], offs[k], ta, te)
    wrapped_title(d, doc, run, offs)  # "**2. VideoAnydoor: … Precise Motion" / "  Control**"
    # "Title. A Author, B Author." (or the names first): a citation's two sentences.
    citation_sentences(d, doc, run, offs)
    # "_Title_, A Author, B Author": the people written beside the title.
    people_near_title(d, doc, run, offs)
    # Left open: the next paragraph may go on with it (opening or reporting closes it).
    for k in block:
        if k not in run:
            b.report(k, left_reason(doc, k))


def _may_hold_id(text: str) -> bool:
    """Whether ``text`` may hold an arXiv id kg reads: every one — new-style in a link,
    after "arXiv:", in brackets or before a title ("2607.05394"), or old-style in a link
    ("hep-th/9901001") — has four digits after a dot or seven after a slash. Splitting
    at the dots and slashes costs a third of a regex search of a long file (``isdigit``
    accepts every digit the patterns' ``\\d`` does, and a few more)."""
    for sep, n in ((".", 4), ("/", 7)):
        if sep in text and any(len(p) >= n and p[:n].isdigit() for p in text.split(sep)[1:]):
            return True
    return False


# Line kinds by which the reader opens items inside a paragraph (or reads a table's rows).
_ITEM_MARKUP = frozenset(("heading", "table"))


def entry_bound(doc: ParsedDoc) -> int | None:
    """At most how many entries :func:`parse` finds in ``doc``, told without reading it, or
    None when no cheap bound holds. It holds on a page with no arXiv id anywhere (no digits
    shaped like one) and none of the markup by which this reader opens items inside a
    paragraph (links, bold or italic runs, headings, tables): each item then needs a
    paragraph of its own (a one-line post or a list of papers needs an id a line, a named
    or cited item its emphasis, a heading item its heading), so the entries are at most the
    paragraphs — or, where a paragraph's lines are references (:mod:`kg.parse.generic_refs`),
    its lines that may be one. An abstract dump written one abstract a line is one paragraph of thousands
    of abstracts: the driver need not run this reader to know it finds fewer."""
    if any(ln.links or ln.emphasised or ln.kind in _ITEM_MARKUP for ln in doc.lines):
        return None
    if _may_hold_id("\n".join(ln.raw for ln in doc.lines)):
        return None
    # A paragraph whose lines (or items) are each a reference gives an entry each, and
    # every such line carries a reference's evidence: those lines bound its entries.
    bound = refs = 0
    in_para = False
    for t in doc.texts:
        if not t.strip():
            if in_para:
                bound += max(1, refs)
            in_para, refs = False, 0
            continue
        in_para = True
        refs += may_be_reference(t)
    return bound + max(1, refs) if in_para else bound


def _split_at(runs, starts: dict[int, tuple[int, int]]):
    """The paragraphs of ``runs``, each cut before every line of ``starts`` inside it."""
    for block in runs:
        cut = [0] + [p for p, k in enumerate(block) if p and k in starts] + [len(block)]
        for a, z in zip(cut, cut[1:]):
            yield block[a:z]


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, "generic")
    if read_page(b, doc):
        return b.result()  # a page about one paper: its metadata names it (generic_page)
    lines = b.lines
    named = named_items(doc)
    named.update((k, got) for k, got in stamped_items(doc).items() if k not in named)  # "1. [200122 Name](notes.md)"
    named.update((k, got) for k, got in keyed_heading_titles(doc).items() if k not in named)  # "### Title:" / "  Title"
    # "- **E2ESlack** proposes …": bullets that present a paper by its bold name, one an
    # item even where the list runs on without blank lines.
    summarised = summarised_items(doc)
    named.update({k: (a, e, None) for k, (a, e) in summarised.items() if k not in named})
    # "### Title (https://arxiv.org/abs/…)": a heading that carries its paper opens an item.
    for k, ln in enumerate(doc.lines):
        if ln.kind == "heading" and k not in named and (got := _paper_heading(doc, k)) is not None:
            named[k] = (*got, None)
    named.update((k, (*got, None)) for k, got in titled_sections(doc, named).items())  # "## Title" over one paper
    order = page_slash_order(doc)  # how the page writes slashed dates (a reading log's "06/22/2020")
    under_heading = 0  # an item opened by a heading (its level) takes the paragraphs under it
    rows, header = html_title_rows(doc)  # "<tr><td>1</td><td><a …>Title</a></td>…": one paper a row
    header = set(header)
    done = -1  # the last line an HTML row read (its empty cells split it into paragraphs)
    # (summarised items are named too; a loose list item's paragraphs are one: loose_items)
    for block in loose_items(doc, _split_at(blocks(lines), named), named):
        # A page's YAML metadata is no paragraph of papers (the post layout reads a
        # paper's front matter); a folded value's second line reads like a title.
        for k in (k for k in block if doc.lines[k].kind == "front-matter" or k in header):
            b.report(k, "front matter" if k not in header else "table header")
        block = [k for k in block if doc.lines[k].kind != "front-matter" and k not in header and k > done]
        if not block:
            continue
        k0 = block[0]
        if k0 in rows:
            done = read_html_row(b, doc, rows[k0])
            for k in block:
                if k > done:
                    b.report(k, left_reason(doc, k))
            continue
        if k0 in named:
            a, e, date = named[k0]
            d = b.open(k0)
            d.date = date
            offs = {}
            for k in block:
                off = offs[k] = b.take(k)
                if k == k0:
                    d.set("title", off + a, off + e)
                    rest = strip_span(lines[k], off, e)
                    if rest[1] > rest[0]:
                        d.body.append(Span(*rest))
                elif not keyed_authors(d, doc, k, off):  # "- **Authors**: A, B" under the heading
                    d.body.append(Span(*strip_span(lines[k], off, doc.lines[k].start)))
            people_near_title(d, doc, block, offs)  # "Yuxuan Chen 等 · arXiv:… · 2026-04" under it
            under_heading = doc.lines[k0].level if doc.lines[k0].kind == "heading" else 0
            continue
        # Its subsections too ("## Title" over "### 主要工作" and "### 评分").
        if under_heading and (doc.lines[k0].kind != "heading" or doc.lines[k0].level > under_heading) and b.cur is not None:
            for k in block:
                off = b.take(k)
                if not keyed_authors(b.cur, doc, k, off):
                    b.cur.body.append(Span(*strip_span(lines[k], off, doc.lines[k].start)))
            continue
        under_heading = 0
        if b.cur is not None and continues_item(doc, block, b.cur.first):
            for k in block:  # "* [Title](…)", a blank line, "  * notes": the item's own notes
                b.cur.body.append(Span(*strip_span(lines[k], b.take(k), doc.lines[k].start)))
            continue
        run = [k for k in block if not is_boilerplate(lines[k], between_entries=True)]
        if one_per_line(doc, run):
            for k in run:
                d = b.open(k)
                off = b.take(k)
                line = lines[k]
                # "<i>Title</i> <a href=…>url</a>": the title ends at the label link after it.
                a = doc.lines[k].start
                e = title_end(doc, k, a)
                d.set_title(line, off, *strip_span(line, 0, a, e))
                if e < len(line):
                    d.body.append(Span(*strip_span(line, off, e)))
                b.close()
            for k in block:
                if k not in run:
                    b.report(k, left_reason(doc, k))
            continue
        groups = paper_items(doc, run) or cited_items(doc, run)
        refs = reference_items(doc, run) if groups is None and run else None
        if refs is not None:
            # "1. LeCun, Yann, … "Deep learning." Nature …": a reading list's references.
            for k, reason in refs[0]:
                b.report(k, reason)
            for group, k_ref, spans in refs[1]:
                read_reference(b, doc, group, k_ref, spans)
            for k in block:
                if k not in run:
                    b.report(k, left_reason(doc, k))
            continue
        columns = table_columns(doc, run) if groups is not None or run and doc.lines[run[0]].kind == "table" else {}
        headed = groups is None and (groups := titled_rows(doc, run, columns)) is not None
        if groups is None:
            _read_paragraph(b, doc, block, run, order)
            continue
        # A list or table of papers written without blank lines: each item is a
        # paragraph of its own; lines of the block outside every item are reported.
        for group in groups:
            _read_paragraph(b, doc, group, group, order, split=True, columns=columns, headed=headed)
        inside = {k for g in groups for k in g}
        for k in block:
            if k not in inside:
                b.report(k, left_reason(doc, k))
    return b.result()
