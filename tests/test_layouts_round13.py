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


# ---------------------------------------------------------------- outliner pages of highlights

LOGSEQ = """title:: Posts From Some Lab (highlights)
author:: [[@somelab on Social]]
category:: #tweets
url:: https://social.example.com/somelab

- Highlights first synced by [[Readwise]] [[Mar 2nd, 2024]]
\t- Sparse Routers for Long Context Language Models
\t  
\t  Routes each token to two experts and halves the cost of long inputs.
\t  
\t  abs: https://t.co/AbCdEf1
\t  
\t  ![](https://img.example.com/a.jpg) ([View Post](https://social.example.com/somelab/status/1))
- New highlights added [[Apr 9th, 2024]] at 3:12 PM
\t- Quantised Adapters: Fine-Tuning in Four Bits. https://t.co/AbCdEf2
\t  ([View Post](https://social.example.com/somelab/status/2))
\t- we are hiring interns for the summer, reach out if you are interested!
"""


def test_an_outline_page_gives_one_entry_per_highlighted_paper(tmp_path):
    recs = _records(tmp_path, LOGSEQ, "page.md")
    assert [r.title for r in recs] == [
        "Sparse Routers for Long Context Language Models",
        "Quantised Adapters: Fine-Tuning in Four Bits",  # the closing period before the link dropped
    ]
    assert [r.line for r in recs] == [7, 15]
    assert set(recs[0].urls) == {"https://social.example.com/somelab/status/1", "https://t.co/AbCdEf1"}  # no picture
    assert "https://t.co/AbCdEf2" in recs[1].urls


def test_page_properties_sync_bullets_and_other_highlights_are_reported_not_entries(tmp_path):
    res = parse_document(read_document("page.md", LOGSEQ))
    assert res.layout == "outline"
    told = {u.line: u.reason for u in res.unassigned}
    assert told[1] == told[2] == "page properties"
    assert told[6] == told[14] == "outline bullet"
    assert told[17] == "non-paper item"  # a highlight that reads as no title
    assert not [u for u in res.unassigned if u.reason == "not part of any entry"]


def test_a_highlight_keeps_its_note_bullet():
    text = LOGSEQ.replace(
        "\t  ([View Post](https://social.example.com/somelab/status/2))\n",
        "\t  ([View Post](https://social.example.com/somelab/status/2))\n\t\t- **Note**: compare with our adapters\n",
    )
    res = parse_document(read_document("page.md", text))
    titles = [e.title.of(e.text) for e in res.entries]
    assert titles == ["Sparse Routers for Long Context Language Models", "Quantised Adapters: Fine-Tuning in Four Bits"]
    assert "compare with our adapters" in res.entries[1].text


OBSIDIAN = """# Posts From Some Lab

## Metadata
- Author: [[@somelab on Social]]
- Full Title: Posts From Some Lab
- Category: #tweets
- URL: https://social.example.com/somelab

## Highlights
- Sparse Routers for Long Context Language Models https://t.co/AbCdEf1 ([View Post](https://social.example.com/somelab/status/1))
- Quantised Adapters: Fine-Tuning in Four Bits https://t.co/AbCdEf2 ([View Post](https://social.example.com/somelab/status/2))
"""


def test_a_flat_highlights_list_after_a_metadata_list_is_read_too(tmp_path):
    recs = _records(tmp_path, OBSIDIAN, "page.md")
    assert [r.title for r in recs] == [
        "Sparse Routers for Long Context Language Models",
        "Quantised Adapters: Fine-Tuning in Four Bits",
    ]


def test_a_list_in_no_outliner_syntax_is_not_an_outline_page():
    from kg.parse.layouts import outline

    plain = "# Reading list\n\n- Sparse Routers for Long Context Language Models\n- Quantised Adapters in Four Bits\n"
    res = outline.parse(read_document("list.md", plain))
    assert not res.entries and res.covered == 0


def test_an_enriched_volume_that_links_no_paper_is_read_by_its_fielded_headings(tmp_path):
    # Without an arXiv link each paper is still a heading over its metadata line.
    text = VOLUME
    for arxiv in ("2601.00011", "2601.00022", "2602.00033"):
        text = text.replace(f" | **Arxiv:** [{arxiv}](https://arxiv.org/abs/{arxiv})", "")
    recs = _records(tmp_path, text, "vol.md")
    assert [r.title for r in recs] == [
        "Routing Tokens Sparsely: A Study of Expert Choice",
        "Pruned Attention for Long Inputs",
        "Sparse Adapters at Scale",
    ]
    assert [r.date for r in recs] == ["2026-01-05", "2026-01-09", "2026-02-14"]


def test_fielded_headings_need_a_paper_field_and_a_repeating_shape():
    from kg.parse.generic_named import fielded_headings

    authored = "## Sparse Routers for Long Context\nAuthors: Ann Lee, Bo Chen\n\n## Quantised Adapters in Four Bits\nAuthors: Cy Dee\n"
    assert sorted(fielded_headings(read_document("a.md", authored))) == [0, 3]
    one = authored.split("\n\n")[0] + "\n"  # one such heading is no shape of the page
    assert fielded_headings(read_document("a.md", one)) == {}
    linked = authored.replace("Authors: Ann Lee, Bo Chen", "Code: https://github.com/x/y").replace("Authors: Cy Dee", "Code: none")
    assert fielded_headings(read_document("a.md", linked)) == {}  # a code link says no paper


def test_a_bullet_that_links_its_papers_page_is_titled_by_the_link():
    # An outliner links a paper's notes page as [[Title]] (an alias after "|" is shown).
    text = (
        "tags:: reading\n\n- [[Sparse Routers for Long Context Language Models]] #moe\n"
        "- [[quantised-adapters|Quantised Adapters in Four Bits]]\n"
    )
    res = parse_document(read_document("page.md", text))
    assert res.layout == "outline"
    assert [e.title.of(e.text) for e in res.entries] == [
        "Sparse Routers for Long Context Language Models", "Quantised Adapters in Four Bits"]


# ---------------------------------------------------------------- links written in LaTeX


def test_a_latex_link_in_an_abstract_ends_at_its_closing_brace():
    # Abstracts copied from arXiv keep "\href{url}{text}" and "\url{url}".
    from kg.text import find_urls

    text = r"Code is at \href{https://github.com/lab/tool/}{this repo} and \url{https://lab.example.org/data}."
    assert [u for u, _, _ in find_urls(text)] == ["https://github.com/lab/tool/", "https://lab.example.org/data"]
    # A brace that does not open the link leaves it as it was.
    assert [u for u, _, _ in find_urls("see https://lab.example.org/a{b}")] == ["https://lab.example.org/a{b}"]


def test_a_markdown_link_with_a_bracketed_label_is_no_wiki_link(tmp_path):
    # "[[paper]](url)" is a Markdown link whose text is "[paper]": a plain paper list, which
    # the items layout reads (authors under each title), not an outliner's page.
    from kg.parse.layouts.outline import _WIKI_LINK

    assert not _WIKI_LINK.search("- **Routers** [[paper]](https://arxiv.org/abs/2401.00001)")
    assert not _WIKI_LINK.search("- *Nets* [[arxiv, 14.12]](http://arxiv.org/abs/1412.00001)")
    assert _WIKI_LINK.search("- [[Attention Is All You Need]] #transformers")
    assert _WIKI_LINK.search("- New highlights added [[Mar 2nd, 2023]] at 9:10 AM")
