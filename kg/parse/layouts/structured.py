"""Layout ``structured``: numbered 爱可可-style digests.

``1、[LG] Title`` headers (numbered ``1、``/``1.``/``【1】``/``#1`` or not at all) with
author, ``[affiliation]``, summary and link lines — or all of it glued on the header
line::

    1、[LG] MO2: Model-Based Offline Options
    S Salter, M Wulfmeier, D Tirumala... [DeepMind]
"""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Builder, Draft, LayoutResult, strip_span, next_nonblank, url_only
from kg.parse.boilerplate import IN_ENTRY_NOISE, PAGE_CHROME_RE, is_boilerplate
from kg.parse.categories import CATEGORY, normalize_category
from kg.parse.document import ParsedDoc
from kg.parse.fields import field
from kg.parse.names import KEY_PREFIX_RE, author_names, initial_style, is_chinese_name, is_initial, looks_like_authors
from kg.parse.titles import SENTENCE_END_RE, split_title
from kg.records import Span
from kg.text import PAPER_URL_RE, cjk_share, find_urls, is_cjk

__all__ = ["HEADER_RE", "NUMBERED_RE", "NUMBER", "parse", "name"]

name = "structured"

_CJK_CHARS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: An item number: ``1、`` ``1.`` ``【1】`` ``[1]`` ``#1`` ``No.1`` ``(1)``.
#: (``# 1. Title``, a Markdown heading over a numbered item, is number 1, the dot included.)
NUMBER = r"(?:\d{1,3}\s*[、.．:：)）]|【\s*\d{1,3}\s*】|\[\s*\d{1,3}\s*\]|#\s*\d{1,3}(?:\s*[、.．:：)）])?|No\.\s*\d{1,3}|[(（]\d{1,3}[)）])"
#: ``1、[LG] Title`` · ``1. [CV] Title`` · ``【1】[CL] Title`` · ``#1 [AS] Title`` ·
#: ``[stat.ML] Title`` (several codes: the first counts).
HEADER_RE = re.compile(
    rf"^\s*(?:{NUMBER}\s*)?[\[［](?P<cat>{CATEGORY})[\]］](?:\s*[\[［]{CATEGORY}[\]］])*\s*(?P<rest>\S.*)$"
)
#: A numbered line without a category (``3、Title``): a header only when an author line
#: follows it.
NUMBERED_RE = re.compile(rf"^\s*{NUMBER}\s*(?P<rest>[^\s\[［].*)$")
AFFIL_LINE_RE = re.compile(r"^\s*[\[［](?P<aff>[^\[\]［］]+)[\]］]\s*$")

def _header_fields(d: Draft, line: str, off: int, m: re.Match[str]) -> None:
    """Title, Chinese title, and glued author / affiliation / link parts of a header."""
    if "cat" in m.groupdict() and m.group("cat"):
        d.set_category(off + m.start("cat"), off + m.end("cat"), normalize_category(m.group("cat")))
    rs, re_ = m.start("rest"), m.end("rest")
    # A link glued at the end of the header belongs to the entry, not the title.
    urls = [u for u in find_urls(line) if u[1] >= rs]
    if urls and not line[urls[-1][2]:].strip():
        first_url = urls[0][1]
        while first_url > rs and line[first_url - 1] in " \t|":
            first_url -= 1
        if line[rs:first_url].strip():
            re_ = first_url
    year = _YEAR_TAIL.search(line, rs, re_)
    if year:
        re_ = year.start()  # "… [DeepMind] (2022)": the year is not part of a field
    rest = line[rs:re_]
    quoted = _QUOTED_TITLE.match(rest)
    if quoted:
        # "《Title》A Author, B Author [Affil]": the title is what the 《》 quote.
        d.set("title", *strip_span(line, off, rs + quoted.start("t"), rs + quoted.end("t")))
        rs += quoted.end()
        rest = line[rs:re_]
    aff = re.search(r"[\[［]([^\[\]［］]+)[\]］]\s*$", rest)
    if aff:
        d.set("affiliations", off + rs + aff.start(1), off + rs + aff.end(1))
        re_ = rs + aff.start()
    if quoted:
        if line[rs:re_].strip() and looks_like_authors(line[rs:re_]):
            d.set("authors", *strip_span(line, off, rs, re_))
        return
    _title_and_authors(d, line, off, rs, re_, has_affil=aff is not None)


_QUOTED_TITLE = re.compile(r"\s*《(?P<t>[^《》]{2,400})》")
_YEAR_TAIL = re.compile(r"\s*[(（](?:19|20)\d{2}[)）]\s*$")


def _glued_authors_start(rest: str, has_affil: bool) -> int | None:
    """Where an author list glued to the end of a title starts, or ``None``.

    The leftmost start whose tail is an author list wins, provided the first name has the
    same shape as the others (so ``Embedding Space G Dar, M Geva`` yields ``G Dar``, and
    ``… Vision Transformers Y Rao`` cannot swallow ``Transformers``)."""
    for m in re.finditer(r"(?:(?<=\s)|(?<=[\u4e00-\u9fff）)]))(?:[A-Z]|[\u4e00-\u9fff])", rest):
        tail = rest[m.start():]
        got = author_names(tail)
        if got is None:
            continue
        names, trunc = got
        if len(names) == 1:
            # One glued name only with an affiliation after it and an initial-style
            # shape ("… Options S Salter [DeepMind]"): a title may end in any two words.
            if not (has_affil or trunc) or not initial_style(names[0]) or len(names[0].split()) > 3:
                continue
        else:
            # Titles join two phrases with "and" ("Margin Maximization and Simplicity
            # Bias"); a glued author list of full names is comma separated.
            if not re.search(r"[,，、]", tail) and not all(initial_style(n) for n in names):
                continue
            sizes = [len(n.split()) for n in names]
            # A first name longer than the others swallowed a title word ("Options S
            # Salter") — unless it is initials and a surname ("D A. Roberts").
            if sizes[0] > max(sizes[1:]) and not all(is_initial(t) for t in names[0].split()[:-1]):
                continue
            # "… Part I D A. Roberts": a numeral after "Part" belongs to the title.
            if re.fullmatch(r"[IVX]{1,3}", names[0].split()[0]) and re.search(
                r"\b(?:Part|Phase|Stage|Type|Level|Chapter|Section|Volume|Vol\.|Round|Class|Track|Task)\s*$", rest[: m.start()]
            ):
                continue
            if all(initial_style(n) for n in names[1:]) and not initial_style(names[0]):
                continue
        if all(is_chinese_name(n) for n in names) and len(names) < 2:
            continue
        head = rest[: m.start()]
        if len(head.split()) < 2 and not any(is_cjk(c) for c in head):
            continue  # "Segment Anything, Track Everything" is a title, not two people
        return m.start()
    return None


def _title_and_authors(d: Draft, line: str, off: int, rs: int, re_: int, has_affil: bool = False) -> None:
    rest = line[rs:re_]
    best = _glued_authors_start(rest, has_affil)
    head_end = re_ if best is None else rs + best
    if best is not None:
        d.set("authors", *strip_span(line, off, rs + best, re_))
    en, zh = split_title(line[rs:head_end])
    if en:
        a = line.index(en, rs)
        d.set("title", off + a, off + a + len(en))
    if zh:
        a = line.index(zh, rs)
        d.set("title_zh", off + a, off + a + len(zh))


def _authors_line(d: Draft, line: str, off: int) -> bool:
    """An author line, optionally with a glued ``[affiliation]`` and trailing link."""
    s = line
    end = len(line)
    urls = find_urls(line)
    if urls and not line[urls[-1][2]:].strip():
        end = urls[0][1]
    body = line[:end]
    gm = re.match(r"^(?P<a>[^\[\]［］]+?)\s*[\[［](?P<aff>[^\[\]［］]+)[\]］]\s*$", body)
    if gm and looks_like_authors(gm.group("a")):
        d.set("authors", *strip_span(s, off, gm.start("a"), gm.end("a")))
        d.set("affiliations", off + gm.start("aff"), off + gm.end("aff"))
        return True
    if body.strip() and looks_like_authors(body):
        a, b = strip_span(s, off, 0, end)
        k = KEY_PREFIX_RE.match(line)
        if k:
            a = off + k.end()
        d.set("authors", a, b)
        return True
    return False


def _structured_line(d: Draft, line: str, off: int) -> None:
    s = line.strip()
    if not s:
        return
    f = field(line)
    if f and f[0] in ("authors", "affiliations", "title_zh"):
        # A labelled line ("机构：DeepMind", "Authors: …") says what it is.
        d.set(f[0], *strip_span(line, off, f[1], f[2]))
        return
    am = AFFIL_LINE_RE.match(line)
    if am:
        if "affiliations" not in d.spans:
            d.set("affiliations", off + am.start("aff"), off + am.end("aff"))
        return
    if url_only(s):
        return  # link line; URLs are found over the whole entry text later
    if "authors" not in d.spans and "affiliations" not in d.spans and _authors_line(d, line, off):
        return
    if "title_zh" in d.spans:  # no Chinese title left to find: body (its CJK share not needed)
        d.body.append(Span(*strip_span(line, off)))
        return
    cjk = cjk_share(s)
    # The Chinese title is a short line of its own, before the summary starts — under the
    # header, or under the author and affiliation lines; a label ("要点:") is not one.
    if (
        cjk > 0.5
        and "title_zh" not in d.spans
        and not d.body
        and len(s) <= 120
        and not SENTENCE_END_RE.search(s[:-1])
        and not re.search(r"[:：]$", s)
        and not re.match(r"^\d{1,2}[.、)]", s)
    ):
        a, e = strip_span(line, off)
        while e > a and d.lines[-1].text[e - off - 1 : e - off] in "。.":
            e -= 1  # "分割一切。": the full stop is not part of the title
        d.set("title_zh", a, e)
        return
    if "title_zh" not in d.spans and (cjk > 0.3 or len(_CJK_CHARS.findall(s)) >= 12):
        # The Chinese summary opens with the Chinese title as its first sentence; names
        # in it ("LongNet:将Transformer扩展到10亿token。") keep the share of CJK low.
        first = re.match(r"^\s*([^。]{2,80})。", line)
        if first and len(_CJK_CHARS.findall(first.group(1))) >= 2:
            d.set("title_zh", off + first.start(1), off + first.end(1))
    d.body.append(Span(*strip_span(line, off)))


def parse(doc: ParsedDoc) -> LayoutResult:
    """Digest entries opened by a ``[CAT] Title`` header (numbered or not)."""
    b = Builder(doc, "structured")
    lines = b.lines
    linked = False  # the open entry has had its paper's own link line
    for i, line in enumerate(lines):
        m = HEADER_RE.match(line)
        if m is None:
            nm = NUMBERED_RE.match(line)
            # "3、Title" without a category opens an entry only when authors follow.
            if nm and not is_boilerplate(line) and not PAGE_CHROME_RE.search(line):
                nxt = next_nonblank(lines, i, 1)
                if nxt and looks_like_authors(re.sub(r"\s*[\[［][^\]］]+[\]］]\s*$", "", lines[nxt[0]])):
                    m = nm
        if m:
            d = b.open(i)
            off = b.take(i)
            _header_fields(d, line, off, m)
            linked = False
            continue
        if not line.strip():
            if linked:
                # An entry ends with its paper's link; after a blank line comes the next
                # item, not more of this one (a feed mixing paper posts and other posts).
                b.close()
                linked = False
            continue
        reason = is_boilerplate(line, between_entries=b.cur is None)
        if reason:
            # Noise inside an entry (an image placeholder) leaves it open; page furniture
            # (copyright, comments, a section heading) ends it.
            b.report(i, reason, close=reason not in IN_ENTRY_NOISE)
            continue
        if b.cur is not None:
            off = b.take(i)
            _structured_line(b.cur, line, off)
            linked = "/" in line and url_only(line.strip()) and any(PAPER_URL_RE.search(u) for u, _, _ in find_urls(line))
        else:
            b.report(i, NOT_IN_ENTRY)
    return b.result()

