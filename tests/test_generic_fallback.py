"""The generic fallback and the driver's ``layouts`` hook (leave one layout out).

Tiny fixtures written here: each is the shape a digest may take when kg has no reader
for it, read with the layouts that would read it taken out of the driver's list."""
from __future__ import annotations

from kg.parse import LAYOUTS, parse_document
from kg.parse.document import read_document

FIELD_DIGEST = """\
Title: Segment Anything
Authors: Alexander Kirillov, Eric Mintun, Nikhila Ravi
URL: https://arxiv.org/abs/2304.02643

Title: Visual Instruction Tuning
Authors: Haotian Liu, Chunyuan Li, Qingyang Wu
URL: https://arxiv.org/abs/2304.08485
"""


def _doc(text: str, name: str = "digest.md"):
    return read_document(name, text)


def _titles(res) -> list[str]:
    return [res_e.text[res_e.title.start : res_e.title.end] if res_e.title else None for res_e in res.entries]


def test_default_list_is_the_registered_layouts():
    doc = _doc(FIELD_DIGEST, "digest.txt")
    assert parse_document(doc).layout == parse_document(doc, LAYOUTS).layout


def test_leaving_the_chosen_layout_out_makes_another_read_the_file():
    doc = _doc(FIELD_DIGEST, "digest.txt")
    normal = parse_document(doc)
    rest = [m for m in LAYOUTS if m.name != normal.layout]
    again = parse_document(doc, rest)
    assert again.layout != normal.layout
    assert all(e.layout != normal.layout for e in again.entries)


def test_no_layout_at_all_leaves_the_generic_reader():
    doc = _doc(FIELD_DIGEST, "digest.txt")
    res = parse_document(doc, [])
    assert res.layout == "generic"
    assert len(res.entries) == 2
    assert ["2304.02643" in e.text for e in res.entries] == [True, False]
    assert "2304.08485" in res.entries[1].text
