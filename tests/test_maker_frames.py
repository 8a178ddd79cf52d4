"""Organisations named in prose as a paper's makers (kg.extract.maker_frames).

Fixtures are invented sentences in the shapes digests use; the organisation names are
from kg's alias table (or invented, where an organisation's shape is what is tested).
"""
from __future__ import annotations

import pytest

from kg.extract import extract_entry
from kg.extract.maker_frames import maker_institutions, maker_names
from kg.records import Entry, Span


def names(text: str) -> list[str]:
    return [m.name for m in maker_institutions(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("This is an interesting new paper by OpenAI that studies process supervision.", ["OpenAI"]),
        ("Researchers from Stanford and Google DeepMind propose Zorblax.", ["Stanford University", "DeepMind"]),
        ("A team at Meta FAIR trained Quux on web video.", ["Facebook AI Research"]),
        ("A team of researchers from Carnegie Mellon University, Stanford, and MIT found that",
         ["Carnegie Mellon University", "Stanford University", "Massachusetts Institute of Technology"]),
        ("Google DeepMind researchers show that Zorb scales.", ["DeepMind"]),
        ("A study by the Quintessa Institute of Technology shows that", ["Quintessa Institute of Technology"]),
        ("Researchers at the Allen Institute for AI release Zorb.", ["Allen Institute for AI"]),
    ],
)
def test_english_frames(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("来自清华大学的研究团队提出了Zorb。", ["Tsinghua University"]),
        ("来自清华大学、北京大学和微软的研究团队提出", ["Tsinghua University", "Peking University", "Microsoft"]),
        ("来自清华大学计算机系的团队发布了Zorb", ["Tsinghua University"]),  # a department folds into its university
        ("近日，浙江大学团队提出了Zorb方法。", ["Zhejiang University"]),
        ("来自Meta的研究团队发布了Zorb。", ["Meta"]),
        ("这项工作由星河理工大学提出。", ["星河理工大学"]),  # an unknown name of organisation shape
    ],
)
def test_chinese_frames(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Сегодня мы представим Zorb — алгоритм от команды ByteDance, который", ["ByteDance"]),
        ("модели Zorb-Omni, разработанной командой Zorb в Alibaba Group. Модель", ["Alibaba Group"]),
    ],
)
def test_russian_frames(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A new paper by Jane Doe and John Smith on sparse attention.",  # people
        "The paper evaluates GPT-4 by OpenAI on ZorbQA.",  # a model's owner, not the paper's maker
        "We fine-tune a model developed by Google on our data.",  # no maker frame
        "Funded by the National Science Foundation.",  # a funder
        "Zorb, developed by the Qwen team, is strong.",  # a model's team is no organisation
        "Category: Lab Outputs\n\nResearchers tackle the problem of drift.",  # a field, then a new sentence
        "The newspaper by Stanford students",  # "paper by" only as a whole word
        "от команды Qwen, которая",  # a team named after a model
        "来自Zorb的研究团队",  # a name of no organisation shape
    ],
)
def test_no_maker(text):
    assert names(text) == []


def test_spans_point_at_the_name():
    text = "A new paper by OpenAI."
    [(s, e)] = maker_names(text)
    assert text[s:e] == "OpenAI"


def test_regions_limit_the_search():
    text = "A new paper by OpenAI. Researchers from Stanford propose Zorb."
    assert [m.name for m in maker_institutions(text, [(23, len(text))])] == ["Stanford University"]


def _entry(text: str, **spans: Span) -> Entry:
    return Entry(file="x.md", line=1, end_line=1, kind="structured", layout="test", text=text, **spans)


def test_entry_without_affiliation_field_reads_prose():
    text = "Zorb: Sparse Everything\nA new paper by OpenAI that studies Zorb."
    rec = extract_entry(_entry(text, title=Span(0, 23), body=(Span(24, len(text)),)))
    assert [m.name for m in rec.institutions] == ["OpenAI"]
    m = rec.institutions[0]
    assert text[m.start : m.end] == "OpenAI"


def test_affiliation_field_wins_over_prose():
    text = "Zorb\n[Stanford University]\nResearchers from Google DeepMind propose Zorb."
    rec = extract_entry(_entry(text, title=Span(0, 4), affiliations=Span(6, 25), body=(Span(27, len(text)),)))
    assert [m.name for m in rec.institutions] == ["Stanford University"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Authors: NeoteAI Team, Fudan TEAI Team", ["NeoteAI", "Fudan University"]),
        ("Learning with Privacy at Scale, Differential Privacy Team, Apple", ["Apple"]),
        ("Stanford Vision Lab researchers show that", ["Stanford University"]),
        ("Zorb was released by the Qwen team last week.", []),  # a model's team
    ],
)
def test_team_frames(text, expected):
    assert names(text) == expected


def test_team_names_are_no_authors():
    text = "Zorb: Sparse Everything\nNeoteAI Team, Fudan TEAI Team, Jane Doe"
    rec = extract_entry(_entry(text, title=Span(0, 23), authors=Span(24, len(text))))
    assert [(a.name, a.position) for a in rec.authors] == [("Jane Doe", 1)]
    assert [m.name for m in rec.institutions] == ["NeoteAI", "Fudan University"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Google DeepMind introduces Zorb, a sparse transformer.", ["DeepMind"]),
        ("字节跳动发布了Zorb模型。", ["ByteDance"]),
        ("ByteDance представила DAPO — новый алгоритм.", ["ByteDance"]),
        ("我们使用OpenAI发布的GPT-4进行评估。", []),  # 的: the owner of a model the paper uses
        ("OpenAI released ChatGPT in 2022; we study its errors.", []),  # background, past tense
        ("Zorb releases a dataset of 10k dialogues.", []),  # the subject is no organisation
    ],
)
def test_subject_verb_frames(text, expected):
    assert names(text) == expected


def test_bracket_after_author_list():
    text = "Zorb: Sparse Everything\nJane Doe, John Smith, Ann Lee (Quintessa AI Lab, Tsinghua University)"
    authors = Span(24, text.index(" ("))
    rec = extract_entry(_entry(text, title=Span(0, 23), authors=authors))
    assert [m.name for m in rec.institutions] == ["Quintessa AI Lab", "Tsinghua University"]
    assert [a.name for a in rec.authors] == ["Jane Doe", "John Smith", "Ann Lee"]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Zorb: Sparse Attention for Everything (Google Research)", ["Google Research"]),
        ("Zorb: Sparse Attention for Everything (Quintessa AI Lab)", []),  # after a title: known names only
        ("Language Models are Few-Shot Learners (GPT-3)", []),  # a gloss naming a model
        ("Zorb: Sparse Attention for Everything (Oral, Google Research)", []),  # not every part an organisation
    ],
)
def test_bracket_after_title(line, expected):
    end = line.index(" (")
    rec = extract_entry(_entry(line, title=Span(0, end), body=(Span(end, len(line)),)))
    assert [m.name for m in rec.institutions] == expected


@pytest.mark.parametrize("text", ["适合音频安全与可解释AI研究者。", "The Research researchers think", "AI researchers agree"])
def test_an_organisation_word_alone_is_no_organisation(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("MIT, Stanford, and CMU researchers found that",
         ["Massachusetts Institute of Technology", "Stanford University", "Carnegie Mellon University"]),
        ("清华大学、北京大学等机构的研究者提出了Zorb", ["Tsinghua University", "Peking University"]),
        ("作者来自浙江大学。", ["Zhejiang University"]),
        ("Zorb, in collaboration with Microsoft Research, shows", ["Microsoft Research"]),
        ("OpenAI's new paper shows that", ["OpenAI"]),
        ("Deep learning and Google researchers", ["Google"]),  # a list stops at a name of no organisation
    ],
)
def test_lists_read_backwards_and_more_frames(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Zorb: Sparse Attention for Everything — by Google DeepMind", ["DeepMind"]),
        ("Zorb: Sparse Attention for Everything, from Quintessa AI Lab and MIT",
         ["Quintessa AI Lab", "Massachusetts Institute of Technology"]),
        ("Zorb: Sparse Attention for Everything by Jane Doe", []),  # a person
    ],
)
def test_by_after_title(line, expected):
    end = line.index("Everything") + len("Everything")
    rec = extract_entry(_entry(line, title=Span(0, end), body=(Span(end, len(line)),)))
    assert [m.name for m in rec.institutions] == expected


def test_every_frame_file_loads():
    from kg.extract.maker_frames import _frames

    frames = _frames()
    assert len(frames) > 50
    assert all(anchor and (before or after) for anchor, before, after, _ in frames)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("清华大学的最新研究表明，Zorb可以", ["Tsinghua University"]),
        ("本文引用了OpenAI的论文。", []),  # a paper the entry only cites
        ("Новое исследование от Google DeepMind показывает", ["DeepMind"]),
        ("Новая модель от Google показывает", []),  # a model's owner
    ],
)
def test_own_new_work(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", ["该方法由国内多所大学提出。", "来自国内顶尖大学的研究团队", "，知名实验室研究团队发布了"])
def test_described_organisations_are_no_names(text):
    assert names(text) == []


def test_the_entrys_title_is_no_maker():
    # A title that opens its summary ("Title introduces …") is the subject of a maker
    # frame, and its last word ("Systems") gives it an organisation's look.
    text = "- Quasar Switching Linear Dynamical Systems introduces a method for neural dynamics."
    title = "Quasar Switching Linear Dynamical Systems"
    assert names(text) == ["Quasar Switching Linear Dynamical Systems"]  # without the title: the look alone
    assert [m.name for m in maker_institutions(text, title=title)] == []
    # A known organisation that happens to be the whole title stays.
    assert [m.name for m in maker_institutions("OpenAI introduces Zorb.", title="OpenAI")] == ["OpenAI"]


@pytest.mark.parametrize(
    "text, urls, expected",
    [
        # The entry links to the organisation's own site: its name needs no organisation word.
        ("This study by Zorbix investigates long contexts.", ["https://research.tryzorbix.com/rot"], ["Zorbix"]),
        ("This study by Zorbix investigates long contexts.", ["https://zorbix.io/blog"], ["Zorbix"]),
        # No link to it: an unknown one-word name could be a person's.
        ("This study by Zorbix investigates long contexts.", ["https://arxiv.org/abs/2507.00001"], []),
        ("This study by Zorbix investigates long contexts.", [], []),
        # The host is a longer word that merely contains the name.
        ("This study by Zorb investigates long contexts.", ["https://zorbanianmedicalcentre.org/x"], []),
    ],
)
def test_a_links_host_vouches_for_a_name(text, urls, expected):
    assert [m.name for m in maker_institutions(text, urls=urls)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Anthropic found that language models pick up traits from other models.", ["Anthropic"]),
        ("Quintessa AI Lab finds that sparse models forget less.", ["Quintessa AI Lab"]),
        ("We found that OpenAI models refuse less.", []),  # the subject is "we"
        ("Google 新论文离谱到家了，提升大模型准确率最简单的方法", ["Google"]),
        ("Google研究发现，将提示词重复两次可以提升准确率。", ["Google"]),
        ("我们的新论文研究了提示词。", []),
    ],
)
def test_finding_and_new_paper_frames(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A unit named after its owner's possessive: the organisation is the owner.
        ("Salesforce’s Einstein AI team releases Zorb, an AutoML library.", ["Salesforce Research"]),
        ("Rules for deploying Zorb, provided by Google’s ML team.", ["Google"]),
        # A possessive inside an organisation's own name keeps the whole name.
        ("Quintessa Children’s Hospital researchers found that Zorb helps.", ["Quintessa Children’s Hospital"]),
    ],
)
def test_a_possessors_unit_names_the_possessor(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, urls",
    [
        # A person's homepage vouches for no organisation.
        ("This study by Vered Shwartz discusses deep learning.", ["https://veredshwartz.blogspot.com/2018/08/x.html"]),
        # A subject that releases something is vouched for by no link: a publisher's site.
        ("Zorbique releases a paper on earthquakes.", ["https://www.zorbique.com/articles/s41586"]),
    ],
)
def test_links_vouch_only_for_a_brand_after_a_frame(text, urls):
    assert [m.name for m in maker_institutions(text, urls=urls)] == []


def test_square_bracket_after_author_list():
    # The structured digests' bracket, glued to the names or after a space, where no reader
    # marked it as the affiliation field.
    for sep in ("", " "):
        text = f"[CV]《Zorb》J Doe, A Lee{sep}[Quintessa AI Lab & Tsinghua University] (2022)"
        authors = Span(text.index("J Doe"), text.index("A Lee") + 5)
        rec = extract_entry(_entry(text, authors=authors))
        assert [m.name for m in rec.institutions] == ["Quintessa AI Lab", "Tsinghua University"]


@pytest.mark.parametrize(
    "tail",
    [
        " [pdf] (2022)",  # a link label, no organisation
        " [Paper](https://arxiv.org/abs/2208.08493)",  # a Markdown link
        " [Oral, Tsinghua University]",  # not every part an organisation
    ],
)
def test_square_brackets_that_name_no_organisation(tail):
    text = "[CV]《Zorb》J Doe, A Lee" + tail
    authors = Span(text.index("J Doe"), text.index("A Lee") + 5)
    assert extract_entry(_entry(text, authors=authors)).institutions == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        ('* **Zorb**: "Zorb: Sparse Everything", arXiv, 2021 (*Megvii*). [[Paper](https://arxiv.org/abs/2105.01883)]',
         ["Megvii"]),
        ("   - Doe et al., 2022 (Anthropic)", ["Anthropic"]),
        ('"Zorb", CVPR, 2022 (*Tsinghua University, Google*).', ["Tsinghua University", "Google"]),
        ('"Zorb", NeurIPS, 2021 (Oral).', []),  # a note
        ('"Zorb", arXiv, 2021 (*Quintessa AI Lab*).', []),  # after a year: known names only
        ("We evaluate GPT-4 (OpenAI) on Zorb.", []),  # no year: a model's owner
    ],
)
def test_bracket_after_a_citations_year(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Machine Learning Research team found that Zorb helps.",
        "Information Systems researchers show that Zorb helps.",
    ],
)
def test_a_fields_words_are_no_maker(text):
    assert names(text) == []


def test_an_ampersand_inside_a_known_name_in_a_bracket():
    text = "[CV]《Zorb》J Doe, A Lee [University of Science & Technology of China & Quintessa AI Lab] (2022)"
    authors = Span(text.index("J Doe"), text.index("A Lee") + 5)
    rec = extract_entry(_entry(text, authors=authors))
    assert [m.name for m in rec.institutions] == ["University of Science and Technology of China", "Quintessa AI Lab"]
