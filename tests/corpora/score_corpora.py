#!/usr/bin/env python3
"""Score kg's extraction on the public annotated corpora, per corpus, split and field.

Each corpus folder (made by ``convert_corpora.py``) holds ``corpus.json`` and, per
split, ``<corpus>-<split>.txt`` (abstract entries), ``.gold.jsonl`` and
``.aliases.json``. This runs kg's extraction on the entries and scores it with
:func:`kg.evaluate.evaluate`, whose matching is by design that of the project's
reference scorer (``shared/tools/score_extraction.py``); ``--reference-scorer`` runs
that script on the same files as a cross-check. Only the fields the corpus annotates
(``corpus.json`` ``fields``) are reported, plus ``entries`` (did kg read every
sentence as one entry); roles are reported only where the corpus annotates them.

Heldout is for reporting: misses and extras (``--errors``) are listed for ``dev``
only, so rules are never written from heldout sentences.

Usage::

    python tests/corpora/score_corpora.py                       # every corpus, both splits
    python tests/corpora/score_corpora.py --split dev --errors  # what dev misses
    python tests/corpora/score_corpora.py --corpus tdmsci --limit 100 --json

The corpora are looked up in ``--corpora DIR``, else ``$KG_CORPORA``, else
``tests/data/corpora`` in this repository, else ``shared/corpora`` beside it.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kg
from kg.errors import KgError
from kg.evaluate import _NameKeys, evaluate, load_aliases, load_jsonl

__all__ = ["CorpusScore", "find_corpora", "list_corpora", "match_written_forms", "score_split", "format_table", "main"]

REPO = Path(__file__).resolve().parents[2]
SPLITS = ("dev", "heldout")
#: Lines per entry in the converted files (sentence, marker, blank line).
LINES_PER_ENTRY = 3


class CorpusError(Exception):
    """A corpus folder that is missing or malformed."""


@dataclass(frozen=True)
class CorpusScore:
    """Scores of one corpus split: ``fields`` maps a field to its ``FieldScore``."""

    corpus: str
    split: str
    entries: int  # gold entries scored
    fields: dict[str, Any]
    misses: dict[str, list[str]]
    extras: dict[str, list[str]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "entries": self.entries,
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
        }


def find_corpora(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The folder holding the corpora, or ``None`` where there is none.

    A folder named by the caller is the only one looked at (scoring some other copy
    than the one asked for would report figures of the wrong data).
    """
    if explicit:
        if not list_corpora(Path(explicit)):
            raise CorpusError(f"{explicit}: no corpus folder in it (a folder with <corpus>/corpus.json)")
        return Path(explicit)
    for c in (os.environ.get("KG_CORPORA"), REPO / "tests" / "data" / "corpora", REPO.parent / "shared" / "corpora"):
        if c and Path(c).is_dir() and list_corpora(Path(c)):
            return Path(c)
    return None


def list_corpora(root: Path) -> list[str]:
    """Names of the corpus folders under ``root``, sorted."""
    return sorted(p.parent.name for p in root.glob("*/corpus.json"))


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        m = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(f"{folder}: no corpus.json") from None
    except json.JSONDecodeError as e:
        raise CorpusError(f"{folder}/corpus.json: not JSON: {e}") from None
    if not isinstance(m.get("fields"), list) or not m["fields"]:
        raise CorpusError(f"{folder}/corpus.json: 'fields' must list the annotated fields")
    return m


def drop_optional(gold: list[dict[str, Any]], pred: list[dict[str, Any]], aliases: dict[str, list[str]]) -> int:
    """Remove from ``pred`` the names that match a gold entry's ``optional`` mentions.

    Some corpus labels mix names the guidelines count with terms they exclude (GSAP-NER's
    ModelArchitecture holds "Transformer" and "encoder"); such mentions are listed per
    entry under ``optional`` and a prediction matching one is neither a hit nor an extra.
    A name that is also gold stays. Names are compared with the scorer's own keys
    (:class:`kg.evaluate._NameKeys`, shared so the two cannot drift). Returns how many
    predicted names were dropped.
    """
    keys = _NameKeys(aliases)
    by_line = _by_line(pred)
    dropped = 0
    for g in gold:
        p = by_line.get((g["file"], g["first_line"]))
        if p is None or not g.get("optional"):
            continue
        for field, mentions in g["optional"].items():
            variants = field == "models"
            optional = {keys.key(m, variants) for m in mentions}
            wanted = {keys.key(x, variants) for x in g.get(field) or []}
            kept = [x for x in p.get(field) or [] if keys.key(x, variants) in wanted or keys.key(x, variants) not in optional]
            dropped += len(p.get(field) or []) - len(kept)
            p[field] = kept
    return dropped


def _by_line(pred: list[dict[str, Any]]) -> dict[tuple[str, Any], dict[str, Any]]:
    """Predictions by ``(file name, line)``: converted entries start on a known line and kg
    reports that line, so an exact lookup pairs them with their gold (an unpaired
    prediction is left as it is)."""
    out = {}
    for p in pred:
        src = p.get("source") or {}
        out[(os.path.basename(str(src.get("file", ""))), src.get("line"))] = p
    return out


_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")


def match_written_forms(gold: list[dict[str, Any]], pred: list[dict[str, Any]], aliases: dict[str, list[str]],
                        fields: list[str]) -> int:
    """Name a prediction by the form the sentence wrote where that, not kg's name, is gold.

    kg reports a dataset under its canonical name (``PTB`` → ``Penn Treebank``,
    ``MultiNLI`` → ``MNLI``, ``VOC2012`` → ``Pascal VOC 2012``); these corpora annotate
    the mention as written. Both name the same thing, so a prediction whose evidence
    text is one of the entry's gold names (and whose own name is not) is compared under
    the written form, without a leading article ("the Pile" is annotated "Pile"). Resolution
    to canonical names is judged by kg's own gold, not here.
    Returns how many predictions were renamed.
    """
    keys = _NameKeys(aliases)
    by_line = _by_line(pred)
    renamed = 0
    for g in gold:
        p = by_line.get((g["file"], g["first_line"]))
        if p is None:
            continue
        for field in fields:
            wanted = {keys.key(x) for x in g.get(field) or []}
            for item in p.get(field) or []:
                if not isinstance(item, dict):
                    continue
                if keys.key(item) in wanted:
                    continue
                written = (item.get("evidence") or {}).get("text") or ""
                # A leading article is not part of what a sentence names: "the Pile" is
                # annotated "Pile" (kg's name: "The Pile").
                for form in (written, _ARTICLE.sub("", written), _ARTICLE.sub("", str(item.get("name") or ""))):
                    if form and keys.key(form) in wanted:
                        item["name"] = form
                        renamed += 1
                        break
    return renamed


def score_split(folder: Path, split: str, limit: int | None = None, strict: bool = False) -> CorpusScore:
    """Run kg on one split of the corpus in ``folder`` and score it.

    ``limit`` scores only the first ``limit`` entries (kg reads only those); ``strict``
    keeps predictions that match an entry's optional mentions (counted as extras).
    """
    m = _manifest(folder)
    name = m["corpus"]
    text = folder / f"{name}-{split}.txt"
    gold_path = folder / f"{name}-{split}.gold.jsonl"
    alias_path = folder / f"{name}-{split}.aliases.json"
    for p in (text, gold_path):
        if not p.is_file():
            raise CorpusError(f"{p}: missing")
    gold = load_jsonl(gold_path)
    aliases = load_aliases(alias_path) if alias_path.is_file() else {}
    with tempfile.TemporaryDirectory(prefix="kg-corpora-") as tmp:
        source = text
        if limit is not None and limit < len(gold):
            gold = gold[:limit]
            # Same file name, so gold and predictions still align by name and line.
            source = Path(tmp) / text.name
            lines = text.read_text(encoding="utf-8").split("\n")
            source.write_text("\n".join(lines[: limit * LINES_PER_ENTRY]), encoding="utf-8")
        pred = [r.to_dict() for r in kg.extract_paths([source])]
    match_written_forms(gold, pred, aliases, m["fields"])
    if not strict:
        drop_optional(gold, pred, aliases)
    report = evaluate(gold, pred, aliases)
    fields = ["entries", *m["fields"]]
    if m.get("roles"):
        fields += [f"{f}_proposed" for f in m["fields"]]
    return CorpusScore(
        corpus=name,
        split=split,
        entries=len(gold),
        fields={f: report.fields[f] for f in fields},
        misses={f: report.misses.get(f, []) for f in fields},
        extras={f: report.extras.get(f, []) for f in fields},
    )


def reference_check(folder: Path, split: str, scorer: Path, score: CorpusScore) -> list[str]:
    """Differences between ``score`` and the reference scorer's counts on the same files."""
    name = score.corpus
    with tempfile.TemporaryDirectory(prefix="kg-corpora-") as tmp:
        gold = folder / f"{name}-{split}.gold.jsonl"
        text = folder / f"{name}-{split}.txt"
        g_lines = gold.read_text(encoding="utf-8").splitlines()[: score.entries]
        t_lines = text.read_text(encoding="utf-8").split("\n")[: score.entries * LINES_PER_ENTRY]
        (Path(tmp) / gold.name).write_text("\n".join(g_lines) + "\n", encoding="utf-8")
        src = Path(tmp) / text.name
        src.write_text("\n".join(t_lines), encoding="utf-8")
        pred = Path(tmp) / "pred.jsonl"
        records = [r.to_dict() for r in kg.extract_paths([src])]
        alias = folder / f"{name}-{split}.aliases.json"
        match_written_forms(load_jsonl(gold)[: score.entries], records, load_aliases(alias) if alias.is_file() else {},
                            [f for f in score.fields if f != "entries"])
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        args = [sys.executable, str(scorer), str(Path(tmp) / gold.name), str(pred), "--json"]
        if alias.is_file():
            args += ["--aliases", str(alias)]
        done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode:
        return [f"reference scorer failed: {done.stderr.strip().splitlines()[-1:]}"]
    ref = json.loads(done.stdout)
    diffs = []
    for f, s in score.fields.items():
        mine = (s.tp, s.fp, s.fn)
        theirs = (ref[f]["tp"], ref[f]["fp"], ref[f]["fn"])
        if mine != theirs:
            diffs.append(f"{name} {split} {f}: tp/fp/fn {mine} here, {theirs} in the reference scorer")
    return diffs


def format_table(scores: list[CorpusScore]) -> str:
    """One row per corpus, split and field."""
    out = [f"{'corpus':10} {'split':8} {'entries':>7}  {'field':18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for s in scores:
        for f, v in s.fields.items():
            out.append(
                f"{s.corpus:10} {s.split:8} {s.entries:7}  {f:18} {v.precision:6.3f} {v.recall:6.3f} {v.f1:6.3f} "
                f"{v.tp:5} {v.fp:5} {v.fn:5}"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", help="folder of corpus folders (default: see module help)")
    ap.add_argument("--corpus", action="append", help="score only this corpus (repeatable)")
    ap.add_argument("--split", action="append", choices=SPLITS, help="score only this split (repeatable)")
    ap.add_argument("--limit", type=int, help="score only the first N entries of each split")
    ap.add_argument("--errors", action="store_true", help="list misses and extras (dev only)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--strict", action="store_true", help="count predictions matching optional labels as extras")
    ap.add_argument("--reference-scorer", help="also run this score_extraction.py and compare counts (implies --strict)")
    a = ap.parse_args(argv)
    if a.limit is not None and a.limit < 1:
        ap.error("--limit must be at least 1")
    try:
        root = find_corpora(a.corpora)
        if root is None:
            print("Error: no corpora found (convert them with tests/corpora/convert_corpora.py, "
                  "or pass --corpora / set KG_CORPORA)", file=sys.stderr)
            return 1
        names = a.corpus or list_corpora(root)
        unknown = sorted(set(names) - set(list_corpora(root)))
        if unknown:
            print(f"Error: no corpus {', '.join(unknown)} in {root} (have: {', '.join(list_corpora(root))})", file=sys.stderr)
            return 1
        scores, diffs = [], []
        for name in names:
            for split in a.split or SPLITS:
                if not a.split and not (root / name / f"{name}-{split}.txt").is_file():
                    # A dev-only copy (convert_corpora.py --only dev) has no heldout.
                    print(f"{name}: no {split} split here; skipped", file=sys.stderr)
                    continue
                # The reference scorer knows no optional labels: compare like with like.
                s = score_split(root / name, split, a.limit, strict=a.strict or bool(a.reference_scorer))
                scores.append(s)
                if a.reference_scorer:
                    diffs += reference_check(root / name, split, Path(a.reference_scorer), s)
    except (CorpusError, KgError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    if a.json:
        print(json.dumps([s.to_dict() for s in scores], indent=1))
    else:
        print(f"corpora: {root}")
        print(format_table(scores))
    if a.errors:
        for s in scores:
            if s.split != "dev":
                continue
            for f in s.fields:
                if f == "entries":
                    continue
                for x in s.misses[f]:
                    print(f"missed {s.corpus} {f} {x}")
                for x in s.extras[f]:
                    print(f"extra  {s.corpus} {f} {x}")
    if a.reference_scorer:
        print("\n".join(diffs) if diffs else "reference scorer: same counts", file=sys.stderr)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
