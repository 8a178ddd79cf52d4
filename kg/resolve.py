"""Stage 4 — resolve: canonical institutions, model families and author variants.

Institutions resolve through a curated alias table (``kg/data/institutions.jsonl``) and,
for names the table lacks, a deliberately conservative fuzzy match that only fixes
typos: two different universities of one city differ in a word, and a word-level
difference is never merged. Every merge is recorded so ``kg resolve --report`` can show
what was merged and why.
"""
from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from rapidfuzz import fuzz, process

from kg.records import PaperRecord
from kg.text import normalize

__all__ = [
    "Institutions",
    "Merge",
    "institutions",
    "model_family",
    "resolve_authors",
    "resolve_author_nodes",
    "FUZZY_MIN_SCORE",
]

#: Minimum rapidfuzz ``ratio`` (0–100) for a fuzzy institution match. 94 admits one or
#: two character edits in a typical 25–40 character name (``Univeristy`` for
#: ``University``) but not a changed word; chosen on the alias table itself, where no two
#: distinct institutions score above 90 against each other.
FUZZY_MIN_SCORE = 94.0

# Words that mark a segment of an affiliation line as an organisation rather than an
# address, a country or a person.
ORG_WORDS = re.compile(
    r"\b(?:universit\w*|institut\w*|college|academy|laborator\w*|lab|labs|research|school|"
    r"cent(?:er|re)|foundation|hospital|inc|corp\w*|ltd|llc|gmbh|technolog\w*|group|ai|"
    r"polytechnic|ecole|école|universidad|università|universität|hochschule|council|agency|"
    r"company|studio|brain|deepmind|google|microsoft|meta|facebook|amazon|apple|nvidia|ibm|"
    r"intel|baidu|alibaba|tencent|huawei|bytedance|samsung|sony|adobe|salesforce|openai)\b",
    re.I,
)
DEPARTMENT = re.compile(
    r"^(?:the\s+)?(?:dep(?:artmen)?t\.?|department|dept|faculty|division|school of|college of|"
    r"graduate school|key lab\w*|state key|program|chair)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Merge:
    """One resolution decision: ``surface`` became ``canonical`` because of ``reason``."""

    surface: str
    canonical: str
    reason: str  # "alias", "chinese-name", "fuzzy 96.2", "as-written"


class Institutions:
    """Resolver over the alias table; instances are cheap to query and thread-safe."""

    def __init__(self, rows: Iterable[dict]):
        self.by_key: dict[str, str] = {}
        self.info: dict[str, dict] = {}
        for row in rows:
            cid = row["id"]
            self.info[cid] = row
            for alias in [cid, *row.get("aliases", ()), *row.get("zh", ())]:
                k = normalize(alias)
                if k:
                    self.by_key.setdefault(k, cid)
        self._keys = sorted(self.by_key)
        self._cache: dict[str, Merge | None] = {}

    def lookup(self, surface: str) -> Merge | None:
        """Exact alias (after :func:`kg.text.normalize`), then typo-level fuzzy.

        Answers are cached: digests repeat the same affiliations, and the fuzzy pass
        scans the whole table."""
        hit = self._cache.get(surface, self)
        if hit is self:
            hit = self._cache[surface] = self._lookup(surface)
        return hit

    def _lookup(self, surface: str) -> Merge | None:
        k = normalize(surface)
        if not k:
            return None
        cid = self.by_key.get(k)
        if cid is None and k.startswith("the "):
            cid = self.by_key.get(k[4:])
        if cid is not None:
            reason = "canonical" if surface.strip() == cid else "alias"
            if any("\u4e00" <= c <= "\u9fff" for c in surface):
                reason = "chinese-name"
            return Merge(surface, cid, reason)
        if len(k) < 12:  # short strings are abbreviations: fuzzy matching them is guessing
            return None
        hit = process.extractOne(k, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        if hit is None:
            return None
        key, score, _ = hit
        # Same words in the same order, differing only inside words: a typo, not a
        # different institution.
        if len(key.split()) != len(k.split()):
            return None
        return Merge(surface, self.by_key[key], f"fuzzy {score:.1f}")

    def resolve(self, surface: str) -> Merge:
        hit = self.lookup(surface)
        if hit is not None:
            return hit
        name = re.sub(r"^the\s+", "", surface.strip(" ,;.-"), flags=re.I)
        return Merge(surface, name, "as-written")

    def is_known(self, surface: str) -> bool:
        return self.lookup(surface) is not None


@functools.cache
def institutions() -> Institutions:
    """The packaged resolver (loaded once)."""
    rows = []
    path = resources.files("kg") / "data" / "institutions.jsonl"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(json.loads(line))
    return Institutions(rows)


# --- models -------------------------------------------------------------------------

_SIZE = re.compile(
    r"(?:\s*\(\s*\d+(?:\.\d+)?\s*[MBKT]\s*\)"  # OPT (175B)
    r"|[-_ ]\d+(?:\.\d+)?[MBT]\b"  # OPT-30B, T5 11B
    r"|[-_ ](?:small|base|large|xl|xxl|tiny|mini|medium|huge|giant))$",
    re.I,
)


def model_family(name: str) -> str:
    """Map a size variant to its family: ``T5-XL`` → ``T5``, ``OPT (175B)`` → ``OPT``.

    Depth variants with names of their own (``ResNet-18``) and versions (``GPT-3``) are
    left alone: only sizes in parameters and the usual size words are stripped.

    >>> [model_family(x) for x in ("T5-small", "OPT-30B", "OPT (175B)", "ResNet-18", "GPT-3")]
    ['T5', 'OPT', 'OPT', 'ResNet-18', 'GPT-3']
    """
    prev, s = None, name.strip()
    while prev != s:
        prev = s
        s = _SIZE.sub("", s).strip()
    return s or prev


# --- authors ---------------------------------------------------------------------------


def _initials_key(name: str) -> tuple[str, str] | None:
    """``("s", "salter")`` for ``S Salter``, ``S. Salter`` and ``Sasha Salter``."""
    parts = [p for p in re.split(r"[\s.]+", name.strip()) if p]
    if len(parts) < 2 or not parts[-1][:1].isalpha():
        return None
    return parts[0][0].casefold(), normalize(parts[-1])


def _variant_merges(people: dict[str, tuple[set[str], set[str]]]) -> list[Merge]:
    """The author-variant rule, over ``written name → (co-author keys, institutions)``.

    Two written forms merge when they share first initial and surname *and* share a
    co-author or an institution; the longer (more informative) form wins. Everything
    else stays apart: two ``J Wang`` with nothing in common are kept as written, because
    a wrong merge is worse than a missed one. One rule for records and for graphs.
    """
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n in people:
        k = _initials_key(n)
        if k:
            forms[k].add(n)
    merges: list[Merge] = []
    for k, names in sorted(forms.items()):
        if len(names) < 2:
            continue
        ordered = sorted(names, key=lambda n: (-len(n.replace(".", "")), n))
        target = ordered[0]
        for other in ordered[1:]:
            if normalize(other) == normalize(target):
                continue
            shared_co = people[target][0] & people[other][0]
            shared_in = people[target][1] & people[other][1]
            if shared_co or shared_in:
                why = "shared co-author " + sorted(shared_co)[0] if shared_co else "shared institution " + sorted(shared_in)[0]
                merges.append(Merge(other, target, why))
    return merges


def resolve_authors(records: Sequence[PaperRecord]) -> tuple[list[PaperRecord], list[Merge]]:
    """Merge variants of one author's name across records, only when it is safe (the
    rule of :func:`_variant_merges`); returns the renamed records and the merges."""
    people: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for r in records:
        names = [a.name for a in r.authors]
        for n in names:
            co, ins = people[n]
            co.update(normalize(x) for x in names if x != n)
            ins.update(m.name for m in r.institutions)
    merges = _variant_merges(people)
    rename = {m.surface: m.canonical for m in merges}
    if not rename:
        return list(records), merges
    out = []
    for r in records:
        if any(a.name in rename for a in r.authors):
            r = replace(r, authors=tuple(replace(a, name=rename.get(a.name, a.name)) for a in r.authors))
        out.append(r)
    return out, merges


def resolve_author_nodes(G) -> list[Merge]:
    """:func:`resolve_authors` on a graph, in place: a variant's Author node is merged
    into the canonical one (its edges keep their own evidence, the written form) and
    the target lists what it absorbed in ``variants``.

    Working on the graph rather than on records lets a build stream: the records can be
    dropped as soon as they are in the graph, and variants are also resolved across
    builds merged into one file.
    """
    from kg.graph import merge_nodes

    authors = {n: d["name"] for n, d in G.nodes(data=True) if d.get("label") == "Author"}
    people: dict[str, tuple[set[str], set[str]]] = {}
    for n, name in authors.items():
        co: set[str] = set()
        ins: set[str] = set()
        for _, paper, rel in G.out_edges(n, keys=True):
            if rel != "AUTHORED":
                continue
            co.update(G.nodes[a]["key"] for a, _, r in G.in_edges(paper, keys=True) if r == "AUTHORED" and a != n)
            ins.update(G.nodes[i]["name"] for _, i, r in G.out_edges(paper, keys=True) if r == "AFFILIATED_WITH")
        people[name] = (co, ins)
    merges = _variant_merges(people)
    by_name = {name: n for n, name in authors.items()}
    for m in merges:
        merge_nodes(G, by_name[m.surface], by_name[m.canonical], note=f"{m.surface} ({m.reason})")
    return merges


# --- report ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    """One row of ``kg resolve --report``: what was merged into what, why, and where."""

    kind: str  # institution | author | model
    surface: str
    canonical: str
    reason: str
    where: str  # first file:line it was seen


def resolution_report(records: Sequence[PaperRecord], *, include_identity: bool = False) -> list[Decision]:
    """Every merge resolution made over ``records``, deduplicated and sorted.

    Institutions: each distinct written form with its canonical name and the reason
    (``alias``, ``chinese-name``, ``fuzzy 96.0``, ``as-written`` for names the table
    lacks). Authors: the safe variant merges of :func:`resolve_authors`. Models: size
    variants mapped to their family. Identity rows (surface equals canonical) are left
    out unless ``include_identity``.
    """
    import os

    rows: dict[tuple[str, str, str], Decision] = {}

    def add(kind: str, surface: str, canonical: str, reason: str, where: str) -> None:
        if not include_identity and surface.strip() == canonical and reason in ("canonical", "as-written"):
            return
        rows.setdefault((kind, surface, canonical), Decision(kind, surface, canonical, reason, where))

    for r in records:
        where = f"{os.path.basename(r.file)}:{r.line}"
        for m in r.institutions:
            add("institution", m.text, m.name, m.source, where)
        for m in r.models + r.datasets:
            text = m.text.strip()
            if normalize(text) == normalize(m.name):
                continue
            if model_family(text) == m.name:
                why = "size variant → family"
            elif "mt" in m.source.split("+"):
                why = "machine-translation alias"
            elif "acronym" in m.source.split("+"):
                why = "long form → acronym"
            else:
                why = f"alias ({m.source})"
            add("model" if m in r.models else "dataset", text, m.name, why, where)
    _, merges = resolve_authors(records)
    first_seen = {}
    for r in records:
        for a in r.authors:
            first_seen.setdefault(a.name, f"{os.path.basename(r.file)}:{r.line}")
    for m in merges:
        add("author", m.surface, m.canonical, m.reason, first_seen.get(m.surface, ""))
    return sorted(rows.values(), key=lambda d: (d.kind, d.canonical.casefold(), d.surface.casefold()))
