"""Parsing rules as input → expected tables: header lines, title splitting, author and
affiliation splitting, boilerplate, links, and one small digest per layout."""
from __future__ import annotations

import pytest

from kg.extract import extract_entry
from kg.extract.affiliations import split_affiliations, split_groups
from kg.extract.authors import split_authors
from kg.parse import HEADER_RE, NOT_IN_ENTRY, author_names, is_boilerplate, looks_like_authors, parse, split_title
from kg.records import Document
from kg.text import arxiv_id, find_urls


def doc(text: str, name: str = "d.txt") -> Document:
    return Document(name, text, "utf-8")


# --- header lines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, cat, rest",
    [
        ("1、[LG] MO2: Model-Based Offline Options", "LG", "MO2: Model-Based Offline Options"),
        ("2.[CL] Cross-Lingual Retrieval", "CL", "Cross-Lingual Retrieval"),
        ("12. [CV] Title", "CV", "Title"),
        ("【3】[AS] Voice Conversion", "AS", "Voice Conversion"),
        ("#4 [RO] Quadruped Robots", "RO", "Quadruped Robots"),
        ("[stat.ML] Kernel Ridge Regression", "stat.ML", "Kernel Ridge Regression"),
        ("[cs.CL] Title", "cs.CL", "Title"),
        ("[CV][AI] Masked Autoencoders", "CV", "Masked Autoencoders"),
        ("［IR］ Full-width brackets", "IR", "Full-width brackets"),
        ("(5) [AI] Parenthesised number", "AI", "Parenthesised number"),
    ],
)
def test_header_lines(line, cat, rest):
    m = HEADER_RE.match(line)
    assert m is not None
    assert (m.group("cat"), m.group("rest")) == (cat, rest)


@pytest.mark.parametrize(
    "line",
    [
        "[PDF] [Copy] [Kimi] [REL]",  # papers.cool chrome is not a category
        "[DeepMind]",  # an affiliation line
        "[图片]",
        "Transformers [CV] in the middle",
        "#1 Chain-of-Thought Reasoning Without Prompting [PDF12] [Copy] [Kimi8] [REL]",
    ],
)
def test_non_header_lines(line):
    assert HEADER_RE.match(line) is None


# --- titles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, en, zh",
    [
        ("MO2: Model-Based Offline Options", "MO2: Model-Based Offline Options", None),
        ("An Empirical Study of Video-Language Transformers基于掩码视觉建模的端到端视频-语言Transformer实证研究",
         "An Empirical Study of Video-Language Transformers", "基于掩码视觉建模的端到端视频-语言Transformer实证研究"),
        ("HammingMesh: A Network Topology for Large-Scale Deep LearningHammingMesh:大规模深度学习网络拓扑",
         "HammingMesh: A Network Topology for Large-Scale Deep Learning", "HammingMesh:大规模深度学习网络拓扑"),
        ("Adaptive Token Pruning for Efficient Vision TransformersViT自适应令牌剪枝",
         "Adaptive Token Pruning for Efficient Vision Transformers", "ViT自适应令牌剪枝"),
        ("Unifying Generative Models with GFlowNets用GFlowNets统一生成式模型",
         "Unifying Generative Models with GFlowNets", "用GFlowNets统一生成式模型"),
        ("Self-Refining Distillation 小语言模型的自精炼蒸馏", "Self-Refining Distillation", "小语言模型的自精炼蒸馏"),
        ("Scaling Rectified Flow Transformers（面向高分辨率图像合成的整流流Transformer扩展）",
         "Scaling Rectified Flow Transformers", "面向高分辨率图像合成的整流流Transformer扩展"),
        ("大语言模型的检索增强生成综述 A Survey on Retrieval-Augmented Generation for Large Language Models",
         "A Survey on Retrieval-Augmented Generation for Large Language Models", "大语言模型的检索增强生成综述"),
        ("面向中文古籍的命名实体识别基准", "", "面向中文古籍的命名实体识别基准"),
        ("MMGR：多模式生成推理", "", "MMGR：多模式生成推理"),
        ("recpt - v2技术报告", "", "recpt - v2技术报告"),
    ],
)
def test_split_title(text, en, zh):
    assert split_title(text) == (en, zh)


# --- authors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names, truncated",
    [
        ("S Salter, M Wulfmeier, D Tirumala", ["S Salter", "M Wulfmeier", "D Tirumala"], False),
        ("H Su, J Kasai, C H Wu, W Shi...", ["H Su", "J Kasai", "C H Wu", "W Shi"], True),
        ("D Zhang, R T. Q. Chen, N Malkin, Y Bengio", ["D Zhang", "R T. Q. Chen", "N Malkin", "Y Bengio"], False),
        ("Jun-Yan Zhu、Taesung Park、Phillip Isola…", ["Jun-Yan Zhu", "Taesung Park", "Phillip Isola"], True),
        ("A Gupta, S Levine, P Abbeel et al.", ["A Gupta", "S Levine", "P Abbeel"], True),
        ("A Brohan, N Brown, C Finn, et al", ["A Brohan", "N Brown", "C Finn"], True),
        ("Z Wang, R T. Q. Chen and J. McAuley", ["Z Wang", "R T. Q. Chen", "J. McAuley"], False),
        ("José Hernández-Orallo, Fernando Martínez-Plumed & Cèsar Ferri",
         ["José Hernández-Orallo", "Fernando Martínez-Plumed", "Cèsar Ferri"], False),
        ("Nando de Freitas, Ziyu Wang, Y. LeCun and R. Balestriero",
         ["Nando de Freitas", "Ziyu Wang", "Y. LeCun", "R. Balestriero"], False),
        ("A. Cully, J.-B. Mouret, S. Doncieux", ["A. Cully", "J.-B. Mouret", "S. Doncieux"], False),
        ("A B, C D, and E F", ["A B", "C D", "E F"], False),
        ("张伟，李娜，王芳，陈静", ["张伟", "李娜", "王芳", "陈静"], False),
        ("高云帆、熊运、高欣雨 等", ["高云帆", "熊运", "高欣雨"], True),
        ("Zhang Wei, Li Na, Wang Fang", ["Zhang Wei", "Li Na", "Wang Fang"], False),
        ("Authors: Hao Zhao ; Maksym Andriushchenko ; Francesco Croce", ["Hao Zhao", "Maksym Andriushchenko", "Francesco Croce"], False),
        ("W P Thurston Jr., D Gabai", ["W P Thurston Jr.", "D Gabai"], False),
        ("Henry Sprueill, Jr., Ann Lee", ["Henry Sprueill, Jr.", "Ann Lee"], False),
        ("A Smith1,2, B Lee*, C Wu†", ["A Smith", "B Lee", "C Wu"], False),
        ("Smith, J.; Doe, A. B.", ["Smith, J.", "Doe, A. B."], False),
        # Surname first with commas only where the pattern is unambiguous: initials alone
        # are never a name; BibTeX "and" pieces are each "Surname, Given".
        ("Riedmiller, M.", ["Riedmiller, M."], False),
        ("Baker, C. L., Smith, J.-P., et al.", ["Baker, C. L.", "Smith, J.-P."], True),
        ("Huang, Wenlong and Chao, Yu-Wei", ["Huang, Wenlong", "Chao, Yu-Wei"], False),
        ("van der Berg, A. B. and Li, Wei", ["van der Berg, A. B.", "Li, Wei"], False),
        ("A Smith, B Jones and C Lee, D Wu", ["A Smith", "B Jones", "C Lee", "D Wu"], False),
        ("Jane Doe, A. Lee and Bo Li", ["Jane Doe", "A. Lee", "Bo Li"], False),
        # Single words in even number, commas only: surname-first pairs (a given-name-first
        # name has two words); surnames cited with "et al.", odd counts and Chinese names stay.
        ("Huang, Wenlong, Chao, Yu-Wei", ["Huang, Wenlong", "Chao, Yu-Wei"], False),
        # Surnames cited alone before "et al."; with MLA's comma before it ("He, Kaiming,
        # et al.") the two words are one inverted name (round 13b: two dev sources cite so).
        ("Mnih, Kavukcuoglu et al.", ["Mnih", "Kavukcuoglu"], True),
        ("He, Kaiming, et al.", ["He, Kaiming"], True),
        ("张伟, 李娜", ["张伟", "李娜"], False),
        # MLA references invert the first author only; without the Oxford "and", or with a
        # given name that is not title case, the list stays as split.
        ("LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton", ["LeCun, Yann", "Yoshua Bengio", "Geoffrey Hinton"], False),
        ("Hinton, Geoffrey E., Simon Osindero, and Yee-Whye Teh", ["Hinton, Geoffrey E.", "Simon Osindero", "Yee-Whye Teh"], False),
        ("Smith, Jones and Lee Kim", ["Smith", "Jones", "Lee Kim"], False),
        ("Anthropic, OpenAI, and Google DeepMind", ["Anthropic", "OpenAI", "Google DeepMind"], False),
        ("Fabian Gloeckle, Badr Youbi Idrissi, Baptiste Rozière 等", ["Fabian Gloeckle", "Badr Youbi Idrissi", "Baptiste Rozière"], True),
    ],
)
def test_split_authors(text, names, truncated):
    authors, trunc = split_authors(text, offset=10)
    assert [a.name for a in authors] == names
    assert trunc is truncated
    for a in authors:  # evidence spans point at the name as written
        assert text[a.start - 10 : a.end - 10] == a.name or a.name.endswith("Jr.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("S Salter, M Wulfmeier, D Rao", True),
        ("H Su, J Kasai, C H Wu, W Shi...", True),
        ("Xuezhi Wang and Denny Zhou", True),
        ("张伟，李娜，王芳", True),
        ("李明轩, 王佳怡, Sergey Levine", True),
        ("清华大学, Sergey Levine", False),
        ("T Haarnoja et al.", True),
        ("Bang An, Yang You, Or Litany, Deep Ganguli", True),  # names that are also English words
        ("James Cross, Chris Field, Tom Clements, Ann Harkness", True),
        ("Analyzing Transformers in Embedding Space", False),
        ("Stability and Adjoint Errors", False),
        ("Margin Maximization and Simplicity Bias", False),
        ("Deep Learning, Computer Vision", False),
        ("We propose AdaPrune, a lightweight module.", False),
        ("四足机器人视觉运动策略的仿真到现实迁移", False),
        ("Transformers", False),
        ("https://arxiv.org/abs/2303.04512", False),
        ("[DeepMind]", False),
    ],
)
def test_looks_like_authors(text, expected):
    assert looks_like_authors(text) is expected


def test_author_names_reports_truncation():
    assert author_names("S Salter, D Rao…") == (["S Salter", "D Rao"], True)


# --- affiliations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("DeepMind", ["DeepMind"]),
        ("Google Brain & Google Research", ["Google Brain", "Google Research"]),
        ("The University of Hong KongUniversity of Washington & CMU & Penn State University & Meta AI",
         ["University of Hong Kong", "University of Washington", "Carnegie Mellon University",
          "Pennsylvania State University", "Meta AI"]),
        ("Texas A&M University & Rice University", ["Texas A&M University", "Rice University"]),
        ("Texas A&M University; AT&T Labs", ["Texas A&M University", "AT&T Labs"]),
        ("Tel-Aviv University & Allen Institute for Artificial Intelligence", ["Tel Aviv University", "Allen Institute for AI"]),
        ("Department of Computer Science, Stanford University, Stanford, CA 94305, USA", ["Stanford University"]),
        ("Department of Computer Science, Johns Hopkins University, Baltimore, MD, USA; Shanghai AI Laboratory",
         ["Johns Hopkins University", "Shanghai AI Laboratory"]),
        ("University of California, Santa Barbara & Microsoft", ["University of California, Santa Barbara", "Microsoft"]),
        ("UC San Diego; Amazon", ["University of California, San Diego", "Amazon"]),
        ("Princeton University & KAUST & MSR",
         ["Princeton University", "King Abdullah University of Science and Technology", "Microsoft Research"]),
        ("FAIR & UCL & MIT", ["Facebook AI Research", "University College London", "Massachusetts Institute of Technology"]),
        ("清华大学 & 北京大学", ["Tsinghua University", "Peking University"]),
        ("清华大学；北京大学、中科院", ["Tsinghua University", "Peking University", "Chinese Academy of Sciences"]),
        ("清华大学北京大学", ["Tsinghua University", "Peking University"]),
        ("清华大学计算机系 & 中科院自动化所", ["Tsinghua University", "Institute of Automation, Chinese Academy of Sciences"]),
        ("Meta AI & Univ. Grenoble Alpes, Inria, CNRS", ["Meta AI", "Univ. Grenoble Alpes", "INRIA", "CNRS"]),
        ("Carnegie Mellon UniversityAdobe Research & MIT CSAIL",
         ["Carnegie Mellon University", "Adobe Research", "Massachusetts Institute of Technology"]),
        ("Universitat Politècnica de València, Spain; Leverhulme Centre for the Future of Intelligence, University of Cambridge, UK",
         ["Universitat Politècnica de València", "University of Cambridge"]),
        ("Imperial College London; Inria Nancy - Grand Est, Villers-lès-Nancy, France; Sorbonne Université, CNRS, ISIR, Paris",
         ["Imperial College London", "INRIA", "Sorbonne University", "CNRS"]),
        ("Northeastern University, Boston, MA 02115, USA & Wellesley College & Roblox",
         ["Northeastern University", "Wellesley College", "Roblox"]),
        ("Mohamed bin Zayed University of Artificial Intelligence (MBZUAI), Abu Dhabi, UAE & Linköping University, Sweden",
         ["Mohamed bin Zayed University of Artificial Intelligence", "Linköping University"]),
        ("Facebook AI Research (FAIR)", ["Facebook AI Research"]),
        ("Amazon Web Services, Santa Clara, CA, USA & University of Freiburg, Germany", ["Amazon", "University of Freiburg"]),
        ("DeepMind, London, UK; Meta AI, New York, NY, USA", ["DeepMind", "Meta AI"]),
        ("Baidu, Inc.", ["Baidu"]),
        ("Universidad de Chile, Santiago, Chile", ["Universidad de Chile"]),
        ("Independent Researcher & Hugging Face", ["Hugging Face"]),
        # A company's named lab is its own organisation, as Google Research and Meta AI are.
        ("Stanford University & UC Berkeley & Amazon Alexa AI",
         ["Stanford University", "University of California, Berkeley", "Amazon Alexa AI"]),
        # A known institute keeps its place before the university of the same comma group.
        ("FEMTO-ST institute, Univ. Bourgogne Franche-Comté, CNRS, ENSMM, Besançon, France",
         ["FEMTO-ST Institute", "Univ. Bourgogne Franche-Comté", "CNRS", "ENSMM"]),
        # A footnote letter glued to a department; a department named by its last word.
        ("bElectrical Engineering Department, University of Oviedo, Gijon, Spain; dPathology Department",
         ["University of Oviedo"]),
        ("Computer Science Dept., Stanford University", ["Stanford University"]),
        ("eBay & Stanford University", ["eBay", "Stanford University"]),  # a known name keeps its letter
        # A college right before a university is one of its colleges; a college on its own is not.
        ("Analysis Group, MBIE College, Northeastern University, Shenyang, China",
         ["Northeastern University (China)"]),
        ("Trinity College, University of Cambridge", ["University of Cambridge"]),
        ("Boston College, Harvard University", ["Boston College", "Harvard University"]),
        ("Dartmouth College, Hanover, NH", ["Dartmouth College"]),
        # Names joined by "/" without spaces are one name each — only when every piece is one.
        ("清华大学/北京大学/上海AI Lab", ["Tsinghua University", "Peking University", "Shanghai AI Laboratory"]),
        ("Stanford/MIT & Huawei Noah's Ark Lab/Tsinghua",
         ["Stanford University", "Massachusetts Institute of Technology", "Huawei Noah's Ark Lab", "Tsinghua University"]),
        ("TU/e", ["Eindhoven University of Technology"]),
        # An affiliation number after the country that ends the previous affiliation.
        ("University of Pennsylvania, USA 2 School of Electrical Engineering, National Technical University of Athens",
         ["University of Pennsylvania", "National Technical University of Athens"]),
        ("Samsung AI Center, Korea 2 Stanford University", ["Samsung Research", "Stanford University"]),
        ("Seoul National University 2 NAVER AI Lab", ["Seoul National University", "NAVER"]),
        # A name cut off mid-way names no institution.
        ("University of Oulu, the University of Western", ["University of Oulu"]),
        ("University Groningen, University Medical", ["University of Groningen"]),
    ],
)
def test_split_affiliations(text, expected):
    mentions, _ = split_affiliations(text, offset=5)
    assert [m.name for m in mentions] == expected
    for m in mentions:
        assert text[m.start - 5 : m.end - 5] == m.text


@pytest.mark.parametrize(
    "text, groups",
    [
        ("Texas A&M University & Rice University", ["Texas A&M University", "Rice University"]),
        ("A & B ; C | D、E", ["A", "B", "C", "D", "E"]),
        ("Samsung R&D Institute", ["Samsung R&D Institute"]),
        ("中科院/清华 & TU/e", ["中科院", "清华", "TU/e"]),
    ],
)
def test_split_groups(text, groups):
    assert [g for _, g in split_groups(text)] == groups


# --- boilerplate ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, between, reason",
    [
        ("LG - 机器学习 CV - 计算机视觉 CL - 计算与语言", False, "category legend"),
        ("转自爱可可爱生活", False, "repost credit"),
        ("摘要:基于模型的离线选项、深度学习稀疏专家模型综述", False, "title list"),
        ("另外几篇值得关注的论文:", False, "section heading"),
        ("内容中包含的图片若涉及版权问题,请及时与我们联系删除", False, "copyright notice"),
        ("沙发等你来抢", False, "comment widget"),
        ("translated by 谷歌翻译", False, "translation marker"),
        ("[图片]", False, "image placeholder"),
        ("24-2-12 07:58 来自 微博 weibo.com", False, "post metadata"),
        ("9月30日 12:40 来自 iPhone客户端", False, "post metadata"),
        ("转发 23   评论 2   赞 61", False, "post metadata"),
        ("转发(112) | 评论(9) | 赞(350)", False, "post metadata"),
        ("IP属地：北京", False, "post metadata"),
        ("北京 · 海淀", False, "post metadata"),
        ("#开源# #机器学习#", False, "post metadata"),
        ("收起全文d", False, "post metadata"),
        ("---", True, "separator"),
        ("# 每日AI论文速递 | 2024-03-18", True, "heading"),
        ("2024-05-14 | Total: 5", True, "list header"),
        ("cs.CL | Computation and Language", True, "list header"),
        ("爱可可AI前沿推介(3.15)", True, "digest heading"),
        ("> 今日精选 6 篇", True, "note"),
    ],
)
def test_boilerplate(line, between, reason):
    assert is_boilerplate(line, between_entries=between) == reason


@pytest.mark.parametrize(
    "line",
    [
        "摘要:本文提出一种新方法。实验表明、效果很好。",  # an abstract, not a title list
        "基于模型的离线选项",  # a Chinese title
        "---",  # a separator only counts between entries
        "S Salter, M Wulfmeier",
    ],
)
def test_not_boilerplate_inside_entries(line):
    assert is_boilerplate(line) is None


# --- links ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, aid",
    [
        ("https://arxiv.org/abs/2209.01947", "2209.01947"),
        ("https://arxiv.org/abs/2303.04512v2", "2303.04512"),
        ("https://arxiv.org/pdf/2304.01122v1.pdf", "2304.01122"),
        ("arxiv.org/abs/2305.10987", "2305.10987"),
        ("arxiv.org/abs/cs/0112017", "cs/0112017"),
        ("https://arxiv.org/abs/math.GT/0309136v2", "math.GT/0309136"),
        ("arXiv:2401.00001v3", "2401.00001"),
        ("ArXiv ID: 2512.24157v1", "2512.24157"),  # entry text has Markdown emphasis removed (was "**ArXiv ID**:")
        ("https://huggingface.co/papers/2512.14691?utm_source=digest", "2512.14691"),
        ("https://papers.cool/arxiv/2405.01234", "2405.01234"),
        ("http://t.cn/A6Wq3kTn", None),
        ("no link at all", None),
    ],
)
def test_arxiv_id(text, aid):
    assert arxiv_id(text) == aid


@pytest.mark.parametrize(
    "text, urls",
    [
        ("(2024) http://t.cn/A6Wq3kTn view:http://t.cn/A6Wq3kTo", ["http://t.cn/A6Wq3kTn", "http://t.cn/A6Wq3kTo"]),
        ("代码: github.com/ucsd-ir/intentgp", ["github.com/ucsd-ir/intentgp"]),
        ("代码可在https://github.com/flowseg/flowseg获得。", ["https://github.com/flowseg/flowseg"]),
        ("[arXiv](https://arxiv.org/abs/2403.03206) | [主页](https://x.ai/p)", ["https://arxiv.org/abs/2403.03206", "https://x.ai/p"]),
        ("see https://openreview.net/forum?id=Xk3bQ9wZpL.", ["https://openreview.net/forum?id=Xk3bQ9wZpL"]),
        ("t.cn/A6Yq2Lk0", ["t.cn/A6Yq2Lk0"]),
        ("代码见github.com/a/b，主页danikiyasseh.github.io", ["github.com/a/b", "danikiyasseh.github.io"]),
        ("papers.cool/arxiv/2405.01234 and www.cs.ox.ac.uk/people/x", ["papers.cool/arxiv/2405.01234", "www.cs.ox.ac.uk/people/x"]),
        ("e.g. the model", []),
        ("O网页链接 view:O网页链接", []),
    ],
)
def test_find_urls(text, urls):
    assert [u for u, _, _ in find_urls(text)] == urls


# --- one small digest per layout ---------------------------------------------------------


def records(text: str):
    result = parse(doc(text))
    return result, [extract_entry(e) for e in result.entries]


def test_structured_glued_header():
    res, recs = records(
        "1、[CV] Adaptive Token Pruning for Efficient Vision TransformersViT自适应令牌剪枝 Y Rao, W Zhao, J Zhou "
        "[Tsinghua University & UCLA] https://arxiv.org/abs/2303.04512v2\n"
    )
    assert res.layout == "structured"
    (r,) = recs
    assert r.title == "Adaptive Token Pruning for Efficient Vision Transformers" and r.title_zh == "ViT自适应令牌剪枝"
    assert [a.name for a in r.authors] == ["Y Rao", "W Zhao", "J Zhou"]
    assert [m.name for m in r.institutions] == ["Tsinghua University", "University of California, Los Angeles"]
    assert r.arxiv_id == "2303.04512"


def test_structured_numbered_without_category_needs_an_author_line():
    res, recs = records("5、Scaling Instruction-Finetuned Language Models\nH W Chung, L Hou, Y Tay...\n[Google]\n")
    assert [r.title for r in recs] == ["Scaling Instruction-Finetuned Language Models"]
    res, recs = records("5、这不是论文\n只是一段文字。\n")
    assert recs == []


@pytest.mark.parametrize(
    "header, title, authors",
    [
        ("[LG] The Principles of Deep Learning Theory Part I D A. Roberts, S Yaida, B Hanin [Meta AI & MIT]",
         "The Principles of Deep Learning Theory Part I", ["D A. Roberts", "S Yaida", "B Hanin"]),
        ("[LG] Model-Based Offline Options S Salter, M Wulfmeier [DeepMind]",
         "Model-Based Offline Options", ["S Salter", "M Wulfmeier"]),
        ("[LG] Unifying Generative Models with GFlowNets D Zhang, R T. Q. Chen, N Malkin [Mila]",
         "Unifying Generative Models with GFlowNets", ["D Zhang", "R T. Q. Chen", "N Malkin"]),
        ("[CV] Scaling Vision Transformers Xiaohua Zhai, Alexander Kolesnikov, Neil Houlsby [Google Research]",
         "Scaling Vision Transformers", ["Xiaohua Zhai", "Alexander Kolesnikov", "Neil Houlsby"]),
        ("[CV] Segment Anything, Track Everything", "Segment Anything, Track Everything", []),
        ("[AI] Emergent Tool Use from Multi-Agent Autocurricula多智能体自课程中涌现的工具使用 B Baker, I Kanitscheider et al. [OpenAI]",
         "Emergent Tool Use from Multi-Agent Autocurricula", ["B Baker", "I Kanitscheider"]),
    ],
)
def test_glued_header_split(header, title, authors):
    _, (r,) = records(header + "\n")
    assert r.title == title and [a.name for a in r.authors] == authors


def test_structured_title_ending_in_and_phrase_is_not_authors():
    _, (r,) = records("1、[LG] Neural ODEs Revisited: Stability and Adjoint Errors\nR T. Q. Chen, D Duvenaud et al.\n[Vector Institute]\n")
    assert r.title == "Neural ODEs Revisited: Stability and Adjoint Errors"
    assert [a.name for a in r.authors] == ["R T. Q. Chen", "D Duvenaud"] and r.authors_truncated


def test_posts_papers_and_non_papers():
    text = (
        "【大规模图文预训练的数据过滤网络】《Data Filtering Networks》A Fang, V Shankar [Apple & University of Washington] "
        "(2023) http://t.cn/A6Wn5Pqr view:http://t.cn/A6Wn5Pqs\n"
        "23-9-30 09:02 来自 微博 weibo.com\n"
        "转发 5 评论 1 赞 30\n"
        "【免费书：动手学深度学习】《Dive into Deep Learning》by Aston Zhang, Mu Li http://t.cn/A6Wn0aBc\n"
        "《Deep Learning》Ian Goodfellow, Yoshua Bengio, Aaron Courville (2016) http://t.cn/AiQq8\n"
        "【Transformer原论文】《Attention Is All You Need》(2017) view:http://t.cn/AiuKx1\n"
    )
    res, recs = records(text)
    assert res.layout == "post"
    assert [r.title for r in recs] == ["Data Filtering Networks", "Attention Is All You Need"]
    assert recs[0].title_zh == "大规模图文预训练的数据过滤网络"
    assert [m.name for m in recs[0].institutions] == ["Apple", "University of Washington"]
    assert recs[0].urls == ("http://t.cn/A6Wn5Pqr", "http://t.cn/A6Wn5Pqs")
    reasons = {u.line: u.reason for u in res.unassigned}
    assert reasons == {2: "post metadata", 3: "post metadata", 4: "non-paper post", 5: "non-paper post"}


def test_post_gloss_on_a_line_of_its_own():
    res, (r,) = records(
        "【基于模型的离线选项】\n《MO2: Model-Based Offline Options》S Salter, M Wulfmeier [DeepMind] (2022) view:http://t.cn/A6x\n北京\n"
    )
    assert (r.line, r.title, r.title_zh) == (1, "MO2: Model-Based Offline Options", "基于模型的离线选项")
    assert [(u.line, u.reason) for u in res.unassigned] == [(3, "post metadata")]


def test_fields_markdown_variants():
    text = (
        "### 论文1\n"
        "**标题：** [Kolmogorov-Arnold Networks](https://arxiv.org/abs/2404.19756)\n"
        "**作者：** Ziming Liu, Yixuan Wang\n"
        "**机构：** MIT、Caltech\n"
        "\n"
        "**1. Better & Faster Large Language Models via Multi-token Prediction**\n"
        "作者：Fabian Gloeckle, Badr Youbi Idrissi 等\n"
        "单位：Meta FAIR\n"
        "\n"
        "【标题】Phi-3 Technical Report\n"
        "【作者】Marah Abdin, Sam Ade Jacobs\n"
        "【机构】Microsoft\n"
        "- **Title**: Direct Preference Optimization\n"
        "- **标题翻译**：直接偏好优化\n"
        "- **Authors**: Rafael Rafailov, Chelsea Finn\n"
    )
    res, recs = records(text)
    assert res.layout == "fields"
    assert [r.title for r in recs] == [
        "Kolmogorov-Arnold Networks", "Better & Faster Large Language Models via Multi-token Prediction",
        "Phi-3 Technical Report", "Direct Preference Optimization"]
    assert [m.name for m in recs[0].institutions] == ["Massachusetts Institute of Technology", "California Institute of Technology"]
    assert recs[1].authors_truncated and [a.name for a in recs[1].authors] == ["Fabian Gloeckle", "Badr Youbi Idrissi"]
    assert recs[3].title_zh == "直接偏好优化"
    assert [u.reason for u in res.unassigned] == ["section heading"]


def test_paperscool():
    text = (
        "cs.CL | Computation and Language\n"
        "#1 KAN: Kolmogorov-Arnold Networks [PDF45] [Copy] [Kimi31] [REL]\n"
        "Authors: Ziming Liu ; Yixuan Wang ; Marin Soljačić\n"
        "We propose Kolmogorov-Arnold Networks (KANs) as promising alternatives to MLPs.\n"
        "Subjects: Machine Learning ; Artificial Intelligence\n"
        "Publish: 2024-04-30 17:58:29 UTC\n"
        "#2 Are Emergent Abilities of Large Language Models a Mirage?\n"
        "[PDF] [Copy] [Kimi] [REL]\n"
        "Authors: Rylan Schaeffer, Brando Miranda, Sanmi Koyejo\n"
    )
    res, recs = records(text)
    assert res.layout == "paperscool"
    assert [r.title for r in recs] == ["KAN: Kolmogorov-Arnold Networks", "Are Emergent Abilities of Large Language Models a Mirage?"]
    assert [a.name for a in recs[0].authors] == ["Ziming Liu", "Yixuan Wang", "Marin Soljačić"]
    assert [e.line for e in res.entries] == [2, 7]


def test_abstracts_with_and_without_markers():
    zh = "我们提出了一种名为FlowSeg的新框架，用于无监督视频目标分割。与依赖光流估计的现有方法不同，FlowSeg直接从特征相关性中学习运动线索。"
    en = ("Offline reinforcement learning suffers from overestimation of out-of-distribution actions. We revisit "
          "conservative Q-learning and show that a simple normalisation removes most of its sensitivity to alpha.")
    for text, starts in [
        (f"{zh}\ntranslated by 谷歌翻译\n{en}\ntranslated by 谷歌翻译\n", [1, 3]),
        (f"{zh}\n\n{en}\n", [1, 3]),
        (f"{zh}\n{en}\n", [1, 2]),
        (f"{en[:90]}\n{en[90:]}\n\n{zh}\n", [1, 4]),  # a hard-wrapped paragraph is one abstract
    ]:
        res = parse(doc(text))
        assert res.layout == "abstract" and [e.line for e in res.entries] == starts, text
        assert not [u for u in res.unassigned if u.reason == NOT_IN_ENTRY]


def test_abstract_with_a_title_line():
    en = ("We explore how generating a chain of thought, a series of intermediate reasoning steps, significantly "
          "improves the ability of large language models to perform complex reasoning. We show how such abilities emerge.")
    zh = "我们探索了生成思维链（一系列中间推理步骤）如何显著提高大型语言模型执行复杂推理的能力。特别是，我们展示了这种推理能力如何自然出现。"
    res, recs = records(f"Chain-of-Thought Prompting Elicits Reasoning\n{en}\n\n思维链提示激发大语言模型的推理能力\n{zh}\n\nAbstract: {en}\n")
    assert [(r.line, r.title, r.title_zh) for r in recs] == [
        (1, "Chain-of-Thought Prompting Elicits Reasoning", None),
        (4, None, "思维链提示激发大语言模型的推理能力"),
        (7, None, None),
    ]


def test_unknown_layout_reports_every_line_with_numbers(caplog):
    res = parse(doc("just a shopping list\nmilk\n\neggs\n"))
    assert res.layout == "unknown" and res.entries == ()
    assert [(u.line, u.reason) for u in res.unassigned] == [(1, NOT_IN_ENTRY), (2, NOT_IN_ENTRY), (4, NOT_IN_ENTRY)]


def test_unexplained_lines_are_logged_with_count_and_first_numbers(caplog):
    text = "random preface line here\n1、[LG] A Title\nA Smith, B Jones\n"
    with caplog.at_level("WARNING", logger="kg.parse"):
        res = parse(doc(text))
    assert [u.line for u in res.unassigned if u.reason == NOT_IN_ENTRY] == [1]
    assert "1 line(s) in no entry" in caplog.text and "line 1" in caplog.text


def test_link_lists_make_papers_of_paper_links_only():
    text = (
        "1. [刚刚，开源推理模型再刷榜](https://mp.weixin.qq.com/s/Qz8Xk2mN4pLr)\n"
        "   1. 强化学习扩展依然有效\n"
        "- [QwQ-32B：拥抱强化学习的力量（156▲） ](https://huggingface.co/papers/2503.01234?utm_source=x)\n"
        "- [Visual-RFT: Visual Reinforcement Fine-Tuning (45▲) ](https://huggingface.co/papers/2503.01785)\n"
        "- [还有18篇论文](https://huggingface.co/papers?utm_source=x)\n"
    )
    res, recs = records(text)
    assert res.layout == "items"  # link lists are list items like any other (the links layout was folded into items)
    assert [(r.title, r.title_zh, r.arxiv_id) for r in recs] == [
        (None, "QwQ-32B：拥抱强化学习的力量", "2503.01234"),
        ("Visual-RFT: Visual Reinforcement Fine-Tuning", None, "2503.01785"),
    ]
    assert [(u.line, u.reason) for u in res.unassigned] == [(1, "non-paper link"), (2, "list item"), (5, "non-paper link")]


def test_a_page_with_two_layouts_loses_neither():
    text = (
        "|Publish Date|Title|Authors|PDF|\n|---|---|---|---|\n"
        "|**2024-04-30**|**Stylus: Automatic Adapter Selection for Diffusion Models**|Michael Luo et.al.|[2404.19753](http://arxiv.org/abs/2404.19753)|\n"
        "\n"
        "### [Multi-Head Mixture-of-Experts](http://arxiv.org/abs/2404.15045v1)\n"
        "**Authors:** Xun Wu, Shaohan Huang, Furu Wei\n"
    )
    res, recs = records(text)
    assert [(r.line, r.layout, r.title) for r in recs] == [
        (3, "table", "Stylus: Automatic Adapter Selection for Diffusion Models"),
        (5, "fields", "Multi-Head Mixture-of-Experts"),
    ]
    assert recs[0].authors_truncated and [a.name for a in recs[0].authors] == ["Michael Luo"]
    assert not [u for u in res.unassigned if u.reason == NOT_IN_ENTRY]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A comma cut a faculty's name: the rest is a field's words, no organisation.
        ("Computer, Science and Information Technologies, Osijek, Croatia, TELIN-IPI, Ghent University",
         ["Ghent University"]),
        ("Information Systems & Stanford University", ["Stanford University"]),
        # A lab's model family written beside it is no institution.
        ("上海AI Lab / InternLM", ["Shanghai AI Laboratory"]),
        # An organisation word keeps a field's words an organisation.
        ("Institute of Information Technology & Stanford University",
         ["Institute of Information Technology", "Stanford University"]),
    ],
)
def test_field_words_and_model_families_are_no_institutions(text, expected):
    assert [m.name for m in split_affiliations(text)[0]] == expected


def test_a_model_name_alone_stays_the_fields_organisation():
    # Named beside a lab, a model family is the lab's product; alone, it is all the field
    # says (a company that shares its model's name).
    assert [m.name for m in split_affiliations("Mistral")[0]] == ["Mistral"]
    assert [m.name for m in split_affiliations("Quintessa AI Lab / Qwen")[0]] == ["Quintessa AI Lab"]


def test_a_missing_paper_note_is_no_institution():
    assert split_affiliations("PAPER NEEDED")[0] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # An "&" inside a known name ("… of Science & Technology …") cuts no group.
        ("University of Science & Technology of China & Yale University",
         ["University of Science and Technology of China", "Yale University"]),
        ("Texas A&M University & Rice University", ["Texas A&M University", "Rice University"]),
        # A company's legal form on a known name resolves to it.
        ("Lenovo Ltd & Baidu, Inc.", ["Lenovo", "Baidu"]),
    ],
)
def test_ampersands_inside_names_and_legal_forms(text, expected):
    assert [m.name for m in split_affiliations(text)[0]] == expected


def test_a_kind_of_work_is_no_institution():
    assert split_affiliations("Research Paper")[0] == []
