"""The generic reader on HTML tables of papers and bylines under paper headings
(kg.parse.generic_rows, kg.parse.generic_people.byline), read by the generic layout
alone, as a page in a layout kg has no reader for would be. Tiny fixtures written here."""
from __future__ import annotations

from kg.parse import parse_document
from kg.parse.document import read_document
from kg.parse.layouts import generic

HTML_TABLES = """\
# cs.CL (2025-08-26)

<h2>Topic one (2 papers)</h2>

<table>
<thead>
<tr><th>#</th><th>题目</th><th>一句话要点</th></tr>
</thead>
<tbody>
<tr>
  <td>1</td>
  <td><a href="./papers/2508.18673.html">Tailored Teaching with Balanced Difficulty</a></td>
  <td>提出平衡难度的定制教学方法</td>
</tr>
<tr>
  <td>2</td>
  <td><a href="./papers/2508.18655.html">Empathy Omni: Enabling Empathetic Speech Response Generation</a></td>
  <td></td>
</tr>
</tbody>
</table>

<h2>Topic two (1 paper)</h2>

<table>
<thead>
<tr><th>#</th><th>题目</th><th>一句话要点</th></tr>
</thead>
<tbody>
<tr>
  <td>1</td>
  <td><a href="./papers/2508.18609.html">Scaling Laws for Task-Stratified Knowledge</a></td>
  <td>提出任务分层知识的缩放规律</td>
</tr>
</tbody>
</table>
"""

# The same table under a header that names no title column ("地点": a place).
NO_TITLE_COLUMN = HTML_TABLES.replace("<th>题目</th>", "<th>地点</th>")

BYLINES = """\
<article class="paper">
  <h3>From P(y|x) to P(y): Investigating Reinforcement Learning in Pre-train Space</h3>
  <div class="byline">Yuxuan Chen 等 · <a href="https://arxiv.org/abs/2604.14142">arXiv:2604.14142</a> · 2026-04</div>
  <p>Body.</p>
</article>

<article class="paper">
  <h3>Chain of Uncertain Rewards: LLMs for Reward Function Design in RL</h3>
  <div class="byline">Shentong Mo · <a href="https://arxiv.org/abs/2604.13504">arXiv:2604.13504</a> · 2026-04</div>
  <p>Body.</p>
</article>

<article class="paper">
  <h3>Artificial intelligence in nuclear medicine and imaging</h3>
  <div class="byline">Cancer Cell · <a href="https://doi.org/10.1093/bjr/tqag012">DOI</a> · 2026-04</div>
  <p>Body.</p>
</article>
"""


def _read(text: str, name: str = "page.md"):
    res = generic.parse(read_document(name, text))
    return res, [
        (e.line, e.title.of(e.text) if e.title else None, e.authors.of(e.text) if e.authors else None) for e in res.entries
    ]


def test_html_table_rows_under_a_title_header_are_one_paper_each():
    res, got = _read(HTML_TABLES)
    assert got == [
        (11, "Tailored Teaching with Balanced Difficulty", None),  # the row's first line of text
        (16, "Empathy Omni: Enabling Empathetic Speech Response Generation", None),
        (31, "Scaling Laws for Task-Stratified Knowledge", None),  # a table of one row among tables
    ]
    assert {u.reason for u in res.unassigned if u.text.startswith("#题目")} == {"table header"}
    # Every line of text is explained: headings are the page's sections.
    assert not [u for u in res.unassigned if u.reason == "not part of any entry"]
    assert parse_document(read_document("page.md", HTML_TABLES), []).layout == "generic"


def test_an_html_table_whose_header_names_no_title_column_is_no_list_of_papers():
    _, got = _read(NO_TITLE_COLUMN)
    assert got == []


def test_a_byline_under_a_paper_heading_names_its_authors():
    _, got = _read(BYLINES, "letter.html")
    assert [a for _, _, a in got] == [
        "Yuxuan Chen 等",  # a list cut short
        "Shentong Mo",  # one name beside the paper's arXiv id
        None,  # one name beside no arXiv id may be the venue
    ]


WEEKLY_TABLE = """\
## Weekly papers [0406-0412]
| # | 论文标题 (Title) | 作者 & 年份 | 状态 |
|:--:|:--|:--|:--:|
| 1 | [Beyond Dense Connectivity: Explicit Sparsity for Scalable Recommendation](https://arxiv.org/abs/2604.08011)<br/>A sparse framework. | Yipeng Ma,2026 | ✅ |
| 2 | [Context-Aware Disentanglement for Cross-Domain Sequential Recommendation](https://arxiv.org/abs/2604.07992)<br/>A causal view. | Xin Xu, Bo Li (2026) | ✅ |
"""


def test_a_header_cell_with_a_gloss_or_two_fields_names_its_column():
    from kg.parse.generic_rows import header_kind

    assert [header_kind(c) for c in ("论文标题 (Title)", "作者 & 年份", "Authors / Year", "状态", "Date & Place")] == [
        "title", "authors", "authors", None, "date"
    ]
    _, got = _read(WEEKLY_TABLE)
    assert got == [
        (4, "Beyond Dense Connectivity: Explicit Sparsity for Scalable Recommendation", "Yipeng Ma"),
        (5, "Context-Aware Disentanglement for Cross-Domain Sequential Recommendation", "Xin Xu, Bo Li"),
    ]


NEWSLETTER = """\
# ML news: Week 21

|Link|description|
|---|---|
|[Gemini Deep Think Achieves IMO Gold.](https://deepmind.google/blog/imo) |Google announced a gold medal.|
|[Subliminal Learning: Language Models Transmit Behavioral Traits](https://arxiv.org/abs/2507.14805) |Anthropic found that models pick up traits.|
|[Gemini 2.5 Pro Capable of Winning Gold at IMO 2025.](https://arxiv.org/abs/2507.15855) |Solving IMO problems demands reasoning.|
|[Qwen-MT: Where Speed Meets Smart Translation.](https://qwenlm.github.io/blog/qwen-mt/) |A translation update.|
"""


def test_a_news_row_in_a_table_of_papers_is_reported_as_an_item_not_left_unexplained():
    res, got = _read(NEWSLETTER)
    assert [t for _, t, _ in got] == [
        "Subliminal Learning: Language Models Transmit Behavioral Traits",
        "Gemini 2.5 Pro Capable of Winning Gold at IMO 2025",
    ]
    assert {u.line: u.reason for u in res.unassigned if u.line in (5, 8)} == {5: "non-paper item", 8: "non-paper item"}
    assert res.unexplained == 0
