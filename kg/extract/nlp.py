"""Tokenisation and phrase matching for extraction: a tokenizer fit for mixed
Chinese/English digests, and gazetteer and cue tables built from ``kg/data``.

Why a custom tokenizer: spaCy's blank ``zh`` splits everything per character, so a
Latin name inside Chinese text (``MLP混合物``, ``使用CubeMLP提取``) would be letters, and
the blank ``en`` tokenizer keeps ``CubeMLP提取`` as one token. Ours emits one token per
CJK character, one per Latin/digit run and one per punctuation mark, and it splits
hyphens, so ``CMU-MOSI``, ``T5-XL`` and ``Mixture-of-Experts`` are token sequences that
phrase patterns (tokenised the same way) and shape rules can match. Whitespace is kept
exactly, so token offsets are character offsets in the entry: that is what makes
evidence spans exact.

Why plain lists and a dict-indexed phrase table instead of a spaCy ``Doc`` and
``PhraseMatcher``: extraction reads each entry once, and building a ``Doc`` (a lexeme
lookup per token) cost more than all matching. :func:`tokenize` returns the token
strings, offsets and classes; :class:`PhraseTable` finds token-sequence patterns by a
lookup on each token's first-token index (same answers as a ``PhraseMatcher`` on
``LOWER``/``ORTH``). :func:`get_nlp` still gives a spaCy pipeline with this tokenizer
for anyone who wants ``Doc`` objects.
"""
from __future__ import annotations

import functools
import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from importlib import resources
from itertools import compress

from typing import TYPE_CHECKING

from kg.extract.tokens import CJK, PUNCT, SPACE, WORD, token_kind, tokenize
from kg.extract.vocab import phrases
from kg.text import normalize

if TYPE_CHECKING:  # spaCy is imported only by callers that want Docs: it costs a second at startup
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["tokenize", "MixedTokenizer", "get_nlp", "PhraseTable", "Gazetteer", "gazetteer", "load_patterns",
           "generic_terms", "cue_table", "CJK", "WORD", "PUNCT", "SPACE"]

_LONG_WORD = re.compile(r"[A-Za-z]{8,}")


class MixedTokenizer:
    """:func:`tokenize` as a spaCy tokenizer (for ``get_nlp()``; extraction itself
    reads the plain lists)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str, breaks: tuple[int, ...] = ()) -> Doc:
        from spacy.tokens import Doc

        words, spaces, _, _ = tokenize(text, breaks)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy serialisation hooks (a tokenizer must offer them to live in a pipeline).
    def to_bytes(self, **kwargs) -> bytes:  # pragma: no cover - nothing to save
        return b""

    def from_bytes(self, _b: bytes, **kwargs) -> "MixedTokenizer":  # pragma: no cover
        return self


@functools.cache
def get_nlp() -> Language:
    """A blank English pipeline with the mixed tokenizer (no model download)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.tokenizer = MixedTokenizer(nlp.vocab)
    return nlp


def _data_path(name: str):
    return resources.files("kg") / "data" / name


def load_patterns(name: str) -> list[dict]:
    """JSONL pattern rows (``{"label","pattern","id", ...}``) from ``kg/data``."""
    p = _data_path(name)
    if not p.is_file():
        return []
    rows = []
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(json.loads(line))
    return rows


@functools.cache
def generic_terms() -> frozenset[str]:
    """Lower-cased terms that look like names but are generic kinds (CNN, NLP, SOTA …)."""
    p = _data_path("generic_terms.txt")
    if not p.is_file():
        return frozenset()
    out = set()
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line.casefold())
    return frozenset(out)


class PhraseTable:
    """Token-sequence patterns in a trie of dicts, one level per token.

    ``find(tokens)`` returns ``(start, end, payload)`` for every pattern occurrence, the
    same hits a spaCy ``PhraseMatcher`` gives on the attribute the tokens carry
    (lower-cased words for ``LOWER``, words as written for ``ORTH``): from each token
    the trie is walked while the next token continues some pattern, so a token that
    starts no pattern costs one dict lookup. A pattern is stored once: the first
    payload added for a token sequence keeps it.
    """

    _END = None  # the key under which a node keeps the payload of a pattern ending there

    def __init__(self) -> None:
        self._root: dict = {}
        self._size = 0

    def add(self, tokens: tuple[str, ...], payload: object) -> None:
        if not tokens:
            return
        node = self._root
        for t in tokens:
            node = node.setdefault(t, {})
        if self._END not in node:
            node[self._END] = payload
            self._size += 1

    def __len__(self) -> int:
        return self._size

    def find(self, tokens, starts=None) -> list[tuple[int, int, object]]:
        """Pattern occurrences in ``tokens``, trying only the token indices ``starts``
        when given (a table of Latin names need not be tried on Chinese characters)."""
        out = []
        root, end, n = self._root, self._END, len(tokens)
        # Most tokens start no pattern: the positions of those that do are picked out by
        # C-level iteration (a dict membership test per token, no Python frame) and
        # only they walk the trie.
        has = root.__contains__
        if starts is None:
            starts = compress(range(n), map(has, tokens))
        else:
            starts = compress(starts, map(has, map(tokens.__getitem__, starts)))
        for i in starts:
            node = root[tokens[i]]
            j = i + 1
            while node is not None:
                if end in node:
                    out.append((i, j, node[end]))
                if j >= n:
                    break
                node = node.get(tokens[j])
                j += 1
        return out


def _pattern_tokens(text: str) -> tuple[str, ...]:
    words, spaces, _, _ = tokenize(text)
    return tuple(words)


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    start: int  # token index
    end: int
    label: str  # MODEL | DATASET
    id: str
    mt: bool  # a machine-translation alias
    ambiguous: bool


class Gazetteer:
    """Phrase tables over the model, dataset and MT-alias pattern files.

    Patterns match on lower-cased tokens unless marked ``"case": "exact"`` (names that
    are also ordinary words, such as ``Performer`` or ``ART``), which match as written.
    Rows come in priority order: the first row of a surface form owns it.
    """

    def __init__(self, rows: list[dict]):
        self.lower = PhraseTable()
        self.exact = PhraseTable()
        self.ids: dict[str, tuple[str, str]] = {}  # squashed id or pattern -> (label, id)
        self._rows: list[tuple[str, str, bool, bool]] = []
        self._exact_latin = True  # every case-exact pattern starts with a Latin word
        for row in rows:
            label = row.get("label", "MODEL")
            meta = (label, row["id"], row.get("lang") == "zh", bool(row.get("ambiguous")))
            self._rows.append(meta)
            # Typeset text writes the apostrophe curly ("WMT’14" for the pattern "WMT'14").
            forms = [row["pattern"]] + ([row["pattern"].replace("'", "’")] if "'" in row["pattern"] else [])
            for form in forms:
                toks = _pattern_tokens(form)
                if row.get("case") == "exact":
                    self.exact.add(toks, meta)
                    self._exact_latin = self._exact_latin and bool(toks) and token_kind(toks[0]) == WORD
                else:
                    self.lower.add(tuple(t.lower() for t in toks), meta)
            self.ids.setdefault(_squash_key(row["id"]), (label, row["id"]))
            self.ids.setdefault(_squash_key(row["pattern"]), (label, row["id"]))

    def find(self, words, lower, latin=None) -> list[GazetteerHit]:
        """Every pattern occurrence in a tokenised text (``words`` and their lower-cased
        forms); ``latin``, the indices of Latin words, saves trying the case-exact
        patterns (all Latin names) on every Chinese character."""
        hits = []
        for table, toks, starts in ((self.lower, lower, None), (self.exact, words, latin if self._exact_latin else None)):
            for s, e, (label, cid, mt, amb) in table.find(toks, starts):
                hits.append(GazetteerHit(s, e, label, cid, mt, amb))
        return hits

    def __call__(self, doc: Doc) -> list[GazetteerHit]:
        """Hits in a spaCy ``Doc`` made by :func:`get_nlp` (for callers holding Docs)."""
        words = [t.text for t in doc]
        return self.find(words, [w.lower() for w in words])

    @functools.cached_property
    def single_words(self) -> dict[str, tuple[str, str]]:
        """Lower-cased one-word names of 8+ letters, for typo matching."""
        out = {}
        for label, cid, mt, amb in sorted(self._rows):
            if mt or amb or not _LONG_WORD.fullmatch(cid):
                continue
            out.setdefault(cid.lower(), (label, cid))
            out.setdefault(cid.lower() + "s", (label, cid))
        return out

    @functools.cached_property
    def _sorted_keys(self) -> list[str]:
        return sorted(self.ids)

    def starts_key(self, prefix: str) -> bool:
        """Some gazetteer key (a squashed name, :meth:`known`'s lookup) starts with
        ``prefix``: a name of several words can be known only if its first word's
        squashed form passes this (squashing drops the spaces between words)."""
        keys = self._sorted_keys
        k = bisect_left(keys, prefix)
        return k < len(keys) and keys[k].startswith(prefix)

    def known(self, name: str) -> tuple[str, str] | None:
        """``(label, canonical id)`` when ``name`` is a gazetteer name or pattern."""
        return self.ids.get(_squash(name))


def _squash_key(s: str) -> str:
    """Key for "same name": :func:`kg.text.normalize`'s squashed form (case-folded
    without spaces, hyphens, underscores, dots and quotes — the annotation guidelines'
    matching rule). Shared by the gazetteer lookups and the entity rules so both always
    agree. Cached: the rules ask for the same few names (and their unicode
    normalisation) many times an entry, and across entries (:data:`_squash`); building
    the gazetteer calls this uncached form once per row."""
    return normalize(s, squash=True)


_squash = functools.lru_cache(maxsize=65536)(_squash_key)


@functools.cache
def gazetteer() -> Gazetteer:
    # The curated files come first so that they win every conflict (``Gazetteer.ids``
    # keeps the first owner of a key); the catalog files, built by
    # scripts/build-gazetteers from the ML ecosystem's own registries, only add names.
    rows = load_patterns("models.jsonl") + load_patterns("datasets.jsonl") + load_patterns("mt_aliases.jsonl")
    rows += load_patterns("catalog_models.jsonl") + load_patterns("catalog_datasets.jsonl")
    return Gazetteer(rows)


@functools.cache
def cue_table() -> PhraseTable:
    """Phrases that introduce a paper's own contribution or name something, expanded
    from the vocabularies in ``kg/data/rules/`` (matched on lower-cased tokens).

    Payloads: ``WE_VERB`` ("we also propose", "this paper presents"), ``AND_VERB``
    ("… and develop", counted only after a first-person clause), ``NAMED`` ("called",
    "dubbed"), ``ZH_WE`` (我们提出, 本文进一步介绍) and ``ZH_NAMED`` (称为, 名为).
    """
    table = PhraseTable()

    def add(key: str, items) -> None:
        for p in sorted(set(items)):
            table.add(tuple(t.lower() for t in _pattern_tokens(p)), key)

    subjects, verbs = phrases("cue_subjects"), phrases("cue_verbs")
    adverbs = ("",) + phrases("cue_adverbs")
    add("WE_VERB", (" ".join(x for x in (s, a, v) if x) for s in subjects for a in adverbs for v in verbs))
    add("AND_VERB", (f"and {v}" for v in verbs))
    add("NAMED", phrases("naming_words"))
    zh_adverbs = ("",) + phrases("cue_adverbs_zh")
    add("ZH_WE", (s + a + v for s in phrases("cue_subjects_zh") for a in zh_adverbs for v in phrases("cue_verbs_zh")))
    add("ZH_NAMED", phrases("naming_words_zh"))
    return table
