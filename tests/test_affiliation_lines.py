"""Affiliation lines listed one per line, with footnote markers or none
(kg.extract.affiliations)."""
from __future__ import annotations

from kg.extract.affiliations import affiliations_by_marker, split_affiliations

FOOTNOTES = """[^1]: Tsinghua University
[^2]: ModelBest Inc.
[^3]: Yale University"""


def _names(text: str) -> list[str]:
    return [m.name for m in split_affiliations(text)[0]]


def test_markdown_footnote_definitions_are_numbered_affiliations():
    assert _names(FOOTNOTES) == ["Tsinghua University", "ModelBest", "Yale University"]
    by = {k: [m.name for m in v] for k, v in affiliations_by_marker(FOOTNOTES).items()}
    assert by == {"1": ["Tsinghua University"], "2": ["ModelBest"], "3": ["Yale University"]}


def test_one_organisation_per_line_without_markers():
    # the markdown reader drops the footnote markers; each line is still one organisation
    text = " Department of Computer Science, Princeton University\n Google Research, Brain Team"
    assert _names(text) == ["Princeton University", "Google Brain"]


def test_colon_numbers_and_bracketed_names():
    assert _names("1: MIT\n2: Stanford University") == ["Massachusetts Institute of Technology", "Stanford University"]
    # a bracketed short name is an organisation, not a footnote marker
    assert _names("[MIT]") == ["Massachusetts Institute of Technology"]


def test_chinese_company_named_by_its_trade():
    # an unknown Chinese company's name ends in its trade (科技, 机器人): an organisation
    assert _names("北京Zoezen机器人,北航") == ["北京Zoezen机器人", "Beihang University"]
    assert _names("武汉大学,兰卡斯特大学等") == ["Wuhan University", "Lancaster University"]


def test_a_unit_followed_by_its_owner_is_the_unit():
    # the table's "parent": the owner written after its unit is the unit's address
    assert _names("Brain Team, Google") == ["Google Brain"]
    assert _names("FAIR, Meta") == ["Facebook AI Research"]
    assert _names("Microsoft Research Asia, Microsoft") == ["Microsoft Research Asia"]
    # two organisations of one owner, or the owner first, are both kept
    assert _names("Google Brain & Google") == ["Google Brain", "Google"]
    assert _names("Google, Google Brain") == ["Google", "Google Brain"]


def test_name_spans_follow_the_text_order():
    m = split_affiliations("Microsoft Research Asia, Zhejiang University, Microsoft Research")[0]
    assert [(x.name, x.start) for x in m] == [
        ("Microsoft Research Asia", 0), ("Zhejiang University", 25), ("Microsoft Research", 46)]


def test_at_suffix_organisations():
    # a title's "(@org)" suffix as a reader hands it on: at signs, "&", domains, "etc"
    assert _names("@ZIP Lab&SenseTime Research etc") == ["ZIP Lab", "SenseTime"]
    assert _names("@ust.hk&meta etc") == ["Hong Kong University of Science and Technology", "Meta"]
    assert _names("@cs.princeton.edu etc") == ["Princeton University"]
    assert _names("@Northeastern University&Oracle") == ["Northeastern University", "Oracle"]


def test_affiliations_continue_one_per_line_after_the_marked_field():
    from kg.extract import extract_entry
    from kg.records import Entry, Span

    text = "Zorb: A Title\nAuthors: Ann Lee, Bo Chen\n\n Princeton University\n Google DeepMind\n ASU\n\n## Summary\nZorb is"
    a = text.index(" Princeton") + 1
    entry = Entry(file="t.md", line=1, end_line=8, text=text, layout="sections", kind="digest",
                  title=Span(0, 13), affiliations=Span(a, a + len("Princeton University")))
    assert [m.name for m in extract_entry(entry).institutions] == [
        "Princeton University", "DeepMind", "Arizona State University"]


def test_a_line_of_prose_ends_the_continued_affiliations():
    from kg.extract.affiliations import continued_affiliations

    text = "MIT\nStanford University\nWe propose Zorb, a model.\nYale University"
    assert [m.name for m in continued_affiliations(text, 3)] == ["Stanford University"]
    assert continued_affiliations("MIT and more", 3) == []  # the field does not end its line


def test_notes_below_a_marked_author_list():
    from kg.extract.affiliations import affiliations_below

    text = "Authors: Ann Lee[^1], Bo Chen[^2]\n\n Department of CS, Princeton University\n Google Research, Brain Team\n\nZorb is"
    names = [m.name for m in affiliations_below(text, (9, 17))]  # the reader stopped at the first mark
    assert names == ["Princeton University", "Google Brain"]
    # authors without note marks point to no notes
    assert affiliations_below("Authors: Ann Lee, Bo Chen\n\n Princeton University\n", (9, 25)) == []
    # a paragraph of prose below is no note block
    assert affiliations_below("Authors: Ann Lee[^1]\n\nWe study Zorb at scale.\n", (9, 20)) == []


def test_a_sentence_naming_a_lab_ends_the_continued_affiliations():
    from kg.extract.affiliations import continued_affiliations

    text = "Zorbic Lab\nExample Lab released DRS.\n"
    assert continued_affiliations(text, 10) == []
    assert [m.name for m in continued_affiliations("Zorbic Lab\nQuux Institute of Technology\n", 10)] == [
        "Quux Institute of Technology"]
