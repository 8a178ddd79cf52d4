"""Layout ``feed``: RSS 2.0, RSS 1.0 and Atom feeds (issue 11, fifth round). The feeds
here are invented, in the shapes of the real ones in tests/data/real/ (an arXiv API
answer, Hugging Face daily-paper mirrors with escaped or CDATA HTML, a bot's feed with
Markdown descriptions), so that each rule is checked on its own: fields, offsets back
into the XML, one-line feeds, mixed news, malformed and hostile XML."""
from __future__ import annotations

from pathlib import Path

from layouthelp import records_of

import kg
from kg.extract import extract_entry
from kg.parse import parse
from kg.parse.base import NON_PAPER
from kg.parse.layouts import feed
from kg.parse.xmltext import feed_root, read_xml
from kg.records import Document

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Daily papers</title>
    <link>https://example.org/papers</link>
    <description>Papers we read today.</description>
{items}
  </channel>
</rss>
"""

ITEM = """    <item>
      <title>{title}</title>
      <link>{link}</link>
      <description>{description}</description>
      <pubDate>Tue, 28 Jul 2026 00:00:00 +0000</pubDate>
    </item>"""


def _parse(text: str, name: str = "feed.xml"):
    return parse(Document(name, text, "utf-8"))


def _records(tmp_path: Path, text: str, name: str = "feed.xml"):
    return records_of(tmp_path, text, name)


def _names(xs) -> list[str]:
    return [x.name for x in xs]


def _raw_at(text: str, e, k: int) -> str:
    line, col = e.file_position(k)
    return text.split("\n")[line - 1][col]


# ---------------------------------------------------------------- RSS 2.0


def test_rss_item_with_escaped_html_description(tmp_path):
    desc = (
        "&lt;p&gt;&lt;img src=\"https://cdn.example.org/thumb.png\" /&gt;&lt;/p&gt;"
        "&lt;p&gt;&lt;b&gt;Authors:&lt;/b&gt; Alice Zhang, Bob Stone&lt;/p&gt;"
        "&lt;p&gt;&lt;b&gt;Upvotes:&lt;/b&gt; 3&lt;/p&gt;"
        "&lt;p&gt;&lt;b&gt;Summary:&lt;/b&gt; We present SparseRoute, a router for long "
        "contexts, evaluated on LongBench. Code: https://github.com/example/sparseroute.&lt;/p&gt;"
    )
    text = RSS.format(items=ITEM.format(title="SparseRoute: Routing for Long Context", link="https://arxiv.org/abs/2607.00001", description=desc))
    [r] = _records(tmp_path, text)
    assert r.layout == "feed"
    assert r.title == "SparseRoute: Routing for Long Context"
    assert _names(r.authors) == ["Alice Zhang", "Bob Stone"]
    assert r.arxiv_id == "2607.00001"
    assert r.date == "2026-07-28"
    # The thumbnail is a picture, not a link; the address in the summary is one.
    assert list(r.urls) == ["https://arxiv.org/abs/2607.00001", "https://github.com/example/sparseroute"]
    assert "<b>" not in r.text and "&lt;" not in r.text and "Authors: Alice Zhang" in r.text
    assert r.line == 7  # the <item> line


def test_rss_dc_creator_category_and_email_author():
    items = "\n".join([
        "<item><title>Graph Transformers at Scale</title><link>https://arxiv.org/abs/2608.00002</link>"
        "<dc:creator>Ana Lima, Ben Ortiz</dc:creator><category>cs.LG</category><category>cs.AI</category></item>",
        "<item><title>Sparse Attention Revisited</title><link>https://arxiv.org/abs/2608.00003</link>"
        "<author>carla@example.org (Carla Diaz)</author></item>",
        "<item><title>Retrieval for Agents</title><link>https://arxiv.org/abs/2608.00004</link>"
        "<author>noreply@example.org</author></item>",
    ])
    res = _parse(RSS.format(items=items))
    recs = [extract_entry(e) for e in res.entries]
    assert [_names(r.authors) for r in recs] == [["Ana Lima", "Ben Ortiz"], ["Carla Diaz"], []]
    assert recs[0].category == "LG"  # the first code listed


def test_arxiv_listing_feed_items():
    # arXiv's listing feed as it is today: the id and announce type open the description.
    item = (
        "<item><title>Small Models Can Reason</title><link>https://arxiv.org/abs/2409.01234</link>"
        "<description>arXiv:2409.01234v1 Announce Type: new \nAbstract: We show that &lt;i&gt;small&lt;/i&gt; "
        "models trained with ReasonRL can reason on GSM8K as well as much larger ones do.</description>"
        '<guid isPermaLink="false">oai:arXiv.org:2409.01234v1</guid><category>cs.AI</category>'
        "<pubDate>Mon, 30 Sep 2024 00:00:00 -0400</pubDate><dc:creator>Ada Researcher, Bo Scientist</dc:creator></item>"
    )
    [e] = _parse(RSS.format(items=item)).entries
    r = extract_entry(e)
    assert (r.title, r.arxiv_id, r.category, r.date) == ("Small Models Can Reason", "2409.01234", "AI", "2024-09-30")
    assert _names(r.authors) == ["Ada Researcher", "Bo Scientist"]
    assert list(r.urls) == ["https://arxiv.org/abs/2409.01234"]  # the oai: guid is an identifier
    assert "We show that small models" in r.text and "<i>" not in r.text


def test_older_arxiv_feed_title_suffix_and_linked_creators():
    # The RSS 1.0 feeds arXiv served before 2024.
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        '<item rdf:about="http://arxiv.org/abs/2101.00001">\n<title>Learning to Route. (arXiv:2101.00001v1 [cs.LG])</title>\n'
        "<link>http://arxiv.org/abs/2101.00001</link>\n<description>&lt;p&gt;We route.&lt;/p&gt;</description>\n"
        '<dc:creator> &lt;a href="http://arxiv.org/find/cs/1/au:+Lima_A/0/1/0/all/0/1"&gt;Ana Lima&lt;/a&gt;, '
        '&lt;a href="http://arxiv.org/find/cs/1/au:+Ortiz_B/0/1/0/all/0/1"&gt;Ben Ortiz&lt;/a&gt;</dc:creator>\n</item>\n</rdf:RDF>\n'
    )
    [e] = _parse(text).entries
    r = extract_entry(e)
    assert (r.title, r.category, r.arxiv_id) == ("Learning to Route", "LG", "2101.00001")
    assert _names(r.authors) == ["Ana Lima", "Ben Ortiz"]
    k = e.text.index("Ben Ortiz")
    assert _raw_at(text, e, k) == "B"


def test_feed_metadata_lines_are_reported_not_entries():
    text = RSS.format(items=ITEM.format(title="A Paper", link="https://arxiv.org/abs/2607.00009", description="Abstract: We study things."))
    res = _parse(text)
    assert res.layout == "feed" and len(res.entries) == 1
    told = {u.line: u.reason for u in res.unassigned}
    assert told[4] == feed.FEED_METADATA  # <title>Daily papers</title> is the feed's, not a paper's
    assert all(u.reason != "not part of any entry" for u in res.unassigned)


# ---------------------------------------------------------------- Atom


ATOM = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/abc</id>
  <title>arXiv Query: search_query=all:retrieval&amp;start=0</title>
  <updated>2026-08-21T21:52:23Z</updated>
  <entry>
    <id>http://arxiv.org/abs/2608.20331v1</id>
    <title>G-CARL: Grounded Rewards for
  Report Interpretation</title>
    <updated>2026-08-25T17:59:46Z</updated>
    <link href="https://arxiv.org/abs/2608.20331v1" rel="alternate" type="text/html"/>
    <link href="https://arxiv.org/pdf/2608.20331v1" rel="related" type="application/pdf" title="pdf"/>
    <summary>We propose G-CARL, a reinforcement learning framework for medical report interpretation, trained on MIMIC-CXR &amp; evaluated by clinicians.</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
    <published>2026-08-20T17:59:46Z</published>
    <arxiv:comment>12 pages, iConference 2026</arxiv:comment>
    <arxiv:primary_category term="cs.CL"/>
    <author>
      <name>Shiao Xie</name>
      <arxiv:affiliation>Tsinghua University</arxiv:affiliation>
    </author>
    <author>
      <name>Siyu Chen</name>
    </author>
  </entry>
</feed>
"""


def test_atom_entry_fields(tmp_path):
    [r] = _records(tmp_path, ATOM, "answer.txt")  # a feed whatever the file is called
    assert r.layout == "feed"
    assert r.title == "G-CARL: Grounded Rewards for Report Interpretation"
    assert _names(r.authors) == ["Shiao Xie", "Siyu Chen"]
    assert _names(r.institutions) == ["Tsinghua University"]
    assert r.category == "CL"
    assert r.date == "2026-08-20"  # published, not updated
    assert r.arxiv_id == "2608.20331"
    # The alternate link and the id name one page: it is listed once.
    assert list(r.urls) == ["https://arxiv.org/abs/2608.20331v1", "https://arxiv.org/pdf/2608.20331v1"]
    assert "MIMIC-CXR & evaluated" in r.text
    # The comment is kept as text (its links count) but names no model or dataset.
    assert "iConference" not in {m.name for m in r.models}


def test_evidence_points_into_the_xml():
    res = _parse(ATOM)
    [e] = res.entries
    # Every character of the title and category, and of each author's name (the ", "
    # between names is kg's, not the file's), is where the file has it.
    spans = [(e.title.start, e.title.end), (e.category.start, e.category.end)]
    spans += [(k, k + len(n)) for n in ("Shiao Xie", "Siyu Chen") for k in [e.text.index(n)]]
    for a, b in spans:
        for k in range(a, b):
            if not e.text[k].isspace():
                assert _raw_at(ATOM, e, k) == e.text[k], k
    # An entity reference maps to its "&".
    k = e.text.index("& evaluated")
    assert _raw_at(ATOM, e, k) == "&"
    amp_line, amp_col = e.file_position(k)
    assert ATOM.split("\n")[amp_line - 1][amp_col : amp_col + 5] == "&amp;"


def test_atom_xhtml_content_and_html_title():
    text = (
        '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>Paper notes</title>\n'
        '<entry>\n<title type="html">Learning &lt;i&gt;Sparse&lt;/i&gt; Routers</title>\n'
        '<link href="https://notes.example.org/sparse-routers"/>\n<updated>2025-03-01T00:00:00Z</updated>\n'
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Authors: Ana Lima, Ben Ortiz</p>'
        '<p>We read <a href="https://arxiv.org/abs/2502.00001">the paper</a> introducing SparseRouter.</p></div></content>\n'
        "</entry>\n</feed>\n"
    )
    [e] = _parse(text).entries
    r = extract_entry(e)
    assert r.title == "Learning Sparse Routers"
    assert _names(r.authors) == ["Ana Lima", "Ben Ortiz"]
    assert r.arxiv_id == "2502.00001" and r.date == "2025-03-01"
    assert "We read the paper introducing SparseRouter." in e.text.split("\n")
    k = e.text.index("SparseRouter")
    assert _raw_at(text, e, k) == "S"


def test_rss_1_rdf_items_beside_the_channel():
    text = (
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        '<channel rdf:about="https://example.org/"><title>cs.CV updates</title></channel>\n'
        '<item rdf:about="https://arxiv.org/abs/2401.00005"><title>Seeing Further</title>'
        "<link>https://arxiv.org/abs/2401.00005</link><dc:creator>Mia Wong</dc:creator>"
        "<dc:date>2024-01-02</dc:date></item>\n</rdf:RDF>\n"
    )
    [e] = _parse(text).entries
    r = extract_entry(e)
    assert (r.title, _names(r.authors), r.date, r.arxiv_id) == ("Seeing Further", ["Mia Wong"], "2024-01-02", "2401.00005")


# ---------------------------------------------------------------- descriptions


def test_cdata_html_description_with_fields_side_by_side():
    desc = (
        '<![CDATA[<div class="paper-content">\n  <p style="color: #666;">Institution: LMU Munich | '
        "Authors: Yao Zhang, Volker Tresp</p>\n  <h3>arXiv Links</h3>\n"
        '  <p><a href="https://arxiv.org/abs/2601.21872">arXiv</a> | <a href="https://arxiv.org/pdf/2601.21872.pdf">PDF</a></p>\n'
        "  <h3>Abstract</h3>\n  <p>We introduce WebArbiter and release WebPRMBench.</p>\n</div>]]>"
    )
    text = RSS.format(items=ITEM.format(title="WebArbiter: Reward Models for Web Agents", link="https://huggingface.co/papers/2601.21872", description=desc))
    [e] = _parse(text).entries
    r = extract_entry(e)
    assert _names(r.authors) == ["Yao Zhang", "Volker Tresp"]
    assert _names(r.institutions) == ["LMU Munich"]
    assert r.arxiv_id == "2601.21872"
    assert "https://arxiv.org/pdf/2601.21872.pdf" in r.urls  # an <a href> inside the description
    assert "WebPRMBench" in {d.name for d in r.datasets}
    # Paragraphs are lines of their own: the abstract is not glued onto the field line.
    assert "Institution: LMU Munich | Authors: Yao Zhang, Volker Tresp" in e.text.split("\n")


def test_markdown_description_is_read_as_markdown():
    desc = "## Overview\nThis paper introduces **DTRU**, a compact KEM.\n\n## Results\n- 49% more compact than Kyber."
    text = RSS.format(items=ITEM.format(title="DTRU: A Compact NTRU KEM", link="https://eprint.iacr.org/2026/1701", description=desc))
    [e] = _parse(text).entries
    assert "This paper introduces DTRU, a compact KEM." in e.text.split("\n")
    assert "**" not in e.text and "## " not in e.text
    k = e.text.index("DTRU, a compact")
    assert _raw_at(text, e, k) == "D"


def test_one_line_feed_gives_one_entry_per_item():
    people = {1: "Ana Lima, Ben Ortiz", 2: "Carla Diaz", 3: "Dana Wu, Eli Park"}
    items = "".join(
        f"<item><title>Paper {n}: A Study</title><link>https://arxiv.org/abs/2607.0000{n}</link>"
        f"<description>Authors: {people[n]}</description></item>"
        for n in (1, 2, 3)
    )
    text = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + items + "</channel></rss>"
    res = _parse(text)
    assert [e.line for e in res.entries] == [1, 1, 1]
    recs = [extract_entry(e) for e in res.entries]
    assert [r.arxiv_id for r in recs] == ["2607.00001", "2607.00002", "2607.00003"]
    assert [_names(r.authors) for r in recs][2] == ["Dana Wu", "Eli Park"]
    e = res.entries[2]
    k = e.text.index("Paper 3")
    assert e.file_position(k) == (1, text.index("Paper 3"))


def test_mixed_feed_news_items_are_reported_not_entries():
    items = "\n".join([
        ITEM.format(title="A Paper on Routing", link="https://arxiv.org/abs/2607.00011", description="Abstract: We route tokens."),
        ITEM.format(title="Our company raised a round", link="https://blog.example.com/funding", description="Big news for the team."),
    ])
    res = _parse(RSS.format(items=items))
    assert [extract_entry(e).title for e in res.entries] == ["A Paper on Routing"]
    assert any(u.reason == NON_PAPER and "Our company raised a round" in u.text for u in res.unassigned)


# ---------------------------------------------------------------- bad input


def test_malformed_feed_is_read_up_to_the_error():
    items = "\n".join([
        ITEM.format(title="First Paper", link="https://arxiv.org/abs/2607.00021", description="Abstract: fine."),
        ITEM.format(title="Second & Broken", link="https://arxiv.org/abs/2607.00022", description="x"),
        ITEM.format(title="Third Paper", link="https://arxiv.org/abs/2607.00023", description="y"),
    ])
    res = _parse(RSS.format(items=items))  # a bare "&" is not XML
    assert [extract_entry(e).title for e in res.entries] == ["First Paper"]
    problems = [u for u in res.unassigned if u.reason.startswith("malformed XML feed")]
    assert len(problems) == 1 and "line 14" in problems[0].reason
    assert any(u.reason == feed.NOT_READ and "Third Paper" in u.text for u in res.unassigned)


def test_feed_cut_off_keeps_its_complete_items():
    whole = RSS.format(items="\n".join(
        ITEM.format(title=f"Paper {n}", link=f"https://arxiv.org/abs/2607.0003{n}", description="Abstract: text.") for n in (1, 2)
    ))
    cut = "\n".join(whole.split("\n")[:15]) + "\n"  # ends inside the second item
    res = _parse(cut)
    assert [e.line for e in res.entries] == [7]
    assert any(u.reason.startswith("malformed XML feed: no element found") for u in res.unassigned)


def test_entity_declarations_are_refused():
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        "<rss><channel><item><title>&c;</title><link>https://arxiv.org/abs/2607.00041</link></item></channel></rss>\n"
    )
    doc = read_xml(bomb)
    assert doc.root is None and "declares entities" in doc.error[2]
    res = _parse(bomb)
    assert res.entries == ()
    assert any("declares entities" in u.reason for u in res.unassigned)


def test_detection_is_by_content():
    assert feed_root(ATOM) == "feed" and feed_root(RSS) == "rss"
    assert feed_root('<?xml version="1.0"?>\n<urlset><url><loc>https://example.org</loc></url></urlset>') is None
    assert feed_root("# Papers\n\nWe read the <rss> feed of arXiv.\n") is None
    assert feed_root("<p>An HTML page</p>") is None
    # A sitemap is not a feed: the feed layout is not the one kept.
    res = _parse('<?xml version="1.0"?>\n<urlset>\n<url><loc>https://arxiv.org/abs/2607.00051</loc></url>\n</urlset>\n')
    assert res.layout != "feed"


def test_markdown_digest_is_untouched_by_the_feed_layout():
    res = _parse("# Papers\n\n1. **A Title** - https://arxiv.org/abs/2607.00061\n", "digest.md")
    assert res.layout != "feed"
    assert "feed" not in {name for name, _, _ in res.scores}  # only feeds are handed to it


def test_folders_include_feed_files(tmp_path):
    (tmp_path / "daily.xml").write_text(RSS.format(items=ITEM.format(title="A Paper", link="https://arxiv.org/abs/2607.00071", description="x")), encoding="utf-8")
    recs = kg.extract_paths([tmp_path])
    assert [r.arxiv_id for r in recs] == ["2607.00071"]


def test_every_cut_of_a_feed_reads_without_error():
    # A feed cut anywhere (a download broken off, a byte-exact excerpt) never raises and
    # never gives more entries than the items it holds whole.
    whole = ATOM
    for k in range(0, len(whole), 7):
        res = _parse(whole[:k])
        assert len(res.entries) <= (1 if "</entry>" in whole[:k] else 0)
        for e in res.entries:
            extract_entry(e)
