"""The generic reader on pages about one paper (kg.parse.generic_page), read with the
layouts that would read them taken out of the driver's list (leave one layout out).

Tiny fixtures written here, in the shapes static sites and note tools give such pages."""
from __future__ import annotations

import pytest

from kg.parse import LAYOUTS, parse_document
from kg.parse.document import read_document
from kg.parse.generic_page import paper_page

POST = """\
---
title: "Segment Anything"
authors: ["Alexander Kirillov", "Eric Mintun", "Nikhila Ravi"]
date: 2023-04-05
url: "https://arxiv.org/abs/2304.02643"
---

## Summary

A promptable segmentation model trained on a billion masks.

## Why it matters

It segments what you point at, see [SAM](https://arxiv.org/abs/2304.02643).
"""

# A write-up of a reading group: the front-matter author wrote the post.
WRITEUP = """\
---
title: "Visual Instruction Tuning"
author: "Jane Writer"
date: 2024-05-30
---

- Paper: [Visual Instruction Tuning](https://arxiv.org/abs/2304.08485)
- Presenter: [Joel](https://example.org/joel)

## Notes

We discussed the data pipeline.

```bibtex
@article{club-2024,
    author = {Jane Writer},
    title = {Visual Instruction Tuning},
}
```
"""

# The paper's keys come after the site's own ("tags:", a block list), the authors in
# the body's opening lines, a people section's middle dots.
KEYED_LATER = """\
---
tags:
- scaling
paper_title: 'Scaling Laws for Neural Language Models'
paper_link: https://arxiv.org/abs/2001.08361
---

> Jared Kaplan, Sam McCandlish, Tom Henighan

Body text that cites [Chinchilla](https://arxiv.org/abs/2203.15556) and [Llama](https://arxiv.org/abs/2307.09288).
"""

PEOPLE_SECTION = """\
---
title: "Optimality of FSQ Tokens for Continuous Diffusion"
date: 2026-06-10
---

<div class="resources"><a href="https://arxiv.org/abs/2606.09962">arXiv</a></div>

## 👥 作者与机构

**Vadim Popov** ¹ · Wenju Gu · Tasnima Sadekova

## 📖 阅读建议

Read section 3.
"""

DAILY = """\
---
title: "Daily papers 2025-08-27"
---

- [A](https://arxiv.org/abs/2508.00001)
- [B](https://arxiv.org/abs/2508.00002)
- [C](https://arxiv.org/abs/2508.00003)
"""


def _without_post_layouts(text: str, name: str = "post.md"):
    doc = read_document(name, text)
    normal = parse_document(doc)
    used = {normal.layout} | {e.layout for e in normal.entries}
    return parse_document(doc, [m for m in LAYOUTS if m.name not in used]), normal


def _field(e, name: str) -> str | None:
    span = getattr(e, name)
    return None if span is None else e.text[span.start : span.end]


def test_a_post_about_one_paper_is_one_entry_opening_at_its_title_key():
    res, normal = _without_post_layouts(POST)
    assert normal.layout != "generic"
    assert res.layout == "generic"
    (e,) = res.entries
    assert e.line == 2  # the title key, as the frontmatter layout's entry
    assert _field(e, "title") == "Segment Anything"
    assert _field(e, "authors") == '"Alexander Kirillov", "Eric Mintun", "Nikhila Ravi"'
    assert e.date == "2023-04-05"
    assert e.end_line == 14  # the last line of the file


def test_a_writeups_author_is_its_writer_and_its_citation_block_no_part_of_the_entry():
    res = parse_document(read_document("club.qmd", WRITEUP), [])
    (e,) = res.entries
    assert _field(e, "title") == "Visual Instruction Tuning"
    assert e.authors is None
    assert "@article" not in e.text  # the block citing the write-up closes the entry
    assert any(u.reason == "post citation" for u in res.unassigned)


def test_paper_keys_after_site_keys_open_the_entry_and_the_body_names_the_authors():
    res = parse_document(read_document("potm.md", KEYED_LATER), [])
    (e,) = res.entries
    assert e.line == 4
    assert _field(e, "title") == "Scaling Laws for Neural Language Models"
    assert _field(e, "authors") == "Jared Kaplan, Sam McCandlish, Tom Henighan"
    assert {u.line for u in res.unassigned if u.reason == "front matter"} == {1, 2, 3}


def test_a_people_section_names_the_authors():
    res = parse_document(read_document("post.md", PEOPLE_SECTION), [])
    (e,) = res.entries
    assert _field(e, "authors").startswith("Vadim Popov")
    assert "Tasnima Sadekova" in _field(e, "authors")


@pytest.mark.parametrize(
    "text",
    [
        DAILY,  # a digest's day in its title, three papers
        "---\ntitle: My holiday\n---\n\nNo paper here at all.\n",  # no paper carried
        "# Segment Anything\n\nhttps://arxiv.org/abs/2304.02643\n",  # no metadata
        # two headings each carrying a paper: a post of readings, one paper a section
        "---\ntitle: Readings of March\n---\n\n### A Title (https://arxiv.org/abs/2603.00011)\n\n"
        "### [B Title](https://arxiv.org/abs/2603.00014)\n",
    ],
)
def test_pages_that_are_not_one_papers_are_left_to_the_paragraph_reader(text):
    assert paper_page(read_document("page.md", text)) is None


# ---------------------------------------------------------------- pages titled by a heading

NOTE = """\
# 📅 Date: 2025-12-01

## 📄 BERT: Pre-training of Deep Bidirectional Transformers 🚀

### 👥 Authors
Jacob Devlin, Ming-Wei Chang, Kenton Lee

### 🔗 Links
- **Primary**: [1810.04805](https://arxiv.org/abs/1810.04805)
- **PDF**: [Download PDF](https://arxiv.org/pdf/1810.04805.pdf)

### Methodologies
Masked language modelling.
"""

NEWS_TABLE = """\
## 🔥 Latest Curated News

| Score | Headline | Source |
|-------|----------|--------|
| **8.0** | [You can now turn off visible watermarks](https://example.org/a) | The Verge |
| **8.5** | [Scientists Used AI to Create Viruses](https://example.org/b) | Wired |
| **7.5** | [Some Large Language Models Exhibit Consistent Risk Attitudes](https://arxiv.org/abs/2607.16197) | arXiv |
"""


def test_a_note_about_one_paper_is_titled_by_its_first_title_heading():
    res = parse_document(read_document("note.md", NOTE), [])
    (e,) = res.entries
    assert e.line == 3  # the title heading; the date heading over it is no title
    assert _field(e, "title") == "BERT: Pre-training of Deep Bidirectional Transformers"
    assert _field(e, "authors") == "Jacob Devlin, Ming-Wei Chang, Kenton Lee"
    assert "https://arxiv.org/abs/1810.04805" in e.links


def test_a_table_of_linked_headlines_is_no_page_about_the_one_paper_it_links():
    assert paper_page(read_document("README.md", NEWS_TABLE)) is None


NOTE_WITH_DATE_METADATA = """\
---
date: 2021-12-29
tags: Evaluation, Code Generation
---

# Asleep at the Keyboard? Assessing the Security of GitHub Copilot's Code Contributions

- Paper: https://arxiv.org/pdf/2108.09293.pdf
- Code: https://github.com/example/copilot-eval

## Summary

Copilot writes vulnerable code in about 40% of the scenarios.
"""


def test_metadata_that_names_no_paper_leaves_the_title_heading_to_name_it():
    page = paper_page(read_document("note.md", NOTE_WITH_DATE_METADATA))
    assert page is not None and page.first == 5 and page.keys == {}
    res = parse_document(read_document("note.md", NOTE_WITH_DATE_METADATA), [])
    (e,) = res.entries
    assert _field(e, "title") == "Asleep at the Keyboard? Assessing the Security of GitHub Copilot's Code Contributions"
