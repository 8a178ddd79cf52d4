"""The spaCy side of extraction: a blank pipeline with a tokenizer fit for mixed
Chinese/English digests, and gazetteer matchers built from ``kg/data``.

Why a custom tokenizer: spaCy's blank ``zh`` splits everything per character, so a
Latin name inside Chinese text (``MLP混合物``, ``使用CubeMLP提取``) would be letters, and
the blank ``en`` tokenizer keeps ``CubeMLP提取`` as one token. Ours emits one token per
CJK character, one per Latin/digit run and one per punctuation mark, and it splits
hyphens, so ``CMU-MOSI``, ``T5-XL`` and ``Mixture-of-Experts`` are token sequences that
phrase patterns (tokenised the same way) and shape rules can match. Whitespace is kept
exactly (``Doc.text == text``), so token offsets are character offsets in the entry:
that is what makes evidence spans exact.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.vocab import phrases

__all__ = ["MixedTokenizer", "get_nlp", "Gazetteer", "gazetteer", "load_patterns", "generic_terms"]

_TOKEN_RE = re.compile(
    r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"  # 1: one CJK character
    r"|((?:(?![\u3400-\u9fff])[^\W_])+(?:[.](?=\d)(?:(?![\u3400-\u9fff])[^\W_])+)*)"  # 2: Latin/digit run, 2.0
    r"|(\S)",  # 3: any other single character
    re.U,
)

#: Token classes kept beside the words (``Doc.user_data["kg_kinds"]``): rules ask "is this
#: a Latin/digit word?" for every token, and the regex group that matched already knows.
CJK, WORD, PUNCT, SPACE = 1, 2, 3, 0


class MixedTokenizer:
    """Offset-exact tokenizer for mixed CJK/Latin text (see module docstring)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str, breaks: tuple[int, ...] = ()) -> Doc:
        """Tokenise ``text``; ``breaks`` are offsets where a token must end even inside a
        word run — the seam of an English and a Chinese title glued together
        (``…Vision TransformersViT自适应…``) is one.

        Besides the Doc, ``user_data`` holds plain lists kg's rules read without building
        spaCy ``Token`` objects: ``kg_words``, ``kg_spaces``, ``kg_idx`` (character
        offsets) and ``kg_kinds`` (:data:`CJK`, :data:`WORD`, :data:`PUNCT`, :data:`SPACE`).
        """
        words: list[str] = []
        spaces: list[bool] = []
        idx: list[int] = []
        kinds: list[int] = []
        pos = 0
        cuts = [c for c in breaks if 0 < c < len(text)] + [len(text)]
        seg = 0
        for cut in cuts:
            # Matching each segment on its own ends every token at a break.
            for m in _TOKEN_RE.finditer(text, seg, cut):
                a = m.start()
                if a > pos:
                    gap = text[pos:a]
                    if gap == " " and words:
                        spaces[-1] = True
                    else:
                        # Keep odd whitespace as its own token so the text round-trips.
                        gpos = pos
                        if words and gap.startswith(" ") and not spaces[-1]:
                            spaces[-1] = True
                            gap = gap[1:]
                            gpos += 1
                        if gap:
                            words.append(gap)
                            spaces.append(False)
                            idx.append(gpos)
                            kinds.append(SPACE)
                words.append(m.group())
                spaces.append(False)
                idx.append(a)
                kinds.append(m.lastindex)
                pos = m.end()
            seg = cut
        tail = text[pos:]
        if tail:
            words.append(tail)
            spaces.append(False)
            idx.append(pos)
            kinds.append(SPACE)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        ud = doc.user_data
        ud["kg_words"], ud["kg_spaces"], ud["kg_idx"], ud["kg_kinds"] = words, spaces, idx, kinds
        return doc

    # spaCy serialisation hooks (a tokenizer must offer them to live in a pipeline).
    def to_bytes(self, **kwargs) -> bytes:  # pragma: no cover - nothing to save
        return b""

    def from_bytes(self, _b: bytes, **kwargs) -> "MixedTokenizer":  # pragma: no cover
        return self


@functools.cache
def get_nlp() -> Language:
    """A blank English pipeline with the mixed tokenizer (no model download)."""
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


@dataclass(frozen=True)
class GazetteerHit:
    start: int  # token index
    end: int
    label: str  # MODEL | DATASET
    id: str
    mt: bool  # a machine-translation alias
    ambiguous: bool


class Gazetteer:
    """Phrase matchers over the model, dataset and MT-alias pattern files.

    Patterns match on ``LOWER`` unless marked ``"case": "exact"`` (names that are also
    ordinary words, such as ``Performer`` or ``ART``), which match on ``ORTH``.
    """

    def __init__(self, nlp: Language, rows: list[dict]):
        self.nlp = nlp
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.meta: dict[str, tuple[str, str, bool, bool]] = {}
        self.ids: dict[str, tuple[str, str]] = {}  # squashed id -> (label, id)
        for i, row in enumerate(rows):
            key = f"g{i}"
            label = row.get("label", "MODEL")
            mt = row.get("lang") == "zh"
            self.meta[key] = (label, row["id"], mt, bool(row.get("ambiguous")))
            doc = nlp.make_doc(row["pattern"])
            if row.get("case") == "exact":
                self.exact.add(key, [doc])
            else:
                self.lower.add(key, [doc])
            self.ids.setdefault(_squash(row["id"]), (label, row["id"]))
            self.ids.setdefault(_squash(row["pattern"]), (label, row["id"]))

    def __call__(self, doc: Doc) -> list[GazetteerHit]:
        hits = []
        for matcher in (self.lower, self.exact):
            for match_id, s, e in matcher(doc):
                label, cid, mt, amb = self.meta[self.nlp.vocab.strings[match_id]]
                hits.append(GazetteerHit(s, e, label, cid, mt, amb))
        return hits

    @functools.cached_property
    def single_words(self) -> dict[str, tuple[str, str]]:
        """Lower-cased one-word names of 8+ letters, for typo matching."""
        out = {}
        for _key, (label, cid, mt, amb) in sorted(self.meta.items()):
            if mt or amb or not re.fullmatch(r"[A-Za-z]{8,}", cid):
                continue
            out.setdefault(cid.lower(), (label, cid))
            out.setdefault(cid.lower() + "s", (label, cid))
        return out

    def known(self, name: str) -> tuple[str, str] | None:
        """``(label, canonical id)`` when ``name`` is a gazetteer name or pattern."""
        return self.ids.get(_squash(name))


def _squash(s: str) -> str:
    """Key for "same name": case-folded without spaces, hyphens, underscores, dots and
    quotes (the annotation guidelines' matching rule). Shared by the gazetteer lookups
    and the entity rules so both always agree."""
    return re.sub(r"[\s\-_.·’'\"]+", "", s.casefold())


@functools.cache
def gazetteer() -> Gazetteer:
    rows = load_patterns("models.jsonl") + load_patterns("datasets.jsonl") + load_patterns("mt_aliases.jsonl")
    return Gazetteer(get_nlp(), rows)


@functools.cache
def cue_matcher() -> PhraseMatcher:
    """Phrases that introduce a paper's own contribution or name something, expanded
    from the vocabularies in ``kg/data/rules/`` into a PhraseMatcher (far faster than a
    token Matcher with optional tokens, and just as exact for a closed list of phrases).

    Match ids: ``WE_VERB`` ("we also propose", "this paper presents"), ``AND_VERB``
    ("… and develop", counted only after a first-person clause), ``NAMED`` ("called",
    "dubbed"), ``ZH_WE`` (我们提出, 本文进一步介绍) and ``ZH_NAMED`` (称为, 名为).
    """
    nlp = get_nlp()
    m = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add(key: str, items) -> None:
        m.add(key, [nlp.make_doc(p) for p in sorted(set(items))])

    subjects, verbs = phrases("cue_subjects"), phrases("cue_verbs")
    adverbs = ("",) + phrases("cue_adverbs")
    add("WE_VERB", (" ".join(x for x in (s, a, v) if x) for s in subjects for a in adverbs for v in verbs))
    add("AND_VERB", (f"and {v}" for v in verbs))
    add("NAMED", phrases("naming_words"))
    zh_adverbs = ("",) + phrases("cue_adverbs_zh")
    add("ZH_WE", (s + a + v for s in phrases("cue_subjects_zh") for a in zh_adverbs for v in phrases("cue_verbs_zh")))
    add("ZH_NAMED", phrases("naming_words_zh"))
    return m
