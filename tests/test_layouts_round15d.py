"""Structure rules prompted by round 15d of real digests (issue 11, affiliations): a
one-paper note whose author line carries Markdown footnote references over one footnote
per organisation, pipe-table rows pasted without their header, and titles that end in
``(@org)``. Written with invented text in the shape of those digests."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.at_orgs import at_organisations
from kg.parse.document import read_document


# ---------------------------------------------------------------- footnote affiliations

NOTE = (
    "# Lantern: Tool Agents That Read the Manual\n"
    "\n"
    "**Link**: [Paper](http://arxiv.org/pdf/2401.01234v2)\n"
    "\n"
    "**Authors**: Mira Holt[^1], Oskar Venn[^1][^2], Pia Lund[^2]∗, Tomas Reyes\n"
    "\n"
    "[^1]: Department of Computer Science, Stanford University\n"
    "[^2]: NVIDIA\n"
    "\n"
    "## Summary\n"
    "\n"
    "The authors propose Lantern, an agent that reads tool documentation.\n"
)


def test_footnote_references_are_marks_and_definitions_numbered_lines():
    doc = read_document("note.md", NOTE)
    assert doc.lines[4].text == "Authors: Mira Holt1, Oskar Venn1^2, Pia Lund2∗, Tomas Reyes"
    assert doc.lines[6].text.lstrip().startswith("1 Department of Computer Science")
    assert doc.lines[7].text.strip() == "2 NVIDIA"
    assert doc.notes == {6: "1", 7: "2"}
    # A one-word note is no link reference definition: "[^2]" links nowhere.
    assert all(not ln.links for ln in doc.lines[4:8])


def test_every_author_and_every_footnote_organisation_is_read(tmp_path):
    (r,) = _records(tmp_path, NOTE)
    assert [a.name for a in r.authors] == ["Mira Holt", "Oskar Venn", "Pia Lund", "Tomas Reyes"]
    # Each author's marks say which notes are theirs ("Oskar Venn[^1][^2]": both).
    assert [a.marks for a in r.authors] == [("1",), ("1", "2"), ("2",), ()]
    assert {m.name for m in r.institutions} == {"Stanford University", "NVIDIA"}
    assert r.arxiv_id == "2401.01234"


def test_notes_not_referenced_by_the_author_line_are_no_affiliations(tmp_path):
    text = (
        "# Lantern: Tool Agents That Read the Manual\n\n"
        "**Authors**: Mira Holt, Oskar Venn\n\n"
        "The method beats the baseline.[^1]\n\n"
        "[^1]: Measured on ToolBench.\n"
    )
    (r,) = _records(tmp_path, text)
    assert [a.name for a in r.authors] == ["Mira Holt", "Oskar Venn"]
    assert not r.institutions


def test_named_footnotes_are_dropped_from_the_text():
    doc = read_document("n.md", "A claim[^src] here.\n\n[^src]: A source.\n")
    assert doc.lines[0].text == "A claim here."


# ---------------------------------------------------------------- header-less table rows

ROWS = (
    "|2024.02|[Quill] Quill: Sparse Decoding for Long Prompts(@Acme University&NVIDIA etc)| [[pdf]](https://arxiv.org/pdf/2402.00011.pdf) | [[quill]](https://github.com/acme/quill) |⭐️ |\n"
    "|2024.03|Tiny Lanterns: 2-bit Weights Without Tears(@cs.acme.edu)|[[pdf]](https://arxiv.org/pdf/2403.00022.pdf)|⚠️|⭐️ |\n"
    "|2024.03|🔥[Wren] Wren: Paged Attention for Edge Devices(@Meta)|[[pdf]](https://arxiv.org/pdf/2403.00033)|⚠️|⭐️ |\n"
)


def test_pipe_rows_without_a_header_are_table_rows():
    doc = read_document("rows.md", ROWS)
    assert [ln.kind for ln in doc.lines[:3]] == ["table"] * 3
    assert all(len(ln.cells) == 5 for ln in doc.lines[:3])


def test_headerless_rows_are_one_entry_each_with_at_organisations(tmp_path):
    recs = _records(tmp_path, ROWS)
    assert [r.arxiv_id for r in recs] == ["2402.00011", "2403.00022", "2403.00033"]
    assert [r.title for r in recs] == [
        "Quill: Sparse Decoding for Long Prompts",
        "Tiny Lanterns: 2-bit Weights Without Tears",
        "Wren: Paged Attention for Edge Devices",
    ]
    assert "NVIDIA" in {m.name for m in recs[0].institutions}
    assert [m.name for m in recs[2].institutions] == ["Meta"]


def test_a_paragraph_with_one_pipe_line_stays_a_paragraph():
    doc = read_document("p.md", "Scores below.\n|a|b|\nmore text\n")
    assert doc.lines[1].kind != "table"


def test_at_organisations():
    s = "@Acme University&NVIDIA etc"
    assert s[slice(*at_organisations(s))] == "Acme University&NVIDIA"
    s = "@cs.acme.edu"
    assert s[slice(*at_organisations(s))] == "cs.acme.edu"
    assert at_organisations("@someone") is None  # a handle, not an organisation
    assert at_organisations("NVIDIA") is None  # no at-sign: the bracket's other readers decide


# ---------------------------------------------------------------- list labels, (Org Year)

LABELLED = (
    "### Reading list\n"
    "* [[QNet] Query Networks for Click Prediction (Acme 2019)](papers/qnet.pdf) <br />\n"
    "* [[Deep Wren] Deep Wren - Ranking Without Features (Microsoft 2016)](papers/wren.pdf) <br />\n"
    "* [[Survey] Ranking Models for Recommendation Systems (JSmith 2014)](papers/survey.pdf) <br />\n"
    "* [[LF] Latent Factor Techniques for Sparse Ratings (Amazon 2003)](papers/lf.pdf) <br />\n"
)


def test_a_list_of_labelled_titles_loses_its_labels_and_reads_org_year(tmp_path):
    recs = _records(tmp_path, LABELLED)
    assert [r.title for r in recs] == [
        "Query Networks for Click Prediction",
        "Deep Wren - Ranking Without Features",
        "Ranking Models for Recommendation Systems",
        "Latent Factor Techniques for Sparse Ratings",
    ]
    assert [m.name for m in recs[1].institutions] == ["Microsoft"]
    assert [m.name for m in recs[3].institutions] == ["Amazon"]
    assert not recs[2].institutions  # "(JSmith 2014)": a person in the slot, no organisation


def test_one_bracketed_title_keeps_its_bracket(tmp_path):
    text = (
        "- [[Re] Reproducing Dense Retrieval at Scale](https://arxiv.org/abs/2301.00001)\n"
        "- [Sparse Routers for Long Context](https://arxiv.org/abs/2301.00002)\n"
        "- [Tree Search for Tool Agents](https://arxiv.org/abs/2301.00003)\n"
    )
    recs = _records(tmp_path, text)
    assert recs[0].title == "[Re] Reproducing Dense Retrieval at Scale"


# ---------------------------------------------------------------- dated lists of headlines

HEADLINES = (
    "- 2024-03-02\n"
    "  - [面试被问到了：手写Softmax。。。](https://mp.weixin.qq.com/s/aaa)\n"
    "  - [重磅！谷歌新作Quill：长文本解码提速5倍](https://mp.weixin.qq.com/s/bbb)\n"
    "- 2024-03-01\n"
    "  - [CVPR 2024 | 北京大学提出Wren：边缘设备上的分页注意力](https://mp.weixin.qq.com/s/ccc)\n"
    "  - [首篇《多模态智能体综述》来了](https://mp.weixin.qq.com/s/ddd)\n"
)


def test_dated_headlines_are_one_entry_each_dated_by_their_bullet(tmp_path):
    recs = _records(tmp_path, HEADLINES)
    assert [list(r.urls) for r in recs] == [["https://mp.weixin.qq.com/s/bbb"], ["https://mp.weixin.qq.com/s/ccc"], ["https://mp.weixin.qq.com/s/ddd"]]
    assert [r.date for r in recs] == ["2024-03-02", "2024-03-01", "2024-03-01"]
    assert all(r.title is None for r in recs)  # a headline is no paper title
    assert recs[2].title_zh == "多模态智能体综述"


def test_headline_subject_before_a_maker_verb_is_the_affiliation():
    from kg.parse.layouts.headlines import maker

    for text, want in [
        ("重磅！谷歌新作Quill：长文本解码提速5倍", "谷歌"),
        ("CVPR 2024 | 北京大学提出Wren：边缘设备上的分页注意力", "北京大学"),
        ("港大和腾讯发布首篇综述", "港大和腾讯"),
    ]:
        got = maker(text, 0, len(text))
        assert got is not None and text[slice(*got)] == want
    assert maker("首篇《多模态智能体综述》来了", 0, 14) is None


def test_a_date_bullet_alone_makes_no_headline_list():
    from kg.parse.document import read_document
    from kg.parse.layouts import headlines

    doc = read_document("x.md", "- 2024-03-02\n- Some note about the day\n")
    assert headlines.parse(doc).entries == []


# ---------------------------------------------------------------- a post citing one paper

POST = (
    "---\n"
    "title: 提速5倍！长文本解码的又一境界，真的很快！\n"
    "copyright_author: Blogger\n"
    "date: 2022-04-02 10:11:12\n"
    "tags:\n"
    "- Transformer\n"
    "---\n"
    "\n"
    ">本文提出了一种稀疏解码方法Quill，速度提升5倍！<br>**作者单位**：北京大学，微软亚洲研究院等\n"
    "\n"
    "## 简介\n"
    "长文本解码的成本很高。\n"
    "\n"
    "## 参考\n"
    "[1].Quill: Sparse Decoding for Long Prompts<br>\n"
)


def test_a_post_citing_one_paper_is_that_paper_with_its_units(tmp_path):
    (r,) = _records(tmp_path, POST)
    assert r.title == "Quill: Sparse Decoding for Long Prompts"
    assert r.title_zh is None  # the front matter's title is the post's headline
    assert r.date == "2022-04-02"
    assert r.institutions  # "**作者单位**：" after a line break is the affiliations field


def test_a_post_citing_several_works_is_not_read_as_one_of_them():
    from kg.parse.document import read_document
    from kg.parse.post_refs import sole_reference

    two = POST + "[2].Wren: Paged Attention for Edge Devices<br>\n"
    assert sole_reference(read_document("p.md", two)) is None
    assert sole_reference(read_document("p.md", POST)) is not None


# ---------------------------------------------------------------- an org-only byline after the links

def test_org_and_year_after_an_items_links_is_its_maker(tmp_path):
    text = (
        "## Ranking\n"
        "1. [Query Networks for Click Prediction](https://arxiv.org/abs/1901.00001) ([Paper](https://arxiv.org/pdf/1901.00001.pdf)) `Alibaba` `2019`\n"
        "2. [Deep Wren: Ranking Without Features](https://arxiv.org/abs/1902.00002) `Microsoft` `2019`\n"
        "3. [Latent Factors for Sparse Ratings](https://arxiv.org/abs/1903.00003) `JSmith` `2019`\n"
    )
    recs = _records(tmp_path, text)
    assert [[m.name for m in r.institutions] for r in recs] == [["Alibaba Group"], ["Microsoft"], []]


def test_a_labelled_lists_slides_and_handbook_are_no_papers(tmp_path):
    text = LABELLED + (
        "* [[Intro] Ranking Systems Handbook (JSmith 2011)](papers/handbook.pdf) <br />\n"
        "* [[Intro slides] Ranking Systems An Introduction (JSmith 2014)](papers/slides.pdf) <br />\n"
    )
    p = tmp_path / "list.md"
    p.write_text(text, encoding="utf-8")
    from kg.parse.driver import parse
    from kg.records import Document

    res = parse(Document(str(p), text, "utf-8"))
    assert len(res.entries) == 4
    assert [u.line for u in res.unassigned if u.reason == "non-paper item"] == [6, 7]
