"""Layout ``post``: scraped social-media posts, one post per line.

``【gloss】《Title》A Author, B Author [Affil] (2020) http://t.cn/… view:http://t.cn/…``
between post metadata (time, place, counters, ``发布时间:``/``微博位置:``/``点赞数:``),
mixed with posts about books, blogs, tools and courses, which are not papers::

    【用GFlowNets统一生成式模型】《Unifying Generative Models with GFlowNets》D Zhang, R T. Q. Chen [Mila] (2022)
    发布时间: 2022-09-07 10:21
"""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Builder, Draft, LayoutResult, next_nonblank, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.data import load_words
from kg.parse.document import ParsedDoc
from kg.parse.names import looks_like_authors
from kg.parse.titles import SENTENCE_END_RE
from kg.records import Span

__all__ = ["POST_RE", "parse", "name"]

name = "post"

POST_RE = re.compile(
    r"^\s*(?:【(?P<gloss>[^【】]{1,160})】\s*)?《(?P<title>[^《》]{2,400})》\s*(?P<rest>.*?)\s*$"
)
# What follows an author list in a paper post: [affiliations], (year), links.
_POST_REST_RE = re.compile(
    r"^(?P<authors>[^\[\]［］()（）]*?)(?=\s*(?:[\[［(（]|https?://|t\.cn/|view\s*[:：]|O?网页链接|$))"
    r"\s*(?:[\[［](?P<aff>[^\[\]［］]+)[\]］])?\s*(?:[(（](?P<year>(?:19|20)\d{2})[)）])?\s*(?P<tail>.*)$"
)
# A gloss that announces a book, course, tool… rather than a paper.
_BRACKETED = re.compile(r"\s*【[^【】]{1,80}】\s*")  # a line that is one 【…】 gloss
_NON_PAPER_GLOSS = re.compile("|".join(map(re.escape, load_words("non_paper_gloss.txt"))))
# Marks of a post at all (paper or not): a gloss, a quoted title, a link, a repo label.
_POST_MARK = re.compile(r"^\s*【[^】]+】|《[^》]+》|^\s*['‘“\"][^'’”\"]{3,}['’”\"]|https?://|\bt\.cn/|GitHub\s*[:：]|网页链接", re.I)
# What some alternative of _POST_MARK needs: an opening 【 or quote, or one of these
# pieces (the last three however cased). Its search tries every position of a line (the
# alternatives open with anchors and a word boundary), and this layout asks it of every
# line of every file it reads.
_POST_HEAD = re.compile(r"\s*[【'‘“\"]")
_POST_PIECES = ("《", "网页链接")
_POST_PIECES_CASED = ("http", "t.cn/", "github")
# Characters re.I matches to those pieces' letters that str.lower() does not map to them.
_FOLD_ODD = re.compile("[\u0130\u0131\u017f]")


def _post_mark(line: str) -> bool:
    """``_POST_MARK.search(line)``, told at once for a line holding none of what its
    alternatives need."""
    if not _POST_HEAD.match(line) and not any(p in line for p in _POST_PIECES):
        low = line.lower()
        if len(low) == len(line) and not _FOLD_ODD.search(line) and not any(p in low for p in _POST_PIECES_CASED):
            return False
    return _POST_MARK.search(line) is not None


def _paper_post(line: str) -> re.Match[str] | None:
    """The post match when ``line`` is a post about a paper, else ``None``."""
    m = POST_RE.match(line)
    if not m:
        return None
    gloss = m.group("gloss") or ""
    if _NON_PAPER_GLOSS.search(gloss) and "论文" not in gloss:
        return None
    rest = m.group("rest")
    if re.match(r"(?i)^(?:by\b|作者|译者|编者)", rest):
        return None
    r = _POST_REST_RE.match(rest)
    if not r:
        return None
    # The paper viewer link ("view:") or an arXiv link marks a paper; an affiliation in
    # brackets after an author list does too. A year and a link alone do not: books and
    # blog posts have those.
    viewer = re.search(r"view\s*[:：]|arxiv\.org|arxiv\s*[:：]", r.group("tail"), re.I) is not None
    authors = r.group("authors").strip()
    if not authors:
        return m if viewer else None
    if not looks_like_authors(authors):
        return None
    return m if (r.group("aff") or viewer) else None


def _post_fields(d: Draft, line: str, off: int, m: re.Match[str]) -> None:
    if m.group("gloss"):
        d.set("title_zh", *strip_span(line, off, m.start("gloss"), m.end("gloss")))
    d.set("title", *strip_span(line, off, m.start("title"), m.end("title")))
    rest0 = m.start("rest")
    r = _POST_REST_RE.match(m.group("rest"))
    assert r is not None
    if r.group("authors").strip():
        d.set("authors", *strip_span(line, off, rest0 + r.start("authors"), rest0 + r.end("authors")))
    if r.group("aff"):
        d.set("affiliations", off + rest0 + r.start("aff"), off + rest0 + r.end("aff"))


def parse(doc: ParsedDoc) -> LayoutResult:
    """One-line paper posts; post metadata and non-paper posts are reported as such."""
    b = Builder(doc, "post")
    lines = b.lines
    in_post = False  # lines right after a paper post (before metadata) continue it
    gloss: int | None = None  # a "【中文标题】" line of its own, over the post it glosses
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        m = _paper_post(line)
        if m:
            d = b.open(gloss if gloss is not None else i)
            if gloss is not None:
                goff = b.take(gloss)
                g = re.match(r"^\s*【([^】]+)】", lines[gloss])
                assert g is not None
                d.set("title_zh", *strip_span(lines[gloss], goff, g.start(1), g.end(1)))
                gloss = None
            off = b.take(i)
            _post_fields(d, line, off, m)
            in_post = True
            continue
        nxt = next_nonblank(lines, i, 1)
        if _BRACKETED.fullmatch(line) and nxt and (pm := _paper_post(lines[nxt[0]])) and not pm.group("gloss"):
            gloss = i
            continue
        reason = is_boilerplate(line, between_entries=True)
        if reason:
            b.report(i, reason)
            in_post = False
            continue
        if in_post and b.cur is not None and not POST_RE.match(line) and not s.startswith("【"):
            off = b.take(i)
            b.cur.body.append(Span(*strip_span(line, off)))
            continue
        in_post = False
        if _post_mark(line):
            b.report(i, "non-paper post")
        elif len(s) <= 24 and not SENTENCE_END_RE.search(s):
            b.report(i, "post metadata")  # poster name, place, a label
        else:
            b.report(i, NOT_IN_ENTRY)
    return b.result()

