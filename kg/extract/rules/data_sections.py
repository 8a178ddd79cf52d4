"""Names under an entry's data heading are data: ``📊 数据集`` / ``## 📚 Datasets`` /
``Datasets: A, B``.

LLM-written paper cards split a summary into labelled sections (🎯 论文内容, 🔧 技术方法,
📊 数据集, 📈 对比分析). The names the data section lists are the paper's datasets,
benchmarks and simulators' data ("GazeboSim的高保真模拟数据", "Manga109 的角色命名任务
M109NC", "iGEM、FPbase 等"), though most are new shapes no context word types. A name
only its shape found (no gazetteer, cue, or title) that such a section lists gets a DATASET candidate that forces its kind, unless the section says what else
it is: a sentence that lists known models ("覆盖 GPT、Llama、…、SmolLM 等模型族") or a
device noun right after it ("IMETA-Y1机器人", "DM-Tac W2触觉传感器":
``kg/data/rules/device_words.txt``), or an instrument word right before it ("通过 Opus-MT
进行回译": ``kg/data/rules/instrument_words.txt``).

A section starts after a heading line whose words, without heading marks, emoji and a
closing colon, are a data heading (``kg/data/rules/dataset_section_heads.txt``), and runs
to the next heading line; a field line (``数据集：A、B``) makes a section of the rest of
its line.
"""
from __future__ import annotations

import re
import unicodedata

from kg.extract.candidate import NEVER, Candidate
from kg.extract.context import Context
from kg.extract.names import family
from kg.extract.rules.guesses import guessed_models
from kg.extract.vocab import words

NAME = "data-section"
#: The longest line read as a heading (characters, marks included): "## 🏗️ 模型架构",
#: "📈 对比分析", "Datasets and Benchmarks" are short; a sentence is not.
HEADING_CHARS = 32
_FIELD = re.compile(r"\s*([^:：]{1,24})[:：]\s*(\S.*)?$")
_SENTENCE = re.compile(r"[，。,;；.!?！？]")


def _marked(line: str) -> bool:
    """The line opens with a heading mark or a symbol (an emoji) after its indent."""
    s = line.lstrip()
    return bool(s) and (s[0] == "#" or unicodedata.category(s[0]) in ("So", "Sk"))


def _words(line: str) -> str:
    """The line's words without heading marks, symbols, emphasis marks and a closing colon."""
    # Of ASCII only "^" and "`" are in those categories: most lines skip the per-character test.
    if line.isascii() and "^" not in line and "`" not in line:
        s = line
    else:
        s = "".join(ch for ch in line if unicodedata.category(ch) not in ("So", "Sk", "Mn", "Cf"))
    return s.strip().strip("#*_ ").rstrip(":：").strip().lower()


def sections(text: str, heads_list: str = "dataset_section_heads", prefix: bool = False) -> list[tuple[int, int]]:
    """Character ranges of ``text`` under a heading of ``kg/data/rules/<heads_list>.txt``
    (the data headings by default); with ``prefix``, a heading that starts with one of
    them counts ("局限与未解决问题" under 局限)."""
    heads = words(heads_list)

    def is_head(x: str) -> bool:
        return x in heads or prefix and any(x.startswith(h) for h in heads)

    out: list[tuple[int, int]] = []
    start = None
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        s = line.strip()
        said = _words(s) if s and len(s) <= HEADING_CHARS else None  # (once a line, not three times)
        heading = said is not None and not _SENTENCE.search(said)
        if heading and (_marked(line) or is_head(said)):
            if start is not None:
                out.append((start, pos))
                start = None
            if is_head(said):
                start = end + 1
        elif start is None and (m := _FIELD.match(line)) and m.group(2) and is_head(_words(m.group(1))):
            out.append((pos + m.start(2), end))
        pos = end + 1
    if start is not None and start < len(text):
        out.append((start, len(text)))
    return out


#: How many characters after a name a device noun may start ("DM-Tac W2触觉传感器": a model
#: code and a modifier between).
DEVICE_WINDOW = 8


def _device(text: str, b: int) -> bool:
    after = text[b:b + DEVICE_WINDOW + 8].lower()
    cut = _SENTENCE.search(after)
    after = after[:cut.start()] if cut else after
    return any(0 <= after.find(d) <= DEVICE_WINDOW for d in words("device_words"))


def _instrument(ctx: Context, a: int) -> bool:
    k = ctx.tok_at.get(a, 0) - 1
    while k >= 0 and ctx.words[k].isspace():
        k -= 1
    if k < 0:
        return False
    tools = words("instrument_words")
    # Chinese is one token a character: "通过" is read from the text before the name.
    return ctx.lower[k] in tools or any(ctx.text[:ctx.idx[k] + len(ctx.words[k])].endswith(t) for t in tools
                                        if not t.isascii())


def find(ctx: Context, prior=()) -> list[Candidate]:
    if not any(w in ctx.text.lower() for w in ("data", "数据", "資料", "數據", "データ", "benchmark")):
        return []
    spans = sections(ctx.text)
    if not spans:
        return []
    model_sents = {ctx.sent[k] for e in prior if e.known and e.label == "MODEL"
                   for a, _ in e.spans if (k := ctx.tok_at.get(a)) is not None}
    out = []
    for e in guessed_models(prior):
        inside = [(a, b) for a, b in e.spans if any(x <= a and b <= y for x, y in spans)]
        if inside and not any(_device(ctx.text, b) or _instrument(ctx, a)
                              or ctx.sent[ctx.tok_at.get(a, 0)] in model_sents for a, b in inside):
            a, b = inside[0]
            out.append(Candidate(a, b, e.name, NAME, "DATASET", aliases=(family(e.name),), yields=NEVER,
                                 force_label=True))
    return out
