#!/usr/bin/env python3
"""Validate the curated gazetteers in ``kg/data/`` (standard library only).

Usage::

    python kg/data/check_data.py            # checks the directory this file is in
    python kg/data/check_data.py some/dir   # checks another copy of the files

Exit status is 0 when every check passes, 1 otherwise. Each problem is printed
as ``file:line: message``; a summary of counts is printed at the end.

Checks
------
* every ``*.jsonl`` line is one JSON object with the required keys and no
  unknown keys, with values of the right type;
* ``institutions.jsonl`` is sorted by ``id``; the pattern files are sorted by
  ``(id, pattern)``; nothing is duplicated;
* invariant 1 -- one surface form, one id: no name (id, alias or Chinese name)
  of an institution belongs to two institutions, and no pattern in
  ``models.jsonl``, ``datasets.jsonl`` and ``mt_aliases.jsonl`` maps to two
  ids or two labels; comparison is case-insensitive (``str.casefold``);
* invariant 2 -- no generic kinds as names: no pattern or id of a model or
  dataset is listed in ``generic_terms.txt``;
* every ``mt_aliases.jsonl`` id is an id of ``models.jsonl`` (label MODEL) or
  ``datasets.jsonl`` (label DATASET);
* the catalog files (``catalog_models.jsonl``, ``catalog_datasets.jsonl``, written by
  ``scripts/build-gazetteers``) follow the same rules and invariants, with the ``source``
  of every line; the curated files win: a catalog pattern is never a curated pattern,
  and a catalog id that is the same name as a curated one (same key after case-folding
  and removing spaces, hyphens, underscores, dots and quotes) is that curated id;
  nothing in ``catalog_stoplist.txt`` is a catalog pattern or id;
* each file holds at least ``MINIMUMS`` entries.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

#: Smallest acceptable size of each file (entries for institutions, patterns
#: for the pattern files, terms for generic_terms.txt). These are the sizes
#: the data files were commissioned with; they guard against truncation.
MINIMUMS = {
    "institutions.jsonl": 400,
    "models.jsonl": 600,
    "datasets.jsonl": 400,
    "mt_aliases.jsonl": 80,
    "generic_terms.txt": 150,
    "catalog_models.jsonl": 300,
    "catalog_datasets.jsonl": 300,
    "catalog_stoplist.txt": 50,
}

INSTITUTION_KINDS = {"university", "company", "institute", "lab"}
PATTERN_FILES = {"models.jsonl": "MODEL", "datasets.jsonl": "DATASET"}
CATALOG_FILES = {"catalog_models.jsonl": "MODEL", "catalog_datasets.jsonl": "DATASET"}
#: ``source`` of a catalog line: the pinned distributions it came from, sorted.
SOURCE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*==[0-9][A-Za-z0-9.+-]*(?: [A-Za-z0-9][A-Za-z0-9._-]*==[0-9][A-Za-z0-9.+-]*)*")


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")


def fold(text: str) -> str:
    """Case-insensitive comparison key used by every uniqueness check."""
    return text.casefold()


def squash(text: str) -> str:
    """"Same name" key of the annotation guidelines (and of ``kg.extract.nlp._squash``):
    case-folded without spaces, hyphens, underscores, dots and quotes."""
    return re.sub(r"[\s\-_.·’'\"]+", "", text.casefold())


def read_jsonl(path: Path, report: Report) -> list[tuple[int, dict]]:
    rows: list[tuple[int, dict]] = []
    if not path.exists():
        report.error(path.name, "file is missing")
        return rows
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            where = f"{path.name}:{lineno}"
            if not line.endswith("\n"):
                report.error(where, "last line has no newline")
            if not line.strip():
                report.error(where, "blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                report.error(where, f"invalid JSON: {exc}")
                continue
            if not isinstance(obj, dict):
                report.error(where, "line is not a JSON object")
                continue
            rows.append((lineno, obj))
    return rows


def check_keys(obj: dict, required: set, optional: set, where: str, report: Report) -> bool:
    missing = required - obj.keys()
    unknown = obj.keys() - required - optional
    if missing:
        report.error(where, f"missing keys: {sorted(missing)}")
    if unknown:
        report.error(where, f"unknown keys: {sorted(unknown)}")
    return not missing


def clean_string(value, where: str, what: str, report: Report) -> bool:
    if not isinstance(value, str) or not value:
        report.error(where, f"{what} must be a non-empty string")
        return False
    if value != value.strip() or "  " in value:
        report.error(where, f"{what} {value!r} has stray whitespace")
        return False
    return True


def check_institutions(path: Path, report: Report) -> int:
    rows = read_jsonl(path, report)
    owner: dict[str, str] = {}
    domain_owner: dict[str, str] = {}
    previous = None
    for lineno, obj in rows:
        where = f"{path.name}:{lineno}"
        if not check_keys(obj, {"id", "aliases", "zh", "country", "kind"}, {"domains", "parent"}, where, report):
            continue
        id_ = obj["id"]
        if not clean_string(id_, where, "id", report):
            continue
        if previous is not None and not previous < id_:
            report.error(where, f"ids not sorted/unique: {previous!r} then {id_!r}")
        previous = id_
        if not (isinstance(obj["country"], str) and re.fullmatch(r"[A-Z]{2}", obj["country"])):
            report.error(where, f"country must be an ISO 3166-1 alpha-2 code, got {obj['country']!r}")
        if obj["kind"] not in INSTITUTION_KINDS:
            report.error(where, f"kind must be one of {sorted(INSTITUTION_KINDS)}, got {obj['kind']!r}")
        names = [id_]
        for key in ("aliases", "zh"):
            values = obj[key]
            if not isinstance(values, list):
                report.error(where, f"{key} must be a list")
                continue
            if values != sorted(values) or len(set(values)) != len(values):
                report.error(where, f"{key} must be sorted and unique")
            for value in values:
                if clean_string(value, where, f"{key} entry", report):
                    names.append(value)
        domains = obj.get("domains", [])
        if not (isinstance(domains, list) and domains == sorted(set(domains))):
            report.error(where, "domains must be a sorted, unique list")
        for domain in domains if isinstance(domains, list) else ():
            if not (isinstance(domain, str) and re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,6}", domain)):
                report.error(where, f"domain {domain!r} is not a lower-case host name")
            elif domain_owner.setdefault(domain, id_) != id_:
                report.error(where, f"domain {domain!r} belongs to both {domain_owner[domain]!r} and {id_!r}")
        for name in names:
            key = fold(name)
            other = owner.get(key)
            if other is not None and other != id_:
                report.error(where, f"name {name!r} belongs to both {other!r} and {id_!r}")
            elif other == id_ and name != id_ and key == fold(id_):
                report.error(where, f"alias {name!r} only differs from the id by case")
            owner.setdefault(key, id_)
    ids = {obj.get("id") for _, obj in rows}
    for lineno, obj in rows:
        parent = obj.get("parent")
        if parent is not None and (parent not in ids or parent == obj.get("id")):
            report.error(f"{path.name}:{lineno}", f"parent {parent!r} is no other id of the file")
    return len(rows)


def check_pattern_rows(
    path: Path,
    label: str | None,
    required: set,
    optional: set,
    report: Report,
) -> list[tuple[str, int, dict]]:
    rows = read_jsonl(path, report)
    good: list[tuple[str, int, dict]] = []
    previous = None
    exactness: dict[tuple[str, str], bool] = {}
    for lineno, obj in rows:
        where = f"{path.name}:{lineno}"
        if not check_keys(obj, required, optional, where, report):
            continue
        if not (clean_string(obj["id"], where, "id", report) and clean_string(obj["pattern"], where, "pattern", report)):
            continue
        if label is not None and obj["label"] != label:
            report.error(where, f"label must be {label!r}, got {obj['label']!r}")
        if label is None and obj["label"] not in PATTERN_FILES.values():
            report.error(where, f"label must be MODEL or DATASET, got {obj['label']!r}")
        if "case" in obj and obj["case"] != "exact":
            report.error(where, f"case must be 'exact' when present, got {obj['case']!r}")
        if "lang" in obj and obj["lang"] != "zh":
            report.error(where, f"lang must be 'zh' when present, got {obj['lang']!r}")
        if "ambiguous" in obj and obj["ambiguous"] is not True:
            report.error(where, "ambiguous must be true when present (omit it otherwise)")
        sort_key = (obj["id"], obj["pattern"])
        if previous is not None and not previous < sort_key:
            report.error(where, f"not sorted by (id, pattern) or duplicated: {previous!r} then {sort_key!r}")
        previous = sort_key
        key = (obj["id"], fold(obj["pattern"]))
        exact = obj.get("case") == "exact"
        if key in exactness and exactness[key] != exact:
            report.error(where, f"pattern {obj['pattern']!r} of {obj['id']!r} is listed both exact and case-insensitive")
        exactness.setdefault(key, exact)
        good.append((where, lineno, obj))
    return good


def read_term_list(path: Path, report: Report, sorted_sections: bool = False) -> set[str]:
    """Terms of a one-term-per-line list; with ``sorted_sections`` the terms between two
    comment (or blank) lines must be sorted."""
    terms: set[str] = set()
    if not path.exists():
        report.error(path.name, "file is missing")
        return terms
    previous = None
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            where = f"{path.name}:{lineno}"
            text = line.rstrip("\n")
            if not text.strip() or text.startswith("#"):
                previous = None
                continue
            if sorted_sections and previous is not None and not previous < text:
                report.error(where, f"term {text!r} is not sorted within its section (after {previous!r})")
            previous = text
            if text != text.strip():
                report.error(where, f"term {text!r} has stray whitespace")
            if text != text.lower():
                report.error(where, f"term {text!r} must be lowercase")
            if fold(text) in terms:
                report.error(where, f"term {text!r} is listed twice")
            terms.add(fold(text))
    return terms


def check_catalogs(
    data_dir: Path,
    curated: list[tuple[str, int, dict]],
    generic: set[str],
    counts: dict[str, int],
    report: Report,
) -> None:
    """The catalog files: same shape and invariants as the curated pattern files, a
    ``source`` on every line, and the curated files winning every conflict."""
    stoplist = read_term_list(data_dir / "catalog_stoplist.txt", report, sorted_sections=True)
    counts["catalog_stoplist.txt"] = len(stoplist)
    curated_folds = {fold(obj["pattern"]): obj["id"] for _, _, obj in curated}
    curated_keys: dict[str, tuple[str, str]] = {}
    for _, _, obj in curated:
        if obj.get("lang") != "zh":
            curated_keys.setdefault(squash(obj["id"]), (obj["label"], obj["id"]))
            curated_keys.setdefault(squash(obj["pattern"]), (obj["label"], obj["id"]))
    owner: dict[str, tuple[str, str, str]] = {}
    catalog_keys: dict[str, tuple[str, str, str]] = {}
    for name, label in CATALOG_FILES.items():
        rows = check_pattern_rows(data_dir / name, label, {"label", "pattern", "id", "source"}, {"case"}, report)
        counts[name] = len(rows)
        for where, _, obj in rows:
            source = obj["source"]
            if not (isinstance(source, str) and SOURCE_RE.fullmatch(source)) or source.split() != sorted(set(source.split())):
                report.error(where, f"source must be sorted, unique 'dist==version' names, got {source!r}")
            key = fold(obj["pattern"])
            if key in curated_folds:
                report.error(where, f"pattern {obj['pattern']!r} is already curated (id {curated_folds[key]!r})")
            target = (obj["label"], obj["id"])
            if key in owner and owner[key][:2] != target:
                report.error(where, f"pattern {obj['pattern']!r} maps to {target} but also to {owner[key][:2]} ({owner[key][2]})")
            owner.setdefault(key, (*target, where))
            same = curated_keys.get(squash(obj["id"]))
            if same is not None and same != target:
                report.error(where, f"id {obj['id']!r} is the curated name {same}; use the curated id and label")
            # kg looks names up by this key too (``Gazetteer.known``): it must agree.
            same = curated_keys.get(squash(obj["pattern"]))
            if same is not None and same != target:
                report.error(where, f"pattern {obj['pattern']!r} is the curated name {same}, not {target}")
            other = catalog_keys.setdefault(squash(obj["pattern"]), (*target, where))
            if other[:2] != target:
                report.error(where, f"pattern {obj['pattern']!r} is the same name as a pattern of {other[:2]} ({other[2]})")
            for field in ("pattern", "id"):
                if fold(obj[field]) in generic:
                    report.error(where, f"{field} {obj[field]!r} is listed in generic_terms.txt")
                if fold(obj[field]) in stoplist:
                    report.error(where, f"{field} {obj[field]!r} is listed in catalog_stoplist.txt")


def main(argv: list[str]) -> int:
    data_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    report = Report()
    counts: dict[str, int] = {}

    counts["institutions.jsonl"] = check_institutions(data_dir / "institutions.jsonl", report)

    all_patterns: list[tuple[str, int, dict]] = []
    ids_by_label: dict[str, set[str]] = {}
    for name, label in PATTERN_FILES.items():
        rows = check_pattern_rows(
            data_dir / name, label, {"label", "pattern", "id"}, {"case", "lang"}, report
        )
        counts[name] = len(rows)
        ids_by_label[label] = {obj["id"] for _, _, obj in rows}
        all_patterns += rows

    mt_rows = check_pattern_rows(
        data_dir / "mt_aliases.jsonl", None, {"label", "pattern", "id", "lang"}, {"ambiguous", "case"}, report
    )
    counts["mt_aliases.jsonl"] = len(mt_rows)
    for where, _, obj in mt_rows:
        if obj["id"] not in ids_by_label.get(obj["label"], set()):
            report.error(where, f"id {obj['id']!r} is not an id in the {obj['label']} gazetteer")
    all_patterns += mt_rows

    # Invariant 1: one surface form -> one (label, id), across all pattern files.
    owner: dict[str, tuple[str, str, str]] = {}
    for where, _, obj in all_patterns:
        key = fold(obj["pattern"])
        target = (obj["label"], obj["id"])
        if key in owner and owner[key][:2] != target:
            first = owner[key]
            report.error(
                where,
                f"pattern {obj['pattern']!r} maps to {target} but also to {first[:2]} ({first[2]})",
            )
        owner.setdefault(key, (*target, where))

    # Invariant 2: nothing in generic_terms.txt is used as a name.
    generic = read_term_list(data_dir / "generic_terms.txt", report)
    counts["generic_terms.txt"] = len(generic)
    for where, _, obj in all_patterns:
        for field in ("pattern", "id"):
            if fold(obj[field]) in generic:
                report.error(where, f"{field} {obj[field]!r} is listed in generic_terms.txt")

    check_catalogs(data_dir, all_patterns, generic, counts, report)

    for name, minimum in MINIMUMS.items():
        if counts.get(name, 0) < minimum:
            report.error(name, f"has {counts.get(name, 0)} entries, fewer than {minimum}")

    for message in report.errors:
        print(message)
    summary = ", ".join(f"{name}={count}" for name, count in counts.items())
    status = "FAILED" if report.errors else "OK"
    print(f"{status}: {summary}" + (f"; {len(report.errors)} problem(s)" if report.errors else ""))
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
