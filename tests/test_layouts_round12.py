"""Rules prompted by round 10's held-out layouts once they turned dev (issue 11): articles
clipped into a notes vault whose front-matter headline is the article's and whose body
names the paper, LLM-written themed summaries whose papers are bold names opening
bullets, newsletter tables whose rows describe a study without linking a paper, closing
tables that list the day's papers again, and topic lines that are no arXiv category.
Written with invented text in the shape of those digests, so that each rule is checked
on its own and for every digest of that kind."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.document import read_document
from kg.parse.driver import parse_document
from kg.parse.summary_items import summarised_items

# ---------------------------------------------------------------- clipped articles

CLIP = """---
title: 新范式！稀疏路由器让长上下文不再昂贵
source: https://mp.example.com/s/AbCdEf
author:
  - "[[编辑部]]"
created: 2026-05-02
tags:
  - 长上下文
---
Original 编辑部 [某公众号](https://mp.example.com/)

长上下文一直很贵。![Image](https://img.example.com/a.png)

> 论文：Sparse Routers for Long Context Language Models
> 链接：https://arxiv.org/abs/2605.00001

论文提出了一种新的路由方法。
"""


def test_a_clipped_article_is_titled_by_the_paper_its_body_names(tmp_path):
    (rec,) = _records(tmp_path, CLIP, "clip.md")
    assert rec.title == "Sparse Routers for Long Context Language Models"
    assert rec.arxiv_id == "2605.00001"


def test_a_clipped_article_that_names_no_title_stays_untitled(tmp_path):
    # "论文：<address>": the key names the paper but its value is a link, not a title.
    text = CLIP.replace("> 论文：Sparse Routers for Long Context Language Models\n", "> 论文：https://arxiv.org/abs/2605.00001\n")
    (rec,) = _records(tmp_path, text, "clip.md")
    assert rec.title is None and rec.arxiv_id == "2605.00001"


def test_a_post_titled_in_its_front_matter_keeps_that_title(tmp_path):
    text = CLIP.replace("title: 新范式！稀疏路由器让长上下文不再昂贵", 'title: "Sparse Routers"').replace(
        "> 论文：Sparse Routers for Long Context Language Models", "> 论文：Another Title Named Later"
    )
    (rec,) = _records(tmp_path, text, "clip.md")
    assert rec.title == "Sparse Routers"


# ---------------------------------------------------------------- themed summaries

SUMMARY = """---
layout: post
title: "Weekly ML Summary"
date: 2026-02-03
---
# Highlights of the Week

A short tour of this week's papers, grouped by theme.

## 1. **Efficient Inference**

### A. **Sparse Models**
- **RouteLite** proposes a router that skips experts whose scores fall below a learned bar.
- **Sparse Routers for Long Context Language Models** introduces block-sparse attention for documents of a million tokens.

### B. **Quantisation**
- **Four Bits Are Enough for Speech Encoders** shows that speech encoders keep their accuracy at four bits.
"""


def test_bold_names_that_a_summary_verb_follows_are_papers(tmp_path):
    recs = _records(tmp_path, SUMMARY, "2026-02-03-summary.md")
    assert [r.title for r in recs] == [
        "RouteLite",
        "Sparse Routers for Long Context Language Models",
        "Four Bits Are Enough for Speech Encoders",
    ]
    assert [r.line for r in recs] == [13, 14, 17]


def _summarised(text: str) -> list[str]:
    doc = read_document("notes.md", text)
    return [doc.lines[k].text[a:e] for k, (a, e) in sorted(summarised_items(doc).items())]


def test_summarised_items_are_read_only_where_the_page_lists_papers_so():
    assert _summarised(SUMMARY) == ["RouteLite", "Sparse Routers for Long Context Language Models", "Four Bits Are Enough for Speech Encoders"]
    # "- **Why read it**: …" labels a note: three such bullets list no paper.
    notes = "".join(f"- **{k}**: a note on the paper.\n" for k in ("Why read it", "What it adds", "Where it fails"))
    assert _summarised(notes) == []
    # Two bold names are not yet a page of papers.
    assert _summarised(SUMMARY.replace("- **Four Bits Are Enough for Speech Encoders** shows", "- Four bits: a note that shows")) == []
    # Most bullets opening in bold are labels: the page is notes, its few verbs chance.
    labels = "".join(f"- **Label {k}**: a note.\n" for k in range(4))
    assert _summarised(SUMMARY + labels) == []
    # A colon or dash after a name written as one, or after a title, still opens its sentence.
    colons = SUMMARY.replace("**RouteLite** proposes", "**Route-Lite**: proposes").replace("** introduces", "** — introduces")
    assert _summarised(colons) == ["Route-Lite", "Sparse Routers for Long Context Language Models", "Four Bits Are Enough for Speech Encoders"]
    # A label over a colon is a note on one paper, whatever verb follows it.
    labels = "- **Problem**: addresses slow routing.\n- **Method**: proposes a router.\n- **Key idea**: introduces a bar.\n"
    assert _summarised("# RouteLite\n\n" + labels) == []
    # Paragraphs that open with the bold name are summaries as bullets are.
    prose = SUMMARY.replace("- **", "\n**")
    assert _summarised(prose) == ["RouteLite", "Sparse Routers for Long Context Language Models", "Four Bits Are Enough for Speech Encoders"]
    # One name opening every paragraph is a post about that one thing, not a list.
    about = "".join(f"**RouteLite** {v} the baseline on task {k}.\n\n" for k, v in enumerate(("improves", "achieves", "shows")))
    assert _summarised(about) == []
    # A company's act is news, not a summary verb.
    assert _summarised(SUMMARY.replace("** proposes", "** releases").replace("** shows", "** launches")) == []


def test_bold_names_that_link_a_product_are_what_their_link_is():
    text = "".join(f"- **Tool{k}** provides a command line for notebooks. [Repo](https://github.com/acme/tool{k})\n" for k in range(4))
    assert _summarised("# Tools of the week\n\n" + text) == []
    # A bullet that links its paper is still a paper.
    papers = text.replace("[Repo](https://github.com/acme/tool", "[paper](https://arxiv.org/abs/2601.0000")
    assert _summarised("# Papers of the week\n\n" + papers) == ["Tool0", "Tool1", "Tool2", "Tool3"]


# ---------------------------------------------------------------- closing recap tables

RECAP = """# Daily AI Papers

### 1. When Right Meets Wrong: Contrastive Group Policy Optimisation
**作者**: Ann Lee, Bo Chen 等
**链接**: [arXiv:2603.00001](https://arxiv.org/abs/2603.00001)

**核心创新**: 本文提出CGPO方法。

---

### 2. ToolTree: Planning Tool Calls with Tree Search
**作者**: Cy Dorn, Di Wu
**链接**: [arXiv:2603.00002](https://arxiv.org/abs/2603.00002)

**核心创新**: 提出AMRO-T路由。

---

## 总结

| 论文 | 主题 | 核心贡献 |
|------|------|----------|
| When Right Meets Wrong | 训练优化 | 组内对比 |
| ToolTree | 工具规划 | 树搜索规划 |
| AMRO-T | 多智能体路由 | 路由优化 |
"""


def test_a_closing_table_that_lists_the_papers_again_is_no_new_papers(tmp_path):
    recs = _records(tmp_path, RECAP, "daily.md")
    assert [r.arxiv_id for r in recs] == ["2603.00001", "2603.00002"]
    res = parse_document(read_document("daily.md", RECAP))
    assert {u.line for u in res.unassigned if u.reason == "restates an entry above"} == {23, 24, 25}


def test_a_table_of_other_papers_after_the_list_is_read(tmp_path):
    text = RECAP.replace("| When Right Meets Wrong |", "| Dense Retrieval at Scale |").replace("| ToolTree |", "| Speech at Four Bits |")
    text = text.replace("| AMRO-T |", "| Graph Routers for Agents |")
    recs = _records(tmp_path, text, "daily.md")
    assert [r.title for r in recs][2:] == ["Dense Retrieval at Scale", "Speech at Four Bits", "Graph Routers for Agents"]


# ---------------------------------------------------------------- newsletter tables

NEWSLETTER = """# ML news: Week 3 - 9 March

## Research
|Link|description|
|---|---|
|[Acme ships a faster notebook.](https://acme.example.com/blog/notebook/) |Acme announced that its notebook now starts in a second.|
|[Sparse Routers for Long Context.](https://arxiv.org/abs/2603.00011) |This paper routes tokens to a few experts.|
|[Four Bits Are Enough.](https://arxiv.org/abs/2603.00012) |Speech encoders keep their accuracy at four bits.|
|[Graph Routers for Agents.](https://arxiv.org/pdf/2603.00013) |Agents pick their tools through a learned graph.|
|[Dense Retrieval at Scale.](https://arxiv.org/abs/2603.00014) |Retrieval over a billion passages on one machine.|
|[Memory Decay: How Longer Prompts Hurt Recall.](https://lab.example.org/memory-decay) |This study by Lab Example measures recall as prompts grow.|
|[Quiet Signals: Models Inherit Traits Through Data.](https://alignment.example.org/2026/quiet-signals/) |Example Lab found that a student model inherits its teacher's traits.|
|[Widget 2 update.](https://widget.example.com/news/) |The new Widget update adds twelve languages.|
"""


def test_a_newsletter_row_that_presents_a_study_is_a_paper_whatever_its_link(tmp_path):
    recs = _records(tmp_path, NEWSLETTER, "week.md")
    assert [r.title for r in recs] == [
        "Sparse Routers for Long Context",
        "Four Bits Are Enough",
        "Graph Routers for Agents",
        "Dense Retrieval at Scale",
        "Memory Decay: How Longer Prompts Hurt Recall",
        "Quiet Signals: Models Inherit Traits Through Data",
    ]


def test_study_phrases_say_this_paper_not_a_retold_one():
    from kg.parse.links import presents_study

    assert presents_study("This study by Lab Example measures recall") and presents_study("本文提出了一种路由方法")
    assert not presents_study("A new study sheds light on agent systems, says the lab's blog")
    assert not presents_study("Acme announced that its notebook now starts in a second")


# ---------------------------------------------------------------- organisations after an author field


def test_a_bracket_of_organisations_closing_an_author_field_is_their_affiliation(tmp_path):
    text = RECAP.replace("**作者**: Ann Lee, Bo Chen 等", "**作者**: Ann Lee, Bo Chen 等 (Tsinghua University / KEG)")
    text = text.replace("**作者**: Cy Dorn, Di Wu", "**作者**: Cy Dorn, Di Wu 等（共 9 位作者）")
    first, second = _records(tmp_path, text, "daily.md")
    assert [a.name for a in first.authors] == ["Ann Lee", "Bo Chen"] and first.authors_truncated
    assert "Tsinghua University" in [m.name for m in first.institutions]
    entries = parse_document(read_document("daily.md", text)).entries
    assert [e.affiliations.of(e.text) if e.affiliations else None for e in entries] == ["Tsinghua University / KEG", None]
    assert [a.name for a in second.authors] == ["Cy Dorn", "Di Wu"] and not second.institutions  # a note, no organisation


# ---------------------------------------------------------------- topic lines


def test_a_topic_line_that_only_contains_a_subject_word_is_no_category(tmp_path):
    text = RECAP.replace("**链接**: [arXiv:2603.00001]", "**方向**: Agentic AI / Humanoid Robotics\n**链接**: [arXiv:2603.00001]")
    text = text.replace("**链接**: [arXiv:2603.00002]", "**方向**: Robotics / Motion Generation\n**链接**: [arXiv:2603.00002]")
    first, second = _records(tmp_path, text, "daily.md")
    assert first.category is None
    assert second.category == "RO"  # "Robotics" is an item of the list as a whole


def test_category_fields_written_as_codes_or_names_are_read():
    from kg.parse.categories import field_category

    assert field_category("cs.CV, cs.AI")[2] == "CV"
    assert field_category("[CV] Computer Vision")[2] == "CV"
    assert field_category("Machine Learning (cs.LG)")[2] == "LG"
    assert field_category("计算机视觉")[2] == "CV"
    assert field_category("Multimodal Reward Model") is None


# ---------------------------------------------------------------- links whose text wraps

LOG = """#### March 10, 2020
- **Paper**: [Sparse Routers for Long Context: A Study of Expert Choice
](https://arxiv.org/abs/2003.00001)
- **Authors**: [Ann Lee](https://social.example.com/annlee), Bo Chen
- **Presenter**: Cy Dorn

#### March 3, 2020
- **Paper**: [Dense Retrieval at
Scale](https://arxiv.org/abs/2003.00002)
- **Authors**: Di Wu, Eli Fox
"""


def test_a_link_whose_text_wraps_links_the_line_it_opens_on(tmp_path):
    doc = read_document("log.md", LOG)
    assert [lk.url for lk in doc.lines[1].links] == ["https://arxiv.org/abs/2003.00001"]
    assert [lk.url for lk in doc.lines[7].links] == ["https://arxiv.org/abs/2003.00002"]
    recs = _records(tmp_path, LOG, "log.md")
    assert [r.arxiv_id for r in recs] == ["2003.00001", "2003.00002"]
    assert recs[0].title == "Sparse Routers for Long Context: A Study of Expert Choice"


# ---------------------------------------------------------------- the generic reader's paper links

KEY_PAPERS = """Key Papers in Deep RL
=====================

.. [#] `Playing Games with Deep Networks <https://www.cs.example.edu/~ann/games.pdf>`_, Lee et al, 2013. **Algorithm: GDN.**

.. [#] `Recurrent Players for Partial Views <https://arxiv.org/abs/1507.00001>`_, Chen and Dorn, 2015.

.. [#] `Dueling Heads for Value Learning <https://arxiv.org/abs/1511.00002>`_, Wu et al, 2015.
"""


def test_the_generic_reader_takes_a_pdf_link_for_a_paper_as_an_arxiv_link():
    from kg.parse.layouts import generic

    res = generic.parse(read_document("key-papers.rst", KEY_PAPERS))
    assert [e.title.of(e.text) for e in res.entries] == [
        "Playing Games with Deep Networks",
        "Recurrent Players for Partial Views",
        "Dueling Heads for Value Learning",
    ]


SEMINAR = """# Group seminars

| 日期 | 汇报人 | 论文 |
| :---: |:---:|:---:|
| 2026.04.08 | 李雷 | [Sparse Routers for Long Context](https://seminar.example.org/papers/2-ll) (ICLR 2026) |
| 2026.03.26 | 韩梅 | [Dense Retrieval at Scale](https://seminar.example.org/papers/1-hm) (CVPR 2026) |
"""


def test_the_generic_reader_reads_a_table_whose_header_names_its_paper_column():
    from kg.parse.layouts import generic

    res = generic.parse(read_document("README.md", SEMINAR))
    assert [e.title.of(e.text) for e in res.entries] == ["Sparse Routers for Long Context", "Dense Retrieval at Scale"]
    # A column of dates and names under a header naming no paper column is no list of papers.
    other = SEMINAR.replace("| 论文 |", "| 地点 |")
    assert generic.parse(read_document("README.md", other)).entries == []


READINGS = """---
title: "Readings of March"
tags: ["readings", "arxiv"]
---

Here are a few papers I read over the past weeks.

### Sparse Routers for Long Context (https://arxiv.org/abs/2603.00011)

Routes tokens to a few experts. I liked the ablations.

### [Dense Retrieval at Scale](https://arxiv.org/abs/2603.00014)

Retrieval over a billion passages.
More notes on the index.

### What I read next

Nothing yet.
"""


def test_the_generic_reader_opens_an_item_at_a_heading_that_carries_its_paper():
    from kg.parse.layouts import generic

    res = generic.parse(read_document("readings.md", READINGS))
    assert [(e.line, e.end_line, e.title.of(e.text)) for e in res.entries] == [
        (8, 10, "Sparse Routers for Long Context"),
        (12, 15, "Dense Retrieval at Scale"),
    ]


COLLECTED = """### [Sparse Routers for Long Context](2026-03-01/Sparse_Routers.md)

**摘要**: 这篇论文提出了一种稀疏路由方法。

**原始链接**: [查看原文](http://arxiv.org/abs/2603.00011v2)
**收录时间**: 2026-03-01 03:26

---

### [A Weekly Note on Tools](2026-03-01/tools.md)

**摘要**: 本周工具。

**原始链接**: [查看原文](https://weibo.com/1/AbC)
"""


def test_a_heading_linked_to_the_sites_page_heads_the_one_paper_its_section_links():
    from kg.parse.layouts import generic

    res = generic.parse(read_document("latest.md", COLLECTED))
    assert [(e.line, e.title.of(e.text)) for e in res.entries] == [(1, "Sparse Routers for Long Context")]


# ---------------------------------------------------------------- the driver and the generic reader

_ITEMS = [
    ("Sparse Routers for Long Context: A Survey on Experts", "Ann Lee, Bo Chen, Cy Dorn", "2304.00011"),
    ("How Robust is a Router? A Study on Language Tasks", "Di Wu, Eli Fox, Fay Gale", "2303.00022"),
    ("Holistic Evaluation of Routers", "Gus Hale, Ian Ives, Jo King", "2211.00033"),
    ("Prompting Routers To Be Reliable", "Lee Moss, Max Nye, Ned Orr", "2210.00044"),
]
PAPER_LIST = "\n".join(
    f"**{t}** \\\n*{a}* \\\narXiv 2023. [[Paper](https://arxiv.org/abs/{i})][[Github](https://github.com/example/r{k})]\n"
    for k, (t, a, i) in enumerate(_ITEMS)
)


def _first_item_only():
    """A layout that reads the page's first two items and leaves the rest unexplained, as
    a layout written for another kind reads a page it only partly fits."""
    from types import SimpleNamespace

    from kg.parse.base import NOT_IN_ENTRY, Builder

    def parse(doc):
        b = Builder(doc, "first")
        for k in range(len(doc.lines)):
            if k in (0, 4):
                d = b.open(k)
                off = b.take(k)
                d.set("title", off + 2, off + 2 + len(_ITEMS[k // 4][0]))
            elif k < 7 and doc.lines[k].text.strip():
                b.take(k)
            elif doc.lines[k].text.strip():
                b.report(k, NOT_IN_ENTRY)
        return b.result()

    return SimpleNamespace(name="first", parse=parse)


def test_a_layout_that_leaves_most_of_the_page_unexplained_loses_to_the_generic_reading():
    res = parse_document(read_document("README.md", PAPER_LIST), [_first_item_only()])
    assert res.layout == "generic"
    assert [e.line for e in res.entries] == [1, 5, 9, 13]


NOTES = """## Recent
- **RouteLite** — Routers that skip experts under a learned bar. [2604.00011]
- **Four-Bit Speech** — Speech encoders kept at four bits. [2604.00012]
- **DenseX** (2025). Retrieval over a billion passages. [2501.00013]
"""


def test_the_generic_reader_reads_notes_that_state_their_papers_ids_in_brackets(tmp_path):
    from kg.parse.layouts import generic

    res = generic.parse(read_document("notes.md", NOTES))
    assert [(e.title.of(e.text), e.ids) for e in res.entries] == [
        ("RouteLite", ("2604.00011",)), ("Four-Bit Speech", ("2604.00012",)), ("DenseX", ("2501.00013",)),
    ]


ID_INDEX = """## Detailed paper notes

- [2607.00011 — Sparse Routers for Long Context](2026-07-14/2607.00011.md)
- [2607.00012 — Four Bits Are Enough for Speech](2026-07-14/2607.00012.md)
- [2607.00013 — Dense Retrieval at Scale](2026-07-14/2607.00013.md)
"""


def test_the_generic_reader_reads_an_index_of_titles_led_by_their_ids():
    from kg.parse.layouts import generic

    res = generic.parse(read_document("index.md", ID_INDEX))
    assert [(e.title.of(e.text), e.ids) for e in res.entries] == [
        ("Sparse Routers for Long Context", ("2607.00011",)),
        ("Four Bits Are Enough for Speech", ("2607.00012",)),
        ("Dense Retrieval at Scale", ("2607.00013",)),
    ]


def test_the_bracket_around_a_titles_label_links_is_no_part_of_the_title(tmp_path):
    text = (
        "-   Sparse Routers for Long Context ([pdf](https://arxiv.org/abs/2609.00011))\n"
        "-   Dense Retrieval at Scale ([pdf](https://openreview.net/pdf?id=AbCd))\n"
    )
    assert [r.title for r in _records(tmp_path, text, "w39.md")] == ["Sparse Routers for Long Context", "Dense Retrieval at Scale"]


# ======================================================================================
# Rules prompted by round 12's sources once they turned dev (issue 11): a crawl's daily
# radar with one heading per paper over field bullets, a PubMed brief whose domain line
# names topics, a reading table whose author column also holds the year, agent-written
# newsletters and paper-notes posts. Invented text in the shape of those digests.

def _radar_paper(title: str, names: str, number: str, sources: str, must: bool = True) -> str:
    # Must-read papers carry a nested list of notes, the others one line of notes.
    notes = "* **重點與關聯**：\n  * **摘要證據**：本文提出一種新方法。\n  * **對研究者的關聯**：值得一讀。\n" if must else "* **重點**：提出一種新方法。\n"
    return f"### {title}\n* **作者**：{names}\n* **連結**：https://arxiv.org/abs/{number}\n* **來源**：{sources}\n{notes}\n"


RADAR = (
    '---\nlayout: post\ntitle: "每日論文雷達｜2026-09-01"\ndate: 2026-09-01\n---\n'
    "## 今日概況\n\n* **日期**：2026-09-01\n* **主題**：具身智慧\n* **資料統計**：\n  * 爬取總量：500 篇\n\n## Must-Read\n\n"
    + _radar_paper("Sparse Routers for Long Context Language Models", "Ann Lee, Bo Chen, Carl Diaz", "2609.00011", "huggingface, arxiv_cs.CL, arxiv_keyword")
    + _radar_paper("Four Bits Are Enough for Speech", "Dana Fox, Eli Gray", "2609.00012", "arxiv_cs.SD")
    + "## Highly Relevant\n\n"
    + _radar_paper("Dense Retrieval at Scale", "Finn Hall, Gia Ito", "2609.00013", "arxiv_cs.IR, arxiv_cs.CL", must=False)
    + _radar_paper("Tactile Grasping without Demonstrations", "Hana Jo, Ian Kim", "2609.00014", "arxiv_keyword, arxiv_cs.RO", must=False)
)


def test_a_radar_of_headed_papers_over_bare_link_bullets_is_read_as_papers(tmp_path):
    # Its field bullets read as list items that are no papers explain as many lines as the
    # papers do; the arXiv address each states in its text (no markdown link) says
    # that reading is wrong.
    recs = _records(tmp_path, RADAR, "2026-09-01-radar.md")
    assert [(r.title, r.arxiv_id, len(r.authors)) for r in recs] == [
        ("Sparse Routers for Long Context Language Models", "2609.00011", 3),
        ("Four Bits Are Enough for Speech", "2609.00012", 2),
        ("Dense Retrieval at Scale", "2609.00013", 2),
        ("Tactile Grasping without Demonstrations", "2609.00014", 2),
    ]


def test_a_source_field_gives_the_first_arxiv_listing_it_names(tmp_path):
    # "huggingface" first is another source, "arxiv_keyword" a keyword search: no listing.
    assert [r.category for r in _records(tmp_path, RADAR, "2026-09-01-radar.md")] == ["CL", "SD", "IR", "RO"]


def test_source_lists_and_listing_forms():
    from kg.parse.categories import source_category

    assert source_category("huggingface, arxiv_cs.RO")[2] == "RO"
    assert source_category("arXiv_CV")[2] == "CV" and source_category("arxiv_lg")[2] == "LG"
    assert source_category("arXiv cs.AI, arXiv cs.LG")[2] == "AI"
    for value in ("arXiv, 2026-06-30", "arxiv_keyword", "huggingface", "arXiv AI papers", "Hacker News"):
        assert source_category(value) is None, value


def test_a_journal_papers_domain_line_gives_no_arxiv_category(tmp_path):
    # A paper linked to its DOI page and no arXiv one: its domain line names topics.
    head = "## 1. A Language Model for Oncology Recommendations.\n**Cancer Cell (IF: 30.1)** | 2026 Mar 9 | [DOI](https://doi.org/10.1000/x.1)\n"
    for domain in ("临床医学（肿瘤学）、人工智能（检索增强生成）", "人工智能、临床医学"):
        (rec,) = _records(tmp_path, head + f"**领域:** {domain}\n**方法:** 检索增强。\n", "brief.md")
        assert rec.category is None, domain
    # A code the entry writes as one stays; an arXiv paper keeps the subject it names.
    (rec,) = _records(tmp_path, head + "**领域:** cs.AI\n**方法:** 检索增强。\n", "brief.md")
    assert rec.category == "AI"
    arxiv = head.replace("https://doi.org/10.1000/x.1", "https://arxiv.org/abs/2609.00041")
    (rec,) = _records(tmp_path, arxiv + "**领域:** 人工智能、临床医学\n**方法:** 检索增强。\n", "brief.md")
    assert rec.category == "AI"


READING_TABLE = """## 论文周报[0901-0907]
| # | 论文标题 (Title) | 作者 & 年份 | 状态 | 我的笔记 |
|:--:|:--|:--|:--:|:--:|
| 1 | [Sparse Routers for Long Context](https://arxiv.org/abs/2609.00011)<br/>提出稀疏路由器，降低长上下文成本 | Ann Lee,2026 | ⬜️ 未读 | [笔记](notes/001.md) |
| 2 | [Four Bits Are Enough for Speech](https://arxiv.org/abs/2609.00012)<br/>语音模型的四比特量化 | Dana Fox-Gray, 2025 | ✅ 已读 | [笔记](notes/002.md) |
"""


def test_a_column_of_authors_and_year_gives_the_names_without_the_year(tmp_path):
    recs = _records(tmp_path, READING_TABLE, "README.md")
    assert [(r.title, tuple(a.name for a in r.authors)) for r in recs] == [
        ("Sparse Routers for Long Context", ("Ann Lee",)),
        ("Four Bits Are Enough for Speech", ("Dana Fox-Gray",)),
    ]


def test_column_labels_that_join_two_keys_name_the_first():
    from kg.parse.layouts.table import column_kind

    assert [column_kind(x) for x in ("作者 & 年份", "Authors / Year", "Title & Authors", "Authors")] == ["authors", "authors", "title", "authors"]
    # A label whose parts are not all keys names no part ("Q&A", "Notes & Status").
    assert column_kind("Q&A") is None and column_kind("Notes & Status") is None


PUBMED_BRIEF = """# 每日医学AI论文简报

## 1. A Language Model for Oncology Recommendations.
**Cancer Cell (IF: 30.1)** | 2026 Mar 9 | [PubMed](https://pubmed.ncbi.nlm.nih.gov/10000001/) | [DOI](https://doi.org/10.1000/x.1)
**领域:** 精准肿瘤学、大型语言模型
**方法:** 检索增强生成。
---

## 2. Deep Learning in Nuclear Medicine.
**Br J Radiol (IF: 2.0)** | 2026 Jul 1 | [PubMed](https://pubmed.ncbi.nlm.nih.gov/10000002/) | [DOI](https://doi.org/10.1000/x.2)
**领域:** 核医学
**方法:** 综述。
"""


def test_a_journal_line_with_its_impact_factor_names_no_authors(tmp_path):
    recs = _records(tmp_path, PUBMED_BRIEF, "brief.md")
    assert [(r.title, r.authors) for r in recs] == [
        ("A Language Model for Oncology Recommendations", ()),
        ("Deep Learning in Nuclear Medicine", ()),
    ]
    assert "https://pubmed.ncbi.nlm.nih.gov/10000001/" in recs[0].urls


def test_a_byline_of_people_and_their_organisation_keeps_its_people(tmp_path):
    text = PUBMED_BRIEF.replace("**Cancer Cell (IF: 30.1)**", "Ann Lee, Bo Chen (CMU)")
    recs = _records(tmp_path, text, "brief.md")
    assert [a.name for a in recs[0].authors] == ["Ann Lee", "Bo Chen"] and recs[1].authors == ()


def _newsletter_item(number: str, title: str, arxiv: str) -> str:
    return (
        f"## {number} {title}\n\n**Why it matters**\nThis study shows a new way to train models that adapt to new tasks, "
        "with a framework that learns from verifiable signals. The result is a system that works in practice.\n\n"
        f"**Read the full paper**: <https://arxiv.org/abs/{arxiv}>\n\n---\n\n"
    )


KEYCAP_NEWSLETTER = (
    "# AI Weekly Digest\n\nWelcome to this week's sprint through the most exciting research. From robots to language, "
    "the work released this week is nothing short of transformative. Let's dive in!\n\n---\n\n"
    + _newsletter_item("1️⃣", "Sparse Routers for Long Context", "2609.00011")
    + _newsletter_item("2️⃣", "Four Bits Are Enough for Speech", "2609.00012")
    + _newsletter_item("3️⃣", "Dense Retrieval at Scale", "2609.00013")
)


def test_keycap_emoji_numbers_are_no_part_of_a_heading_title(tmp_path):
    recs = _records(tmp_path, KEYCAP_NEWSLETTER, "weekly.md")
    assert [(r.title, r.arxiv_id) for r in recs] == [
        ("Sparse Routers for Long Context", "2609.00011"),
        ("Four Bits Are Enough for Speech", "2609.00012"),
        ("Dense Retrieval at Scale", "2609.00013"),
    ]


def test_keycap_numbers_in_the_field_and_generic_readers():
    from kg.parse.generic_titles import numbered_heading
    from kg.parse.layouts.fields import title_range

    doc = read_document("x.md", "## 2️⃣ Dense Retrieval at Scale\n")
    a, e = title_range(doc.lines[0])
    assert doc.lines[0].text[a:e] == "Dense Retrieval at Scale"
    a, e = numbered_heading(doc, 0)
    assert doc.lines[0].text[a:e] == "Dense Retrieval at Scale"


def test_a_caption_repeated_over_each_paragraph_is_no_title():
    # Read without a heading reader (the abstract reader alone), the bold caption every
    # item repeats over its text is no paper's title.
    from kg.parse.layouts import abstract

    res = abstract.parse(read_document("weekly.md", KEYCAP_NEWSLETTER))
    assert res.entries and all(e.title is None for e in res.entries)


def _captioned(title: str) -> str:
    return (
        f"## {title}\n\n**Idea:** This research introduces a new way for agents to plan with language.\n\n"
        "**Use Cases:** Assistants that adapt to new tasks.\n\n"
    )


CAPTIONED = (
    "# AI Daily Digest: October 2, 2026\n\nWelcome to your daily dose of AI research.\n\n"
    + _captioned("Semantic Planning Models")
    + _captioned("Scaffolded Policy Optimization for Reasoning")
    + _captioned("Acme AI Releases GeneNet: A New Model that Finds Variants")
    + _captioned("Transparent Models in the Loop: A Case of Program Evaluation")
    + "## Highlights\n\nToday's digest showed research across many fields.\n"
)


def test_headings_over_the_same_captioned_paragraphs_are_papers_but_news_is_not(tmp_path):
    recs = _records(tmp_path, CAPTIONED, "daily.md")
    assert [r.title for r in recs] == [
        "Semantic Planning Models",
        "Scaffolded Policy Optimization for Reasoning",
        "Transparent Models in the Loop: A Case of Program Evaluation",
    ]


def test_two_captioned_sections_are_no_run_of_papers():
    from kg.parse.captioned import captioned_headings

    two = "# Notes\n\n" + _captioned("Semantic Planning Models") + _captioned("Scaffolded Policy Optimization")
    assert captioned_headings(read_document("notes.md", two)) == frozenset()
    assert len(captioned_headings(read_document("daily.md", CAPTIONED))) == 3


NOTES_POST = """---
date: 2026-09-03
category: Software Engineering
tags: Code Generation, Security
---

# Sparse Routers for Long Context Language Models

- Paper: https://arxiv.org/pdf/2609.00011.pdf
- Baseline: https://arxiv.org/pdf/2609.00099.pdf
- Demo: https://demo.example.com/

## Summary

The paper proposes sparse routers that pick which tokens attend, and measures the cost.

## Notes

- routers are trained jointly with the model
"""


def test_a_post_whose_paper_link_is_labelled_is_one_paper_among_the_links_it_cites(tmp_path):
    (rec,) = _records(tmp_path, NOTES_POST, "routers.md")
    assert rec.title == "Sparse Routers for Long Context Language Models"
    assert rec.arxiv_id == "2609.00011"
    assert set(rec.urls) >= {"https://arxiv.org/pdf/2609.00011.pdf", "https://arxiv.org/pdf/2609.00099.pdf"}
    assert rec.category is None  # the blog's own category names no arXiv listing


def test_a_labelled_link_line_names_no_title():
    from kg.parse.item_titles import named_title

    for text in ("- Paper: https://arxiv.org/pdf/2609.00011.pdf", "- Baseline: https://arxiv.org/pdf/2609.00099.pdf"):
        assert named_title(read_document("x.md", text + "\n").lines[0]) is None, text
    ln = read_document("x.md", "- Sparse Routers for Long Context: https://arxiv.org/abs/2609.00011\n").lines[0]
    assert named_title(ln) is not None


def test_two_paper_labelled_links_are_still_two_papers():
    # A section that labels two links as papers lists them: it is no one paper's.
    text = NOTES_POST.replace("- Baseline: https://arxiv.org/pdf/2609.00099.pdf", "- Paper: https://arxiv.org/pdf/2609.00099.pdf")
    from kg.parse.layouts import sections

    assert sections.parse(read_document("routers.md", text)).entries == []


TOPIC_POST = """---
date: 2026-09-04
category: Security
---

# A Survey on Secure Code Generation

## Papers
- [Signatures for Exploits from Vulnerabilities](http://lab.example.edu/papers/sig-gen.pdf)
- [Exploiting and Protecting Dynamic Code Generation](https://www.conf.example.org/2015/programme/dcg/) *(NDSS' 15)*
- [An Evaluation of Code Assistants' Contributions](https://arxiv.org/abs/2609.00021)
    - News: https://news.example.com/assistants-vulnerable/
- [Patch Generation by Learning Correct Code](http://people.example.edu/papers/patch.pdf) *(PLDI'16)*

## Documentation

- https://docs.example.com/security/code-generation
"""


def test_a_listed_paper_whose_link_is_a_conference_page_is_a_paper_by_its_venue_tag(tmp_path):
    recs = _records(tmp_path, TOPIC_POST, "survey.md")
    assert [r.title for r in recs] == [
        "Signatures for Exploits from Vulnerabilities",
        "Exploiting and Protecting Dynamic Code Generation",
        "An Evaluation of Code Assistants' Contributions",
        "Patch Generation by Learning Correct Code",
    ]
    # The sub-bullet's link belongs to the paper listed above it.
    assert "https://news.example.com/assistants-vulnerable/" in recs[2].urls


def test_a_link_with_no_venue_after_it_stays_what_its_link_is(tmp_path):
    text = "## Reading\n- [The Illustrated Transformer](https://blog.example.com/transformer/) *(2 min read)*\n- [Dense Retrieval at Scale](https://arxiv.org/abs/2609.00013)\n"
    assert [r.title for r in _records(tmp_path, text, "list.md")] == ["Dense Retrieval at Scale"]


def test_a_sentence_that_mentions_a_lab_is_no_organisation_list(tmp_path):
    from kg.parse.names import bracket_kind

    assert bracket_kind("Tencent AI Lab and MIT") == "affiliations"
    sentence = (
        "Simplified Explanation: Think of having a robot in a lab that can try different combinations "
        "of chemicals to find the best recipe for a new drug"
    )
    assert bracket_kind(sentence) is None
    text = "".join(
        f"## {t}\n\n*Summary:* A system that designs other models.\n\n*Plain Words:* {sentence}.\n\n*Source:* [arXiv](https://arxiv.org/abs/{n})\n\n"
        for t, n in (("Operand Engineering: Autonomous Model Design", "2609.00031"), ("Teaching Robots to Adapt", "2609.00032"))
    )
    assert all(r.institutions == () for r in _records(tmp_path, text, "daily.md"))


def test_headed_journal_papers_linked_to_pubmed_and_doi_are_papers_to_the_heading_reader():
    # Read without the field reader (as a layout kg has no reader for would be), each
    # heading over its journal line of PubMed and DOI links is one paper.
    from kg.parse.layouts import sections

    res = sections.parse(read_document("brief.md", PUBMED_BRIEF))
    assert [e.title.of(e.text) for e in res.entries] == [
        "A Language Model for Oncology Recommendations", "Deep Learning in Nuclear Medicine",
    ]


def test_pubmed_pages_are_scholarly():
    from kg.parse.links import scholarly_link

    assert scholarly_link("https://pubmed.ncbi.nlm.nih.gov/10000001/")
    assert scholarly_link("https://pmc.ncbi.nlm.nih.gov/articles/PMC1000001/")
    assert not scholarly_link("https://www.ncbi.nlm.nih.gov/gene/7157")


def test_a_radar_whose_link_bullets_are_bare_doi_addresses_is_read_as_papers(tmp_path):
    text = RADAR
    for n in range(11, 15):
        text = text.replace(f"https://arxiv.org/abs/2609.000{n}", f"https://doi.org/10.1000/radar.{n}")
    recs = _records(tmp_path, text, "2026-09-01-radar.md")
    assert [r.title for r in recs] == [
        "Sparse Routers for Long Context Language Models", "Four Bits Are Enough for Speech",
        "Dense Retrieval at Scale", "Tactile Grasping without Demonstrations",
    ]
    assert recs[0].urls == ("https://doi.org/10.1000/radar.11",)


def test_a_journal_line_without_an_impact_factor_names_no_authors(tmp_path):
    text = PUBMED_BRIEF.replace("**Cancer Cell (IF: 30.1)**", "*Nat Commun*").replace("**Br J Radiol (IF: 2.0)**", "*Cancer Cell*")
    assert [r.authors for r in _records(tmp_path, text, "brief.md")] == [(), ()]
    # A person beside a journal link is still the author.
    text = PUBMED_BRIEF.replace("**Cancer Cell (IF: 30.1)**", "Ann Lee")
    assert [a.name for a in _records(tmp_path, text, "brief.md")[0].authors] == ["Ann Lee"]


def test_the_generic_reader_reads_a_glossed_title_column_and_an_authors_and_year_column():
    # Without the table layout (a table kg has no reader for), the generic reader finds the
    # columns by the same labels.
    from kg.parse.layouts import generic

    res = generic.parse(read_document("README.md", READING_TABLE))
    got = [(e.title.of(e.text), e.authors and e.authors.of(e.text)) for e in res.entries]
    assert got == [("Sparse Routers for Long Context", "Ann Lee"), ("Four Bits Are Enough for Speech", "Dana Fox-Gray")]


def test_the_generic_reader_splits_a_list_of_papers_linked_to_pdfs_and_venue_tagged_pages():
    # Without the items layout, the generic reader still reads one paper per item: a PDF
    # link names a paper as an arXiv id does, and so does a venue tag after a title link.
    from kg.parse.layouts import generic

    res = generic.parse(read_document("survey.md", TOPIC_POST))
    assert [e.title.of(e.text) for e in res.entries] == [
        "Signatures for Exploits from Vulnerabilities",
        "Exploiting and Protecting Dynamic Code Generation",
        "An Evaluation of Code Assistants' Contributions",
        "Patch Generation by Learning Correct Code",
    ]


def test_captioned_headings_are_papers_to_the_field_and_the_heading_readers_alike():
    from kg.parse.layouts import fields, sections

    for layout in (fields, sections):
        res = layout.parse(read_document("daily.md", CAPTIONED))
        assert len(res.entries) == 3, layout.name


def test_a_line_of_link_labels_is_no_author_line_to_the_generic_reader():
    from kg.parse.layouts import generic

    text = "".join(
        f"**{n}. {t}**\n[Read Paper](https://huggingface.co/papers/{i})\nSummary: a short note.\n\n"
        for n, t, i in ((1, "Sparse Routers for Long Context", "2609.00011"), (2, "Four Bits Are Enough for Speech", "2609.00012"))
    )
    res = generic.parse(read_document("daily.md", text))
    assert len(res.entries) == 2 and all(e.authors is None for e in res.entries)


def test_the_heading_reader_takes_a_short_reference_under_the_title_for_its_authors():
    from kg.parse.layouts import sections

    text = "".join(
        f"### 🔹 [{t}](https://arxiv.org/abs/{i})\n**{ref}**  \n> A note on what it does.  \n**Why it matters:** it does.\n\n---\n\n"
        for t, i, ref in (
            ("Sparse Routers for Long Context", "2609.00011", "Lee et al., 2026"),
            ("Four Bits Are Enough for Speech", "2609.00012", "Fox and Gray (2025)"),
        )
    )
    res = sections.parse(read_document("essentials.md", text))
    assert [e.authors.of(e.text) for e in res.entries] == ["Lee et al.", "Fox and Gray"]


DISCUSSIONS = """#### September 2, 2026
- **Paper**: [Sparse Routers for Long Context](https://arxiv.org/abs/2609.00011)
- **Authors**: [Ann Lee](https://social.example.com/annlee), Bo Chen
- **Presenter**: [Carl Diaz](https://social.example.com/carl)
- **Presentation**: [Forum Summary](https://forum.example.com/t/routers/1)
- **[Community Discussion](https://forum.example.com/t/routers/2)**

#### August 26, 2026
- **Paper**: [Four Bits Are Enough for Speech](https://arxiv.org/abs/2609.00012)
- **Authors**: Dana Fox, [Eli Gray](https://social.example.com/eli)
- **Presenter**: [Finn Hall](https://social.example.com/finn)
"""


def test_a_paper_item_written_as_a_field_takes_the_sibling_items_of_its_other_fields():
    from kg.parse.layouts import items

    res = items.parse(read_document("discussions.md", DISCUSSIONS))
    assert [(e.title.of(e.text), e.authors.of(e.text)) for e in res.entries] == [
        ("Sparse Routers for Long Context", "Ann Lee, Bo Chen"), ("Four Bits Are Enough for Speech", "Dana Fox, Eli Gray"),
    ]
    assert "https://forum.example.com/t/routers/2" in res.entries[0].links


def test_sibling_items_stop_at_the_next_paper():
    from kg.parse.layouts import items

    text = "- **Paper**: [Sparse Routers for Long Context](https://arxiv.org/abs/2609.00011)\n- **Code**: [repo](https://github.com/x/y)\n- [Four Bits Are Enough for Speech](https://arxiv.org/abs/2609.00012)\n"
    res = items.parse(read_document("list.md", text))
    assert [e.title.of(e.text) for e in res.entries] == ["Sparse Routers for Long Context", "Four Bits Are Enough for Speech"]
    assert res.entries[0].links == ("https://arxiv.org/abs/2609.00011", "https://github.com/x/y")


def test_the_abstract_reader_reads_no_table_row_as_an_abstract():
    from kg.parse.layouts import abstract

    description = (
        "The authors show that a model trained on the outputs of another inherits its traits, even when the data "
        "are filtered. They test it on several tasks and find the effect in every one of them. It matters for safety."
    )
    text = "## Research\n|Link|description|\n|---|---|\n" + "".join(
        f"|[{t}](https://arxiv.org/abs/{i}) |{description}|\n"
        for t, i in (("Subliminal Traits in Data", "2609.00051"), ("One Token to Fool a Judge", "2609.00052"))
    )
    assert abstract.parse(read_document("week.md", text)).entries == []
