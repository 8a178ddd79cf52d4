"""Author, affiliation and category rules prompted by the eighth round of real digests
(issue 11): LLM-written dailies that set each author's role and organisation beside the
name, posts that name their people under a heading with middle dots between the names,
and field keys qualified by "arXiv". Written with invented text in the shape of those
digests, so that each rule is checked on its own and for every digest of that kind."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.extract.affiliations import split_affiliations
from kg.extract.authors import split_authors
from kg.parse.author_fields import annotated_authors, author_mark, author_value
from kg.parse.fields import field_kind, people_heading
from kg.parse.names import author_names


# ---------------------------------------------------------------- role marks and organisations


def test_role_marks_are_data_not_names():
    assert author_mark("[一作]") and author_mark("（通讯作者）") and author_mark("(corresponding author)")
    assert not author_mark("(Amazon)") and not author_mark("Ann Lee")


def test_annotated_author_list_is_read_whole():
    v = "Ann Lee `[一作]` (Tampere University), Bo Chen `[通讯]` (Kyoto University)".replace("`", "")
    assert annotated_authors(v) == (0, len(v)) and author_value(v) == (0, len(v))
    # A bracketed note is no annotation: the list ends before it, as before.
    v = "Ann Lee, Bo Chen 等（共 13 位作者）"
    assert annotated_authors(v) is None and v[slice(*author_value(v))] == "Ann Lee, Bo Chen 等"
    # A bracketed person is no organisation.
    assert annotated_authors("Ann Lee (Bo Chen), Cy Dorn") is None
    # Brackets only after the last of several names are the whole list's organisations.
    v = "Ann Lee, Bo Chen (中科院/清华等)"
    assert annotated_authors(v) is None and v[slice(*author_value(v))] == "Ann Lee, Bo Chen"
    assert annotated_authors("Ann Lee (Amazon)") == (0, 16)  # one author: hers


def test_split_authors_keeps_names_and_each_authors_organisations():
    text = "Ann Lee [一作] (Indian Institute of Technology, Kanpur), Bo Chen [通讯] (Amazon)"
    authors, truncated = split_authors(text)
    assert [a.name for a in authors] == ["Ann Lee", "Bo Chen"] and not truncated
    assert [[text[s:e] for s, e in a.affiliations] for a in authors] == [["Indian Institute of Technology, Kanpur"], ["Amazon"]]
    # The same author as first and corresponding author, and a line of marks alone.
    assert [a.name for a in split_authors("Ann Lee [一作] [通讯] (Amazon), Ann Lee (Amazon)")[0]] == ["Ann Lee", "Ann Lee"]
    assert split_authors(" [一作] [通讯], ")[0] == []


def test_field_of_annotated_authors_gives_authors_and_institutions(tmp_path):
    text = (
        "## 1. Sparse Routers for Long Context\n\n"
        "**arXiv ID:** 2608.00001 | [PDF](https://arxiv.org/pdf/2608.00001v1)\n\n"
        "**作者:** Ann Lee `[一作]` (Tampere University), Bo Chen `[通讯]` (Heriot-Watt University)\n\n"
        "**🎯 论文内容**\n\n提出了一种稀疏路由方法。\n\n---\n\n"
        "## 2. Dense Retrieval at Scale\n\n"
        "**arXiv ID:** 2608.00002 | [PDF](https://arxiv.org/pdf/2608.00002v1)\n\n"
        "**作者:**  `[一作]` `[通讯]`, \n\n---\n"
    )
    recs = _records(tmp_path, text)
    assert [[a.name for a in r.authors] for r in recs] == [["Ann Lee", "Bo Chen"], []]
    assert [m.name for m in recs[0].institutions] == ["Tampere University", "Heriot-Watt University"]
    assert recs[0].author_institutions == ((1, "Tampere University"), (2, "Heriot-Watt University"))
    assert recs[1].institutions == ()


# ---------------------------------------------------------------- middle dots and people headings


def test_middle_dot_separates_names_with_role_marks_and_a_head_count():
    assert author_names("Ann Lee ¹ · Bo Chen · Cy Dorn ✉") == (["Ann Lee", "Bo Chen", "Cy Dorn"], False)
    assert author_names("Ann Lee ¹ · Bo Chen · … 等 8 人") == (["Ann Lee", "Bo Chen"], True)
    assert author_names("约翰·史密斯，李娜") == (["约翰·史密斯", "李娜"], False)  # a transliterated name keeps its dot
    authors, truncated = split_authors("Ann Lee ¹ · Bo Chen · Cy Dorn ✉ · … 等 8 人")
    assert [a.name for a in authors] == ["Ann Lee", "Bo Chen", "Cy Dorn"] and truncated


def test_tex_accents_in_names_are_letters():
    # arXiv metadata writes accents in TeX; once Markdown drops the backslash before a quote
    # the name reads "Guzm'an".
    assert author_names("Vojt\\v{e}ch Stan\\v{e}k · Veronika Jirmusov'a · Anton Firc")[0][0] == "Vojt\\v{e}ch Stan\\v{e}k"


def test_middle_dot_separates_institutions():
    assert [m.name for m in split_affiliations("Tampere University · 京都大学 · Kyoto Institute of Technology")[0]] == [
        "Tampere University", "Kyoto University", "Kyoto Institute of Technology"
    ]


def test_people_heading():
    assert people_heading("👥 作者与机构") and people_heading("Authors & Affiliations") and people_heading("Authors:")
    assert not people_heading("📖 阅读建议") and not people_heading("Authors and Their Methods")


def test_post_names_its_people_under_a_people_heading(tmp_path):
    text = (
        "---\ntitle: \"Sparse Routers for Long Context\"\ndate: 2026-06-10T09:00:00+08:00\n---\n\n"
        "<div class=\"resources\"><a href=\"https://arxiv.org/abs/2606.00001\">arXiv</a></div>\n\n"
        "## 👥 作者与机构\n\n**Ann Lee** ¹ · Bo Chen · Cy Dorn ✉\n\n**机构**：京都大学 · Tampere University\n\n"
        "<sub>¹ = 第一作者　✉ = 通讯作者</sub>\n\n## 🌍 研究背景\n\nAnn Lee · Bo Chen 的方法很好。\n"
    )
    rec = _records(tmp_path, text, name="post.md")[0]
    assert [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen", "Cy Dorn"]
    assert [m.name for m in rec.institutions] == ["Kyoto University", "Tampere University"]


# ---------------------------------------------------------------- qualified field keys


def test_arxiv_qualified_keys():
    assert field_kind("arXiv所属领域") == field_kind("arXiv Subjects") == field_kind("所属分类") == "category"
    assert field_kind("arXiv") == "link" and field_kind("arXiv所属") is None


def test_subject_name_under_a_qualified_key_gives_the_category(tmp_path):
    text = (
        "# 大模型相关研究 | 2026年04月13日\n\n---\n\n"
        "### 1. [Sparse Routers for Long Context](https://arxiv.org/abs/2604.00001)\n\n"
        "**<font color=#1a73e8>作者：</font>** Ann Lee, Bo Chen, Cy Dorn 等 5 位作者  \n"
        "**<font color=#188038>arXiv所属领域：</font>** Computer Vision and Pattern Recognition\n\n"
        "**<font color=#5f6368>摘要：</font>**\n> We route tokens sparsely.\n\n---\n"
    )
    rec = _records(tmp_path, text)[0]
    assert rec.category == "CV" and rec.authors_truncated and [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen", "Cy Dorn"]


# ---------------------------------------------------------------- authors under a table title


def test_bibtex_author_field_is_a_list():
    assert author_names("Lu, Xuancun and Chen, Jiaxiang and Xiao, Shilin") == (["Lu, Xuancun", "Chen, Jiaxiang", "Xiao, Shilin"], False)
    assert author_names("Zhang, Hangtao and Zhu, Chenyu and others") == (["Zhang, Hangtao", "Zhu, Chenyu"], True)
    # Places and organisations written the same way are no names.
    assert author_names("Stanford, California and Berkeley, California") is None
    assert author_names("Google, Research and Meta, Research") is None
    authors, truncated = split_authors("Zhang, Hangtao and Zhu, Chenyu and others")
    assert [a.name for a in authors] == ["Zhang, Hangtao", "Zhu, Chenyu"] and truncated


def test_table_title_cell_with_the_authors_under_the_title(tmp_path):
    text = (
        "| Title & Authors | Introduction | Links |\n|:--|  :----: | :---:|\n"
        "|[Sparse Routers for Long Context](https://arxiv.org/abs/2601.00001) <br> Ann Lee, Bo Chen, Cy Dorn | |"
        "[Paper](https://arxiv.org/abs/2601.00001)|\n"
        "|[![Star](https://img.shields.io/github/stars/x/y.svg)](https://github.com/x/y)<br>"
        "[Dense Retrieval at Scale](https://arxiv.org/abs/2601.00002) <br> Lee, Ann and Chen, Bo | |"
        "[Github](https://github.com/x/y) <br> [Paper](https://arxiv.org/abs/2601.00002)|\n"
        "|[Tiny Models Reason](https://arxiv.org/abs/2601.00003) <br> Read more | |[Paper](https://arxiv.org/abs/2601.00003)|\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers for Long Context", "Dense Retrieval at Scale", "Tiny Models Reason"]
    assert [[a.name for a in r.authors] for r in recs] == [["Ann Lee", "Bo Chen", "Cy Dorn"], ["Lee, Ann", "Chen, Bo"], []]


def test_one_word_company_with_ai_glued_on_is_an_organisation():
    got = [m.name for m in split_affiliations("University of Haifa, OriginAI, Braude College of Engineering")[0]]
    assert got == ["University of Haifa", "OriginAI", "Braude College of Engineering"]


# ---------------------------------------------------------------- an author key over a list of names


def test_author_key_over_a_list_of_names(tmp_path):
    text = (
        "## Papers\n\n### 1. [Sparse Routers for Long Context](https://arxiv.org/abs/2601.00001)\n\n"
        "**Authors:**\n- Ann Lee\n- Bo Chen\n\n**Abstract:** We route tokens sparsely.\n\n"
        "### 2. [Dense Retrieval at Scale](https://arxiv.org/abs/2601.00002)\n\n"
        "**Authors:**\n- Cy Dorn\n\n**Abstract:** We retrieve densely.\n\n"
        "### 3. [Tiny Models Reason](https://arxiv.org/abs/2601.00003)\n\n"
        "**Highlights:**\n- Strong Results\n- Small Models\n"
    )
    recs = _records(tmp_path, text)
    assert [[a.name for a in r.authors] for r in recs] == [["Ann Lee", "Bo Chen"], ["Cy Dorn"], []]


def test_people_heading_over_a_list_of_names(tmp_path):
    text = (
        "---\ntitle: \"Sparse Routers for Long Context\"\ndate: 2026-06-10\n---\n\n"
        "[arXiv](https://arxiv.org/abs/2606.00001)\n\n### Authors\n\n- Ann Lee\n- Bo Chen\n- Cy Dorn\n\n"
        "### Summary\n\n- Strong Results\n- Ann Lee\n"
    )
    rec = _records(tmp_path, text, name="post.md")[0]
    assert [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen", "Cy Dorn"]


# ---------------------------------------------------------------- badges and emoji bylines


def test_badge_pictures_state_the_category():
    from kg.parse.categories import badge_category
    from kg.parse.document import read_document

    assert badge_category("https://img.shields.io/badge/cs.CL-green") == "CL"
    assert badge_category("https://img.shields.io/badge/cs.CL-arXiv%3A2401.03472-B31B1B.svg") == "CL"
    assert badge_category("https://img.shields.io/badge/stat.ML-blue.svg") == "ML"
    assert badge_category("https://img.shields.io/badge/AI-orange") is None  # a bare code is a word
    assert badge_category("https://img.shields.io/badge/arXiv-Papers-B31B1B.svg") is None
    doc = read_document("x.md", "![CL](https://img.shields.io/badge/cs.CL-green) ![AI](https://img.shields.io/badge/cs.AI-orange)\n", markdown=True)
    assert doc.lines[0].images == ("https://img.shields.io/badge/cs.CL-green", "https://img.shields.io/badge/cs.AI-orange")


def test_daily_with_badges_and_an_emoji_byline(tmp_path):
    text = (
        "# 🤖 Daily AI Papers\n\n![arXiv](https://img.shields.io/badge/cs.CL-papers-blue)\n\n---\n\n"
        "### 1. Sparse Routers for Long Context\n\n"
        "![LG](https://img.shields.io/badge/cs.LG-purple) ![AI](https://img.shields.io/badge/cs.AI-orange)\n\n"
        "📅 2026-08-20 · ✍️ Ann Lee, Bo Chen, Cy Dorn +5 more\n\n"
        "We route tokens sparsely across long contexts, and it works...\n\n"
        "🔗 [Read on arXiv](http://arxiv.org/abs/2608.00001v1)\n\n---\n\n"
        "### 2. Dense Retrieval at Scale\n\n"
        "📅 2026-08-20 · ✍️ Dee Eve\n\n"
        "We retrieve densely.\n\n"
        "🔗 [Read on arXiv](http://arxiv.org/abs/2608.00002v1)\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.arxiv_id, r.category) for r in recs] == [("2608.00001", "LG"), ("2608.00002", None)]
    assert [[a.name for a in r.authors] for r in recs] == [["Ann Lee", "Bo Chen", "Cy Dorn"], ["Dee Eve"]]
    assert recs[0].authors_truncated and recs[0].date == "2026-08-20"


def test_legend_of_author_marks_ends_the_affiliations(tmp_path):
    from kg.extract.affiliations import affiliations_by_marker

    line = "¹Tampere University, ²Kyoto University, ³Muka Robotics, *Equal contribution, ‡Project lead, ✉Corresponding author"
    assert [m.name for m in split_affiliations(line)[0]] == ["Tampere University", "Kyoto University", "Muka Robotics"]
    assert {k: [m.name for m in v] for k, v in affiliations_by_marker(line).items()} == {
        "1": ["Tampere University"], "2": ["Kyoto University"], "3": ["Muka Robotics"]
    }
    text = (
        "---\ntitle: \"Sparse-WAM: A Small World-Action Model\"\ndate: 2026-06-10\n---\n\n"
        "- **Authors:** Ann Lee¹\\*, Bo Chen²\\*, Cy Dorn³‡\n"
        f"- **Affiliations:** {line}\n"
        "- **Links:** [arXiv](https://arxiv.org/abs/2606.10040)\n\n## Summary\n\nWe build a small world-action model.\n"
    )
    rec = _records(tmp_path, text, name="post.md")[0]
    assert [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen", "Cy Dorn"]
    assert rec.author_institutions == ((1, "Tampere University"), (2, "Kyoto University"), (3, "Muka Robotics"))


def test_placeholder_affiliations_name_no_organisation():
    for v in ("—", "未知", "暂无", "Not stated", "not specified", "N/A", "Independent Researcher"):
        assert split_affiliations(v)[0] == [], v
    assert [m.name for m in split_affiliations("Kyoto University; 未知")[0]] == ["Kyoto University"]


def test_an_unknown_organisation_beside_a_name_among_known_ones(tmp_path):
    from kg.parse.author_fields import annotations

    v = "Ann Lee (Pleias), Bo Chen (Technical University of Munich), Cy Dorn (EleutherAI)"
    assert [k for _, _, k in annotations(v)] == ["organisation"] * 3
    assert annotations("Ann Lee (Pleias), Bo Chen (Anchorage)") is None  # nothing says they are organisations
    text = (
        "## 1. Common Corpus: Open Data for Pre-Training\n\n"
        "**OpenReview**: [https://openreview.net/forum?id=0wSlFpMsGb](https://openreview.net/forum?id=0wSlFpMsGb)\n\n"
        f"**Authors**: {v}\n\n**Abstract**: We release Common Corpus.\n"
    )
    rec = _records(tmp_path, text)[0]
    assert [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen", "Cy Dorn"]
    assert rec.author_institutions == ((1, "Pleias"), (2, "Technical University of Munich"), (3, "EleutherAI"))
