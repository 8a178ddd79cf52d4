"""The generic reader on reading lists and bibliographies (kg.parse.generic_refs), read
with no layout at all, as a page in a layout kg has no reader for would be.

Tiny fixtures written here, in the reference styles paper managers give (MLA, GB/T
7714, Harvard)."""
from __future__ import annotations

from kg.parse import parse_document
from kg.parse.document import read_document

READING_LIST = """\
The classics I read closely (always updated):
1.\tLeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "Deep learning." Nature 521.7553 (2015): 436-444
2.\tBa J L, Kiros J R, Hinton G E. Layer normalization[J]. arXiv preprint arXiv:1607.06450, 2016.
3.\tSimonyan, Karen, and Andrew Zisserman. "Very deep convolutional networks for large-scale image recognition." arXiv preprint arXiv:1409.1556 (2014).
"""

BIBLIOGRAPHY = """\
# References

```{bibliography}
:style: plain
```
Beel, J., Langer, S. and Genzmehr, M., 2013. Sponsored vs. Organic (Research Paper) Recommendations and the Impact of Labeling.

Buolamwini, J. and Gebru, T., 2018, January. Gender shades: Intersectional accuracy disparities in commercial gender classification. In Conference on fairness (pp. 77-91).

Perez, S., 2021. TechCrunch news. [online] Available at: <https://techcrunch.com/x> [Accessed 22 November 2021].
"""

PROSE = """\
We met on Tuesday, 2021. Ann Lee and Bo Chen talked about "their new results" at length.
"""


def _field(e, name: str) -> str | None:
    span = getattr(e, name)
    return None if span is None else e.text[span.start : span.end]


def test_a_reading_list_of_references_is_one_entry_a_reference():
    res = parse_document(read_document("README.md", READING_LIST), [])
    assert res.layout == "generic"
    assert [(e.line, _field(e, "title"), _field(e, "authors")) for e in res.entries] == [
        (2, "Deep learning", "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton"),
        (3, "Layer normalization", "Ba J L, Kiros J R, Hinton G E"),
        (4, "Very deep convolutional networks for large-scale image recognition", "Simonyan, Karen, and Andrew Zisserman"),
    ]
    assert [(u.line, u.reason) for u in res.unassigned] == [(1, "heading")]


def test_references_in_paragraphs_of_their_own_after_a_directive():
    res = parse_document(read_document("references.md", BIBLIOGRAPHY), [])
    assert [(e.line, _field(e, "title")) for e in res.entries][:2] == [
        (6, "Sponsored vs. Organic (Research Paper) Recommendations and the Impact of Labeling"),
        (8, "Gender shades: Intersectional accuracy disparities in commercial gender classification"),
    ]
    assert _field(res.entries[1], "authors") == "Buolamwini, J. and Gebru, T."
    assert res.entries[1].date == "2018-01"
    assert {u.reason for u in res.unassigned if u.line in (3, 4, 5)} == {"code block"}
    # A reference to a web page is no publication's.
    assert all(e.line != 10 for e in res.entries)


def test_prose_with_a_year_and_a_quote_is_no_reference():
    res = parse_document(read_document("notes.md", PROSE), [])
    assert all(e.title is None for e in res.entries)
