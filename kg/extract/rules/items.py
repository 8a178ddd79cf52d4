"""Name items in coordinations, read left or right from a cue ("on X, Y and Z",
"X and Y datasets", "在X和Y上"): the shared reading of the context rules."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import distinctive, generic, is_institution
from kg.extract.nlp import PUNCT, WORD
from kg.extract.vocab import phrases, words

__all__ = ["descriptive", "items_after", "items_before", "lone_jargon", "name_item"]

#: "X and Z", "X、Y和Z", "в X, Y и Z" (``kg/data/rules/item_conjunctions.txt``): the word
#: before a list's last item; with the commas, what joins its items.
CONJUNCTIONS = frozenset(phrases("item_conjunctions"))
JOINERS = frozenset((",", "，", "、")) | CONJUNCTIONS
MAX_WORDS = 4  # "Waymo Open Motion": longer capitalised runs are headings, not names
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")  # GPUs, LLMs: kinds of things
_BARE_ACRONYM = re.compile(r"^[A-Z]{2,3}$")
_SEPARATORS = re.compile(r"[\s\-_]+")
#: "v1.0": a release of something named elsewhere; "A.1": a section's number.
_BARE_VERSION = re.compile(r"^[vV]?\d+(?:\.\d+)+$|^[vV]\d+$|^[A-Z]\.\d+(?:\.\d+)*$")


def lone_jargon(ctx: Context, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop a lone bare acronym ("spontaneous ME datasets"): two or three capitals the
    entry does not define are jargon far more often than names; in a list with other
    names ("on KTH, UCF101 and HMDB51") they are names."""
    if len(items) == 1 and _BARE_ACRONYM.match(ctx.stext(*items[0])):
        return []
    return items


@lru_cache(maxsize=1)
def _describing() -> frozenset[str]:
    """Words that only describe data: descriptive words, generic modifiers and the first
    word of each count phrase ("thousands of")."""
    counts = {line.split()[0] for line in phrases("count_words")}
    return frozenset(words("descriptive_words") | words("generic_modifiers") | counts)


def descriptive(text: str) -> bool:
    """``Large-scale``, ``New Multi-modal``: words that only describe data, which a
    title capitalises before its dataset word ("A Large-scale Dataset for …")."""
    parts = [p for p in _SEPARATORS.split(text.lower()) if p]
    describing = _describing()
    return bool(parts) and all(p in describing for p in parts)


def name_item(ctx: Context, i: int, j: int) -> bool:
    """Tokens ``i:j`` read as a name: capitalised or name-shaped, not a function word,
    a generic kind, a language, a mathematical eponym or an organisation."""
    text = ctx.stext(i, j)
    # One letter is a variable or a channel ("the Y channel"), never a name.
    if len(text) < 2 or not (text[:1].isupper() or distinctive(text)) or _glued_on(ctx, i, j) or _BARE_VERSION.match(text):
        return False
    # Titles and headings capitalise every word: there only a name-shaped word is a name.
    if (ctx.in_title(ctx.idx[i]) or ctx.title_like(ctx.sent[i], share=1)) and not distinctive(text):
        return False
    if ctx.shouted(i, j):  # a line in capitals: every word looks like an acronym
        return False
    low = text.lower()
    if descriptive(text):
        return False
    # "Diversity of environments", "Effect of …": a phrase that ends in a function word
    # is cut off before its noun, never a name.
    if ctx.lower[j - 1] in words("title_small_words"):
        return False
    # "Gaussians": an eponym in the plural is still the eponym.
    eponym = low in words("eponyms") or (low.endswith("s") and low[:-1] in words("eponyms"))
    if low in words("stop_caps") or low in words("languages") or eponym or generic(text) \
            or _PLURAL_ACRONYM.match(text):
        return False
    return not is_institution(text)


_CLOSERS = ",.;:!?，。；：、)）]」》\"'’"  # "’": the curly apostrophe of a possessive, as "'"


def _glued_on(ctx: Context, i: int, j: int) -> bool:
    """Tokens ``i:j`` are part of a longer written name: a symbol glues a word to them
    ("Horse→Zebra", "A/B"), so they are not a name on their own."""
    w, n = ctx.words, len(ctx.words)
    # A full-width bracket opens a gloss, it glues nothing: "PhyX（3000 道…）".
    # A footnote mark ("Quintar‡ and …") glues nothing either.
    after = j + 1 < n and not ctx.ws[j - 1] and ctx.kinds[j] == PUNCT and w[j] not in _CLOSERS + "-_+（" \
        and w[j] not in _MARKS and ctx.kinds[j + 1] == WORD
    before = i >= 2 and not ctx.ws[i - 2] and ctx.kinds[i - 1] == PUNCT and w[i - 1] not in _CLOSERS + "-_+(（[" \
        and ctx.kinds[i - 2] == WORD
    return after or before


def _capital_word(ctx: Context, k: int) -> bool:
    return ctx.kinds[k] == WORD and ctx.words[k][:1].isupper() and ctx.words[k].isalpha()


def items_before(ctx: Context, d: int) -> list[tuple[int, int]]:
    """Coordinated name items ending right before token ``d`` (nearest first)."""
    ends = ctx.compound_start
    out = []
    e = d
    while e > 0:
        i = ends.get(e)
        if i is None:
            break
        # The word next to the cue must itself look like a name: in "English universal
        # treebank" the lower-case "universal" ends the list before "English".
        if not (ctx.words[i][:1].isupper() or ctx.words[i][:1].isdigit() or distinctive(ctx.stext(i, e))):
            break
        # Grow over capitalised words before it: "Waymo Open Motion".
        while i >= 1 and ctx.ws[i - 1] and _capital_word(ctx, i - 1) and e - i < MAX_WORDS \
                and not ctx.sentence_start(i - 1) and ctx.lower[i - 1] not in words("stop_caps"):
            i -= 1
        if name_item(ctx, i, e):
            out.append((i, e))
        elif not (generic(ctx.stext(i, e)) and ctx.words[i][:1].isupper()):
            break
        # else "DAQUAR and VQA datasets": a task's acronym names no dataset here, but the
        # list goes on past it.
        k = i - 1
        gap = False
        while k >= 0 and ctx.words[k] in JOINERS:
            gap, k = True, k - 1
        if not gap:
            break
        e = k + 1
    return out


_CITATION = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")


#: An author-year citation in brackets: "(Smith et al., 2019)", "(Lee and Kim, 2020a)",
#: "(2019)"; a year closes it.
_AUTHOR_YEAR = re.compile(r"\((?:[^()]*\b)?(?:19|20)\d{2}[a-z]?\s*\)")
#: Footnote marks glued to a list item ("Zorblax†", "Quintar*").
_MARKS = frozenset(("†", "‡", "*", "§", "¶"))
#: A score in brackets after a list item: "(+3.1)", "(85.2%)", "(+2.0 points)", "(↑4.5)".
_BRACKET_SCORE = re.compile(r"\(\s*[+\-−–↑↓~≈]?\s*\d+(?:\.\d+)?\s*(?:%|pp|points?|pts)?\s*\)")
#: Tokens an author-year citation may hold ("(Smith, Jones, and Lee, 2019)").
CITATION_TOKENS = 16


def joined_names_before(ctx: Context, e: int, joiners, reach: int, glued: bool = True) -> list[tuple[int, int]]:
    """Coordinated Latin names ending right before token ``e`` (spaces skipped), in
    reverse text order, in prose whose joiners are written as characters (Japanese
    ``と``/``および``, Korean ``와``/``과``): one token a character, so a joiner is matched
    on the ``reach`` characters before each name. ``glued=False`` also stops where the
    joiner is glued to a word of the prose ("모델과 ZorbQA": a particle of that word,
    not of a name)."""
    out = []
    while True:
        while e > 0 and ctx.words[e - 1].isspace():
            e -= 1
        i = ctx.compound_start.get(e)
        if i is None or not name_item(ctx, i, e):
            return out
        out.append((i, e))
        k = i
        while k > 0 and ctx.words[k - 1].isspace():
            k -= 1
        before = ctx.joined(k - reach, k)
        joiner = next((j for j in joiners if before.endswith(j)), None)
        if k == 0 or joiner is None:
            return out
        e = k - len(joiner)
        if not glued and (e <= 0 or ctx.kinds[e - 1] != WORD and not ctx.words[e - 1].isspace()):
            return out


def _past_citation(ctx: Context, j: int) -> int:
    """Token after a citation, a score, a split, a footnote mark or a release number
    right after token ``j - 1`` ("Zorblax [12], …", "Zorblax (Smith et al., 2019) and …",
    "Zorblax (+3.1), …", "Zorblax (test), …", "Zorblax†, …", "Zorblax v2.0 and …"),
    else ``j``: none of them ends a list."""
    n = len(ctx.words)
    j = ctx.version_after(j) or j
    if j < n and ctx.words[j] in _MARKS and not ctx.ws[j - 1]:
        j += 1  # "Zorblax†, Quintar‡": a footnote mark glued to the name
    if j < n and ctx.words[j] == "[":
        close = next((k for k in range(j + 1, min(j + 8, n)) if ctx.words[k] == "]"), None)
        if close is not None and _CITATION.fullmatch(ctx.stext(j, close + 1).replace(" ", "")):
            return close + 1
    if j < n and ctx.words[j] == "(":
        close = next((k for k in range(j + 1, min(j + CITATION_TOKENS, n)) if ctx.words[k] in "()"), None)
        if close is not None and ctx.words[close] == ")" and (
                _AUTHOR_YEAR.fullmatch(ctx.stext(j, close + 1)) or _BRACKET_SCORE.fullmatch(ctx.stext(j, close + 1))
                or (close == j + 2 and ctx.lower[j + 1] in words("split_words"))):
            return close + 1  # "(Smith et al., 2019)", "(+3.1)", "(test)"
    return j


def items_after(ctx: Context, s: int) -> list[tuple[int, int]]:
    """Coordinated name items starting at token ``s`` (an optional "the" skipped)."""
    starts = ctx.compound_end
    n = len(ctx.words)
    out = []
    k = s
    last = False
    while k < n:
        if ctx.lower[k] == "the":
            k += 1
        j = starts.get(k)
        if j is None:
            break
        # Grow over capitalised words after it, in the same sentence: "Waymo Open Motion".
        # A sentence's first word is no part of the name before it ("…, HIV We used"),
        # whether or not the heading before it ends with a full stop.
        while j < n and ctx.ws[j - 1] and _capital_word(ctx, j) and j - k < MAX_WORDS and ctx.sent[j] == ctx.sent[k] \
                and ctx.words[k][:1].isupper() and ctx.lower[j] not in words("stop_caps"):
            j = starts.get(j, j + 1)  # a whole compound: "Penn Tree-bank", not "Penn Tree"
        if not name_item(ctx, k, j):
            break
        out.append((k, j))
        if last:
            break
        m = _past_citation(ctx, j)
        gap = False
        while m < n and ctx.words[m] in JOINERS:
            # A conjunction introduces the list's last item: in "A, B and C, D …" the
            # comma after C ends the list.
            last = last or ctx.words[m] in CONJUNCTIONS
            gap, m = True, m + 1
        if not gap:
            break
        k = m
    return out


def forced_datasets(ctx: Context, spans, name: str, drop=None) -> list[Candidate]:
    """One candidate forced to DATASET per token span of ``spans`` (each span once, in
    the order first found), but for spans whose text ``drop`` refuses — the tail of the
    rules that find data names by the frame around them."""
    out = []
    for i, j in dict.fromkeys(spans):
        if drop is not None and drop(ctx.stext(i, j)):
            continue
        a, b = ctx.span(i, j)
        out.append(Candidate(a, b, ctx.text[a:b], name, "DATASET", force_label=True))
    return out
