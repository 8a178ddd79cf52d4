"""Layout rules prompted by the seventh round of real digests (issue 11): docs-site pages
(MkDocs, docsify), reading guides, newsletters and a feed table that mixes news with
papers. Written with invented text in the shape of those pages, so that each rule is
checked on its own and for every page of that kind, not on one source."""
from __future__ import annotations

from layouthelp import records_of as _records


# ---------------------------------------------------------------- linked-title paragraphs


def test_newsletter_paragraphs_opening_with_a_linked_title(tmp_path):
    # A monthly newsletter (in any language): each paper is a paragraph whose first line is
    # its linked title and whose next line describes it; section headings group them, and
    # figure captions link a paper again. The field layout reads the last section's heading
    # over its linked paragraphs as one entry; that stray entry must not hide the rest.
    text = (
        "# ハーネス研究トレンド（2026年7月）\n\n"
        "> 対象：今月の論文（6本）。\n\n"
        "## 論文紹介\n\n"
        "### テスト時に、正解を見ずにハーネスを直す\n\n"
        "2本が別々のやり方で、評価の最中にハーネスを適応させる。\n\n"
        "[Sparse Harness Evolution at Test Time](https://arxiv.org/abs/2607.00001)\n"
        "実行の手がかりだけを使って、候補を選ぶ。\n\n"
        "![fig](../assets/2607.00001-method.png)\n"
        "> 図（SHE）：候補を枝分かれさせる。（[論文](https://arxiv.org/abs/2607.00001)）\n\n"
        "[Memory Harnesses That Learn from Experience](https://arxiv.org/abs/2607.00002)\n"
        "過去の事例を診断メモ付きで蓄えておく。\n\n"
        "### その改善は本当に効いているのか\n\n"
        "[Rethinking the Evaluation of Harness Evolution](https://arxiv.org/abs/2607.00003)\n"
        "計算量をそろえて比べた。\n\n"
        "### 実運用に耐えるか——どこを直すか、誰の責任か\n\n"
        "[Harness Handbook](https://arxiv.org/abs/2607.00004)\n"
        "直すべき箇所へ案内する。\n\n"
        "[From Prompts to Contracts](https://arxiv.org/abs/2607.00005)\n"
        "版管理された部品に移す。\n\n"
        "[Model or Harness? A Taxonomy for Agent Failures](https://arxiv.org/abs/2607.00006)\n"
        "責任の所在を割り当てる。\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.arxiv_id, r.title) for r in recs] == [
        ("2607.00001", "Sparse Harness Evolution at Test Time"),
        ("2607.00002", "Memory Harnesses That Learn from Experience"),
        ("2607.00003", "Rethinking the Evaluation of Harness Evolution"),
        ("2607.00004", "Harness Handbook"),
        ("2607.00005", "From Prompts to Contracts"),
        ("2607.00006", "Model or Harness? A Taxonomy for Agent Failures"),
    ]


# ---------------------------------------------------------------- papers listed by name


def test_knowledge_base_page_of_bold_names_with_dates(tmp_path):
    # A MkDocs page: each paper is a paragraph led by its method's bold name, the arXiv
    # month in brackets, then a description; one item gives no date; images between.
    text = (
        "---\ncomments: true\n---\n\n# Papers\n\n## Generation (4)\n\n"
        "**SparseMesh** (2412) — a sparse latent and a flow transformer for mesh generation.\n\n"
        "![SparseMesh](https://example.org/fig.png)\n\n"
        "**DenseShape 2** (2501) — a dense voxel representation with PBR materials.\n\n"
        "**Voxelizer-S2** — sparse attention over voxels at 1024³.\n\n"
        "**TokenMesh** (2311) — mesh-native autoregressive generation (CVPR 2024). → [notes](gen/tokenmesh.md)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["SparseMesh", "DenseShape 2", "Voxelizer-S2", "TokenMesh"]
    assert all(r.arxiv_id is None and not r.urls for r in recs)  # a note page is no link


def test_knowledge_base_page_of_dated_name_headings(tmp_path):
    # Headings "Name (YYYY.MM) → [details](page.md)" with the description under them,
    # grouped under section headings: every paper is an entry, dated by its month.
    text = (
        "# Editing Paper List\n\nTypical papers by approach.\n\n---\n\n"
        "## Native latent editing\n\nEditing directly on a 3D latent backbone.\n\n"
        "### VoxelHammer (2025.08) → [详情页](voxelhammer.md)\n\n"
        "Training-free editing by inversion; proposes the EditBench-3D benchmark.\n\n"
        "### NanoEdit (2025.10) → [详情页](nanoedit.md)\n\n"
        "A flow-based editing algorithm with voxel merging.\n\n"
        "## Lifting-style editing\n\n"
        "### MultiViewEdit (2024.03) → [详情页](mvedit.md)\n\n"
        "Edits several views and lifts them back to 3D.\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.date) for r in recs] == [
        ("VoxelHammer", "2025-08"),
        ("NanoEdit", "2025-10"),
        ("MultiViewEdit", "2024-03"),
    ]


def test_two_dated_names_or_bold_sentences_make_no_paper_list(tmp_path):
    # Fewer than three dated names, or bold phrases that open sentences, list no papers.
    text = (
        "# Notes\n\n"
        "**Setup** (2023) — install the tools first.\n\n"
        "**Usage** — run the script on a folder.\n\n"
        "**Why this matters is simple**: nobody reads the docs.\n\n"
        "### Changelog (2024.01)\n\nFixed the build.\n"
        "### v2.1.0 (2024.03)\n\nNew reader.\n\n### v2.0 (2024.02)\n\nFaster.\n\n### v1.9 (2024.01)\n\nFixes.\n"
    )
    from kg.parse.document import read_document
    from kg.parse.layouts import generic

    doc = read_document(str(tmp_path / "notes.md"), text)
    assert generic.parse(doc).entries == []


# ---------------------------------------------------------------- feed tables of news and papers


def test_reference_table_keeps_journal_items_and_drops_news(tmp_path):
    # A weekly digest's reference table mixes news (a startup's launch, an agency's blog)
    # with papers: arXiv ones, journal ones on a publisher's site, and one whose only
    # sign of being a paper is the volume and issue its source cell cites.
    text = (
        "## Full Reference List\n\n"
        "| # | Title | Source | Date | Link |\n|---|---|---|---|---|\n"
        "| 1 | StormNet-6 Beats the Agencies | WindCo / TechNews | 2026-06-01 | [link](https://technews.example.com/2026/06/01/stormnet/) |\n"
        "| 2 | ESM: Earth System Model | arXiv:2605.00001 | 2026-04-20 | [link](https://arxiv.org/abs/2605.00001) |\n"
        "| 3 | Latent Data Assimilation | Science Advances | 2026-01 | [link](https://www.science.org/doi/10.1126/sciadv.0000001) |\n"
        "| 4 | Agency Retires External Models | Agency Blog | 2026-05-12 | [link](https://agency.example.int/blog/2026/farewell) |\n"
        "| 5 | Severe Weather Forecasts from AI Models | AIES Vol.5 No.1 | 2026 | [link](https://journals.example.org/view/aies/5/1/AIES-D-25-0001.1.xml) |\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == [
        "ESM: Earth System Model",
        "Latent Data Assimilation",
        "Severe Weather Forecasts from AI Models",
    ]
    assert recs[0].arxiv_id == "2605.00001"


# ---------------------------------------------------------------- a reading guide's reference line


def test_reading_guide_reference_sub_item_gives_authors_or_organisation(tmp_path):
    # "1. **[Title](arXiv)**" then sub-items: the first cites the paper as a surname with
    # "et al." and a year, an organisation in brackets after it, or an organisation alone.
    text = (
        "### The Foundational Five\n\n"
        "1. **[Sparse Attention Is Enough](https://arxiv.org/abs/1706.00001)** 🟡\n"
        "   - Vasquez et al., 2017\n"
        "   - The paper that started it all\n"
        "   - **Why read**: the foundation\n\n"
        "2. **[Harmless Feedback from Models](https://arxiv.org/abs/2212.00002)** 🟡\n"
        "   - Baird et al., 2022 (Anthropic)\n"
        "   - How the assistant is trained\n\n"
        "3. **[A Large Model Technical Report](https://arxiv.org/abs/2303.00003)** 🟢\n"
        "   - OpenAI, 2023\n"
        "   - Capabilities and limitations\n\n"
        "4. **[Lost in the Long Middle](https://arxiv.org/abs/2307.00004)** 🟢\n"
        "   - Models struggle with middle context, 2023\n"
    )
    recs = _records(tmp_path, text)
    got = [([a.name for a in r.authors], r.authors_truncated, [i.name for i in r.institutions]) for r in recs]
    assert got[0] == (["Vasquez"], True, [])
    assert got[1] == (["Baird"], True, ["Anthropic"])
    assert got[2] == ([], False, ["OpenAI"])
    assert got[3][:2] == ([], False)  # a note that ends in a year names nobody


# ---------------------------------------------------------------- a notes page's BibTeX block


def test_notes_page_takes_authors_from_its_bibtex_block(tmp_path):
    # A paper-notes page: metadata in an HTML comment, a heading, reading-log lines, and
    # the paper's BibTeX record in a code block — the only place that names the authors.
    text = (
        '<!--\n{"title": "Sparse Detectors: Faster, Better", "url": "http://arxiv.org/abs/1612.00001"}\n-->\n'
        "### Sparse Detectors: Faster, Better\n\n"
        "Read on: 2020-01-21  \nLink to pdf: http://arxiv.org/abs/1612.00001  \n\n"
        "citation:\n```\n@inproceedings{Redd2017,\narchivePrefix = {arXiv},\n"
        "author = {Redd, Joseph and Farr, Ali},\ntitle = {{Sparse Detectors: faster, better}},\nyear = {2017}\n}\n\n```\n\n"
        "### Abstract\n\n__*What questions are the authors addressing?*__\n"
    )
    recs = _records(tmp_path, text)
    assert len(recs) == 1
    assert recs[0].arxiv_id == "1612.00001"
    assert [a.name for a in recs[0].authors] == ["Redd, Joseph", "Farr, Ali"]


def test_bibtex_authors_reads_only_a_record_field():
    from kg.parse.bibtex import bibtex_authors

    t = "@article{K2019,\n  author = \"Kim, Ann and Lee, Bo\",\n  title = {X}\n}"
    a, e = bibtex_authors(t)
    assert t[a:e] == "Kim, Ann and Lee, Bo"
    assert bibtex_authors("The author = {someone} said so.") is None
    assert bibtex_authors("@misc{x,\n  title = {No authors}\n}\nauthor = {Later, Text}") is None


def test_linked_title_with_a_question_in_it(tmp_path):
    # "Model or Harness? An …": a question mark followed by a capital word is inside the title.
    text = (
        "[Model or Harness? A Taxonomy for Localizing Agent Failures](https://arxiv.org/abs/2607.00011)\n"
        "The study sorts 41 kinds of failure by where two parts meet.\n\n"
        "[Agent Harness Distillation](https://arxiv.org/abs/2607.00012)\n"
        "Harnesses can be stolen from outside. Is that a risk? Yes.\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Model or Harness? A Taxonomy for Localizing Agent Failures", "Agent Harness Distillation"]


def test_scored_news_table_under_a_section_heading(tmp_path):
    # A curator's README: a section heading over a table "Score | Headline | Source |
    # Published | Tier" whose rows are news and, now and then, an arXiv paper. The heading
    # heads a list (not one paper whose body is the table); the paper row is the entry, its
    # source cell "arXiv cs.AI" its category; news rows and a research blog post are not.
    text = (
        "<!-- POST_NOW_START -->\n## 🔥 Latest Curated News\n\n> **Live examples** of curated articles\n\n"
        "| Score | Headline | Source | Published | Tier |\n|-------|----------|--------|-----------|------|\n"
        "| **8.0** | [Phone maker bans an app](https://www.news.example.com/tech/1/ban) | The Daily | 2026-08-07T11:00:00Z | **A** |\n"
        "| **9.0** | [Our medical AI system holds video consultations](https://blog.example.com/research/medical-ai/) | Company Blog | 2026-08-12T16:00:00Z | **A** |\n"
        "| **7.5** | [Some Language Models Show Consistent Risk Attitudes](https://arxiv.org/abs/2607.00021) | arXiv cs.AI | 2026-07-21T04:00:00Z | **C** |\n"
        "| **8.5** | [A city orders stores to remove apps](https://www.tech.example.org/policy/2026/07/apps/) | Tech Site | 2026-07-17T16:10:05Z | **A** |\n\n"
        "*All articles above passed strict scoring.*\n<!-- POST_NOW_END -->\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.arxiv_id, r.title, r.category, r.date) for r in recs] == [
        ("2607.00021", "Some Language Models Show Consistent Risk Attitudes", "AI", "2026-07-21")
    ]


# ---------------------------------------------------------------- paper lists of the seventh round's last three sources


def test_bold_titles_over_a_year_and_bracketed_author_names(tmp_path):
    # "+ **Title**  " then "  2014 - (2019/04/04: 10337) - [A Name] [B Name]" then "  - ":
    # Markdown reads the item's lines as a setext heading inside the list item; the item is
    # a paper cited by its year and its authors, not a page section; the commented-out
    # notes are not its text.
    text = (
        "+ **Sparse Feature Hierarchies for Accurate Detection**  \n"
        "  2014 - (2019/04/04: 7908) - [Ross Gill] [Jeff Donn] [Trevor Darr]\n"
        "  - \n"
        "  <!-- - **S-CNN: Regions with sparse features**\n"
        "  - http://www.example.org/notes -->\n"
        "+ **Fast S-CNN**  \n"
        "  2015 - (2019/04/04: 4950) - [Ross Gill]\n"
        "  - \n"
        "+ **You Look Twice: Unified Detection**  \n"
        "  2016 - (2019/04/04: 3712) - [Joe Red] [Ali Farr]\n"
        "  - \n"
        "  - https://example.org/darknet/ylt/\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Sparse Feature Hierarchies for Accurate Detection", "Fast S-CNN", "You Look Twice: Unified Detection"]
    assert list(recs[0].urls) == [] and list(recs[2].urls) == ["https://example.org/darknet/ylt/"]


def test_awesome_list_abbreviation_dash_title_colon_link(tmp_path):
    # "- Abbr - Title : https://arxiv.org/abs/…": the short name before the dash names the
    # model; the title follows it; a dataset's home page is no paper.
    text = (
        "<b> Datasets </b>\n\n"
        "- Sparse Objects in Context : http://sparse-objects.example.org/#home\n\n"
        "<b> Mobile Models </b>\n\n"
        "- MobileNets-V2 - MobileNetV2: Inverted Residuals and Linear Bottlenecks : https://arxiv.org/abs/1801.04381\n"
        "- Fast R-CNN - Fast Region-based Convolutional Network : https://arxiv.org/abs/1504.08083\n"
        "  - https://github.com/example/fast-rcnn\n"
        "- Mask R-CNN : https://arxiv.org/abs/1703.06870\n"
        "- Sim2Real - A Survey : https://arxiv.org/abs/2001.00001\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.arxiv_id, r.title) for r in recs] == [
        ("1801.04381", "MobileNetV2: Inverted Residuals and Linear Bottlenecks"),
        ("1504.08083", "Fast Region-based Convolutional Network"),
        ("1703.06870", "Mask R-CNN"),
        ("2001.00001", "Sim2Real - A Survey"),  # two words after the dash: no title of their own
    ]
    assert list(recs[1].urls) == ["https://arxiv.org/abs/1504.08083", "https://github.com/example/fast-rcnn"]


def test_italic_title_references_with_the_link_on_the_next_line(tmp_path):
    # "- _Title_, A Author, B Author, 2017, [url](url)" or the link on the next line, also to
    # a publisher's page (CVF open access): every item is a paper with its authors.
    text = (
        "## References for bounding box detection\n\n"
        "- _Learning Features by Watching Things Move_, Deepak Path, Piotr Dollár, Trevor Darr, 2017, "
        "[https://arxiv.org/abs/1612.06370](https://arxiv.org/abs/1612.06370)\n\n"
        "- _Monocular Object Detection for Driving_, Xiao Chen, Sanja Fidd; The IEEE Conference on Computer Vision, 2016\n"
        "[http://www.cv-foundation.org/openaccess/content_cvpr_2016/html/Chen_Mono_paper.html]"
        "(http://www.cv-foundation.org/openaccess/content_cvpr_2016/html/Chen_Mono_paper.html)\n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Learning Features by Watching Things Move", "Monocular Object Detection for Driving"]
    assert [a.name for a in recs[0].authors] == ["Deepak Path", "Piotr Dollár", "Trevor Darr"]


def test_quoted_title_with_its_year_and_a_title_closed_by_a_colon(tmp_path):
    from kg.parse.titles import title_spans

    def got(t):
        en, _ = title_spans(t, 0, len(t))
        return t[en[0] : en[1]]

    assert got('"MapReduce: Simplified Data Processing on Large Clusters" (2004)') == "MapReduce: Simplified Data Processing on Large Clusters"
    assert got("Random Network Distillation (RND):") == "Random Network Distillation (RND)"
    assert got("Mixture of Experts (MoE)") == "Mixture of Experts (MoE)"


def test_reference_authors_before_a_written_out_venue():
    from kg.parse.byline import citation_authors, clause_authors

    def got(t):
        r = clause_authors(t, 0, len(t))
        return r and t[r[0] : r[1]]

    # APA names (surname, initials), an MLA inverted first author before a venue sentence and
    # a year sentence, and a venue with its abbreviation in brackets before the year.
    assert got(", Long, J., Shelhamer, E. and Darrell, T., 2015.") == "Long, J., Shelhamer, E. and Darrell, T."
    assert got(", Luo, Wenjie, Alex G. Schwan, and Rachel Urtas. Proceedings of the IEEE Conference on Computer Vision. 2016.") == (
        "Luo, Wenjie, Alex G. Schwan, and Rachel Urtas"
    )
    assert got(", Xia Chen, Kaus Kundu, Sanja Fidd; The IEEE Conference on Computer Vision and Pattern Recognition (CVPR), 2016") == (
        "Xia Chen, Kaus Kundu, Sanja Fidd"
    )
    assert citation_authors("Jena, T., Morvan, S., & Benard, N.")
    assert not citation_authors("Deep residual learning, for image recognition")
    assert got(", Rethinking, Evaluation, 2016") is None


# ---------------------------------------------------------------- author–date references


def test_harvard_and_apa_references_give_authors_and_title():
    from kg.parse.byline import citation

    def got(t):
        r = citation(t)
        return r and (t[r[0][0] : r[0][1]], t[r[1][0] : r[1][1]])

    assert got("Beel, J., Lang, S. and Genz, M., 2013. Sponsored vs. Organic Recommendations and Labeling.") == (
        "Beel, J., Lang, S. and Genz, M.", "Sponsored vs. Organic Recommendations and Labeling"
    )
    assert got("Buola, J. and Gebr, T., 2018, January. Gender shades: Intersectional accuracy disparities. In Conference.") == (
        "Buola, J. and Gebr, T.", "Gender shades: Intersectional accuracy disparities"
    )
    assert got("[1] Vasw, A., Shaz, N., Gome, A. N., ... & Polo, I. (2017). Attention is all you need. Advances in NIPS, 30.") == (
        "Vasw, A., Shaz, N., Gome, A. N., ... & Polo, I.", "Attention is all you need"
    )
    assert got("Blod, S.L., Daumé III, H. and Wall, H., 2020. Language is power. arXiv preprint arXiv:2005.14050.") == (
        "Blod, S.L., Daumé III, H. and Wall, H.", "Language is power"
    )
    assert got("We thank Beel, J. and the 2013 team. Nothing here is a reference.") is None


def test_jupyter_book_reference_page_skips_web_pages(tmp_path):
    # A Jupyter Book's references page: Harvard references, one a web article ("[online] …
    # Available at: <url> [Accessed …]") that is no paper; two references share a paragraph.
    text = (
        "# References \n---\n\n```{bibliography}\n:style: plain\n```\n"
        "Beel, J., Lang, S. and Genz, M., 2013. Sponsored vs. Organic Recommendations and Labeling.\n\n"
        "Garr, I. and Mont, A., 2021. A Survey on Bias in Deep NLP. Applied Sciences, 11(7), p.3184.\n"
        "Hofm, T., 2004. Latent semantic models for collaborative filtering. ACM TOIS, 22(1), pp.89-115.\n\n"
        "Pere, S., 2021. A news site explains a feed. [online] News.com. Available at: "
        "<https://news.example.com/2020/06/18/feed/> [Accessed 22 November 2021].\n\n"
        "Tsin, V. and Pito, E., 2018. Bias disparity in recommendation systems. arXiv preprint arXiv:1811.01461.\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.title, r.arxiv_id) for r in recs] == [
        ("Sponsored vs. Organic Recommendations and Labeling", None),
        ("A Survey on Bias in Deep NLP", None),
        ("Latent semantic models for collaborative filtering", None),
        ("Bias disparity in recommendation systems", "1811.01461"),
    ]
    assert [a.name for a in recs[0].authors] == ["Beel, J.", "Lang, S.", "Genz, M."]


def test_unlinked_reading_list_items_cited_by_a_short_reference(tmp_path):
    # Reading lists that cite each paper by surname and year, with no link: under the title
    # ("21. **Title**" / "    - Vaswani et al. (2017)") or after it in brackets ("1. *Title*
    # (Vaswani et al., 2017)."). A linked item whose link is no paper stays what it links.
    text = (
        "# Reading order\n\nSee the [glossary](glossary.md) first.\n\n## User Modeling\n\n"
        "21. **Sparse Attention Is Enough**\n    - Vasquez et al. (2017)\n    - Transformer architecture\n\n"
        "22. **Neural Attentive Session Recommendation (NASR)**\n    - Lee et al. (2017)\n\n"
        "23. **[The Illustrated Sparse Transformer (Blog)](https://blog.example.com/illustrated/)**\n    - Jay Alam, 2018\n\n"
        "## Order\n\n"
        "1. *Scaling Laws for Sparse Language Models* (Kaplan et al., 2020).\n   The piece itself.\n"
        "2. *The Bitter Lesson* — an essay, not a paper.\n"
    )
    recs = _records(tmp_path, text)
    got = [(r.title, [a.name for a in r.authors], r.authors_truncated) for r in recs]
    assert got == [
        ("Sparse Attention Is Enough", ["Vasquez"], True),
        ("Neural Attentive Session Recommendation (NASR)", ["Lee"], True),
        ("Scaling Laws for Sparse Language Models", ["Kaplan"], True),
    ]


def test_a_markdown_file_with_little_markup_is_still_markdown(tmp_path):
    # A short reading list saved as .md with one heading, an ordered list and single-star
    # italics: the cheap check for Markdown markup must not hand it to the plain-text reader.
    from kg.parse.document import looks_like_markdown

    text = (
        "## Reading order\n\n"
        "1. *Sparse Attention Is Enough* (Vasquez et al., 2017).\n   The piece itself.\n"
        "2. *Scaling Laws for Sparse Language Models* (Kaplan et al., 2020).\n"
    )
    assert looks_like_markdown(text, "reading.md")
    assert not looks_like_markdown(text.replace("## ", ""), "reading.txt")
    recs = _records(tmp_path, text, name="reading.md")
    assert [(r.title, [a.name for a in r.authors]) for r in recs] == [
        ("Sparse Attention Is Enough", ["Vasquez"]),
        ("Scaling Laws for Sparse Language Models", ["Kaplan"]),
    ]


def test_a_paper_page_with_a_table_of_labelled_links_stays_one_paper(tmp_path):
    # "# Title (2016)" over "| Original Paper | [arXiv](…) |" rows: the table presents
    # one paper's links; unlike a feed's table of headlines it heads no list.
    text = (
        "# Sparse-Shot Box Detector (2016)\n\n|||\n|-|-|\n"
        "| Original Paper | [arXiv](https://arxiv.org/pdf/1512.02325.pdf) |\n"
        "| Original Source | [GitHub](https://github.com/example/ssbd) |\n"
        "| Unofficial Impl | [GitHub](https://github.com/example/ssbd.pytorch) |\n|||\n\n"
        "## Notes on this implementation\n\n## Getting Started\nTODO\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.arxiv_id, r.title) for r in recs] == [("1512.02325", "Sparse-Shot Box Detector (2016)")]


# ---------------------------------------------------------------- bracketed author names


def test_bold_titles_over_a_year_and_bracketed_author_names(tmp_path):
    # A reading list: each paper a bold title, the line under it its year, a citation count
    # and every author's name in brackets of its own.
    text = (
        "# Detection\n\n"
        "+ **Zorbing Pyramids for Visual Recognition**  \n"
        "  2015 - (2019/04/04: 2518) - [Ada Quill] [Bo Marsh] [Cy Tenn]\n"
        "  - \n"
        "+ **Fast Zorb R-CNN**  \n"
        "  2015 - (2019/04/04: 4950) - [Dee Vorn]\n"
        "  - \n"
    )
    recs = _records(tmp_path, text)
    assert [r.title for r in recs] == ["Zorbing Pyramids for Visual Recognition", "Fast Zorb R-CNN"]
    assert [[a.name for a in r.authors] for r in recs] == [["Ada Quill", "Bo Marsh", "Cy Tenn"], ["Dee Vorn"]]


def test_bracketed_words_that_are_no_names_are_no_authors(tmp_path):
    text = (
        "+ **Zorbing Pyramids for Visual Recognition**  \n"
        "  2015 - [code] [slides] [video]\n"
        "+ **Fast Zorb R-CNN**  \n"
        "  2015 - (2019/04/04: 4950) - [Dee Vorn]\n"
    )
    names = {r.title: [a.name for a in r.authors] for r in _records(tmp_path, text)}
    assert names.get("Zorbing Pyramids for Visual Recognition", []) == []
    assert names["Fast Zorb R-CNN"] == ["Dee Vorn"]
