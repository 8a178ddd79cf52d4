"""Extraction quality on the seed digests against the gold copy in tests/data.

The bars are the foundation issue's; kg is also scored on unseen digests, so these
numbers come from general rules and gazetteers, never from seed-specific cases.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.evaluate import evaluate, load_aliases, load_jsonl

HERE = Path(__file__).resolve().parent
BARS = {
    "entries": 1.0, "arxiv_id": 1.0, "title": 1.0, "category": 1.0, "urls": 1.0,
    "authors": 0.99, "institutions": 0.97, "models": 0.93, "datasets": 0.93, "models_proposed": 0.80,
}


@pytest.fixture(scope="module")
def report():
    records = kg.extract_paths([HERE.parent / "seeds"])
    pred = [r.to_dict() for r in records]
    return evaluate(load_jsonl(HERE / "data" / "seeds.jsonl"), pred, load_aliases(HERE / "data" / "aliases.json"))


@pytest.mark.parametrize("field, bar", sorted(BARS.items()))
def test_seed_score_meets_bar(report, field, bar):
    score = report.fields[field]
    assert score.f1 >= bar, f"{field}: F1 {score.f1:.3f} < {bar} (tp={score.tp} fp={score.fp} fn={score.fn})"
