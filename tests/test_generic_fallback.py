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


REFERENCE_LIST = """\
## Reading list

- _Deep Residual Learning for Image Recognition_, Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun, 2015
[https://arxiv.org/abs/1512.03385](https://arxiv.org/abs/1512.03385)

- _Attention Is All You Need_, Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, 2017
[https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762)

- _Adam: A Method for Stochastic Optimization_, Diederik P. Kingma, Jimmy Ba, 2014
[https://arxiv.org/abs/1412.6980](https://arxiv.org/abs/1412.6980)
"""


def test_title_less_reading_loses_to_the_generic_readers_titled_entries():
    # Without the list layouts, the abstract reader takes each item for an abstract with
    # no title; the generic reader finds the three papers with their titles.
    from kg.parse.layouts import abstract

    doc = _doc(REFERENCE_LIST)
    res = parse_document(doc, [abstract])
    assert res.layout == "generic"
    assert _titles(res) == [
        "Deep Residual Learning for Image Recognition", "Attention Is All You Need", "Adam: A Method for Stochastic Optimization",
    ]


def test_titled_reading_keeps_the_page():
    # A layout whose entries have titles is not replaced by the generic reader.
    doc = _doc(FIELD_DIGEST, "digest.txt")
    assert parse_document(doc).layout != "generic"


TIGHT_LIST = """\
## CNN
- *Deep Residual Learning for Image Recognition (He et al.)* [[arxiv, 15.12]](https://arxiv.org/abs/1512.03385)
- *Attention Is All You Need (Vaswani et al.)* [[arxiv, 17.06]](https://arxiv.org/abs/1706.03762)
  - a note under the item
- *Adam: A Method for Stochastic Optimization (Kingma, Ba)* [[arxiv, 14.12]](https://arxiv.org/abs/1412.6980)
"""

PAPER_TABLE = """\
| Date | Title | Authors | Link |
|---|---|---|---|
| 15.12 | Deep Residual Learning for Image Recognition | Kaiming He, Xiangyu Zhang, Shaoqing Ren | [arXiv](https://arxiv.org/abs/1512.03385) |
| 17.06 | Attention Is All You Need | Ashish Vaswani, Noam Shazeer, Niki Parmar | [arXiv](https://arxiv.org/abs/1706.03762) |
"""


def test_a_tight_list_of_paper_links_is_one_entry_per_item():
    res = parse_document(_doc(TIGHT_LIST), [])
    assert res.layout == "generic"
    assert len(res.entries) == 3
    assert [e.links for e in res.entries] == [(f"https://arxiv.org/abs/{i}",) for i in ("1512.03385", "1706.03762", "1412.6980")]
    assert "a note under the item" in res.entries[1].text  # the item's own lines stay with it
    assert all(e.title is not None for e in res.entries)


def test_a_table_of_papers_is_one_entry_per_row_titled_from_its_cells():
    res = parse_document(_doc(PAPER_TABLE), [])
    assert _titles(res) == ["Deep Residual Learning for Image Recognition", "Attention Is All You Need"]
    assert [e.text[e.authors.start : e.authors.end] for e in res.entries] == [
        "Kaiming He, Xiangyu Zhang, Shaoqing Ren", "Ashish Vaswani, Noam Shazeer, Niki Parmar",
    ]
    # The header row links no paper: it is reported, not an entry.
    assert any(u.line == 1 for u in res.unassigned)


def test_a_paragraph_citing_several_papers_stays_one_entry():
    text = "We build on https://arxiv.org/abs/1512.03385 and\nhttps://arxiv.org/abs/1706.03762 in this paper, Segment Anything.\n"
    res = parse_document(_doc(text, "note.txt"), [])
    assert len(res.entries) <= 1


TAGGED_LIST = """\
## Planning
- [NIPS22] ✅ Chain-of-Thought Prompting Elicits Reasoning in Large Language Models [paper](https://arxiv.org/abs/2201.11903) [note](notes/cot.md)
- [arXiv23] Tree of Thoughts: Deliberate Problem Solving with Large Language Models [paper](https://arxiv.org/abs/2305.10601)
"""

HEADED_TABLE = """\
| Date | Institute | Title | Authors | Link |
|---|---|---|---|---|
| 20.10 | Facebook AI Research | Recipes for Safety in Open-domain Chatbots | Jing Xu, Da Ju, Margaret Li | [paper](https://arxiv.org/abs/2010.07079) |
| 23.06 | University of Illinois at Urbana-Champaign | DecodingTrust: A Comprehensive Assessment of Trustworthiness in GPT Models | Boxin Wang, Weixin Chen | [paper](https://arxiv.org/abs/2306.11698) |
"""


def test_an_items_tags_and_label_links_are_not_its_title():
    res = parse_document(_doc(TAGGED_LIST), [])
    assert _titles(res) == [
        "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models",
        "Tree of Thoughts: Deliberate Problem Solving with Large Language Models",
    ]


def test_a_tables_header_names_its_title_and_author_columns():
    # The institute column reads like a title; the header says which column is.
    res = parse_document(_doc(HEADED_TABLE), [])
    assert _titles(res) == [
        "Recipes for Safety in Open-domain Chatbots",
        "DecodingTrust: A Comprehensive Assessment of Trustworthiness in GPT Models",
    ]
    assert [e.text[e.authors.start : e.authors.end] for e in res.entries] == ["Jing Xu, Da Ju, Margaret Li", "Boxin Wang, Weixin Chen"]


def test_a_keyed_title_line_gives_its_value():
    res = parse_document(_doc(FIELD_DIGEST, "digest.txt"), [])
    assert _titles(res) == ["Segment Anything", "Visual Instruction Tuning"]
    assert [e.text[e.authors.start : e.authors.end] for e in res.entries] == [
        "Alexander Kirillov, Eric Mintun, Nikhila Ravi", "Haotian Liu, Chunyuan Li, Qingyang Wu",
    ]


SPLIT_ENTRY = """\
【1】 Transformers in 3D Point Clouds: A Survey
**链接**：https://arxiv.org/abs/2205.07417

**作者**：Dening Lu,Qian Xie,Mingqiang Wei
**摘要**：近年来，Transformer模型已被证明具有显著的远程依赖建模能力。

【2】 Image Captioning In the Transformer Age
**链接**：https://arxiv.org/abs/2204.07374

**作者**：Yang Xu,Li Li,Haiyang Xu
"""


def test_an_author_paragraph_goes_on_with_the_paper_before_it():
    res = parse_document(_doc(SPLIT_ENTRY), [])
    assert _titles(res) == ["Transformers in 3D Point Clouds: A Survey", "Image Captioning In the Transformer Age"]
    assert [e.text[e.authors.start : e.authors.end] for e in res.entries] == [
        "Dening Lu,Qian Xie,Mingqiang Wei", "Yang Xu,Li Li,Haiyang Xu",
    ]


LINK_LIST = """\
# Reading list

## Vision

- MLP-Mixer: 2105.01601. **MLP-Mixer: An all-MLP Architecture for Vision**. Ilya Tolstikhin et al | [abs](https://arxiv.org/abs/2105.01601)
- gMLP: 2105.08050. **Pay Attention to MLPs**. Hanxiao Liu et al | [abs](https://arxiv.org/abs/2105.08050)
- ResMLP: 2105.03404. **ResMLP: Feedforward networks for image classification**. Hugo Touvron et al | [abs](https://arxiv.org/abs/2105.03404)
- FNet: 2105.03824. **FNet: Mixing Tokens with Fourier Transforms**. James Lee-Thorp et al | [abs](https://arxiv.org/abs/2105.03824)
"""


def test_a_page_linking_more_papers_than_a_layout_found_items_is_read_paper_by_paper():
    # The abstract reader takes the paragraph for one abstract; the generic reader finds
    # one entry per paper linked.
    from kg.parse.layouts import abstract

    doc = _doc(LINK_LIST)
    assert len(abstract.parse(doc).entries) < 3
    res = parse_document(doc, [abstract])
    assert res.layout == "generic"
    assert [e.links for e in res.entries] == [
        (f"https://arxiv.org/abs/{i}",) for i in ("2105.01601", "2105.08050", "2105.03404", "2105.03824")
    ]


def test_a_bold_title_after_an_items_name_and_id_is_its_title():
    res = parse_document(_doc(LINK_LIST), [])
    assert _titles(res) == [
        "MLP-Mixer: An all-MLP Architecture for Vision",
        "Pay Attention to MLPs",
        "ResMLP: Feedforward networks for image classification",
        "FNet: Mixing Tokens with Fourier Transforms",
    ]


QUOTED_LIST = """\
* RepMLP: "RepMLP: Re-parameterizing Convolutions into Fully-connected Layers for Image Recognition", arXiv, 2021 (Megvii). [[Paper](https://arxiv.org/abs/2105.01883)]
* EAMLP: "Beyond Self-attention: External Attention using Two Linear Layers for Visual Tasks", arXiv, 2021 (Tsinghua University). [[Paper](https://arxiv.org/abs/2105.02358)]
* [CV]《Understanding Attention for Vision-and-Language Tasks》F Cao, S C Han [The University of Sydney] (2022) https://arxiv.org/abs/2208.08104
"""


def test_a_quoted_title_is_the_title():
    res = parse_document(_doc(QUOTED_LIST), [])
    assert _titles(res) == [
        "RepMLP: Re-parameterizing Convolutions into Fully-connected Layers for Image Recognition",
        "Beyond Self-attention: External Attention using Two Linear Layers for Visual Tasks",
        "Understanding Attention for Vision-and-Language Tasks",
    ]


def test_the_authors_after_a_quoted_title_stop_at_their_affiliation():
    res = parse_document(_doc(QUOTED_LIST), [])
    assert res.entries[2].authors is not None
    e = res.entries[2]
    assert e.text[e.authors.start : e.authors.end] == "F Cao, S C Han"
    # A venue and year after the title are no authors.
    assert res.entries[0].authors is None


ROW_SHAPES = """\
| Title & Authors | Links |
|---|---|
| [Safety Guardrails for LLM-Enabled Robots](https://arxiv.org/abs/2503.07885) <br> Zachary Ravichandran, Alexander Robey | [Paper](https://arxiv.org/abs/2503.07885) |
| [Phantom Menace: Exploring the Robustness of VLA Models](https://arxiv.org/abs/2511.10008) <br> Xuancun Lu, Jiaxiang Chen | [Paper](https://arxiv.org/abs/2511.10008) |

| **Paper** | **Links** |
| ------------- | ------------- |
| 1) Toolformer: Language Models Can Teach Themselves to Use Tools - introduces language models that use tools | [Paper](https://arxiv.org/abs/2302.04761) |
| 2) A Categorical Archive of ChatGPT Failures - a comprehensive analysis of ChatGPT failures | [Paper](https://arxiv.org/abs/2302.03494) |
"""


def test_a_cells_linked_title_over_its_authors_and_a_numbered_title_before_a_description():
    res = parse_document(_doc(ROW_SHAPES), [])
    assert _titles(res) == [
        "Safety Guardrails for LLM-Enabled Robots",
        "Phantom Menace: Exploring the Robustness of VLA Models",
        "Toolformer: Language Models Can Teach Themselves to Use Tools",
        "A Categorical Archive of ChatGPT Failures",
    ]
    assert [e.text[e.authors.start : e.authors.end] if e.authors else None for e in res.entries[:2]] == [
        "Zachary Ravichandran, Alexander Robey", "Xuancun Lu, Jiaxiang Chen",
    ]


ONE_PAPER_POST = """\
Reflexion: Language Agents with Verbal Reinforcement Learning

Large language models are increasingly used as goal-driven agents that interact with external environments. However, it remains hard for them to learn quickly from trial and error.

We propose Reflexion, a framework that reinforces language agents not by updating weights but through linguistic feedback. Agents reflect on task feedback signals and keep their reflections in an episodic memory buffer.

Reflexion is flexible enough to take various types and sources of feedback signals, and it obtains significant improvements over a baseline agent across diverse tasks.

[Reflexion: Language Agents with Verbal Reinforcement Learning](https://arxiv.org/abs/2303.11366)
"""


def test_a_page_about_one_paper_cut_into_title_less_paragraphs_is_one_entry():
    from kg.parse.layouts import abstract

    doc = _doc(ONE_PAPER_POST, "post.md")
    got = abstract.parse(doc)
    assert len(got.entries) > 1 and all(e.title is None for e in got.entries)
    res = parse_document(doc, [abstract])
    assert res.layout == "generic"
    assert [e.links for e in res.entries] == [("https://arxiv.org/abs/2303.11366",)]
    assert _titles(res) == ["Reflexion: Language Agents with Verbal Reinforcement Learning"]


def test_a_keyed_line_whose_value_is_no_title_gives_no_title():
    res = parse_document(_doc("Paper: https://arxiv.org/abs/2303.11366\n", "note.txt"), [])
    assert _titles(res) == [None]
