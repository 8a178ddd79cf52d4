"""kg on the real-digest development set (tests/data/real): the issue's bars on the dev
split, and floors on the whole set so a change that loses ground on real text fails.

The inputs are other people's files and are not in git; ``scripts/real-inputs`` lays
them out byte-exact from repository snapshots (``scripts/test`` runs it). Without them
these tests skip, saying so. Held-out files are scored here but never read to write rules.
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

import pytest

from kg.evaluate import evaluate, load_aliases, load_jsonl
from kg.pipeline import extract_paths

REAL = Path(__file__).resolve().parent / "data" / "real"

with open(REAL / "sources.tsv", encoding="utf-8", newline="") as _f:
    SOURCES = list(csv.DictReader(_f, delimiter="\t"))

ABSENT = [r["file"] for r in SOURCES if not (REAL / "inputs" / r["file"]).is_file()]
pytestmark = pytest.mark.skipif(
    bool(ABSENT), reason=f"{len(ABSENT)} real-digest inputs are not laid out (scripts/real-inputs needs the "
                         "source repositories' snapshots)")

#: Issue 11's bars for the structural fields, met on the dev split.
DEV_BARS = {"entries": 0.97, "title": 0.95, "authors": 0.95, "institutions": 0.92, "category": 0.90,
            "urls": 0.90, "arxiv_id": 0.97}
#: Floors on the whole set (dev + held-out), a little under the figures measured when
#: they were set (README, "Extraction quality"): ground lost on real text fails here.
#: Re-set after the second and third rounds of sources joined the set (three rounds, 587
#: entries; the second round's held-out third is read by no rule) and the day's rule work;
#: re-set again when round 4 added four held-out sources kg reads poorly (672 entries;
#: whole set .957 entries, .936 title, .967 authors, .802 models — the held-out layouts,
#: not a regression: dev stayed at .999). Raised when round 5 (three dev feeds) and the
#: feed layout came in, which read the held-out RSS feed too (687 entries; whole set .964
#: entries, .961 arxiv_id, .944 title, .940 category, .966 urls). Round 6 (63 dev entries of
#: paper lists with author lines) and its rules: 750 entries; whole set .967 entries, .964
#: arxiv_id, .949 title, .961 authors, .946 category — entries and title raised. Round 7
#: (139 dev entries: docs-site pages, reading guides, paper lists, feed tables) and its
#: rules: 917 entries; whole set .975 entries, .968 arxiv_id, .958 title, .960 authors,
#: .857 datasets — entries and title raised; datasets lowered, since the round's pages name
#: datasets in Chinese and Japanese descriptions and captions that extraction misses (the
#: earlier sources' dataset figures did not move). Round 7 also holds eight held-out
#: sources (81 entries) scored before any rule was written for them (entries .833, title
#: .726, authors .588, institutions .000): with both halves, 998 entries; whole set .963
#: entries, .955 arxiv_id, .942 title, .932 authors, .907 institutions, .894 category —
#: the unseen layouts, not a regression. Round 8 (86 dev entries of author, affiliation and
#: category forms) and its rules: 1,096 entries; whole set .973 authors, .921 institutions,
#: .913 category raised; datasets .839 lowered — the round's gold names datasets extraction
#: has not met (a simulator, parts registries, a game, benchmarks named only in a title).
#: The dataset rules written from those classes (environments, title benchmarks, Chinese
#: and Japanese frames, dataset sections): whole-set datasets .894, floor .87. Round 9 (six
#: held-out sources, 63 entries, scored before any rule was written for them: entries .745,
#: title .412, models .459): 1,159 entries; whole set .955 entries, .951 arxiv_id, .922 title
#: — the unseen layouts, not a regression (dev unchanged); those three floors lowered.
#: One of its sources was dropped (its fields follow a reserved source's generator): 1,145
#: entries; whole set .958 entries, .951 arxiv_id, .926 title, .883 datasets, .834 models.
#: Round 10 (six held-out sources, 66 entries, scored before any rule was written for them:
#: entries .806, title .741, institutions .000, datasets .630): 1,211 entries; whole set .950
#: entries, .901 category, .903 institutions, .853 datasets — the unseen layouts, not a
#: regression (dev unchanged); those four floors lowered.
#: Round 10 (72 dev entries in ten layouts no round had, for breadth): 1,217 entries; whole
#: set datasets .850 on adding it (its abstracts name datasets extraction has not met), .848
#: once its parse rules found its entries (extraction reads some of their backbones and a
#: positioning system as datasets; the earlier sources' figures did not move) — that floor
#: lowered; entries .929 → .961 and title .912 → .930 with the rules.
#: Round 11 (ten dev sources in ten new layouts, 42 entries: BibTeX and JSON data files,
#: one-paper posts named in their opening, reading-group write-ups, an HTML newsletter's
#: cards) and its rules: 1,253 entries; whole set .952 entries, .920 title, .974 authors,
#: .901 institutions, .905 category — but models .799 and datasets .847: the round's gold
#: names models and datasets in Russian and Chinese prose, discussion posts and abstracts
#: that extraction does not read (dev models .852 before the round's rules, .853 after;
#: datasets .876 → .896). Those two floors lowered a little under the new figures.
#: Round 9 turned dev (session 14) and its layouts were read (GitBook list, notes list,
#: social-post feed, docs-site weekly, field-bullet feed page): dev .999 entries, 1.000
#: title; whole set .969 entries, .962 arxiv_id, .952 title — title raised a little only,
#: since a tenth held-out round joins the set unread.
#: After the session's merges (rounds 9–11 dev rules, prose makers, model and dataset
#: rules, the generic reader): whole set entries .964, arxiv_id .962, title .943, category
#: .909, authors .976, institutions .924, models .809, datasets .832, urls .968.
#: Round 12 (five held-out sources, 61 entries, measured before any change) joined the set
#: unread: whole set entries .960, arxiv_id .958, title .935, category .821, authors .964,
#: institutions .923, models .797, datasets .826, urls .964 — title, authors, category and
#: models floors lowered under these figures: the unseen layouts, not a regression (dev
#: unchanged).
#: Round 10's held-out sources turned dev (session 15) and their layouts were read (bold-name
#: summary bullets, closing recap tables, study rows of a newsletter, clipped articles'
#: body titles, links wrapping a line), with session 15's model and dataset rules: whole set
#: entries .971, arxiv_id .969, title .950, category .853, authors .964, institutions .921,
#: models .819, datasets .875, urls .972 (round 12 still unread) — floors a little under.
#: Round 13 (six held-out sources, 57 entries, measured before any change) joined the set
#: unread: whole set entries .956, arxiv_id .965, title .938, category .837, authors .954,
#: institutions .932, models .815, datasets .855, urls .963 — entries, arxiv_id, title,
#: category, authors, datasets and urls floors lowered under these figures: the unseen
#: layouts, not a regression (dev unchanged).
#: Round 12 turned dev (session 16) and its layouts were read, with the generic reader's
#: one-paper pages, reference lists and table rows and session 16's model and dataset rules:
#: whole set entries .961, arxiv_id .970, title .949, category .914, authors .967,
#: institutions .934, models .829, datasets .864, urls .968 — floors raised a little under.
#: Round 15 (five held-out sources, 61 entries, measured before any change) joined the set
#: unread: whole set entries .970, arxiv_id .977, title .949, category .912, authors .947,
#: institutions .917, models .831, datasets .875, urls .974 — authors and institutions floors
#: lowered under these figures: the unseen layouts, not a regression (dev unchanged).
#: Session 17: rounds 13 (turned dev) and 15d (a dev round of affiliation forms) read through
#: general rules, round 14 and 15 held out: whole set (1,644 entries) entries .981, arxiv_id
#: .986, title .962, category .931, authors .970, institutions .932, models .824, datasets
#: .877, urls .980 — floors raised a little under.
ALL_FLOORS = {"entries": 0.975, "title": 0.955, "authors": 0.965, "institutions": 0.925, "category": 0.925,
              "urls": 0.975, "arxiv_id": 0.98, "models": 0.815, "datasets": 0.87}


@functools.cache
def _score(split: str | None):
    files = {r["file"] for r in SOURCES if split is None or r["split"] == split}
    gold = [g for g in load_jsonl(REAL / "gold.jsonl") if g["file"] in files]
    pred = [r.to_dict(evidence=False) for r in extract_paths(sorted(REAL / "inputs" / f for f in files))]
    return evaluate(gold, pred, load_aliases(REAL / "aliases.json"))


#: Inputs that hold no paper at all (a news-only daily report, feed items that are a
#: GitHub repository or a company blog post): they have no gold, and every entry kg
#: finds in them is a false positive.
PAPER_FREE = {
    "haseeb-dailypaper--2025-12-01-0037.md",
    "haseeb-dailypaper--2025-12-01-0612.md",
    "redleafluan-aidaily--2025-12-15.md",
}


def test_manifest_and_gold_agree():
    """Every gold record names a listed input; every input but the paper-free ones has
    gold; splits are known."""
    files = {r["file"] for r in SOURCES}
    gold_files = {g["file"] for g in load_jsonl(REAL / "gold.jsonl")}
    assert gold_files <= files
    assert {r["split"] for r in SOURCES} == {"dev", "heldout"}
    assert PAPER_FREE <= files and not PAPER_FREE & gold_files
    assert files - gold_files == PAPER_FREE


@pytest.mark.parametrize("field, bar", sorted(DEV_BARS.items()))
def test_dev_split_meets_the_structural_bars(field, bar):
    assert _score("dev").fields[field].f1 >= bar


@pytest.mark.parametrize("field, floor", sorted(ALL_FLOORS.items()))
def test_whole_set_keeps_its_floor(field, floor):
    assert _score(None).fields[field].f1 >= floor
