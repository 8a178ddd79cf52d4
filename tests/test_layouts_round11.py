"""Rules prompted by the eleventh round of real digests (issue 11, breadth): reading lists
kept as BibTeX files, daily pages kept as JSON data, posts whose paper title sits under an
identifier key (``paperTitle``), write-ups of reading-group meetings, and text files
damaged by a stray NUL. Written with invented text in the shape of those digests, so that
each rule is checked on its own and for every digest of that kind."""
from __future__ import annotations

import logging

import pytest
from layouthelp import records_of as _records

from kg.parse.bibtex import looks_like_bibtex
from kg.parse.datafile import json_data, opens_data
from kg.parse.document import read_document
from kg.parse.driver import parse_document
from kg.parse.fields import field_kind
from kg.read import ReadError, read_bytes

# ---------------------------------------------------------------- field keys as identifiers


def test_identifier_keys_are_read_in_words():
    assert field_kind("paperTitle") == field_kind("paper-title") == field_kind("paper_title") == "title"
    assert field_kind("arxivLink") == field_kind("arxivId") == "link"
    assert field_kind("institute") == "affiliations" and field_kind("date-discussed") == "date"
    # A key that is no field in words either, and qualified keys still found by prefix.
    assert field_kind("catchyTitle") is None and field_kind("startTime") is None
    assert field_kind("arXiv所属领域") == "category"
    # Who presented a paper is page metadata, never its authors.
    assert field_kind("Presenter") == field_kind("Attendees") == "meta"


# ---------------------------------------------------------------- BibTeX reading lists

BIB = """%% This BibTeX bibliography file was created using BibDesk.

@inproceedings{lee2021neurips,
\tannote = {Came out at the same time as [another one](https://example.org/other).},
\tauthor = {Lee, Ann and Chen, Bo},
\tdate = {2021/12/01},
\tdate-discussed = {2023-11-27 led by Cy Dorn},
\thypoth = {https://hyp.is/go?url=https%3A%2F%2Fexample.org&group=__world__},
\ttitle = {{Sparse Routers for Long Context}},
\turl = {https://proceedings.example.org/paper/2021/sparse.pdf},
\tyear = {2021},
\tbdsk-file-1 = {YnBsaXN0MDDSAQIDBFxyZWxhdGl2ZVBhdGhZYWxpYXNEYXRh}}

@misc{wu2023arxiv,
\tarxiv = {2305.00001},
\tauthor = {Dana Wu and Eli Fox},
\tdate-discussed = {2023-11-06 led by Cy Dorn},
\ttitle = {Dense Retrieval at
\t\tScale},
\tyear = {2023}}

@comment{BibDesk Smart Groups{
<?xml version="1.0" encoding="UTF-8"?>
}}
"""


def test_bibtex_file_is_data_not_markdown():
    assert looks_like_bibtex(BIB) and not looks_like_bibtex("# Papers\n\n@article{k,\n}")
    doc = read_document("refs.bib", BIB)
    assert not doc.markdown
    # Markdown would read "__world__" in the annotation link as emphasis.
    assert any("group=__world__" in t for t in doc.texts)


def test_bibtex_records_are_entries(tmp_path):
    recs = _records(tmp_path, BIB, "reading-group.bib")
    # Outer braces are no part of a title; a value may go on over lines.
    assert [r.title for r in recs] == ["Sparse Routers for Long Context", "Dense Retrieval at Scale"]
    first, second = recs
    assert first.line == 3 and second.line == 14
    assert [a.name for a in first.authors] == ["Lee, Ann", "Chen, Bo"]
    assert [a.name for a in second.authors] == ["Dana Wu", "Eli Fox"]
    # The list's own day (when it was discussed), not the paper's publication date.
    assert first.date == "2023-11-27" and second.date == "2023-11-06"
    assert second.arxiv_id == "2305.00001"
    assert "https://hyp.is/go?url=https%3A%2F%2Fexample.org&group=__world__" in first.urls


def test_bibtex_comment_block_is_reported_not_read():
    res = parse_document(read_document("refs.bib", BIB))
    assert res.layout == "bibfile" and len(res.entries) == 2
    reasons = {u.line: u.reason for u in res.unassigned}
    assert reasons[1] == "bibliography comment"
    assert reasons[22] == "bibliography metadata"


def test_bibtex_authors_with_tex_accents_and_two_word_surnames_are_read_as_written(tmp_path):
    # Once left out (the name reader could not take TeX accents); round 13b reads them
    # through a same-length shadow of the accents, names kept as written.
    text = "@article{k,\n  author = {Ze{\\v{c}}evi{\\'c}, Matej and Van Katwyk, Peter},\n  title = {Causal Parrots},\n}\n"
    (rec,) = _records(tmp_path, text, "one.bib")
    assert rec.title == "Causal Parrots"
    assert [a.name for a in rec.authors] == ["Ze{\\v{c}}evi{\\'c}, Matej", "Van Katwyk, Peter"]


def test_bibtex_authors_the_name_reader_cannot_take_are_left_out(tmp_path):
    text = "@article{k,\n  author = {Stanford, California and Google, Research},\n  title = {Causal Parrots},\n}\n"
    (rec,) = _records(tmp_path, text, "one.bib")
    assert rec.title == "Causal Parrots" and not rec.authors


# ---------------------------------------------------------------- JSON data files

JS = """
daily_data = {
    "date": "2024-08-05",
    "tweets": [
            {
                "startTime": "00:48",
                "arxivId": "2408.00001",
                "arxivLink": "https://arxiv.org/abs/2408.00001",
                "title": "Routers Gone Wild: Sparse Models Take Over!",
                "institute": "Tampere University, Kyoto University",
                "text": "This research introduces SparseRoute, a router for long contexts.",
                "paper-title": "Sparse Routers for Long Context",
                "image-path": ""
            },

            {
                "startTime": "01:20",
                "arxivId": "2408.00002",
                "arxivLink": "https://arxiv.org/abs/2408.00002",
                "title": "Retrieval, But Make It Dense",
                "institute": "Heriot-Watt University",
                "paper-title": "Dense Retrieval at Scale",
                "image-path": ""
            },
"""


def test_data_files_are_told_by_their_opening():
    assert opens_data(JS) and opens_data('[{"title": "T"}]') and not opens_data("# Title\n{")
    assert json_data(JS) is None  # cut short: read record by record
    assert json_data('papers = [{"title": "T"}];') == [{"title": "T"}]


def test_json_records_are_entries_with_the_papers_own_title(tmp_path):
    recs = _records(tmp_path, JS, "data_20240805.js")
    assert [r.title for r in recs] == ["Sparse Routers for Long Context", "Dense Retrieval at Scale"]
    assert [r.line for r in recs] == [5, 16]
    assert [m.name for m in recs[0].institutions] == ["Tampere University", "Kyoto University"]
    assert [r.arxiv_id for r in recs] == ["2408.00001", "2408.00002"] and recs[0].date == "2024-08-05"


def test_json_without_paper_records_is_not_read_as_papers():
    doc = read_document("package.json", '{\n  "name": "site",\n  "dependencies": {\n    "astro": "^4.0.0"\n  }\n}\n')
    res = parse_document(doc)
    assert res.layout != "jsondata" and not res.entries


# ---------------------------------------------------------------- posts


def test_paper_title_key_names_the_post_and_the_entry_stands_at_it(tmp_path):
    text = (
        "---\n\n"
        'arxivId: "2602.00001"\n'
        'feed: "cs.AI"\n'
        'catchyTitle: "Routers, But Sparse"\n'
        'paperTitle: "Sparse Routers for Long Context"\n'
        "tags: [\"agents\"]\n"
        'sourceUrl: "https://arxiv.org/abs/2602.00001"\n'
        'publishedAt: "2026-02-12T20:45:00-05:00"\n'
        "---\n\n## The paper in one line\n\nSparse routers keep long contexts cheap.\n"
    )
    (rec,) = _records(tmp_path, text, "post.md")
    assert rec.title == "Sparse Routers for Long Context" and rec.line == 6
    assert rec.category == "AI" and rec.date == "2026-02-12" and rec.arxiv_id == "2602.00001"


WRITEUP = """---
title: "Sparse Routers for Long Context"
author: "Cy Dorn"
date: "2024-04-18"
---

:::{.callout-note}
- Paper: [Sparse Routers for Long Context](https://arxiv.org/abs/2404.00001)
- Presenter: [Dana](https://www.linkedin.com/in/dana/)
- Attendees: [Eli](https://www.linkedin.com/in/eli/)
:::

## Why this paper?

We read it for its routing.

---

*If you found this post useful, you can cite it as:*

```bibtex
@article{
    club-2024-routers,
    author = {Cy Dorn},
    title = {Sparse Routers for Long Context},
    url = {https://club.example.org/posts/20240418/},
}
```
"""


def test_writeup_posts_front_matter_author_is_the_writer(tmp_path):
    (rec,) = _records(tmp_path, WRITEUP, "index.qmd")
    assert rec.title == "Sparse Routers for Long Context" and not rec.authors
    assert rec.date == "2024-04-18" and rec.arxiv_id == "2404.00001"
    assert "https://club.example.org/posts/20240418/" not in rec.urls  # the write-up's own citation
    res = parse_document(read_document("index.qmd", WRITEUP))
    assert any(u.reason == "post citation" for u in res.unassigned)


def test_a_post_that_is_no_writeup_keeps_its_authors(tmp_path):
    text = WRITEUP.replace('author: "Cy Dorn"', 'author: "Ann Lee, Bo Chen"').replace("- Presenter:", "- Slides:").replace(
        "- Attendees:", "- Notes:"
    )
    (rec,) = _records(tmp_path, text, "post.md")
    assert [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen"]


# ---------------------------------------------------------------- reading


def test_stray_nul_in_a_text_file_is_read_with_a_warning(caplog):
    data = ("---\ntitle: T\n---\n\nhowpublished = {\x00rl{https://club.example.org}},\n" + "text " * 60).encode()
    with caplog.at_level(logging.WARNING, logger="kg.read"):
        doc = read_bytes(data, "post.qmd")
    assert "\x00" not in doc.text and "\ufffd" in doc.text and len(doc.text) == len(data.decode())
    assert any("NUL" in r.message for r in caplog.records)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"abc\x00def\x00ghi" * 10, "t\x00xt ".encode() + b"\xff\xfe" * 40],
)
def test_binary_files_are_still_refused(data):
    with pytest.raises(ReadError):
        read_bytes(data, "bad.bin")


# ---------------------------------------------------------------- pages named in their opening

DAY_POST = """---
title: 2021-01-25 论文推荐
date: 2021-01-25
author: member
---

大家好，今天我带来的是来自 *NDSS 2017* 的《Sparse Routers for Long Context》。

![](./img/0125/1.png)

路由器把长上下文分给不同的专家。作者们从 Dense Retrieval 出发构建了 SparseRoute。

- PDF: <https://www.ndss-symposium.org/wp-content/uploads/2017/09/sparse.pdf>
"""


def test_day_post_names_its_paper_in_title_marks(tmp_path):
    (rec,) = _records(tmp_path, DAY_POST, "0125.md")
    assert rec.title == "Sparse Routers for Long Context" and rec.line == 7 and rec.layout == "namedpost"
    assert not rec.authors and rec.date == "2021-01-25"  # the post's author is its writer
    assert rec.urls == ("https://www.ndss-symposium.org/wp-content/uploads/2017/09/sparse.pdf",)


def test_a_post_titled_by_its_paper_is_not_read_for_title_marks(tmp_path):
    text = DAY_POST.replace("title: 2021-01-25 论文推荐", "title: Dense Retrieval at Scale").replace(
        "author: member", "author: Ann Lee, Bo Chen"
    ).replace("- PDF: <https://www.ndss", "- PDF: <https://arxiv.org/abs/2101.00001> <https://www.ndss")
    res = parse_document(read_document("post.md", text))
    assert res.layout == "frontmatter" and len(res.entries) == 1


REVIEW = """[![arXiv](https://img.shields.io/badge/arXiv-2501.12948-b31b1b.svg)](https://arxiv.org/abs/2503.20215)
[![GitHub](https://img.shields.io/badge/GitHub-Router-brightgreen)](https://github.com/example/router)

# Обзор SparseRoute: маршрутизатор для длинного контекста 🚀

## 📝 Описание

Обзор модели **SparseRoute**, разработанной командой Example Lab.

## 🔍 Ключевые особенности

- **Routing**: распределение токенов по экспертам;
- **Caching**: повторное использование ключей.
"""


def test_review_page_heading_names_the_paper_its_badge_links(tmp_path):
    (rec,) = _records(tmp_path, REVIEW, "README.md")
    # The review label and the closing emoji are no part of the title; the badge's picture
    # names another id than its link, and the link is the paper's.
    assert rec.title == "SparseRoute: маршрутизатор для длинного контекста"
    assert rec.line == 4 and rec.arxiv_id == "2503.20215"
    assert "https://github.com/example/router" in rec.urls  # a badge's link is the entry's
    # The entry opens at its heading: the badge lines above it are the page's header.
    res = parse_document(read_document("README.md", REVIEW))
    assert {u.line: u.reason for u in res.unassigned}[1] == "page header"


def test_a_page_of_several_papers_is_no_review_page():
    text = REVIEW + "\n- [Other](https://arxiv.org/abs/2503.00001)\n- [Third](https://arxiv.org/abs/2503.00002)\n"
    res = parse_document(read_document("README.md", text))
    assert res.layout != "namedpost"


# ---------------------------------------------------------------- reading-group items

GROUP = """{{< tab "Jun" >}}

- Optimistic tree search strategies for black-box combinatorial optimization
<br>NeurIPS'22</br>
<i class='fa fa-download'></i> [`paper`](https://proceedings.neurips.cc/paper/2022/tree.pdf) |
<i class='fa fa-file-powerpoint-o'></i> [`slides`](/slides/PMJun23.pptx) |
<i class='fa fa-bullhorn'></i> Peili Mao |
<i class='fa fa-calendar'></i> June 4

- Learning Algorithms for Active Learning
<br>PMLR 2017</br>
<i class='fa fa-download'></i> [`paper`](http://proceedings.mlr.press/v70/bachman17a/bachman17a.pdf) |
<i class='fa fa-bullhorn'></i> Tian Huang |
<i class='fa fa-calendar'></i> June 18

Moderator: Peili Mao

{{< /tab >}}
"""


def test_reading_group_items_link_their_paper_by_a_label(tmp_path):
    recs = _records(tmp_path, GROUP, "readinggroup.md")
    assert [r.title for r in recs] == [
        "Optimistic tree search strategies for black-box combinatorial optimization",
        "Learning Algorithms for Active Learning",
    ]
    assert [r.line for r in recs] == [3, 10] and all(not r.authors for r in recs)  # presenters are no authors
    assert recs[0].urls == ("https://proceedings.neurips.cc/paper/2022/tree.pdf",)  # the slides link is relative
    res = parse_document(read_document("readinggroup.md", GROUP))
    assert {u.reason for u in res.unassigned if u.line in (1, 16, 18)} == {"site template shortcode", "meeting role"}


# ---------------------------------------------------------------- HTML newsletter cards

CARDS = """                            <div class="section">
                                <h2>📚 Top Research Papers</h2>

                                <div class="research-paper">
                                    <h4><a href="https://arxiv.org/abs/2603.00001?utm_source=letter">Sparse Routers for Long Context</a></h4>
                                    <p><strong>Institution:</strong> arXiv (2603.00001v1) — q-bio.QM</p>
                                    <p>A router for long contexts.</p>
                                </div>

                                <div class="research-paper">
                                    <h4><a href="https://example-lab.com/2026/02/dense/?utm_source=letter">Dense Retrieval at Scale (DRS)</a></h4>
                                    <p><strong>Institution:</strong> Example Lab / medRxiv</p>
                                    <p>Example Lab released DRS.</p>
                                </div>
                            </div>
"""


def test_indented_html_is_html_not_code():
    from kg.parse.document import indented_html

    doc = read_document("letter.html", CARDS)
    assert doc.markdown and not any(ln.kind == "code" for ln in doc.lines)
    assert indented_html("    <p>a</p>\n    <p>b</p>") and not indented_html("    a = 1\n    b = a < 2")


def test_newsletter_cards_and_a_preprint_server_in_the_institution_field(tmp_path):
    recs = _records(tmp_path, CARDS, "letter.html")
    assert [r.title for r in recs] == ["Sparse Routers for Long Context", "Dense Retrieval at Scale (DRS)"]
    assert recs[0].category == "QM" and not recs[0].institutions and recs[0].arxiv_id == "2603.00001"
    assert [m.name for m in recs[1].institutions] == ["Example Lab"]


def test_bibtex_record_without_a_title_and_an_eprint_id(tmp_path):
    text = (
        "@software{tool2024,\n  author = {Lee, Ann},\n  url = {https://github.com/example/tool},\n}\n\n"
        "@article{chen2024,\n  author = {Chen, Bo},\n  title = {Dense Retrieval at Scale},\n"
        "  eprint = {2401.00001},\n  archivePrefix = {arXiv},\n}\n"
    )
    (rec,) = _records(tmp_path, text, "refs.bib")
    assert rec.title == "Dense Retrieval at Scale" and rec.arxiv_id == "2401.00001" and rec.line == 6
    res = parse_document(read_document("refs.bib", text))
    assert [u.reason for u in res.unassigned if u.line <= 4] == ["non-paper item"] * 4
