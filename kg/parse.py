"""Stage 2 — parse: split a :class:`~kg.records.Document` into paper entries.

Every layout parser takes the file's lines and returns entries, the lines it did not put
into an entry, and how many lines it explained. :func:`parse` runs them all and keeps
the one that explains the most lines, so a new layout is one more function in
:data:`LAYOUTS`, and a file in an unknown layout is reported (``unassigned`` lines with
numbers, and a log warning with the count and first line numbers) rather than dropped.
Stretches the chosen layout cannot explain are re-parsed with every layout, so a page
that holds two layouts loses neither.

Layouts (all seen in real digests):

``structured``
    ``1、[LG] Title`` headers (numbered ``1、``/``1.``/``【1】``/``#1`` or not at all)
    with author, ``[affiliation]``, summary and link lines — or all of it glued on the
    header line.
``post``
    One-line social-media posts ``【gloss】《Title》A Author, B Author [Affil] (2020)
    http://t.cn/… view:http://t.cn/…`` between post metadata (time, place, counters),
    mixed with posts about books, blogs, tools and courses, which are not papers.
``fields``
    Key/value lists: ``**标题**：`` / ``**作者**：`` / ``**机构**：`` / ``**链接**：`` in
    Markdown, or plain ``Title:`` / ``Authors:`` lines.
``paperscool``
    papers.cool lists: ``#1 Title [PDF] [Copy] [Kimi]``, ``Authors: A ; B``, the
    abstract, ``Subject: …``, ``Publish: …``.
``table``
    Markdown tables with a title column (``|Publish Date|Title|Authors|PDF|Code|``),
    one paper per row.
``links``
    Bulleted Markdown links to paper pages (``- [Title（82▲）](https://huggingface.co/papers/…)``),
    one paper per item; links to news pages are not papers.
``abstract``
    Abstract dumps (machine-translated Chinese, English, or both), closed by
    ``translated by 谷歌翻译`` or separated by blank lines, or one per line.

Lines that are known not to be papers are *boilerplate*: recognised, reported with
their own reason, never turned into papers. :data:`BOILERPLATE` applies everywhere;
:data:`PREAMBLE` (headings, list headers) only between entries, where a short line
cannot be an entry's Chinese title.
"""
from __future__ import annotations

import logging
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from kg.records import Document, Entry, ParseResult, Span, Unassigned
from kg.text import cjk_share, find_urls, is_cjk, latin_share

log = logging.getLogger(__name__)

_CJK_CHARS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

__all__ = [
    "parse",
    "LAYOUTS",
    "BOILERPLATE",
    "PREAMBLE",
    "NOT_IN_ENTRY",
    "is_boilerplate",
    "split_title",
    "looks_like_authors",
    "author_names",
    "AUTHOR_LIST_RE",
    "HEADER_RE",
]

#: The reason of lines a parser could not explain (everything else is recognised noise).
NOT_IN_ENTRY = "not part of any entry"

# --- line classes ---------------------------------------------------------------------

# arXiv subject codes as digests write them in brackets: the two-letter cs/stat/eess/math
# codes alone (``[CV]``), or archive-prefixed (``[stat.ML]``, ``[cs.CL]``). A whitelist,
# because ``[PDF]``, ``[Copy]`` or ``[REL]`` must not open an entry.
_CODES = (
    "AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL RO SC SD SE "
    "SI SY AS IV SP ML ME TH AP CO OC ST PR NT QM NC BM GN"
).split()
CATEGORY = (
    r"(?:(?:cs|stat|eess|math|econ|q-bio|q-fin|physics|astro-ph|cond-mat|nlin)\.[A-Za-z]{2}|quant-ph|"
    + "|".join(_CODES)
    + r")"
)
_NUMBER = r"(?:\d{1,3}\s*[、.．:：)）]|【\s*\d{1,3}\s*】|\[\s*\d{1,3}\s*\]|#\s*\d{1,3}|No\.\s*\d{1,3}|[(（]\d{1,3}[)）])"

#: ``1、[LG] Title`` · ``1. [CV] Title`` · ``【1】[CL] Title`` · ``#1 [AS] Title`` ·
#: ``[stat.ML] Title`` (several codes: the first counts).
HEADER_RE = re.compile(
    rf"^\s*(?:{_NUMBER}\s*)?[\[［](?P<cat>{CATEGORY})[\]］](?:\s*[\[［]{CATEGORY}[\]］])*\s*(?P<rest>\S.*)$"
)
#: A numbered line without a category (``3、Title``): a header only when an author line
#: follows it.
NUMBERED_RE = re.compile(rf"^\s*{_NUMBER}\s*(?P<rest>[^\s\[［].*)$")
AFFIL_LINE_RE = re.compile(r"^\s*[\[［](?P<aff>[^\[\]［］]+)[\]］]\s*$")
TRANSLATED_RE = re.compile(
    r"^\s*[(（]?\s*(?:translated\s+by\s+(?:谷歌翻译|google(?:\s+translate)?|deepl|机器翻译)|由谷歌翻译(?:翻译)?|谷歌翻译)\s*[)）]?\s*$",
    re.I,
)
# The marker glued to the end of an abstract line ("…results.translated by 谷歌翻译").
TRANSLATED_TAIL_RE = re.compile(r"\s*translated\s+by\s+(?:谷歌翻译|google(?:\s+translate)?)\s*$", re.I)

_PROVINCES = (
    "北京|上海|天津|重庆|广东|广州|深圳|浙江|杭州|江苏|南京|四川|成都|湖北|武汉|陕西|西安|山东|福建|湖南|河南|河北|安徽|"
    "辽宁|吉林|黑龙江|江西|广西|云南|贵州|山西|内蒙古|新疆|西藏|甘肃|青海|宁夏|海南|香港|澳门|台湾|美国|英国|加拿大|日本|"
    "韩国|新加坡|德国|法国|澳大利亚|瑞士|荷兰|意大利|以色列|印度|其他|海外|未知"
)

#: Recognised non-paper lines everywhere: (reason, pattern). Kept here, not in the
#: parsers, so every layout agrees on what is noise.
BOILERPLATE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("category legend", re.compile(r"^(?:\s*[A-Z]{2}\s*[-–:：]\s*[\u4e00-\u9fff]+){2,}\s*$")),
    ("repost credit", re.compile(r"^\s*(?:转自|转载自|来源[:：]|via\s|(?:\*\*)?(?:From|Source|来源)\s*(?:[:：]\s*\*\*|\*\*\s*[:：]|[:：]))", re.I)),
    # "摘要:标题一、标题二、…": the digest's list of titles (no sentence in it).
    ("title list", re.compile(r"^\s*摘要\s*[:：][^。！？]*、[^。！？]*$")),
    ("section heading", re.compile(r"^\s*(?:另外几篇值得关注的论文|其他值得关注的论文|今日推荐|更多论文)\s*[:：]?\s*$")),
    # "Transformer(4篇)", "检测相关(1篇)": a topic group of a daily list.
    ("section heading", re.compile(r"^\s*\S[^。，,]{0,30}[(（]\s*\d+\s*篇\s*[)）]\s*$")),
    ("digest heading", re.compile(r"^\s*\S.{0,30}(?:今日共计|今日共|共计)\s*\d+\s*篇\S{0,10}\s*$")),
    # Noise words inside a short line only: an abstract may well mention 二维码 or ©.
    ("call to action", re.compile(r"^(?=.{0,40}$).*(?:阅读原文|扫码关注|关注公众号|长按识别|二维码|点个在看|点赞在看|欢迎关注|欢迎转发)")),
    ("repost comment", re.compile(r"^\s*//\s*@|^\s*转发理由\s*[:：]|^\s*回复\s*@")),
    ("copyright notice", re.compile(r"^(?=.{0,160}$).*(?:版权问题|请及时与我们联系|All rights reserved|©)")),
    ("comment widget", re.compile(r"^\s*(?:评论|沙发等你来抢|收藏|点赞|转发|分享|赞)\s*$")),
    ("translation marker", TRANSLATED_RE),
    ("image placeholder", re.compile(r"^\s*[\[［【]\s*(?:图片|图|组图|视频|动图|表情|image|img|photo|figure)\s*\d*\s*[\]］】]\s*$", re.I)),
    # Social-media post metadata: time stamps, client, place, counters, UI labels, tags.
    ("post metadata", re.compile(
        r"^\s*(?:(?:\d{2,4}[-/.])?\d{1,2}[-/.]\d{1,2}|(?:\d{4}年)?\d{1,2}月\d{1,2}日|今天|昨天|前天)"
        r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:来自|from)\s*.*)?\s*$")),
    ("post metadata", re.compile(r"^\s*(?:\d+\s*(?:秒|分钟|小时)前|刚刚)(?:\s*来自.*)?\s*$")),
    ("post metadata", re.compile(r"^\s*(?:来自\s*\S.{0,30}|(?:发布于|IP属地\s*[:：]?)\s*\S{1,12})\s*$")),
    ("post metadata", re.compile(rf"^\s*(?:{_PROVINCES})(?:\s*[·・ ]\s*[\u4e00-\u9fff]{{1,8}})?\s*$")),
    ("post metadata", re.compile(
        r"^(?:\s*(?:转发|评论|赞|点赞|收藏|阅读|分享|Like|Likes|Repost|Comment)s?\s*[(（]?\s*[\d.,万wkK+]*\s*[)）]?\s*[|｜·•]?)+\s*$", re.I)),
    ("post metadata", re.compile(r"^\s*[\d.,]+\s*[万wkK]?\s*$")),
    ("post metadata", re.compile(r"^\s*(?:收起全文d?|展开全文c?|O?网页链接|查看图片|显示地图|已编辑|原图|翻译内容|置顶|热门|\.\.\.全文)\s*$")),
    ("post metadata", re.compile(r"^\s*(?:#[^#\n]{1,30}#\s*)+$")),
)

#: Recognised non-paper lines between entries only: headings and list chrome. Inside an
#: entry a short line is more likely a Chinese title, so these never close an entry.
PREAMBLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("separator", re.compile(r"^\s*(?:[-*_=]\s*){3,}$")),
    ("heading", re.compile(r"^\s*#{1,6}\s+\S")),
    ("note", re.compile(r"^\s*>\s*\S|^\s*([*_])[^*_].*\1\s*$")),
    ("table of contents", re.compile(r"^\s*(?:[-*+•]\s+|\d{1,3}[.、)]\s*)?\[[^\]]+\]\(#[^)]*\)")),
    ("page markup", re.compile(r"^\s*</?[a-zA-Z][^<>]*>(?:[^<>]*</[a-zA-Z]+>)?\s*$")),
    ("list header", re.compile(r"^\s*(?:Total\s*[:：]\s*\d+|.{0,40}\|\s*Total\s*[:：]\s*\d+)\s*$", re.I)),
    ("list header", re.compile(r"^\s*(?:[a-z\-]+\.[A-Z]{2}|cs|stat|eess)\s*\|\s*\S.{0,60}$")),
    ("list header", re.compile(r"^\s*Cool Papers\b.*$", re.I)),
    ("digest heading", re.compile(
        r"^\s*\S.{0,30}(?:前沿推介|论文推荐|论文速递|论文精选|每日论文|今日论文|arXiv\s*(?:每日|精选|速递|日报)|日报|周报|Daily Papers?)\S{0,30}\s*$",
        re.I)),
)


@functools.lru_cache(maxsize=65536)
def is_boilerplate(line: str, between_entries: bool = False) -> str | None:
    """The reason ``line`` is recognised noise, or ``None``.

    ``between_entries`` also tries :data:`PREAMBLE` (headings and list chrome)."""
    for reason, rx in BOILERPLATE:
        if rx.search(line):
            return reason
    if between_entries:
        for reason, rx in PREAMBLE:
            if rx.search(line):
                return reason
    return None


# --- author lists -------------------------------------------------------------------------

# Author names: initials with or without dots (``R T. Q. Chen``, ``J.-B. Mouret``), full
# given names, hyphenated and apostrophe surnames, particles (``van der``, ``de``).
_NAME = (
    r"(?:[A-Z][\w'’\-.]*\s+|(?:van|von|der|de|da|del|della|di|la|le|den|ter|bin|al|dos|du|el|zu)\s+){0,5}"
    r"[A-Z][\w'’\-]*\.?"
)
#: An author list as one regular expression (kept for callers that want a quick match;
#: :func:`looks_like_authors` adds the checks a regex cannot express).
AUTHOR_LIST_RE = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*(?:,|，|、|;|；|&|\band\b)\s*{_NAME})*)\s*,?\s*(?P<trunc>\.\.\.|…|⋯|et\s+al\.?)?\s*$"
)
AUTHOR_SEP_RE = re.compile(r"\s*(?:,|，|、|;|；|&|＆|\band\b|\s和\s)\s*")
TRUNC_RE = re.compile(r"\s*,?\s*(?:\.\.\.|…|⋯|et\.?\s*al\.?|等人?)\s*$", re.I)
_KEY_PREFIX_RE = re.compile(r"^\s*(?:authors?|作者)\s*[:：]\s*", re.I)
_PARTICLES = {"van", "von", "der", "de", "da", "del", "della", "di", "la", "le", "den", "ter", "bin", "al", "dos", "du", "el", "zu", "y"}
_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
# Words that occur in titles and never as a name token: they stop a title's tail
# ("… Vision Transformers") from being read as a person. Words that are also names are
# left out on purpose: An and You (Chinese surnames), Or (a given name), Deep (Deep
# Ganguli), Cross, Field.
_TITLE_WORDS = {
    "The", "Of", "For", "With", "Without", "Via", "Using", "From", "Towards", "Toward",
    "Learning", "Learned", "Learn", "Neural", "Network", "Networks", "Model", "Models", "Modeling", "Modelling",
    "Language", "Languages", "Vision", "Visual", "Transformer", "Transformers", "Data", "Dataset", "Datasets", "Benchmark",
    "Survey", "Analysis", "Efficient", "Robust", "Training", "Detection", "Segmentation", "Generation", "Generative",
    "Reinforcement", "Graph", "Graphs", "Image", "Images", "Video", "Videos", "Diffusion", "Large", "Scale", "Scaling",
    "Multimodal", "Attention", "Retrieval", "Reasoning", "Prediction", "Optimization", "Policy", "Policies", "Agents",
    "Agent", "Adversarial", "Self", "Supervised", "Unsupervised", "Zero", "Shot", "Few", "Prompt", "Prompts", "Text",
    "Speech", "Audio", "Recognition", "Translation", "Classification", "Representation", "Representations", "Systems",
    "Approach", "Method", "Methods", "Framework", "Is", "Are", "All", "Need", "And", "By", "At",
    "Theory", "Estimation", "Inference", "Tasks", "Task", "Control", "Robots", "Robot", "Robotic", "Search", "Study",
    "Evaluation", "Evaluating", "Understanding", "Improving", "Towards", "Embedding", "Embeddings", "Space", "Spaces",
    "Transfer", "Tuning", "Instruction", "Alignment", "Preference", "Human", "Feedback", "Reward", "Knowledge",
    "Semantic", "Temporal", "Spatial", "Dynamic", "Dynamics", "Sparse", "Dense", "Mixture", "Experts", "Expert",
    "Distillation", "Compression", "Pruning", "Quantization", "Memory", "Computation", "Compute", "Loss", "Gradient",
    "Stochastic", "Bayesian", "Kernel", "Regression", "Time", "Series", "Online", "Offline", "Federated", "Medical",
    "Clinical", "Domain", "Multi", "Open", "World", "Question", "Answering", "Dialogue", "Summarization",
    "Code", "Programming", "Object", "Objects", "Scene", "Scenes", "Depth", "Motion", "Pose", "Face", "Faces", "Point",
    "Cloud", "Clouds", "Mesh", "Rendering", "Radiance", "Token", "Tokens", "Layer", "Layers",
}


# Word endings of English abstract nouns ("Maximization", "Simplicity", "Topology") that
# no personal name has (not "-ness" or "-ments": Harkness, Clements).
_NOUN_ENDING = re.compile(r"(?:tions?|sions?|ities|ity|isms?|ologies|ology|ological)$")


def _strip_marks(name: str) -> str:
    """A name without glued footnote marks and affiliation indices (``A Smith1,2*``)."""
    return re.sub(r"[\d*†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰]+$", "", name.strip().strip("*").strip()).strip()


# Common Chinese surnames (the single-character ones that cover nearly all authors, and
# the compound ones): a two-to-four character word is a name only when it starts with
# one, so "清华大学" or "基于模型" never pass for people.
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪"
    "范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞"
    "颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇"
    "栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊"
    "仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓"
    "修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_SURNAMES_2 = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯",
               "端木", "独孤", "南宫", "西门", "轩辕", "万俟", "闻人", "赫连", "澹台", "呼延", "申屠", "太史", "钟离", "拓跋"}


def _is_chinese_name(name: str) -> bool:
    """``张伟``, ``欧阳娜娜``, ``约翰·史密斯`` (transliterated names keep their dot)."""
    if re.fullmatch(r"[\u4e00-\u9fff]{1,6}(?:[·・•][\u4e00-\u9fff]{1,8}){1,2}", name):
        return True
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
        return False
    return name[:2] in _SURNAMES_2 or name[0] in _SURNAMES_1 and not re.search(r"大学|学院|研究|实验|公司|中心|模型|方法|网络|学习", name)


def _is_initial(tok: str) -> bool:
    return bool(re.fullmatch(r"[A-Z](?:\.|\.?-[A-Z]\.?|\.[A-Z]\.?)*\.?", tok)) or bool(re.fullmatch(r"(?:[A-Z]\.){1,3}", tok))


def _is_latin_name(name: str) -> bool:
    toks = name.split()
    if not 1 <= len(toks) <= 7:
        return False
    core = [t for t in toks if t not in _PARTICLES and t not in _SUFFIXES]
    # Two to five words: a lone capitalised word is far more often a title word
    # ("Stability and Adjoint Errors") than a mononymous author.
    if not 2 <= len(core) <= 5 or toks[0] in _PARTICLES:
        return False
    for t in core:
        if not t[0].isupper() or not t[0].isalpha():
            return False
        if t.rstrip(".") in _TITLE_WORDS and not _is_initial(t):
            return False
        if len(t) >= 6 and _NOUN_ENDING.search(t):
            return False
        if not re.fullmatch(r"[^\W\d_][\w'’.\-]*", t) or re.search(r"\d", t):
            return False
    last = [t for t in toks if t not in _SUFFIXES][-1]
    # A name ends in a surname ("Chen", "Hernández-Orallo"), not in an initial.
    return not _is_initial(last)


def author_names(s: str) -> tuple[list[str], bool] | None:
    """The names of an author list and whether it is truncated, or ``None`` when ``s``
    is not an author list.

    >>> author_names("S Salter, M Wulfmeier, R T. Q. Chen...")
    (['S Salter', 'M Wulfmeier', 'R T. Q. Chen'], True)
    >>> author_names("张伟，李娜、王芳")
    (['张伟', '李娜', '王芳'], False)
    >>> author_names("Analyzing Transformers in Embedding Space") is None
    True
    """
    s = _KEY_PREFIX_RE.sub("", s.strip())
    if not s or len(s) > 2000:
        return None
    trunc = TRUNC_RE.search(s)
    body = s[: trunc.start()] if trunc else s
    # Sentence and bracket punctuation, links and e-mail never occur in a name list;
    # full stops do ("R T. Q. Chen", "Jr.").
    if not body.strip() or re.search(r"[。！？!?:：()（）\[\]《》“”\"/@]|https?", body):
        return None
    parts = [p for p in (_strip_marks(x) for x in AUTHOR_SEP_RE.split(body)) if p]
    merged: list[str] = []
    for p in parts:
        if p in _SUFFIXES and merged:  # "Henry Sprueill, Jr." keeps its suffix
            merged[-1] = f"{merged[-1]}, {p}"
        else:
            merged.append(p)
    if not merged:
        return None
    chinese = [_is_chinese_name(p) for p in merged]
    if all(chinese):
        return merged, bool(trunc)
    # Names in Chinese characters and in Latin letters may share a list ("李明轩, Sergey
    # Levine"); any other CJK text means this is a sentence or a title.
    if any(is_cjk(c) for p, zh in zip(merged, chinese) if not zh for c in p):
        return None
    if not all(zh or _is_latin_name(p.split(", ")[0]) for p, zh in zip(merged, chinese)):
        return None
    if any(chinese) and len(merged) < 2:
        return None
    return merged, bool(trunc)


def looks_like_authors(s: str) -> bool:
    """Whether ``s`` is an author list (one name only when it has two or more words)."""
    got = author_names(s)
    if got is None:
        return False
    names, trunc = got
    if len(names) == 1 and not trunc and not _is_chinese_name(names[0]) and len(names[0].split()) < 2:
        return False
    return True


def _initial_style(name: str) -> bool:
    return _is_initial(name.split()[0]) if name.split() else False


SENTENCE_END_RE = re.compile(r"[。！？]|[.!?](?:\s|$)")


# --- titles ---------------------------------------------------------------------------


def split_title(rest: str) -> tuple[str, str | None]:
    """Split a title that carries its Chinese translation into ``(english, chinese)``.

    Handles ``English Title中文标题`` (the Chinese half starts at the first CJK
    character, or at a Latin word glued in front of it when that word repeats the start of
    the English title or is an acronym glued to the last English word:
    ``…Deep LearningHammingMesh:大规模…``, ``…TransformersViT自适应…``),
    ``English Title（中文标题）`` and ``中文标题 English Title``.

    >>> split_title("HammingMesh: A Network Topology for Large-Scale Deep LearningHammingMesh:大规模深度学习网络拓扑")
    ('HammingMesh: A Network Topology for Large-Scale Deep Learning', 'HammingMesh:大规模深度学习网络拓扑')
    >>> split_title("大语言模型的检索增强生成综述 A Survey on Retrieval-Augmented Generation")
    ('A Survey on Retrieval-Augmented Generation', '大语言模型的检索增强生成综述')
    """
    s = rest.strip()
    i = next((k for k, c in enumerate(s) if is_cjk(c)), None)
    if i is None:
        return s, None
    # English（中文）: a bracketed translation after the English title.
    m = re.fullmatch(r"(?P<en>[^（(]*[A-Za-z][^（(]*?)\s*[（(](?P<zh>[^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]\s*", s)
    if m and cjk_share(m.group("en")) == 0:
        return m.group("en").strip(), m.group("zh").strip()
    # 中文 English: Chinese first, then an English title of two or more words.
    first_alpha = next((c for c in s if c.isalpha()), "")
    if first_alpha and is_cjk(first_alpha):
        m = re.search(r"(?:(?<=\s)|(?<=[\u4e00-\u9fff）)]))(?P<en>[A-Z][A-Za-z0-9'’:\-,.&?! ]+)$", s)
        if m and len(m.group("en").split()) >= 2 and not any(is_cjk(c) for c in m.group("en")):
            zh = s[: m.start("en")].strip()
            if zh and cjk_share(zh) > 0.5:
                return m.group("en").strip(), zh
        return "", s
    en, zh = s[:i], s[i:]
    if sum(1 for w in en.split() if sum(c.isalpha() for c in w) >= 2) < 2:
        # "MMGR：多模式生成推理", "recpt - v2技术报告": a Chinese title led by a name.
        return "", s
    # A Latin word glued in front of the Chinese half belongs to it when it repeats the
    # start of the English title, or is an acronym ("ViT", "GAN") glued to a lower-case
    # English word ("TransformersViT") — English words have no such hump.
    m = re.search(r"(?<=[a-z0-9)])([A-Z][\w\-]*[:：]?\s*)$", en)
    if m:
        word = m.group(1).rstrip(":： ")
        repeats = en.strip().startswith(word)
        acronym = re.fullmatch(r"[A-Z][A-Za-z]*[A-Z0-9][\w\-]*", word) is not None and re.search(r"[a-z]{2}$", en[: m.start(1)]) is not None
        if repeats or acronym:
            zh = en[m.start(1):] + zh
            en = en[: m.start(1)]
    return en.strip(), zh.strip() or None


# --- entry assembly ---------------------------------------------------------------------


@dataclass
class _Draft:
    """Mutable builder for one entry; frozen into an :class:`Entry` at the end.

    Lines are appended contiguously from ``first``, so line ``first + k`` of the file is
    line ``k`` of the entry text."""

    first: int  # 0-based index of first line
    kind: str
    layout: str
    lines: list[str] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)
    body: list[Span] = field(default_factory=list)
    last: int = 0  # 0-based index of last non-blank line

    @property
    def offset(self) -> int:
        return sum(len(x) + 1 for x in self.lines)

    def add(self, idx: int, line: str) -> int:
        """Append line ``idx``; returns its start offset in the entry text."""
        assert idx == self.first + len(self.lines), "entry lines must be contiguous"
        off = self.offset
        self.lines.append(line)
        if line.strip():
            self.last = idx
        return off

    def set(self, name: str, start: int, end: int) -> None:
        if name not in self.spans and end > start:
            self.spans[name] = Span(start, end)

    def get(self, name: str) -> str | None:
        span = self.spans.get(name)
        return None if span is None else span.of("\n".join(self.lines))

    def freeze(self, file: str) -> Entry:
        n = self.last - self.first + 1
        text = "\n".join(self.lines[:n])
        return Entry(
            file=file,
            line=self.first + 1,
            end_line=self.last + 1,
            kind=self.kind,
            layout=self.layout,
            text=text,
            body=tuple(s for s in self.body if s.end <= len(text)),
            **{k: v for k, v in self.spans.items() if v.end <= len(text)},
        )


def _strip_span(line: str, off: int, a: int = 0, b: int | None = None) -> tuple[int, int]:
    """Offsets of ``line[a:b]`` with surrounding whitespace trimmed, shifted by ``off``."""
    b = len(line) if b is None else b
    seg = line[a:b]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    return off + a + lead, off + b - trail


class _Builder:
    """Shared bookkeeping of a layout parser: the open entry, finished entries, reported
    lines and the count of explained lines."""

    def __init__(self, lines: Sequence[str], file: str, layout: str, kind: str = "digest"):
        self.lines, self.file, self.layout, self.kind = lines, file, layout, kind
        self.entries: list[Entry] = []
        self.unassigned: list[Unassigned] = []
        self.covered = 0
        self.cur: _Draft | None = None

    def open(self, i: int) -> _Draft:
        self.close()
        self.cur = _Draft(first=i, kind=self.kind, layout=self.layout, last=i)
        return self.cur

    def close(self) -> None:
        if self.cur is not None:
            self.entries.append(self.cur.freeze(self.file))
            self.cur = None

    def extend_to(self, i: int) -> None:
        """Append the (blank) lines between the open entry's last line and line ``i``."""
        d = self.cur
        assert d is not None
        for k in range(d.first + len(d.lines), i):
            d.add(k, self.lines[k])

    def take(self, i: int) -> int:
        """Put line ``i`` into the open entry; returns its offset in the entry text."""
        self.extend_to(i)
        assert self.cur is not None
        self.covered += 1
        return self.cur.add(i, self.lines[i])

    def report(self, i: int, reason: str, close: bool = True) -> None:
        if close:
            self.close()
        self.unassigned.append(Unassigned(self.file, i + 1, self.lines[i].strip(), reason))
        if reason != NOT_IN_ENTRY:
            self.covered += 1

    def result(self) -> tuple[list[Entry], list[Unassigned], int]:
        self.close()
        return self.entries, self.unassigned, self.covered


def _url_only(s: str) -> bool:
    """A line that is (almost) only links, possibly labelled (``代码: github.com/x``)."""
    urls = find_urls(s)
    if not urls:
        return False
    rest = s
    for _, a, b in sorted(urls, key=lambda t: -t[1]):
        rest = rest[:a] + rest[b:]
    rest = re.sub(r"(?i)\b(?:view|pdf|code|github|project|paper|arxiv|link|url|homepage|data)\b|代码|项目主页|主页|链接|地址|论文|数据|[:：|｜\s\[\]()（）]", "", rest)
    return len(rest) <= 4


# --- layout: structured digest ------------------------------------------------------------


def _header_fields(d: _Draft, line: str, off: int, m: re.Match[str]) -> None:
    """Title, Chinese title, and glued author / affiliation / link parts of a header."""
    if "cat" in m.groupdict() and m.group("cat"):
        d.set("category", off + m.start("cat"), off + m.start("cat") + len(m.group("cat")))
    rs, re_ = m.start("rest"), m.end("rest")
    # A link glued at the end of the header belongs to the entry, not the title.
    urls = [u for u in find_urls(line) if u[1] >= rs]
    if urls and not line[urls[-1][2]:].strip():
        first_url = urls[0][1]
        while first_url > rs and line[first_url - 1] in " \t|":
            first_url -= 1
        if line[rs:first_url].strip():
            re_ = first_url
    rest = line[rs:re_]
    aff = re.search(r"[\[［]([^\[\]［］]+)[\]］]\s*$", rest)
    if aff:
        d.set("affiliations", off + rs + aff.start(1), off + rs + aff.end(1))
        re_ = rs + aff.start()
    _title_and_authors(d, line, off, rs, re_, has_affil=aff is not None)


def _glued_authors_start(rest: str, has_affil: bool) -> int | None:
    """Where an author list glued to the end of a title starts, or ``None``.

    The leftmost start whose tail is an author list wins, provided the first name has the
    same shape as the others (so ``Embedding Space G Dar, M Geva`` yields ``G Dar``, and
    ``… Vision Transformers Y Rao`` cannot swallow ``Transformers``)."""
    for m in re.finditer(r"(?:(?<=\s)|(?<=[\u4e00-\u9fff）)]))(?:[A-Z]|[\u4e00-\u9fff])", rest):
        tail = rest[m.start():]
        got = author_names(tail)
        if got is None:
            continue
        names, trunc = got
        if len(names) == 1:
            # One glued name only with an affiliation after it and an initial-style
            # shape ("… Options S Salter [DeepMind]"): a title may end in any two words.
            if not (has_affil or trunc) or not _initial_style(names[0]) or len(names[0].split()) > 3:
                continue
        else:
            # Titles join two phrases with "and" ("Margin Maximization and Simplicity
            # Bias"); a glued author list of full names is comma separated.
            if not re.search(r"[,，、]", tail) and not all(_initial_style(n) for n in names):
                continue
            sizes = [len(n.split()) for n in names]
            # A first name longer than the others swallowed a title word ("Options S
            # Salter") — unless it is initials and a surname ("D A. Roberts").
            if sizes[0] > max(sizes[1:]) and not all(_is_initial(t) for t in names[0].split()[:-1]):
                continue
            # "… Part I D A. Roberts": a numeral after "Part" belongs to the title.
            if re.fullmatch(r"[IVX]{1,3}", names[0].split()[0]) and re.search(
                r"\b(?:Part|Phase|Stage|Type|Level|Chapter|Section|Volume|Vol\.|Round|Class|Track|Task)\s*$", rest[: m.start()]
            ):
                continue
            if all(_initial_style(n) for n in names[1:]) and not _initial_style(names[0]):
                continue
        if all(_is_chinese_name(n) for n in names) and len(names) < 2:
            continue
        head = rest[: m.start()]
        if len(head.split()) < 2 and not any(is_cjk(c) for c in head):
            continue  # "Segment Anything, Track Everything" is a title, not two people
        return m.start()
    return None


def _title_and_authors(d: _Draft, line: str, off: int, rs: int, re_: int, has_affil: bool = False) -> None:
    rest = line[rs:re_]
    best = _glued_authors_start(rest, has_affil)
    head_end = re_ if best is None else rs + best
    if best is not None:
        d.set("authors", *_strip_span(line, off, rs + best, re_))
    en, zh = split_title(line[rs:head_end])
    if en:
        a = line.index(en, rs)
        d.set("title", off + a, off + a + len(en))
    if zh:
        a = line.index(zh, rs)
        d.set("title_zh", off + a, off + a + len(zh))


def _authors_line(d: _Draft, line: str, off: int) -> bool:
    """An author line, optionally with a glued ``[affiliation]`` and trailing link."""
    s = line
    end = len(line)
    urls = find_urls(line)
    if urls and not line[urls[-1][2]:].strip():
        end = urls[0][1]
    body = line[:end]
    gm = re.match(r"^(?P<a>[^\[\]［］]+?)\s*[\[［](?P<aff>[^\[\]［］]+)[\]］]\s*$", body)
    if gm and looks_like_authors(gm.group("a")):
        d.set("authors", *_strip_span(s, off, gm.start("a"), gm.end("a")))
        d.set("affiliations", off + gm.start("aff"), off + gm.end("aff"))
        return True
    if body.strip() and looks_like_authors(body):
        a, b = _strip_span(s, off, 0, end)
        k = _KEY_PREFIX_RE.match(line)
        if k:
            a = off + k.end()
        d.set("authors", a, b)
        return True
    return False


def _structured_line(d: _Draft, line: str, off: int) -> None:
    s = line.strip()
    if not s:
        return
    f = _field(line)
    if f and f[0] in ("authors", "affiliations", "title_zh"):
        # A labelled line ("机构：DeepMind", "Authors: …") says what it is.
        d.set(f[0], *_strip_span(line, off, f[1], f[2]))
        return
    am = AFFIL_LINE_RE.match(line)
    if am:
        if "affiliations" not in d.spans:
            d.set("affiliations", off + am.start("aff"), off + am.end("aff"))
        return
    if _url_only(s):
        return  # link line; URLs are found over the whole entry text later
    if "authors" not in d.spans and "affiliations" not in d.spans and _authors_line(d, line, off):
        return
    cjk = cjk_share(s)
    # The Chinese title is a short line of its own, before the summary starts — under the
    # header, or under the author and affiliation lines; a label ("要点:") is not one.
    if (
        cjk > 0.5
        and "title_zh" not in d.spans
        and not d.body
        and len(s) <= 120
        and not SENTENCE_END_RE.search(s[:-1])
        and not re.search(r"[:：]$", s)
        and not re.match(r"^\d{1,2}[.、)]", s)
    ):
        a, e = _strip_span(line, off)
        while e > a and d.lines[-1][e - off - 1 : e - off] in "。.":
            e -= 1  # "分割一切。": the full stop is not part of the title
        d.set("title_zh", a, e)
        return
    if "title_zh" not in d.spans and (cjk > 0.3 or len(_CJK_CHARS.findall(s)) >= 12):
        # The Chinese summary opens with the Chinese title as its first sentence; names
        # in it ("LongNet:将Transformer扩展到10亿token。") keep the share of CJK low.
        first = re.match(r"^\s*([^。]{2,80})。", line)
        if first and len(_CJK_CHARS.findall(first.group(1))) >= 2:
            d.set("title_zh", off + first.start(1), off + first.end(1))
    d.body.append(Span(*_strip_span(line, off)))


#: Boilerplate reasons that may occur inside an entry without ending it.
_IN_ENTRY_NOISE = {"image placeholder", "translation marker"}


def _next_nonblank(lines: Sequence[str], i: int, limit: int = 3) -> list[int]:
    out = []
    k = i + 1
    while k < len(lines) and len(out) < limit:
        if lines[k].strip():
            out.append(k)
        k += 1
    return out


def parse_structured(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    """Digest entries opened by a ``[CAT] Title`` header (numbered or not)."""
    b = _Builder(lines, file, "structured")
    for i, line in enumerate(lines):
        m = HEADER_RE.match(line)
        if m is None:
            nm = NUMBERED_RE.match(line)
            # "3、Title" without a category opens an entry only when authors follow.
            if nm and not is_boilerplate(line) and not re.search(_COOL_CHROME, line):
                nxt = _next_nonblank(lines, i, 1)
                if nxt and looks_like_authors(re.sub(r"\s*[\[［][^\]］]+[\]］]\s*$", "", lines[nxt[0]])):
                    m = nm
        if m:
            d = b.open(i)
            off = b.take(i)
            _header_fields(d, line, off, m)
            continue
        if not line.strip():
            continue
        reason = is_boilerplate(line, between_entries=b.cur is None)
        if reason:
            # Noise inside an entry (an image placeholder) leaves it open; page furniture
            # (copyright, comments, a section heading) ends it.
            b.report(i, reason, close=reason not in _IN_ENTRY_NOISE)
            continue
        if b.cur is not None:
            off = b.take(i)
            _structured_line(b.cur, line, off)
        else:
            b.report(i, NOT_IN_ENTRY)
    return b.result()


# --- layout: social-media posts ---------------------------------------------------------

POST_RE = re.compile(
    r"^\s*(?:【(?P<gloss>[^【】]{1,160})】\s*)?《(?P<title>[^《》]{2,400})》\s*(?P<rest>.*?)\s*$"
)
# What follows an author list in a paper post: [affiliations], (year), links.
_POST_REST_RE = re.compile(
    r"^(?P<authors>[^\[\]［］()（）]*?)(?=\s*(?:[\[［(（]|https?://|t\.cn/|view\s*[:：]|O?网页链接|$))"
    r"\s*(?:[\[［](?P<aff>[^\[\]［］]+)[\]］])?\s*(?:[(（](?P<year>(?:19|20)\d{2})[)）])?\s*(?P<tail>.*)$"
)
# A gloss that announces a book, course, tool… rather than a paper.
_NON_PAPER_GLOSS = re.compile(r"书|课程|教程|讲义|博客|幻灯|视频|播客|演讲|访谈|笔记|清单|合集|资源|工具|代码库|开源项目|课件|文章|图解|速查")
# Marks of a post at all (paper or not): a gloss, a quoted title, a link, a repo label.
_POST_MARK = re.compile(r"^\s*【[^】]+】|《[^》]+》|^\s*['‘“\"][^'’”\"]{3,}['’”\"]|https?://|\bt\.cn/|GitHub\s*[:：]|网页链接", re.I)


def _paper_post(line: str) -> re.Match[str] | None:
    """The post match when ``line`` is a post about a paper, else ``None``."""
    m = POST_RE.match(line)
    if not m:
        return None
    gloss = m.group("gloss") or ""
    if _NON_PAPER_GLOSS.search(gloss) and "论文" not in gloss:
        return None
    rest = m.group("rest")
    if re.match(r"(?i)^(?:by\b|作者|译者|编者)", rest):
        return None
    r = _POST_REST_RE.match(rest)
    if not r:
        return None
    # The paper viewer link ("view:") or an arXiv link marks a paper; an affiliation in
    # brackets after an author list does too. A year and a link alone do not: books and
    # blog posts have those.
    viewer = re.search(r"view\s*[:：]|arxiv\.org|arxiv\s*[:：]", r.group("tail"), re.I) is not None
    authors = r.group("authors").strip()
    if not authors:
        return m if viewer else None
    if not looks_like_authors(authors):
        return None
    return m if (r.group("aff") or viewer) else None


def _post_fields(d: _Draft, line: str, off: int, m: re.Match[str]) -> None:
    if m.group("gloss"):
        d.set("title_zh", *_strip_span(line, off, m.start("gloss"), m.end("gloss")))
    d.set("title", *_strip_span(line, off, m.start("title"), m.end("title")))
    rest0 = m.start("rest")
    r = _POST_REST_RE.match(m.group("rest"))
    assert r is not None
    if r.group("authors").strip():
        d.set("authors", *_strip_span(line, off, rest0 + r.start("authors"), rest0 + r.end("authors")))
    if r.group("aff"):
        d.set("affiliations", off + rest0 + r.start("aff"), off + rest0 + r.end("aff"))


def parse_posts(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    """One-line paper posts; post metadata and non-paper posts are reported as such."""
    b = _Builder(lines, file, "post")
    in_post = False  # lines right after a paper post (before metadata) continue it
    gloss: int | None = None  # a "【中文标题】" line of its own, over the post it glosses
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        m = _paper_post(line)
        if m:
            d = b.open(gloss if gloss is not None else i)
            if gloss is not None:
                goff = b.take(gloss)
                g = re.match(r"^\s*【([^】]+)】", lines[gloss])
                assert g is not None
                d.set("title_zh", *_strip_span(lines[gloss], goff, g.start(1), g.end(1)))
                gloss = None
            off = b.take(i)
            _post_fields(d, line, off, m)
            in_post = True
            continue
        nxt = _next_nonblank(lines, i, 1)
        if re.fullmatch(r"\s*【[^【】]{1,80}】\s*", line) and nxt and (pm := _paper_post(lines[nxt[0]])) and not pm.group("gloss"):
            gloss = i
            continue
        reason = is_boilerplate(line, between_entries=True)
        if reason:
            b.report(i, reason)
            in_post = False
            continue
        if in_post and b.cur is not None and not POST_RE.match(line) and not s.startswith("【"):
            off = b.take(i)
            b.cur.body.append(Span(*_strip_span(line, off)))
            continue
        in_post = False
        if _POST_MARK.search(line):
            b.report(i, "non-paper post")
        elif len(s) <= 24 and not SENTENCE_END_RE.search(s):
            b.report(i, "post metadata")  # poster name, place, a label
        else:
            b.report(i, NOT_IN_ENTRY)
    return b.result()


# --- layout: key/value field lists ------------------------------------------------------

#: Field labels (case-folded) → the entry part they fill. Labels not listed here inside
#: an entry are kept as entry text; outside an entry they explain nothing.
FIELD_KEYS: dict[str, str] = {
    **dict.fromkeys(["标题", "题目", "论文标题", "论文题目", "英文标题", "title", "paper", "paper title", "论文"], "title"),
    **dict.fromkeys(["中文标题", "译题", "标题翻译", "中文题目", "翻译标题", "题目翻译", "chinese title", "标题(中文)", "中文"], "title_zh"),
    **dict.fromkeys(["作者", "作者列表", "author", "authors", "作者们"], "authors"),
    **dict.fromkeys(["机构", "单位", "作者单位", "作者机构", "机构单位", "affiliation", "affiliations", "institution",
                     "institutions", "organization", "organizations", "组织"], "affiliations"),
    **dict.fromkeys(["链接", "地址", "论文链接", "论文地址", "原文链接", "url", "link", "links", "arxiv", "pdf", "代码",
                     "code", "项目主页", "项目地址", "主页", "project", "project page", "github", "paper link"], "link"),
    **dict.fromkeys(["摘要", "简介", "概要", "总结", "一句话总结", "亮点", "贡献", "方法", "核心内容", "要点", "abstract",
                     "summary", "tl;dr", "tldr", "highlights", "comments", "备注", "评述", "点评", "推荐理由", "解读",
                     "motivation", "method", "methods", "result", "results", "conclusion", "conclusions", "动机", "结果",
                     "结论", "背景", "details"], "body"),
    **dict.fromkeys(["分类", "类别", "领域", "category", "categories", "subject", "subjects", "arxiv分类", "main category",
                     "primary category"], "category"),
    **dict.fromkeys(["日期", "发布时间", "发表时间", "提交日期", "时间", "date", "published", "publish", "会议", "venue",
                     "发表", "收录"], "meta"),
}
_FIELD_RE = re.compile(
    r"^\s*(?:[-*+•·]\s+|\d{1,3}[.、)]\s+)?"
    r"(?:(?P<b1>\*\*|__)\s*(?P<k1>[^*_:：\n]{1,20}?)\s*(?:[:：]\s*(?P=b1)|(?P=b1)\s*[:：])"
    r"|【\s*(?P<k3>[^【】\n]{1,20}?)\s*】\s*[:：]?"
    r"|(?P<k2>[^*_:：\n#>\[\]【】]{1,20}?)\s*[:：])"
    r"\s*(?P<val>.*?)\s*$"
)
# A line that can title the fields under it: a Markdown heading, a wholly bold line, a
# numbered line ("## 1. Title", "**1. Title**", "2、Title").
_TITLE_LINE_RES = (
    re.compile(r"^\s*#{1,6}\s+(?:\d{1,3}\s*[.、:：)]\s*|\[\d{1,4}\]\s*)?(?P<t>\S.*?)\s*#*\s*$"),
    re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)\s*(?:\d{1,3}\s*[.、:：)]\s*)?(?P<t>[^*_]\S.*?)\s*(?:\*\*|__)\s*$"),
    re.compile(rf"^\s*{_NUMBER}\s*(?P<t>[^\s\[［*].*?)\s*$"),
)
# "[Title](https://…)": the title is the link text.
_MD_LINK_RE = re.compile(r"^\s*\[(?P<t>[^\[\]]+)\]\((?P<u>[^()\s]+)\)\s*$")


def _field(line: str) -> tuple[str, int, int] | None:
    """``(kind, value start, value end)`` of a ``**作者**：…`` / ``Authors: …`` line."""
    m = _FIELD_RE.match(line)
    if not m:
        return None
    key = (m.group("k1") or m.group("k2") or m.group("k3") or "").strip().casefold()
    kind = FIELD_KEYS.get(key)
    if kind is None:
        return None
    a, b = m.start("val"), m.end("val")
    # Bold markers around the value: "**标题：** **Title**".
    while line[a:b].startswith(("**", "__")) and line[a:b].endswith(("**", "__")) and b - a > 4:
        a, b = a + 2, b - 2
    return kind, a, b


def _set_title(d: _Draft, line: str, off: int, a: int, b: int) -> None:
    lm = _MD_LINK_RE.match(line[a:b])
    if lm:
        a, b = a + lm.start("t"), a + lm.end("t")
    en, zh = split_title(line[a:b])
    if en:
        k = line.index(en, a)
        d.set("title", off + k, off + k + len(en))
    if zh:
        k = line.index(zh, a)
        d.set("title_zh", off + k, off + k + len(zh))


def _emphasised_authors(line: str) -> tuple[int, int] | None:
    """``(start, end)`` of the names on an author line that is bare or wrapped in
    emphasis (``*A,B*``, ``_A, B_``), else ``None``."""
    m = re.match(r"^\s*(?P<o>\*{1,2}|_{1,2})?(?P<a>[^*_].*?)(?P=o)?\s*$", line) if line.strip() else None
    if not m or (m.group("o") and not line.rstrip().endswith(m.group("o"))):
        return None
    if not looks_like_authors(m.group("a")):
        return None
    return m.start("a"), m.end("a")


def _translated_title(d: _Draft, value: str) -> bool:
    """A title field that only translates the English title the entry opened with."""
    fields_so_far = sum(1 for x in d.lines if x.strip())
    return (
        "title" in d.spans
        and "title_zh" not in d.spans
        and fields_so_far == 1
        and any(is_cjk(c) for c in value)
        and not any(is_cjk(c) for c in d.get("title") or "")
    )


def parse_fields(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    """Entries made of labelled lines; an entry opens at its title (a title field, or a
    Markdown heading directly followed by fields) and closes at a separator."""
    b = _Builder(lines, file, "fields")
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        f = _field(line)
        if f and f[0] == "title":
            d = b.cur
            if d is not None and _translated_title(d, line[f[1] : f[2]]):
                # "【1】 English Title" then "标题：中文标题": the field is the translation.
                off = b.take(i)
                d.set("title_zh", *_strip_span(line, off, f[1], f[2]))
                continue
            d = b.open(i)
            off = b.take(i)
            _set_title(d, line, off, f[1], f[2])
            continue
        tm = None if f else next((m for rx in _TITLE_LINE_RES if (m := rx.match(line))), None)
        if tm:
            nxt = _next_nonblank(lines, i, 1)
            nf = _field(lines[nxt[0]]) if nxt else None
            if nf and nf[0] == "title" and any(is_cjk(c) for c in lines[nxt[0]][nf[1] : nf[2]]) and not any(is_cjk(c) for c in tm.group("t")):
                nf = ("title_zh", *nf[1:])
            if nf and nf[0] in ("authors", "affiliations", "title_zh", "link") or nf is None and nxt and _emphasised_authors(lines[nxt[0]]):
                d = b.open(i)
                off = b.take(i)
                _set_title(d, line, off, tm.start("t"), tm.end("t"))
                continue
            label = re.sub(r"[*_`#:：\s]+", " ", tm.group("t")).strip().casefold()
            if b.cur is not None and FIELD_KEYS.get(label) in ("body", "link", "meta", "category"):
                # "#### Abstract" inside an entry labels the text under it.
                b.take(i)
                continue
            if b.cur is None or line.lstrip().startswith("#") or nf:
                b.report(i, "section heading" if nf else is_boilerplate(line, True) or "heading")
                continue
        if re.match(r"^\s*(?:[-*_=]\s*){3,}$", line):
            b.report(i, "separator")
            continue
        if b.cur is None:
            reason = is_boilerplate(line, between_entries=True)
            if reason is None and re.match(r"^\s*(?:[-*+•]\s+)?(?:\*\*|__)[^*_]{1,30}(?:\*\*|__)\s*[:：]|^\s*(?:[-*+•]\s+)?(?:\*\*|__)[^*_]{1,30}[:：]\s*(?:\*\*|__)", line):
                reason = "page metadata"  # "- **Last Updated**: …": a labelled line about the page
            b.report(i, reason or NOT_IN_ENTRY)
            continue
        reason = None if f else is_boilerplate(line)
        if reason:
            b.report(i, reason, close=reason not in _IN_ENTRY_NOISE)
            continue
        d = b.cur
        off = b.take(i)
        if f is None:
            au = _emphasised_authors(line) if "authors" not in d.spans and len([x for x in d.lines if x.strip()]) <= 2 else None
            if au:
                # "*Amr Hegazy,Mostafa Elhoushi*" right under the title.
                d.set("authors", off + au[0], off + au[1])
                continue
            if re.match(r"^\s*</?[a-zA-Z][^<>]*>(?:[^<>]*</[a-zA-Z]+>)?\s*$", line):
                continue  # <details>, <summary>…</summary>: page markup inside the entry
            # An unlabelled short Chinese line right under the title is its translation.
            if cjk_share(s) > 0.5 and "title_zh" not in d.spans and len(s) <= 120 and not SENTENCE_END_RE.search(s[:-1]) and len(d.lines) <= 2:
                d.set("title_zh", *_strip_span(line, off))
            else:
                d.body.append(Span(*_strip_span(line, off)))
            continue
        kind, a, e = f
        if kind in ("title_zh", "authors", "affiliations"):
            d.set(kind, *_strip_span(line, off, a, e))
        elif kind == "category":
            # "[CL]", or an arXiv code written out ("cs.CL", "eess.AS"): digests drop the
            # cs./eess. archive, so the code alone is the category.
            cm = re.search(rf"[\[［](?P<c>{CATEGORY})[\]］]", line[a:e]) or re.match(
                rf"\s*(?:(?:cs|eess)\.)?(?P<c>{CATEGORY})\b", line[a:e]
            )
            if cm:
                d.set("category", off + a + cm.start("c"), off + a + cm.end("c"))
        elif kind == "body":
            d.body.append(Span(*_strip_span(line, off, a, e)))
    return b.result()


# --- layout: papers.cool ----------------------------------------------------------------

_COOL_CHROME = r"(?:\[(?:PDF|Copy|Kimi|REL|HTML|Code|Abs|Star|Bib)\d*\]\s*)"
_COOL_HEADER_RE = re.compile(rf"^\s*#(?P<n>\d{{1,5}})\s+(?P<title>\S.*?)\s*{_COOL_CHROME}*$")
_COOL_CHROME_RE = re.compile(rf"^\s*{_COOL_CHROME}+$")
_COOL_META_RE = re.compile(r"^\s*(?:Subjects?|Publish(?:ed)?|Comments?|Categories|Date|Journal-ref|DOI)\s*[:：]", re.I)
_COOL_AUTHORS_RE = re.compile(r"^\s*Authors?\s*[:：]\s*(?P<val>\S.*?)\s*$", re.I)


def parse_paperscool(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    """``#1 Title [PDF] [Copy] [Kimi]`` entries with ``Authors:``, abstract, ``Subject:``."""
    b = _Builder(lines, file, "paperscool")
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        m = _COOL_HEADER_RE.match(line)
        if m and not HEADER_RE.match(line):
            d = b.open(i)
            off = b.take(i)
            _set_title(d, line, off, m.start("title"), m.end("title"))
            continue
        if b.cur is None:
            b.report(i, is_boilerplate(line, between_entries=True) or NOT_IN_ENTRY)
            continue
        reason = is_boilerplate(line)
        if reason:
            b.report(i, reason)
            continue
        d = b.cur
        off = b.take(i)
        am = _COOL_AUTHORS_RE.match(line)
        if am and "authors" not in d.spans:
            d.set("authors", *_strip_span(line, off, am.start("val"), am.end("val")))
        elif _COOL_CHROME_RE.match(line) or _COOL_META_RE.match(line):
            pass  # page chrome and metadata stay in the entry text, outside the body
        else:
            d.body.append(Span(*_strip_span(line, off)))
    return b.result()


# --- layout: link lists --------------------------------------------------------------------

_LINK_ITEM_RE = re.compile(
    r"^\s*(?:[-*+•]\s+|\d{1,3}[.、)]\s*)?\[(?P<t>[^\[\]]+)\]\((?P<u>[^()\s]+(?:\([^()\s]*\))?[^()\s]*)\)\s*(?P<rest>.*)$"
)
#: Links that name one paper (not a listing or a news page).
PAPER_URL_RE = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf|html)/|huggingface\.co/papers/\d{4}\.\d{4,5}|papers\.cool/arxiv/\d{4}\.\d{4,5}|"
    r"alphaxiv\.org/(?:abs/)?\d{4}\.\d{4,5}|openreview\.net/(?:forum|pdf)\?id=|aclanthology\.org/[\w.\-]+\d|"
    r"semanticscholar\.org/paper/|proceedings\.(?:mlr\.press|neurips\.cc)/|openaccess\.thecvf\.com/)",
    re.I,
)
_VOTES_RE = re.compile(r"\s*[(（]\s*\d+\s*[▲↑]\s*[)）]\s*$|\s+$")


def parse_links(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    """Bulleted or numbered Markdown links to papers (``- [Title（82▲）](https://huggingface.co/papers/…)``),
    one paper per item; links to anything else are reported as non-paper links."""
    b = _Builder(lines, file, "links")
    after_item = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = _LINK_ITEM_RE.match(line)
        if m:
            text = m.group("t")
            title_like = len(text.split()) >= 2 or sum(is_cjk(c) for c in text) >= 4
            listing = re.search(r"^\s*(?:还有|更多|查看|see|more)\b|^\s*https?://", text, re.I)
            if PAPER_URL_RE.search(m.group("u")) and title_like and not listing:
                d = b.open(i)
                off = b.take(i)
                a = m.start("t")
                e = a + len(_VOTES_RE.sub("", text))
                _set_title(d, line, off, a, e)
                b.close()
            else:
                b.report(i, "non-paper link")
            after_item = True
            continue
        if after_item and re.match(r"^\s{2,}(?:[-*+•]|\d{1,3}[.、)])\s*\S", line):
            b.report(i, "list item")  # a note under the item above
            continue
        after_item = False
        b.report(i, is_boilerplate(line, between_entries=True) or NOT_IN_ENTRY)
    return b.result()


# --- layout: Markdown tables -------------------------------------------------------------

_TABLE_ROW_RE = re.compile(r"^\s*\|(?P<cells>.*\|)\s*$")
_TABLE_RULE_RE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
_COLUMN_KEYS = {
    "title": re.compile(r"^(?:title|paper|papers|论文|标题|题目|论文标题|name)$", re.I),
    "authors": re.compile(r"^(?:authors?|作者)$", re.I),
    "affiliations": re.compile(r"^(?:affiliations?|institutions?|机构|单位)$", re.I),
}


def _cells(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each cell's text (trimmed, bold markers removed)."""
    m = _TABLE_ROW_RE.match(line)
    if not m:
        return []
    out, pos = [], m.start("cells")
    for k, ch in enumerate(line[m.start("cells") : m.end("cells")], m.start("cells")):
        if ch == "|" and (k == 0 or line[k - 1] != "\\"):
            a, e = _strip_span(line, 0, pos, k)
            while line[a:e].startswith(("**", "__")) and line[a:e].endswith(("**", "__")) and e - a > 4:
                a, e = a + 2, e - 2
            out.append((a, e))
            pos = k + 1
    return out


def parse_table(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    """One paper per row of a Markdown table whose header names a title column
    (``|Publish Date|Title|Authors|PDF|Code|``)."""
    b = _Builder(lines, file, "table")
    columns: dict[str, int] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        cells = _cells(line)
        if len(cells) < 2:
            columns = {} if not _TABLE_RULE_RE.match(line) else columns
            b.report(i, is_boilerplate(line, between_entries=True) or NOT_IN_ENTRY)
            continue
        if _TABLE_RULE_RE.match(line):
            b.report(i, "table header")
            continue
        labels = [re.sub(r"[*_`]", "", line[a:e]).strip() for a, e in cells]
        header = {k: n for k, rx in _COLUMN_KEYS.items() for n, lab in enumerate(labels) if rx.match(lab)}
        if "title" in header:
            columns = header
            b.report(i, "table header")
            continue
        if "title" not in columns or columns["title"] >= len(cells):
            b.report(i, NOT_IN_ENTRY)
            continue
        d = b.open(i)
        off = b.take(i)
        a, e = cells[columns["title"]]
        _set_title(d, line, off, a, e)
        for kind in ("authors", "affiliations"):
            if kind in columns and columns[kind] < len(cells):
                a, e = cells[columns[kind]]
                if e > a and line[a:e].strip().lower() not in ("null", "none", "-", "n/a"):
                    d.set(kind, off + a, off + e)
        b.close()
    return b.result()


# --- layout: translated abstract dump --------------------------------------------------


def _abstract_like(line: str) -> bool:
    s = line.strip()
    if cjk_share(s) > 0.5:
        return len(s) >= 60 and s.count("。") + s.count("，") + s.count(",") + s.count("；") >= 2
    return len(s) >= 160 and len(SENTENCE_END_RE.findall(s)) >= 2 and latin_share(s) > 0.8


def _title_line(line: str) -> bool:
    """A line that can be a title: short, one sentence at most, not a label or a link."""
    s = line.strip()
    if not 8 <= len(s) <= 250 or find_urls(s) or re.search(r"[:：]$", s):
        return False
    if cjk_share(s) > 0.5:
        return len(s) <= 80 and not SENTENCE_END_RE.search(s[:-1])
    return len(s.split()) >= 2 and s[0].isupper() and not SENTENCE_END_RE.search(s.rstrip(".")) and not _abstract_like(s)


def parse_abstracts(lines: Sequence[str], file: str) -> tuple[list[Entry], list[Unassigned], int]:
    """Abstracts each closed by ``translated by 谷歌翻译``; without any marker, blank-line
    separated paragraphs that read like abstracts, or one abstract per line."""
    b = _Builder(lines, file, "abstract", kind="abstract")
    has_marker = any(TRANSLATED_RE.match(x) or TRANSLATED_TAIL_RE.search(x) for x in lines)

    def body(i: int) -> None:
        if b.cur is None:
            b.open(i)
        d = b.cur
        off = b.take(i)
        line = lines[i]
        tail = TRANSLATED_TAIL_RE.search(line)
        end = tail.start() if tail else None
        nxt = _next_nonblank(lines, i, 1)
        if len(d.lines) == 1 and nxt and _title_line(line) and _abstract_like(lines[nxt[0]]):
            # A short first line over the abstract is the paper's title.
            a, e = _strip_span(line, off, 0, end)
            label = re.match(r"(?:title|标题|题目)\s*[:：]\s*", line[a - off :], re.I)
            a += label.end() if label else 0
            d.set("title_zh" if cjk_share(line) > 0.5 else "title", a, e)
        else:
            a, e = _strip_span(line, off, 0, end)
            label = re.match(r"(?:abstract|摘要)\s*[:：]\s*", line[a - off :], re.I)
            d.body.append(Span(a + (label.end() if label else 0), e))
        if tail:
            b.close()

    if has_marker:
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            if TRANSLATED_RE.match(line):
                if b.cur is None:
                    b.report(i, "translation marker with no abstract")
                else:
                    b.covered += 1
                    b.unassigned.append(Unassigned(file, i + 1, line.strip(), "translation marker"))
                    b.close()
                continue
            reason = is_boilerplate(line, between_entries=b.cur is None)
            if reason:
                b.report(i, reason)
                continue
            # The marker vouches for everything since the previous one.
            body(i)
        return b.result()

    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        block = list(range(i, j))
        kept = []
        for k in block:
            reason = is_boilerplate(lines[k], between_entries=True)
            if reason:
                b.report(k, reason)
            else:
                kept.append(k)
        # Runs of consecutive kept lines form the candidate paragraphs.
        runs: list[list[int]] = []
        for k in kept:
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
        for run in runs:
            if len(run) > 1 and sum(_abstract_like(lines[k]) for k in run) >= 2:
                # One abstract per line: each long line stands alone; short lines go with
                # the abstract before them (a trailing "Code: …" line).
                for k in run:
                    if _abstract_like(lines[k]):
                        b.close()
                        body(k)
                    elif b.cur is not None:
                        body(k)
                    else:
                        b.report(k, NOT_IN_ENTRY)
                b.close()
            elif _abstract_like(" ".join(lines[k].strip() for k in run)):
                b.close()
                for k in run:
                    body(k)
                b.close()
            else:
                for k in run:
                    b.report(k, NOT_IN_ENTRY)
        i = j
    return b.result()


# --- driver -----------------------------------------------------------------------------

Parser = Callable[[Sequence[str], str], tuple[list[Entry], list[Unassigned], int]]

#: Layout parsers, tried in order; the first of equally good results wins.
LAYOUTS: list[tuple[str, Parser]] = [
    ("structured", parse_structured),
    ("post", parse_posts),
    ("fields", parse_fields),
    ("paperscool", parse_paperscool),
    ("table", parse_table),
    ("links", parse_links),
    ("abstract", parse_abstracts),
]


def _best_layout(
    lines: Sequence[str], path: str, layouts: Sequence[tuple[str, Parser]]
) -> tuple[str, list[Entry], list[Unassigned]]:
    best: tuple[int, int, str, list[Entry], list[Unassigned]] | None = None
    for name, parser in layouts:
        entries, unassigned, covered = parser(lines, path)
        # Coverage counts lines placed in entries plus recognised boilerplate; an
        # explanation with no entry at all only wins if nothing else finds any.
        unexplained = sum(1 for u in unassigned if u.reason == NOT_IN_ENTRY)
        score = (1 if entries else 0, covered - unexplained)
        if best is None or score > best[:2]:
            best = (*score, name, entries, unassigned)
    assert best is not None
    return best[2], best[3], best[4]


def _fill_gaps(
    lines: Sequence[str], path: str, entries: list[Entry], unassigned: list[Unassigned]
) -> tuple[list[Entry], list[Unassigned]]:
    """Re-parse the stretches between entries that the chosen layout could not explain
    with every layout: a page may hold a table and then a field list. The abstract
    layout is only tried on a stretch with a translation marker, because an introduction
    paragraph reads like an abstract and must not become a paper."""
    inside = {k for e in entries for k in range(e.line, e.end_line + 1)}
    unexplained = sorted(u.line for u in unassigned if u.reason == NOT_IN_ENTRY)
    if not unexplained:
        return entries, unassigned
    gaps: list[tuple[int, int]] = []
    start = None
    for k in range(1, len(lines) + 2):
        if k <= len(lines) and k not in inside:
            start = k if start is None else start
        elif start is not None:
            gaps.append((start, k - 1))
            start = None
    for a, b in gaps:
        missing = [k for k in unexplained if a <= k <= b]
        if not missing:
            continue
        # Parse the stretch alone, then shift its line numbers back into the file.
        sub = lines[a - 1 : b]
        layouts = [(n, p) for n, p in LAYOUTS if n != "abstract" or any(TRANSLATED_RE.match(x) for x in sub)]
        _, sub_entries, sub_unassigned = _best_layout(sub, path, layouts)
        sub_entries = [replace(e, line=e.line + a - 1, end_line=e.end_line + a - 1) for e in sub_entries]
        sub_unassigned = [replace(u, line=u.line + a - 1) for u in sub_unassigned]
        sub_missing = [u for u in sub_unassigned if u.reason == NOT_IN_ENTRY]
        if sub_entries and len(sub_missing) < len(missing):
            unassigned = [u for u in unassigned if not a <= u.line <= b] + sub_unassigned
            entries = entries + sub_entries
    return sorted(entries, key=lambda e: e.line), sorted(unassigned, key=lambda u: u.line)


def parse(doc: Document) -> ParseResult:
    """Split ``doc`` into entries with the layout parser that explains most lines (and
    the stretches it leaves unexplained with whichever explains them)."""
    lines = doc.text.split("\n")
    name, entries, unassigned = _best_layout(lines, doc.path, LAYOUTS)
    if entries:
        entries, unassigned = _fill_gaps(lines, doc.path, entries, unassigned)
    if not entries:
        # No layout fits: report every line on its own, with only the layout-free noise
        # patterns (a layout's own rules, like "short line = poster name", need the layout).
        name = "unknown"
        unassigned = [
            Unassigned(doc.path, i + 1, x.strip(), is_boilerplate(x, between_entries=True) or NOT_IN_ENTRY)
            for i, x in enumerate(lines)
            if x.strip()
        ]
    missing = [u.line for u in unassigned if u.reason == NOT_IN_ENTRY]
    if missing:
        log.warning(
            "%s: %d line(s) in no entry (layout %s; first at line %s)",
            doc.path, len(missing), name, ", ".join(map(str, missing[:5])),
        )
    return ParseResult(tuple(entries), tuple(unassigned), name)
