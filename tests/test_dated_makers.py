"""Organisation-only bylines after a title: ``(Alibaba 2018)``, `` `Amazon` `2003` ``."""
from __future__ import annotations

import pytest

from kg.extract import extract_entry
from kg.extract.dated_makers import byline_slots, dated_makers
from kg.records import Entry, Span


def _names(text: str, title_end: int, start: int = 0) -> list[str]:
    return [text[a:b] for a, b in dated_makers(text, (start, title_end))]


@pytest.mark.parametrize(
    "text, title_end, names",
    [
        ("Deep Interest Network for CTR Prediction (Alibaba 2018)", 40, ["Alibaba"]),
        ("Session-based Recommendations (HKUST, 2015)", 29, ["HKUST"]),
        # code spans after a link label, as the markdown reader leaves them
        ("Item-to-Item Collaborative Filtering (Paper) Amazon 2003", 36, ["Amazon"]),
        ("A Title (Google & Stanford 2019)", 7, ["Google", "Stanford"]),
    ],
)
def test_known_organisation_with_a_year_is_the_maker(text, title_end, names):
    assert _names(text, title_end) == names


@pytest.mark.parametrize(
    "text, title_end",
    [
        ("Recommender Systems Handbook (FRicci 2011)", 28),  # a person in the slot
        ("Attention Is All You Need (NeurIPS 2017)", 25),  # a venue
        ("A Title (Alibaba 2018) and more words", 7),  # the byline must end the line
        ("A Title (Alibaba)", 7),  # no year: no byline
        ("A Title (Alibaba & Jane Roe 2018)", 7),  # every part must be an organisation
    ],
)
def test_no_maker_without_a_known_organisation_and_a_year(text, title_end):
    assert _names(text, title_end) == []


def test_byline_left_inside_the_title_is_read():
    text = "[CF] Amazon Recommendations (Amazon 2003) "
    assert _names(text, 41) == ["Amazon"]


def test_slot_reports_a_person_too():
    text = "Recommender Systems Handbook (FRicci 2011)"
    assert [text[a:b] for a, b in byline_slots(text, (0, 28))] == ["FRicci"]
    assert byline_slots(text, None) == []


def _entry(text: str, title_end: int) -> Entry:
    return Entry(file="t.md", line=1, end_line=1, text=text, layout="items", kind="digest",
                 title=Span(0, title_end))


def test_extract_reads_the_byline_and_takes_no_person_for_a_model():
    rec = extract_entry(_entry("Matrix Factorization Techniques (Yahoo 2009)", 31))
    assert [m.name for m in rec.institutions] == ["Yahoo"]
    rec = extract_entry(_entry("Recommender Systems Handbook (FRicci 2011)", 28))
    assert rec.institutions == () and [m.name for m in rec.models] == []
