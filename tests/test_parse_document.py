"""The document model (kg.parse.document) and the helpers every layout shares:
markup removed with exact offsets, link targets kept, front matter read as YAML,
Markdown told from plain text by content; categories, dates, author-line defects."""
from __future__ import annotations

import pytest

import kg
from kg.graph import build_graph, digest_keys
from kg.parse import parse
from kg.parse.categories import find_category, normalize_category
from kg.parse.dates import arxiv_month, find_date
from kg.parse.document import looks_like_markdown, read_document
from kg.parse.names import author_names
from kg.read import read_bytes

PAPERSCOOL_MD = (
    "# cs.CL @ 2024-05-14\n"
    "\n"
    "## [#1](https://arxiv.org/abs/2402.10200) [Chain-of-Thought Reasoning Without Prompting 无需提示的思维链推理](https://papers.cool/arxiv/2402.10200)\n"
    "\n"
    "**Authors**: [Xuezhi Wang](https://arxiv.org/search/?searchtype=author&query=Xuezhi Wang), "
    "[Denny Zhou](https://arxiv.org/search/?searchtype=author&query=Denny Zhou)\n"
    "\n"
    "**Subjects**: Computation and Language (cs.CL); Machine Learning (cs.LG)\n"
    "\n"
    "**Publish**: 2024-02-15 18:55:18 UTC\n"
)


def test_markup_removed_and_every_character_maps_back_to_the_file():
    doc = read_document("x.md", PAPERSCOOL_MD)
    assert doc.markdown
    for line in doc.lines:
        if line.origin is not None:
            assert "".join(line.raw[c] for c in line.origin) == line.text
    authors = doc.lines[4]
    assert authors.text == "Authors: Xuezhi Wang, Denny Zhou"
    assert [(authors.text[lk.start : lk.end], lk.url) for lk in authors.links] == [
        ("Xuezhi Wang", "https://arxiv.org/search/?searchtype=author&query=Xuezhi Wang"),
        ("Denny Zhou", "https://arxiv.org/search/?searchtype=author&query=Denny Zhou"),
    ]
    heading = doc.lines[2]
    assert heading.kind == "heading" and heading.level == 2
    assert heading.text[heading.start :].startswith("#1 Chain-of-Thought")


def test_markdown_paper_list_with_links():
    recs = kg.extract_paths([_write(PAPERSCOOL_MD)])
    assert len(recs) == 1
    r = recs[0]
    assert r.title == "Chain-of-Thought Reasoning Without Prompting"
    assert r.title_zh == "无需提示的思维链推理"
    assert [a.name for a in r.authors] == ["Xuezhi Wang", "Denny Zhou"]
    assert r.category == "CL"
    assert r.arxiv_id == "2402.10200"
    assert r.date == "2024-02-15"
    assert "https://arxiv.org/abs/2402.10200" in r.urls
    # Evidence spans are exact in the entry text.
    for a in r.authors:
        assert r.text[a.start : a.end] == a.name


def _write(text: str, name: str = "digest.md"):
    import tempfile
    from pathlib import Path

    d = Path(tempfile.mkdtemp(prefix="kg-doc-"))
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


POST = (
    "---\n"
    "layout: post\n"
    'title: "Segment Anything"\n'
    "date: 2023-04-05\n"
    "author: Alexander Kirillov, Eric Mintun, Nikhila Ravi\n"
    "categories: arXiv_CV\n"
    "tags: [arXiv_CV, Segmentation]\n"
    "---\n"
    "\n"
    "##### Abstract\n"
    "We introduce the Segment Anything (SA) project: a new task, model, and dataset for image segmentation.\n"
    "\n"
    "##### URL\n"
    "https://arxiv.org/abs/2304.02643\n"
)


def test_static_site_post_is_one_entry_at_its_title_line():
    res = parse(read_bytes(POST.encode(), "2023-04-05-segment-anything.md"))
    assert res.layout == "frontmatter"
    assert [e.line for e in res.entries] == [3]
    rec = kg.extract_paths([_write(POST, "2023-04-05-segment-anything.md")])[0]
    assert rec.title == "Segment Anything"
    assert [a.name for a in rec.authors] == ["Alexander Kirillov", "Eric Mintun", "Nikhila Ravi"]
    assert rec.category == "CV"
    assert rec.date == "2023-04-05"
    assert rec.arxiv_id == "2304.02643"
    assert "arXiv_CV" not in {m.name for m in rec.models}


def test_bad_front_matter_is_reported_not_raised():
    res = parse(read_bytes(b"---\ntitle: [unclosed\n---\nSome text\n", "p.md"))
    assert any("front matter" in u.reason for u in res.unassigned)


@pytest.mark.parametrize(
    "text, markdown",
    [
        ("1、[LG] Title\nS Salter, M Wulfmeier\n[DeepMind]\n", False),
        ("plain words and * a star\nmore plain words\n", False),
        ("## Title\n**作者**：张伟\n**机构**：清华大学\n", True),
        ("| Title | Authors |\n|---|---|\n| A | B |\n", True),
        ("---\ntitle: x\n---\nbody\n", True),
    ],
)
def test_markdown_is_told_from_plain_text_by_content(text, markdown):
    assert looks_like_markdown(text, "digest.txt") is markdown


def test_html_fragment_keeps_text_and_link_targets():
    doc = read_document("x.md", '# Papers\n\n<div><a href="https://arxiv.org/abs/2304.02643">Segment Anything</a></div>\n')
    line = doc.lines[2]
    assert line.text == "Segment Anything"
    assert [lk.url for lk in line.links] == ["https://arxiv.org/abs/2304.02643"]


@pytest.mark.parametrize(
    "value, code",
    [
        ("Computation and Language (cs.CL); Machine Learning (cs.LG)", "CL"),
        ("cs.LG", "LG"),
        ("[LG]", "LG"),
        ("arXiv_CV", "CV"),
        ("eess.AS", "AS"),
        ("Audio and Speech Processing", "AS"),
        ("机器学习", "LG"),
    ],
)
def test_categories_normalised_to_one_code(value, code):
    got = find_category(value)
    assert got is not None and got[2] == code
    assert normalize_category("cs.LG") == normalize_category("LG")


@pytest.mark.parametrize(
    "text, iso",
    [
        ("发布时间: 2022-09-07 10:21", "2022-09-07"),
        ("Publish: 2024-02-15 18:55:18 UTC", "2024-02-15"),
        ("arXiv每日速递 2023年1月5日", "2023-01-05"),
        ("20220907.txt", "2022-09-07"),
        ("no date here", None),
        ("2022-13-45", None),
    ],
)
def test_dates(text, iso):
    got = find_date(text)
    assert (got[2] if got else None) == iso


def test_date_falls_back_to_the_arxiv_month():
    assert arxiv_month("2209.01947") == "2022-09"
    rec = kg.extract_paths([_write("1、[LG] Some Title Here\nS Salter, M Wulfmeier\nhttps://arxiv.org/abs/2209.01947\n", "d.txt")])[0]
    assert rec.date == "2022-09"
    assert rec.to_dict()["date"] == "2022-09"


@pytest.mark.parametrize(
    "line, names",
    [
        ("J O'Brien, B $Jones", ["J O'Brien", "B $Jones"]),
        ('J O\'Brien, B "Bo" Jones', ["J O'Brien", 'B "Bo" Jones']),
        ("Jane Doe, \u200fBo Li, Carl Wu", ["Jane Doe", "Bo Li", "Carl Wu"]),
        ("Jane Doe, Bo Li\\, Carl Wu", ["Jane Doe", "Bo Li\\", "Carl Wu"]),
    ],
)
def test_author_lines_with_stray_characters_or_bidi_controls_are_still_author_lines(line, names):
    got = author_names(line)
    assert got is not None and got[0] == names


def test_bidi_control_kept_in_the_value_but_names_unchanged():
    rec = kg.extract_paths([_write("1、[LG] Some Title Here\nJane Doe, \u200fBo Li\n", "d.txt")])[0]
    assert [a.name.replace("\u200f", "") for a in rec.authors] == ["Jane Doe", "Bo Li"]


def test_two_digests_with_one_name_are_two_digest_nodes(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "digest.txt").write_text(
            f"1、[LG] A Paper In Folder {sub.upper()}\nS Salter, M Wulfmeier\nhttps://arxiv.org/abs/2209.0194{ord(sub) - 96}\n",
            encoding="utf-8",
        )
    G = build_graph(kg.extract_paths([tmp_path]))
    digests = sorted(d["key"] for _, d in G.nodes(data=True) if d["label"] == "Digest")
    assert digests == ["a/digest.txt", "b/digest.txt"]
    papers = [d for _, d in G.nodes(data=True) if d["label"] == "Paper"]
    assert {p["date"] for p in papers} == {"2022-09"}
    assert digest_keys(["x/digest.txt"]) == {"x/digest.txt": "digest.txt"}


def test_affiliation_per_author_from_markers():
    text = (
        "1、[LG] A Study of Marked Affiliations In Digests\n"
        "Alice Smith1, Bob Jones2, Carol Wu1,2\n"
        "[1 MIT; 2 Stanford University]\n"
    )
    rec = kg.extract_paths([_write(text, "d.txt")])[0]
    assert [a.name for a in rec.authors] == ["Alice Smith", "Bob Jones", "Carol Wu"]
    assert [m.name for m in rec.institutions] == ["Massachusetts Institute of Technology", "Stanford University"]
    assert set(rec.author_institutions) == {
        (1, "Massachusetts Institute of Technology"),
        (2, "Stanford University"),
        (3, "Massachusetts Institute of Technology"),
        (3, "Stanford University"),
    }
    G = build_graph([rec])
    affiliated = sorted(
        (G.nodes[u]["name"], G.nodes[v]["name"])
        for u, v, k, d in G.edges(keys=True, data=True)
        if k == "AFFILIATED_WITH" and G.nodes[u]["label"] == "Author"
    )
    assert affiliated == [
        ("Alice Smith", "Massachusetts Institute of Technology"),
        ("Bob Jones", "Stanford University"),
        ("Carol Wu", "Massachusetts Institute of Technology"),
        ("Carol Wu", "Stanford University"),
    ]
    paper = next(n for n, d in G.nodes(data=True) if d["label"] == "Paper")
    author_edges = [d for u, _, k, d in G.edges(keys=True, data=True) if k == "AFFILIATED_WITH" and u.startswith("Author:")]
    assert len(author_edges) == 4 and all(d["paper"] == paper for d in author_edges)


def test_without_markers_an_author_gets_an_institution_only_when_there_is_one():
    text = "1、[LG] A Study of Unmarked Affiliations Here\nAlice Smith, Bob Jones\n[MIT & Stanford University]\n"
    rec = kg.extract_paths([_write(text, "d.txt")])[0]
    assert rec.author_institutions == ()
    G = build_graph([rec])
    assert not [1 for u, _, k in G.edges(keys=True) if k == "AFFILIATED_WITH" and G.nodes[u]["label"] == "Author"]


# --- layouts read from real digests (tests/data/real holds the files themselves) ----------
# The snippets below are cut to the shape of real files of the development set; the
# real files are scored by tests/test_layouts.py::test_real_dev_split_meets_the_structural_bars.


def _records(text: str, name: str = "digest.md"):
    return kg.extract_paths([_write(text, name)])


def test_awesome_list_items_with_quoted_titles_and_italic_institutions():
    text = (
        "#### MLP-Series\n"
        '* **RepMLP**: "RepMLP: Re-parameterizing Convolutions into Fully-connected Layers", arXiv, 2021 (*Megvii*). '
        "[[Paper](https://arxiv.org/abs/2105.01883)][[PyTorch](https://github.com/DingXiaoH/RepMLP)]\n"
        '* **gMLP**: "Pay Attention to MLPs", NeurIPS, 2021 (*Google*). [[Paper](https://arxiv.org/abs/2105.08050)]\n'
    )
    recs = _records(text)
    assert [(r.layout, r.title, r.arxiv_id) for r in recs] == [
        ("items", "RepMLP: Re-parameterizing Convolutions into Fully-connected Layers", "2105.01883"),
        ("items", "Pay Attention to MLPs", "2105.08050"),
    ]
    assert [m.name for m in recs[1].institutions] == ["Google"]
    assert recs[0].urls == ("https://arxiv.org/abs/2105.01883", "https://github.com/DingXiaoH/RepMLP")


def test_reading_log_items_with_authors_in_brackets_and_dated_headings():
    text = (
        "#### 20211108\n\n"
        "* :star: [EditGAN: High-Precision Semantic Image Editing](https://arxiv.org/pdf/2111.03186.pdf) (NVIDIA, MIT) NIPS\n"
        "* [Sliced Recursive Transformer](https://arxiv.org/pdf/2111.05297.pdf) (Eric Xing)\n"
        "  * We present a neat yet effective recursive operation on vision transformers.\n"
    )
    recs = _records(text)
    assert [r.title for r in recs] == ["EditGAN: High-Precision Semantic Image Editing", "Sliced Recursive Transformer"]
    assert [a.name for a in recs[1].authors] == ["Eric Xing"]
    assert {m.name for m in recs[0].institutions} == {"NVIDIA", "Massachusetts Institute of Technology"}
    assert [r.date for r in recs] == ["2021-11-08", "2021-11-08"]


def test_restructuredtext_reading_list():
    text = (
        "=====================\nKey Papers in Deep RL\n=====================\n\n"
        ".. contents:: Table of Contents\n    :depth: 2\n\n"
        ".. [#] `Playing Atari with Deep Reinforcement Learning <https://www.cs.toronto.edu/~vmnih/docs/dqn.pdf>`_, "
        "Mnih et al, 2013. **Algorithm: DQN.**\n\n"
        ".. [#] `Deep Recurrent Q-Learning for Partially Observable MDPs <https://arxiv.org/abs/1507.06527>`_, "
        "Hausknecht and Stone, 2015. **Algorithm: Deep Recurrent Q-Learning.**\n"
    )
    recs = _records(text, "keypapers.rst")
    assert [(r.title, [a.name for a in r.authors], r.authors_truncated) for r in recs] == [
        ("Playing Atari with Deep Reinforcement Learning", ["Mnih"], True),
        ("Deep Recurrent Q-Learning for Partially Observable MDPs", ["Hausknecht", "Stone"], False),
    ]
    assert recs[1].arxiv_id == "1507.06527"


def test_footnote_items_with_chinese_and_english_titles():
    text = (
        "[^3]: 量子假设检验的样本复杂度\n\n"
        "    Sample complexity of quantum hypothesis testing\n\n"
        "    [https://arxiv.org/abs/2403.17868](https://arxiv.org/abs/2403.17868)\n\n"
        "    本文研究了量子假设检验的样本复杂度。\n\n"
        "[^4]: 深度学习及其最新应用综述\n\n"
        "    A Survey on Deep Learning and State-of-the-arts Applications\n\n"
        "    arXiv:2403.17561v1 Announce Type: new  Abstract: Deep learning is a computational model.\n"
    )
    recs = _records(text)
    assert [(r.title, r.title_zh, r.arxiv_id) for r in recs] == [
        ("Sample complexity of quantum hypothesis testing", "量子假设检验的样本复杂度", "2403.17868"),
        ("A Survey on Deep Learning and State-of-the-arts Applications", "深度学习及其最新应用综述", "2403.17561"),
    ]


def test_html_table_rows_pasted_into_markdown():
    text = (
        "# cs.AI（2025-08-27）\n\n<table>\n<thead>\n"
        "<tr><th>#</th><th>题目</th><th>一句话要点</th></tr>\n</thead>\n<tbody>\n<tr>\n  <td>1</td>\n"
        '  <td><a href="./papers/x.html">SoK: Large Language Model Copyright Auditing via Fingerprinting</a></td>\n'
        "  <td>提出LLM指纹技术以解决版权审计问题</td>\n"
        '  <td><button data-arxiv-id="2508.19843v3">☆</button></td>\n</tr>\n</tbody>\n</table>\n'
    )
    recs = _records(text)
    assert [(r.layout, r.title, r.arxiv_id, r.urls, r.date) for r in recs] == [
        ("table", "SoK: Large Language Model Copyright Auditing via Fingerprinting", "2508.19843", (), "2025-08-27"),
    ]


def test_post_repeating_its_paper_with_glued_fields():
    text = (
        "---\nlayout: post\ntitle:  Fireact - Toward Language Agent Fine-tuning\ndate:   2023-10-09 16:03:30 +0800\n"
        "tags:   [Agent, AI, arXiv]\n---\n\n"
        "[arXiv](https://arxiv.org/abs/2310.05915) V1: [FIREACT](https://arxiv.org/pdf/2310.05915.pdf)\n\n"
        "作者：爱可可-爱生活\n\n"
        "FireAct: Toward Language Agent Fine-tuningB Chen, C Shu, E Shareghi[System2 Research & University of Cambridge]"
        "FireAct：语言Agent微调要点:提出FireAct，一种微调语言模型的新方法。\n"
    )
    rec = _records(text, "2023-10-09-fireact.markdown")[0]
    assert (rec.layout, rec.line) == ("frontmatter", 3)
    assert rec.title == "FireAct: Toward Language Agent Fine-tuning"
    assert rec.title_zh == "FireAct：语言Agent微调"
    assert [a.name for a in rec.authors] == ["B Chen", "C Shu", "E Shareghi"]
    assert [m.name for m in rec.institutions] == ["System2 Research", "University of Cambridge"]
    assert rec.category is None  # free tags ("AI") are not a category
    assert rec.date == "2023-10-09"


def test_table_title_cell_with_a_summary_keeps_the_bold_title():
    text = (
        "| **Paper** | **Links** |\n| --- | --- |\n"
        "| 1) **Toolformer: Language Models Can Teach Themselves to Use Tools** - introduces language models that "
        "teach themselves. | [Paper](https://arxiv.org/abs/2302.04761), [Tweet](https://twitter.com/x/status/1) |\n"
    )
    rec = _records(text)[0]
    assert rec.title == "Toolformer: Language Models Can Teach Themselves to Use Tools"
    assert rec.arxiv_id == "2302.04761"


def test_social_media_posts_take_their_date_from_the_metadata_line_after_them():
    text = (
        "【用GFlowNets统一生成式模型】《Unifying Generative Models with GFlowNets》D Zhang, R T. Q. Chen, N Malkin [Mila] (2022) "
        "http://t.cn/A6abc view:http://t.cn/A6abd\n"
        "微博位置: 北京\n"
        "发布时间: 2022-09-07 10:21\n"
        "点赞数: 12\n"
    )
    res = parse(read_bytes(text.encode(), "weibo.txt"))
    assert res.layout == "post"
    assert [e.date for e in res.entries] == ["2022-09-07"]
    assert {u.reason for u in res.unassigned} == {"post metadata"}


def test_newsletter_items():
    text = (
        "# This week in ML\n\n"
        "**Segment Anything**\n"
        "Authors: Alexander Kirillov, Eric Mintun, Nikhila Ravi\n"
        "Affiliations: Meta AI\n"
        "Abstract: We introduce the Segment Anything project.\n\n"
        "**Scaling Laws for Neural Language Models**\n"
        "Authors: Jared Kaplan, Sam McCandlish\n"
        "Affiliations: OpenAI; Johns Hopkins University\n"
        "Abstract: We study empirical scaling laws.\n"
    )
    recs = _records(text, "newsletter.md")
    assert [(r.layout, r.title, len(r.authors)) for r in recs] == [
        ("fields", "Segment Anything", 3),
        ("fields", "Scaling Laws for Neural Language Models", 2),
    ]
    assert [m.name for m in recs[1].institutions][:1] == ["OpenAI"]


def test_generic_fallback_finds_titles_authors_links_and_ids():
    text = (
        "Some notes I keep about papers.\n\n"
        "Segment Anything\n"
        "Alexander Kirillov, Eric Mintun, Nikhila Ravi\n"
        "https://arxiv.org/abs/2304.02643\n\n"
        "Just a thought without any paper in it, written as a sentence.\n"
    )
    res = parse(read_bytes(text.encode(), "notes.txt"))
    assert res.layout == "generic"
    rec = _records(text, "notes.txt")[0]
    assert (rec.title, [a.name for a in rec.authors], rec.arxiv_id) == (
        "Segment Anything", ["Alexander Kirillov", "Eric Mintun", "Nikhila Ravi"], "2304.02643"
    )
    assert any(u.reason == "not part of any entry" for u in res.unassigned)  # the notes are reported, not dropped


def test_post_with_a_yaml_block_list_of_authors():
    text = (
        '---\nlayout: post\ntitle: "Segment Anything"\nauthor:\n  - Alexander Kirillov\n  - Eric Mintun\n'
        "categories: arXiv_CV\n---\n\n##### Abstract\nWe introduce the Segment Anything project.\n\n"
        "##### URL\nhttps://arxiv.org/abs/2304.02643\n"
    )
    rec = _records(text, "p.md")[0]
    assert (rec.title, [a.name for a in rec.authors], rec.category, rec.arxiv_id) == (
        "Segment Anything", ["Alexander Kirillov", "Eric Mintun"], "CV", "2304.02643"
    )
    for a in rec.authors:
        assert rec.text[a.start : a.end] == a.name


def test_the_driver_reports_how_every_layout_scored():
    res = parse(read_bytes("1、[LG] A Paper Title Here\nS Salter, M Wulfmeier\n[DeepMind]\n".encode(), "d.txt"))
    names = [n for n, _, _ in res.scores]
    assert res.layout == "structured" and "structured" in names and len(names) >= 8
    best = max(res.scores, key=lambda t: (t[1] > 0, t[2], t[1]))
    assert best[0] == res.layout


def test_heading_over_its_paper_links_opens_an_entry():
    text = (
        "# Weekly\n\n### 1. Segment Anything\n[arXiv](https://arxiv.org/abs/2304.02643) · [PDF](https://arxiv.org/pdf/2304.02643)\n\n"
        "We introduce the Segment Anything project.\n\n### 2. Scaling Laws for Neural Language Models\n"
        "[arXiv](https://arxiv.org/abs/2001.08361)\n\nWe study empirical scaling laws.\n"
    )
    assert [(r.line, r.title, r.arxiv_id) for r in _records(text, "w.md")] == [
        (3, "Segment Anything", "2304.02643"),
        (8, "Scaling Laws for Neural Language Models", "2001.08361"),
    ]


def test_plain_text_newsletter_without_markup():
    text = (
        "This week's papers\n\n"
        "Segment Anything\nAuthors: Alexander Kirillov, Eric Mintun\nAffiliations: Meta AI\n"
        "Abstract: We introduce the Segment Anything project.\nURL: https://arxiv.org/abs/2304.02643\n\n"
        "Scaling Laws for Neural Language Models\nAuthors: Jared Kaplan, Sam McCandlish\nAbstract: We study empirical scaling laws.\n"
    )
    recs = _records(text, "w.txt")
    assert [(r.line, r.title, len(r.authors)) for r in recs] == [
        (3, "Segment Anything", 2),
        (9, "Scaling Laws for Neural Language Models", 2),
    ]
    assert recs[0].arxiv_id == "2304.02643"


def test_title_list_with_translations_under_date_lines():
    text = (
        "# 2024年09月\n\n2024年09月09日\n\n"
        "- [A Novel Idea Generation Tool using a Structured Conversational AI (CAI) System](2024年09月09日/A_Novel.md)\n\n"
        "    - [翻译: 基于结构化对话AI系统的新型创意生成工具](2024年09月09日/A_Novel.md)\n\n"
        "2024年09月10日\n\n"
        "- [Application Specific Compression of Deep Learning Models](2024年09月10日/App.md)\n\n"
        "    - [翻译: 深度学习模型的应用定制压缩](2024年09月10日/App.md)\n"
    )
    recs = _records(text, "README.md")
    assert [(r.title_zh, r.date, r.urls) for r in recs] == [
        ("基于结构化对话AI系统的新型创意生成工具", "2024-09-09", ()),
        ("深度学习模型的应用定制压缩", "2024-09-10", ()),
    ]


def test_fields_sharing_a_line_and_author_lists_wrapped_without_a_label():
    text = (
        "# Agent Memory\n\n```\n[1] MemGPT: Towards LLMs as Operating Systems\n"
        "作者：Charles Packer, Vivian Fang et al. | 第一单位：UC Berkeley\n"
        "链接：https://arxiv.org/abs/2310.08560\n简单介绍：把上下文管理做成操作系统。\n```\n\n"
        "### 2. GaussianDreamer: Fast Generation from Text to 3D Gaussian Splatting\n"
        "Taoran Yi, Jiemin Fang, Guanjun Wu, Lingxi Xie,\nWenyu Liu, Tian Qi, Xinggang Wang\n"
        "[Paper](https://arxiv.org/abs/2310.08529)\n"
    )
    recs = _records(text, "d.md")
    assert [([a.name for a in r.authors], r.authors_truncated) for r in recs] == [
        (["Charles Packer", "Vivian Fang"], True),
        (["Taoran Yi", "Jiemin Fang", "Guanjun Wu", "Lingxi Xie", "Wenyu Liu", "Tian Qi", "Xinggang Wang"], False),
    ]
    assert [m.name for m in recs[0].institutions] == ["University of California, Berkeley"]


@pytest.mark.parametrize(
    "line, names",
    [
        ("School of Computer Science and Engineering of Southeast University, China, Alibaba Group",
         ["Southeast University", "Alibaba Group"]),
        ("Monash University, Clayton, VIC, Australia, NVIDIA AI Technology Center, Singapore",
         ["Monash University", "NVIDIA"]),
        ("Manchester Metropolitan University, Lancashire Teaching Hospitals NHS Trust, Preston",
         ["Manchester Metropolitan University", "Lancashire Teaching Hospitals NHS Trust"]),
        ("Ghent University – imec, Belgium", ["Ghent University", "imec"]),
        ("Leverhulme Centre for the Future of Intelligence, University of Cambridge", ["University of Cambridge"]),
    ],
)
def test_affiliation_lines_copied_from_papers(line, names):
    from kg.extract.affiliations import split_affiliations

    assert [m.name for m in split_affiliations(line)[0]] == names


def test_a_streamed_build_keys_digests_by_the_input_root(tmp_path):
    """kg build streams records one at a time; the Digest key still comes from the
    paths given (two digest.txt in different folders stay two digests)."""
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.stores import networkx_store

    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "digest.txt").write_text(
            f"1、[LG] A Paper In Folder {sub.upper()}\nS Salter, M Wulfmeier\nhttps://arxiv.org/abs/2209.0194{ord(sub) - 96}\n",
            encoding="utf-8",
        )
    for args in ([str(tmp_path)], [str(tmp_path / "a"), str(tmp_path / "b" / "digest.txt")]):
        out = tmp_path / "g.kg.json"
        out.unlink(missing_ok=True)
        r = CliRunner().invoke(cli, ["build", *args, "-o", str(out), "-q"])
        assert r.exit_code == 0, r.output
        G = networkx_store.load(out)
        assert sorted(d["key"] for _, d in G.nodes(data=True) if d["label"] == "Digest") == ["a/digest.txt", "b/digest.txt"]


def test_feed_of_paper_posts_and_other_posts():
    text = (
        "[CV]《Text-to-Image Generation via Implicit Visual Guidance and Hypernetwork》X Yuan, Z Lin, J Kuen "
        "[University of Chicago & Adobe Research] (2022) \nhttps://arxiv.org/abs/2208.08493\n\n"
        "【Chinese-CLIP：CLIP模型的中文版本】'Chinese-CLIP - Chinese version of CLIP.' by billjie1 GitHub: github.com/billjie1/Chinese-CLIP \n\n"
        "[CV]《Discovering Bugs in Vision Models using Off-the-shelf Image Generation》O Wiles, I Albuquerque, S Gowal "
        "[DeepMind] (2022) \nhttps://arxiv.org/abs/2208.08831\n\n"
        "微软亚洲研究院推出了最新升级的 BEiT-3 预训练模型，在广泛的视觉任务上实现了 SOTA 的迁移性能。\n"
        "https://weibo.com/ttarticle/p/show?id=2309404808248644468949\n"
    )
    recs = _records(text, "feed.md")
    assert [(r.title, [a.name for a in r.authors], [m.name for m in r.institutions], r.urls) for r in recs] == [
        ("Text-to-Image Generation via Implicit Visual Guidance and Hypernetwork", ["X Yuan", "Z Lin", "J Kuen"],
         ["University of Chicago", "Adobe Research"], ("https://arxiv.org/abs/2208.08493",)),
        ("Discovering Bugs in Vision Models using Off-the-shelf Image Generation", ["O Wiles", "I Albuquerque", "S Gowal"],
         ["DeepMind"], ("https://arxiv.org/abs/2208.08831",)),
    ]
    assert [r.category for r in recs] == ["CV", "CV"]


def test_daily_page_with_front_matter_is_a_list_and_other_fields_come_first():
    text = (
        '---\nlayout: reading\ntitle: "大模型训练、推理加速与系统优化前沿"\ndate: 2026-09-05\n---\n\n'
        "# 每日技术速递\n\n"
        "## 1. The Geometry of Ignorance: LLMs Know When to Temper Bayesian Priors\n\n"
        "**来源**：cs.LG\n**链接**：https://arxiv.org/abs/2609.02959\n**标签**：embedding\n\n"
        "### 2. Bidirectional Cross-Modal Prompting for Event-Frame Asymmetric Stereo\n"
        "- **方向**：arXiv/CV\n- **摘要**：Conventional frame-based cameras capture rich contextual information.\n"
        "- **链接**：https://arxiv.org/abs/2604.15312v1\n\n"
        "### 论文 3：OmniVCBench — AI虚拟细胞证据溯源推理基准\n\n"
        "**标题**：OmniVCBench: Benchmarking Evidence-Grounded Multimodal Reasoning Towards AI Virtual Cells\n\n"
        "**作者**：Manyu Li, Xunkai Li, Yongfu Xiong\n"
        "**平台**：ArXiv (cs.AI, q-bio.QM) | **日期**：2026-09-29 | **ID**：2609.37773\n"
        "**链接**：https://arxiv.org/abs/2609.37773\n"
    )
    recs = _records(text, "daily.md")
    assert [(r.layout, r.arxiv_id, r.date) for r in recs] == [
        ("fields", "2609.02959", "2026-09-05"),
        ("fields", "2604.15312", "2026-09-05"),
        ("fields", "2609.37773", "2026-09-29"),
    ]
    assert recs[1].category == "CV" and len(recs[2].authors) == 3


def test_parser_vocabularies_are_well_formed():
    """kg/data/parse/: every field key names one entry part, boilerplate patterns compile
    with a known scope, subject codes normalise to codes kg knows."""
    import re

    from kg.parse.categories import CODES
    from kg.parse.data import load_json, load_jsonl

    keys = load_json("field_keys.json")
    seen: dict[str, str] = {}
    for kind, words in keys.items():
        if kind.startswith("_"):  # "_comment", and "_prefixes": qualifiers tried off a key's front
            continue
        assert kind in {"title", "title_zh", "authors", "affiliations", "link", "body", "category", "date", "meta", "reference"}
        for w in words:
            assert seen.setdefault(w.casefold(), kind) == kind, f"{w!r} is both {seen[w.casefold()]} and {kind}"
    assert all(isinstance(p, str) and p.strip() for p in keys["_prefixes"])
    for row in load_jsonl("boilerplate.jsonl"):
        assert row["scope"] in {"everywhere", "between entries", "link labels"}
        re.compile(row["pattern"])
    for name, code in load_json("arxiv_subjects.json").items():
        if not name.startswith("_"):
            assert normalize_category(code) in CODES or code == "quant-ph", (name, code)
