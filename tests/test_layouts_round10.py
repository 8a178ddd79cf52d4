"""Rules prompted by the tenth round of real digests (issue 11, breadth): collapsible paper
cards, keyword digests whose items name authors but link no paper, indexes of paper
notes dated by their link texts, one-paper newsletter pages whose front matter names the
reviewed paper under ``paper_*`` keys, bylines set apart by em dashes, arXiv's subject
lists and month-and-year dates. Written with invented text in the shape of those digests,
so that each rule is checked on its own and for every digest of that kind."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.byline import byline
from kg.parse.categories import category_line
from kg.parse.dates import find_date
from kg.parse.document import read_document
from kg.parse.fields import field_kind


# ---------------------------------------------------------------- collapsible cards

CARDS = """## Outstanding

<details class="paper-card" markdown>
<summary><strong>1.1</strong> · <span>AGENTS</span> · A teaser sentence about the work<span><a href="https://example.org/feedback?id=1">👍</a></span></summary>

**Sparse Routers for Long Context Windows**
A. Lee, B. Chen — arXiv 2607.00001, July 2026 — [arXiv link](https://arxiv.org/abs/2607.00001)

**Approach.** The routers pick a few experts per token.

</details>

<details class="paper-card" markdown>
<summary><strong>1.2</strong> · <span>MINING</span> · Another teaser</summary>

**Mining Usage Patterns with Automata**
C. Diaz, D. Evans — IEEE Symposium on Security and Privacy, 2026 — [IEEE link](https://ieeexplore.ieee.org/document/1)

Abstract-only in this digest.

</details>
"""


def test_each_card_is_one_paper_titled_by_its_bold_line(tmp_path):
    recs = _records(tmp_path, CARDS)
    assert [(r.title, r.arxiv_id, [a.name for a in r.authors]) for r in recs] == [
        ("Sparse Routers for Long Context Windows", "2607.00001", ["A. Lee", "B. Chen"]),
        ("Mining Usage Patterns with Automata", None, ["C. Diaz", "D. Evans"]),
    ]
    # The byline's "July 2026" dates the first paper; the summary's buttons are no link of it.
    assert recs[0].date == "2026-07" and recs[0].urls == ("https://arxiv.org/abs/2607.00001",)
    assert recs[1].urls == ("https://ieeexplore.ieee.org/document/1",)


def test_a_summary_that_is_the_title_titles_the_card(tmp_path):
    text = (
        "<details>\n<summary>Dense Retrieval at Scale with Tiny Encoders</summary>\n\n"
        "Carla Diaz, Dan Evans\n\nWe train tiny encoders. https://arxiv.org/abs/2607.00002\n\n</details>\n"
    )
    (rec,) = _records(tmp_path, text)
    assert rec.title == "Dense Retrieval at Scale with Tiny Encoders" and rec.arxiv_id == "2607.00002"


def test_a_folded_abstract_under_a_heading_is_no_card_of_its_own(tmp_path):
    # "<summary>Abstract</summary>" folds an item's abstract: the heading's layout reads it.
    text = (
        "### 1. Sparse Routers for Long Context Windows\n\nAnn Lee, Bo Chen\n\n"
        "<details><summary><b>Abstract</b></summary>\nThe routers pick a few experts per token.\n</details>\n\n"
        "[📄 Paper](https://arxiv.org/abs/2607.00001)\n\n"
        "### 2. Mining Usage Patterns with Automata\n\nCy Dorn\n\n"
        "<details><summary><b>Abstract</b></summary>\nPatterns as automata.\n</details>\n\n"
        "[📄 Paper](https://arxiv.org/abs/2607.00003)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Routers for Long Context Windows", "Mining Usage Patterns with Automata"]


# ---------------------------------------------------------------- bylines


def test_em_dashes_set_a_bylines_parts_apart_and_initials_end_no_sentence():
    doc = read_document("d.md", "**T**\nA. Lee, B. Chen — arXiv 2607.00001, July 2026 — [arXiv link](https://arxiv.org/abs/2607.00001)\n")
    parts = byline(doc.lines[1])
    assert [doc.lines[1].text[a:e] for a, e in parts] == ["A. Lee, B. Chen", "arXiv 2607.00001, July 2026", "arXiv link"]


def test_a_linked_title_with_its_authors_is_no_byline():
    doc = read_document("d.md", "- [Sparse Routers for Long Context](https://arxiv.org/abs/2603.00001) — Alice Zhang, Bob Stone\n")
    assert byline(doc.lines[0]) is None


def test_month_and_year_is_a_date_of_month_precision():
    assert find_date("arXiv 2607.01640, July 2026")[2] == "2026-07"
    assert find_date("Jul. 2026")[2] == "2026-07"
    assert find_date("29 July 2026")[2] == "2026-07-29"  # the day, where written, still counts
    assert find_date("this may 2020 be") is None  # a lower-case word is no month


# ---------------------------------------------------------------- keyword digests


KEYWORDS = """# Showing new listings for Wednesday, 29 July 2026
## Keyword: SLAM
### Title:
          Sparse Routers for Long Context Windows
 - **Authors:** Ann Lee, Bo Chen
 - **Subjects:** Subjects:
Computer Vision and Pattern Recognition (cs.CV); Robotics (cs.RO)
 - **Arxiv link:** https://arxiv.org/abs/
 - **Abstract**
 We route tokens.
## Keyword: odometry
There is no result
## Keyword: lidar
### Title:
          Mining Usage Patterns with Automata
 - **Authors:** Cy Dorn
 - **Subjects:** Subjects:
Robotics (cs.RO)
 - **Arxiv link:** https://arxiv.org/abs/
 - **Abstract**
 We mine patterns.
"""


def test_items_that_name_their_authors_are_papers_even_without_a_paper_link(tmp_path):
    # The items link no paper (the ids are missing), but they name authors: not news items.
    recs = _records(tmp_path, KEYWORDS)
    assert [(r.title, [a.name for a in r.authors]) for r in recs] == [
        ("Sparse Routers for Long Context Windows", ["Ann Lee", "Bo Chen"]),
        ("Mining Usage Patterns with Automata", ["Cy Dorn"]),
    ]
    # arXiv's own subject list on the line under the empty "Subjects:" gives the category.
    assert [r.category for r in recs] == ["CV", "RO"] and recs[0].date == "2026-07-29"


def test_a_count_under_an_author_key_names_no_author(tmp_path):
    # "Authors: 1 researchers" is a statistic: the item (a repository) stays no paper.
    text = (
        "## 📄 transformers\n\n### 👥 Authors\nhuggingface\n\n### 🔗 Links\n"
        "- **Primary**: [View](https://github.com/huggingface/transformers)\n\n"
        "### 📊 Statistics\n- **Authors**: 1 researchers\n"
    )
    assert _records(tmp_path, text) == []


def test_arxiv_subject_list_is_a_category_line():
    assert category_line("Computer Vision and Pattern Recognition (cs.CV); Robotics (cs.RO)")[2] == "CV"
    assert category_line("Human-Computer Interaction (cs.HC)")[2] == "HC"
    assert category_line("We study robots (cs.RO) here") is None


# ---------------------------------------------------------------- indexes of dated notes


def test_an_index_of_notes_dated_in_their_link_texts_lists_papers(tmp_path):
    text = (
        "## augmentation\n"
        "1. [200122 FixMatch](papers/2020/200122%20FixMatch.md) #semi_supervised_learning\n"
        "1. [200220 Affinity and Diversity](papers/2020/200220%20Affinity%20and%20Diversity.md)\n"
        "1. [210318 TrivialAugment](papers/2021/210318%20TrivialAugment.md)\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.date) for r in recs] == [
        ("FixMatch", "2020-01-22"), ("Affinity and Diversity", "2020-02-20"), ("TrivialAugment", "2021-03-18"),
    ]


def test_one_dated_link_is_no_index(tmp_path):
    # A single link text that opens with a number is a title, and links no paper.
    text = "- [200122 Reasons to Visit](notes/visit.md)\n- [Travel Tips](notes/tips.md)\n"
    assert _records(tmp_path, text) == []


# ---------------------------------------------------------------- one-paper newsletter pages


POTM = """---
tags:
- scaling-laws
potm_order: 2
paper_title: 'Beyond Optimal: Accounting for Inference in Language Model
  Scaling Laws'
paper_authors: Ann Lee and Bo Chen
paper_orgs: Google DeepMind, UCL
paper_link: https://arxiv.org/abs/2401.00448
review_authors:
- charlieb
---

### The key idea

The authors revise the [Chinchilla paper](https://arxiv.org/abs/2203.15556) laws, as
[Llama](https://arxiv.org/abs/2307.09288) and [GPT-3](https://arxiv.org/abs/2005.14165) suggest.
"""


def test_front_matter_paper_keys_name_the_reviewed_paper(tmp_path):
    (rec,) = _records(tmp_path, POTM)
    assert rec.title == "Beyond Optimal: Accounting for Inference in Language Model Scaling Laws"  # folded YAML
    assert [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen"] and rec.arxiv_id == "2401.00448"
    assert [m.name for m in rec.institutions] == ["DeepMind", "University College London"]


def test_papers_a_review_cites_do_not_make_it_a_list(tmp_path):
    # Without its paper_link the page is a list of the papers it links, as before.
    text = POTM.replace("paper_link: https://arxiv.org/abs/2401.00448\n", "")
    assert [r.title for r in _records(tmp_path, text)] != [
        "Beyond Optimal: Accounting for Inference in Language Model Scaling Laws"
    ]


def test_paper_qualifies_a_field_key():
    assert [field_kind(k) for k in ("paper_title", "paper_authors", "paper_orgs", "paper_link")] == [
        "title", "authors", "affiliations", "link",
    ]
    assert field_kind("review_authors") is None and field_kind("Paper") == "title"


# ---------------------------------------------------------------- reading-group logs


LOG = """# 2019-02-27

## Chosen Paper
[Latent Codes for Crossing Modalities](https://arxiv.org/abs/1902.00001), Ann Lee, Bo Chen

## Other Suggestions
* [Learning Policies from Data](https://arxiv.org/abs/1805.00002), Cy Dorn, Dee Eve
* [Beyond Contents: Social Context](https://dl.acm.org/citation.cfm?id=1), Fay Gum, Hal Ives \\[[pdf](http://example.org/a.pdf)\\]
"""


def test_a_chosen_paper_under_its_heading_is_an_item_of_the_list(tmp_path):
    recs = _records(tmp_path, LOG)
    assert [(r.title, [a.name for a in r.authors], r.date) for r in recs] == [
        ("Latent Codes for Crossing Modalities", ["Ann Lee", "Bo Chen"], "2019-02-27"),
        ("Learning Policies from Data", ["Cy Dorn", "Dee Eve"], "2019-02-27"),
        # The escaped bracket that opens the links after the names is no part of them.
        ("Beyond Contents: Social Context", ["Fay Gum", "Hal Ives"], "2019-02-27"),
    ]


def test_a_lone_linked_line_in_running_text_is_no_item(tmp_path):
    # Not under a heading: a paragraph that cites a paper as the list's items do stays out.
    text = "Some notes first.\n[Latent Codes for Crossing Modalities](https://arxiv.org/abs/1902.00001), Ann Lee\n\n" + LOG.split("## Other Suggestions\n")[1]
    assert [r.title for r in _records(tmp_path, text)] == ["Learning Policies from Data", "Beyond Contents: Social Context"]


def test_a_venue_after_a_full_stop_still_ends_the_authors(tmp_path):
    text = "1. **Improving Language Understanding**. *Ann Lee and Bo Chen*. Preprint. [[pdf](https://example.org/a.pdf)]\n"
    (rec,) = _records(tmp_path, text)
    assert [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen"]


# ---------------------------------------------------------------- Korean paper notes


def test_korean_field_keys_and_a_title_key_in_the_heading(tmp_path):
    text = (
        "# 제목: Sparse Routers for Long Context Windows\n\n"
        "- 학회: ICLR 2025\n- 링크: https://arxiv.org/pdf/2501.00001\n- 코드: https://github.com/example/routers\n\n"
        "## 1. 요약\n- 라우터는 토큰마다 전문가를 고른다.\n"
    )
    (rec,) = _records(tmp_path, text)
    assert rec.title == "Sparse Routers for Long Context Windows" and rec.arxiv_id == "2501.00001"
    assert [field_kind(k) for k in ("제목", "저자", "소속", "링크", "코드", "학회", "분야")] == [
        "title", "authors", "affiliations", "link", "link", "meta", "category",
    ]


def test_a_short_name_closing_a_notes_title_is_its_gloss(tmp_path):
    text = (
        "# Bilateral Propagation Network for Depth Completion (BP-Net)\n\n"
        "- **학회:** CVPR 2024\n- **링크:** https://arxiv.org/abs/2403.11270\n\n## 1. 요약\n- 요약 문장.\n"
    )
    (rec,) = _records(tmp_path, text)
    assert rec.title == "Bilateral Propagation Network for Depth Completion"


# ---------------------------------------------------------------- author teams and file dates


def test_a_team_signing_before_its_people_is_no_author():
    from kg.parse.author_fields import author_value

    v = "Simple AI: Yuteng Wei, Jinming Ma, Di Zhang"
    a, e = author_value(v)
    assert v[a:e] == "Yuteng Wei, Jinming Ma, Di Zhang"
    v = "Ann Lee, Bo Chen: equal contribution"  # a colon after a list is no team's
    assert author_value(v) is None or not v[slice(*author_value(v))].startswith("Bo Chen")


def test_the_team_is_the_authors_organisation(tmp_path):
    text = KEYWORDS.replace("Ann Lee, Bo Chen", "Simple AI: Ann Lee, Bo Chen")
    rec = _records(tmp_path, text)[0]
    assert [a.name for a in rec.authors] == ["Ann Lee", "Bo Chen"] and [m.name for m in rec.institutions] == ["Simple AI"]


def test_a_month_in_a_file_name_dates_its_entries(tmp_path):
    text = "---\npaper_title: Sparse Routers for Long Context\npaper_authors: Ann Lee\npaper_link: https://arxiv.org/abs/2312.00001\n---\n\nA review.\n"
    (rec,) = _records(tmp_path, text, "potm--2024-01-sparse-routers.md")
    assert rec.date == "2024-01"  # the newsletter's month folder, kept in the name; not the id's 2023-12


def test_cards_titled_by_a_heading_a_link_or_a_symbol_led_summary(tmp_path):
    text = (
        "<details>\n<summary>Paper 1</summary>\n\n### Sparse Routers for Long Context Windows\n\nAnn Lee, Bo Chen\n\n"
        "We route tokens. [arXiv](https://arxiv.org/abs/2607.00001)\n\n</details>\n\n"
        "<details>\n<summary>Paper 2</summary>\n\n[Mining Usage Patterns with Automata](https://arxiv.org/abs/2607.00002)\n\n"
        "We mine patterns.\n\n</details>\n\n"
        "<details>\n<summary>📄 Dense Retrieval at Scale with Tiny Encoders</summary>\n\n"
        "We train tiny encoders. https://arxiv.org/abs/2607.00003\n\n</details>\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.arxiv_id) for r in recs] == [
        ("Sparse Routers for Long Context Windows", "2607.00001"),
        ("Mining Usage Patterns with Automata", "2607.00002"),
        ("Dense Retrieval at Scale with Tiny Encoders", "2607.00003"),
    ]
    assert [a.name for a in recs[0].authors] == ["Ann Lee", "Bo Chen"]


def test_authors_after_by_in_a_reading_list(tmp_path):
    text = (
        "## Also suggested\n1. [Learning Policies from Data](https://arxiv.org/abs/1805.00002) by Cy Dorn\n"
        "2. [Beyond Contents: Social Context](https://arxiv.org/abs/1805.00003) by Fay Gum, Hal Ives\n"
    )
    assert [[a.name for a in r.authors] for r in _records(tmp_path, text)] == [["Cy Dorn"], ["Fay Gum", "Hal Ives"]]


def test_a_summary_that_labels_the_fold_titles_nothing(tmp_path):
    text = "<details>\n<summary>Click to expand the abstract</summary>\n\nWe route tokens. https://arxiv.org/abs/2607.00001\n\n</details>\n"
    assert all(r.title != "Click to expand the abstract" for r in _records(tmp_path, text))


# ---------------------------------------------------------------- plain-text listing mails


MAIL = """------------------------------------------------------------------------------
\\\\
arXiv:2411.13566
Date: Mon, 11 Nov 2024 10:35:41 GMT   (9474kb,D)

Title: Sparse Routers for Long Context Windows
Authors: Ann Lee, Bo Chen, Cy Dorn
Categories: cs.LG cs.AI
Comments: 10 pages, 5 figures
\\\\
  We route tokens to a few experts and show that
this scales to long contexts.
\\\\ ( https://arxiv.org/abs/2411.13566 ,  9474kb)
------------------------------------------------------------------------------
\\\\
arXiv:2411.13567
Date: Mon, 11 Nov 2024 11:35:41 GMT   (12kb)

Title: Mining Usage Patterns with Symbolic
  Finite Automata
Authors: Dee Eve and Fay Gum
Categories: cs.SE
\\\\
  We mine patterns as automata.
\\\\ ( https://arxiv.org/abs/2411.13567 ,  12kb)
------------------------------------------------------------------------------
"""


def test_a_rule_of_dashes_opening_a_file_is_no_front_matter():
    from kg.parse.document import opens_front_matter

    assert opens_front_matter("---\ntitle: A\n---\n") and not opens_front_matter("------\nTitle: A\n------\n")
    doc = read_document("mail.txt", MAIL)
    assert doc.front_matter_lines is None and doc.lines[5].kind != "heading"  # a long paragraph over dashes is text


def test_an_arxiv_listing_mail_is_read_item_by_item(tmp_path):
    recs = _records(tmp_path, MAIL, "mail.txt")
    assert [(r.title, r.arxiv_id, r.category, [a.name for a in r.authors]) for r in recs] == [
        ("Sparse Routers for Long Context Windows", "2411.13566", "LG", ["Ann Lee", "Bo Chen", "Cy Dorn"]),
        # The title wrapped onto an indented line is one title.
        ("Mining Usage Patterns with Symbolic Finite Automata", "2411.13567", "SE", ["Dee Eve", "Fay Gum"]),
    ]


def test_a_setext_title_of_two_lines_is_still_a_heading():
    doc = read_document("d.md", "Sparse Routers for Long\nContext Windows\n---------------\n\nText.\n")
    assert doc.lines[0].kind == "heading" and doc.lines[1].kind == "heading"


def test_a_tables_slashed_dates_read_in_the_order_the_page_shows(tmp_path):
    text = (
        "| Title | Authors | Date | Link |\n| --- | --- | --- | --- |\n"
        "| Sparse Routers for Long Context | Ann Lee et al. | 01/12/2020 | [Paper](https://arxiv.org/abs/2012.00001) |\n"
        "| Mining Usage Patterns with Automata | Bo Chen et al. | 30/07/2017 | [Paper](https://arxiv.org/abs/1707.00002) |\n"
    )
    assert [r.date for r in _records(tmp_path, text)] == ["2020-12-01", "2017-07-30"]
    # Month first where the page shows it so (an undecided page reads them month first).
    assert [r.date for r in _records(tmp_path, text.replace("30/07/2017", "7/30/2017"))] == ["2020-01-12", "2017-07-30"]


def test_a_date_line_closing_an_entry_is_its_own_date(tmp_path):
    text = (
        "**Sparse Routers for Long Context Windows** \\\n*Ann Lee, Bo Chen* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2304.00001)] \\\n27 Apr 2023\n\n"
        "**Mining Usage Patterns with Automata** \\\n*Cy Dorn* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2303.00002)] \\\n1 Mar 2023\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.date) for r in recs] == [
        ("Sparse Routers for Long Context Windows", "2023-04-27"),
        ("Mining Usage Patterns with Automata", "2023-03-01"),  # not the entry before it's
    ]


def test_known_fields_beside_an_unknown_first_one_are_read(tmp_path):
    text = (
        "### 1. **[Sparse Routers for Long Context Windows](https://arxiv.org/abs/2605.00001)**\n"
        "- **评分**: ⭐ 88/100 | **日期**: 2026-05-18\n- **作者**: Ann Lee, Bo Chen\n\n"
        "### 2. **[Mining Usage Patterns with Automata](https://arxiv.org/abs/2605.00002)**\n"
        "- **评分**: ⭐ 80/100 | **日期**: 2026-05-17\n- **作者**: Cy Dorn\n"
    )
    assert [r.date for r in _records(tmp_path, text, "daily-2026-05-20.md")] == ["2026-05-18", "2026-05-17"]


def test_a_reading_logs_slashed_date_and_a_sources_day_date_their_items(tmp_path):
    log = (
        "**06/22/2020** [Sparse Routers for Long Context](./notes/routers.md) A.Lee, B.Chen [pdf](https://arxiv.org/pdf/2006.00001.pdf)\n\n"
        "**06/09/2020** [Mining Usage Patterns with Automata](./notes/mining.md) C.Dorn [pdf](https://arxiv.org/pdf/2006.00002.pdf)\n"
    )
    assert [r.date for r in _records(tmp_path, log)] == ["2020-06-22", "2020-06-09"]  # month first, as 06/22 shows
    feed = (
        "1. **Sparse Routers for Long Context Windows**\n   - Source: arXiv, 2026-06-30\n"
        "   - Authors: Ann Lee, Bo Chen\n   - Links: [paper](http://arxiv.org/abs/2606.00001v1)\n"
        "2. **Mining Usage Patterns with Automata**\n   - Source: arXiv, 2026-06-28\n"
        "   - Authors: Cy Dorn\n   - Links: [paper](http://arxiv.org/abs/2606.00002v1)\n"
    )
    assert [r.date for r in _records(tmp_path, feed, "feed.md")] == ["2026-06-30", "2026-06-28"]


def test_a_one_line_card_is_titled_by_its_summary_alone(tmp_path):
    text = (
        "<details><summary>**Sparse Routers for Long Context Windows**</summary>We route tokens. https://arxiv.org/abs/2607.00001</details>\n\n"
        "<details><summary>Mining Usage Patterns with Automata</summary>We mine patterns. https://arxiv.org/abs/2607.00002</details>\n"
    )
    assert [(r.title, r.arxiv_id) for r in _records(tmp_path, text)] == [
        ("Sparse Routers for Long Context Windows", "2607.00001"), ("Mining Usage Patterns with Automata", "2607.00002"),
    ]


def test_an_unclosed_or_empty_card_is_no_paper(tmp_path):
    assert _records(tmp_path, "<details>\n<summary></summary>\n</details>\n<details>\n") == []
