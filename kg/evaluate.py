"""Score extraction output against hand-annotated gold records.

Anyone who annotates their own digests (one JSON object per entry, the shape
``kg extract --format jsonl`` writes) can measure kg on them. The figures are micro
precision / recall / F1 per field and are, by design, the same as those of the
project's reference scorer (``shared/tools/score_extraction.py``) on the same files,
so numbers quoted from either are comparable. That is why the comparison keys below
are defined here and not borrowed from :mod:`kg.text`: the pipeline's normalisation
may evolve, the scoring rule of the annotation guidelines must not.

Matching rules (annotation guidelines, "Matching"):

* a predicted entry belongs to the gold entry with the same source file name whose
  first line is at most two lines away (nearest wins, each prediction used once);
* names are equal after case-folding and removing spaces, hyphens, underscores, dots
  and quotes, after mapping the gold alias table's alternatives to their canonical
  name, and — for models — after stripping size variants (``T5-XL`` → ``T5``,
  ``OPT (175B)`` → ``OPT``);
* URLs are compared without ``http(s)://``, trailing ``/`` or ``.``, case-folded;
* arXiv ids, categories and authors are compared with whitespace collapsed.

This module is a pure library: it never prints or exits; the CLI renders a
:class:`Report` with :meth:`Report.format_table` or :meth:`Report.to_dict`.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from kg.errors import EvaluationError

__all__ = [
    "FIELDS",
    "DETAIL_FIELDS",
    "FieldScore",
    "Report",
    "load_jsonl",
    "load_aliases",
    "evaluate",
    "evaluate_files",
]

#: Scored fields, in report order.
FIELDS: tuple[str, ...] = (
    "entries",
    "arxiv_id",
    "title",
    "category",
    "authors",
    "institutions",
    "models",
    "models_proposed",
    "datasets",
    "datasets_proposed",
    "urls",
)

#: Fields whose misses and extras the text report lists (the ones worth eyeballing).
DETAIL_FIELDS: tuple[str, ...] = ("institutions", "models", "datasets")

#: Gold entries may be matched by predictions this many lines off (parsers disagree on
#: whether a heading or a blank line starts an entry).
LINE_TOLERANCE = 2

_SQUASH_RE = re.compile(r"[\s\-_.·’'\"]+")
# One trailing size marker: "(175B)", "-7B", "_1.3b", " XL", "-base" ... Applied until
# nothing changes, so "Foo-XL-3B" reduces to "Foo".
_SIZE_RE = re.compile(
    r"(?:\s*\(\d+(?:\.\d+)?\s*[mbt]\)|[-_ ]\d+(?:\.\d+)?[mbt]|[-_ ](?:small|base|large|xl|xxl|tiny|mini|medium))$",
    re.IGNORECASE,
)
_SPACES_RE = re.compile(r"\s+")
_SCHEME_RE = re.compile(r"^https?://")


# ---------------------------------------------------------------- scores


@dataclass(frozen=True)
class FieldScore:
    """Micro-averaged counts of one field.

    Empty denominators count as perfect (nothing to find, nothing wrongly found),
    so a field absent from both files scores 1.0 rather than dividing by zero.

    Example
    -------
    >>> s = FieldScore("models", tp=3, fp=1, fn=0)
    >>> s.precision, s.recall, round(s.f1, 4)
    (0.75, 1.0, 0.8571)
    """

    field: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Scores rounded to 4 places, counts as is (the reference scorer's JSON).

        Example
        -------
        >>> FieldScore("urls", 1, 2, 0).to_dict()
        {'precision': 0.3333, 'recall': 1.0, 'f1': 0.5, 'tp': 1, 'fp': 2, 'fn': 0}
        """
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class Report:
    """Scores of every field plus what was missed and wrongly added.

    ``misses[field]`` and ``extras[field]`` hold ``"file:line: key"`` strings (the
    comparison key, not the raw name), in gold order; extra predicted entries appear
    under ``extras["entries"]`` as ``"extra: file:line"``.

    Example
    -------
    >>> r = evaluate([{"file": "a.txt", "first_line": 1, "models": ["BERT"]}],
    ...              [{"file": "a.txt", "first_line": 2, "models": ["GPT-2"]}])
    >>> r.fields["models"].to_dict()["f1"], r.misses["models"], r.extras["models"]
    (0.0, ['a.txt:1: bert'], ['a.txt:1: gpt2'])
    """

    fields: dict[str, FieldScore]
    misses: dict[str, list[str]] = dataclass_field(default_factory=dict)
    extras: dict[str, list[str]] = dataclass_field(default_factory=dict)

    def to_dict(self) -> dict[str, dict[str, float | int]]:
        """``{field: {"precision", "recall", "f1", "tp", "fp", "fn"}}`` in field order."""
        return {name: score.to_dict() for name, score in self.fields.items()}

    def format_table(self, limit: int = 15) -> str:
        """Plain-text table, then the misses and extras of the name fields.

        Parameters
        ----------
        limit : int
            At most this many misses and this many extras are listed per field.

        Example
        -------
        >>> print(evaluate([], []).format_table().splitlines()[0])
        field                   P      R     F1   tp   fp   fn
        """
        lines = [f"{'field':18} {'P':>6} {'R':>6} {'F1':>6}   tp   fp   fn"]
        for name, score in self.fields.items():
            d = score.to_dict()
            lines.append(
                f"{name:18} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f} "
                f"{d['tp']:4} {d['fp']:4} {d['fn']:4}"
            )
        for name in DETAIL_FIELDS:
            missed, extra = self.misses.get(name, []), self.extras.get(name, [])
            if not (missed or extra):
                continue
            lines += ["", f"{name}: missed {len(missed)}, extra {len(extra)}"]
            lines += [f"  missed {m}" for m in missed[:limit]]
            lines += [f"  extra  {m}" for m in extra[:limit]]
        return "\n".join(lines)


class _Tally:
    """Running counts of one field; each entry contributes a set comparison."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.misses: list[str] = []
        self.extras: list[str] = []

    def add(self, gold: Iterable[str], pred: Iterable[str], where: str) -> None:
        # Sets: naming a model twice in one entry is neither rewarded nor punished.
        g, p = set(gold), set(pred)
        self.tp += len(g & p)
        self.fn += len(g - p)
        self.fp += len(p - g)
        self.misses += [f"{where}: {x}" for x in sorted(g - p)]
        self.extras += [f"{where}: {x}" for x in sorted(p - g)]


# ---------------------------------------------------------------- comparison keys


def _squash(s: str) -> str:
    return _SQUASH_RE.sub("", s.casefold())


def _family(s: str) -> str:
    """``s`` with trailing size markers removed, repeatedly."""
    prev, s = None, s.strip()
    while prev != s:
        prev, s = s, _SIZE_RE.sub("", s).strip()
    return s


class _NameKeys:
    """Comparison key of a name: squashed, alias-canonicalised, optionally de-sized."""

    def __init__(self, aliases: Mapping[str, Iterable[str]]) -> None:
        # Later alias entries win on collision, as in the reference scorer.
        self.canon: dict[str, str] = {}
        for name, alternatives in aliases.items():
            for alt in [name, *alternatives]:
                self.canon[_squash(alt)] = _squash(name)

    def key(self, name: Any, variants: bool = False) -> str:
        if isinstance(name, dict):
            name = name.get("name", "")
        # A missing name (None, "", null-ish) has no key and is dropped by the caller.
        name = str(name) if name else ""
        k = _squash(name)
        # A listed alias is taken as written ("OPT-IML 30B" is OPT-IML, not OPT-IML 30);
        # only unlisted names fall back to their family.
        if k in self.canon or not variants:
            return self.canon.get(k, k)
        k = _squash(_family(name))
        return self.canon.get(k, k)

    def of(self, items: Any, role: str | None = None, variants: bool = False) -> list[str]:
        """Keys of a list of names (strings or ``{"name", "role"}`` objects).

        With ``role``, only objects with that role count: a bare string has no role.
        """
        out = []
        for item in items or []:
            if isinstance(item, dict):
                if role and item.get("role") != role:
                    continue
                out.append(self.key(item.get("name", ""), variants))
            elif not role:
                out.append(self.key(item, variants))
        return [k for k in out if k]


def _exact(values: Any) -> list[str]:
    """Whitespace-collapsed strings of the truthy ``values``."""
    return [_SPACES_RE.sub(" ", str(v)).strip() for v in values or [] if v]


def _urls(values: Any) -> list[str]:
    # The scheme and a trailing slash or full stop are artefacts of how a URL was
    # written or cut out of a sentence, not part of which page it names.
    return [_SCHEME_RE.sub("", str(v)).rstrip("/.").casefold() for v in values or []]


# ---------------------------------------------------------------- alignment


def _source(rec: Mapping[str, Any]) -> tuple[str, int]:
    """``(file name, first line)`` of a record.

    Accepts kg's own ``{"source": {"file", "line"}}``, a bare ``"source": "path"`` and
    the gold file's flat ``file`` / ``first_line``. Only the base name counts, so gold
    and predictions may have been produced from different directories.
    """
    src = rec.get("source") or {}
    if isinstance(src, str):
        src = {"file": src}
    if not isinstance(src, Mapping):
        raise EvaluationError(f"record has an unreadable source {src!r}")
    name = os.path.basename(str(src.get("file") or rec.get("file") or ""))
    line = src.get("line") or rec.get("first_line") or rec.get("line") or 0
    try:
        return name, int(line)
    except (TypeError, ValueError):
        raise EvaluationError(f"{name}: line number {line!r} is not an integer") from None


def _align(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], list[dict[str, Any]]]:
    """Pair each gold record with the nearest unused prediction from the same file.

    Greedy in gold order; on equal distance the earlier prediction wins. Returns the
    pairs (``None`` for a gold entry nothing matched) and the unmatched predictions.
    """
    by_file: dict[str, list[tuple[int, int]]] = {}
    for i, p in enumerate(pred):
        name, line = _source(p)
        by_file.setdefault(name, []).append((i, line))
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for g in gold:
        name, line = _source(g)
        best: tuple[int, int] | None = None  # (index, distance)
        for i, pline in by_file.get(name, ()):
            dist = abs(pline - line)
            if i not in used and dist <= LINE_TOLERANCE and (best is None or dist < best[1]):
                best = (i, dist)
        if best is None:
            pairs.append((g, None))
        else:
            used.add(best[0])
            pairs.append((g, pred[best[0]]))
    return pairs, [p for i, p in enumerate(pred) if i not in used]


# ---------------------------------------------------------------- scoring


def evaluate(
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    aliases: Mapping[str, Iterable[str]] | None = None,
) -> Report:
    """Score predicted records against gold records.

    Parameters
    ----------
    gold, pred : list of dict
        Entry records (see the module docstring for how they are matched).
    aliases : dict of str to list of str, optional
        Canonical name → alternative spellings that count as the same name.

    Returns
    -------
    Report

    Raises
    ------
    EvaluationError
        A record without a usable source line.

    Example
    -------
    >>> gold = [{"file": "d.txt", "first_line": 4, "models": ["T5"]}]
    >>> pred = [{"source": {"file": "in/d.txt", "line": 5}, "models": ["T5-XL"]}]
    >>> evaluate(gold, pred).fields["models"]
    FieldScore(field='models', tp=1, fp=0, fn=0)
    """
    names = _NameKeys(aliases or {})
    tally = {name: _Tally() for name in FIELDS}
    pairs, unmatched = _align(gold, pred)
    for g, p in pairs:
        file, line = _source(g)
        where = f"{file}:{line}"
        # An empty prediction object carries nothing, so it does not count as found.
        tally["entries"].add([where], [where] if p else [], where)
        p = p or {}
        for k in ("arxiv_id", "category"):
            tally[k].add(_exact([g.get(k)]), _exact([p.get(k)]), where)
        tally["title"].add(
            [_squash(str(g["title"]))] if g.get("title") else [],
            [_squash(str(p["title"]))] if p.get("title") else [],
            where,
        )
        tally["authors"].add(_exact(g.get("authors")), _exact(p.get("authors")), where)
        tally["institutions"].add(names.of(g.get("institutions")), names.of(p.get("institutions")), where)
        for k in ("models", "datasets"):
            # Size variants are one model ("T5-XL" is T5), but "WebVid-2M" is not a
            # smaller WebVid, so datasets are compared as named.
            variants = k == "models"
            tally[k].add(names.of(g.get(k), variants=variants), names.of(p.get(k), variants=variants), where)
            tally[f"{k}_proposed"].add(
                names.of(g.get(k), "proposed", variants), names.of(p.get(k), "proposed", variants), where
            )
        tally["urls"].add(_urls(g.get("urls")), _urls(p.get("urls")), where)
    for p in unmatched:
        file, line = _source(p)
        tally["entries"].add([], [f"{file}:{line}"], "extra")
    return Report(
        fields={k: FieldScore(k, t.tp, t.fp, t.fn) for k, t in tally.items()},
        misses={k: t.misses for k, t in tally.items()},
        extras={k: t.extras for k, t in tally.items()},
    )


# ---------------------------------------------------------------- files


def load_jsonl(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Records of a JSON-lines file; blank lines are skipped.

    Raises
    ------
    EvaluationError
        The file is missing or unreadable, or a line is not a JSON object
        (``path:line: not JSON: ...``).

    Example
    -------
    >>> load_jsonl("tests/data/seeds.jsonl")[0]["file"]  # doctest: +SKIP
    '000_7134717fd6eec110.txt'
    """
    out: list[dict[str, Any]] = []
    try:
        # utf-8-sig: editors on Windows save annotation files with a BOM.
        with open(path, encoding="utf-8-sig") as f:
            # Iterate the file, not str.splitlines(), so line numbers match what an
            # editor shows (splitlines also breaks at form feeds and U+2028).
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise EvaluationError(f"{path}:{n}: not JSON: {e}") from None
                if not isinstance(rec, dict):
                    raise EvaluationError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
                out.append(rec)
    except FileNotFoundError:
        raise EvaluationError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise EvaluationError(f"{path}: not UTF-8: {e.reason} at byte {e.start}") from None
    except OSError as e:
        raise EvaluationError(f"{path}: cannot read: {e.strerror or e}") from None
    return out


def load_aliases(path: str | os.PathLike[str] | None) -> dict[str, list[str]]:
    """The alias table ``{canonical name: [alternative, ...]}`` of a JSON file.

    ``None`` means no aliases. A named file must exist: silently scoring without the
    table a user asked for would under-report every aliased name.

    Raises
    ------
    EvaluationError
        The file is missing, not JSON, or not an object of string lists.

    Example
    -------
    >>> load_aliases(None)
    {}
    """
    if path is None:
        return {}
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise EvaluationError(f"{path}: no such alias file") from None
    except json.JSONDecodeError as e:
        raise EvaluationError(f"{path}: not JSON: {e}") from None
    except UnicodeDecodeError as e:
        raise EvaluationError(f"{path}: not UTF-8: {e.reason} at byte {e.start}") from None
    except OSError as e:
        raise EvaluationError(f"{path}: cannot read: {e.strerror or e}") from None
    if not isinstance(data, dict):
        raise EvaluationError(f"{path}: expected a JSON object of name → list of aliases")
    table: dict[str, list[str]] = {}
    for name, alternatives in data.items():
        alternatives = [] if alternatives is None else alternatives
        if not isinstance(alternatives, list) or not all(isinstance(a, str) for a in alternatives):
            raise EvaluationError(f"{path}: aliases of {name!r} must be a list of strings")
        table[name] = alternatives
    return table


def evaluate_files(
    gold_path: str | os.PathLike[str],
    pred_path: str | os.PathLike[str],
    aliases_path: str | os.PathLike[str] | None = None,
) -> Report:
    """Score a predictions JSONL file against a gold JSONL file.

    Parameters
    ----------
    gold_path, pred_path : path
        JSON-lines files of entry records.
    aliases_path : path, optional
        Alias table; by default ``aliases.json`` beside the gold file, if there is one
        (annotators keep the table with their gold records).

    Example
    -------
    >>> evaluate_files("gold.jsonl", "pred.jsonl").fields["models"].f1  # doctest: +SKIP
    0.8421
    """
    if aliases_path is None:
        beside = os.path.join(os.path.dirname(os.fspath(gold_path)), "aliases.json")
        aliases_path = beside if os.path.exists(beside) else None
    aliases = load_aliases(aliases_path)
    return evaluate(load_jsonl(gold_path), load_jsonl(pred_path), aliases)
