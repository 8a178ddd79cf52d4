"""Layout rules prompted by the seventh round of real digests (issue 11): docs-site pages
(MkDocs, docsify), reading guides, newsletters and a feed table that mixes news with
papers. Written with invented text in the shape of those pages, so that each rule is
checked on its own and for every page of that kind, not on one source."""
from __future__ import annotations

from layouthelp import records_of as _records


# ---------------------------------------------------------------- linked-title paragraphs


def test_newsletter_paragraphs_opening_with_a_linked_title(tmp_path):
    # A monthly newsletter (in any language): each paper is a paragraph whose first line is
    # its linked title and whose next line describes it; section headings group them. The
    # field-digest layout reads the CJK section heading over the last papers as one entry
    # (a Chinese heading over a title field); that stray entry must not hide the rest.
    text = (
        "# Agent research trends (2026-07)\n\n"
        "> Scope: twelve papers of the month.\n\n"
        "## Papers\n\n"
        "### Adapting at test time\n\n"
        "Three papers adapt the harness while it runs.\n\n"
        "[Sparse Harness Evolution at Test Time](https://arxiv.org/abs/2607.00001)\n"
        "The harness is a program, so running it gives signals about errors and consistency.\n\n"
        "![figure](../assets/2607.00001-method.png)\n"
        "> Figure: candidates branch from the current harness. ([paper](https://arxiv.org/abs/2607.00001))\n\n"
        "[Memory Harnesses That Learn from Experience](https://arxiv.org/abs/2607.00002)\n"
        "The harness is split into six parts and past cases are stored with notes.\n\n"
        "### 実運用に耐えるか——どこを直すか、誰の責任か\n\n"
        "[Rethinking the Evaluation of Harness Evolution](https://arxiv.org/abs/2607.00003)\n"
        "計算量をそろえ、学習に使っていない別の問題で比べた。\n\n"
        "[From Prompts to Contracts](https://arxiv.org/abs/2607.00004)\n"
        "守るべき挙動をプロンプトに書くのをやめ、版管理された部品に移す。\n\n"
        "![Contracts](../assets/2607.00004-flow.png)\n"
        "> 図（Contracts）：検証の関門を部品にする。（[論文](https://arxiv.org/abs/2607.00004)）\n\n"
        "[Harness Distillation](https://arxiv.org/abs/2607.00005)\n"
        "ハーネスは外から抜き取れる知的財産だ。\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.arxiv_id, r.title) for r in recs] == [
        ("2607.00001", "Sparse Harness Evolution at Test Time"),
        ("2607.00002", "Memory Harnesses That Learn from Experience"),
        ("2607.00003", "Rethinking the Evaluation of Harness Evolution"),
        ("2607.00004", "From Prompts to Contracts"),
        ("2607.00005", "Harness Distillation"),
    ]
