"""Rule triggers (kg.extract.triggers): a rule skipped because its declared triggers are
absent would have found nothing. Every rule runs on every entry of the seeds, the
layout fixtures and (where present) the real development set and the corpora's dev
splits, and each one whose triggers say "skip" must return no candidate there."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg.extract.entities as entities
from kg.extract.merge import merge
from kg.extract.rules import STAGES
from kg.extract.triggers import Triggers, fires, triggers_of
from kg.pipeline import extract_paths
from tests.rulehelp import ctx_of

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
CORPORA = ROOT / "tests" / "data" / "corpora"


def ungated_misses(ctx) -> list[str]:
    """Run every stage over ``ctx`` with no rule skipped (as :func:`entities_in` did
    before triggers) and name each rule that the triggers skip but that finds something."""
    misses, cands, ents = [], [], []
    for n, stage in enumerate(STAGES):
        new = []
        for rule in stage:
            got = rule.find(ctx, ents)
            if got and not fires(ctx, triggers_of(rule)):
                misses.append(f"{rule.__name__}: {[c.text for c in got]} in {ctx.text[:80]!r}")
            new += got
        cands += new
        if new or n == 0:
            ents = merge(cands)
    return misses


def _misses_in(paths: list[Path], monkeypatch) -> tuple[int, list[str]]:
    seen, misses = [], []
    real = entities.entities_in

    def checked(ctx):
        seen.append(1)
        misses.extend(ungated_misses(ctx))
        return real(ctx)

    monkeypatch.setattr(entities, "entities_in", checked)
    for _ in extract_paths([str(p) for p in paths]):
        pass
    return len(seen), misses


def _dev_real() -> list[Path]:
    manifest = REAL / "sources.tsv"
    if not manifest.is_file():
        return []
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return [REAL / "inputs" / r[0] for r in rows if r[8] == "dev" and (REAL / "inputs" / r[0]).is_file()]


def test_some_rules_declare_triggers():
    declared = [rule.__name__ for stage in STAGES for rule in stage if isinstance(triggers_of(rule), Triggers)]
    assert len(declared) >= 5


def test_skipped_rules_find_nothing_on_seeds_and_fixtures(monkeypatch):
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.*"))
    n, misses = _misses_in([p for p in paths if p.suffix in (".txt", ".md", ".markdown", ".rst")], monkeypatch)
    assert n > 100
    assert misses == []


@pytest.mark.skipif(not _dev_real(), reason="real-set inputs not cut (run scripts/real-inputs)")
def test_skipped_rules_find_nothing_on_the_real_dev_set(monkeypatch):
    n, misses = _misses_in(_dev_real(), monkeypatch)
    assert n > 1000
    assert misses == []


@pytest.mark.skipif(not list(CORPORA.glob("*/*-dev.txt")), reason="corpora not built (run scripts/corpora)")
def test_skipped_rules_find_nothing_on_the_corpora_dev_splits(monkeypatch):
    n, misses = _misses_in(sorted(CORPORA.glob("*/*-dev.txt")), monkeypatch)
    assert n > 100
    assert misses == []


@pytest.mark.parametrize("text, rule, runs", [
    ("Agents are tested in the TORCS car racing environment.", "environments", True),
    ("We evaluate on ImageNet with a ResNet.", "environments", False),
    ("在可可数据集上评估。", "zh_dataset_context", True),
    ("We evaluate on ImageNet.", "zh_dataset_context", False),  # no CJK at all
    ("本文提出一种方法。", "zh_dataset_context", False),  # Chinese without a dataset noun
])
def test_triggers_decide_from_the_entry(text, rule, runs):
    module = next(r for stage in STAGES for r in stage if r.__name__.rsplit(".", 1)[-1] == rule)
    assert fires(ctx_of(text), triggers_of(module)) is runs


def test_a_rule_without_triggers_always_runs():
    assert fires(ctx_of("Anything at all."), None)
    assert fires(ctx_of("Anything at all."), Triggers())
    assert not fires(ctx_of("No Chinese here."), Triggers(cjk=True))


def _search_each(ctx, trig) -> bool:
    """The per-rule check the anchor pass replaced: each declaration's own searches."""
    ws, tx, sq = trig._compiled()
    if trig.cjk and not ctx.has_cjk:
        return False
    if not ws and tx is None and sq is None:
        return True
    return (bool(ws & set(ctx.lower)) or (tx is not None and tx.search(ctx.text) is not None)
            or (sq is not None and sq.search(ctx.squeezed()) is not None))


def test_anchor_pass_finds_what_each_search_finds():
    """One pass over an entry for every declared substring (anchor_hits) gives every rule
    the answer its own searches gave, and exactly the declared strings the text holds."""
    from kg.extract.triggers import _anchors, anchor_hits

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in _dev_real()]
    texts += ["数据集数据", "（ABC）_x(", "集数据集", "Zorb を提案し", ""]
    gated = [(rule, triggers_of(rule)) for stage in STAGES for rule in stage if triggers_of(rule) is not None]
    hits = 0
    for text in texts:
        for part in text.split("\n\n"):
            ctx = ctx_of(part)
            in_text, in_squeezed = anchor_hits(ctx)
            tx_all, sq_all = _anchors()
            assert in_text == {s for s in tx_all.strings if s in part}
            assert in_squeezed == {s for s in sq_all.strings if s in ctx.squeezed()}
            for rule, trig in gated:
                got = fires(ctx, trig)
                assert got is _search_each(ctx, trig), (rule.__name__, part[:80])
                hits += got
    assert hits > 100
