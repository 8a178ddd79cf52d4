"""Layouts and reader rules found in the second round of real digests (tests/data/real,
sources of 2026-12): heading items with sections under them, items that are not papers,
bold titles wrapped over two lines, badge links, link labels that are not names.

The texts are small stand-ins written for these tests in the shape of those files."""
from __future__ import annotations

from kg.parse import parse
from kg.parse.document import read_document
from kg.records import Document

HF_DIGEST_ZH = (
    "# 【2023-09-11】Huggingface 每日论文速览\n"
    "\n"
    "- [Huggingface Daily Papers 2023-09-11](https://huggingface.co/papers?date=2023-09-11) 共推荐 2 篇论文。\n"
    "## Large-Scale Automatic Audiobook Creation\n"
    "\n"
    "**1. 主要工作**\n"
    "\n"
    "本文描述了一项用于从在线电子书自动生成高质量有声书的系统，作者利用了神经文本转语音技术。\n"
    "\n"
    "**2. 核心关键词**\n"
    "\n"
    "- Audiobook Creation (`有声书创建`)\n"
    "\n"
    "[到 Huggingface 论文主页查看详情](https://huggingface.co/papers/2309.03926)\n"
    "## DrugChat: Towards Enabling ChatGPT-Like Capabilities on Drug Molecule Graphs\n"
    "\n"
    "### 主要工作\n"
    "\n"
    "本文开发了一个名为DrugChat的原型系统，其能力类似于ChatGPT，但是应用在药物分子图谱上。\n"
    "\n"
    "[到 Huggingface 论文主页查看详情](https://huggingface.co/papers/2309.03907)\n"
)


def _parse(text: str, path: str = "digest.md"):
    return parse(Document(path, text, "utf-8"))


def test_heading_items_with_section_labels_are_one_entry_each():
    res = _parse(HF_DIGEST_ZH)
    assert res.layout == "sections"
    assert [(e.line, e.get("title")) for e in res.entries] == [
        (4, "Large-Scale Automatic Audiobook Creation"),
        (15, "DrugChat: Towards Enabling ChatGPT-Like Capabilities on Drug Molecule Graphs"),
    ]
    assert [e.links for e in res.entries] == [
        ("https://huggingface.co/papers/2309.03926",),
        ("https://huggingface.co/papers/2309.03907",),
    ]
    assert [e.date for e in res.entries] == ["2023-09-11", "2023-09-11"]


FEED_ITEM = (
    "# 📅 Date: 2025-12-01\n"
    "\n"
    "## 📄 {title}\n"
    "\n"
    "### 👥 Authors\n"
    "{authors}\n"
    "\n"
    "### 🔗 Links\n"
    "- **Primary**: [View Paper]({link})\n"
    "- **PDF**: [Download PDF](https://arxiv.org/pdf/{pdf}.pdf)\n"
    "\n"
    "### 📊 Paper Statistics\n"
    "- **Authors**: 1 researchers\n"
    "\n"
    "### 📝 Abstract\n"
    "Some words about it.\n"
)


def test_feed_item_with_emoji_sections_reads_its_author_section():
    text = FEED_ITEM.format(title="BERT: Pre-training of Deep Bidirectional Transformers", authors="Jacob Devlin, Ming-Wei Chang",
                            link="https://arxiv.org/abs/1810.04805", pdf="1810.04805")
    res = _parse(text)
    (e,) = res.entries
    assert e.line == 3 and e.get("title") == "BERT: Pre-training of Deep Bidirectional Transformers"
    assert e.get("authors") == "Jacob Devlin, Ming-Wei Chang"
    assert e.date == "2025-12-01"


def test_feed_item_that_is_a_repository_is_no_entry():
    # A GitHub-trending item: no paper link (the PDF link has no arXiv id in it).
    text = FEED_ITEM.format(title="transformers", authors="huggingface", link="https://github.com/huggingface/transformers", pdf="")
    res = _parse(text)
    assert res.entries == ()
    assert {u.reason for u in res.unassigned} >= {"non-paper item"}


def test_news_digest_with_headed_items_has_no_entry():
    item = (
        "#### **[{who}]** {what}\n"
        "*   🔗 [阅读原文](https://mp.weixin.qq.com/s?id={n})\n"
        "*   📝 {who}宣布其产品迎来重大更新，核心亮点是两大模型现已支持微调，显著降低了企业用户的技术门槛，允许根据特定场景定制模型性能。\n"
        "*   ⏰ *18:3{n}*\n\n"
    )
    text = "# 📅 Daily AI Report - 2025-12-15\n\n## 精选日报\n### 🤖 模型与技术\n" + "".join(
        item.format(who=w, what="首款产品重大更新", n=n) for n, w in enumerate(["Thinking Machines", "OpenAI", "谷歌"])
    )
    res = _parse(text)
    assert res.entries == ()


def test_a_section_listing_several_papers_is_not_one_paper():
    text = (
        "## Reading list\n\n"
        "* [Segment Anything](https://arxiv.org/abs/2304.02643) (Meta AI)\n"
        "* [Attention Is All You Need](https://arxiv.org/abs/1706.03762) (Google)\n"
    )
    res = _parse(text)
    assert [e.get("title") for e in res.entries] == ["Segment Anything", "Attention Is All You Need"]


def test_bold_title_wrapped_over_two_lines_and_a_read_paper_link():
    text = (
        "---\nlayout: post\ntitle: \"Daily AI Research Papers\"\ndate: 2025-01-03\n---\n\n"
        "**1. 2.5 Years in Class: A Multimodal Textbook for Vision-Language\n"
        "  Pretraining**  \n"
        " [Read Paper](https://huggingface.co/papers/2501.00958)  \n"
        " Summary: a textbook corpus.\n\n"
        "**2. CodeElo: Benchmarking Competition-level Code Generation of LLMs with\n"
        "  Human-comparable Elo Ratings**  \n"
        " [Read Paper](https://huggingface.co/papers/2501.01257)  \n"
        " Summary: a benchmark.\n\n"
        "**3. LTX-Video: Realtime Video Latent Diffusion**  \n"
        " [Read Paper](https://huggingface.co/papers/2501.00103)  \n"
        " Summary: a video model.\n"
    )
    res = _parse(text)
    assert [" ".join(e.get("title").split()) for e in res.entries] == [
        "2.5 Years in Class: A Multimodal Textbook for Vision-Language Pretraining",
        "CodeElo: Benchmarking Competition-level Code Generation of LLMs with Human-comparable Elo Ratings",
        "LTX-Video: Realtime Video Latent Diffusion",
    ]
    assert [e.get("authors") for e in res.entries] == [None, None, None]
    assert [e.line for e in res.entries] == [7, 12, 17]


def test_badge_links_keep_their_targets():
    text = (
        "| **Title** | **Repo** | **Paper** |\n|---|:---:|:---:|\n"
        "| [FreeU: Free Lunch in Diffusion U-Net](https://openaccess.thecvf.com/x.html) | "
        "[![GitHub](https://img.shields.io/github/stars/ChenyangSi/FreeU)](https://github.com/ChenyangSi/FreeU) | "
        "[![arXiv](https://img.shields.io/badge/arXiv-2309.11497-b31b1b.svg)](http://arxiv.org/abs/2309.11497) |\n"
    )
    doc = read_document("t.md", text)
    assert [lk.url for lk in doc.lines[2].links] == [
        "https://openaccess.thecvf.com/x.html", "https://github.com/ChenyangSi/FreeU", "http://arxiv.org/abs/2309.11497",
    ]
    (e,) = _parse(text).entries
    assert e.get("title") == "FreeU: Free Lunch in Diffusion U-Net"
    assert "https://img.shields.io/badge/arXiv-2309.11497-b31b1b.svg" not in e.links


def test_heading_items_with_bare_paper_and_code_lines():
    # "- Paper: <address>": "paper" keys a title elsewhere, here a link; an address is never a title.
    text = "# 1.图像生成(Image Generation)\n\n" + "".join(
        f"### {t}\n\n- Paper: {u}\n- Code: {c}\n\n"
        for t, u, c in [
            ("Accelerating Diffusion Sampling with Optimized Time Steps", "https://arxiv.org/abs/2402.17376", "https://github.com/scxue/DM-NonUniform"),
            ("Adversarial Text to Continuous Image Generation", "https://openaccess.thecvf.com/content/CVPR2024/html/H_Adversarial_paper.html", ""),
            ("Atlantis: Enabling Underwater Depth Estimation with Stable Diffusion", "https://arxiv.org/abs/2312.12471", "https://github.com/zkawfanx/Atlantis"),
        ]
    )
    res = _parse(text)
    assert [e.get("title") for e in res.entries] == [
        "Accelerating Diffusion Sampling with Optimized Time Steps",
        "Adversarial Text to Continuous Image Generation",
        "Atlantis: Enabling Underwater Depth Estimation with Stable Diffusion",
    ]


def test_numbered_heading_over_bullet_fields_with_an_unknown_first_key():
    text = "# Research Digest — transformers diffusion\n\n" + "".join(
        f"## {n}. {t}\n- **Score**: 0.18\n- **Authors**: {a}\n- **Published**: 2025-08-15T15:13:32+00:00\n"
        f"- **Categories**: {c}\n- **Link**: http://arxiv.org/pdf/{i}v1\n\n- **Method:** Something.\n\n---\n\n"
        for n, t, a, c, i in [
            (1, "Diffusion is a code repair operator and generator", "Mukul Singh, Gust Verbruggen", "cs.SE, cs.AI", "2508.11110"),
            (2, "CoreEditor: Consistent 3D Editing via Correspondence-constrained Diffusion", "Zhe Zhu, Honghua Chen", "cs.CV", "2508.11603"),
        ]
    )
    res = _parse(text)
    assert [(e.get("title"), e.get("authors"), e.category_code, e.date) for e in res.entries] == [
        ("Diffusion is a code repair operator and generator", "Mukul Singh, Gust Verbruggen", "SE", "2025-08-15"),
        ("CoreEditor: Consistent 3D Editing via Correspondence-constrained Diffusion", "Zhe Zhu, Honghua Chen", "CV", "2025-08-15"),
    ]


def test_an_item_number_is_not_the_start_of_a_decimal():
    text = (
        "## 2.5 Years in Class: A Multimodal Textbook for Vision-Language Pretraining\n\n"
        "[Read Paper](https://huggingface.co/papers/2501.00958)\n\n"
        "## 3. LTX-Video: Realtime Video Latent Diffusion\n\n"
        "[Read Paper](https://huggingface.co/papers/2501.00103)\n"
    )
    assert [e.get("title") for e in _parse(text).entries] == [
        "2.5 Years in Class: A Multimodal Textbook for Vision-Language Pretraining",
        "LTX-Video: Realtime Video Latent Diffusion",
    ]


def test_reading_list_item_with_authors_in_the_clause_after_a_bold_title():
    text = "## 开创性工作\n\n" + "".join(
        f"- {abbr}: {i}. **{t}**. {a} et al | \\[[abs](https://arxiv.org/abs/{i})\\] \\[[pdf](../pdfs/{i}.pdf)\\]\n"
        for abbr, i, t, a in [
            ("Transformer", "1706.03762", "Attention Is All You Need", "Ashish Vaswani"),
            ("DETR", "2005.12872", "End-to-End Object Detection with Transformers", "Nicolas Carion"),
        ]
    )
    res = _parse(text)
    assert [(e.get("title"), e.get("authors")) for e in res.entries] == [
        ("Attention Is All You Need", "Ashish Vaswani et al"),
        ("End-to-End Object Detection with Transformers", "Nicolas Carion et al"),
    ]


def test_one_paper_post_whose_front_matter_reference_names_the_authors():
    text = (
        "---\nlayout: post\ntitle: \"Deep Residual Learning for Image Recognition\"\ndate: 2016-07-30\n"
        "paper_ref: He, et al., 2015\nredirect_from:\n    - /papersummaries/2016/07/30/ResNets.html\n---\n---\n"
        "[{{ page.paper_ref }}](https://arxiv.org/pdf/1512.03385v1.pdf)\n\n## Summary\n\nResidual networks.\n"
    )
    (e,) = _parse(text, "2016-07-30-ResNets.markdown").entries
    assert (e.get("title"), e.get("authors"), e.date) == ("Deep Residual Learning for Image Recognition", "He, et al.", "2016-07-30")


def test_reference_authors():
    from kg.parse.names import reference_authors

    for value, want in [("He, et al., 2015", "He, et al."), ("Riedmiller, M. 2005", "Riedmiller, M."),
                        ("Mnih et al 2013", "Mnih et al"), ("Deep Residual Learning, 2015", None), ("He, et al.", None)]:
        got = reference_authors(value)
        assert (value[got[0] : got[1]] if got else None) == want, value


def test_a_readme_section_citing_a_paper_in_a_sentence_is_not_a_paper_item():
    text = (
        "# FooNet\n\nOfficial PyTorch implementation.\n\n## Installation\n\n```\npip install foonet\n```\n\n"
        "## How to cite this work\n\nIf you use FooNet, please cite our paper [arXiv](https://arxiv.org/abs/2401.00001).\n\n"
        "## License\n\nMIT\n"
    )
    assert "How to cite this work" not in [e.get("title") for e in _parse(text).entries]
