"""kg.evaluate: hand-computed scores on tiny fixtures, and parity with the reference scorer."""
from __future__ import annotations

import copy
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import EvaluationError
from kg.evaluate import FIELDS, FieldScore, Report, evaluate, evaluate_files, load_aliases, load_jsonl

DATA = Path(__file__).parent / "data"
SCORER = Path(__file__).parents[2] / "shared/tools/score_extraction.py"


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def counts(report: Report) -> dict[str, tuple[int, int, int]]:
    return {k: (s.tp, s.fp, s.fn) for k, s in report.fields.items()}


# ---------------------------------------------------------------- hand-made fixture

GOLD = [
    {
        "file": "d1.txt", "first_line": 1, "arxiv_id": "2301.00001", "title": "Scaling T5",
        "category": "cs.CL", "authors": ["Ann Lee", "Bo Chen"], "institutions": ["Allen Institute for AI"],
        "models": [{"name": "T5", "role": "proposed"}, {"name": "OPT", "role": "used"}, {"name": "BERT", "role": "used"}],
        "datasets": [{"name": "GLUE", "role": "used"}], "urls": ["https://github.com/x/y"],
    },
    {"file": "d1.txt", "first_line": 10, "title": "Second", "models": [{"name": "GPT-3", "role": "used"}],
     "urls": ["http://example.org/data/"]},
    # Nothing predicted within two lines of this one: a missed entry.
    {"file": "d1.txt", "first_line": 20, "title": "Missing one", "models": [{"name": "ResNet-18", "role": "used"}]},
]

PRED = [
    {
        # kg's own shape: nested source with a directory, one line off.
        "source": {"file": "out/d1.txt", "line": 2}, "arxiv_id": "2301.00001", "title": "Scaling  t5",
        "category": "cs.LG", "authors": ["Ann  Lee", "Bo Chen"], "institutions": ["AI2"],
        "models": [{"name": "T5-XL", "role": "proposed"}, {"name": "OPT (175B)", "role": "used"},
                   {"name": "RoBERTa", "role": "used"}],
        "datasets": [{"name": "General Language Understanding Evaluation", "role": "proposed"}],
        "urls": ["github.com/x/y/"],
    },
    # Two lines off still matches; bare-string names; other scheme, no trailing slash.
    {"source": {"file": "d1.txt", "line": 12}, "title": "Second", "models": ["GPT 3"],
     "urls": ["https://example.org/data"]},
    # Three lines off the missed gold entry: an extra entry, its names not scored.
    {"source": {"file": "d1.txt", "line": 23}, "title": "Missing one", "models": ["ResNet-18"]},
    # A file gold does not annotate at all.
    {"source": {"file": "d2.txt", "line": 1}, "title": "Elsewhere"},
]

ALIASES = {"Allen Institute for AI": ["AI2"], "OPT": ["OPT (175B)"],
           "GLUE": ["General Language Understanding Evaluation"]}

EXPECTED = {
    "entries": (2, 2, 1),            # d1:1, d1:10 found; d1:20 missed; d1:23 and d2:1 extra
    "arxiv_id": (1, 0, 0),
    "title": (2, 0, 1),              # squashed: "Scaling  t5" == "Scaling T5"
    "category": (0, 1, 1),
    "authors": (2, 0, 0),            # whitespace collapsed
    "institutions": (1, 0, 0),       # AI2 is an alias
    "models": (3, 1, 2),             # T5-XL→T5, OPT (175B)→OPT, GPT 3; RoBERTa extra; BERT, ResNet-18 missed
    "models_proposed": (1, 0, 0),
    "datasets": (1, 0, 0),           # alias
    "datasets_proposed": (0, 1, 0),  # predicted as proposed, gold says used
    "urls": (2, 0, 0),               # scheme and trailing slash ignored
}


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    pred = write_jsonl(tmp_path / "pred.jsonl", PRED)
    (tmp_path / "aliases.json").write_text(json.dumps(ALIASES), encoding="utf-8")
    return gold, pred


def test_hand_computed_counts(files: tuple[Path, Path]) -> None:
    report = evaluate_files(*files)  # aliases.json beside the gold file is picked up
    assert list(report.fields) == list(FIELDS)
    assert counts(report) == EXPECTED
    m = report.to_dict()["models"]
    assert m == {"precision": 0.75, "recall": 0.6, "f1": 0.6667, "tp": 3, "fp": 1, "fn": 2}
    assert report.misses["models"] == ["d1.txt:1: bert", "d1.txt:20: resnet18"]
    assert report.extras["models"] == ["d1.txt:1: roberta"]
    assert report.misses["entries"] == ["d1.txt:20: d1.txt:20"]
    assert report.extras["entries"] == ["extra: d1.txt:23", "extra: d2.txt:1"]


def test_without_aliases_size_variants_still_match_but_aliases_do_not() -> None:
    report = evaluate(GOLD, PRED)
    # OPT (175B) and T5-XL reduce to their family without any table ...
    assert counts(report)["models"] == (3, 1, 2)
    # ... but AI2 and the spelled-out GLUE need it.
    assert counts(report)["institutions"] == (0, 1, 1)
    assert counts(report)["datasets"] == (0, 1, 1)


@pytest.mark.parametrize(
    ("gold", "pred", "match"),
    [
        ("T5", "T5-XL", True),
        ("T5", "t5_small", True),
        ("OPT", "OPT (175B)", True),
        ("LLaMA", "LLaMA-7B", True),
        ("Pythia", "Pythia-1.4b-base", True),  # stripped repeatedly
        ("ResNet-18", "ResNet", False),         # a depth is not a size
        ("GPT-3", "GPT-4", False),
    ],
)
def test_model_size_variants(gold: str, pred: str, match: bool) -> None:
    report = evaluate([{"file": "a", "first_line": 1, "models": [gold]}],
                      [{"file": "a", "first_line": 1, "models": [pred]}])
    assert (report.fields["models"].tp == 1) is match


def test_datasets_are_not_reduced_to_a_family() -> None:
    report = evaluate([{"file": "a", "first_line": 1, "datasets": ["WebVid"]}],
                      [{"file": "a", "first_line": 1, "datasets": ["WebVid-2M"]}])
    assert counts(report)["datasets"] == (0, 1, 1)


def test_listed_alias_wins_over_size_stripping() -> None:
    aliases = {"OPT-IML": ["OPT-IML 30B"]}
    report = evaluate([{"file": "a", "first_line": 1, "models": ["OPT-IML"]}],
                      [{"file": "a", "first_line": 1, "models": ["OPT-IML 30B", "opt iml"]}], aliases)
    assert counts(report)["models"] == (1, 0, 0)


def test_alignment_prefers_the_nearest_unused_prediction() -> None:
    gold = [{"file": "a", "first_line": 1, "title": "one"}, {"file": "a", "first_line": 3, "title": "three"}]
    pred = [{"file": "a", "first_line": 3, "title": "three"}, {"file": "a", "first_line": 2, "title": "one"}]
    report = evaluate(gold, pred)
    assert counts(report)["entries"] == (2, 0, 0)
    assert counts(report)["title"] == (2, 0, 0)


def test_alignment_tie_goes_to_the_earlier_prediction() -> None:
    gold = [{"file": "a", "first_line": 5, "title": "x"}]
    pred = [{"file": "a", "first_line": 4, "title": "first"}, {"file": "a", "first_line": 6, "title": "x"}]
    report = evaluate(gold, pred)
    assert counts(report)["title"] == (0, 1, 1)
    assert report.extras["entries"] == ["extra: a:6"]


def test_empty_inputs_score_perfect_recall_and_precision() -> None:
    report = evaluate([], [])
    assert all(s.to_dict()["f1"] == 1.0 for s in report.fields.values())


def test_field_score_conventions() -> None:
    assert FieldScore("x", 0, 0, 0).to_dict() == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}
    assert FieldScore("x", 0, 2, 0).f1 == 0.0
    assert FieldScore("x", 0, 0, 3).recall == 0.0
    assert FieldScore("x", 1, 2, 0).to_dict()["precision"] == 0.3333


def test_format_table(files: tuple[Path, Path]) -> None:
    text = evaluate_files(*files).format_table()
    lines = text.splitlines()
    assert lines[0].split() == ["field", "P", "R", "F1", "tp", "fp", "fn"]
    assert [ln.split()[0] for ln in lines[1:12]] == list(FIELDS)
    assert lines[7].split() == ["models", "0.750", "0.600", "0.667", "3", "1", "2"]
    assert "models: missed 2, extra 1" in lines
    assert "  missed d1.txt:1: bert" in lines
    assert "  extra  d1.txt:1: roberta" in lines


# ---------------------------------------------------------------- files and errors


def test_bad_json_line_reports_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"file": "a", "first_line": 1}\n\n{"file": "a", oops}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold\.jsonl:3: not JSON: "):
        load_jsonl(path)


def test_non_object_line_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"pred\.jsonl:1: expected a JSON object"):
        load_jsonl(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such file"):
        load_jsonl(tmp_path / "nope.jsonl")
    with pytest.raises(EvaluationError, match="no such file"):
        evaluate_files(tmp_path / "nope.jsonl", tmp_path / "nope2.jsonl")


def test_load_jsonl_skips_blank_lines_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"a": 1}\n   \n{"a": 2}\n')
    assert load_jsonl(path) == [{"a": 1}, {"a": 2}]


def test_load_aliases(tmp_path: Path) -> None:
    assert load_aliases(None) == {}
    assert load_aliases(DATA / "aliases.json")["T5"] == ["T5-small", "T5-XL"]
    with pytest.raises(EvaluationError, match="no such alias file"):
        load_aliases(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"T5": "T5-XL"}', encoding="utf-8")
    with pytest.raises(EvaluationError, match="list of strings"):
        load_aliases(bad)


# ---------------------------------------------------------------- parity with the reference scorer


def perturb(gold: list[dict], seed: int = 7) -> list[dict]:
    """A plausible imperfect extraction of ``gold``: kg's record shape, shifted lines,
    dropped, renamed and size-variant names, reformatted URLs, one entry lost, one
    spurious entry added."""
    rng = random.Random(seed)
    out = []
    for i, rec in enumerate(gold):
        if i == 5:
            continue  # a missed entry
        p = copy.deepcopy(rec)
        p["source"] = {"file": f"digests/{p.pop('file')}", "line": p.pop("first_line") + rng.choice([0, 0, 1, -1, 2])}
        models = []
        for m in p.get("models") or []:
            r = rng.random()
            if r < 0.2:
                continue  # dropped
            if r < 0.3:
                m["name"] += rng.choice(["-XL", " (7B)", "-base", "-13b"])
            elif r < 0.4:
                m["name"] = m["name"].upper().replace(" ", "_")
            elif r < 0.5:
                m["name"] = f"Wrong{i}"
            elif r < 0.6:
                m["role"] = "proposed" if m.get("role") != "proposed" else "used"
            models.append(m)
        if i % 4 == 0:
            models.append({"name": "OPT (175B)", "role": "used"})
        p["models"] = models
        p["datasets"] = [d for d in p.get("datasets") or [] if rng.random() > 0.25]
        if i % 3 == 0:
            p["datasets"].append({"name": "WebVid-2M", "role": "used"})
        p["urls"] = [u.replace("https://", "http://") + "/" if j % 2 == 0 else u
                     for j, u in enumerate(p.get("urls") or [])]
        p["institutions"] = [s.upper() if rng.random() < 0.5 else s for s in p.get("institutions") or []]
        if p.get("title") and rng.random() < 0.3:
            p["title"] = p["title"] + " revisited"
        if p.get("authors") and rng.random() < 0.3:
            p["authors"] = p["authors"][:-1]
        out.append(p)
    out.append({"source": {"file": "digests/999_extra.txt", "line": 4}, "title": "Spurious",
                "models": [{"name": "GPT-3", "role": "used"}]})
    return out


def run_scorer(gold: Path, pred: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), *args],
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


@pytest.mark.skipif(not SCORER.is_file(), reason=f"reference scorer not found at {SCORER} (only in the project workspace)")
@pytest.mark.parametrize("with_aliases", [True, False])
def test_parity_with_reference_scorer(tmp_path: Path, with_aliases: bool) -> None:
    gold = tmp_path / "seeds.jsonl"
    shutil.copy(DATA / "seeds.jsonl", gold)
    if with_aliases:
        shutil.copy(DATA / "aliases.json", tmp_path / "aliases.json")  # both default to the file beside gold
    pred = write_jsonl(tmp_path / "pred.jsonl", perturb(load_jsonl(gold)))

    ours = evaluate_files(gold, pred)
    theirs = json.loads(run_scorer(gold, pred, "--json"))
    assert ours.to_dict() == theirs
    # The perturbation must actually exercise the scorer, not compare two perfect runs.
    assert any(v["f1"] < 1.0 for v in theirs.values())
    assert theirs["entries"]["fp"] >= 1 and theirs["entries"]["fn"] >= 1
    # The text table, too, is the reference scorer's.
    assert ours.format_table() + "\n" == run_scorer(gold, pred)
