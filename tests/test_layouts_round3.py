"""Layout rules prompted by the third round of real digests (issue 11): written with
invented text in the shape of those layouts, so that each rule is checked on its own
and for every digest of that kind, not on one source."""
from __future__ import annotations

from layouthelp import records_of as _records



# ---------------------------------------------------------------- one-paper posts


def test_post_author_key_that_names_no_person_leaves_the_people_lines_to_the_body(tmp_path):
    # An LLM-written summary post: the front matter's "author" is the model that wrote
    # it; the paper's authors and their organisations are blockquotes under the summary.
    text = (
        '---\ntitle: "Sparse Routers for Long Context"\nslug: "2501.00001"\n'
        'author: "writer-model-2-mini"\npubDatetime: 2025-05-04T08:30:27+00:00\n---\n\n'
        "> 本文提出一种稀疏路由方法。\n\n"
        "> Routing, Long Context, Efficiency \n\n"
        "> Alice Zhang, Bob Stone, Carla Diaz\n\n"
        "> Tsinghua University, Example Research Lab \n\n"
        "## Background Problem\n\nAlice Zhang 的方法。\n"
    )
    rec = _records(tmp_path, text, "post.md")[0]
    assert rec.title == "Sparse Routers for Long Context"
    assert [a.name for a in rec.authors] == ["Alice Zhang", "Bob Stone", "Carla Diaz"]
    assert "Tsinghua University" in [i.name for i in rec.institutions]
    assert rec.date == "2025-05-04"


def test_post_people_lines_are_read_only_before_the_first_heading(tmp_path):
    text = (
        '---\ntitle: "Sparse Routers for Long Context"\n---\n\n'
        "[arXiv](https://arxiv.org/abs/2501.00002)\n\n## Notes\n\n> Alice Zhang, Bob Stone, Carla Diaz\n"
    )
    rec = _records(tmp_path, text, "post.md")[0]
    assert rec.authors == ()


def test_post_flow_list_of_quoted_names_prefers_the_plain_author_field(tmp_path):
    text = (
        '---\ntitle: "Universal Routers"\narxiv_id: "2512.00001"\n'
        'authors: ["Alice Zhang", "Bob Stone"]\nurl: "https://arxiv.org/abs/2512.00001"\n---\n\n'
        "# Universal Routers\n\n- **Authors**: Alice Zhang, Bob Stone\n- **Published**: 2025-12-16\n"
    )
    rec = _records(tmp_path, text, "post.md")[0]
    assert [a.name for a in rec.authors] == ["Alice Zhang", "Bob Stone"]


# ---------------------------------------------------------------- HTML cards


CARDS = (
    '<h2 class="section-title">Reward Modeling <span class="count">2 papers</span></h2>\n'
    "\n"
    '<article class="paper">\n'
    "  <h3>Robust Reward Modeling via Causal Decomposition</h3>\n"
    '  <div class="byline">Alice Zhang, Bob Stone (CMU) · <a href="https://arxiv.org/abs/2604.13833">arXiv:2604.13833</a> · 2026-04-15</div>\n'
    '  <span class="tag">Causal RM</span>\n'
    "  <h4>Idea</h4>\n"
    "  <p>We regularise the reward model with a decoder; RewardBench improves.</p>\n"
    "</article>\n"
    "\n"
    '<article class="paper">\n'
    "  <h3>Chain of Uncertain Rewards for Reward Design</h3>\n"
    '  <div class="byline">Carla Diaz · <a href="https://arxiv.org/abs/2604.13504">arXiv:2604.13504</a></div>\n'
    "  <p>Bayesian optimisation of reward terms.</p>\n"
    "</article>\n"
)


def test_html_headings_are_headings_of_the_document():
    from kg.parse.document import read_document

    doc = read_document("cards.html", CARDS)
    kinds = {i + 1: (ln.kind, ln.level) for i, ln in enumerate(doc.lines) if ln.kind == "heading"}
    assert kinds == {1: ("heading", 2), 4: ("heading", 3), 7: ("heading", 4), 12: ("heading", 3)}


def test_html_cards_with_a_byline_are_papers(tmp_path):
    recs = _records(tmp_path, CARDS, "cards.html")
    assert [(r.line, r.title, r.arxiv_id) for r in recs] == [
        (4, "Robust Reward Modeling via Causal Decomposition", "2604.13833"),
        (12, "Chain of Uncertain Rewards for Reward Design", "2604.13504"),
    ]
    first, second = recs
    assert [a.name for a in first.authors] == ["Alice Zhang", "Bob Stone"]
    assert [i.name for i in first.institutions] == ["Carnegie Mellon University"]
    assert first.date == "2026-04-15"
    assert [a.name for a in second.authors] == ["Carla Diaz"]


def test_a_line_with_middle_dots_but_a_sentence_in_it_is_no_byline():
    from kg.parse.document import Line
    from kg.parse.byline import byline as _byline

    line = Line("x", "We compare three models · see arXiv:2604.13833 for the proof. It works.")
    assert _byline(line) is None
    line = Line("x", "Alice Zhang · arXiv:2604.13833 · 2026-04-15")
    assert _byline(line) == [(0, 11), (14, 30), (33, 43)]


# ---------------------------------------------------------------- chat posts


TELEGRAM = (
    "<b><u>#ComputerVision</u></b> \n"
    '• <a href="http://arxiv.org/abs/2202.14034v1"><em>Attribute Descent: Simulating Object-Centric Datasets</em></a> '
    '<a href="http://arxiv.org/pdf/2202.14034v1"><em>[PDF]</em></a>\n'
    '• <a href="http://arxiv.org/abs/2202.14026v1"><em>Robust Training under Label Noise</em></a> '
    '<a href="http://arxiv.org/pdf/2202.14026v1"><em>[PDF]</em></a> <a href="https://github.com/x/sop"><em>[Code]</em></a>\n'
    "\n"
    "<b>#ContinualLearning</b> \n"
    '• <a href="http://arxiv.org/abs/2202.13657v1"><em>Avalanche RL: a Continual Reinforcement Learning Library</em></a>\n'
)


def test_bullet_character_lines_are_list_items():
    from kg.parse.document import read_document

    doc = read_document("post.html", TELEGRAM)
    items = [(i + 1, ln.text[ln.start :][:20]) for i, ln in enumerate(doc.lines) if ln.kind == "item"]
    assert items == [(2, "Attribute Descent: S"), (3, "Robust Training unde"), (6, "Avalanche RL: a Cont")]
    # A bullet inside a sentence does not make an item.
    doc = read_document("p.md", "**Note**: we compare • two things\n")
    assert all(ln.kind != "item" for ln in doc.lines)


def test_chat_post_of_linked_titles_under_hashtags(tmp_path):
    recs = _records(tmp_path, TELEGRAM, "post.telegram.html")
    assert [(r.line, r.title, r.arxiv_id) for r in recs] == [
        (2, "Attribute Descent: Simulating Object-Centric Datasets", "2202.14034"),
        (3, "Robust Training under Label Noise", "2202.14026"),
        (6, "Avalanche RL: a Continual Reinforcement Learning Library", "2202.13657"),
    ]
    assert recs[1].urls == ("http://arxiv.org/abs/2202.14026v1", "http://arxiv.org/pdf/2202.14026v1", "https://github.com/x/sop")


def test_hashtag_lines_are_section_headings():
    from kg.parse.boilerplate import is_boilerplate

    assert is_boilerplate("#ComputerVision ", between_entries=True) == "section heading"
    assert is_boilerplate("#MetaLearning #TransferLearning", between_entries=True) == "section heading"
    assert is_boilerplate("Attention #AI is great", between_entries=True) is None


# ---------------------------------------------------------------- research notes


def test_bold_name_items_with_a_bracketed_arxiv_id_are_papers(tmp_path):
    text = (
        "## Foundational\n"
        "- **DeepMath** — Shao et al. (2024). GRPO with math verification rewards. [2402.03300]\n"
        "\n"
        "## Recent\n"
        "- **SD-Zero** — Self-revision converts binary rewards to dense supervision. [2604.12002]\n"
        "- **QuarkSearch** [2604.12867v2] — SFT + RLVR for long-horizon search.\n"
        "- **Not a paper** — a note with a year (2024) but no id.\n"
    )
    recs = _records(tmp_path, text, "thread.md")
    assert [(r.line, r.title, r.arxiv_id) for r in recs] == [
        (2, "DeepMath", "2402.03300"),
        (5, "SD-Zero", "2604.12002"),
        (6, "QuarkSearch", "2604.12867"),
    ]
    assert [a.name for a in recs[0].authors] == ["Shao"] and recs[0].authors_truncated


def test_stated_arxiv_ids_need_brackets_and_a_real_month():
    from kg.parse.base import stated_arxiv_id

    assert stated_arxiv_id("note. [2604.12002]") == ("2604.12002", 6, 18)
    assert stated_arxiv_id("(2402.03300v2)")[0] == "2402.03300"
    assert stated_arxiv_id("costs 2604.12002 dollars") is None  # not set apart in brackets
    assert stated_arxiv_id("[2613.12002]") is None  # month 13


# ---------------------------------------------------------------- labelled titles


def test_site_labels_before_titles(tmp_path):
    text = (
        "## Hugging Face\n\n"
        "1. **Hugging Face Papers: Sparse Routers**  \n"
        "   - 链接：https://huggingface.co/papers/2602.08676  \n"
        "   - 亮点：社区讨论集中在训练成本。\n\n"
        "2. **Hugging Face Models: org/Router-8B-Instruct**  \n"
        "   - 链接：https://huggingface.co/org/Router-8B-Instruct  \n"
        "   - 亮点：可用于快速验证。\n"
    )
    recs = _records(tmp_path, text, "notes.md")
    assert [(r.title, r.arxiv_id) for r in recs] == [("Sparse Routers", "2602.08676")]


def test_title_labels_are_whole_labels():
    from kg.parse.titles import title_label

    assert title_label("GitHub: org/repo") == "resource"
    assert title_label("GitHub Copilot: An Evaluation of Code Suggestions") is None
    assert title_label("Papers with Code: Attention Is All You Need") == "paper"


def test_list_items_whose_title_opens_with_the_arxiv_id(tmp_path):
    text = (
        "## Detailed paper analyses\n\n"
        "- [2607.05394 — Weak-to-Strong Generalization via Direct Distillation](2026-07-14/2607.05394.md)\n"
        "- [2607.10383: ABot-N1: Toward a General Navigation Model](2026-07-14/2607.10383.md)\n"
        "- [2607.99999 Things We Learned](notes.md)\n"
    )
    recs = _records(tmp_path, text, "daily.md")
    assert [(r.line, r.title, r.arxiv_id) for r in recs] == [
        (3, "Weak-to-Strong Generalization via Direct Distillation", "2607.05394"),
        (4, "ABot-N1: Toward a General Navigation Model", "2607.10383"),
    ]


def test_html_tag_chips_are_not_text():
    from kg.parse.document import read_document
    from kg.parse.layouts.sections import _chips

    doc = read_document("c.html", CARDS.replace('<span class="tag">Causal RM</span>', '<span class="tag">Causal RM</span><span class="tag">Spurious</span>'))
    chips = [i + 1 for i, ln in enumerate(doc.lines) if ln.kind == "html" and _chips(ln)]
    assert chips == [6]  # "Causal RMSpurious": two elements glued; the byline and paragraphs are text


def test_post_metadata_bullets_are_not_text_about_the_paper(tmp_path):
    text = (
        '---\ntitle: "Universal Routers"\narxiv_id: "2512.00001"\nauthors: ["Alice Zhang", "Bob Stone"]\n---\n\n'
        "# Universal Routers\n\n## Metadata\n\n- **Authors**: Alice Zhang, Bob Stone\n- **Field**: CS-AI\n"
        "- **PDF**: [Download](https://arxiv.org/pdf/2512.00001.pdf)\n\n## Abstract\n\n"
        "Routing tokens to experts is costly at long context. We propose RouterNet, a sparse router trained "
        "with a load-balancing loss, and evaluate it on ImageNet, where it matches dense baselines at a "
        "fraction of the compute.\n\n**Dataset**: Not specified\n"
    )
    rec = _records(tmp_path, text, "post.md")[0]
    assert "CS-AI" not in [m.name for m in rec.models]
    assert "RouterNet" in [m.name for m in rec.models]
    assert "https://arxiv.org/pdf/2512.00001.pdf" in rec.urls


def test_bold_title_with_a_byline_under_it(tmp_path):
    text = (
        "# Daily picks 2026-04-16\n\n"
        "**Robust Reward Modeling via Causal Decomposition**\n"
        "Alice Zhang, Bob Stone (CMU) · [arXiv](https://arxiv.org/abs/2604.13833) · 2026-04-15\n\n"
        "We regularise the reward model with a decoder and improve RewardBench accuracy.\n\n"
        "**Chain of Uncertain Rewards for Reward Design**\n"
        "Carla Diaz · [arXiv](https://arxiv.org/abs/2604.13504)\n\n"
        "Bayesian optimisation of reward terms written by an LLM.\n"
    )
    recs = _records(tmp_path, text, "picks.md")
    assert [(r.line, r.title, r.arxiv_id, [a.name for a in r.authors], r.date) for r in recs] == [
        (3, "Robust Reward Modeling via Causal Decomposition", "2604.13833", ["Alice Zhang", "Bob Stone"], "2026-04-15"),
        (8, "Chain of Uncertain Rewards for Reward Design", "2604.13504", ["Carla Diaz"], "2026-04-16"),
    ]
    assert [i.name for i in recs[0].institutions] == ["Carnegie Mellon University"]


def test_a_heading_is_never_a_byline():
    from kg.parse.byline import byline
    from kg.parse.document import Line

    assert byline(Line("x", "Attention | arXiv:2111.07624", kind="heading", level=4)) is None


def test_plain_text_bullets_with_indented_lines_under_them(tmp_path):
    text = (
        "今日论文\n\n"
        "• Sparse Routers for Long Context\n"
        "  作者：Alice Zhang, Bob Stone\n"
        "  https://arxiv.org/abs/2604.13833\n"
        "• Chain of Uncertain Rewards\n"
        "  https://arxiv.org/abs/2604.13504\n"
    )
    recs = _records(tmp_path, text, "post.txt")
    assert [(r.line, r.end_line, r.title, r.arxiv_id) for r in recs] == [
        (3, 5, "Sparse Routers for Long Context", "2604.13833"),
        (6, 7, "Chain of Uncertain Rewards", "2604.13504"),
    ]
    assert [a.name for a in recs[0].authors] == ["Alice Zhang", "Bob Stone"]


# ---------------------------------------------------------------- tables


def test_table_with_an_arxiv_id_column_and_link_notes_after_titles(tmp_path):
    text = (
        "# cs.CL 2026-04-16\n\n"
        "| arXiv ID | Title | Authors | Category |\n|---|---|---|---|\n"
        "| 2604.13833 | Robust Reward Modeling via Causal Decomposition | Alice Zhang, Bob Stone | cs.CL |\n"
        "| 2604.13504v2 | Chain of Uncertain Rewards for Reward Design (Read more on [arXiv](https://arxiv.org/abs/2604.13504) "
        "or [HuggingFace](https://huggingface.co/papers/2604.13504)) | Carla Diaz | cs.LG |\n"
        "| 2604.13505 | Results (with Ablations) on [GLUE](https://gluebenchmark.com) and Six Other Benchmarks for Tiny Models | Dan Lee | cs.CL |\n"
    )
    recs = _records(tmp_path, text, "table.md")
    assert [(r.title, r.arxiv_id) for r in recs] == [
        ("Robust Reward Modeling via Causal Decomposition", "2604.13833"),
        ("Chain of Uncertain Rewards for Reward Design", "2604.13504"),
        ("Results (with Ablations) on GLUE and Six Other Benchmarks for Tiny Models", "2604.13505"),
    ]


# ---------------------------------------------------------------- reading lists


def test_titles_with_the_paper_link_as_a_sub_item(tmp_path):
    text = (
        "# Paper List\n\n## 2023\n\n"
        "* Attention Is All You Need Revisited for Long Sequences\n  * https://arxiv.org/abs/1706.03762\n"
        "* [Sparse Routers for Long Context](sparse-routers.md)\n  * [paper](https://arxiv.org/abs/2604.13833)\n"
        "* [A Tool We Like](https://github.com/x/tool)\n  * used it for a week, see arXiv:2604.13833 for the method\n"
        "* Some Notes Without Any Paper\n  * my thoughts on this topic\n"
    )
    recs = _records(tmp_path, text, "list.md")
    assert [(r.line, r.title, r.arxiv_id) for r in recs] == [
        (5, "Attention Is All You Need Revisited for Long Sequences", "1706.03762"),
        (7, "Sparse Routers for Long Context", "2604.13833"),
    ]


def test_html_card_with_an_organisation_where_the_authors_go(tmp_path):
    text = (
        '<div class="paper-card">\n  <h3>Sparse Routers for Long Context</h3>\n'
        '  <span class="paper-authors">Tencent AI Lab</span>\n'
        '  <a href="https://arxiv.org/abs/2604.13833" class="paper-link">Paper Link</a>\n'
        "  <p>Routers that scale to long inputs.</p>\n</div>\n"
    )
    rec = _records(tmp_path, text, "week.md")[0]
    assert (rec.title, rec.arxiv_id, rec.authors) == ("Sparse Routers for Long Context", "2604.13833", ())
    assert [i.name for i in rec.institutions] == ["Tencent AI Lab"]


def test_category_codes_and_dates_of_list_items(tmp_path):
    text = (
        "# Papers\n\n"
        "- [Sparse Routers for Long Context](https://arxiv.org/abs/2604.13833)\n"
        "  - Categories: cs.LG, cs.AI\n  - Published: 2026-04-15\n"
        "- [Chain of Uncertain Rewards for Reward Design](https://arxiv.org/abs/2604.13504) `cs.AI` `cs.LG`\n"
        "- [Notes on Kernels](https://arxiv.org/abs/2604.13505) (for our Machine Learning course)\n"
    )
    recs = _records(tmp_path, text, "list.md")
    assert [(r.line, r.category) for r in recs] == [(3, "LG"), (6, "AI"), (7, None)]
    assert recs[0].date == "2026-04-15"


def test_emphasis_inside_a_short_html_line_is_not_a_chip_row():
    from kg.parse.document import read_document
    from kg.parse.layouts.sections import _chips

    doc = read_document("c.html", "<div>\n  <p>把 <code>P(y)</code>的方法</p>\n  <p>The <em>PreRL</em> method</p>\n</div>\n")
    assert [ln.text.strip() for ln in doc.lines if ln.kind == "html" and _chips(ln)] == []


def test_chinese_weekly_with_the_english_title_as_a_field(tmp_path):
    text = (
        "# AI 论文周报 Vol.02\n\n"
        "## 二、论文一：稀疏路由：面向长上下文的高效推理\n\n> 提出稀疏路由方法。\n\n### 基本信息\n\n"
        "- **英文标题**：Sparse Routers for Long Context\n- **作者**：Alice Zhang, Bob Stone 等 7 人\n"
        "- **原文链接**：https://arxiv.org/abs/2604.13833\n\n### 研究背景\n\n长上下文推理代价高。\n"
    )
    rec = _records(tmp_path, text, "weekly.md")[0]
    assert (rec.title, rec.title_zh, rec.arxiv_id) == ("Sparse Routers for Long Context", "稀疏路由：面向长上下文的高效推理", "2604.13833")
    assert [a.name for a in rec.authors] == ["Alice Zhang", "Bob Stone"] and rec.authors_truncated
