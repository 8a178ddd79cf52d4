"""Affiliation fields written in an entry's text that its reader did not mark
(kg.extract.affiliation_fields). Fixtures are invented lines in the shapes digests use."""
from __future__ import annotations

import pytest

from kg.extract import extract_entry
from kg.extract.affiliation_fields import labelled_affiliations
from kg.records import Entry, Span


def names(text: str) -> list[str]:
    return [m.name for m in labelled_affiliations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zorb\n**机构**：Nanjing University, Quintessa Institute of Technology<br>\n",
         ["Nanjing University", "Quintessa Institute of Technology"]),
        ("Zorb\n机构：清华大学 · 北京大学\n备注：8 pages", ["Tsinghua University", "Peking University"]),
        ("- **Affiliations:** MIT; Stanford University\n- **Code:** none", [
            "Massachusetts Institute of Technology", "Stanford University"]),
        ('    "institute": "Yale University, Quintessa AI Lab",\n', ["Yale University", "Quintessa AI Lab"]),
        ("| Institution: | Carnegie Mellon University |", ["Carnegie Mellon University"]),
        # A short English key opening a plain line is a sentence, not a field.
        ("Lab: we thank Stanford University for the GPUs.", []),
        ("- **Lab:** Quintessa AI Lab", ["Quintessa AI Lab"]),
        # The preprint server a paper is on is no organisation.
        ("Institution: arXiv (2603.03237v1) — q-bio.QM", []),
        # The key inside a sentence is no field.
        ("We list each institution: MIT, Stanford and more.", []),
        ("Zorb\n机构：\n摘要：…", []),
    ],
)
def test_labelled_affiliations(text, expected):
    assert names(text) == expected


def test_spans_point_into_the_text():
    text = "Zorb\n**机构**：Yale University<br>"
    [m] = labelled_affiliations(text)
    assert text[m.start : m.end] == "Yale University"


def _entry(text: str, **spans: Span) -> Entry:
    return Entry(file="x.md", line=1, end_line=1, kind="structured", layout="test", text=text, **spans)


def test_an_unmarked_field_comes_before_prose_frames():
    text = "Zorb\n机构：Yale University\nA new paper by OpenAI studies Zorb."
    rec = extract_entry(_entry(text, title=Span(0, 4), body=(Span(text.index("A new"), len(text)),)))
    assert [m.name for m in rec.institutions] == ["Yale University"]


def test_a_marked_field_wins():
    text = "Zorb\n[Stanford University]\n机构：Yale University"
    rec = extract_entry(_entry(text, title=Span(0, 4), affiliations=Span(6, 25)))
    assert [m.name for m in rec.institutions] == ["Stanford University"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (" - **Authors:** Quintessa AI Lab: Yuteng Wei, Jinming Ma, Jiawei Wang", ["Quintessa AI Lab"]),
        ("**作者**: Ziyu Liu, Shengyuan Ding 等 (上海AI Lab / InternLM)", ["Shanghai AI Laboratory"]),
        ("Authors: Yuteng Wei, Jinming Ma", []),  # people only
        ("作者：Dongting Li, Xingyu Chen 等（共 13 位作者）", []),  # a note, no organisation
    ],
)
def test_an_author_field_names_its_organisations(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "**Organization:** The paper is organized into five sections.",
        "- Institution: Not specified in the abstract",
        "**机构**：未提及",
        "**Lab:** see the project page for details",
        "Institutions: multiple universities",
    ],
)
def test_an_unmarked_field_of_prose_names_no_organisation(text):
    assert names(text) == []


def test_prose_in_an_unmarked_field_is_left_to_the_maker_frames():
    text = "Zorb\nAffiliations: The authors are from Stanford University and Google.\n"
    rec = extract_entry(_entry(text, title=Span(0, 4), body=(Span(5, len(text)),)))
    assert [m.name for m in rec.institutions] == ["Stanford University", "Google"]


def test_a_short_unknown_name_beside_an_organisation():
    assert names("机构：Ghent University – zorbec, Belgium") == ["Ghent University", "zorbec"]
    assert names("机构：zorbec") == []  # alone, nothing says it is an organisation


def test_a_field_after_an_html_line_break():
    # a post's lead blockquote: the field follows a <br> on the same line, a city in
    # brackets and a comment after the list
    assert names("> 一篇新论文的解读<br>**作者单位**：谷歌大脑（苏黎世），有原ViT一作和二作") == ["Google Brain"]
    assert names("> lead<br/>Affiliations: MIT; Stanford University") == [
        "Massachusetts Institute of Technology", "Stanford University"]
