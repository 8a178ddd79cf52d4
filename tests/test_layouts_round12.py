"""Rules prompted by round 10's held-out layouts once they turned dev (issue 11): articles
clipped into a notes vault whose front-matter headline is the article's and whose body
names the paper, LLM-written themed summaries whose papers are bold names opening
bullets, newsletter tables whose rows describe a study without linking a paper, closing
tables that list the day's papers again, and topic lines that are no arXiv category.
Written with invented text in the shape of those digests, so that each rule is checked
on its own and for every digest of that kind."""
from __future__ import annotations

from layouthelp import records_of as _records

from kg.parse.document import read_document
from kg.parse.driver import parse_document

# ---------------------------------------------------------------- clipped articles

CLIP = """---
title: 新范式！稀疏路由器让长上下文不再昂贵
source: https://mp.example.com/s/AbCdEf
author:
  - "[[编辑部]]"
created: 2026-05-02
tags:
  - 长上下文
---
Original 编辑部 [某公众号](https://mp.example.com/)

长上下文一直很贵。![Image](https://img.example.com/a.png)

> 论文：Sparse Routers for Long Context Language Models
> 链接：https://arxiv.org/abs/2605.00001

论文提出了一种新的路由方法。
"""


def test_a_clipped_article_is_titled_by_the_paper_its_body_names(tmp_path):
    (rec,) = _records(tmp_path, CLIP, "clip.md")
    assert rec.title == "Sparse Routers for Long Context Language Models"
    assert rec.arxiv_id == "2605.00001"


def test_a_clipped_article_that_names_no_title_stays_untitled(tmp_path):
    # "论文：<address>": the key names the paper but its value is a link, not a title.
    text = CLIP.replace("> 论文：Sparse Routers for Long Context Language Models\n", "> 论文：https://arxiv.org/abs/2605.00001\n")
    (rec,) = _records(tmp_path, text, "clip.md")
    assert rec.title is None and rec.arxiv_id == "2605.00001"


def test_a_post_titled_in_its_front_matter_keeps_that_title(tmp_path):
    text = CLIP.replace("title: 新范式！稀疏路由器让长上下文不再昂贵", 'title: "Sparse Routers"').replace(
        "> 论文：Sparse Routers for Long Context Language Models", "> 论文：Another Title Named Later"
    )
    (rec,) = _records(tmp_path, text, "clip.md")
    assert rec.title == "Sparse Routers"
