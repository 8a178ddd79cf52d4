"""Everything the entity rules read about one entry, built once and read-only afterwards.

One tokenisation (the offset-exact mixed CJK/Latin tokenizer of :mod:`kg.extract.nlp`),
kept as parallel lists — words, lower-cased words, character offsets, "space after",
token class, sentence number, "inside a region" — so no rule builds a per-token object
or walks spaCy ``Token`` wrappers (the cost that dominated extraction before). On top:
the regions and the title, the cue phrases, the word compounds (``CMU-MOSI``,
``mgo-T5``) and the gazetteer matches, with the tokens they take. Rules
(:mod:`kg.extract.rules`) get this object and return candidates; nothing writes to it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add

from kg.extract.gazmatch import DOTTED_VERSION, GazMatch, gazetteer_matches
from kg.extract.names import CJK_RE, EXPERT_SIZE, NUMBER_UNIT
from kg.extract import context_tables as tables
from kg.extract.hant import reading
from kg.extract.nlp import CJK, WORD, tokenize
from kg.extract.title_span import past_decoration
from kg.extract.vocab import phrases, words
from kg.records import Span

__all__ = ["COMMAS", "DOTTED_VERSION", "Context", "GazMatch", "build_context"]

_GLUE = ("-", "_", "+")
#: The comma and its full-width form: a set, for :meth:`Context.where`.
COMMAS = frozenset((",", "，"))
#: A sentence of at least this many content words, this share of them capitalised, is
#: a title or heading (ordinary prose capitalises a sentence's first word and its names:
#: well under half of its words).
TITLE_MIN_WORDS = 4
TITLE_SHARE = 0.75
#: Upper-case words in a row that make a line written in capitals (a shouted title);
#: names listed in capitals are separated by commas or "and", so three in a row is
#: already a heading ("TREE SEARCH UNIFIES").
SHOUT_RUN = 3
_SHOUT_GLUE = frozenset(("-", "'", "’"))
# A version after a name: a number ("3", "2016", "v2", "5.1"), a resolution ("64x64"),
# or a Roman numeral of two letters or more ("Penn Treebank III"; one letter is a variable).
_VERSION = re.compile(r"(?:v?\d{1,4}(?:\.\d+)?|\d{2,4}x\d{2,4})", re.I)
#: Tokens inside a name's inline LaTeX superscript ("$^4$", "$^{2}$") at most.
MATH_TOKENS = 4
_ROMAN = re.compile(r"(?:II|III|IV|VI|VII|VIII)")
#: A parameter count after a version ("Qwen 2.5-14B").
_SIZE = re.compile(r"\d+(?:\.\d+)?[BbMmKkTt]")
#: A version glued to a Chinese name: written with its "v" ("文心一言v3.5"), else a bare
#: number glued to Chinese is prose ("通义千问2倍").
_CJK_VERSION = re.compile(r"[vV]\d{1,2}(?:\.\d{1,2})*")


@dataclass(frozen=True, eq=False)
class Context:
    text: str
    regions: tuple[tuple[int, int], ...]
    title: Span | None
    words: tuple[str, ...]
    lower: tuple[str, ...]
    idx: tuple[int, ...]  # character offset of each token
    ends: tuple[int, ...]  # character offset where each token ends
    ws: tuple[bool, ...]  # a space follows the token
    kinds: tuple[int, ...]  # nlp.CJK / WORD / PUNCT / SPACE
    sent: tuple[int, ...]  # sentence number of each token
    in_region: tuple[bool, ...]  # the token starts inside a region
    latin: tuple[int, ...]  # indices of Latin/digit words
    caps: tuple[int, ...]  # indices of Latin words starting with a capital, inside a region
    tok_at: dict[int, int]  # character offset -> token starting there
    end_at: dict[int, int]  # character offset -> token index + 1 of the token ending there
    compounds: tuple[tuple[int, int], ...]  # word runs glued by - _ + (token ranges)
    # The same runs keyed both ways: rules reading a list left or right of a cue look a
    # compound up by its first or its end token many times an entry.
    compound_end: dict[int, int]  # first token -> end token of its compound
    compound_start: dict[int, int]  # end token -> first token of its compound
    has_cjk: bool  # the entry holds CJK tokens (rules for Chinese frames run only then)
    cues: tuple[tuple[str, int, int], ...]  # (kind, token start, token end)
    contribution: bool  # a first-person contribution cue ("we propose", 我们提出) occurs
    matches: tuple[GazMatch, ...]  # accepted gazetteer matches
    ambiguous: tuple[GazMatch, ...]  # MT renderings that are also everyday words, pending
    taken: tuple[bool, ...]  # tokens inside an accepted gazetteer match
    _title_like: dict[int, tuple[int, int]]  # memo of title_like(): (capitalised, content words) per sentence
    links: tuple[str, ...] = ()  # the entry's link targets (not text: they only type names it writes)
    _squeezed: dict = field(default_factory=dict)  # memo of squeezed(), its token end offsets and where()'s word index

    def __len__(self) -> int:
        return len(self.words)

    # -- read helpers ----------------------------------------------------------------
    def where(self, vocab, region: bool = False) -> list[int]:
        """Indices of the tokens whose lower-cased form is in ``vocab`` (a set), in order;
        with ``region``, only those inside the regions: where a rule triggered by a few
        words starts. An index of the entry's words (built on the first call) answers
        from the words the entry and ``vocab`` share, instead of a scan of every token
        per rule."""
        index = self.word_index()
        # The shared words by one C-level intersection (it walks the smaller side).
        shared = index.keys() & vocab
        if not shared:
            return []
        if len(shared) == 1:
            found = index[next(iter(shared))]
        else:
            found = sorted([k for w in shared for k in index[w]])
        if region:
            inside = self.in_region
            return [k for k in found if inside[k]]
        return list(found)

    def word_index(self) -> dict[str, list[int]]:
        """Each lower-cased word of the entry -> the indices of its tokens, in order
        (built on the first call): what :meth:`where` and the rules' trigger checks
        (:mod:`kg.extract.triggers`) read instead of a scan of every token."""
        index = self._squeezed.get("index")
        if index is None:
            index = self._squeezed["index"] = {}
            for k, w in enumerate(self.lower):
                if w in index:
                    index[w].append(k)
                else:
                    index[w] = [k]
        return index

    def squeezed(self) -> str:
        """The tokens joined without spaces (what :meth:`joined` slices; Chinese frames
        are tested on it); built once."""
        text = self._squeezed.get("text")
        if text is None:
            text = self._squeezed["text"] = "".join(self.words)
        return text

    def latin_after(self, phrases: tuple[str, ...], window: int) -> list[int]:
        """Latin/digit words ``k`` (in order) with one of ``phrases`` ending at a token
        among the ``window`` tokens before: every ``k`` for which
        ``joined(k - window, k).strip().endswith(phrases)`` can hold (the stripped join
        ends where a token ends), found by searching the squeezed text for the phrases
        instead of joining tokens before every Latin word. Callers still test their
        frame on the few words returned."""
        text, ends = self.squeezed(), self._squeezed.get("ends")
        if ends is None:  # where each token ends in the squeezed text
            ends = self._squeezed["ends"] = list(accumulate(map(len, self.words)))
        found: set[int] = set()
        for p in phrases:
            at = text.find(p)
            while at >= 0:
                t = bisect_left(ends, at + len(p))  # the token the phrase ends in
                if t < len(ends) and ends[t] == at + len(p):
                    found.update(range(t + 1, t + 1 + window))
                at = text.find(p, at + 1)
        n, kinds = len(self.words), self.kinds
        return [k for k in sorted(found) if k < n and kinds[k] == WORD]

    def is_word(self, i: int) -> bool:
        """A Latin/digit word (not CJK, punctuation or whitespace)."""
        return self.kinds[i] == WORD

    def inside(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.regions)

    def in_title(self, offset: int) -> bool:
        return self.title is not None and self.title.start <= offset < self.title.end

    def end(self, i: int) -> int:
        """Character offset where token ``i`` ends."""
        return self.ends[i]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens ``i:j``."""
        return self.idx[i], self.ends[j - 1]

    def stext(self, i: int, j: int) -> str:
        """The entry text covered by tokens ``i:j``."""
        if j <= i:
            return ""
        return self.text[self.idx[i] : self.ends[j - 1]]

    def joined(self, i: int, j: int) -> str:
        """Tokens ``i:j`` joined without spaces (for Chinese context tests)."""
        return "".join(self.words[max(0, i) : j])

    def overlaps_taken(self, i: int, j: int) -> bool:
        return any(self.taken[i:j])

    def sentence(self, s: int) -> range:
        """Token indices of sentence number ``s``."""
        return range(bisect_left(self.sent, s), bisect_right(self.sent, s))

    def sentence_start(self, i: int) -> bool:
        """Token ``i`` opens a sentence or a line (where capitals say nothing)."""
        return i == 0 or self.sent[i - 1] != self.sent[i] or self.words[i - 1] in (".", ":", "\n")

    def version_after(self, j: int) -> int | None:
        """End token of a version number right after a name (``… 3``, ``… 360``,
        ``… 2016``, ``… v2``, ``… 64x64``), or None. Sizes (``7B``) are not versions,
        and neither is a count of things ("DALL-E 3 times", "ResNet 50 layers")."""
        w, n = self.words, len(self.words)
        if j + 1 < n and w[j] == "-" and not self.ws[j - 1] and not self.ws[j] and (
                re.fullmatch(r"\d{1,4}", w[j + 1]) or DOTTED_VERSION.fullmatch(w[j + 1])):
            return j + 2  # "DAVIS-2016", "Llama-3", "Llama-3.1", "Qwen-2.5"
        if 0 < j < n and not self.ws[j - 1] and self.kinds[j - 1] == CJK and _CJK_VERSION.fullmatch(w[j]):
            return j + 1  # "文心一言v3.5", "通义千问v2.5": Chinese writes no space before the version
        if j >= n or not self.ws[j - 1]:
            return None
        if not (_VERSION.fullmatch(w[j]) or _ROMAN.fullmatch(w[j])):
            return None
        if j + 1 < n:
            nxt = w[j + 1]
            if nxt.isalpha() and nxt.lower() not in words("version_followers") and not nxt[:1].isupper() and not CJK_RE.match(nxt):
                return None
            if nxt == "-" and j + 2 < n and not self.ws[j] and not self.ws[j + 1] and _SIZE.fullmatch(w[j + 2]):
                return j + 1  # "Qwen 2.5-14B": the size after the version folds away, the version stays
            if nxt in ("%", "×", "x", "-"):
                return None
        return j + 1

    def math_after(self, j: int) -> int | None:
        """End token of an inline LaTeX superscript or subscript glued to a name
        (``GPT$^4$``, ``S$_3$``), or None. arXiv titles and abstracts keep their LaTeX, and a
        name written with a superscript is another name than the one without it."""
        w, n = self.words, len(self.words)
        if not (0 < j and j + 3 < n and not self.ws[j - 1] and w[j] == "$" and w[j + 1] in ("^", "_")):
            return None
        for k in range(j + 2, min(n, j + 2 + MATH_TOKENS)):
            if self.ws[k - 1]:
                return None
            if w[k] == "$":
                return k + 1 if k > j + 2 else None
        return None

    def tier_after(self, j: int) -> int | None:
        """End token of a product tier right after a model's name or version
        (``GPT-5-Pro``, ``Gemini 2.5 Flash``, ``GPT-4 Turbo``), or None. A tier names a
        product of its own, so it stays in the name; it must be written capitalised
        (``the pro version`` is prose) and not run on into a longer word."""
        w, n = self.words, len(self.words)
        if j < n and w[j] == "-" and not self.ws[j - 1] and not self.ws[j]:
            j += 1  # "GPT-5-Pro"
        elif j >= n or not self.ws[j - 1]:
            return None
        # "Claude 3 OPUS": a tier written in capitals is the same tier.
        if j >= n or (w[j] not in phrases("model_tiers") and not (w[j].isupper() and w[j].capitalize() in phrases("model_tiers"))):
            return None
        if j + 1 < n and not self.ws[j] and (self.is_word(j + 1) or (
                w[j + 1] == "-" and j + 2 < n and not self.ws[j + 1] and self.is_word(j + 2))):
            return None  # "Pro-Active": the tier word starts a longer word
        return j + 1

    def improved_mark_end(self, j: int) -> int | None:
        """End of an improved-version mark glued after a name that ends at ``j``:
        ``ViTPose++`` / ``C++`` (two pluses) or ``SmoothQuant+`` / ``PS+`` (one plus that
        closes the word), else None. A plus that joins two words (``BERT+CRF``) is no mark."""
        w, ws, n = self.words, self.ws, len(self.words)
        if j >= n or j == 0 or w[j] != "+" or ws[j - 1] or not self.is_word(j - 1):
            return None
        k = j + 1
        if k < n and w[k] == "+" and not ws[j]:
            k += 1
        # The mark closes the name: whitespace, the end, or punctuation follows it, not
        # another word glued on ("A+B" is two names) nor a number ("1+1").
        if k < n and not ws[k - 1] and (self.is_word(k) or w[k] == "+"):
            return None
        return k

    def glued_into_compound(self, i: int, j: int) -> bool:
        """True when tokens ``i:j`` are hyphen-glued to another name part: ``mgo-T5``,
        ``ERNIE-M``, ``OPT-IML`` are names of their own, while ``T5-XL``, ``Swin-T`` (sizes),
        ``BERT-based`` (a suffix) and ``GPT-3`` (a version) are not new names."""
        w, ws = self.words, self.ws
        if i >= 2 and w[i - 1] in _GLUE and not ws[i - 2] and not ws[i - 1] and self.is_word(i - 2):
            if self.lower[i - 2] not in words("prefix_words"):
                return True
        if self.improved_mark_end(j) is not None:
            return True  # "ViTPose++", "SmoothQuant+": the improved version's mark makes a name of its own
        if j + 1 < len(w) and w[j] in _GLUE and not ws[j - 1] and not ws[j] and self.is_word(j + 1):
            nxt = w[j + 1]
            if w[j] == "+":
                return True
            low = nxt.lower()
            # "Swin-T", "ViT-B": a capital size letter is a variant too.
            size_letter = nxt.isupper() and low in words("size_letters")
            if not (NUMBER_UNIT.match(nxt) or EXPERT_SIZE.match(nxt) or low in words("size_words")
                    or low in words("suffix_words") or nxt.isdigit() or size_letter
                    or re.fullmatch(r"v?\d+(\.\d+)*", low)):
                return True
        return False

    def title_like(self, s: int, share: float | None = None) -> bool:
        """Sentence ``s`` is written in Title Case (a title the parser did not mark, a
        heading): at least :data:`TITLE_MIN_WORDS` content words, ``share`` (default
        :data:`TITLE_SHARE`) of them capitalised — prose capitalises its first word and
        its names, well under half. Sentences holding Chinese never are: there the Latin
        words are names, capitalised as names are. ``share=1`` asks for a heading with
        no lower-case content word at all (a short list of names in prose, "We evaluate
        on Zorblax, Quintar and Frobnik", has a share of capitals as high as a title)."""
        counts = self._title_like.get(s)
        if counts is None:
            small = words("title_small_words")
            up = total = 0
            rng = self.sentence(s)
            # Locals and the cached lower-case forms: rules ask this of a dozen sentences
            # an entry, and each ask walked the sentence through attribute lookups.
            kinds, wds, low, inside = self.kinds, self.words, self.lower, self.in_region
            if CJK not in kinds[rng.start:rng.stop]:
                for k in rng:
                    if kinds[k] == WORD and inside[k]:
                        x = wds[k]
                        if x.isalpha() and low[k] not in small:
                            up += x[0].isupper()
                            total += 1
            counts = self._title_like[s] = (up, total)
        up, total = counts
        return total >= TITLE_MIN_WORDS and up >= (TITLE_SHARE if share is None else share) * total

    def shouted(self, i: int, j: int) -> bool:
        """Tokens ``i:j`` are upper-case words inside a line written in capitals ("V1:
        LANGUAGE AGENT TREE SEARCH UNIFIES …"): there capitals say nothing about names.
        A run of at least :data:`SHOUT_RUN` upper-case words, spaces, hyphens or
        apostrophes between them, makes such a line."""
        w, kinds, n = self.words, self.kinds, len(self.words)
        # One pass over the span (no helper call per token: name rules ask this of
        # every candidate): every token an upper-case word or a glue mark.
        run = 0
        for k in range(i, j):
            x = w[k]
            if kinds[k] == WORD and x.isalpha() and x.isupper():
                run += 1
            elif x not in _SHOUT_GLUE:
                return False
        k = i - 1
        while k >= 0 and "\n" not in w[k]:
            x = w[k]
            if kinds[k] == WORD and x.isalpha() and x.isupper():
                run += 1
            elif x not in _SHOUT_GLUE:
                break
            k -= 1
        k = j
        while k < n and "\n" not in w[k]:
            x = w[k]
            if kinds[k] == WORD and x.isalpha() and x.isupper():
                run += 1
            elif x not in _SHOUT_GLUE:
                break
            k += 1
        return run >= SHOUT_RUN

    def extend_title_case(self, j: int) -> int:
        """Grow a name ending at token ``j`` over following capitalised words."""
        w = self.words
        while j + 1 < len(w) and self.ws[j - 1] and w[j][:1].isupper() and w[j].isalpha():
            j += 1
        return j


# -- building -------------------------------------------------------------------------------


def build_context(text: str, regions, title: Span | None = None, links=()) -> Context:
    """Tokenise ``text`` once and collect what every rule reads (see module docstring)."""
    title = past_decoration(text, title)
    regs = tuple((s.start, s.end) if isinstance(s, Span) else tuple(s) for s in regions)
    breaks = tuple(sorted({x for r in regs for x in r}))
    # Tokens are cut from the text read as Simplified Chinese (same offsets), so the
    # Chinese rules read a Traditional entry too; names are cut from ``text`` as written.
    wl, ws, idx, kinds = tokenize(reading(text), breaks)
    lower = list(map(tables.LOWER.__getitem__, wl))  # one dict lookup a token, no new string
    # Built by zips (no Python step per token): a little cheaper than comprehensions.
    tok_at = dict(zip(idx, range(len(idx))))
    sent = tables.sentences(wl, ws, text, idx, tok_at)
    in_region = tables.in_regions(idx, regs)
    ends = tuple(map(add, idx, map(len, wl)))
    end_at = dict(zip(ends, range(1, len(idx) + 1)))
    cue_list, contribution = tables.cues(wl, lower, sent, in_region)
    # (list comprehensions: a generator would switch frames at every index)
    latin = tuple([i for i, k in enumerate(kinds) if k == WORD])
    caps = tuple([i for i in latin if in_region[i] and wl[i][0].isupper()])
    compounds = tuple(tables.compounds(wl, ws, kinds, in_region, latin))
    ctx = Context(
        text=text, regions=regs, title=title, words=tuple(wl), lower=tuple(lower), idx=tuple(idx), ends=ends,
        ws=tuple(ws), kinds=tuple(kinds), sent=tuple(sent), in_region=tuple(in_region), latin=latin, caps=caps, tok_at=tok_at,
        end_at=end_at, compounds=compounds, compound_end=dict(compounds), compound_start={j: i for i, j in compounds},
        has_cjk=CJK in kinds, cues=tuple(cue_list),
        contribution=contribution, matches=(), ambiguous=(), taken=(), _title_like={}, links=tuple(links),
    )
    matches, ambiguous, taken = gazetteer_matches(ctx)
    # The context is frozen for the rules; these fields are filled once, here.
    object.__setattr__(ctx, "matches", tuple(matches))
    object.__setattr__(ctx, "ambiguous", tuple(ambiguous))
    object.__setattr__(ctx, "taken", tuple(taken))
    return ctx
