"""Titles: splitting an English title from the Chinese translation written with it."""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from kg.parse.data import load_json, load_words
from kg.text import cjk_share, has_cjk, is_cjk

if TYPE_CHECKING:  # the document model imports this module
    from kg.parse.document import Line

__all__ = ["SENTENCE_END_RE", "closing_gloss", "heading_marks", "lead_venue_tag", "news_headline", "venue_tag_after", "post_title", "sibling_heading_title", "split_title", "title_spans", "title_label"]

SENTENCE_END_RE = re.compile(r"[。！？]|[.!?](?:\s|$)")


def _label_re(kind: str) -> re.Pattern[str]:
    words = sorted(load_json("title_labels.json")[kind], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in words) + r")\s*[:：]\s*(?=\S)", re.I)


#: A label in front of a paper's title ("Hugging Face Papers: "), and one in front of a
#: model or dataset page's name ("Hugging Face Models: "); kg/data/parse/title_labels.json.
PAPER_LABEL_RE = _label_re("paper")
RESOURCE_LABEL_RE = _label_re("resource")


def title_label(text: str) -> str | None:
    """``"paper"`` when ``text`` opens with a label of a paper's page, ``"resource"``
    when with one of a model, dataset or demo page, else ``None``.

    >>> title_label("Hugging Face Papers: LLaDA 2.1"), title_label("Hugging Face Models: org/x-8B")
    ('paper', 'resource')
    >>> title_label("GitHub Copilot: An Evaluation") is None or title_label("Attention Is All You Need")
    True
    """
    if PAPER_LABEL_RE.match(text):
        return "paper"
    if RESOURCE_LABEL_RE.match(text):
        return "resource"
    return None




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
    if not has_cjk(s):  # one search, not a call per character: most titles are English
        return s, None
    i = next(k for k, c in enumerate(s) if is_cjk(c))
    # English（中文）: a bracketed translation after the English title.
    m = re.fullmatch(r"(?P<en>[^（(]*[A-Za-z][^（(]*?)\s*[（(](?P<zh>[^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]\s*", s)
    if m and cjk_share(m.group("en")) == 0:
        return m.group("en").strip(), m.group("zh").strip()
    # 中文 English: Chinese first, then an English title of two or more words.
    first_alpha = next((c for c in s if c.isalpha()), "")
    if first_alpha and is_cjk(first_alpha):
        m = re.search(r"(?:(?<=\s)|(?<=[\u4e00-\u9fff）)｜|：:，]))(?P<en>[A-Z][A-Za-z0-9'’:\-,.&?! ]+)$", s)
        if m and len(m.group("en").split()) >= 2 and not any(is_cjk(c) for c in m.group("en")):
            zh = s[: m.start("en")].strip().rstrip("｜|：:，,").strip()
            # "综述一：Attention | Attention Mechanisms …": a Chinese label with a Latin word.
            if zh and (cjk_share(zh) > 0.5 or sum(1 for c in zh if is_cjk(c)) >= 2):
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
    # "Title，一种…": the comma that led into the Chinese gloss is neither's.
    return en.strip().rstrip("，、；;").rstrip(), zh.strip() or None



# A title's own address written after it, with what a post puts around it: a dash or
# colon before it, hashtags after it ("Title — https://arxiv.org/abs/… #LLM").
_TRAILING_URL_RE = re.compile(
    r"\s*(?:[—–\-:：|｜]\s*)?(?:[(（<\[]\s*https?://[^\s()（）<>\[\]]+\s*[)）>\]]|https?://\S+)(?:\s+#[^\s#]+)*\s*$"
)
_ET_AL_RE = re.compile(r"\s*[(（][^()（）]{2,80}?\bet\s*al\.?\s*[)）]\s*$")
# A quoted title with nothing after it but its year in brackets ("\"MapReduce: …\" (2004)"),
# as slides and reading lists cite papers: the title is what the quotes hold.
_QUOTED_YEAR_RE = re.compile(
    r"\s*[\"“](?P<t>[^\"“”]{4,400})[\"”]\s*(?:[(（]\s*(?:19|20)\d{2}[a-z]?\s*[)）])?\s*[.,]?\s*"
)
# A venue tag in brackets before a title, a venue's short name and its year ("[NIPS22]",
# "[ICLR 2024]", "【CVPR'23】", "(NeurIPS 2022)", "[arXiv24]"): where the paper appeared,
# not its name.
# A word may follow the year: "[CVPR 2024 Oral]", "[ACL'24 Findings]"; a space may follow
# the apostrophe ("(NDSS' 15)").
_VENUE_TAG_RE = re.compile(
    r"\s*[\[【(（]\s*[A-Za-z][A-Za-z&\-]{1,15}\s*(?:['’]\s?)?(?:(?:19|20)\d{2}|\d{2})(?:\s+[A-Za-z]{2,12}){0,2}\s*[\]】)）]\s*"
)


def venue_tag_after(text: str, pos: int) -> bool:
    """Whether a venue tag (``(NDSS' 15)``, ``[CVPR 2024]``; emphasis marks already
    removed from ``text``) follows ``pos`` and closes the text or its clause: where the
    paper named before it appeared, which only a paper has.

    >>> t = "Exploiting Dynamic Code Generation (NDSS' 15)"
    >>> venue_tag_after(t, 34), venue_tag_after("My Blog Post (2 min read)", 12)
    (True, False)
    """
    m = _VENUE_TAG_RE.match(text, pos)
    return m is not None and (m.end() == len(text) or text[m.end()] in ",;|-—–[")
def lead_venue_tag(text: str, a: int, b: int) -> int | None:
    """Where the title starts after a venue tag that opens ``text[a:b]`` (``[CVPR 2025]
    Title``, ``【ICLR'24】 Title``), or ``None``: a reader that skips the symbols before a
    heading's words must not eat the tag's opening bracket and leave ``CVPR 2025] Title``.

    >>> t = "[CVPR 2025] Neuro-3D: Towards 3D Decoding"; t[lead_venue_tag(t, 0, len(t)):]
    'Neuro-3D: Towards 3D Decoding'
    """
    m = _VENUE_TAG_RE.match(text, a, b)
    return m.end() if m is not None and text[m.end() : b].strip() else None


# What a post puts before a title: its date ("2026-03-02 ") and emoji or list symbols.
_LEAD_DATE_RE = re.compile(r"\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=\S)")


def _lead_symbols(text: str, a: int, b: int) -> int:
    """``a`` moved past the symbols (emoji, arrows, bullets) a post writes before a title."""
    while a < b and (unicodedata.category(text[a]) in ("So", "Sk") or text[a] in "\ufe0f\u200d•·▶►→") or a < b and text[a].isspace():
        a += 1
    return a


# A closing bracket after a title: a gloss the list adds ("(GPT-3)", "(ETH Domain)"), or the
# abbreviation of the title's own words ("Mixture of Experts (MoE)").
_CLOSING_GLOSS_RE = re.compile(r"\s*[(（](?P<g>[^()（）]{1,40})[)）]\s*$")


# A gloss closed by a year ("(Amazon 2003)", "(HKUST, 2015)") says who and when: no abbreviation.
_YEAR_END = re.compile(r"(?<!\d)(?:19|20)\d{2}$")


def _abbreviates(short: str, words: str) -> bool:
    """Whether the letters of ``short`` appear in order in ``words`` (``MoE`` in "Mixture
    of Experts", ``xAI`` in "Explainable AI"): an abbreviation of them, or short enough
    to be one, which the title keeps."""
    k = 0
    text = words.casefold()
    for c in (c.casefold() for c in short if c.isalpha()):
        k = text.find(c, k) + 1
        if k == 0:
            return False
    return True


def _without_gloss(text: str, a: int, b: int) -> int:
    """``b`` moved before a closing bracket that glosses the title rather than belongs to
    it: a name or a note the list adds (``Language Models are Few-Shot Learners (GPT-3)``),
    not the abbreviation of the title's own words (``Mixture of Experts (MoE)``), a
    translation (``Title（中文标题）``, split off later) or a number."""
    m = _CLOSING_GLOSS_RE.search(text, a, b)
    if m is None:
        return b
    gloss, head = m.group("g").strip(), text[a : m.start()]
    if (
        len(head.split()) < 3
        or any(is_cjk(c) for c in gloss)
        or not any(c.isalpha() for c in gloss)
        or _abbreviates(gloss, head) and gloss[:1] != "@" and not _YEAR_END.search(gloss)  # "(@Meta)", "(Amazon 2003)": who and when
        or any(c in head for c in "()（）")
    ):
        return b
    return len(head.rstrip()) + a


def closing_gloss(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``(start, end)`` of what the brackets hold when ``text[a:b]`` is nothing but a
    bracketed gloss (what :func:`title_spans` leaves after a title: ``" (GPT-3)"``)."""
    m = _CLOSING_GLOSS_RE.fullmatch(text, a, b)
    return _trimmed(text, m.start("g"), m.end("g")) if m else None


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def title_spans(text: str, a: int, b: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """``(english, chinese)`` ranges of the title written in ``text[a:b]`` (either may be
    ``None``)."""
    if q := _QUOTED_YEAR_RE.fullmatch(text, a, b):
        a, b = q.start("t"), q.end("t")
    # A colon closing the title introduces what the list says under it ("Random Network
    # Distillation (RND):" over its paper and code links): no title ends with one.
    while b > a + 1 and text[b - 1] in ":：" and text[a : b - 1].strip():
        b -= 1
        while b > a and text[b - 1].isspace():
            b -= 1
    # A full stop after the last word ends the sentence the list wrote the title as
    # ("**DeepDeform: Learning … Data.**"); it is not part of the title.
    while b > a and text[b - 1] == "." and text[b - 2 : b - 1].isalnum() and not text[a:b].endswith(("et al.", "etc.", "vs.")):
        b -= 1
    # A bare address after the title ("### Title (https://arxiv.org/abs/…)", "Title
    # https://…") is the paper's link written out, not part of its title.
    tail = _TRAILING_URL_RE.search(text, a, b)
    if tail and tail.start() > a and text[a : tail.start()].strip():
        b = tail.start()
        while b > a and text[b - 1].isspace():
            b -= 1
    # "Title (Carla Diaz et al.)": a bracketed "et al." names the authors, never the paper.
    if (etal := _ET_AL_RE.search(text, a, b)) and text[a : etal.start()].strip():
        b = etal.start()
    b = _without_gloss(text, a, b)
    if (d := _LEAD_DATE_RE.match(text, a, b)) and _lead_symbols(text, d.end(), b) > d.end():
        a = d.end()  # "2026-03-02 📄 Title": the post's date, then its emoji
    a = _lead_symbols(text, a, b)
    if (tag := _VENUE_TAG_RE.match(text, a, b)) and text[tag.end() : b].strip():
        a = _lead_symbols(text, tag.end(), b)  # "[NIPS22] ✅ Title": where it appeared, a reader's mark
    label = PAPER_LABEL_RE.match(text, a, b)
    if label:
        a = label.end()  # "Hugging Face Papers: LLaDA 2.1": the label is not the title
    en, zh = split_title(text[a:b])
    out: list[tuple[int, int] | None] = []
    for part in (en, zh):
        if part:
            k = text.index(part, a)
            out.append((k, k + len(part)))
        else:
            out.append(None)
    return out[0], out[1]


#: Latin words a collected post's opening title has at least (a paper's title, not a
#: name or a tag before the post's Chinese text: "AMiner——新一代…").
POST_TITLE_WORDS = 4
#: Chinese characters of the post after its title, when no link placeholder ends the title:
#: a sentence of the post rather than a translation of the title.
POST_TEXT_CHARS = 20
_LATIN_HEAD = re.compile(r"^[A-Za-z]+")
_POST_TITLE_RE = re.compile(r"[A-Z0-9][^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*")


def post_title(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``(start, end)`` of the English title a collected social-media post opens with,
    before the site's link placeholder or the post's Chinese text (``Native Sparse
    Attention: Hardware-Aligned … Attention 网页链接该论文提出了…``); ``None`` when the
    post does not open with a title of :data:`POST_TITLE_WORDS` words or more, or has no
    Chinese text after it. The placeholders are data (kg/data/parse/link_placeholders.txt)."""
    a = _lead_symbols(text, a, b)
    m = _POST_TITLE_RE.match(text, a, b)
    if m is None or m.end() >= b:
        return None
    end = m.end()
    placeholder = False
    for w in load_words("link_placeholders.txt"):
        head = w[: len(w) - len(_LATIN_HEAD.sub("", w, count=1))]
        if text.startswith(w, end - len(head)):
            end -= len(head)  # "… Need. O网页链接": the link icon's "O" is the placeholder's
            placeholder = True
            break
    # Without the placeholder, the post's own text follows: a sentence, not a bracketed or
    # short translation of the title ("Native 3D Latent Editing（原生 3D 潜空间编辑）").
    if not placeholder and (text[end] in "（(【[《" or sum(is_cjk(c) for c in text[end:b]) < POST_TEXT_CHARS):
        return None
    run = text[a:end].rstrip()
    words = [w for w in run.split() if any(c.isalpha() for c in w)]
    if len(words) < POST_TITLE_WORDS or SENTENCE_END_RE.search(run.rstrip(" .")):
        return None
    if news_headline(run):
        return None  # "OpenAI Releases a New Model …": a news headline, not a paper's title
    return a, a + len(run)


def news_headline(text: str) -> bool:
    """Whether ``text`` holds a verb of a news headline (``Google Releases …``,
    kg/data/parse/news_verbs.txt): paper titles name methods and findings, not acts.

    >>> news_headline("Acme AI Releases SomaticNet: A Model for Variants"), news_headline("Semantic World Models")
    (True, False)
    """
    news = load_words("news_verbs.txt")
    return any(w.strip(",:;.!?").casefold() in news for w in text.split() if any(c.isalpha() for c in w))


def heading_marks(raw: str) -> str:
    """The ``#`` marks that open a Markdown heading's raw line (``"###"``), else ``""``."""
    s = raw.lstrip()
    return s[: len(s) - len(s.lstrip("#"))]


def sibling_heading_title(line: Line, tr: tuple[int, int], paper_marks: str) -> tuple[int, int] | None:
    """The title of a heading set like the paper headings before it (``paper_marks``, their
    ``###``) though nothing under it says it is a paper: the same level, no link, its text
    one emphasised title of three words or more and nothing else but symbols
    (``### 🔹 *The Illusion of Thinking*``); ``(start, end)`` in ``line.text``."""
    if not paper_marks or heading_marks(line.raw) != paper_marks or line.links:
        return None
    t = line.text
    for a, e in line.emphasised:
        seg = t[a:e]
        a, e = a + len(seg) - len(seg.lstrip()), e - len(seg) + len(seg.rstrip())
        rest = t[tr[0] : a] + t[e : tr[1]]
        if tr[0] <= a < e <= tr[1] and not any(c.isalnum() for c in rest) and len(t[a:e].split()) >= 3:
            return a, e
    return None
