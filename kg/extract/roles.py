"""Roles: is an entity the paper's own contribution (``proposed``) or ``used``?

A name is proposed when a rule saw it introduced (naming cue, title head, apposition
to a proposed kind), when a contribution cue introduces one of its mentions ("we
propose X", "our X"), or when it is new (no gazetteer knows it), a model, in an entry
that states a contribution, and nothing marks its first mention as someone else's
(compared with, such as, outperforms …, or listed with names the paper uses).
Datasets need an explicit cue: papers use far more datasets than they make. A title
that is one name and nothing else ("### VoxHammer", "Fast R-CNN", "DeepSeek-R1") is that
cue: a heading names the paper by what it introduces, known or not, model or dataset.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from kg.extract.candidate import Entity
from kg.extract.context import Context
from kg.extract.kinds import known_model_version
from kg.extract.title_span import title_bounds
from kg.extract.vocab import phrase_search, phrases, union, words

__all__ = ["assign_roles", "defined_by_title", "introduced_by_cue", "labels_title", "names_title", "used_hint"]

_CLAUSE_BREAKS = frozenset(("(", ")", ",", "，", ";", "；", ":", "：", "（", "）"))


@functools.cache
def _indefinite_re() -> re.Pattern:
    en = "|".join(re.escape(w) for w in sorted(words("indefinite_words")))
    zh = "|".join(re.escape(w) for w in phrases("indefinite_words_zh"))
    return re.compile(rf"(?:^|[^a-z])(?:{en})$|{zh}")


def introduced_by_cue(ctx: Context, i: int, known: bool = False, j: int | None = None) -> bool:
    """Does a contribution cue introduce the mention at token ``i`` (ending at ``j``)?"""
    lower = ctx.lower
    if j is not None and _used_as_base(ctx, j):
        return False
    if known:
        # "we propose a new vision transformer" / "提出了一种新的视觉变压器": a known
        # name after an indefinite article describes the kind of contribution; the
        # contribution's own name comes elsewhere ("称为Swin变压器").
        before = ctx.joined(i - 4, i).lower().replace(" ", "")
        if _indefinite_re().search(before) or any(lower[k] in ("a", "an") for k in range(max(0, i - 3), i)):
            return False
    own, block = words("own_words"), words("block_words")
    prev = [lower[k] for k in range(max(0, i - 2), i)]
    if prev[-1:] and prev[-1] in own or prev[-2:-1] and prev[-2] in own and prev[-1] not in block:
        return True  # "our X", "the proposed X", "a novel X"
    block_zh = phrase_search("block_words_zh")
    for kind, s, e in ctx.cues:
        if ctx.sent[s] != ctx.sent[i] or e > i:
            continue
        limit = 3 if kind == "NAMED" else (16 if kind.startswith("ZH") else 12)
        if i - e > limit:
            continue
        zh = ctx.joined(e, i)
        if any(lower[k] in block for k in range(e, i)) or block_zh(zh):
            continue
        # A clause break between cue and name: the name belongs to another clause
        # ("we introduce X (X'), which combines GAT with …").
        # A "(" right before the name is its parenthetical: "介绍了超越模仿游戏基准(Big Bench)".
        stop = i - 1 if i > e and ctx.words[i - 1] in ("(", "（") else i
        if any(ctx.words[k] in _CLAUSE_BREAKS for k in range(e, stop)):
            continue
        return True
    return False


def _used_as_base(ctx: Context, j: int) -> bool:
    """A usage word right after the mention ending at token ``j`` ("X based …", "X-guided
    …"): the name is what the contribution builds on."""
    n, suffixes = len(ctx.words), union("model_suffixes", "suffix_words")
    if j < n and ctx.lower[j] in suffixes and ctx.ws[j - 1]:
        return True
    return j + 1 < n and ctx.words[j] == "-" and not ctx.ws[j - 1] and ctx.lower[j + 1] in suffixes


def used_hint(ctx: Context, i: int, j: int) -> bool:
    """Context that marks the mention at tokens ``i:j`` as someone else's work."""
    cues = words("used_cues")
    before = {ctx.lower[k] for k in range(max(0, i - 3), i)}
    after = {ctx.lower[k] for k in range(j, min(j + 2, len(ctx.words)))}
    zh_before = ctx.joined(i - 6, i)
    return bool(before & cues or after & words("used_after") or phrase_search("used_cues_zh")(zh_before) is not None)


def _list_neighbours(ctx: Context, ents: Sequence[Entity]) -> dict[int, list[Entity]]:
    """For each mention start offset, the entities next to it in a list ("A, B and C", "A、B和C")."""
    joiners = set(phrases("list_joiners"))
    spans = sorted(((a, b, e) for e in ents for a, b in e.spans), key=lambda x: (x[0], x[1]))
    out: dict[int, list[Entity]] = {}
    for (a1, b1, f1), (a2, b2, f2) in zip(spans, spans[1:]):
        if f1 is not f2 and ctx.text[b1:a2].strip() in joiners:
            out.setdefault(a1, []).append(f2)
            out.setdefault(a2, []).append(f1)
    return out


#: Prepositions after a name that opens a title and say what the name is for or from
#: ("X for Y", "X in Y", "X from Y"); not "as" ("AI Mathematician as a Partner in …":
#: the paper casts a system it uses).
_PURPOSE = frozenset(("for", "in", "from"))


def names_title(ctx: Context, e: Entity, others: Sequence[Entity] = ()) -> bool:
    """One of ``e``'s mentions is the whole title, save the punctuation around it, or
    opens it before a dataset noun ("CRYSTAL Benchmark for …") or its head's colon: the
    heading names its paper by the name ("### VoxHammer", "Fast R-CNN" in a reading list)."""
    bounds = title_bounds(ctx.text, ctx.title)
    if bounds is None:
        return False
    a, b = bounds
    t = ctx.text[ctx.title.start : ctx.title.end]
    if (a, b) in e.spans:
        return True
    # "CRYSTAL Benchmark for Transparent …", "The Zorb Corpus: …": the title opens with
    # the name and a dataset noun, so the paper is the data's own.
    head = re.match(r"(?:(?:the|a|an)\s+)?", t[a - ctx.title.start :], re.I).end() + a
    for x, y in e.spans:
        if x == head:
            if ctx.text[y:b].lstrip().startswith((":", "：")):
                return True  # "The Flan Collection: Designing Data …": the title's head
            nxt = re.match(r"\s+([\w\-]+)", ctx.text[y:b])
            if nxt is None:
                return False
            if nxt.group(1).lower() in words("dataset_words"):
                return True
            # "The UU-test for Statistical Modeling …", "Pseudo-LiDAR from Visual Depth
            # Estimation: …": the name the title opens with, then what it is for, is
            # the paper's subject made by it — unless the paper reviews it ("… : A Survey"),
            # or the name is known: "BERT for Joint Intent Classification", "GraphRAG for
            # Engineering Diagrams" apply a known system to a task.
            reviews = words("title_words") - words("title_openers")
            # A gloss whose subject is another name ("GraphRAG for Engineering Diagrams:
            # ChatP&ID Enables …") gives the paper that name.
            gloss = re.search(r"[:：]\s*", ctx.text[y:b])
            return nxt.group(1) in _PURPOSE and not e.known and not any(
                w.lower() in reviews for w in re.findall(r"[A-Za-z]+", t)) and not (
                gloss is not None and any(g is not e and any(p == y + gloss.end() for p, _ in g.spans) for g in others))
    return False


#: What may stand between a label and the title it labels ("- VGG16 - Very Deep …",
#: "* EAMLP: "Beyond …"").
_LABEL_GAP = re.compile(r"\s*[-–—:：]\s*[\"“'‘]?\s*")
#: What may stand before a label on its line: a bullet or number, and other names of
#: the paper joined by a slash ("- Inception/GoogLeNet - Going Deeper …").
_LABEL_LEAD = re.compile(r"[ \t*\-•\d.)]*(?:[\w\-.]+\s*/\s*)*")


def labels_title(ctx: Context, e: Entity) -> bool:
    """A mention that opens the title's line as its label, a dash or colon before the
    title ("- VGG16 - Very Deep Convolutional Networks …", "- Inception/GoogLeNet - Going
    Deeper …"): a reading list labels the paper with what it introduces."""
    if ctx.title is None:
        return False
    line = ctx.text.rfind("\n", 0, ctx.title.start) + 1
    for x, y in e.spans:
        if line <= x and y <= ctx.title.start and _LABEL_GAP.fullmatch(ctx.text, y, ctx.title.start) \
                and _LABEL_LEAD.fullmatch(ctx.text, line, x):
            return True
    return False


def defined_by_title(ctx: Context, e: Entity) -> bool:
    """A bracketed name the title defines where a name of the paper's own stands: before
    the head's colon or dash ("Chain of Uncertain Rewards (CoUR): …", "Машины
    непрерывного мышления (CTM) — …"), or closing a title that has no other head
    ("Modelling the Genome with Nucleotide Transformer v3 (NTv3)"). Inside a gloss after
    another head ("PokeeResearch-7B: … Trained with … (RLAIF)") or mid-title ("Optimizing
    Retrieval-Augmented Generation (RAG) in clinical medicine") it is a name the paper uses."""
    bounds = title_bounds(ctx.text, ctx.title)
    if bounds is None:
        return False
    a, b = bounds
    for x, y in e.spans:
        if not (a < x and y < b + 1 and ctx.text[x - 1] in "(（" and ctx.text[y : y + 1] in (")", "）")):
            continue
        rest = ctx.text[y + 1 : b].lstrip()
        if rest.startswith((":", "：")) or re.match(r"[-–—]\s", rest):
            return True
        if not rest and not re.search(r"[:：]\s|\s[-–—]\s", ctx.text[a:x]):
            return True
    return False


def assign_roles(ctx: Context, ents: Sequence[Entity]) -> None:
    lists = _list_neighbours(ctx, ents)
    # Names introduced by a naming cue: a mention inside one is part of it
    # ("CLIP" in "dubbed the CLIP-Driven Universal Model") and says nothing about roles.
    cue_spans = [(a, b, e) for e in ents if "cue" in e.sources for a, b in e.spans]
    # Entities whose first mention credits someone else ("such as LLaDA 2.0 and Dream
    # 7B"): a new name listed with one of them is someone else's too.
    hinted = set()
    for e in ents:
        if e.spans and (i := ctx.tok_at.get(e.spans[0][0])) is not None and (j := ctx.end_at.get(e.spans[0][1])) is not None \
                and used_hint(ctx, i, j):
            hinted.add(id(e))
    for e in ents:
        # Only a mention on the title's line can name, label or be defined by the title
        # (spans are sorted: the first one tells).
        if not e.proposed and ctx.title is not None and e.spans and e.spans[0][0] < ctx.title.end and (
                names_title(ctx, e, ents) or labels_title(ctx, e) or defined_by_title(ctx, e)):
            e.proposed = True
        if e.proposed:
            continue
        idx = []
        for a, b in e.spans:
            i, j = ctx.tok_at.get(a), ctx.end_at.get(b)
            if i is None or j is None:
                continue
            if cue_spans and any(g is not e and x <= a and ctx.idx[j - 1] < y and (x, y) != (a, b) for x, y, g in cue_spans):
                continue
            idx.append((i, j))
        if any(introduced_by_cue(ctx, i, e.known, j) for i, j in idx):
            e.proposed = True
            continue
        # A new name in an entry that states a contribution is the paper's own —
        # unless its first mention credits someone else.
        first_used = e.used or bool(idx) and used_hint(ctx, *idx[0])
        # Listed with names the paper uses ("improves over GCN, GAT and H2GCN").
        if not first_used and e.spans:
            first_used = any((g.known or id(g) in hinted) and not g.proposed for g in lists.get(e.spans[0][0], []))
        # A new release of a known model ("Llama 3.1", "Qwen2.5") is someone else's like
        # the model itself unless a cue introduces it.
        if not e.known and e.label == "MODEL" and ctx.contribution and not first_used and not known_model_version(e.name):
            e.proposed = True
