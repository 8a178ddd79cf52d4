"""Layout ``frontmatter``: a static-site post about one paper (Jekyll, Hexo, Hugo).

YAML front matter names the paper, section headings below hold its abstract, its
translation and its links::

    ---
    title: "Segment Anything"
    author: Alexander Kirillov, Eric Mintun
    categories: arXiv_CV
    ---
    ##### Abstract

One entry per file; its line is the line of the paper title. ``categories``/``tags``
give the category (``arXiv_CV`` is ``CV``, never a model), ``date`` the date.
"""
from __future__ import annotations

import re

from kg.parse.author_fields import author_value
from kg.parse.base import Builder, LayoutResult, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.byline import listed_author
from kg.parse.categories import find_category
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import FIELD_KEYS, field, people_heading
from kg.parse.front_matter_keys import key_spans, key_value, set_reference_or_category
from kg.parse.links import MAX_IDS_OF_A_POST, page_paper_ids
from kg.parse.post_refs import inline_field, sole_reference
from kg.parse.names import bracket_kind, looks_like_authors
from kg.parse.titles import SENTENCE_END_RE
from kg.parse.writeup import close_at_citation, is_writeup
from kg.records import Span
from kg.text import PAPER_URL_RE, arxiv_id, find_urls

__all__ = ["parse", "name", "in_gaps"]

name = "frontmatter"

_CATEGORY_TAG = re.compile(r"\s*[\[［][A-Za-z.\-]{2,10}[\]］]\s*")
# A label that opens the summary glued after a Chinese title ("要点:", "摘要：").
_BODY_LABEL = re.compile(
    "(?:" + "|".join(sorted((re.escape(k) for k, v in FIELD_KEYS.items() if v == "body" and not k.isascii()), key=len, reverse=True)) + ")[:：]"
)


# A YAML flow list of quoted strings ('"A", "B"' once its brackets are off).
_QUOTED_LIST = re.compile(r"""\s*(?:"[^"\n]*"|'[^'\n]*')(?:\s*,\s*(?:"[^"\n]*"|'[^'\n]*'))*\s*""")


def in_gaps(doc: ParsedDoc) -> bool:
    return False  # one paper per file: a stretch of another page is not a post


def _body_field(d, line: str, off: int, f: tuple[str, int, int]) -> bool:
    """A field line in the post's body (``**作者**: A, B``, ``**分类**: cs.DC, cs.AI``)
    fills what the front matter left out; an author field must be a list of names (a
    repost credit ``作者：爱可可-爱生活`` names the poster). A title field
    (``> 论文：Alita: Generalist Agent …``) titles a post whose front matter's title is
    no paper's (a clipped article's own headline): a value of words, not an address."""
    kind, a, e = f
    if kind in d.spans or kind == "date" and d.date:
        return False
    value = line[a:e]
    if kind == "title":
        if find_urls(value) or len(value.split()) < 2:
            return False
        d.set("title", *strip_span(line, off, a, e))
    elif kind == "authors":
        got = author_value(value)
        if got is None:
            return False
        d.set("authors", off + a + got[0], off + a + got[1])
    elif kind == "category":
        got = find_category(value)
        if not got:
            return False
        d.set_category(off + a + got[0], off + a + got[1], got[2])
    elif kind == "date":
        got = find_date(value)
        if not got:
            return False
        d.date = got[2]
    else:
        d.set(kind, *strip_span(line, off, a, e))
    return True


def _names_a_paper(doc: ParsedDoc, keys: dict[str, tuple[int, int, int]]) -> bool:
    """A post about a paper names it: an author key, or an arXiv id or paper link."""
    if "authors" in keys:
        return True
    return any(
        arxiv_id(ln.text) or ln.ids or any(arxiv_id(lk.url) or PAPER_URL_RE.search(lk.url) for lk in ln.links)
        for ln in doc.lines
    )


def _links_its_paper(doc: ParsedDoc, keys: dict[str, tuple[int, int, int]]) -> bool:
    """A front matter whose link key gives a paper's address (``paper_link:
    https://arxiv.org/abs/…``) presents that one paper: the other papers its body links
    are what the review cites, not a list."""
    if "title" not in keys or "link" not in keys:
        return False
    k, s, e = keys["link"]
    url = doc.lines[k].text[s:e].strip()
    return bool(arxiv_id(url) or PAPER_URL_RE.search(url))


def _many_papers(doc: ParsedDoc) -> bool:
    """A post that lists papers rather than discusses one: it names more arXiv ids than a
    post about one paper cites, or two of its headings each carry a paper of their own
    (``### Title (https://arxiv.org/abs/…)``); bare ids in its markup count."""
    return page_paper_ids(doc.lines, MAX_IDS_OF_A_POST, bare=True) is None


def _ref_title(doc: ParsedDoc, ref: tuple[int, int, int]) -> str:
    return doc.lines[ref[0]].text[ref[1] : ref[2]]


def _key(s: str) -> str:
    return "".join(c for c in s.casefold() if c.isalnum())


def _glued(d, text: str, off: int, title: str) -> int | None:
    """A body passage that opens with the paper's title and carries its authors,
    ``[affiliations]`` and Chinese title glued on (a Zhihu copy of a digest item):
    ``FireAct: Toward Language Agent Fine-tuningB Chen, C Shu[System2 Research & …]FireAct：语言Agent微调要点:…``.
    ``text`` is one line, or two joined by ``\\n`` when the title wraps; ``off`` is its
    offset in the entry. Returns the end of what was read (``None``: not such a
    passage). The title as written there replaces the front matter's, which sites
    re-case and re-punctuate; a leading ``[CL]`` is the category."""
    want = _key(title)
    if len(want) < 8:
        return None
    start = len(text) - len(text.lstrip())
    cat = _CATEGORY_TAG.match(text, start)
    if cat:
        start = cat.end()
    got, k = "", start
    for k in range(start, len(text)):
        if text[k].isalnum():
            got += text[k].casefold()
        if not want.startswith(got):
            return None
        if got == want:
            break
    else:
        return None
    end = k + 1
    o = text.find("[", end)
    line_end = text.find("\n", o) if o >= 0 else -1
    line_end = len(text) if line_end < 0 else line_end
    c = text.find("]", o + 1, line_end)
    if o <= end or c < 0 or not looks_like_authors(text[end:o].strip()):
        return None
    d.spans["title"] = Span(off + start, off + end)
    d.spans.pop("title_zh", None)
    if cat:
        got_cat = find_category(cat.group(0))
        if got_cat:
            d.spans.pop("category", None)
            d.set_category(off + cat.start() + got_cat[0], off + cat.start() + got_cat[1], got_cat[2])
    d.spans["authors"] = Span(*strip_span(text, off, end, o))
    d.spans["affiliations"] = Span(*strip_span(text, off, o + 1, c))
    zh_start = c + 1
    label = _BODY_LABEL.search(text, zh_start, line_end)
    zh_end = label.start() if label else line_end
    stop = text.find("。", zh_start, zh_end)
    zh_end = stop if stop >= 0 else zh_end
    if 0 < zh_end - zh_start <= 120:
        d.set("title_zh", *strip_span(text, off, zh_start, zh_end))
    d.body.append(Span(*strip_span(text, off, zh_end, line_end)))
    return line_end


def parse(doc: ParsedDoc) -> LayoutResult:
    """The post as one entry, or nothing when the file has no front matter with a title."""
    b = Builder(doc, "frontmatter")
    if doc.front_matter_lines is None:
        return b.result()
    keys = key_spans(doc)
    if _many_papers(doc) and not _links_its_paper(doc, keys):
        return b.result()
    if "title" not in keys:
        return b.result()
    # The YAML mapping when it parses; otherwise (an unquoted "title: A: B") the key lines
    # as written still name the paper.
    k, s, e = keys["title"]
    fm = doc.front_matter if isinstance((doc.front_matter or {}).get("title"), str) else {"title": key_value(doc, k, s, e)}
    # A digest page's title names the digest or its day ("每日论文综述 - 2026-04-24").
    # A post whose closing reference section cites one work is about that work (its
    # front-matter title may be the post's own headline, the paper named only there).
    ref = sole_reference(doc)
    if is_boilerplate(fm["title"], between_entries=True) or find_date(fm["title"]) or not (_names_a_paper(doc, keys) or ref):
        return b.result()  # a digest page ("每日论文综述 - 2026-04-24"), not a post about one paper
    # The entry opens at the paper's title, or at its authors above it; a category key
    # above both ("feed: cs.AI" over "paperTitle: …") is read as a stated code.
    first = min(keys[k][0] for k in keys if k in ("title", "authors"))
    fa, fb = doc.front_matter_lines
    for i in range(fa, first):
        b.report(i, "front matter")
    writeup = is_writeup(doc)
    d = b.open(first)
    if "category" in keys and keys["category"][0] < first:
        k, s, e = keys["category"]
        got = find_category(doc.lines[k].text[s:e], strict=True)
        if got:
            # A code stated outside the entry's text, as a badge's is: no span, the code.
            d.category_code, d.category_badge = got[2], True
    glued = False
    skip = -1
    pending: tuple[int, int] | None = None
    people = True  # still before the body's first heading: where a post names its people
    listed = False  # the line before was an author item of the people section's list
    for i in range(first, len(b.lines)):
        if not b.lines[i].strip() or i == skip:
            continue
        off = b.take(i)
        line = b.lines[i]
        if fa <= i <= fb:
            for kind, (k, s, e) in keys.items():
                if k != i:
                    continue
                if kind == "title" and ref is not None and _key(line[s:e]) != _key(_ref_title(doc, ref)):
                    pass  # the post's headline ("85FPS！…的又一境界"): the reference names the paper
                elif kind == "title" and e > len(line):
                    d.set("title", off + s, off + e)  # folded over the next lines
                elif kind == "title":
                    d.set_title(line, off, s, e)
                elif kind == "authors" and writeup:
                    pass  # the write-up's writer, not the paper's author
                elif kind == "authors" and e > len(line):
                    d.set(kind, *strip_span(line, off, s, e))  # a block list: its item lines
                elif kind == "authors":
                    got = author_value(line[s:e])
                    if got and _QUOTED_LIST.fullmatch(line[s:e]):
                        # '["A", "B"]': the names keep their quotes in the text, so a
                        # plain author line in the body, where there is one, gives them.
                        pending = strip_span(line, off, s, e)
                    elif got:
                        d.set("authors", off + s + got[0], off + s + got[1])
                    # Otherwise the value names no person ("author: grok-3-mini-latest",
                    # the model that wrote the post): the body may still name the authors.
                elif kind in ("affiliations", "title_zh"):
                    d.set(kind, *strip_span(line, off, s, e))
                elif kind in ("reference", "category"):
                    set_reference_or_category(d, kind, line[s:e], off + s, keys)
                elif kind == "date":
                    got = find_date(line[s:e])
                    d.date = got[2] if got else d.date
            continue
        ln = doc.lines[i]
        if writeup and close_at_citation(b, doc, i):
            break  # the write-up's own citation closes the post: its author is the writer
        if ln.kind == "heading":
            # "##### Abstract", "##### URL": section labels; "## 👥 作者与机构" opens the
            # section that names the paper's people.
            people = "section" if people_heading(ln.text[ln.start :]) else False
            continue
        f = field(line)
        if f is None and ln.start and (g := field(line[ln.start :])) is not None:
            f = (g[0], g[1] + ln.start, g[2] + ln.start)  # a field quoted in the body ("> 论文：Title")
        if f and f[0] in ("title", "authors", "affiliations", "category", "date", "title_zh") and _body_field(d, line, off, f):
            continue
        if people == "section" and f is None and listed_author(d, ln, off, extend=listed):
            listed = True  # "### Authors" / "- Ann Lee" / "- Bo Chen": one list, item by item
            continue
        listed = False
        if people and f is None and _people_line(d, ln, off, section=people == "section"):
            continue
        if _metadata_line(ln, f):
            continue  # "- **Field**: CS-AI", "**Collected**: 2025-12-12": the page's metadata
        if not glued and isinstance(fm.get("title"), str):
            if _glued(d, line, off, fm["title"]) is not None:
                glued = True  # the post repeats the paper with its fields glued on one line
                continue
            nxt = next((k for k in range(i + 1, min(i + 4, len(b.lines))) if b.lines[k].strip()), None)
            tag = _CATEGORY_TAG.match(line)
            if nxt is not None and _key(fm["title"]).startswith(_key(line[tag.end() if tag else 0 :])):
                # The title wraps onto the next line, or the authors follow on their own.
                both = "\n".join(b.lines[i : nxt + 1])
                if _glued(d, both, off, fm["title"]) is not None:
                    b.take(nxt)
                    skip = nxt
                    glued = True
                    continue
        if (g := inline_field(ln)) is not None and g[0] in ("authors", "affiliations"):
            _body_field(d, line, off, g)  # "…开源!<br>**作者单位**:武汉大学": a field after a break
        d.body.append(Span(*strip_span(line, off)))
    if ref is not None and "title" not in d.spans and d.first <= ref[0] < d.first + len(d.lines):
        k = ref[0] - d.first
        off = sum(len(x.text) + 1 for x in d.lines[:k])
        d.set("title", off + ref[1], off + ref[2])
    if pending is not None:
        d.set("authors", *pending)
    res = b.result()
    if not res.entries:
        return LayoutResult([], [*res.unassigned], 0)
    return res


# A line's key in bold and its value ("- **Field**: CS-AI").
_BOLD_KEY = re.compile(r"^\s*(?:[-*+]\s+)?(?P<k>[^:：]{1,30}?)\s*[:：]\s*(?P<v>.*?)\s*$")


def _metadata_line(ln, f: tuple[str, int, int] | None) -> bool:
    """A bold-keyed line of the post with a short value that is no text about the paper
    (``- **Field**: CS-AI``, ``**Dataset**: Not specified``, ``- **PDF**: [Download](…)``):
    a generated post's metadata. Keys that name body text (``Abstract:``, ``Summary:``) and
    the people and date fields read above stay what they are."""
    if f is not None and f[0] in ("body", "title", "title_zh", "authors", "affiliations", "reference"):
        return False
    m = _BOLD_KEY.match(ln.text)
    if m is None or not any(a <= m.start("k") and m.end("k") <= e for a, e in ln.emphasised):
        return False
    value = m.group("v")
    return len(value) <= 40 and not SENTENCE_END_RE.search(value.rstrip("."))


def _people_line(d, ln, off: int, section: bool = False) -> bool:
    """A line of the post's opening paragraphs (before its first heading) that is only
    an author list, or only organisations right after the author list, names the
    paper's people when no field did (an LLM-written post that sets
    ``> A Author, B Author`` and ``> University, Lab`` under its one-line summary).
    Under a heading that names the people (``## 👥 作者与机构``, a ``section``) one name
    is a list too, and names may be set apart by middle dots with role marks beside them
    (``**Zi Haur Pang** ¹ · Xiaoxue Gao · Nancy F. Chen ✉``)."""
    a, e = strip_span(ln.text, 0, ln.start)
    value = ln.text[a:e]
    if not value:
        return False
    if "authors" not in d.spans and looks_like_authors(value) and (section or len(value.split(",")) >= 2):
        d.set("authors", off + a, off + e)
        return True
    if "authors" in d.spans and "affiliations" not in d.spans and bracket_kind(value) == "affiliations":
        d.set("affiliations", off + a, off + e)
        return True
    return False

