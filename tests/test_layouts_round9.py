"""Entry, title and date rules prompted by the ninth round of real digests (issue 11):
a GitBook paper list (venue tag, title, label links), a notes list (``Surname et al.
Year``, italic titles, some unlinked), a feed page of collected social-media posts, a
weekly on a docs site (linked headings with a score line), a daily feed page with field
bullets, and the seventh round's leftovers. Written with invented text in the shape of
those digests, so that each rule is checked on its own and for every digest of that kind."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.titles import title_spans


def _title(text: str) -> str:
    en, _ = title_spans(text, 0, len(text))
    return text[en[0] : en[1]]


# ---------------------------------------------------------------- a GitBook paper list


def test_venue_tag_before_a_title_is_not_the_title():
    assert _title("[NIPS22] ✅ Sparse Routers: Long Context at Scale") == "Sparse Routers: Long Context at Scale"
    assert _title("【CVPR'23】 Dense Retrieval for Maps") == "Dense Retrieval for Maps"
    assert _title("[ICLR 2024] Dense Retrieval for Maps.") == "Dense Retrieval for Maps"
    # A bracket that is no venue and year stays: it is the title's own.
    assert _title("[Re] Reproducing Dense Retrieval") == "[Re] Reproducing Dense Retrieval"
    assert _title("[NIPS22]") == "[NIPS22]"  # nothing after it: nothing to take


def test_gitbook_list_venue_title_and_label_links(tmp_path):
    text = (
        "## Planning\n"
        "- [NIPS22] ✅ Sparse Routers: Long Context at Scale [paper](https://arxiv.org/abs/2207.00001)"
        " [note](../../Notes/NIPS22/Sparse-Routers.md)\n"
        "- [arXiv24] Tree Search for Tool Agents. [paper](https://arxiv.org/abs/2402.00002)"
        " [code](https://github.com/ann/treesearch)\n"
        "- [ICLR23] Dense Retrieval Without Labels [paper](https://arxiv.org/abs/2210.00003) | [笔记](notes/dr.md)\n"
        "\n## Memory\n"
        "- [arXiv24] A Memory for Agents [paper](https://arxiv.org/abs/2401.00004)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == [
        "Sparse Routers: Long Context at Scale",
        "Tree Search for Tool Agents",
        "Dense Retrieval Without Labels",
        "A Memory for Agents",
    ]
    assert [r.arxiv_id for r in recs] == ["2207.00001", "2402.00002", "2210.00003", "2401.00004"]
    # A relative link to a reader's note is no URL of the paper.
    assert recs[0].urls == ("https://arxiv.org/abs/2207.00001",)


# ---------------------------------------------------------------- a notes list


def test_notes_list_reference_before_the_title_names_the_authors(tmp_path):
    text = (
        "## Foundations\n"
        "- Lee et al. 2014 — [*Sparse Routers for Long Context*](https://arxiv.org/abs/1409.00001) started it.\n"
        "- Chen and Dorn 2018 — [*Dense Retrieval Without Labels*](https://arxiv.org/abs/1810.00002) made it work.\n"
        "- Routing compares every token pair, so it is order-agnostic.\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers for Long Context", "Dense Retrieval Without Labels"]
    assert [[a.name for a in r.authors] for r in recs] == [["Lee"], ["Chen", "Dorn"]]
    assert recs[0].authors_truncated and not recs[1].authors_truncated


def test_notes_list_unlinked_title_in_the_style_of_the_linked_ones(tmp_path):
    text = (
        "## Evaluation\n"
        "- *Measuring Code Summaries With Humans* (ACL 2024) — coverage of summary quality.\n"
        "- [*Sparse Routers for Long Context*](https://arxiv.org/abs/2409.00001).\n"
        "- [*Dense Retrieval Without Labels*](https://arxiv.org/abs/2406.00002).\n"
        "- *CAN AGENTS STILL PLAN?* — a commentary on planning tasks.\n"
        "- Self-attention is *order agnostic by design*, which matters here.\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.line, r.title) for r in recs] == [
        (2, "Measuring Code Summaries With Humans"),
        (3, "Sparse Routers for Long Context"),
        (4, "Dense Retrieval Without Labels"),
        (5, "CAN AGENTS STILL PLAN?"),
    ]
    assert recs[0].arxiv_id is None and recs[0].urls == ()


def test_unlinked_italic_item_alone_is_no_paper(tmp_path):
    # Without linked papers in that style the list says nothing about its italic items.
    text = (
        "## Reading\n"
        "- *Measuring Code Summaries With Humans* — worth a look.\n"
        "- [Sparse Routers for Long Context](https://arxiv.org/abs/2409.00001)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers for Long Context"]


# ---------------------------------------------------------------- a daily feed page with field bullets


def test_feed_page_title_restated_in_the_notes_is_one_entry(tmp_path):
    text = (
        "# Daily Vision Feed\n\nLast updated: 2026-07-02 13:10\n\n## 今日优先读\n\n"
        "1. **Sparse Routers: Long Context at Scale**\n"
        "   - Source: arXiv, 2026-06-30\n"
        "   - Authors: Ann Lee, Bo Chen et al.\n"
        "   - Links: [paper](http://arxiv.org/abs/2606.00001v1) / [pdf](http://arxiv.org/pdf/2606.00001v1)\n"
        "   - 论文：Sparse Routers: Long Context at Scale\n"
        "   - 一句话总结：We route tokens sparsely.\n"
        "   - 方法核心：稀疏路由。\n\n"
        "2. **Dense Retrieval Without Labels**\n"
        "   - Source: arXiv, 2026-07-01\n"
        "   - Authors: Cy Dorn\n"
        "   - Links: [paper](http://arxiv.org/abs/2607.00002v1)\n"
        "   - 论文：Dense Retrieval Without Labels\n"
        "   - 方法核心：无标签检索。\n"
    )
    recs = _records(tmp_path, text, name="literature.md")
    assert [(r.line, r.title) for r in recs] == [(7, "Sparse Routers: Long Context at Scale"), (15, "Dense Retrieval Without Labels")]
    # The day the source gave each item, not the page's update time.
    assert [r.date for r in recs] == ["2026-06-30", "2026-07-01"]
    assert [[a.name for a in r.authors] for r in recs] == [["Ann Lee", "Bo Chen"], ["Cy Dorn"]]


def test_a_different_title_field_still_opens_an_entry(tmp_path):
    text = (
        "**Sparse Routers for Long Context**\n- Authors: Ann Lee\n- Links: [paper](https://arxiv.org/abs/2606.00001)\n\n"
        "- 论文：Dense Retrieval Without Labels\n- Authors: Bo Chen\n- Links: [paper](https://arxiv.org/abs/2606.00002)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers for Long Context", "Dense Retrieval Without Labels"]


def test_unknown_key_first_then_a_date_field_on_one_line(tmp_path):
    text = (
        "# 精选论文 - 2026-05-20\n\n"
        "### 1. **[Sparse Routers for Long Context](https://arxiv.org/abs/2605.00001v1)**\n"
        "- **评分**: ⭐ 88/100 | **日期**: 2026-05-18\n"
        "- **作者**: Ann Lee, Bo Chen\n\n"
        "### 2. **[Dense Retrieval Without Labels](https://arxiv.org/abs/2605.00002v1)**\n"
        "- **评分**: ⭐ 80/100 | **日期**: 2026-05-17\n"
        "- **作者**: Cy Dorn\n"
    )
    recs = _records(tmp_path, text)
    assert [r.date for r in recs] == ["2026-05-18", "2026-05-17"]
    assert [r.title_zh for r in recs] == [None, None]  # the score line is no translation


# ---------------------------------------------------------------- dates


def test_date_line_closing_an_entry_dates_that_entry_only(tmp_path):
    text = (
        "**Sparse Routers for Long Context** \\\n*Ann Lee, Bo Chen* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2304.00001)] \\\n27 Apr 2023\n\n"
        "**Dense Retrieval Without Labels** \\\n*Cy Dorn, Di Eck* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2303.00002)] \\\n1 Mar 2023\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.date) for r in recs] == [
        ("Sparse Routers for Long Context", "2023-04-27"),
        ("Dense Retrieval Without Labels", "2023-03-01"),
    ]


def test_reading_log_date_before_the_linked_title(tmp_path):
    text = (
        "**06/22/2020** [Sparse Routers for Long Context](./notes/routers.md) A.Lee, B.Chen [pdf](https://arxiv.org/pdf/1803.00001.pdf)\n\n"
        "**12/10/2020** [Dense Retrieval Without Labels](./notes/dense.md) C.Dorn [pdf](https://arxiv.org/pdf/1506.00002.pdf)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.date for r in recs] == ["2020-06-22", "2020-12-10"]


# ---------------------------------------------------------------- round 7 leftovers


def test_gloss_after_a_title_is_not_the_title():
    assert _title("Language Models are Few-Shot Learners (GPT-3)") == "Language Models are Few-Shot Learners"
    assert _title("ESFM: Earth System Foundation Model (ETH Domain)") == "ESFM: Earth System Foundation Model"
    # The abbreviation of the title's own words, a translation, a number: kept, or split off as before.
    assert _title("Sparse Mixture of Experts (MoE)") == "Sparse Mixture of Experts (MoE)"
    assert _title("Trust in Explainable AI (xAI)") == "Trust in Explainable AI (xAI)"
    assert _title("Sparse Routers for Long Context (2023)") == "Sparse Routers for Long Context (2023)"
    assert title_spans("Sparse Routers（稀疏路由）", 0, 19)[1] is not None
    assert _title("Short Name (GPT-3)") == "Short Name (GPT-3)"  # too short to tell a gloss from a name


def test_gloss_stays_in_the_entry_for_its_model(tmp_path):
    text = (
        "1. **[Language Models are Few-Shot Learners (GPT-3)](https://arxiv.org/abs/2005.14165)**\n"
        "   - Brown et al., 2020\n\n"
        "2. **[Sparse Mixture of Experts (MoE)](https://arxiv.org/abs/2101.03961)**\n"
        "   - Fedus et al., 2021\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Language Models are Few-Shot Learners", "Sparse Mixture of Experts (MoE)"]
    assert "GPT-3" in [m.name for m in recs[0].models]


def test_one_line_paragraph_shaped_like_the_page_items_is_an_item(tmp_path):
    text = (
        "Sparse Routers for Long Context : https://arxiv.org/abs/1611.00001\n\n"
        "<b> Models </b>\n\n"
        "- Dense Retrieval Without Labels : https://arxiv.org/abs/1512.00002\n"
        "- Tree Search for Tool Agents : https://arxiv.org/abs/1405.00003\n\n"
        "### Diffusion\n\n"
        "Diffusion: 2112.00004. **Latent Diffusion at Scale**. Ann Lee et al | [abs](https://arxiv.org/abs/2112.00004)\n\n"
        "### Adapters\n\n"
        "- LoRA: 2106.00005. **Low-Rank Adapters for Language Models**. Bo Chen et al | [abs](https://arxiv.org/abs/2106.00005)\n"
        "- VA: 2205.00006. **Vision Adapters for Dense Predictions**. Cy Dorn et al | [abs](https://arxiv.org/abs/2205.00006)\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.line, r.title) for r in recs] == [
        (1, "Sparse Routers for Long Context"),
        (5, "Dense Retrieval Without Labels"),
        (6, "Tree Search for Tool Agents"),
        (10, "Latent Diffusion at Scale"),
        (14, "Low-Rank Adapters for Language Models"),
        (15, "Vision Adapters for Dense Predictions"),
    ]


def test_prose_paragraph_that_cites_a_paper_is_no_item(tmp_path):
    text = (
        "We keep the list below; see [our survey of routers](https://arxiv.org/abs/1611.00001) for more.\n\n"
        "- [Dense Retrieval Without Labels](https://arxiv.org/abs/1512.00002)\n"
        "- [Tree Search for Tool Agents](https://arxiv.org/abs/1405.00003)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Dense Retrieval Without Labels", "Tree Search for Tool Agents"]


# ---------------------------------------------------------------- a weekly on a docs site


def test_local_paper_page():
    from kg.parse.base import local_paper_page

    assert local_paper_page("../../papers/arxiv-2607.18141/") and local_paper_page("2026-07-14/2607.05394.md")
    assert not local_paper_page("https://arxiv.org/abs/2607.18141")  # arXiv's page: a paper link, not a local one
    assert not local_paper_page("notes/routers.md") and not local_paper_page("../2023.12345/")  # no month 23


def test_docs_site_weekly_headings_link_the_sites_paper_pages(tmp_path):
    text = (
        "---\ntitle: \"论文周报 · 2026-W32\"\ndescription: \"2026-08-01 至 2026-08-07\"\n---\n\n"
        "> 收录 4 篇，精选 2 篇。\n\n## 本周精选\n\n"
        "### [Sparse Routers for Long Context](../../papers/arxiv-2607.00001/)\n\n"
        "**49/100 · AI 基础设施 > 资源解耦**\n\nLong-context workloads reuse context.\n\n"
        "### [Dense Retrieval Without Labels](../../papers/arxiv-2601.00002/)\n\n"
        "**48/100 · 高效推理 > 蒸馏**\n\nRetrieval needs no labels.\n\n"
        "## 其他收录\n\n| 论文 | 分类 | 评分 |\n|---|---|---:|\n"
        "| [Tree Search for Tool Agents](../../papers/arxiv-2510.00003/) | 高效推理 | 47 |\n"
        "| [A Memory for Agents](../../papers/arxiv-2607.00004/) | 高效推理 | 44 |\n"
    )
    recs = _records(tmp_path, text, name="2026-w32.md")
    assert [(r.line, r.title) for r in recs] == [
        (10, "Sparse Routers for Long Context"),
        (16, "Dense Retrieval Without Labels"),
        (26, "Tree Search for Tool Agents"),
        (27, "A Memory for Agents"),
    ]
    # The id in the site's path names no arXiv paper, and the page is no URL of it.
    assert [r.arxiv_id for r in recs] == [None] * 4 and [r.urls for r in recs] == [()] * 4
    # The weekly's range dates its items by its first day.
    assert {r.date for r in recs} == {"2026-08-01"}


def test_headed_news_linking_no_paper_page_are_no_papers(tmp_path):
    text = (
        "## 本周新闻\n\n"
        "### [A New Chip for Long Context Serving](../../news/chip/)\n\nA vendor ships a chip.\n\n"
        "### [Dense Retrieval Goes Open Source](../../news/retrieval/)\n\nA library is released.\n"
    )
    assert _records(tmp_path, text) == []


def test_linked_item_in_an_emphasised_list_is_what_its_link_is(tmp_path):
    text = (
        "1. **[Sparse Routers for Long Context](https://arxiv.org/abs/1706.00001)**\n   - Lee et al., 2017\n\n"
        "2. **[Dense Retrieval Without Labels](https://arxiv.org/abs/2005.00002)**\n   - Chen et al., 2020\n\n"
        "3. **[The Illustrated Router (Blog)](https://example.org/illustrated-router/)**\n   - Cy Dorn, 2018\n"
    )
    assert [r.title for r in _records(tmp_path, text)] == ["Sparse Routers for Long Context", "Dense Retrieval Without Labels"]


# ---------------------------------------------------------------- a feed of collected social posts


def test_post_title():
    from kg.parse.titles import post_title

    def run(t):
        got = post_title(t, 0, len(t))
        return t[got[0] : got[1]] if got else None

    assert run("Sparse Routers: Long Context at Scale 网页链接该论文提出了一种稀疏路由方法，旨在解决…") == "Sparse Routers: Long Context at Scale"
    assert run("Dense Retrieval Is All You Need. O网页链接本文研究了检索") == "Dense Retrieval Is All You Need."
    assert run("Tree Search for Tool Agents 本文提出了一种树搜索方法，让工具智能体在复杂任务中规划得更好。") == "Tree Search for Tool Agents"
    # A name before the post, hashtags, a title with its translation, a sentence: no post title.
    assert run("AMiner——新一代智能型科技情报挖掘与服务系统，能够为你提供查找论文") is None
    assert run("#CVPR2025奖出炉#CVPR 2025奖项出炉！青年学者奖揭晓，表彰计算机视觉领域的贡献") is None
    assert run("Native 3D Latent Editing（原生 3D 潜空间编辑）") is None
    assert run("Attention Is All You Need 论文精读") is None
    assert run("We propose a new router. It is fast 网页链接") is None
    assert run("OpenAI Releases a New Reasoning Model 网页链接今天发布了新一代推理模型") is None  # news


def test_feed_of_collected_posts(tmp_path):
    item = (
        "### [{head}](2025-06-16/{page}.md)\n\n**摘要**: {summary}\n\n"
        "**原始链接**: [查看原文](https://weibo.com/1870858943/{post})\n**收录时间**: 2025-06-16 03:29\n\n---\n\n"
    )
    text = "# 最新信息\n\n按日期组织的内容集合。\n\n## 最新内容\n\n" + "".join(
        item.format(head=h, page=f"p{k}", summary=s, post=f"P{k}")
        for k, (h, s) in enumerate([
            ("AMiner——新一代智能型科技情报挖掘与服务系统，提供一站式服务...", "AMiner是一个智能科技情报挖掘平台。"),
            ("Sparse Routers: Hardware-Aligned Sparse Routing 网页链接该论文提出了一种稀疏路由机制，旨在解决...", "该论文提出了稀疏路由。"),
            ("#CVPR2025奖出炉#CVPR 2025奖项出炉！青年学者奖揭晓，表彰他们在计算机视觉...", "CVPR 2025奖项揭晓。"),
            ("Dense Retrieval at Initialization is All You Need. 网页链接本文质疑了检索中标签的必要性...", "这篇论文提出了无标签检索。"),
        ])
    )
    recs = _records(tmp_path, text, name="README.md")
    assert [r.title for r in recs] == ["Sparse Routers: Hardware-Aligned Sparse Routing", "Dense Retrieval at Initialization is All You Need"]
    assert [r.title_zh for r in recs] == [None, None]  # the post's text translates nothing
    assert [r.urls for r in recs] == [("https://weibo.com/1870858943/P1",), ("https://weibo.com/1870858943/P3",)]
    assert [r.date for r in recs] == ["2025-06-16", "2025-06-16"]  # the collection time


def test_venue_tag_with_a_word_after_its_year():
    assert _title("[CVPR 2024 Oral] Sparse Routers for Long Context") == "Sparse Routers for Long Context"
    assert _title("[ACL'24 Findings] Dense Retrieval Without Labels") == "Dense Retrieval Without Labels"
    assert _title("(NeurIPS 2022) Dense Retrieval Without Labels") == "Dense Retrieval Without Labels"
    assert _title("(Re)Thinking Dense Retrieval") == "(Re)Thinking Dense Retrieval"


def test_dates_written_as_words():
    from kg.parse.dates import find_date

    assert find_date("Lee, A. and Chen, B., 2018, January. Sparse routers.")[2] == "2018-01"
    assert find_date("Published: March 2023")[2] == "2023-03"
    assert find_date("we may 2023 see more") is None  # a verb, not a month


def test_harvard_reference_month_dates_the_entry(tmp_path):
    text = (
        "# References\n\n"
        "Lee, A. and Chen, B., 2018, January. Sparse routers for long context. In Conference on routing (pp. 77-91). PMLR.\n\n"
        "Dorn, C., 2017. Dense retrieval without labels. Journal of Retrieval, 22(1), pp.89-115.\n\n"
        "Eck, D., Fox, E. and Gray, F., 2010, April. Tree search for tool agents. In Proceedings of the Web Conference (pp. 811-820).\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.date) for r in recs] == [
        ("Sparse routers for long context", "2018-01"),
        ("Dense retrieval without labels", None),
        ("Tree search for tool agents", "2010-04"),
    ]


def test_reading_note_read_on_field_dates_it(tmp_path):
    text = (
        "### Sparse Routers for Long Context\n\nRead on: 2020-01-21  \nTime spent: *180* minutes  \n"
        "Link to pdf: http://arxiv.org/abs/1612.00001  \n\nWe route tokens sparsely.\n"
    )
    assert [r.date for r in _records(tmp_path, text)] == ["2020-01-21"]


def test_notes_list_styled_titles_after_a_lead_reference_count_too(tmp_path):
    text = (
        "## Retrieval\n"
        "- Lee et al. (2020) — [*Sparse Routers for Long Context*](https://arxiv.org/abs/2005.00001): the first.\n"
        "- Chen et al. 2020 — [*Dense Retrieval Without Labels*](https://arxiv.org/abs/2004.00002).\n"
        "- *Tree Search for Tool Agents* (TSA) — generate then search.\n"
        "- **Why read these three**: they started it.\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers for Long Context", "Dense Retrieval Without Labels", "Tree Search for Tool Agents"]
    assert [[a.name for a in r.authors] for r in recs] == [["Lee"], ["Chen"], []]


def test_a_paper_listed_twice_by_title_fields_is_two_entries(tmp_path):
    text = (
        "- 标题：Sparse Routers for Long Context\n- 作者：Ann Lee\n- 链接：https://arxiv.org/abs/2606.00001\n\n"
        "- 标题：Sparse Routers for Long Context\n- 作者：Ann Lee\n- 链接：https://arxiv.org/abs/2606.00001\n"
    )
    assert [r.line for r in _records(tmp_path, text)] == [1, 5]


def test_day_separator_lines_still_date_the_entries_after_them(tmp_path):
    # Next to the closing date line above: a date line on its own between entries is a
    # day separator (reported as page metadata), which dates what follows it.
    text = (
        "2024年09月08日\n\n"
        "**Sparse Routers for Long Context**\n作者：Ann Lee\n摘要：We route tokens sparsely.\n\n"
        "2024年09月09日\n\n"
        "**Dense Retrieval Without Labels**\n作者：Bo Chen\n摘要：We retrieve without labels.\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.date) for r in recs] == [
        ("Sparse Routers for Long Context", "2024-09-08"),
        ("Dense Retrieval Without Labels", "2024-09-09"),
    ]


def test_feed_of_collected_posts_as_a_list(tmp_path):
    text = (
        "# 微博精选 2025-06-16\n\n"
        "- [Sparse Routers: Hardware-Aligned Sparse Routing O网页链接该论文提出了一种稀疏路由机制，旨在解决长文本处理的效率问题...](https://weibo.com/1/A)\n"
        "- [#AI新闻# 某公司发布新模型，性能大幅提升，引发业界广泛关注，各大厂商纷纷跟进...](https://weibo.com/1/C)\n"
        "- [Dense Retrieval Without Labels 本文提出了一种无需标注的稠密检索方法，在多个基准上取得了很好的效果...](https://weibo.com/1/B)\n"
        "- [Tree Search for Tool Agents 一种面向工具智能体的树搜索规划方法及其在多个复杂任务上的系统评测](https://arxiv.org/abs/2506.00003)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers: Hardware-Aligned Sparse Routing", "Dense Retrieval Without Labels", "Tree Search for Tool Agents"]
    # A linked paper's Chinese half is still its translation.
    assert [r.title_zh is not None for r in recs] == [False, False, True]
