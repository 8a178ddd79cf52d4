"""Layout rules prompted by the third round of real digests (issue 11): written with
invented text in the shape of those layouts, so that each rule is checked on its own
and for every digest of that kind, not on one source."""
from __future__ import annotations

from pathlib import Path

import kg


def _records(tmp_path: Path, text: str, name: str = "digest.md"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return kg.extract_paths([p])


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
