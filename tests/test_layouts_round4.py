"""Layout rules prompted by the fourth round of real digests (issue 11): written with
invented text in the shape of those layouts, so that each rule is checked on its own
and for every digest of that kind, not on one source."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.categories import find_category, normalize_category
from kg.parse.fields import field_kind
from kg.parse.titles import title_spans


# ---------------------------------------------------------------- Traditional Chinese keys


def test_traditional_chinese_keys_are_the_simplified_ones():
    assert field_kind("分類") == field_kind("分类") == "category"
    assert field_kind("發表日期") == "date"
    assert field_kind("機構") == "affiliations"
    assert field_kind("分數") is None  # a score is no known field, in either script


def test_heading_over_bullets_of_unknown_keys_opens_an_entry_by_its_paper_link(tmp_path):
    text = (
        "# 每日論文 - 2026-03-02\n\n"
        "### 1. Sparse Routers for Long Context\n\n"
        "- 分數：8\n- arXiv: [2603.00001v1](http://arxiv.org/abs/2603.00001v1)\n"
        "- 發表日期：2026-02-28\n- 分類：cs.CL, cs.AI\n\n"
        "**Intro:** 本文提出稀疏路由。\n\n"
        "### 2. Dense Retrieval at Scale\n\n"
        "- 分數：6\n- arXiv: [2603.00002v1](http://arxiv.org/abs/2603.00002v1)\n"
        "- 發表日期：2026-02-28\n- 分類：cs.IR\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.arxiv_id, r.category) for r in recs] == [
        ("Sparse Routers for Long Context", "2603.00001", "CL"),
        ("Dense Retrieval at Scale", "2603.00002", "IR"),
    ]
    assert recs[0].date == "2026-02-28"


def test_heading_over_bullets_of_unknown_keys_and_a_code_link_is_no_entry(tmp_path):
    # Without a link to the paper itself, bullets of unknown keys say nothing of a paper.
    text = (
        "### Tools we liked\n\n- 評分：8\n- Code: https://github.com/example/tool\n\n"
        "### 1. Sparse Routers for Long Context\n\n- Authors: Alice Zhang, Bob Stone\n"
        "- Link: https://arxiv.org/abs/2603.00001\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers for Long Context"]


# ---------------------------------------------------------------- titles with their address


def test_an_address_after_a_title_is_not_part_of_it():
    for text in (
        "Sparse Routers for Long Context (https://arxiv.org/abs/2603.00001)",
        "Sparse Routers for Long Context https://arxiv.org/abs/2603.00001",
        "Sparse Routers for Long Context",
    ):
        en, _ = title_spans(text, 0, len(text))
        assert text[en[0] : en[1]] == "Sparse Routers for Long Context"


def test_heading_title_with_its_bare_address(tmp_path):
    text = (
        '---\ntitle: "Reading in March"\ndate: 2026-03-20\ntags: ["arxiv"]\n---\n\n'
        "### Sparse Routers for Long Context (https://arxiv.org/abs/2603.00001)\n\n"
        "A note on why this matters to me.\n\n"
        "### Dense Retrieval at Scale (https://arxiv.org/abs/2603.00002)\n\nAnother note.\n"
    )
    recs = _records(tmp_path, text, "post.md")
    assert [(r.title, r.arxiv_id) for r in recs] == [
        ("Sparse Routers for Long Context", "2603.00001"),
        ("Dense Retrieval at Scale", "2603.00002"),
    ]


# ---------------------------------------------------------------- feeds mixing news and papers


def test_arxiv_tags_in_any_case_are_categories():
    assert find_category("arxiv_lg")[2] == "LG"
    assert find_category("arXiv_CV, arXiv_AI", strict=True)[2] == "CV"
    assert normalize_category("ARXIV_cl") == "CL"
    assert find_category("HackerNews") is None


def test_feed_items_linking_no_paper_are_news_not_papers(tmp_path):
    text = (
        "# Daily AI Paper\n\n## Page 1: Models\n\n"
        "### 1. Startup Ships a Faster Chatbot\n\n**Source:** HackerNews\n"
        "**Link:** https://example.com/blog/faster-chatbot\n**Category:** Models\n\n"
        "A company announced a faster chatbot.\n\n---\n\n"
        "### 2. Routers Learn to Skip Tokens\n\n**Source:** arxiv_cl\n"
        "**Link:** https://arxiv.org/abs/2603.00003\n**Category:** Models\n\n"
        "Researchers show routers that skip tokens.\n\n---\n\n"
        "### 3. A Library for Graph Layouts\n\n**Source:** github\n"
        "**Link:** https://github.com/example/graphs\n**Category:** Models\n\n"
        "A new library.\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.arxiv_id, r.category) for r in recs] == [("Routers Learn to Skip Tokens", "2603.00003", "CL")]


def test_items_of_a_digest_linking_no_paper_stay_when_no_item_links_one(tmp_path):
    # Without a paper link anywhere the digest gives no ground to call any item news.
    text = (
        "### Sparse Routers for Long Context\n\n- Authors: Alice Zhang\n- Link: https://example.org/a.pdf\n\n"
        "### Dense Retrieval at Scale\n\n- Authors: Bob Stone\n- Link: https://example.org/b.pdf\n"
    )
    assert len(_records(tmp_path, text)) == 2


# ---------------------------------------------------------------- YAML data files


YAML = (
    "intro_text:\n\narticles:\n"
    '    - title: "Sparse Routers for Long Context"\n'
    '      url: "https://arxiv.org/abs/2603.00001"\n'
    '      type: "paper"\n'
    '      lab: "Example University, Example Research Lab"\n'
    '      quote: "We route tokens sparsely."\n\n'
    '    - title: "How We Built Our Chatbot"\n'
    '      url: "https://example.com/blog/chatbot"\n'
    '      type: "blog"\n'
    '      lab: "Example Corp"\n\n'
    '    - title: "Dense Retrieval at Scale"\n'
    '      url: "https://arxiv.org/abs/2603.00002"\n'
    '      type: "paper"\n'
    '      lab: "Example Institute"\n'
)


def test_yaml_items_are_entries_and_their_type_says_which_are_papers(tmp_path):
    recs = _records(tmp_path, YAML, "week_001.yml")
    assert [(r.title, r.arxiv_id, r.line) for r in recs] == [
        ("Sparse Routers for Long Context", "2603.00001", 4),
        ("Dense Retrieval at Scale", "2603.00002", 15),
    ]
    assert [i.name for i in recs[0].institutions] == ["Example University", "Example Research Lab"]


def test_yaml_that_is_not_a_list_of_items_is_not_read_as_one(tmp_path):
    # A configuration file: mappings without a title key are no paper items.
    text = "jobs:\n    - name: build\n      run: make\n    - name: test\n      run: make test\n"
    assert _records(tmp_path, text, "ci.yml") == []


def test_table_rows_of_a_mixed_feed_that_link_no_paper_are_news(tmp_path):
    text = (
        "# 机器人日报 2026-03-02\n\n| 时间(UTC) | 标题 | 来源 |\n|---|---|---|\n"
        "| 2026-03-02 08:10 | [某公司发布新款机器人](https://news.example.com/a/123) | news.example.com |\n"
        "| 2026-03-02 07:55 | [Sparse Routers for Long Context](https://arxiv.org/abs/2603.00001) | export.arxiv.org |\n"
        "| 2026-03-02 07:30 | [机器人创业公司完成融资](https://tech.example.cn/p/9) | tech.example.cn |\n"
        "| 2026-03-02 06:12 | [Dense Retrieval at Scale](http://arxiv.org/abs/2603.00002v1) | export.arxiv.org |\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.arxiv_id) for r in recs] == [
        ("Sparse Routers for Long Context", "2603.00001"),
        ("Dense Retrieval at Scale", "2603.00002"),
    ]


def test_rows_linking_a_publisher_page_stay_papers_beside_arxiv_rows(tmp_path):
    text = (
        "| Title | Venue |\n|---|---|\n"
        "| [Sparse Routers for Long Context](https://arxiv.org/abs/2603.00001) | arXiv 2026 |\n"
        "| [Guiding Intuition with Machine Learning](https://www.nature.com/articles/s41586-000-0000-0) | Nature 2021 |\n"
        "| [Counting Primes with Agents](https://doi.org/10.1000/example.1) | Journal 2026 |\n"
    )
    assert len(_records(tmp_path, text)) == 3


# ---------------------------------------------------------------- tables that name no title column


def test_table_whose_header_names_no_title_column_takes_it_from_the_paper_links(tmp_path):
    text = (
        "| Date | Item | Where |\n|---|---|---|\n"
        "| 2026-03-02 | Sparse Routers for Long Context | [arXiv](https://arxiv.org/abs/2603.00001) |\n"
        "| 2026-03-03 | Dense Retrieval at Scale | [arXiv](https://arxiv.org/abs/2603.00002) |\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.arxiv_id, r.date) for r in recs] == [
        ("Sparse Routers for Long Context", "2603.00001", "2026-03-02"),
        ("Dense Retrieval at Scale", "2603.00002", "2026-03-03"),
    ]


def test_table_with_an_empty_header_and_bare_addresses(tmp_path):
    text = (
        "|  |  |  |\n|---|---|---|\n"
        "| 1 | Sparse Routers for Long Context | https://arxiv.org/abs/2603.00001 |\n"
        "| 2 | Dense Retrieval at Scale | https://arxiv.org/abs/2603.00002 |\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.arxiv_id, r.line) for r in recs] == [
        ("Sparse Routers for Long Context", "2603.00001", 3),
        ("Dense Retrieval at Scale", "2603.00002", 4),
    ]


def test_table_of_rows_without_papers_is_not_read_as_papers(tmp_path):
    text = "| Name | Role |\n|---|---|\n| Alice Zhang | maintainer of the docs |\n| Bob Stone | release manager |\n"
    assert all(r.title not in ("maintainer of the docs", "release manager") for r in _records(tmp_path, text))


# ---------------------------------------------------------------- category lines, numbered headings


def test_a_line_of_category_links_under_a_title_is_the_category(tmp_path):
    text = (
        "# 1. Sparse Routers for Long Context\n\nAlice Zhang, Bob Stone\n\n"
        "- links: [abs](https://arxiv.org/abs/2603.00001) | [pdf](https://arxiv.org/pdf/2603.00001)\n"
        "[cs.CL](https://arxiv.org/list/cs.CL/recent) | [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n"
        "We route tokens sparsely.\n\n"
        "# 2. Dense Retrieval at Scale\n\nCarla Diaz\n\n"
        "- links: [abs](https://arxiv.org/abs/2603.00002) | [pdf](https://arxiv.org/pdf/2603.00002)\n"
        "[stat.ML](https://arxiv.org/list/stat.ML/recent)\n\nWe retrieve densely.\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.category) for r in recs] == [
        ("Sparse Routers for Long Context", "CL"),
        ("Dense Retrieval at Scale", "ML"),
    ]


def test_words_that_look_like_codes_are_no_category_line():
    from kg.parse.categories import category_line

    assert category_line("[cs.CV] [cs.AI]")[2] == "CV"
    assert category_line("arxiv_lg, arxiv_ai")[2] == "LG"
    assert category_line("AI | ML") is None
    assert category_line("cs.LG models are everywhere") is None


# ---------------------------------------------------------------- one-line posts


def test_one_line_posts_are_one_entry_each(tmp_path):
    text = (
        "Sparse Routers for Long Context https://arxiv.org/abs/2603.00001\n"
        "Dense Retrieval at Scale https://arxiv.org/abs/2603.00002\n"
        "Learning to Walk with Diffusion Policies https://arxiv.org/abs/2603.00003\n"
    )
    recs = _records(tmp_path, text, "posts.txt")
    assert [(r.title, r.arxiv_id, r.line) for r in recs] == [
        ("Sparse Routers for Long Context", "2603.00001", 1),
        ("Dense Retrieval at Scale", "2603.00002", 2),
        ("Learning to Walk with Diffusion Policies", "2603.00003", 3),
    ]


def test_a_paragraph_about_one_paper_stays_one_entry(tmp_path):
    text = "Segment Anything\nAlexander Kirillov, Eric Mintun, Nikhila Ravi\nhttps://arxiv.org/abs/2304.02643\n"
    recs = _records(tmp_path, text, "one.txt")
    assert [(r.title, r.arxiv_id) for r in recs] == [("Segment Anything", "2304.02643")]


def test_what_a_post_writes_around_a_title_is_not_part_of_it():
    for text in (
        "2026-03-02 📄 Sparse Routers for Long Context https://arxiv.org/abs/2603.00001 #LLM",
        "🔥 Sparse Routers for Long Context — https://arxiv.org/abs/2603.00001",
        "Sparse Routers for Long Context (Alice Zhang et al.)",
    ):
        en, _ = title_spans(text, 0, len(text))
        assert text[en[0] : en[1]] == "Sparse Routers for Long Context"
    text = "2.5 Years in Class: A Multimodal Textbook"
    en, _ = title_spans(text, 0, len(text))
    assert text[en[0] : en[1]] == text


# ---------------------------------------------------------------- titles in emphasis with their authors; HTML lists


def test_list_item_title_then_dash_and_authors(tmp_path):
    text = (
        "1. **Sparse Routers for Long Context** — Alice Zhang, Bob Stone. [arXiv](https://arxiv.org/abs/2603.00001)\n"
        "2. **Dense Retrieval at Scale** — Carla Diaz et al. [arXiv](https://arxiv.org/abs/2603.00002)\n"
    )
    recs = _records(tmp_path, text)
    assert [([a.name for a in r.authors], r.authors_truncated) for r in recs] == [
        (["Alice Zhang", "Bob Stone"], False),
        (["Carla Diaz"], True),
    ]


def test_paragraph_led_by_a_bold_title_and_its_authors(tmp_path):
    text = (
        "This week's papers.\n\n"
        "**Sparse Routers for Long Context.** Alice Zhang, Bob Stone. *arXiv 2026.* [link](https://arxiv.org/abs/2603.00001)\n\n"
        "**Dense Retrieval at Scale.** Carla Diaz. *ICML 2026.* [link](https://arxiv.org/abs/2603.00002)\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, [a.name for a in r.authors], r.arxiv_id) for r in recs] == [
        ("Sparse Routers for Long Context", ["Alice Zhang", "Bob Stone"], "2603.00001"),
        ("Dense Retrieval at Scale", ["Carla Diaz"], "2603.00002"),
    ]


def test_an_html_page_is_read_through_its_tags(tmp_path):
    text = (
        "<h2>Papers</h2>\n<ul>\n"
        '<li><a href="https://arxiv.org/abs/2603.00001">Sparse Routers for Long Context</a> — Alice Zhang, Bob Stone</li>\n'
        '<li><a href="https://arxiv.org/abs/2603.00002">Dense Retrieval at Scale</a> — Carla Diaz</li>\n</ul>\n'
    )
    recs = _records(tmp_path, text, "page.html")
    assert [(r.title, r.arxiv_id, [a.name for a in r.authors]) for r in recs] == [
        ("Sparse Routers for Long Context", "2603.00001", ["Alice Zhang", "Bob Stone"]),
        ("Dense Retrieval at Scale", "2603.00002", ["Carla Diaz"]),
    ]
