"""Layout rules prompted by the sixth round of real digests (issue 11): paper lists whose
items carry author lines in many shapes. Written with invented text in the shape of those
lists, so that each rule is checked on its own and for every list of that kind, not on
one source."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.fields import field_kind


# ---------------------------------------------------------------- tags that are codes


def test_chinese_tags_key_is_the_english_one():
    # "标签" is "tags": both give the category when their value is an arXiv code.
    assert field_kind("标签") == field_kind("tags") == "category"


def test_tags_field_of_arxiv_codes_gives_the_category(tmp_path):
    text = (
        "# 精选论文 - 2026-03-02\n\n## Robotics\n\n"
        "### 1. **[Sparse Routers for Long Context](https://arxiv.org/abs/2603.00001v1)**\n"
        "- **日期**: 2026-02-28\n- **作者**: Ann Lee, Bo Chen et al.\n- **标签**: `cs.RO` `cs.LG`\n\n"
        "### 2. **[Dense Retrieval at Scale](https://arxiv.org/abs/2603.00002v1)**\n"
        "- **日期**: 2026-02-28\n- **作者**: Cy Dorn\n- **标签**: retrieval, embedding\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.arxiv_id, r.category) for r in recs] == [("2603.00001", "RO"), ("2603.00002", None)]
    assert [a.name for a in recs[0].authors] == ["Ann Lee", "Bo Chen"] and recs[0].authors_truncated


# ---------------------------------------------------------------- authors after the title


def test_clause_authors_leave_the_venue_and_year_out():
    from kg.parse.byline import clause_authors

    def got(t):
        r = clause_authors(t, 0, len(t))
        return r and t[r[0] : r[1]]

    assert got(". Dmitry Lee et al. ICLR 2021. ") == "Dmitry Lee et al."
    assert got(". Ann Lee and Bo Chen. NeurIPS 2022 Datasets and Benchmarks Track. ") == "Ann Lee and Bo Chen"
    assert got(". Ann Lee, Bo R. Chen. ICLR 2021.") == "Ann Lee, Bo R. Chen"  # an initial keeps its stop
    assert got(". Jordan Park et al. arXiv. ") == "Jordan Park et al."
    assert got(". OpenAI. arXiv 2023. ") is None  # one word: an organisation, not a person
    assert got(". Scaling Laws for Sparse Models. arXiv 2023.") is None


def test_reading_list_item_with_italic_authors_then_venue(tmp_path):
    text = (
        "#### Closed-source Models\n\n"
        '1. <u>Sparse-1</u>: **"Sparse-1: Routing Tokens at Scale"**. *Dmitry Lee et al.* ICLR 2021. '
        "[[Paper](https://arxiv.org/abs/2006.00001v1)]\n"
        '2. <u>Dense-2</u>: **"Dense Models Are Few-Shot Learners"**. *Tom B. Stone et al.* NeurIPS 2020. '
        "[[Paper](https://arxiv.org/abs/2005.00002)]\n"
        '3. <u>Big</u>: **"A Large Model"**. *OpenAI*. arXiv 2023. [[Paper](https://arxiv.org/abs/2303.00003)]\n'
    )
    recs = _records(tmp_path, text)
    assert [([a.name for a in r.authors], r.authors_truncated) for r in recs] == [
        (["Dmitry Lee"], True),
        (["Tom B. Stone"], True),
        ([], False),
    ]
    assert recs[0].title == "Sparse-1: Routing Tokens at Scale"


# ---------------------------------------------------------------- reference-style citations


def test_citation_reads_authors_and_title_in_each_reference_style():
    from kg.parse.byline import citation

    def got(t):
        r = citation(t)
        return r and (t[r[0][0] : r[0][1]], t[r[1][0] : r[1][1]])

    # MLA: the first author inverted, the title quoted.
    assert got('3.\tLee, Ann, Bo Chen, and Cy Dorn. "Sparse routers." Neural Computing 12 (2019): 1-9.') == (
        "Lee, Ann, Bo Chen, and Cy Dorn",
        "Sparse routers",
    )
    # GB/T 7714: surnames with initials, the title closed by a document-type mark.
    assert got("7.\tLee A, Chen B R, Dorn C, et al. Sparse routers[C]//ICML. PMLR, 2019: 1-9.") == (
        "Lee A, Chen B R, Dorn C, et al",
        "Sparse routers",
    )
    # ACL/APA: authors, then the title as the next sentence; initials keep their stops.
    assert got("Ann Lee, Bo R. Chen. Sparse Routers for Long Context. ACL 2021.") == (
        "Ann Lee, Bo R. Chen",
        "Sparse Routers for Long Context",
    )
    # The title first, the authors after it.
    assert got("Sparse Routers for Long Context. Ann Lee, Bo Chen, Cy Dorn.") == (
        "Ann Lee, Bo Chen, Cy Dorn",
        "Sparse Routers for Long Context",
    )
    assert got("We propose a new method. It works well on ImageNet in 2021.") is None
    assert got('He said "this works well" in 2021.') is None


def test_plain_numbered_reference_list_gives_one_paper_per_reference(tmp_path):
    text = (
        "精读的经典论文：\n"
        '1.\tLee, Ann, Bo Chen, and Cy Dorn. "Sparse routers." Neural Computing 12 (2019): 1-9.\n'
        "2.\tLee A, Chen B R, Dorn C, et al. Sparse routers at scale[J]. arXiv preprint arXiv:1901.00001, 2019.\n"
        "3.\tMore papers will be added soon.\n"
    )
    recs = _records(tmp_path, text, "list.txt")
    assert [(r.layout, r.title, r.arxiv_id, r.authors_truncated) for r in recs] == [
        ("citations", "Sparse routers", None, False),
        ("citations", "Sparse routers at scale", "1901.00001", True),
    ]
    assert [a.name for a in recs[1].authors] == ["Lee A", "Chen B R", "Dorn C"]


def test_markdown_item_whose_second_line_is_the_reference(tmp_path):
    text = (
        "# Data\n\n- __SparseSet__\n\n"
        "  _Ann Lee, Bo Chen, Cy Dorn. Learning to Route over Tables. "
        "<a href='https://arxiv.org/abs/2104.00001'>PDF</a>_\n\n"
        "- __DenseSet__\n\n"
        "  _Routing Tokens from Open-Domain Tables. Dan Evans, Eve Fox. "
        "<a href='https://aclanthology.org/2020.acl-main.1/'>PDF</a>_\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.line, r.title, [a.name for a in r.authors]) for r in recs] == [
        (3, "Learning to Route over Tables", ["Ann Lee", "Bo Chen", "Cy Dorn"]),
        (7, "Routing Tokens from Open-Domain Tables", ["Dan Evans", "Eve Fox"]),
    ]
    assert recs[0].arxiv_id == "2104.00001"


# ---------------------------------------------------------------- Jekyll link headings


def test_kramdown_attribute_list_is_markup(tmp_path):
    text = (
        "---\ntitle: Essential reading\nlayout: post\n---\n\n"
        '### 🔹 [Sparse Routers for Long Context](https://arxiv.org/abs/1706.00001){:target="_blank"}\n'
        "**Lee et al., 2017**  \n> Introduced sparse routing.\n\n---\n\n"
        '### 🔹 [Dense Retrieval at Scale](https://arxiv.org/abs/1810.00002){:target="_blank"}\n'
        "**Chen and Dorn (2018)**  \n> Retrieval at scale.\n"
    )
    recs = _records(tmp_path, text, "2025-11-04-reading.md")
    assert [(r.title, [a.name for a in r.authors], r.authors_truncated) for r in recs] == [
        ("Sparse Routers for Long Context", ["Lee"], True),
        ("Dense Retrieval at Scale", ["Chen", "Dorn"], False),
    ]
    assert all("{:" not in r.title for r in recs)


def test_reference_byline_is_the_whole_line_or_nothing():
    from kg.parse.byline import reference_byline

    def got(t):
        r = reference_byline(t)
        return r and t[r[0] : r[1]]

    assert got("Vaswani et al., 2017") == "Vaswani et al."
    assert got("Hausknecht and Stone (2015)") == "Hausknecht and Stone"
    assert got("Introduced the Transformer in 2017") is None


def test_unlinked_heading_among_paper_headings_is_a_paper(tmp_path):
    # A Jekyll post of paper headings, one of them naming its paper without a link.
    linked = ["Sparse Routers for Long Context", "Dense Retrieval at Scale", "Routing Tokens in Vision", "Mixtures of Small Experts"]
    text = '---\ntitle: "Essential reading"\nlayout: post\ntags: [LLM]\n---\n\n## 1. Foundations\n\n'
    for k, t in enumerate(linked):
        text += f'### 🔹 [{t}](https://arxiv.org/abs/17{k:02d}.0000{k}){{:target="_blank"}}\n**Lee et al., 2017**  \n> What it did.\n\n---\n\n'
    text += "### 🔹 *The Limits of Dense Retrieval*  \n> A discussion of retrieval limits.\n\n---\n\n"
    text += "## Summary\n\n| Phase | Papers |\n|:--|:--|\n| 🧱 Foundation | 1 – 5 |\n"
    recs = _records(tmp_path, text, "2025-11-04-reading.md")
    assert [r.title for r in recs] == [*linked, "The Limits of Dense Retrieval"]


# ---------------------------------------------------------------- reading logs


def test_glued_initials_are_a_name():
    from kg.parse.names import author_names, looks_like_authors

    assert author_names("L.Logeswaran, H.Lee, M.E.Peters") == (["L.Logeswaran", "H.Lee", "M.E.Peters"], False)
    assert looks_like_authors("Y.Kim") and not looks_like_authors("Kim")


def test_reading_log_line_dated_title_link_then_authors(tmp_path):
    text = (
        "## Papers\n\n"
        "**06/22/2020** [Sparse Routers for Long Context](./writeups/routers.md) L.Logeswaran, H.Lee "
        "[pdf](https://arxiv.org/pdf/1803.00001.pdf)\n\n"
        "**06/21/2020** Beyond Speed: [Dense Retrieval at Scale](./writeups/dense.md) (ACL 2020 Best paper) "
        "M.T.Ribeiro, T.Wu [pdf](https://example.org/dense.pdf)\n\n"
        "**06/20/2020** [Routing Tokens in Vision](./writeups/vision.md) Y.Kim [pdf](https://example.org/v.pdf)\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, [a.name for a in r.authors]) for r in recs] == [
        ("Sparse Routers for Long Context", ["L.Logeswaran", "H.Lee"]),
        ("Beyond Speed: Dense Retrieval at Scale", ["M.T.Ribeiro", "T.Wu"]),
        ("Routing Tokens in Vision", ["Y.Kim"]),
    ]


# ---------------------------------------------------------------- GitBook paper tables


def test_table_title_cell_with_venue_tag_authors_and_label_link(tmp_path):
    text = (
        "# 监督学习\n\n## 语言模型\n\n"
        "|paper list|20%|40%|60%|\n|---|---|---|---|\n"
        "|[2016 lab] Exploring the limits of sparse routing, R. Jozef et al. [[pdf]](http://arxiv.org/pdf/1602.00001)|\n"
        "|[2020 ACL] Dense Retrieval at Scale for Question Answering||\n"
        "|[2015 lab] Conditional routers as recurrent networks, S. Zheng and S. Jaya. [[pdf]](http://example.org/c.pdf)|\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, [a.name for a in r.authors], r.authors_truncated) for r in recs] == [
        ("Exploring the limits of sparse routing", ["R. Jozef"], True),
        ("Dense Retrieval at Scale for Question Answering", [], False),
        ("Conditional routers as recurrent networks", ["S. Zheng", "S. Jaya"], False),
    ]


def test_title_column_label_with_one_letter_wrong():
    from kg.parse.layouts.table import column_kind

    assert column_kind("papter list") == column_kind("Paper List") == "title"
    assert column_kind("data") is None and column_kind("Venue") is None  # short labels are never guessed


# ---------------------------------------------------------------- a Chinese title over its original


def test_chinese_heading_over_original_title_field(tmp_path):
    # Written from the description of a held-out kind ("a Chinese heading over an English
    # 原文标题 field"), never from its file.
    assert field_kind("原文标题") == "title"
    text = (
        "# 2025-01-13 每日论文\n\n## 1. 稀疏路由器用于长上下文\n\n"
        "- **原文标题**: Sparse Routers for Long Context\n- **作者**: Ann Lee, Bo Chen\n"
        "- **链接**: https://arxiv.org/abs/2501.00001\n- **摘要**: 本文提出稀疏路由器。\n\n"
        "## 2. 大规模稠密检索\n\n- **原文标题**: Dense Retrieval at Scale\n- **作者**: Cy Dorn\n"
        "- **链接**: https://arxiv.org/abs/2501.00002\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.line, r.title, r.title_zh) for r in recs] == [
        (3, "Sparse Routers for Long Context", "稀疏路由器用于长上下文"),
        (10, "Dense Retrieval at Scale", "大规模稠密检索"),
    ]
