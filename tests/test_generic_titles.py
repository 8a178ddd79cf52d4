"""The generic reader on list shapes no layout was written for: titles and the people
written beside them. Tiny fixtures written here, read by the generic layout alone (what
reads a file whose own layout kg lacks)."""
from __future__ import annotations

from kg.parse.document import read_document
from kg.parse.layouts import generic


def _read(text: str, name: str = "list.md"):
    res = generic.parse(read_document(name, text))
    out = []
    for e in res.entries:
        title = e.text[e.title.start : e.title.end] if e.title else None
        authors = e.text[e.authors.start : e.authors.end] if e.authors else None
        out.append((title, authors))
    return out


def test_authors_in_the_clause_after_a_bold_title():
    text = (
        "- Transformer: 1706.03762. **Attention Is All You Need**. Ashish Vaswani et al | [abs](https://arxiv.org/abs/1706.03762)\n"
        "- ViT: 2010.11929. **An Image is Worth 16x16 Words**. Alexey Dosovitskiy et al | [abs](https://arxiv.org/abs/2010.11929)\n"
    )
    assert _read(text) == [
        ("Attention Is All You Need", "Ashish Vaswani et al"),
        ("An Image is Worth 16x16 Words", "Alexey Dosovitskiy et al"),
    ]


def test_authors_cited_by_surname_after_a_linked_title():
    text = (
        "- [Playing Atari with Deep Reinforcement Learning](https://arxiv.org/abs/1312.5602), Mnih et al, 2013.\n"
        "- [Deep Recurrent Q-Learning for Partially Observable MDPs](https://arxiv.org/abs/1507.06527), Hausknecht and Stone, 2015.\n"
    )
    got = _read(text)
    assert [a for _, a in got] == ["Mnih et al", "Hausknecht and Stone"]


def test_a_short_reference_under_the_title_names_its_authors():
    text = (
        "1. **[Attention Is All You Need](https://arxiv.org/abs/1706.03762)**\n"
        "   - Vaswani et al., 2017\n"
        "   - The paper that started it all\n"
    )
    assert _read(text) == [("Attention Is All You Need", "Vaswani et al.")]


def test_a_description_after_the_title_is_no_author_list():
    text = (
        "- [Segment Anything](https://arxiv.org/abs/2304.02643) - promptable segmentation at scale\n"
        "- [Visual Instruction Tuning](https://arxiv.org/abs/2304.08485) - Instruction tuning for vision\n"
    )
    assert [a for _, a in _read(text)] == [None, None]


def test_a_publishers_page_carries_a_paper_as_an_arxiv_link_does():
    text = (
        "| | Topic |\n"
        "|---|---|\n"
        "| **[Graph Conjectures and Reinforcement Learning](https://arxiv.org/abs/2409.01234)** | RL |\n"
        "| **[Advancing mathematics by guiding human intuition](https://www.nature.com/articles/s41586-021-04086-x)** | Knots |\n"
        "| **[Formal Proof Search at Scale](https://arxiv.org/abs/2605.22763)** | ATP |\n"
        "| **[Neural Conjecturing for Number Theory](https://arxiv.org/abs/2603.08322)** | NT |\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Graph Conjectures and Reinforcement Learning",
        "Advancing mathematics by guiding human intuition",
        "Formal Proof Search at Scale",
        "Neural Conjecturing for Number Theory",
    ]


def test_a_title_may_close_with_a_question():
    text = (
        '* **?**: "Can Attention Enable MLPs To Catch Up With CNNs?", arXiv, 2021. [[Paper](https://arxiv.org/abs/2105.15078)]\n'
        '* **ResMLP**: "ResMLP: Feedforward networks for image classification", arXiv, 2021. [[Paper](https://arxiv.org/abs/2105.03404)]\n'
    )
    assert [t for t, _ in _read(text)] == [
        "Can Attention Enable MLPs To Catch Up With CNNs?",
        "ResMLP: Feedforward networks for image classification",
    ]


def test_a_sentence_is_still_no_title():
    from kg.parse.generic_lines import title_like

    assert not title_like("We read it. Then we asked why?")
    assert title_like("Why Think Step by Step? Reasoning Emerges from the Locality of Experience")


def test_an_emphasised_title_closing_with_its_authors_in_brackets():
    text = "- *Neural Turing Machines (A. Graves, G. Wayne, I. Danihelka)* [[arxiv, 14.10]](http://arxiv.org/abs/1410.5401)\n"
    assert _read(text) == [("Neural Turing Machines", "A. Graves, G. Wayne, I. Danihelka")]


def test_a_bracket_of_no_people_stays_in_the_title():
    from kg.parse.item_titles import without_people

    t = "*Language Models are Few-Shot Learners (GPT-3)*"
    assert without_people(t, 1, len(t) - 1) == len(t) - 1


def test_a_one_line_post_title_ends_at_its_label_link():
    text = (
        "<ol>\n"
        '<li><i>Nowcasting in a Pandemic using Mixed Frequency VARs</i> <a href="http://arxiv.org/abs/2008.12706">url</a></li>\n'
        '<li><i>Counting from Sky: A Large-scale Dataset for Object Counting</i> <a href="http://arxiv.org/abs/2008.12470">url</a></li>\n'
        "</ol>\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Nowcasting in a Pandemic using Mixed Frequency VARs",
        "Counting from Sky: A Large-scale Dataset for Object Counting",
    ]


def test_a_short_name_and_a_dash_before_the_title_are_no_part_of_it():
    text = (
        "- VGG16 - Very Deep Convolutional Networks for Large-Scale Image Recognition : https://arxiv.org/abs/1409.1556\n"
        "- Inception/GoogLeNet - Going Deeper with Convolutions : https://arxiv.org/abs/1409.4842\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Very Deep Convolutional Networks for Large-Scale Image Recognition",
        "Going Deeper with Convolutions",
    ]


def test_a_tables_header_row_is_no_item_of_its_paper_majority():
    text = (
        "| 名字 | 简介 | 地址 |\n"
        "| ---- | ---- | ---- |\n"
        "| Improving Language Understanding by Generative Pre-Training | GPT1 | [paper](https://cdn.openai.com/language_understanding_paper.pdf) |\n"
        "| Language Models are Few-Shot Learners | GPT3 | [paper](https://arxiv.org/abs/2005.14165) |\n"
        "| BERT: Pre-training of Deep Bidirectional Transformers | BERT | [paper](https://arxiv.org/abs/1810.04805) |\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Improving Language Understanding by Generative Pre-Training",
        "Language Models are Few-Shot Learners",
        "BERT: Pre-training of Deep Bidirectional Transformers",
    ]


def test_an_item_opening_with_an_emphasised_title_in_a_paper_list_is_a_paper():
    text = (
        "- [*Michelangelo: Long Context Evaluations Beyond Haystacks*](https://arxiv.org/abs/2409.12640).\n"
        "- *Knowing When to Ask – Bridging Large Language Models and Data* (technical report) on routing questions.\n"
        "- [*Fact, Fetch, and Reason: A Unified Evaluation of RAG*](https://arxiv.org/abs/2409.12941).\n"
        "- [*HELMET: How to Evaluate Long-Context Language Models*](https://arxiv.org/abs/2410.02694).\n"
        "- **Key concept here**: self-attention\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Michelangelo: Long Context Evaluations Beyond Haystacks",
        "Knowing When to Ask – Bridging Large Language Models and Data",
        "Fact, Fetch, and Reason: A Unified Evaluation of RAG",
        "HELMET: How to Evaluate Long-Context Language Models",
    ]


def test_a_table_row_under_a_header_of_no_paper():
    text = (
        "|papter list|20%|40%|\n"
        "|---|---|---|\n"
        "|[2016 terryum] Neural Architectures for Named Entity Recognition, G. Lample et al. [[pdf]](http://aclweb.org/anthology/N16-1030.pdf)|\n"
    )
    res = generic.parse(read_document("t.md", text))
    assert [e.line for e in res.entries] == [3]  # the entry starts at the row, not the header
    assert _read(text) == [("Neural Architectures for Named Entity Recognition", "G. Lample et al.")]


def test_a_table_cell_title_after_its_tag_and_before_its_label_links():
    text = (
        "|papter list|20%|\n"
        "|---|---|\n"
        "|[2020 ACL] Harvesting and Refining Question-Answer Pairs for Unsupervised QA [pdf](https://www.aclweb.org/anthology/2020.acl-main.600.pdf) [code](https://github.com/x/RefQA)|\n"
    )
    assert _read(text) == [("Harvesting and Refining Question-Answer Pairs for Unsupervised QA", None)]


def test_a_citation_of_two_sentences_title_first_or_names_first():
    text = (
        "- numericNLG\n"
        "\n"
        "  _Towards Table-to-Text Generation with Numerical Reasoning. Lya Suadaa, Hidetaka Kamigaito, Hiroya Takamura._"
        " <a href='https://aclanthology.org/2021.acl-long.115.pdf'>PDF</a>\n"
        "\n"
        "- SciGen\n"
        "\n"
        "  _Nafise Sadat Moosavi, Andreas Rücklé, Dan Roth. Learning to Reason for Text Generation from Scientific Tables._"
        " <a href='https://arxiv.org/abs/2104.08296'>PDF</a>\n"
    )
    assert [x for x in _read(text) if x[0]] == [
        ("Towards Table-to-Text Generation with Numerical Reasoning", "Lya Suadaa, Hidetaka Kamigaito, Hiroya Takamura"),
        ("Learning to Reason for Text Generation from Scientific Tables", "Nafise Sadat Moosavi, Andreas Rücklé, Dan Roth"),
    ]


def test_an_initials_full_stop_ends_no_sentence():
    from kg.parse.generic_titles import _sentences

    t = "A. Graves, G. Wayne. Neural Turing Machines."
    assert [t[a:b] for a, b in _sentences(t, 0, len(t))] == ["A. Graves, G. Wayne", "Neural Turing Machines"]


def test_a_badge_link_before_a_linked_title_in_a_cell():
    text = (
        "| Title & Authors | Introduction | Links |\n"
        "|:--|:--:|:--:|\n"
        "|[![Star](https://img.shields.io/github/stars/x/y.svg)](https://github.com/x/y)<br>"
        "[Safety Constraint Layers for Robot Policies](https://arxiv.org/abs/2512.11891) <br> Hu, Songqiao and Liu, Zeyi | | [Paper](https://arxiv.org/pdf/2512.11891)|\n"
        "|[Safety guardrails for llm-enabled robots](https://arxiv.org/pdf/2503.07885) <br> Zachary Ravichandran, Alexander Robey | | [Paper](https://arxiv.org/pdf/2503.07885)|\n"
    )
    assert _read(text) == [
        ("Safety Constraint Layers for Robot Policies", "Hu, Songqiao and Liu, Zeyi"),
        ("Safety guardrails for llm-enabled robots", "Zachary Ravichandran, Alexander Robey"),
    ]


def test_the_bracket_that_holds_a_titles_label_link_is_no_part_of_it():
    text = "Deep Learning for Symbolic Mathematics ([pdf](https://arxiv.org/abs/1912.01412))\n"
    assert [t for t, _ in _read(text)] == ["Deep Learning for Symbolic Mathematics"]


def test_a_list_mixing_papers_and_news_splits_into_its_paper_items():
    text = (
        "-   This painting had never been seen before. ([article](https://www.technologyreview.com/s/614333/x/))\n"
        "-   Distributed Machine Learning on Mobile Devices: A Survey ([pdf](https://arxiv.org/abs/1909.08329v1))\n"
        "-   Why It's So Hard for Alexa to Explain Itself ([web](https://onezero.medium.com/why-its-so-hard))\n"
        "-   Using deep neural networks for hand-tracking ([web](https://ai.facebook.com/blog/hand-tracking/))\n"
        "-   High Fidelity Speech Synthesis with Adversarial Networks ([pdf](https://arxiv.org/abs/1909.11646))\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Distributed Machine Learning on Mobile Devices: A Survey",
        "High Fidelity Speech Synthesis with Adversarial Networks",
    ]


def test_a_heading_linking_the_sites_page_of_a_paper_heads_its_entry():
    text = (
        "### [A CXL Memory Rack for Multi-Turn LLM Serving](../../papers/arxiv-2607.18141/)\n"
        "\n"
        "Long-context, multi-turn LLM workloads reuse previously processed context.\n"
        "\n"
        "### [Speculative Decoding Meets Online Learning](../../papers/arxiv-2601.07568/)\n"
        "\n"
        "Drafts evolve with the target model.\n"
    )
    assert [t for t, _ in _read(text)] == [
        "A CXL Memory Rack for Multi-Turn LLM Serving",
        "Speculative Decoding Meets Online Learning",
    ]


def test_a_title_may_open_with_a_lower_case_name():
    from kg.parse.generic_lines import title_like

    assert title_like("d3LLM: Ultra-Fast Diffusion LLM using Pseudo-Trajectory Distillation")
    assert title_like("mPLUG-Owl: Modularization Empowers Large Language Models")
    assert not title_like("we propose a new model for segmentation")


def test_an_emoji_shortcode_before_a_linked_title_is_no_sentence():
    text = (
        "* :star: [Open-World Entity Segmentation](https://arxiv.org/pdf/2107.14228.pdf)  (Jiaya Jia)  [code](https://github.com/x/Entity)\n"
        "  * We introduce a new image segmentation task.\n"
    )
    assert _read(text) == [("Open-World Entity Segmentation", "Jiaya Jia")]


def test_a_tables_header_is_explained_not_left_unexplained():
    from kg.parse.base import NOT_IN_ENTRY

    text = (
        "| Title | Authors | In One Sentence | Link |\n"
        "| ----- | ------- | --------------- | ---- |\n"
        "| Training Generative Adversarial Networks with Limited Data | Tero Karras et al. | Proposes augmentation | [Paper](https://arxiv.org/abs/2006.06676) |\n"
        "| A Style-Based Generator Architecture for GANs | Tero Karras et al. | Introduces a generator | [Paper](https://arxiv.org/abs/1812.04948) |\n"
    )
    res = generic.parse(read_document("t.md", text))
    assert len(res.entries) == 2
    assert [u.reason for u in res.unassigned] == ["table header", "table header"]
    assert res.unexplained == 0 and NOT_IN_ENTRY not in {u.reason for u in res.unassigned}


def test_a_loose_lists_nested_notes_stay_with_their_item():
    text = (
        "* [Data Augmentation Can Improve Robustness](https://arxiv.org/pdf/2111.05328.pdf) (NIPS21)\n"
        "\n"
        "  * Adversarial training suffers from robust overfitting.\n"
        "  * We demonstrate that data augmentation can boost robust accuracy.\n"
        "\n"
        "* [Sliced Recursive Transformer](https://arxiv.org/pdf/2111.05297.pdf)\n"
    )
    res = generic.parse(read_document("t.md", text))
    assert [(e.line, e.end_line) for e in res.entries] == [(1, 4), (6, 6)]
    assert res.unexplained == 0


def test_a_news_item_that_presents_a_study_is_a_paper_among_linked_papers():
    text = (
        "|Link|description|\n"
        "|---|---|\n"
        "|[Gemini 2.5 Pro Capable of Winning Gold at IMO 2025.](https://arxiv.org/abs/2507.15855) |Solving IMO problems. |\n"
        "|[Context Rot: How Increasing Input Tokens Impacts LLM Performance.](https://research.trychroma.com/context-rot) |This study by Chroma investigates long inputs. |\n"
        "|[Qwen-MT: Where Speed Meets Smart Translation.](https://qwenlm.github.io/blog/qwen-mt/) |The new update adds 92 languages. |\n"
        "|[One Token to Fool LLM-as-a-Judge.](https://arxiv.org/abs/2507.08794) |Generative reward models fail. |\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Gemini 2.5 Pro Capable of Winning Gold at IMO 2025",
        "Context Rot: How Increasing Input Tokens Impacts LLM Performance",
        "One Token to Fool LLM-as-a-Judge",
    ]


def test_a_header_naming_the_title_column_leaves_no_other_cell_a_title():
    text = (
        "| Date | Institute | Publication | Paper |\n"
        "|:--:|:--:|:--:|:--:|\n"
        "| 20.10 | Facebook AI Research | arxiv | [Recipes for Safety in Open-domain Chatbots](https://arxiv.org/abs/2010.07079) |\n"
        "| 22.11 | University of California, Santa Cruz | NAACL2024 | [Navigation as Attackers Wish? Towards Robust Embodied Agents](https://arxiv.org/abs/2211.14769) |\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Recipes for Safety in Open-domain Chatbots",
        "Navigation as Attackers Wish? Towards Robust Embodied Agents",
    ]


def test_a_numbered_title_cell_under_a_title_header():
    text = (
        "| **Paper**  | **Links** |\n"
        "| ------------- | ------------- |\n"
        "| 5) **Dreamix: Video Diffusion Models are General Video Editors** | [Paper](https://arxiv.org/abs/2302.01329) |\n"
        "| 6) **Benchmarking Large Language Models for News Summarization** | [Paper](https://arxiv.org/abs/2301.13848) |\n"
    )
    assert [t for t, _ in _read(text)] == [
        "Dreamix: Video Diffusion Models are General Video Editors",
        "Benchmarking Large Language Models for News Summarization",
    ]


def test_an_emoji_is_no_word_of_a_title():
    from kg.parse.generic_lines import title_like

    assert not title_like("Beginner 🟢")


def test_a_numbered_heading_over_the_one_paper_its_section_links():
    text = (
        "### 1. Perceptual Flow Network for Visually Grounded Reasoning\n"
        "\n"
        "- 分數：8\n"
        "- arXiv: [2605.02730v1](http://arxiv.org/abs/2605.02730v1)\n"
        "\n"
        "### 2. Results and Discussion\n"
        "\n"
        "No paper is linked here.\n"
    )
    got = _read(text)
    assert got[0] == ("Perceptual Flow Network for Visually Grounded Reasoning", None)
    assert all(t != "Results and Discussion" for t, _ in got)


def test_titles_cited_by_year_and_bracketed_names_on_the_next_line():
    text = (
        "+ **Caffe: Convolutional Architecture for Fast Feature Embedding**  \n"
        "  2014 - (2019/04/04: 10337) - [Yangqing Jia] [Evan Shelhamer] [Jeff Donahue]\n"
        "+ **Rich feature hierarchies for accurate object detection**  \n"
        "  2014 - (2019/04/04: 7908) - [Ross Girshick] [Jeff Donahue] [Trevor Darrell]\n"
    )
    assert _read(text) == [
        ("Caffe: Convolutional Architecture for Fast Feature Embedding", "[Yangqing Jia] [Evan Shelhamer] [Jeff Donahue]"),
        ("Rich feature hierarchies for accurate object detection", "[Ross Girshick] [Jeff Donahue] [Trevor Darrell]"),
    ]


def test_a_bold_line_over_no_citation_is_no_paper():
    text = "+ **Notes on Convolutional Networks for Vision**\n  some thoughts from the reading group\n"
    assert _read(text) == []


def test_a_lower_case_name_and_a_colon_open_a_title():
    text = "[mixup: Beyond Empirical Risk Minimization](https://arxiv.org/abs/1710.09412), Hongyi Zhang, Moustapha Cisse, Yann N. Dauphin\n"
    assert _read(text) == [("mixup: Beyond Empirical Risk Minimization", "Hongyi Zhang, Moustapha Cisse, Yann N. Dauphin")]


POST_OF_PAPERS = """\
# Daily papers

> notes on how this page was made
## Large-Scale Automatic Audiobook Creation

### Main work

An audiobook system.

[details](https://huggingface.co/papers/2309.03926)
## From Sparse to Dense: Summarization with Chain of Density Prompting

### Main work

Denser summaries.

### Score

8/10

[details](https://huggingface.co/papers/2309.04269)
"""


def test_plain_headings_each_over_one_paper_head_their_sections_subsections_included():
    res = generic.parse(read_document("post.md", POST_OF_PAPERS))
    got = [(e.text[e.title.start : e.title.end], e.line, e.end_line) for e in res.entries]
    assert got == [
        ("Large-Scale Automatic Audiobook Creation", 4, 10),
        ("From Sparse to Dense: Summarization with Chain of Density Prompting", 11, 21),
    ]


def test_a_lone_plain_heading_over_a_cited_paper_is_no_paper():
    from kg.parse.generic_titles import titled_sections

    text = "## Related Work and Background\n\nAs in [prior work](https://arxiv.org/abs/2309.04269).\n"
    assert titled_sections(read_document("n.md", text), {}) == {}


def test_the_driver_prefers_a_generic_reading_that_titles_every_paper_once():
    # A layout that cut the post into more, untitled paragraphs (as the abstract reader
    # does) loses to the generic reading whose entries each title one of the page's papers.
    from kg.parse import generic_contest
    from kg.parse.base import Builder, blocks

    text = POST_OF_PAPERS + (
        "## Mobile V-MoEs: Scaling Down Vision Transformers via Sparse Mixture-of-Experts\n"
        "\n"
        "Sparse experts on phones.\n"
        "\n"
        "[details](https://huggingface.co/papers/2309.04354)\n"
    )
    doc = read_document("post.md", text)
    b = Builder(doc, "abstract")
    for block in blocks(doc.texts):
        if doc.lines[block[0]].kind != "heading":
            b.open(block[0])
            for k in block:
                b.take(k)
            b.close()
    res, gen = b.result(), generic.parse(doc)
    assert len(res.entries) > len(gen.entries) == 3
    assert generic_contest.generic_better(doc, res, gen)


JOURNAL_BRIEF = """\
---
title: "Daily medical AI brief"
---

# Daily medical AI brief

## 1. A context-augmented large language model for oncology recommendations.
**Cancer Cell (IF: 31.7)** | 2026 Mar 9 | [PubMed](https://pubmed.ncbi.nlm.nih.gov/41544626/) | [DOI](https://doi.org/10.1016/j.ccell.2025.12.017)
**Method:** a retrieval-augmented workflow.

## 2. Artificial intelligence in nuclear medicine.
**Br J Radiol** | 2026 Jul 1 | [PubMed](https://pubmed.ncbi.nlm.nih.gov/41564330/) | [DOI](https://doi.org/10.1093/bjr/tqag012)
**Method:** a review.

## 3. Designing Trustworthy Clinical AI
**JAMA** | [PubMed](https://pubmed.ncbi.nlm.nih.gov/42166151/) | [DOI](https://doi.org/10.1001/jama.2026.1351)
"""


def test_numbered_headings_over_a_journal_papers_record_and_doi_line_are_its_papers():
    # Not a page about one paper (its metadata names a digest and it links six records),
    # but one paper a numbered section: the line linking a record and a DOI is one paper.
    assert _read(JOURNAL_BRIEF, "brief.md") == [
        ("A context-augmented large language model for oncology recommendations.", None),
        ("Artificial intelligence in nuclear medicine.", None),
        ("Designing Trustworthy Clinical AI", None),
    ]


TAGGED_TABLE = """\
## QA

|paper list|20%|40%|
|---|---|---|
|[2015 terryum] Teaching machines to read and comprehend, K. Hermann et al. [[pdf]](http://papers.nips.cc/paper/5945.pdf)|
|[2020 ACL] Probabilistic Assumptions Matter: Improved Models for Document-Level Question Answering | |
|[2020 ACL] Recurrent Chunking Mechanisms for Long-Text Machine Reading Comprehension | |
|Reading notes for the week | |
"""


def test_rows_opening_with_a_dated_tag_and_a_title_are_papers_the_list_does_not_link():
    assert _read(TAGGED_TABLE, "README.md") == [
        ("Teaching machines to read and comprehend", "K. Hermann et al."),
        ("Probabilistic Assumptions Matter: Improved Models for Document-Level Question Answering", None),
        ("Recurrent Chunking Mechanisms for Long-Text Machine Reading Comprehension", None),
    ]


NOTES_INDEX = """\
## augmentation
1. [200122 FixMatch](papers/2020/200122%20FixMatch.md) #semi_supervised_learning #mixup
1. [200220 Affinity and Diversity](papers/2020/200220%20Affinity%20and%20Diversity.md)
1. [201213 Simple Copy-Paste is a Strong Data Augmentation Method](papers/2020/201213.md) #instance
"""


def test_a_notes_index_of_date_stamped_links_lists_papers_by_name_and_month():
    res = generic.parse(read_document("README.md", NOTES_INDEX))
    assert [(e.line, e.title.of(e.text), e.date) for e in res.entries] == [
        (2, "FixMatch", "2020-01"),
        (3, "Affinity and Diversity", "2020-02"),
        (4, "Simple Copy-Paste is a Strong Data Augmentation Method", "2020-12"),
    ]
    # Two stamped links are no index (a page may link two dated notes).
    assert generic.parse(read_document("README.md", "\n".join(NOTES_INDEX.splitlines()[:3]))).entries == []


PAPER_CODE_SECTIONS = """\
# 1. Image Generation

### Accelerating Diffusion Sampling with Optimized Time Steps

- Paper: https://arxiv.org/abs/2402.17376
- Code: https://github.com/scxue/DM-NonUniform

### Adversarial Text to Continuous Image Generation

- Paper: https://openaccess.thecvf.com/content/CVPR2024/html/Haydarov_Adversarial_Text_CVPR_2024_paper.html
- Code:
"""


def test_headings_over_a_bare_paper_address_each_head_that_paper():
    # The publisher's address written out (no markdown link) carries a paper as an arXiv one does.
    assert [t for t, _ in _read(PAPER_CODE_SECTIONS, "CVPR2024.md")] == [
        "Accelerating Diffusion Sampling with Optimized Time Steps",
        "Adversarial Text to Continuous Image Generation",
    ]


def test_a_field_key_read_as_a_title_titles_nothing():
    from kg.parse.base import LayoutResult
    from kg.parse import generic_contest
    from kg.records import Entry, Span

    def entry(text: str) -> Entry:
        return Entry("x.md", 1, 1, "digest", "items", text, title=Span(0, text.index(":")))

    keyed = LayoutResult([entry("Paper: https://arxiv.org/abs/2402.17376"), entry("Code: https://github.com/x/y")], [], 2)
    titled = LayoutResult([entry("Accelerating Diffusion Sampling: https://arxiv.org/abs/2402.17376")], [], 1)
    assert (generic_contest.titled(keyed), generic_contest.titled(titled)) == (0, 1)


DATED_SESSIONS = """\
#### August 12, 2020
- **Paper**: [Pre-training via Paraphrasing](https://arxiv.org/abs/2006.15020)
- **Authors**: [Mike Lewis](https://twitter.com/ml), Armen Aghajanyan, [Sida Wang](https://twitter.com/sw)
- **Presenter**: [Sam Shleifer](https://twitter.com/ss)

#### June 23, 2020
- **Paper**: [Weight Poisoning Attacks on Pre-trained Models](https://arxiv.org/abs/2004.06660)
- **Authors**: Keita Kurita, [Paul Michel](https://twitter.com/pm), [Graham Neubig](https://twitter.com/gn)
"""

HEADED_WITH_AUTHORS = """\
## Pre-training via Paraphrasing

- **Authors**: Mike Lewis, Armen Aghajanyan, Sida Wang
- Link: [arXiv](https://arxiv.org/abs/2006.15020)

## Weight Poisoning Attacks on Pre-trained Models

- **Authors**: Keita Kurita, Paul Michel, Graham Neubig
- Link: [arXiv](https://arxiv.org/abs/2004.06660)
"""


def test_a_day_heading_names_no_paper_its_fields_do():
    assert _read(DATED_SESSIONS, "sessions.md") == [
        ("Pre-training via Paraphrasing", "Mike Lewis, Armen Aghajanyan, Sida Wang"),
        ("Weight Poisoning Attacks on Pre-trained Models", "Keita Kurita, Paul Michel, Graham Neubig"),
    ]


def test_an_author_field_under_a_paper_heading_names_its_authors():
    assert _read(HEADED_WITH_AUTHORS, "papers.md") == [
        ("Pre-training via Paraphrasing", "Mike Lewis, Armen Aghajanyan, Sida Wang"),
        ("Weight Poisoning Attacks on Pre-trained Models", "Keita Kurita, Paul Michel, Graham Neubig"),
    ]


FOOTNOTE_DIGEST = """\
[^3]: 量子假设检验的样本复杂度

    Sample complexity of quantum hypothesis testing

    [https://arxiv.org/abs/2403.17868](https://arxiv.org/abs/2403.17868)

    本文研究了量子假设检验的样本复杂度。

[^4]: 深度学习及其最新应用综述

    A Survey on Deep Learning and State-of-the-arts Applications

    [https://arxiv.org/abs/2403.17561](https://arxiv.org/abs/2403.17561)
"""


def test_a_loose_items_paragraphs_are_one_paper_titled_in_english_after_its_chinese_title():
    res = generic.parse(read_document("details.md", FOOTNOTE_DIGEST))
    assert [(e.line, e.title.of(e.text), e.title_zh.of(e.text)) for e in res.entries] == [
        (1, "Sample complexity of quantum hypothesis testing", "量子假设检验的样本复杂度"),
        (9, "A Survey on Deep Learning and State-of-the-arts Applications", "深度学习及其最新应用综述"),
    ]


KEYCAP_DIGEST = """\
# AI Weekly Digest

## 1️⃣ Learning Multi-Modal Perception in Robotics with Verifiable Rewards

**Why it matters**
A robot that grasps a visual cue.

**Read the full paper**: <https://arxiv.org/abs/2510.08558v1>

## 2️⃣ Dream to Recall: Imagination-Guided Experience Retrieval

**Why it matters**
Navigation with memory.

**Read the full paper**: <https://arxiv.org/abs/2510.08553v1>
"""


def test_headings_numbered_with_keycaps_head_their_papers():
    assert [t for t, _ in _read(KEYCAP_DIGEST, "digest.md")] == [
        "Learning Multi-Modal Perception in Robotics with Verifiable Rewards",
        "Dream to Recall: Imagination-Guided Experience Retrieval",
    ]


WRAPPED_BOLD = """\
**2. VideoAnydoor: High-fidelity Video Object Insertion with Precise Motion
  Control**
 [Read Paper](https://huggingface.co/papers/2501.01427)
 Summary: inserts objects into videos.

**3. CodeElo: Benchmarking Competition-level Code Generation of LLMs with
  Human-comparable Elo Ratings**
 [Read Paper](https://huggingface.co/papers/2501.01257)
"""

CLOSED_BOLD = """\
**Harnessing the Power of LLMs in Practice: A Survey on ChatGPT and Beyond** \\
*Jingfeng Yang, Hongye Jin, Ruixiang Tang* \\
arXiv 2023. [[Paper](https://arxiv.org/abs/2304.13712)]
"""


def test_a_bold_title_the_source_wrapped_runs_over_its_next_line_and_a_link_label_names_no_one():
    got = _read(WRAPPED_BOLD, "daily.md")
    assert [" ".join(t.split()) for t, _ in got] == [
        "VideoAnydoor: High-fidelity Video Object Insertion with Precise Motion Control",
        "CodeElo: Benchmarking Competition-level Code Generation of LLMs with Human-comparable Elo Ratings",
    ]
    assert [a for _, a in got] == [None, None]  # "[Read Paper](…)" is a link's label, no author list
    # A bold title closed on its line is not run into the italic authors under it.
    assert _read(CLOSED_BOLD, "list.md") == [
        ("Harnessing the Power of LLMs in Practice: A Survey on ChatGPT and Beyond", "Jingfeng Yang, Hongye Jin, Ruixiang Tang")
    ]


KEYED_HEADINGS = """\
# Showing new listings for Wednesday, 29 July 2026
## Keyword: SLAM
### Title:
          HOME: Robust Hough-space Matching Method for Structured and Textureless Videos
 - **Authors:** Masaki Satoh, Ann Lee
 - **Arxiv link:** https://arxiv.org/abs/
### Title:
          HiFi-UMI: Learning Deployable Manipulation Policies from High-Fidelity UMI Data Alone
 - **Authors:** Yuteng Wei, Jinming Ma, Jiawei Wang
"""


def test_the_line_under_a_title_key_heading_is_the_title():
    assert _read(KEYED_HEADINGS, "notice.md") == [
        ("HOME: Robust Hough-space Matching Method for Structured and Textureless Videos", "Masaki Satoh, Ann Lee"),
        ("HiFi-UMI: Learning Deployable Manipulation Policies from High-Fidelity UMI Data Alone", "Yuteng Wei, Jinming Ma, Jiawei Wang"),
    ]
    # One such heading alone labels anything: no list of titles.
    from kg.parse.generic_named import keyed_heading_titles

    one = "\n".join(KEYED_HEADINGS.splitlines()[:6]) + "\n"
    assert len(keyed_heading_titles(read_document("notice.md", KEYED_HEADINGS))) == 2
    assert keyed_heading_titles(read_document("notice.md", one)) == {}


TOPIC_OVER_PAPER = """\
## February 19, 2025

### Autonomous AI Systems

#### AIDE: AI-Driven Exploration in the Space of Code
- **Authors**: Zhengyao Jiang, Dominik Schmidt, Dhruv Srikanth
- **Link**: https://arxiv.org/abs/2502.13138

### Human-AI Collaboration

#### AI-Assisted Decision Making with Human Learning
- **Authors**: Gali Noti, Kate Donahue, Jon Kleinberg
- **Link**: https://arxiv.org/abs/2502.13062
"""


def test_of_nested_headings_over_one_paper_the_inner_titles_it():
    assert _read(TOPIC_OVER_PAPER, "papers.md") == [
        ("AIDE: AI-Driven Exploration in the Space of Code", "Zhengyao Jiang, Dominik Schmidt, Dhruv Srikanth"),
        ("AI-Assisted Decision Making with Human Learning", "Gali Noti, Kate Donahue, Jon Kleinberg"),
    ]
