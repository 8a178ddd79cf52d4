"""Acronym definitions: ``Title Case Long Form (ACR)``, ``ACR (Title Case Long Form)`` and
coordinated pairs ``the A-Aware and B-Aware Proxy modules (AAP and BAP)``.

A definition makes the acronym a name, and its long form another mention of it — unless
the long form is a lower-case concept or a task ("post-training quantization (PTQ)",
"Key Performance Indicators (KPIs)"): then the acronym is jargon, and a veto keeps it
from being a name anywhere in the entry.
"""
from __future__ import annotations

import re

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import COMMAS, Context
from kg.extract.names import CAMEL, CJK_RE, DIGIT_ACRONYM, NUMBER_UNIT, distinctive, generic, initials_match, label_hint, squash
from kg.extract.nlp import WORD, gazetteer
from kg.extract.rules.cues import named_at
from kg.extract.vocab import phrases, union, words

NAME = "acronym"
_INNER_PAIR = re.compile(r"[A-Za-z][A-Za-z\-\s]+[,，]\s*[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]")
_STOP = frozenset((",", ".", ";", ":", "，", "。", "；", "：", "(", ")"))
_ACRONYM_PAIR = re.compile(r"([A-Z][A-Za-z0-9]*[A-Z0-9])\s*(?:and|,|&|/)\s*([A-Z][A-Za-z0-9]*[A-Z0-9])")
#: An acronym: capitals (and digits), at least two letters ("GODNF", "M3AE").
ACRONYM_SHAPE = re.compile(r"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*")
#: Capitals glued by a hyphen or with a digit ("CT-GAN", "3DGS", "ML-FT"): shaped as a
#: coined name, where plain capitals ("PTQ") are as often a concept's initials.
_CAPS_SHAPED = re.compile(r"(?=.*[-\d])[0-9A-Z][0-9A-Z\-]*[0-9A-Z]s?")
_VERSION_WORD = re.compile(r"v\d+(?:\.\d+)*")
_OPENERS = frozenset(("(", "（"))
#: Small words a Title Case long form keeps in lower case ("Imitation Learning from
#: Demonstration", "Learning via Self-Play"): articles, conjunctions and prepositions.
_LOWER_OK = frozenset(("of", "for", "and", "the", "in", "on", "to", "with", "a", "an", "from", "by", "via", "through",
                       "into", "over", "under", "at", "as", "without", "within", "across", "towards", "toward"))


def find(ctx: Context, prior=()) -> list[Candidate]:
    out: list[Candidate] = []
    zh_vetoes: set[tuple[int, int]] = set()  # vetoes a Chinese long form gave (case tells nothing there)
    w = ctx.words
    ends = ctx.compound_start
    for t in ctx.where(_OPENERS, region=True):  # the brackets, from the entry's word index
        close = next((k for k in range(t + 1, min(t + 14, len(w))) if w[k] in (")", "）")), None)
        if close is None:
            continue
        inner_text = ctx.stext(t + 1, close).strip()
        # Case 1: "... Long Form (ACR)"
        # "4D Gaussian Splatting (4DGS)": a dimension may open the acronym.
        if (re.fullmatch(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Z]", inner_text) or DIGIT_ACRONYM.fullmatch(inner_text)) \
                and any(c.isupper() for c in inner_text[1:] + inner_text[:1]):
            acr = inner_text
            if NUMBER_UNIT.match(acr) or not re.search(r"[A-Z].*[A-Z]|\d", acr):
                continue
            long_words, k = [], t - 1
            # 名为“Chain of Density” (CoD): the long form may be quoted.
            close_quote = k >= 1 and w[k] in ("”", '"', "’", "」")
            if close_quote:
                k -= 1
            while k >= 0 and len(long_words) < 12:
                if close_quote and w[k] in ("“", '"', "‘", "「"):
                    break
                x = w[k]
                if x in _STOP or "\n" in x:
                    break
                if CJK_RE.search(x):
                    # "作者提出 Similarity-based Policy Optimization (SPO)": Latin words
                    # before the bracket are the long form; only a bracket right after
                    # Chinese ("多智能体系统(MAS)") has a Chinese long form.
                    if not long_words:
                        long_words = ["<zh>" + ctx.joined(k - 5, k + 1)]
                    break
                long_words.insert(0, x)
                k -= 1
            found = _definition(ctx, acr, long_words, t + 1, close, _kind_after(ctx, close))
            if long_words and long_words[0].startswith("<zh>"):
                zh_vetoes.update((c.start, c.end) for c in found if c.label == GENERIC)
            out += found
        # Case 3: "中文(Long Form, ACR)": Chinese digests spell both out in one parenthesis.
        elif _INNER_PAIR.fullmatch(inner_text):
            comma = max(k for k in range(t + 1, close) if w[k] in (",", "，"))
            acr = ctx.stext(comma + 1, close).strip()
            long_words = [x for x in w[t + 1 : comma] if not x.isspace()]
            if re.search(r"[A-Z].*[A-Z]|\d", acr) and initials_match(acr, long_words):
                out += _definition(ctx, acr, long_words, comma + 1, close, _kind_after(ctx, close), inner=True)
        # Case 4: "the Attribute-Aware and Identity-Aware Proxy modules (AAP and IAP)":
        # coordinated long forms share their head; each acronym is a name.
        elif (pair := _ACRONYM_PAIR.fullmatch(inner_text)) is not None:
            base = ctx.text.index(inner_text, ctx.idx[t])
            out += _pair(ctx, t, [(pair.group(g), base + pair.start(g)) for g in (1, 2)])
        # Case 2: "ACR (Long Form)", the acronym a whole glued word ("ms-ESM (multi-scale ESM)")
        elif t > 0 and close - t - 1 >= 2 and re.fullmatch(r"[A-Za-z][\w\s\-']+", inner_text):
            s0 = ends.get(t, t - 1)
            acr = ctx.stext(s0, t)
            if distinctive(acr) and initials_match(acr, inner_text.split()) and not generic(acr):
                a, b = ctx.span(s0, t)
                out.append(Candidate(a, b, acr, NAME, label_hint(acr), aliases=(inner_text,), yields=NEVER))
                # "ms-ESM (multi-scale ESM)", "mBERT (multilingual BERT)": the gloss is a
                # mention of the acronym's name, and a known name inside it is part of it.
                ga, gb = ctx.span(t + 1, close)
                out.append(Candidate(ga, gb, acr, NAME, label_hint(acr), aliases=(inner_text,), yields=NEVER,
                                     covers=True))
        # "ms-ESM（多尺度ESM）": a Chinese gloss ending in the compound's own last part
        # glosses the compound; the known name in it is part of that gloss.
        elif t > 0 and CJK_RE.search(inner_text) and (s0 := ends.get(t, t - 1)) < t - 1:
            acr = ctx.stext(s0, t)
            last = re.split(r"[-_]", acr)[-1]
            if distinctive(acr) and len(last) >= 2 and inner_text.endswith(last) and not generic(acr):
                ga, gb = ctx.span(t + 1, close)
                out.append(Candidate(ga, gb, acr, NAME, label_hint(acr), aliases=(inner_text,), yields=NEVER,
                                     covers=True))
    # "本文提出测试时强化学习（TTRL）方法…" then "测试时强化学习（TTRL）的优势…": where the
    # entry proposes the defined name once, its other definitions veto nothing.
    proposed = {squash(c.name) for c in out if c.proposed and c.label != GENERIC}
    out = [c for c in out if not (c.label == GENERIC and squash(c.name) in proposed)]
    # "Slot-Based Object-Centric Representations (SBOCR)" and, in the entry's Chinese
    # translation, "基于槽的以对象为中心的表示（SBOCR）": a Chinese long form vetoes an
    # acronym only for want of case to read; where a Latin definition in the same entry
    # makes the acronym a name, that reading stands.
    named = {squash(c.name) for c in out if c.label != GENERIC} | {squash(a) for c in out if c.label != GENERIC
                                                                  for a in c.aliases}
    out = [c for c in out if not ((c.start, c.end) in zh_vetoes and squash(c.name) in named)]
    return _coordinated(ctx, out) + _appositive(ctx)


#: "动态令牌合并（DToMe）和虚拟令牌取消合并（VTU）": two definitions joined by a
#: conjunction, the second long form between them (the acronym in group 1).
_JOIN = r"\s*(?:和|与|及|以及|、)[^，。；,;:：()（）\n]{1,24}[（(]\s*"
_SIBLING_BEFORE = re.compile(r"[（(]\s*([A-Za-z][\w\-]*)\s*[)）]" + _JOIN + "$")
_SIBLING_AFTER = re.compile(r"^[)）]" + _JOIN + r"([A-Za-z][\w\-]*)\s*[)）]")


def _name_shaped(acr: str) -> bool:
    return bool(("-" in acr or re.search(r"\d", acr) or CAMEL.search(acr)) and not generic(acr) or gazetteer().known(acr))


def _coordinated(ctx: Context, out: list[Candidate]) -> list[Candidate]:
    """Definitions coordinated with a name's definition are names too: "动态令牌合并
    （DToMe）和虚拟令牌取消合并（VTU）两个组件" — VTU has no name's shape, but it is the
    sibling of one, so its veto is lifted."""
    lifted = []
    for c in out:
        if c.label == GENERIC and not generic(c.name):
            before = _SIBLING_BEFORE.search(ctx.text[max(0, c.start - 60) : c.start])
            after = _SIBLING_AFTER.match(ctx.text[c.end : c.end + 60])
            if any(m is not None and _name_shaped(m.group(1)) for m in (before, after)):
                c = Candidate(c.start, c.end, c.name, NAME, label_hint(c.name), yields=NEVER)
        lifted.append(c)
    return lifted


def _appositive(ctx: Context) -> list[Candidate]:
    """``GODNF, a Generalized Opinion Dynamics Neural Framework, …``: an acronym followed
    by an indefinite apposition in capitalised words that spell it is defined by it, as
    by a parenthesis — the long form is another mention of the acronym's name."""
    w, n = ctx.words, len(ctx.words)
    out: list[Candidate] = []
    # Only compounds that end at a comma are tried (Context.where finds the commas).
    for j in ctx.where(COMMAS):
        i = ctx.compound_start.get(j)
        if i is None or j + 3 >= n or ctx.lower[j + 1] not in ("a", "an") or not ctx.in_region[i]:
            continue
        acr = ctx.stext(i, j)
        if not ACRONYM_SHAPE.fullmatch(acr) or generic(acr):
            continue
        # The capitalised words of the apposition, hyphen-glued parts included.
        k, e, lf = j + 2, j + 2, []
        while e < n and len(lf) < 10 and ctx.kinds[e] == WORD and (w[e][:1].isupper() or w[e] in _LOWER_OK):
            part = w[e]
            e += 1
            while e + 1 < n and w[e] == "-" and not ctx.ws[e - 1] and not ctx.ws[e] and ctx.kinds[e + 1] == WORD:
                part += "-" + w[e + 1]
                e += 2
            lf.append(part)
            if e >= n or not ctx.ws[e - 1]:
                break
        while lf and lf[-1].lower() in _LOWER_OK:  # "…Framework for" ends at the name
            lf.pop()
            e -= 1
        # "QXM, a Quick Xtra Model-based method": a description built on a name, no long form.
        if lf and lf[-1].rsplit("-", 1)[-1].lower() in union("suffix_words", "model_suffixes"):
            continue
        if len(lf) < 2 or lf[0][:1].lower() != acr[:1].lower() or not initials_match(acr, lf):
            continue
        end = ctx.end(e - 1)
        gaz = gazetteer()
        known = gaz.known(acr)
        name, label = (known[1], known[0]) if known else (acr, label_hint(" ".join(lf)))
        long_form = ctx.text[ctx.idx[k]:end]
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, name, NAME, label, known=bool(known), aliases=(long_form,), yields=NEVER))
        out.append(Candidate(ctx.idx[k], end, name, NAME, label, known=bool(known), aliases=(long_form, acr), yields=NEVER,
                             covers=True))
    return out


def _proposed_zh(ctx: Context, t: int) -> bool:
    """A Chinese contribution verb (提出, 设计, …) is in the clause (up to 16 tokens back,
    to a punctuation mark or a line break) that ends at the parenthesis at token ``t``:
    the phrase before the parenthesis is what the paper proposes."""
    k = t - 1
    while k >= 0 and t - k <= 16 and ctx.words[k] not in _STOP and ctx.words[k] != "、" and "\n" not in ctx.words[k]:
        k -= 1
    clause = ctx.joined(k + 1, t)
    return any(v in clause for v in phrases("cue_verbs_zh"))


def _owned(ctx: Context, i: int) -> bool:
    """A word that makes the phrase at token ``i`` the paper's own ("our …", "the
    proposed …", "a novel …") comes right before it."""
    # "we" owns a clause, not a noun phrase ("we introduce MemGPT (Memory-GPT)").
    own = words("own_words") - {"we"}
    if ctx.lower[i] in words("cue_verbs"):
        return False
    k = i - 1
    while k >= 0 and ctx.words[k].isspace():
        k -= 1
    return k >= 0 and ctx.lower[k] in own


def _introduced(ctx: Context, i: int) -> bool:
    """A first-person contribution verb ("we propose", "this paper introduces") ends
    right before token ``i``, save articles and own words ("a novel", "our new")."""
    k = i
    while k > 0 and (ctx.lower[k - 1] in ("a", "an", "the") or ctx.lower[k - 1] in words("own_words")):
        k -= 1
    return any(kind == "WE_VERB" and e == k for kind, s, e in ctx.cues)


def _pair(ctx: Context, t: int, acrs: list[tuple[str, int]]) -> list[Candidate]:
    """Candidates for two acronyms (with their offsets) in the parenthesis opened at
    token ``t``, each spelt by the capitalised words of the clause before it; none when
    either is not."""
    caps, k = [], t - 1
    while k >= 0 and t - k <= 16 and ctx.words[k] not in _STOP and "\n" not in ctx.words[k]:
        if ctx.kinds[k] == WORD and ctx.words[k][:1].isupper():
            caps.insert(0, ctx.words[k])
        k -= 1
    if len({x for x, _ in acrs}) < 2 or any(generic(x) or not initials_match(x, caps) for x, _ in acrs):
        return []
    gaz, out = gazetteer(), []
    for acr, a in acrs:
        known = gaz.known(acr)
        name, label = (known[1], known[0]) if known else (acr, label_hint(acr))
        out.append(Candidate(a, a + len(acr), name, NAME, label, known=bool(known), yields=NEVER))
    return out


def _veto(ctx: Context, acr: str, ai: int, aj: int) -> Candidate:
    """The acronym is no name anywhere in the entry, in singular or plural."""
    k = squash(acr)
    plural = k[:-1] if k.endswith("s") else k + "s"
    a, b = ctx.span(ai, aj)
    return Candidate(a, b, acr, NAME, GENERIC, aliases=(plural,), yields=NEVER)


def _titled(ctx: Context, long_form: str, acr: str) -> bool:
    """The title spells ``long_form`` out and never writes ``acr`` ("Universal Reasoning
    Model" over "… the Universal Reasoning Model (URM) …"): the paper's name for it is
    the long form, and the acronym is its short form. (Called for a Title Case long
    form only: "the proposed residual-based … diffusion model (RBDM)" describes what
    the acronym names.)"""
    if ctx.title is None:
        return False
    title = ctx.text[ctx.title.start : ctx.title.end]
    if re.search(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", title):
        return False
    return re.search(rf"(?<![\w-]){re.escape(long_form)}(?![\w-])", title, re.I) is not None


def _sentence_named(ctx: Context, lf: list[str], lf_start: int, acr: str, aj: int) -> bool:
    """The long form ``lf`` opens its sentence in sentence case ("Stochastic configuration
    networks"), ends in a method head, and the entry writes ``acr`` again, bare, after the
    definition (closing at token ``aj``)."""
    t0 = ctx.tok_at.get(lf_start)
    if t0 is None or len(lf) < 2 or not lf[0][:1].isupper() or any(x[:1].isupper() for x in lf[1:]):
        return False
    if lf[-1].lower().split("-")[-1] not in union("method_heads", "system_heads"):
        return False
    k = t0 - 1
    while k >= 0 and ctx.words[k].isspace():
        k -= 1
    if k >= 0 and ctx.sent[k] == ctx.sent[t0] and "\n" not in ctx.words[k]:
        return False
    after = ctx.text[ctx.end(aj):]
    return re.search(rf"(?<![\w-]){re.escape(acr)}s?(?![\w-])", after) is not None


def _kind_after(ctx: Context, close: int) -> str | None:
    """The kind noun right after the closing parenthesis ("… Learning (PNAL) framework"),
    lower-cased, or None."""
    k = close + 1
    if k < len(ctx.words) and ctx.ws[close] and ctx.lower[k] in words("apposition_kinds"):
        return ctx.lower[k]
    return None


def _definition(ctx: Context, acr: str, long_words: list[str], ai: int, aj: int, kind: str | None = None,
                inner: bool = False) -> list[Candidate]:
    """Candidates for ``acr`` (tokens ``ai:aj``) defined by ``long_words``; ``inner``
    when the long form is inside the parenthesis too (then only the acronym is a
    mention: the long form is a gloss of the text before it)."""
    gaz = gazetteer()
    a, b = ctx.span(ai, aj)
    if long_words and long_words[0].startswith("<zh>"):
        zh_tail = long_words[0][4:]
        # "语言Agent树搜索(LATS)框架": a kind noun right after the acronym names it too —
        # save 方法/算法/机制, which follow paradigms as often ("对比学习(CL)方法",
        # "主动学习(AL)算法").
        after_kinds = tuple(k for k in phrases("longform_kinds_zh") if k not in ("方法", "算法", "机制"))
        zh_kind_after = ctx.joined(aj + 1, aj + 4).startswith(after_kinds)
        if (zh_tail.endswith(phrases("longform_kinds_zh")) or zh_kind_after) and not generic(acr):
            label = "DATASET" if zh_tail.endswith(phrases("dataset_words_zh")) else label_hint(acr)
            return [Candidate(a, b, acr, NAME, label, known=bool(gaz.known(acr)), yields=NEVER)]
        # "本文提出测试时强化学习（TTRL）方法": the clause proposes the long form — the
        # paper's own contribution, named by the acronym, whatever its shape.
        if _proposed_zh(ctx, ai - 1) and not generic(acr):
            return [Candidate(a, b, acr, NAME, label_hint(acr), known=bool(gaz.known(acr)), proposed=True, yields=NEVER)]
        # Chinese long form: case cannot tell a name from a concept, so only a
        # name-shaped acronym (hyphen, digit, CamelCase) counts as a name.
        if not (("-" in acr or re.search(r"\d", acr) or CAMEL.search(acr)) and not generic(acr)) and not gaz.known(acr):
            return [_veto(ctx, acr, ai, aj)]
        return []
    # Glue hyphenated words back together: "Language", "-", "Image" -> "Language-Image".
    content: list[str] = []
    glue = False
    for x in long_words:
        if x in ("-", "_"):
            if content:
                content[-1] += x
            glue = True
        elif glue and content:
            content[-1] += x
            glue = False
        else:
            content.append(x)
    # Trim the long form to the words whose initials spell the acronym.
    best = None
    for s in range(len(content)):
        if initials_match(acr, content[s:]):
            best = s
    if best is None:
        return []
    lf = content[best:]
    # "Nucleotide Transformer v3 (NTv3)": a version number is no lower-case word.
    title_case = all(x[:1].isupper() or any(c.isupper() for c in x) or x.lower() in _LOWER_OK or not x[:1].isalpha()
                     or _VERSION_WORD.fullmatch(x) for x in lf)
    head = lf[-1].lower() if lf else ""
    known = gaz.known(acr) or gaz.known(" ".join(lf))
    # "Point Noise-Adaptive Learning (PNAL) framework": a kind noun after the acronym
    # says it names a framework, whatever the long form's head.
    named_kind = kind is not None and title_case
    # "an approach called Interval Score Matching (ISM)": a naming cue says the long
    # form is a name, whatever its head ("matching" heads tasks too).
    lf_start = ctx.text.rfind(lf[0], 0, a)
    if title_case and lf_start >= 0 and lf_start in ctx.tok_at and named_at(ctx, ctx.tok_at[lf_start]):
        named_kind = True
    task_head = head.split("-")[-1] in union("task_heads", "non_name_heads") \
        and " ".join(lf[-2:]).lower() not in words("method_head_phrases")
    # "Adaptive Branching Monte Carlo Tree Search (AB-MCTS)": capitalised words before a
    # known method's name make a method of their own (as in titles), whatever its head.
    if task_head and title_case and not inner and ai >= 2 and lf_start >= 0:
        lf_end = ctx.end(ai - 2)
        task_head = not any(m.label == "MODEL" and m.b == lf_end and m.a > lf_start for m in ctx.matches)
    # "The proposed residual-based efficient bidirectional diffusion model (RBDM)": a
    # lower-case long form the paper calls its own is its contribution, named by the acronym.
    if not title_case and not task_head and lf_start in ctx.tok_at and _owned(ctx, ctx.tok_at[lf_start]):
        named_kind = True
    # "we introduce emulated fine-tuning (EFT), a … method": a lower-case long form a
    # contribution verb introduces is the paper's method, named by the acronym.
    if not title_case and lf_start in ctx.tok_at and _introduced(ctx, ctx.tok_at[lf_start]):
        named_kind = True
    # "Stochastic configuration networks (SCNs) as a class of … the original SCNs …": a
    # sentence's opening long form has only its first word capitalised whatever it is; ending
    # in a method head, and its acronym used again bare, it is the text's name for a method.
    sentence_named = not title_case and not task_head and _sentence_named(ctx, lf, lf_start, acr, aj)
    named_kind = named_kind or sentence_named
    if (not title_case or task_head) and not known and not named_kind:
        # (A task or a meeting spelt out ("the fifth workshop on statistical machine
        # translation (WMT10)") is what capitals with a digit abbreviate as often.)
        shaped = _CAPS_SHAPED.fullmatch(acr) and not task_head and not any(
            x.lower() in words("meeting_heads") for x in lf)
        if (CAMEL.search(acr) or shaped) and not generic(acr):
            # "a universal simulator (UniSim)", "conditional-tabular GAN (CT-GAN)": a coined
            # name shaped like one (mixed case, a hyphen, a digit) stays a name whatever its
            # gloss, as after a Chinese long form; only its gloss is no mention of it.
            return [Candidate(a, b, acr, NAME, label_hint(acr), yields=NEVER)]
        return [_veto(ctx, acr, ai, aj)]
    if generic(acr):
        return []
    long_form = " ".join(lf)
    # "Tensor Network (TN) models": the acronym of a generic kind is a kind too, and of a
    # paradigm ("Knowledge Distillation (KD)", "Bayesian Optimization (BO)") a paradigm.
    if not known and (generic(long_form) or long_form.lower() in words("paradigms")):
        return [_veto(ctx, acr, ai, aj)]
    if known:
        name, label = known[1], known[0]
    else:
        name, label = acr, label_hint(long_form)
        if kind in words("dataset_words"):
            label = "DATASET"
        if (title_case or sentence_named) and _titled(ctx, long_form, acr):
            name = long_form
    out = [Candidate(a, b, name, NAME, label, known=bool(known), aliases=(long_form, acr), yields=NEVER)]
    # The long form itself is a mention of the same entity.
    if lf_start >= 0 and ai >= 2 and not inner:
        lf_end = ctx.end(ai - 2)  # the word before "("
        out.append(Candidate(lf_start, lf_end, name, NAME, label, known=bool(known), aliases=(long_form, acr),
                             yields=NEVER, covers=True))
    return out
