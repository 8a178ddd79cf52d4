"""Property tests: on generated digests the parser never crashes and never loses a line.

Digests are built from the line shapes of every layout (headers, glued headers, author
and affiliation lines, posts, post metadata, field lines, papers.cool chrome, abstracts,
boilerplate) mixed with arbitrary text, so the parsers meet both familiar and hostile
input. Every non-blank line must end up inside an entry's line range or in
``unassigned``.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.extract import extract_entry
from kg.parse import parse
from kg.read import read_bytes
from kg.records import Document

_WORDS = ["Learning", "Sparse", "Models", "Vision", "Graph", "Diffusion", "Robust", "Agents", "of", "for", "with", "the"]
_NAMES = ["S Salter", "R T. Q. Chen", "Jun-Yan Zhu", "张伟", "Y. LeCun", "Nando de Freitas", "A Smith1", "W P Thurston Jr."]
_INSTS = ["DeepMind", "清华大学", "CMU", "Texas A&M University", "Dept. of CS, Stanford University, CA 94305, USA", "MIT CSAIL"]

word = st.sampled_from(_WORDS)
title = st.lists(word, min_size=1, max_size=8).map(" ".join)
names = st.lists(st.sampled_from(_NAMES), min_size=1, max_size=5).map(", ".join)
insts = st.lists(st.sampled_from(_INSTS), min_size=1, max_size=3).map(" & ".join)
cat = st.sampled_from(["LG", "CV", "CL", "AS", "RO", "stat.ML", "PDF", "XX"])
num = st.sampled_from(["", "1、", "2.", "【3】", "#4 ", "(5) "])
trunc = st.sampled_from(["", "...", "…", " et al."])
url = st.sampled_from(["https://arxiv.org/abs/2209.01947v2", "http://t.cn/A6Wq3kTn", "arxiv.org/abs/cs/0112017",
                       "github.com/a/b", "O网页链接", "https://x.io/p?q=1)"])
zh = st.sampled_from(["基于模型的离线选项", "本文提出一种新方法，实验表明效果很好。", "北京", "转发 12 评论 3 赞 45", "收起全文d"])
junk = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=60)

line = st.one_of(
    st.builds(lambda n, c, t: f"{n}[{c}] {t}", num, cat, title),
    st.builds(lambda n, c, t, z, a, tr, i: f"{n}[{c}] {t}{z} {a}{tr} [{i}]", num, cat, title, zh, names, trunc, insts),
    st.builds(lambda a, tr: a + tr, names, trunc),
    st.builds(lambda a, i: f"{a} [{i}]", names, insts),
    insts.map(lambda i: f"[{i}]"),
    st.builds(lambda g, t, a, i, u: f"【{g}】《{t}》{a} [{i}] (2023) {u} view:{u}", zh, title, names, insts, url),
    st.builds(lambda t, a, u: f"《{t}》by {a} {u}", title, names, url),
    st.builds(lambda k, v: f"**{k}**：{v}", st.sampled_from(["标题", "作者", "机构", "链接", "摘要", "中文标题", "未知"]), title),
    st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(["Title", "Authors", "Subject", "Publish"]), names),
    st.builds(lambda n, t: f"#{n} {t} [PDF] [Copy] [Kimi] [REL]", st.integers(1, 99), title),
    st.just("[PDF] [Copy] [Kimi] [REL]"),
    st.sampled_from(["translated by 谷歌翻译", "---", "# 每日论文速递", "评论", "LG - 机器学习 CV - 计算机视觉", "[图片]",
                     "另外几篇值得关注的论文:", "24-2-12 07:58 来自 微博 weibo.com", "2024-05-14 | Total: 5"]),
    st.builds(lambda t: (t + ". ") * 12, title),
    zh,
    url,
    junk,
    st.just(""),
)


def _check(text: str) -> None:
    doc = Document("fuzz.txt", text, "utf-8")
    result = parse(doc)
    lines = text.split("\n")
    covered: set[int] = set()
    previous_end = 0
    for e in result.entries:
        assert 1 <= e.line <= e.end_line <= len(lines)
        assert e.line > previous_end, "entries overlap or are out of order"
        previous_end = e.end_line
        # The entry text is its lines with markup removed (plain text: the lines as
        # written), and every character of it maps back to the same character of the file.
        assert e.text.count("\n") == e.end_line - e.line
        for k, ch in enumerate(e.text):
            if ch != "\n":
                ln, col = e.file_position(k)
                assert lines[ln - 1][col] == ch
        for name in ("title", "title_zh", "category", "authors", "affiliations"):
            span = getattr(e, name)
            if span is not None:
                assert 0 <= span.start < span.end <= len(e.text)
        for span in e.body:
            assert 0 <= span.start <= span.end <= len(e.text)
        covered.update(range(e.line, e.end_line + 1))
        rec = extract_entry(e)
        for a in rec.authors:
            assert e.text[a.start : a.end].strip()
    reported = {u.line for u in result.unassigned}
    for i, x in enumerate(lines, 1):
        if x.strip():
            assert i in covered or i in reported, f"line {i} lost: {x!r}"  # markup-only lines are reported too
    assert all(u.reason for u in result.unassigned)
    # Deterministic: the same input parses the same way.
    assert parse(doc) == result


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=0, max_size=40))
def test_generated_digests_lose_no_line(ls):
    _check("\n".join(ls))


@settings(max_examples=200, deadline=None)
@given(junk.flatmap(lambda a: st.lists(st.just(a) | junk, max_size=20)))
def test_arbitrary_text_loses_no_line(ls):
    _check("\n".join(ls))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_reading_arbitrary_bytes_decodes_or_raises_a_kg_error(data):
    try:
        doc = read_bytes(data, "fuzz.bin")
    except KgError:
        return
    assert "\r" not in doc.text
    _check(doc.text)


# Markdown, HTML, front matter and reStructuredText pieces, in any order and nesting:
# the document model must map every character of an entry back to the file and the
# parser must lose no line, whatever the markup.
md_line = st.one_of(
    st.builds(lambda h, t: f"{h} {t}", st.sampled_from(["#", "##", "###", "####"]), title),
    st.builds(lambda t, u: f"- [{t}]({u})", title, url),
    st.builds(lambda t, u: f"* **{t}**: \"{t}\", arXiv, 2021 (*MIT*). [[Paper]({u})]", title, url),
    st.builds(lambda k, v: f"**{k}**: {v}", st.sampled_from(["Authors", "作者", "Subjects", "Publish", "Title"]), names),
    st.builds(lambda a, b: f"| {a} | {b} |", title, names),
    st.just("|---|---|"),
    st.just("---"),
    st.builds(lambda t: f"title: \"{t}\"", title),
    st.builds(lambda t, u: f'<tr><td><a href="{u}">{t}</a></td><td data-arxiv-id="2401.00001v1">x</td></tr>', title, url),
    st.builds(lambda t: f"[^1]: {t}", title),
    st.builds(lambda t: f"    {t}", title),
    st.builds(lambda t, u: f".. [#] `{t} <{u}>`_, Mnih et al, 2013.", title, url),
    st.just("====="),
    st.builds(lambda t: f"> {t}", title),
    st.builds(lambda t: f"`{t}` and _{t}_ and \\*escaped\\* &amp; {t}", title),
    st.just("```"),
    st.just("<div>"),
    st.just("</div>"),
    line,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(md_line, min_size=0, max_size=30))
def test_markup_loses_no_line_and_maps_back_to_the_file(ls):
    _check("\n".join(ls))
