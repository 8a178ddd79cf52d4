"""One paragraph read by the ``generic`` layout as the entry of the paper it carries.

The layout (:mod:`kg.parse.layouts.generic`) cuts a page into items — paragraphs, the
items of a list or table of papers, the stretches under a heading — and hands each that
opens no named item to :func:`read_paragraph`. A paragraph carries a paper when it has
an arXiv id, a paper link, an author list or a linked title with its authors; its lines
then fill the entry (a quoted, bold, linked or keyed title; the author line or the clause
after the title; the rest as text), else they are reported. Split from
:mod:`kg.parse.layouts.generic`, which decides where the items are.
"""
from __future__ import annotations

from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, Builder, link_labels_only, strip_span
from kg.parse.byline import clause_authors
from kg.parse.dates import find_date, slash_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import field
from kg.parse.generic_lines import (
    BRACKET_AFTER, author_clause, author_line, emphasised_title, lead_title, linked_title, quoted_title, stated_id,
    tagged_title, title_end, title_like, title_start,
)
from kg.parse.generic_people import people_near_title
from kg.parse.generic_rows import read_row
from kg.parse.generic_titles import citation_sentences, cited_title, left_reason, opens_titled, wrapped_title
from kg.parse.item_titles import lead_name, past_short_name
from kg.parse.links import presents_study, scholarly_link
from kg.parse.names import looks_like_authors
from kg.parse.titles import venue_tag_after
from kg.records import Span
from kg.text import arxiv_id

__all__ = ["read_paragraph"]


def read_paragraph(b: Builder, doc: ParsedDoc, block: list[int], run: list[int], order: bool | None,
                   split: bool = False, columns: dict[int, str] | None = None, headed: bool = False) -> None:
    """Read one paragraph (``run``: its lines that are not boilerplate) as an entry when
    it carries a paper — an arXiv id, an author list or a linked title with authors —
    else report its lines. ``split``: the paragraph is one item of a list or table of
    papers (see :func:`~kg.parse.generic_lines.paper_items`), where only a paper link
    makes an entry: an item with no link is a heading row or a note, and a table's
    header reads like names; ``columns`` as :func:`~kg.parse.generic_rows.table_columns`;
    ``headed``: a row of a table whose header names its title column, a paper whatever
    it links."""
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
