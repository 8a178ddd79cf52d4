"""Rules prompted by round 13's layouts once they turned dev (issue 11): a lab's paper
library (headings that open with a bracketed venue over a bold title, author lines in
BibTeX order closed by a code link, a paper whose link is broken), data files whose paper
objects hold their authors and arXiv categories as JSON lists, and seminar pages whose
bullets give a title and then its presenter. Written with invented text in the shape of
those digests, so that each rule is checked on its own and for every digest of that kind."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.base import LINK_LABEL_RE
from kg.parse.titles import lead_venue_tag

# ---------------------------------------------------------------- paper libraries

LIBRARY = """# Papers we read

## [[ICLR 2024] **Sparse Routers for Long Context Models**](https://arxiv.org/abs/2401.00001)

  *Lovelace, Ada and Babbage, Charles and Hopper, Grace* [:octocat:code](https://github.com/example/routers)

<details close>
<summary><b>Abstract</b></summary>
We route tokens sparsely.
</details>

## [[NeurIPS 2023] **Dense Retrieval Without Labels**](===)

  *Alan Turing, Edsger Dijkstra* [:octocat:code](https://example.org/retrieval/)

<details close>
<summary><b>2025.8.18 notes</b></summary>
读后笔记。
</details>

## [**Tiny Models Reason Too**](https://arxiv.org/abs/2402.00002)

  *Barbara Liskov, Donald Knuth* [code](https://github.com/example/tiny)
"""


def test_a_library_heading_drops_its_venue_tag_and_reads_the_author_line_under_it(tmp_path):
    recs = _records(tmp_path, LIBRARY)
    assert [r.title for r in recs] == [
        "Sparse Routers for Long Context Models",
        "Dense Retrieval Without Labels",
        "Tiny Models Reason Too",
    ]
    # BibTeX order kept as written; the code link closing the line is no name.
    assert [a.name for a in recs[0].authors] == ["Lovelace, Ada", "Babbage, Charles", "Hopper, Grace"]
    assert [a.name for a in recs[2].authors] == ["Barbara Liskov", "Donald Knuth"]
    assert "https://github.com/example/routers" in recs[0].urls


def test_a_heading_whose_link_is_broken_is_a_paper_when_its_authors_follow(tmp_path):
    recs = _records(tmp_path, LIBRARY)
    broken = recs[1]
    assert broken.arxiv_id is None
    assert [a.name for a in broken.authors] == ["Alan Turing", "Edsger Dijkstra"]


def test_a_heading_over_prose_without_a_link_is_still_no_paper(tmp_path):
    # The same page with the broken item's author line turned into a sentence: a news
    # item, not a paper.
    text = LIBRARY.replace("*Alan Turing, Edsger Dijkstra*", "We discussed this at length last week.")
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers for Long Context Models", "Tiny Models Reason Too"]


def test_a_venue_tag_opening_a_heading_ends_where_the_title_starts():
    t = "[CVPR 2025] Neuro-3D: Towards 3D Decoding"
    assert t[lead_venue_tag(t, 0, len(t)) :] == "Neuro-3D: Towards 3D Decoding"
    assert lead_venue_tag("[CVPR 2025]", 0, 11) is None  # a tag alone titles nothing
    assert lead_venue_tag("Attention Is All You Need", 0, 25) is None


def test_an_emoji_shortcode_before_a_label_leaves_it_a_label():
    assert LINK_LABEL_RE.match(":octocat:code") and LINK_LABEL_RE.match(":memo: paper")
    assert not LINK_LABEL_RE.match(":smile: Attention Is All You Need")


# ---------------------------------------------------------------- JSON paper objects with lists

WEEKLY = """{
  "date": "2026-0101",
  "groups": [
    {
      "id": "speech",
      "papers": [
        {
          "id": "2601.00001v1",
          "title": "Listening Models Hear Speakers",
          "authors": [
            "Ada Lovelace",
            "Grace Hopper"
          ],
          "org": "KAIST",
          "categories": [
            "cs.SD",
            "eess.AS"
          ],
          "url": "https://arxiv.org/abs/2601.00001v1",
          "category": "foundation",
          "nextReads": [
            {
              "label": "Another Paper (2023)",
              "url": "https://arxiv.org/abs/2301.00002"
            }
          ]
        },
        {
          "id": "2601.00003v1",
          "title": "Tiny Audio Taggers",
          "authorList": ["Alan Turing", "Edsger Dijkstra"],
          "arxiv_categories": ["topic: audio", "cs.LG"],
          "url": "https://arxiv.org/abs/2601.00003v1"
        }
      ]
    }
  ]
}
"""


def test_a_json_paper_object_reads_its_author_and_category_lists(tmp_path):
    first, second = _records(tmp_path, WEEKLY, "weekly.json")
    assert [a.name for a in first.authors] == ["Ada Lovelace", "Grace Hopper"]
    # The first item of the list that is an arXiv code; the topic label "foundation" is none.
    assert first.category == "SD"
    assert [a.name for a in second.authors] == ["Alan Turing", "Edsger Dijkstra"]
    assert second.category == "LG"


def test_a_list_of_mappings_or_numbers_is_no_author_list(tmp_path):
    text = WEEKLY.replace('"authorList": ["Alan Turing", "Edsger Dijkstra"]', '"authorList": [1, 2]')
    _, second = _records(tmp_path, text, "weekly.json")
    assert second.authors == ()


# ---------------------------------------------------------------- seminar programmes

PROGRAMME = """# 第12期 | 论文分享

## 时间

2026.01.10

## 内容

第一场：
- [Oral] Sparse Routers for Long Context Language Models，张伟 清华大学
- Dense Retrieval Without Labels: A Study，李娜 北京大学&上海人工智能实验室

第二场：
- Tiny Models Reason Too, Jane Smith (Stanford University)

### 入群

欢迎加入交流群。
"""


def test_a_programme_bullet_is_a_paper_titled_before_its_presenter(tmp_path):
    recs = _records(tmp_path, PROGRAMME)
    assert [r.title for r in recs] == [
        "Sparse Routers for Long Context Language Models",
        "Dense Retrieval Without Labels: A Study",
        "Tiny Models Reason Too",
    ]
    # The presenter is no author, and the organisation after the name is the speaker's.
    assert all(r.authors == () and r.institutions == () for r in recs)


def test_one_line_naming_someone_is_no_programme(tmp_path):
    text = """## Notes

- We thank our hosts for the venue，张伟 清华大学
- Bring your own laptop
"""
    assert not _records(tmp_path, text)


def test_a_presented_title_needs_a_person_and_an_organisation_after_the_comma():
    from kg.parse.presenters import presented_title

    t = "Sparse Routers for Long Context Models，张伟 清华大学"
    s, e = presented_title(t, 0, len(t))
    assert t[s:e] == "Sparse Routers for Long Context Models"
    for line in (
        "Sparse Routers for Long Context Models，清华大学",  # no person
        "Sparse Routers for Long Context Models，张伟 北京",  # no organisation
        "Sparse Routers, Dense Experts, and Long Context Models",  # a title's own commas
        "路由器论文分享，张伟 清华大学",  # no title in Latin letters
    ):
        assert presented_title(line, 0, len(line)) is None, line
    t = "[Re] Sparse Routers for Long Context Models，张伟 清华大学"  # "[Re]" is a title's own tag
    s, e = presented_title(t, 0, len(t))
    assert t[s:e].startswith("[Re]")


# ---------------------------------------------------------------- TeX accents in author fields

BIB = r"""@article{lovelace2024,
	author = {Lovelace, Ada and Veli{\v c}kovi{\'c}, Petar and Van Der Berg, Anna and Ze{\v{c}}evi{\'c}, Matej},
	title = {Sparse Routers for Long Context Models},
	arxiv = {2401.00001},
}

@article{turing2024,
	author = {Matej Ze{\v{c}}evi{\'c} and Alan Turing and Kurt G{\"o}del},
	title = {Dense Retrieval Without Labels},
}
"""


def test_bibtex_names_with_tex_accents_are_read_as_written(tmp_path):
    first, second = _records(tmp_path, BIB, "reading.bib")
    assert [a.name for a in first.authors] == [
        "Lovelace, Ada", "Veli{\\v c}kovi{\\'c}, Petar", "Van Der Berg, Anna", "Ze{\\v{c}}evi{\\'c}, Matej",
    ]
    assert [a.name for a in second.authors] == ["Matej Ze{\\v{c}}evi{\\'c}", "Alan Turing", 'Kurt G{\\"o}del']


def test_the_tex_shadow_keeps_offsets():
    from kg.parse.names import author_names
    from kg.parse.tex import tex_shadow

    s = "Matej Ze{\\v{c}}evi{\\'c} and Alan Turing"
    assert len(tex_shadow(s)) == len(s) and "{" not in tex_shadow(s)
    assert author_names(s) == (["Matej Ze{\\v{c}}evi{\\'c}", "Alan Turing"], False)
    assert tex_shadow("Attention {Is} All") == "Attention Isxx All"


# ---------------------------------------------------------------- surname-first citations cut short


def test_a_cut_short_citation_names_its_first_author_surname_first():
    from kg.extract.authors import split_authors
    from kg.parse.names import author_names

    assert author_names("He, Kaiming, et al.") == (["He, Kaiming"], True)
    assert [a.name for a in split_authors("He, Kaiming, et al.")[0]] == ["He, Kaiming"]
    assert [a.name for a in split_authors("Springenberg, Ada Maria et al.")[0]] == ["Springenberg, Ada Maria"]
    assert [a.name for a in split_authors("Mnih, Kavukcuoglu et al.")[0]] == ["Mnih", "Kavukcuoglu"]
    # Given-name-first lists stay as they were.
    assert [a.name for a in split_authors("Kaiming He, Xiangyu Zhang et al.")[0]] == ["Kaiming He", "Xiangyu Zhang"]


def test_surnames_listed_before_et_al_are_people_and_places_are_not():
    from kg.parse.names import author_names

    assert author_names("Noh, Hong, Han et al.") == (["Noh", "Hong", "Han"], True)
    assert author_names("Noh, Hong, Han") is None  # no "et al.": three words, not a citation
    assert author_names("Stanford, California et al.") is None


def test_a_harvard_reference_keeps_a_generational_suffix_with_its_surname():
    from kg.extract.authors import split_authors

    names = [a.name for a in split_authors("Blodgett, S.L., Barocas, S., Daumé III, H. and Wallach, H.")[0]]
    assert names == ["Blodgett, S.L.", "Barocas, S.", "Daumé III, H.", "Wallach, H."]


ITALIC_LIST = """## CNN
- *Striving for Simplicity in Convolutional Nets (Springenberg, Ada Maria et al.)* [[arxiv, 14.12]](http://arxiv.org/abs/1412.00001)
- *Learning Deconvolution for Segmentation (Noh, Hong, Han et al.)* [[arxiv, 15.05]](https://arxiv.org/abs/1505.00002)
"""


def test_an_italic_title_closed_by_a_surname_first_citation(tmp_path):
    first, second = _records(tmp_path, ITALIC_LIST)
    assert first.title == "Striving for Simplicity in Convolutional Nets"
    assert [a.name for a in first.authors] == ["Springenberg, Ada Maria"] and first.authors_truncated
    assert [a.name for a in second.authors] == ["Noh", "Hong", "Han"]


# ---------------------------------------------------------------- BibTeX-order author lines elsewhere

HEADED = """## Sparse Routers for Long Context Models

*Lovelace, Ada and Babbage, Charles and Hopper, Grace*

[arXiv](https://arxiv.org/abs/2401.00001) | [code](https://github.com/example/routers)

## Dense Retrieval Without Labels

*Turing, Alan and Dijkstra, Edsger*

[arXiv](https://arxiv.org/abs/2401.00002)
"""

LISTED = """# Reading list

- **Sparse Routers for Long Context Models** [[paper]](https://arxiv.org/abs/2401.00001)
  Lovelace, Ada and Babbage, Charles and Hopper, Grace
- **Dense Retrieval Without Labels** [[paper]](https://arxiv.org/abs/2401.00002)
  Turing, Alan and Dijkstra, Edsger
"""


def test_an_italic_author_line_under_a_heading_is_no_title_of_its_own(tmp_path):
    recs = _records(tmp_path, HEADED)
    assert [(r.title, [a.name for a in r.authors]) for r in recs] == [
        ("Sparse Routers for Long Context Models", ["Lovelace, Ada", "Babbage, Charles", "Hopper, Grace"]),
        ("Dense Retrieval Without Labels", ["Turing, Alan", "Dijkstra, Edsger"]),
    ]


def test_a_list_items_author_line_under_its_title_is_read(tmp_path):
    recs = _records(tmp_path, LISTED)
    assert [[a.name for a in r.authors] for r in recs] == [
        ["Lovelace, Ada", "Babbage, Charles", "Hopper, Grace"], ["Turing, Alan", "Dijkstra, Edsger"],
    ]
    plain = LISTED.replace("Lovelace, Ada and Babbage, Charles and Hopper, Grace", "Ada Lovelace, Charles Babbage")
    assert [a.name for a in _records(tmp_path, plain)[0].authors] == ["Ada Lovelace", "Charles Babbage"]


COMPACT = """[
  {"title": "Sparse Routers for Long Context Models", "authors": ["Ada Lovelace", "Grace Hopper"], "categories": "cs.CL cs.LG", "url": "https://arxiv.org/abs/2401.00001"},
  {"title": "Dense Retrieval Without Labels", "authors": ["Alan Turing"], "meta": {"tags": ["x", "y"]}, "primary_category": "cs.IR", "arxiv_id": "2401.00002"}
]
"""


def test_paper_objects_written_one_a_line_are_read(tmp_path):
    first, second = _records(tmp_path, COMPACT, "papers.json")
    assert (first.title, [a.name for a in first.authors], first.category) == (
        "Sparse Routers for Long Context Models", ["Ada Lovelace", "Grace Hopper"], "CL",
    )
    # A nested mapping's lists are not the record's; an arXiv id key states the id bare.
    assert ([a.name for a in second.authors], second.category, second.arxiv_id) == (["Alan Turing"], "IR", "2401.00002")


def test_json_lines_rows_are_records(tmp_path):
    rows = "\n".join(line.strip().rstrip(",") for line in COMPACT.splitlines()[1:3]) + "\n"
    recs = _records(tmp_path, rows, "papers.jsonl")
    assert [r.title for r in recs] == ["Sparse Routers for Long Context Models", "Dense Retrieval Without Labels"]


FRONT_MATTER_LIST = """---
title: "Sparse Routers for Long Context Models"
authors:
  - Lovelace, Ada
  - Hopper, Grace
arxiv_categories:
  - cs.CL
  - cs.LG
---

## Abstract

We route tokens sparsely. https://arxiv.org/abs/2401.00001
"""


def test_a_list_of_surname_first_names_keeps_one_name_an_item(tmp_path):
    (rec,) = _records(tmp_path, FRONT_MATTER_LIST, "post.md")
    assert [a.name for a in rec.authors] == ["Lovelace, Ada", "Hopper, Grace"] and rec.category == "CL"
    one = '{"title": "Sparse Routers for Long Context Models", "authors": ["Lovelace, Ada", "Hopper, Grace"]}\n'
    (rec,) = _records(tmp_path, one, "paper.json")  # a file that is one paper's record
    assert [a.name for a in rec.authors] == ["Lovelace, Ada", "Hopper, Grace"]


def test_a_presenter_may_follow_a_dash_and_hold_the_organisation_in_brackets():
    from kg.parse.presenters import presented_title

    for line in ("Tiny Models Reason Too — 李娜（北京大学）", "Tiny Models Reason Too – Jane Smith (MIT)"):
        s, e = presented_title(line, 0, len(line))
        assert line[s:e] == "Tiny Models Reason Too"
    line = "Sparse Routers, Dense Experts — and More Models"
    assert presented_title(line, 0, len(line)) is None


LABELLED_BYLINE = """# Library

## [ICLR 2024] Sparse Routers for Long Context Models

*Lovelace, Ada and Babbage, Charles and others* [[paper]](https://arxiv.org/abs/2401.00001) [[code]](https://github.com/example/routers)

## 【NeurIPS'23】Dense Retrieval Without Labels

_Alan Turing, Edsger Dijkstra_ | [Paper](https://arxiv.org/abs/2401.00002) | [Project Page](https://example.org)
"""


def test_an_author_line_closed_by_the_papers_label_links_presents_the_paper(tmp_path):
    first, second = _records(tmp_path, LABELLED_BYLINE)
    assert (first.title, first.arxiv_id, first.authors_truncated) == ("Sparse Routers for Long Context Models", "2401.00001", True)
    assert [a.name for a in first.authors] == ["Lovelace, Ada", "Babbage, Charles"]
    assert (second.title, [a.name for a in second.authors]) == ("Dense Retrieval Without Labels", ["Alan Turing", "Edsger Dijkstra"])


def test_the_field_reader_takes_an_author_line_closed_by_label_links(tmp_path):
    # The library page read by the field reader alone (as when no heading reader fits).
    from kg.parse.document import read_document
    from kg.parse.layouts import fields

    res = fields.parse(read_document("library.md", LIBRARY))
    authors = [e.authors.of(e.text) if e.authors else None for e in res.entries]
    assert "Lovelace, Ada and Babbage, Charles and Hopper, Grace" in authors


def test_a_heading_is_never_a_bare_author_line():
    from kg.parse.author_lines import bare_authors
    from kg.parse.document import read_document

    doc = read_document("x.md", "# 相关整理\n\n张伟，李娜\n")
    assert bare_authors(doc.lines[0]) is None and bare_authors(doc.lines[2]) is not None
