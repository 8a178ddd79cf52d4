"""Rules prompted by round 13's layouts once they turned dev (issue 11): an LLM-enriched
volume of papers (each paper a heading over a ``Date: … | Arxiv: …`` line, its abstract,
and boiler-plate sub-sections every paper repeats), and an outliner's page of highlights
(Logseq or Obsidian: page properties, dated sync bullets, one child bullet per highlight
whose first line is the paper's title). Written with invented text in the shape of those
digests, so that each rule is checked on its own and for every digest of that kind."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.document import read_document
from kg.parse.driver import parse_document

# ---------------------------------------------------------------- LLM-enriched volumes


def _paper(title: str, day: str, arxiv: str, abstract: str) -> str:
    return f"""### {title}
**Date:** {day} | **Arxiv:** [{arxiv}](https://arxiv.org/abs/{arxiv})

#### Abstract
{abstract}

#### Key Points
- **Novelty:** Not stated.
- **Method:** Not stated.

#### Resources
* **Code:** Not Mentioned
* **Data:** Not Mentioned

---
"""


VOLUME = "# Volume 7: Sparse Models\n*Annotated automatically*\n\n---\n\n" + "\n".join(
    _paper(t, d, a, x)
    for t, d, a, x in [
        ("Routing Tokens Sparsely: A Study of Expert Choice", "2026-01-05", "2601.00011",
         "We study expert choice routing in sparse mixtures and show it balances load."),
        ("Pruned Attention for Long Inputs", "2026-01-09", "2601.00022",
         "We prune attention heads on long inputs and keep accuracy within one point."),
        ("Sparse Adapters at Scale", "2026-02-14", "2602.00033",
         "We train sparse adapters on a large corpus and compare them with dense ones."),
    ]
)


def test_an_enriched_volume_gives_one_entry_per_paper_heading(tmp_path):
    recs = _records(tmp_path, VOLUME, "vol.md")
    assert [r.title for r in recs] == [
        "Routing Tokens Sparsely: A Study of Expert Choice",
        "Pruned Attention for Long Inputs",
        "Sparse Adapters at Scale",
    ]
    assert [r.arxiv_id for r in recs] == ["2601.00011", "2601.00022", "2602.00033"]


def test_an_enriched_volume_dates_each_paper_by_its_date_field(tmp_path):
    # The stated day, not the arXiv id's month (the last resort).
    recs = _records(tmp_path, VOLUME, "vol.md")
    assert [r.date for r in recs] == ["2026-01-05", "2026-01-09", "2026-02-14"]


def test_a_sub_heading_every_paper_repeats_titles_no_paper(tmp_path):
    # A reading whose entries are all titled "Resources" (a field layout taking the
    # boiler-plate block for an entry) loses to one that titles each paper.
    p = tmp_path / "vol.md"
    p.write_text(VOLUME, encoding="utf-8")
    res = parse_document(read_document(str(p), VOLUME))
    titles = [e.title.of(e.text) for e in res.entries]
    assert "Resources" not in titles and len(titles) == 3


def test_two_papers_of_one_title_still_count_as_titled():
    # A digest may list one paper twice (a closing repeat); only a title heading three or
    # more entries is a repeated sub-heading.
    from kg.parse.base import LayoutResult
    from kg.parse.generic_contest import REPEATED_TITLE, titled
    from kg.records import Entry, Span

    def entry(title: str, line: int) -> Entry:
        return Entry(file="d.md", line=line, end_line=line, kind="digest", layout="x", text=title, title=Span(0, len(title)))

    assert REPEATED_TITLE == 3
    two = LayoutResult([entry("Same Paper", 1), entry("Same Paper", 3), entry("Other", 5)], [], 5)
    three = LayoutResult([entry("Resources", 1), entry("Resources", 3), entry("resources", 5)], [], 5)
    assert titled(two) == 3
    assert titled(three) == 0
