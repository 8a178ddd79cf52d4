"""Bounds and cheap rejects the parse driver takes for speed decide as the readers they
spare would: the generic reader's entry bound (``generic.entry_bound``, used by the
driver to skip that reader on a file it cannot win) and the layouts' cheap rejects.
Each is checked both ways on the layout fixtures, the seeds and bench's synthetic
digests: the reader kept is the same with and without the shortcut, and where the
shortcut skips a reader, running it shows it could not have won."""
from __future__ import annotations

from pathlib import Path

import pytest

from benchgen import generator
from kg.parse import driver, generic_contest, scoring
from kg.parse.document import read_document
from kg.parse.driver import parse_document
from kg.parse.layouts import generic
from kg.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
PATHS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.txt"))


def _doc(path: Path):
    d = read_bytes(path.read_bytes(), str(path))
    return read_document(d.path, d.text)


@pytest.fixture(scope="module")
def bench_files(tmp_path_factory):
    """A day folder of both bench formats and one long translated-abstract dump."""
    out = tmp_path_factory.mktemp("bench")
    gen = generator()
    days = [Path(p) for p in gen.write_folder(out / "days", 120, fmt="mixed")]
    gen.write_digest(out / "abstract.txt", 700, fmt="abstract")
    return days + [out / "abstract.txt"]


def _all_paths(bench_files):
    return PATHS + list(bench_files)


def _doc_text(text: str, markdown: bool = False):
    return read_document("t.md" if markdown else "t.txt", text, markdown=markdown)


ABSTRACT = (
    "We study how to adapt large models to question answering with little data. "
    "Experiments on two benchmarks show clear gains over strong baselines at no cost."
)


def test_bound_is_the_paragraph_count_of_a_plain_page_without_ids():
    doc = _doc_text(f"{ABSTRACT}\n{ABSTRACT}\n\n{ABSTRACT}\n\n\n{ABSTRACT}\n")
    assert generic.entry_bound(doc) == 3


@pytest.mark.parametrize(
    "text, markdown",
    [
        (f"{ABSTRACT} See https://arxiv.org/abs/2301.12345 for details.\n", False),  # an id in a link
        (f"{ABSTRACT} arXiv: 2301.12345\n", False),  # an id after its tag
        (f"{ABSTRACT} [2301.12345]\n", False),  # an id stated in brackets
        (f"{ABSTRACT} arxiv.org/abs/hep-th/9901001\n", False),  # an old-style id
        (f"{ABSTRACT} (２３０１.１２３４５)\n", False),  # full-width digits are digits to the patterns too
        (f"[{ABSTRACT}](https://example.org/a)\n", True),  # a link
        (f"**Name** — {ABSTRACT}\n", True),  # a bold run: a named item
        (f"## Name (2025.08)\n{ABSTRACT}\n", True),  # a heading
        (f"| Title | Authors |\n|---|---|\n| {ABSTRACT} | A B |\n", True),  # a table
    ],
)
def test_no_bound_where_the_reader_splits_paragraphs_or_an_id_is_written(text, markdown):
    assert generic.entry_bound(_doc_text(text, markdown)) is None


REFERENCES = (
    "Beel, J., Langer, S. and Genzmehr, M., 2013. Sponsored vs. Organic Recommendations and the Impact of Labeling.\n"
    "Buolamwini, J. and Gebru, T., 2018. Gender shades: Intersectional accuracy disparities in commercial "
    "gender classification. In Conference on fairness (pp. 77-91).\n"
)


def test_a_paragraph_of_references_is_bounded_by_its_reference_lines():
    """A reading list copied as plain lines is one paragraph the reader splits into a
    reference each (kg.parse.generic_refs): the bound counts those lines, not 1."""
    doc = _doc_text(REFERENCES + f"\n{ABSTRACT}\n")
    assert len(generic.parse(doc).entries) == 2  # a reference each; the abstract alone is none
    assert generic.entry_bound(doc) == 3


def test_bound_holds_on_every_page(bench_files):
    """The bound is never below what the reader finds, on any page it bounds."""
    bounded = 0
    for path in _all_paths(bench_files):
        doc = _doc(path)
        bound = generic.entry_bound(doc)
        if bound is not None:
            bounded += 1
            assert len(generic.parse(doc).entries) <= bound, path.name
    assert bounded >= 2  # the abstract fixtures and dumps are bounded: the test tests something


def test_the_bound_never_changes_the_reader_kept(bench_files, monkeypatch):
    """Both ways: the parse is the same with and without the bound, and wherever the bound
    spares the generic reader, that reader run anyway does not read the file better."""
    spared = 0
    real = generic_contest.generic_cannot_win
    results = {}
    for path in _all_paths(bench_files):
        doc = _doc(path)
        results[path] = parse_document(doc)
    # Every time the bound answers, the reader it spares is run and asked.
    def checked(doc, res):
        nonlocal spared
        cannot = real(doc, res)
        if cannot:
            spared += 1
            assert not generic_contest.generic_better(doc, res, generic.parse(doc)), doc.path
        return False  # and the parse goes on as without the bound
    monkeypatch.setattr(generic_contest, "generic_cannot_win", checked)
    for path, want in results.items():
        got = parse_document(_doc(path))
        assert (got.layout, got.entries, got.unassigned) == (want.layout, want.entries, want.unassigned), path.name
    assert spared >= 2  # the bound spared the reader on the abstract dumps


# ---------------------------------------------------------------- cheap rejects

def _lines():
    for p in PATHS + sorted((ROOT / "tests" / "fixtures").rglob("*.md")):
        yield from p.read_text(encoding="utf-8", errors="replace").splitlines()


def _category_line_whole_split(line: str):
    """``category_line`` as it was: the line split whole at its separators first."""
    import re

    from kg.parse.categories import _LINE_CODE_RE, _SUBJECTS_LINE_RE, normalize_category

    listed = _SUBJECTS_LINE_RE.fullmatch(line)
    if listed is not None:
        return listed.start("first"), listed.end("first"), normalize_category(listed.group("code"))
    pos, first = 0, None
    for part in re.split(r"[\s|｜,，;；/·•]+", line):
        if not part:
            continue
        k = line.index(part, pos)
        pos = k + len(part)
        if not _LINE_CODE_RE.fullmatch(part):
            return None
        if first is None:
            code = part.strip("[]［］()（）")
            first = (k + part.index(code), k + part.index(code) + len(code), normalize_category(code))
    return first


CODE_LINES = [
    "cs.LG | stat.ML", "  [cs.CL] [cs.AI]  ", "(cs.CV)；eess.IV", "cs.LG is great", "AI | ML", "arXiv_CV, arxiv_lg",
    "quant-ph / cs.ET", "| cs.RO |", "", "   ", "cs.LG,", "• cs.LG · cs.AI", "Robotics (cs.RO); Artificial Intelligence (cs.AI)",
    "cs.LG\u3000cs.AI", "cs.LG | Attention Is All You Need",
]


def test_category_line_reads_part_by_part_as_the_whole_split():
    """The reject at the first part that is no code answers as splitting the whole line."""
    from kg.parse.categories import category_line

    n = 0
    for line in [*CODE_LINES, *_lines()]:
        n += 1
        assert category_line(line) == _category_line_whole_split(line), line
    assert n > 500


def _no_paper_scan_first(res, doc):
    """``scoring.no_paper`` as it was: every line's links scanned before the counts."""
    from kg.parse.base import NON_PAPER
    from kg.text import arxiv_id

    if res.entries:
        return False
    told = {u.line: u.reason for u in res.unassigned}
    if any(told.get(i, NON_PAPER) == NON_PAPER and any(arxiv_id(lk.url) for lk in ln.links) for i, ln in enumerate(doc.lines, 1)):
        return False
    nonblank = sum(1 for x in doc.lines if x.text.strip())
    items = sum(1 for u in res.unassigned if u.reason == NON_PAPER)
    return nonblank > 0 and items >= scoring.NO_PAPER_SHARE * nonblank and res.unexplained <= scoring.NO_PAPER_UNEXPLAINED * nonblank


_NEWS_ITEM = (
    "#### **[{who}]** {what}\n"
    "*   🔗 [阅读原文]({link})\n"
    "*   📝 {who}宣布其产品迎来重大更新，核心亮点是两大模型现已支持微调，显著降低了企业用户的技术门槛，允许根据特定场景定制模型性能。\n"
    "*   ⏰ *18:3{n}*\n\n"
)


def _news(links):
    return "# 📅 Daily AI Report - 2025-12-15\n\n## 精选日报\n### 🤖 模型与技术\n" + "".join(
        _NEWS_ITEM.format(who=w, what="首款产品重大更新", n=n, link=lk) for n, (w, lk) in enumerate(zip(["OpenAI", "谷歌", "Meta"], links))
    )


NO_PAPER_PAGES = [
    # A news-only digest: items read as not papers.
    _news(["https://mp.weixin.qq.com/s?id=1", "https://mp.weixin.qq.com/s?id=2", "https://mp.weixin.qq.com/s?id=3"]),
    # The same with an item linking an arXiv paper: a reading of it as news read it wrong.
    _news(["https://mp.weixin.qq.com/s?id=1", "https://arxiv.org/abs/2301.12345", "https://mp.weixin.qq.com/s?id=3"]),
]


def test_no_paper_counts_before_scanning_links(bench_files):
    """``no_paper`` asks the counts first and scans the links only when they hold: the
    same answer for every layout's reading of every page."""
    from kg.parse.layouts import LAYOUTS

    docs = [_doc(p) for p in _all_paths(bench_files)[:40]] + [_doc_text(t, markdown=True) for t in NO_PAPER_PAGES]
    answers = set()
    for doc in docs:
        for layout in [*LAYOUTS, generic]:
            res = layout.parse(doc)
            got = scoring.no_paper(res, doc)
            assert got == _no_paper_scan_first(res, doc), (doc.path, layout.name)
            answers.add(got)
    assert answers == {True, False}


TAIL_LINES = [
    "…results.translated by 谷歌翻译", "results. translated by Google", "results. Translated By Google Translate  ",
    "results. TRANSLATED BY GOOGLE TRANSLATE\n", "results. tranſlated by google", "translated by 谷歌翻译 ", "translated by google.",
    "We translate", "Google", "", "   ", "translated by 谷歌翻译 and more", "A title that ends in e",
]


def test_translated_tail_rejects_only_what_the_search_would():
    """The reject by a line's last character answers as the marker's search."""
    from kg.parse.boilerplate import TRANSLATED_TAIL_RE, translated_tail

    n = 0
    for line in [*TAIL_LINES, *_lines()]:
        got, want = translated_tail(line), TRANSLATED_TAIL_RE.search(line)
        assert (got and got.span()) == (want and want.span()), line
        n += want is not None
    assert n >= 5


def test_abstract_label_is_left_out_of_the_body_at_its_offset():
    from kg.parse.layouts import abstract

    for lead in ("", "  "):
        text = f"{lead}Abstract: {ABSTRACT} Our analysis reveals that the gains come from context.\ntranslated by 谷歌翻译\n"
        (e,) = abstract.parse(_doc_text(text)).entries
        assert [e.text[s.start : s.end] for s in e.body] == [f"{ABSTRACT} Our analysis reveals that the gains come from context."]


POST_LINES = [
    "【用GFlowNets统一生成式模型】《Unifying Generative Models》D Zhang [Mila] (2022)", "  'A quoted name' and more", "“Quoted”",
    "see HTTPS://example.org", "see http://x", "t.cn/abc", "T.CN/abc", "at.cn/abc", "GitHub: x", "GITHUB：x", "gıthub: x",
    "GİTHUB: x", "httpſ://example.org", "网页链接", "《书》", "plain words only", "", "发布时间: 2022-09-07 10:21",
]


def test_post_mark_rejects_only_what_the_search_would():
    from kg.parse.layouts.post import _POST_MARK, _post_mark

    seen = set()
    for line in [*POST_LINES, *_lines()]:
        want = _POST_MARK.search(line) is not None
        assert _post_mark(line) == want, line
        seen.add(want)
    assert seen == {True, False}


EVIDENCE_LINES = [
    "Ba J L, Kiros J R. Layer normalization[J]. arXiv preprint, 2016.", 'LeCun, Y. "Deep learning." Nature', "“Deep learning” in Nature",
    "A sentence naming Yann LeCun", "in 1998 they", "x2019 y", "[EB/OL]", "", "1. LeCun, Yann", "ｘ２０１６",
]


def test_citation_evidence_rejects_only_what_the_search_would():
    from kg.parse.layouts.citations import _EVIDENCE, _evidence

    seen = set()
    for line in [*EVIDENCE_LINES, *_lines()]:
        for pos in {0, min(3, len(line))}:
            want = _EVIDENCE.search(line, pos) is not None
            assert _evidence(line, pos) == want, (line, pos)
            seen.add(want)
    assert seen == {True, False}


def _texts(bench_files):
    for p in [*_all_paths(bench_files), *sorted((ROOT / "tests" / "fixtures").rglob("*.md"))]:
        yield p.read_text(encoding="utf-8", errors="replace")


RST = (
    "Reading list\n============\n\n.. note:: papers we read\n\n"
    "* `Segment Anything <https://arxiv.org/abs/2304.02643>`_\n* `BERT <https://arxiv.org/abs/1810.04805>`_\n"
)


def test_rst_reject_answers_as_the_full_test(bench_files):
    """No ".." opening a line and no backquote: no rst mark, whatever the underlines."""
    from kg.parse.rst import _DIRECTIVE, _FOOTNOTE, _LINK, _UNDERLINE, looks_like_rst

    def full(text):
        lines = text[:65536].split("\n")
        underlines = sum(1 for k in range(1, len(lines)) if _UNDERLINE.match(lines[k]) and lines[k - 1].strip()
                         and len(lines[k].rstrip()) >= len(lines[k - 1].rstrip()))
        marks = sum(1 for x in lines if _DIRECTIVE.match(x) or _FOOTNOTE.match(x)) + len(_LINK.findall(text[:65536]))
        return underlines >= 1 and marks >= 2

    seen = set()
    for text in [RST, ".. [1] A note\n.. [2] Another\nTitle\n=====\n", "Title\n=====\n\nplain\n", *_texts(bench_files)]:
        assert looks_like_rst(text) == full(text)
        seen.add(full(text))
    assert seen == {True, False}


def test_markdown_precheck_and_plain_items_answer_as_line_by_line(bench_files):
    """``_may_be_markdown`` looks only for the markup characters its sample holds, and a
    plain file with no bullet character has no item: the same answers as testing every
    line for all of them."""
    from kg.parse.document import _BLOCK_STARTS, _MARKUP_CHARS, GLYPH_ITEM_RE, _may_be_markdown, _plain

    def every_line(sample):
        hits = 0
        for line in sample.split("\n"):
            if line.lstrip().startswith(_BLOCK_STARTS) or any(m in line for m in _MARKUP_CHARS):
                hits += 1
                if hits >= 2:
                    return True
        return False

    answers = set()
    for text in ["a **b** c\n`d`\n", "plain\n| x\n", "• one\n• two\n", *_texts(bench_files)]:
        assert _may_be_markdown(text) == every_line(text)
        answers.add(every_line(text))
        raw = text.split("\n")
        items = [i for i, ln in enumerate(_plain("t.txt", raw).lines) if ln.kind == "item"]
        assert items == [i for i, r in enumerate(raw) if GLYPH_ITEM_RE.match(r)]
    assert answers == {True, False}


# ---------------------------------------------------------------- a short file's sample

def _parse_counting(doc, monkeypatch, short=True):
    """``parse_document(doc)`` and how many layouts read the whole of ``doc``."""
    reads = []
    real = driver._read_whole

    def counting(d, layouts, tried):
        if d is doc:
            reads.append(len(layouts))
        return real(d, layouts, tried)

    with monkeypatch.context() as m:
        m.setattr(driver, "_read_whole", counting)
        if not short:
            m.setattr(driver, "SHORT_MIN", 10**9)
        res = parse_document(doc)
    return res, reads


def test_a_short_files_sample_gives_the_decision_of_every_layout_reading_it(bench_files, monkeypatch):
    """Both ways on the seeds, the fixtures and bench's days: the parse with a short file's
    sample is the parse with every layout reading the whole file, and the sample decided
    alone on bench's structured days."""
    decided = 0
    for path in _all_paths(bench_files):
        doc = _doc(path)
        got, reads = _parse_counting(doc, monkeypatch)
        want, _ = _parse_counting(doc, monkeypatch, short=False)
        assert (got.layout, got.entries, got.unassigned) == (want.layout, want.entries, want.unassigned), path.name
        decided += reads == [1]
    assert decided >= 5


def test_a_sample_whose_layout_leaves_the_file_unexplained_lets_every_layout_read_it(monkeypatch):
    """A plain file that opens as a structured digest and goes on in lines no structured
    entry explains: the sample decides for the structured layout, whose reading of the whole
    file leaves lines unexplained, so every layout reads it whole, as without the sample."""
    gen = generator()
    head = "\n".join(next(iter(gen.iter_days(40, "structured", 3)))[1])
    tail = "\n".join(f"note {k}: see the list above" for k in range(40))
    doc = _doc_text(head + "\n\n" + tail + "\n")
    assert driver._short_sample_end(doc) is not None
    got, reads = _parse_counting(doc, monkeypatch)
    want, _ = _parse_counting(doc, monkeypatch, short=False)
    assert reads[0] == 1 and reads[1] == len(driver.LAYOUTS)  # the chosen one, then all of them
    assert (got.layout, got.entries, got.unassigned) == (want.layout, want.entries, want.unassigned)


def test_no_short_sample_for_markdown_or_small_files():
    gen = generator()
    text = "\n".join(next(iter(gen.iter_days(40, "structured", 3)))[1]) + "\n"
    assert driver._short_sample_end(_doc_text(text)) is not None
    assert driver._short_sample_end(_doc_text(text, markdown=True)) is None
    assert driver._short_sample_end(_doc_text("\n".join(text.split("\n")[: driver.SHORT_MIN - 1]))) is None


def test_split_title_of_a_title_without_cjk_is_the_title():
    """``split_title`` returns a title with no CJK character whole after one search; with
    one, it splits as it did (the doctests keep the splits)."""
    from kg.parse.titles import split_title

    for title in ["  Segment Anything  ", "Attention Is All You Need", "ＢＥＲＴ：Ｐｒｅ－ｔｒａｉｎｉｎｇ", ""]:
        assert split_title(title) == (title.strip(), None)
    assert split_title("大语言模型的检索增强生成综述 A Survey on Retrieval-Augmented Generation") == (
        "A Survey on Retrieval-Augmented Generation", "大语言模型的检索增强生成综述")
    assert split_title("Segment Anything（分割一切）") == ("Segment Anything", "分割一切")


def test_invisible_characters_removed_as_by_a_translation_table(bench_files):
    """``normalize_newlines`` removes the invisible characters where they occur instead
    of translating every character: the same text."""
    from kg.read import normalize_newlines

    table = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))

    def by_table(text):
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        return text.translate(table)

    crafted = ["a\u200bb\u2060c\ufeffd\r\ne\u2028f", "\ufeff开头\u200b\u200b的\u2060", "none", "", "\u200b"]
    for text in [*crafted, *_texts(bench_files)]:
        assert normalize_newlines(text) == by_table(text)


URL_LINES = ["https://arxiv.org/abs/2301.12345", "代码: github.com/x/y", "see user.github.io", "[PDF] [Code]", "plain words",
             "and/or", "", "   ", "项目主页：https://a.b/c 论文"]


def test_url_only_rejects_a_line_without_a_slash_as_finding_no_link():
    """A line with no slash and no bare *.github.io page holds no link find_urls reads."""
    import re

    from kg.parse.base import url_only
    from kg.text import find_urls

    def full(s, links=0):  # url_only without the reject
        urls = find_urls(s)
        if not urls and not links:
            return False
        rest = s
        for _, a, b in sorted(urls, key=lambda t: -t[1]):
            rest = rest[:a] + rest[b:]
        rest = re.sub(
            r"(?i)\b(?:view|pdf|code|github|project|paper|arxiv|link|url|homepage|data|html|abs|page|website)\b|代码|项目主页|主页|链接|地址|论文|数据|[:：|｜\s\[\]()（）]",
            "", rest)
        return len(rest) <= 4

    seen = set()
    for line in [*URL_LINES, *_lines()]:
        for links in (0, 1):
            assert url_only(line, links) == full(line, links), line
            seen.add(full(line, links))
    assert seen == {True, False}
