"""Naming cues: ``called X`` / ``dubbed X`` / ``称为X``, ``we propose X, a …`` /
``我们介绍了X,这是…``, ``This work presents Depth Anything V2``, ``(X for short)``.
A name introduced this way is the paper's own."""
from __future__ import annotations

import re

from kg.extract.candidate import NEVER, TO_LONG_FORMS, Candidate
from kg.extract.context import Context
from kg.extract.names import CJK_RE, distinctive, generic, initials_match, label_hint
from kg.extract.nlp import gazetteer
from kg.extract.vocab import union, words

NAME = "cue"
_OPEN_QUOTES = frozenset(('"', "“", "‘", "'", "「"))
_CLOSE_QUOTES = frozenset(('"', "”", "’", "'", "」"))
_SKIP = frozenset(("the", "a", "an", "as", "it", "is")) | _OPEN_QUOTES
_APPOS_NEXT = frozenset(("a", "an", "which", "the", "our", "这", "一"))
_INNER_STOPS = frozenset((",", ".", ";", ":", "，", "。", "；"))
_FOR_SHORT = re.compile(r"\(([A-Z][\w\-]*?)(?:\s*for|for)\s+short\)")


def cue_name(ctx: Context, i: int, j: int, proposed: bool, rule: str = NAME) -> Candidate | None:
    """The candidate for tokens ``i:j`` named by a cue, or None when it is no name."""
    text = ctx.stext(i, j)
    if generic(text) or len(text) < 2 or text.lower() in words("stop_caps") or not any(c.isalpha() for c in text):
        return None
    a, b = ctx.span(i, j)
    known = gazetteer().known(text)
    # "we introduce Entity Segmentation, a new task": a plain phrase ending in a task
    # noun names a task, not a model ("X-Seg" or "SegFormer" have a name's shape).
    last = text.split()[-1].lower()
    if not known and " " in text and last in words("task_heads") and not distinctive(text):
        return None
    if known:
        return Candidate(a, b, known[1], rule, known[0], known=True, proposed=proposed, yields=TO_LONG_FORMS)
    return Candidate(a, b, text, rule, label_hint(text), proposed=proposed, yields=TO_LONG_FORMS)


def _acronym_after(ctx: Context, i: int, j: int, quoted: bool = False) -> int | None:
    """Token index of ``ACR`` when tokens ``i:j`` end in (or are followed by) ``(ACR)``
    whose letters the words before it spell (in a quoted name, any acronym: "Reason
    for Future, Act for Now (RAFA)" is not spelt in order), else None."""
    w = ctx.words
    for p in range(j - 1, i, -1):  # "(ACR)" at the end of the span, or right after it
        if w[p] in (")", "）"):
            break
    else:
        p = j + 2 if j + 2 < len(w) and w[j] in ("(", "（") and w[j + 2] in (")", "）") else None
        if p is None:
            return None
    if p < 2 or w[p - 2] not in ("(", "（") or p - 2 <= i:
        return None
    acr = w[p - 1]
    long_words = [x for x in w[i : p - 2] if x.strip() and x not in (",", "，")]
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9\-]*[A-Z0-9][A-Za-z0-9]*", acr):
        return None
    return p - 1 if long_words and (quoted or initials_match(acr, long_words)) else None


#: How many small words ("of", "and", "for") a long form may hold between its capitals.
SMALL_WORDS = 3


def _across_small_words(ctx: Context, j: int) -> int:
    """End of a Title-Case run that goes on after ``j`` across small words ("Buffer |of
    Thoughts"), or ``j``."""
    w, n = ctx.words, len(ctx.words)
    small = words("title_small_words")
    end = j
    for _ in range(SMALL_WORDS):
        if not (end + 1 < n and ctx.ws[end - 1] and ctx.lower[end] in small and ctx.ws[end]
                and w[end + 1][:1].isupper() and w[end + 1].isalpha()):
            break
        # the capitalised word may be a compound ("Privacy-Preserving")
        end = ctx.extend_title_case(ctx.compound_end.get(end + 1, end + 2))
    return end


def _kind_apposition(ctx: Context, k: int) -> bool:
    """Token ``k`` opens an indefinite apposition headed by a kind noun ("zorbmix, a
    simple augmentation method", "fairseq, a sequence modeling toolkit"): the lower-case
    word before it is a coined name, not a common word."""
    if k >= len(ctx.words) or ctx.lower[k] not in ("a", "an"):
        return False
    kinds = words("apposition_kinds")
    for x in range(k + 1, min(len(ctx.words), k + 7)):
        if ctx.lower[x] in kinds:
            return True
        if ctx.words[x] in (",", ".", ";", "(", "，", "。"):
            return False
    return False


def _term_for_kind(ctx: Context, i: int, j: int) -> bool:
    """'models often termed "world models"': a quoted phrase in lower case whose head is
    the plural of a model kind coins a term for a class of models, not a system's name
    (a system is named in the singular: 'a method called "zorbmix"'); one led by an
    adverb ('coined "quantitatively optimal"') is an adjective phrase."""
    ws_ = [x for x in ctx.words[i:j] if x.strip() and x != "-"]
    if len(ws_) < 2 or not all(x.islower() for x in ws_):
        return False
    # 'coined "quantitatively optimal"': an adverb leads an adjective phrase, no name.
    return ws_[-1] in words("model_kinds") or (ws_[0].endswith("ly") and len(ws_[0]) > 4)


def _so_called_term(ctx: Context, s: int, i: int, j: int) -> bool:
    """'so-called "scaling laws"', 'so-called "unseen cluster" data': "so-called" quotes
    what others call a thing; in lower case that is a term, not a system's name (a name
    keeps its capitals: "the so-called Transformer")."""
    if s < 2 or ctx.words[s - 1] != "-" or ctx.lower[s - 2] != "so":
        return False
    return not any(c.isupper() or c.isdigit() for c in ctx.stext(i, j))


def _lower_phrase(ctx: Context, i: int, j: int) -> bool:
    """Tokens ``i:j`` are one plain lower-case word and a lower-case word follows it."""
    w = ctx.words
    return (j == i + 1 and w[i].isalpha() and w[i].islower() and not distinctive(w[i])
            and j < len(w) and ctx.ws[i] and w[j].isalpha() and w[j].islower())


def named_at(ctx: Context, i: int) -> bool:
    """Token ``i`` starts what a naming cue names: "called X", "dubbed the X", "称为X"
    (the cue's own words can say a phrase is a name where its head alone would not:
    "a novel approach called Interval Score Matching"), unless a task noun comes just
    before the cue ("a new task called X", "a new task, termed X")."""
    k = i - 1
    while k >= 0 and (ctx.lower[k] in _SKIP or ctx.words[k].isspace()):
        k -= 1
    for kind, s, e in ctx.cues:
        if kind in ("NAMED", "ZH_NAMED") and e == k + 1:
            # "a new task called Entity Matching", "a new segmentation task, termed
            # Entity Segmentation": the cue names a task, not a method.
            return not any(ctx.lower[x] in words("task_nouns") for x in range(max(0, s - 3), s))
    return False


def find(ctx: Context, prior=()) -> list[Candidate]:
    w, n = ctx.words, len(ctx.words)
    start_of = ctx.compound_end
    stop_caps = words("stop_caps")
    out: list[Candidate | None] = []
    for kind, s, e in ctx.cues:
        k = e
        if kind in ("NAMED", "ZH_NAMED"):
            quoted = False
            while k < n and ctx.lower[k] in _SKIP:
                quoted = quoted or w[k] in _OPEN_QUOTES
                k += 1
            if k in start_of:
                i, j = k, start_of[k]
                # "named entity recognition", "a loss called maximum mean discrepancy": a
                # plain lower-case word that a lower-case phrase goes on from describes;
                # it is no name (a coined lower-case name stands alone: "called zorbmix,").
                if not quoted and _lower_phrase(ctx, i, j):
                    continue
                j = ctx.extend_title_case(j)
                if quoted:
                    # 称为“Reason for Future, Act for Now(RAFA)”: the name runs to the
                    # closing quote, commas and all.
                    j = next((x for x in range(j, min(n, j + 16)) if w[x] in _CLOSE_QUOTES or "\n" in w[x]), j)
                    closed = j < n and w[j] in _CLOSE_QUOTES
                    # 'termed "world models," and': a comma or stop before the closing
                    # quote is the sentence's (American style), not the name's.
                    while closed and j - 1 > i and w[j - 1] in _INNER_STOPS:
                        j -= 1
                # "called image RPE (iRPE)", "…(RAFA)”": a name followed by its acronym
                # is the acronym's long form; the acronym is the name.
                acr = _acronym_after(ctx, i, j, quoted)
                if acr is None and not quoted:
                    # "名为Buffer of Thoughts (BoT)": a long form whose small words ("of",
                    # "and") cut the capitalised run; its acronym says where it ends.
                    acr = _acronym_after(ctx, i, _across_small_words(ctx, j))
                if acr is not None:
                    out.append(cue_name(ctx, acr, acr + 1, proposed=True))
                elif _so_called_term(ctx, s, i, j):
                    continue
                elif not quoted or closed and not _term_for_kind(ctx, i, j):
                    out.append(cue_name(ctx, i, j, proposed=True))
            continue
        if k < n and w[k] == "了":
            k += 1
        if k not in start_of:
            continue
        i, j = k, start_of[k]
        if kind == "WE_VERB" and w[k][:1].isupper() and ctx.lower[k] not in stop_caps:
            # "This work presents Depth Anything V2.": a capitalised phrase right
            # after the verb is the contribution's name, whatever its shape.
            j = ctx.version_after(ctx.extend_title_case(j)) or ctx.extend_title_case(j)
            # "we present Gaussian Splatting based text-to-3D generation": a name used
            # as the base of the contribution, not the contribution.
            if j < n and ctx.lower[j] in union("model_suffixes", "suffix_words"):
                continue
            # "We propose Realistic and Privacy-Preserving Synthetic Data Generation
            # (RPSG)": the run goes on across small words to its acronym, the name.
            acr = _acronym_after(ctx, i, _across_small_words(ctx, j))
            out.append(cue_name(ctx, acr, acr + 1, proposed=True) if acr is not None and j < n
                       and ctx.lower[j] in words("title_small_words") else cue_name(ctx, i, j, proposed=True))
            continue
        # "we propose X, a/an …" or "我们介绍了X,这是…": apposition marks a name.
        nxt = w[j] if j < n else ""
        nxt2 = ctx.lower[j + 1] if j + 1 < n else ""
        if nxt in (",", "，") and (nxt2 in _APPOS_NEXT or CJK_RE.search(nxt2)):
            if w[i][:1].isupper() or distinctive(ctx.stext(i, j)) or _kind_apposition(ctx, j + 1):
                out.append(cue_name(ctx, i, j, proposed=True))
    # "X for short" (also glued by translation: "Go-tuningfor short")
    for m in _FOR_SHORT.finditer(ctx.text):
        if ctx.inside(m.start()):
            name = m.group(1)
            out.append(Candidate(m.start(1), m.end(1), name, NAME, "MODEL", known=bool(gazetteer().known(name)),
                                 proposed=True, yields=NEVER))
    return [c for c in out if c is not None]
