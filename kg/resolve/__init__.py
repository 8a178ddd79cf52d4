"""Stage 4 — resolve: canonical institutions, model families, author variants, types.

Institutions resolve through a curated alias table (``kg/data/institutions.jsonl``) and,
for names the table lacks, a deliberately conservative fuzzy match that only fixes
typos: two different universities of one city differ in a word, and a word-level
difference is never merged. Every merge is recorded so ``kg resolve --report`` can show
what was merged and why, and on the graph each merged node lists what it absorbed and why
in ``variants`` (``"written form (reason)"``), which ``kg why`` prints.

On the graph, after every build (:func:`resolve_graph`): author variants
(:func:`resolve_author_nodes`), then the type vote (:func:`vote_types`), then the user's
curation file (:mod:`kg.resolve.curation`), so a user decision always has the last word.
"""
from __future__ import annotations

import functools
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from rapidfuzz import fuzz, process

from kg.text import normalize
from kg.records import Mention, PaperRecord

__all__ = [
    "Institutions",
    "Merge",
    "institutions",
    "model_family",
    "resolve_authors",
    "resolve_author_nodes",
    "mention_reason",
    "vote_types",
    "resolve_graph",
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
        self.by_domain: dict[str, str] = {}
        self.info: dict[str, dict] = {}
        for row in rows:
            cid = row["id"]
            self.info[cid] = row
            for domain in row.get("domains", ()):
                self.by_domain.setdefault(domain.lower(), cid)
            for alias in [cid, *row.get("aliases", ()), *row.get("zh", ())]:
                k = normalize(alias)
                if k:
                    self.by_key.setdefault(k, cid)
        self._keys = sorted(self.by_key)
        self._cache: dict[str, Merge | None] = {}
        self._near_keys: dict[int, list[str]] = {}  # memo of _near(): a key length -> keys
        self._key_lens: list[int] | None = None  # len() of each key, for _near()

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
        if cid is None:
            # "Lenovo Ltd", "Baidu, Inc.", "Zorb Co., Ltd.": a company's legal suffix on a
            # known name.
            bare = _LEGAL_SUFFIX.sub("", k)
            if bare != k:
                cid = self.by_key.get(bare)
        if cid is None and _DOMAIN.fullmatch(surface.strip()):
            cid = self._domain(surface.strip().lstrip("@").lower())
        if cid is not None:
            reason = "canonical" if surface.strip() == cid else "alias"
            if any("\u4e00" <= c <= "\u9fff" for c in surface):
                reason = "chinese-name"
            return Merge(surface, cid, reason)
        if len(k) < 12:  # short strings are abbreviations: fuzzy matching them is guessing
            return None
        hit = process.extractOne(k, self._near(len(k)), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        if hit is None:
            return None
        key, score, _ = hit
        # Same words in the same order, differing only inside words: a typo, not a
        # different institution.
        if len(key.split()) != len(k.split()):
            return None
        return Merge(surface, self.by_key[key], f"fuzzy {score:.1f}")

    def _domain(self, host: str) -> str | None:
        """The organisation an e-mail or web domain stands for (``cs.princeton.edu``,
        ``@ustc.edu.cn``, ``meituan.com``): a domain the table lists for it (``ust.hk``),
        the host or any parent of it; else the domain's own name, the label before its
        public suffix (``princeton``, ``ustc``, ``meituan``), as an alias. The suffix
        words are data-free on purpose: a generic second level (``edu``, ``ac``, ``com``
        …) under a country code, or a top-level domain, is never an organisation."""
        labels = host.split(".")
        for k in range(len(labels) - 1):
            cid = self.by_domain.get(".".join(labels[k:]))
            if cid is not None:
                return cid
        rest = labels[:-1]  # the top-level domain names no one
        if len(rest) > 1 and rest[-1] in _GENERIC_SLD:
            rest = rest[:-1]
        if not rest:
            return None
        return self.by_key.get(normalize(rest[-1]))

    def _near(self, n: int) -> list[str]:
        """The keys whose length lets ``fuzz.ratio`` reach :data:`FUZZY_MIN_SCORE` against a
        string of ``n`` characters, in table order (so ``extractOne`` picks what it picks
        from the whole table: the keys left out cannot reach the cutoff). The ratio is
        ``100 * (1 - indel / (n + m))`` and the indel distance is at least ``|n - m|``; a
        character of slack on top. Each unknown affiliation otherwise scored all ~2,700
        keys: ~100 µs, the largest single cost of an entry's extraction outside its rules."""
        got = self._near_keys.get(n)
        if got is None:
            # |n - m| <= slack * (n + m) + 1, solved for the key's length m and rounded
            # outwards (a wider range only scores a key more).
            slack = 1 - FUZZY_MIN_SCORE / 100
            lo = math.floor((n * (1 - slack) - 1) / (1 + slack))
            hi = math.ceil((n * (1 + slack) + 1) / (1 - slack))
            if self._key_lens is None:
                self._key_lens = [len(key) for key in self._keys]
            got = self._near_keys[n] = [key for key, m in zip(self._keys, self._key_lens) if lo <= m <= hi]
        return got

    def resolve(self, surface: str) -> Merge:
        hit = self.lookup(surface)
        if hit is not None:
            return hit
        name = re.sub(r"^the\s+", "", surface.strip(" ,;.-"), flags=re.I)
        return Merge(surface, name, "as-written")

    def is_known(self, surface: str) -> bool:
        return self.lookup(surface) is not None

    def parent(self, cid: str) -> str | None:
        """The organisation that owns ``cid`` (``Google Brain`` → ``Google``), where the
        table says so."""
        row = self.info.get(cid)
        return row.get("parent") if row else None


# A company's legal form after its name, on a normalised key (lower case; the
# punctuation kg.text.normalize keeps or drops is optional here).
_LEGAL_SUFFIX = re.compile(
    r"(?:[\s,]+(?:co[.,]*\s*)?(?:ltd|limited|inc|incorporated|llc|corp|corporation|gmbh|plc|pbc|ag|s\.?a)\.?)+$"
)


# A host name as a whole surface ("cs.princeton.edu", "@ustc.edu.cn", "graphcore.ai"):
# lower-case or not, at least one dot, a top-level domain of letters.
_DOMAIN = re.compile(r"@?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,6}")
# Second-level labels under a country code that name a kind of organisation, not one
# (ustc.edu.cn, ox.ac.uk, naver.co.kr).
_GENERIC_SLD = frozenset(("ac", "co", "com", "edu", "gov", "net", "org", "or", "ne", "go"))


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
    # Only names that share their initial and surname with another name can merge: index
    # the names by that key first and collect co-authors and institutions for those
    # alone (a few percent of a large graph's authors), not two sets for every author.
    forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name in authors.values():
        k = _initials_key(name)
        if k:
            forms[k].add(name)
    candidates = {name for names in forms.values() if len(names) > 1 for name in names}
    del forms
    people: dict[str, tuple[set[str], set[str]]] = {}
    for n, name in authors.items():
        if name not in candidates:
            continue
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


# --- mentions: why a written form became its name ----------------------------------------


def mention_reason(m: Mention, kind: str) -> str | None:
    """Why mention ``m`` (of ``kind``: institution, model, dataset) carries a name other
    than what the entry wrote, or ``None`` when the two are the same name. The words avoid
    parentheses: a node's ``variants`` read ``"written form (reason)"``.

    >>> mention_reason(Mention("T5", "T5-XL", 0, 5, source="gazetteer"), "model")
    'size variant → family'
    >>> mention_reason(Mention("CMU", "CMU", 0, 3, source="alias"), "institution") is None
    True
    """
    text = m.text.strip()
    # The same name by each kind's rule: word by word for institutions, squashed for
    # models and datasets (the guidelines: ``ERNIE-M`` is ``ErnieM``).
    if normalize(text, squash=kind != "institution") == normalize(m.name, squash=kind != "institution"):
        return None
    if kind == "institution":
        # The resolver's own reason (alias, chinese-name, fuzzy 96.0); "as-written" with
        # a different text means only a leading article or stray punctuation went.
        return "written form trimmed" if m.source == "as-written" else m.source
    rules = m.source.split("+")
    if model_family(text) == m.name:
        return "size variant → family"
    if "mt" in rules:
        return "machine-translation alias"
    if "acronym" in rules:
        return "long form → acronym"
    return f"alias: {m.source}"


# --- types across entries -----------------------------------------------------------------

#: The type an edge takes when its Model node becomes a Dataset, and back (the vote and
#: curation's retype and merge).
REL_AS_LABEL = {
    "Dataset": {"USES": "EVALUATES_ON", "PROPOSES": "INTRODUCES"},
    "Model": {"EVALUATES_ON": "USES", "INTRODUCES": "PROPOSES"},
}


def _rules(e: dict) -> set[str]:
    return set(str(e.get("rule") or "").split("+")) - {""}


def vote_types(G) -> list[Merge]:
    """The type vote on a graph, in place: a name that is a Model only where a rule
    guessed it (a name shape or a list: Model is the default type of a new name) and a
    Dataset where the text says so elsewhere becomes that Dataset; its edges follow
    (``USES`` → ``EVALUATES_ON``; ``PROPOSES`` → ``INTRODUCES`` only where a cue or the
    title made it the paper's own, as :func:`kg.extract.votes.vote_kinds` does).

    One Model edge with evidence (a gazetteer, a context or a cue; or no recorded rule,
    as in graphs built before edges carried one) keeps the name a Model everywhere: a
    wrong retype is worse than a missed one. Names are compared squashed (``Llama 2`` =
    ``LLaMA-2``). Each retype is a merge recorded on the Dataset node.
    """
    from kg.extract.votes import GUESS_SOURCES, OWN_SOURCES
    from kg.graph import merge_nodes

    groups: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for n, d in G.nodes(data=True):
        if d.get("label") in ("Model", "Dataset"):
            groups[normalize(d["name"], squash=True)][d["label"] == "Dataset"].append(n)
    merges: list[Merge] = []
    for _, (models, datasets) in sorted(groups.items()):
        if not models or not datasets:
            continue
        edges = [e for m in models for *_, e in G.in_edges(m, data=True)]
        if not edges or any(not _rules(e) or not _rules(e) <= GUESS_SOURCES for e in edges):
            continue
        target = min(datasets, key=lambda n: (-G.in_degree(n), n))
        entries = {s for d in datasets for *_, e in G.in_edges(d, data=True) for s in e.get("sources", ())}
        guessed = "+".join(sorted(set().union(*(_rules(e) for e in edges))))
        why = (f"retyped Model → Dataset: a Dataset in {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}, "
               f"a Model only by a guess of {guessed}")

        def relabel(k: str, e: dict) -> str:
            if k == "PROPOSES" and not _rules(e) & OWN_SOURCES:
                return "EVALUATES_ON"
            return REL_AS_LABEL["Dataset"].get(k, k)

        for m in sorted(models):
            name = G.nodes[m]["name"]
            merge_nodes(G, m, target, note=f"{name} ({why})", relabel=relabel)
            merges.append(Merge(name, G.nodes[target]["name"], why))
    return merges


def resolve_graph(G, curation=None) -> list[tuple[str, Merge]]:
    """Every graph-side resolution, in place and in order: author variants, the type
    vote, then ``curation`` (a :class:`kg.resolve.curation.Curation`) whose outcome per line is
    kept in ``G.graph["curation"]``. Returns ``(kind, merge)`` for the automatic
    decisions."""
    done = [("author", m) for m in resolve_author_nodes(G)]
    done += [("type", m) for m in vote_types(G)]
    if curation is not None:
        from kg.resolve.curation import apply_curation

        G.graph["curation"] = [o.to_dict() for o in apply_curation(G, curation)]
    return done


# --- report ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    """One row of ``kg resolve --report``: what was merged into what, why, and where."""

    kind: str  # institution | author | model
    surface: str
    canonical: str
    reason: str
    where: str  # first file:line it was seen


def resolution_report(records: Sequence[PaperRecord], *, include_identity: bool = False,
                      curation=None) -> list[Decision]:
    """Every merge resolution made over ``records``, deduplicated and sorted.

    Institutions: each distinct written form with its canonical name and the reason
    (``alias``, ``chinese-name``, ``fuzzy 96.0``, ``as-written`` for names the table
    lacks). Authors: the safe variant merges of :func:`resolve_authors`. Models and
    datasets: written forms mapped to another name (:func:`mention_reason`), and names
    retyped by the vote on the graph (:func:`vote_types`, kind ``type``). Identity rows
    (surface equals canonical) are left out unless ``include_identity``. With
    ``curation`` (a :class:`kg.resolve.curation.Curation`), one row per line (kind
    ``curation``): ``applied``, ``in effect`` or ``not applied`` and why, on the graph
    of ``records``.
    """
    import os

    from kg.pipeline import merge_into, unresolved_graph

    rows: dict[tuple[str, str, str], Decision] = {}

    def add(kind: str, surface: str, canonical: str, reason: str, where: str) -> None:
        if not include_identity and surface.strip() == canonical and reason in ("canonical", "as-written"):
            return
        rows.setdefault((kind, surface, canonical), Decision(kind, surface, canonical, reason, where))

    first_seen: dict[str, str] = {}
    for r in records:
        where = f"{os.path.basename(r.file)}:{r.line}"
        for m in r.institutions:
            add("institution", m.text, m.name, m.source, where)
        for kind, ms in (("model", r.models), ("dataset", r.datasets)):
            for m in ms:
                first_seen.setdefault(normalize(m.name, squash=True), where)
                why = mention_reason(m, kind)
                if why:
                    add(kind, m.text.strip(), m.name, why, where)
    _, merges = resolve_authors(records)
    for r in records:
        for a in r.authors:
            first_seen.setdefault(a.name, f"{os.path.basename(r.file)}:{r.line}")
    for m in merges:
        add("author", m.surface, m.canonical, m.reason, first_seen.get(m.surface, ""))
    # The graph-side decisions: the same graph a build makes of these records.
    G = unresolved_graph(records)
    for m in vote_types(G):
        add("type", m.surface, m.canonical, m.reason, first_seen.get(normalize(m.surface, squash=True), ""))
    out = sorted(rows.values(), key=lambda d: (d.kind, d.canonical.casefold(), d.surface.casefold()))
    if curation is not None:  # after the automatic decisions, in file order
        merge_into(None, G, curation)
        out += [Decision("curation", f"{o['action']} {o['node']}", o["value"] or "",
                         o["status"] + (f": {o['detail']}" if o["detail"] else ""), f"{o['file']}:{o['line']}")
                for o in G.graph.get("curation", ())]
    return out
