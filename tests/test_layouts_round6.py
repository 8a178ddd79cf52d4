"""Layout rules prompted by the sixth round of real digests (issue 11): paper lists whose
items carry author lines in many shapes. Written with invented text in the shape of those
lists, so that each rule is checked on its own and for every list of that kind, not on
one source."""
from __future__ import annotations

from pathlib import Path

import kg
from kg.parse.fields import field_kind


def _records(tmp_path: Path, text: str, name: str = "digest.md"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return kg.extract_paths([p])


# ---------------------------------------------------------------- tags that are codes


def test_chinese_tags_key_is_the_english_one():
    # "标签" is "tags": both give the category when their value is an arXiv code.
    assert field_kind("标签") == field_kind("tags") == "category"


def test_tags_field_of_arxiv_codes_gives_the_category(tmp_path):
    text = (
        "# 精选论文 - 2026-03-02\n\n## Robotics\n\n"
        "### 1. **[Sparse Routers for Long Context](https://arxiv.org/abs/2603.00001v1)**\n"
        "- **日期**: 2026-02-28\n- **作者**: Ann Lee, Bo Chen et al.\n- **标签**: `cs.RO` `cs.LG`\n\n"
        "### 2. **[Dense Retrieval at Scale](https://arxiv.org/abs/2603.00002v1)**\n"
        "- **日期**: 2026-02-28\n- **作者**: Cy Dorn\n- **标签**: retrieval, embedding\n"
    )
    recs = _records(tmp_path, text)
    assert [(r.arxiv_id, r.category) for r in recs] == [("2603.00001", "RO"), ("2603.00002", None)]
    assert [a.name for a in recs[0].authors] == ["Ann Lee", "Bo Chen"] and recs[0].authors_truncated


# ---------------------------------------------------------------- authors after the title


def test_clause_authors_leave_the_venue_and_year_out():
    from kg.parse.byline import clause_authors

    def got(t):
        r = clause_authors(t, 0, len(t))
        return r and t[r[0] : r[1]]

    assert got(". Dmitry Lee et al. ICLR 2021. ") == "Dmitry Lee et al."
    assert got(". Ann Lee and Bo Chen. NeurIPS 2022 Datasets and Benchmarks Track. ") == "Ann Lee and Bo Chen"
    assert got(". Ann Lee, Bo R. Chen. ICLR 2021.") == "Ann Lee, Bo R. Chen"  # an initial keeps its stop
    assert got(". Jordan Park et al. arXiv. ") == "Jordan Park et al."
    assert got(". OpenAI. arXiv 2023. ") is None  # one word: an organisation, not a person
    assert got(". Scaling Laws for Sparse Models. arXiv 2023.") is None


def test_reading_list_item_with_italic_authors_then_venue(tmp_path):
    text = (
        "#### Closed-source Models\n\n"
        '1. <u>Sparse-1</u>: **"Sparse-1: Routing Tokens at Scale"**. *Dmitry Lee et al.* ICLR 2021. '
        "[[Paper](https://arxiv.org/abs/2006.00001v1)]\n"
        '2. <u>Dense-2</u>: **"Dense Models Are Few-Shot Learners"**. *Tom B. Stone et al.* NeurIPS 2020. '
        "[[Paper](https://arxiv.org/abs/2005.00002)]\n"
        '3. <u>Big</u>: **"A Large Model"**. *OpenAI*. arXiv 2023. [[Paper](https://arxiv.org/abs/2303.00003)]\n'
    )
    recs = _records(tmp_path, text)
    assert [([a.name for a in r.authors], r.authors_truncated) for r in recs] == [
        (["Dmitry Lee"], True),
        (["Tom B. Stone"], True),
        ([], False),
    ]
    assert recs[0].title == "Sparse-1: Routing Tokens at Scale"
