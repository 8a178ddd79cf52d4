#!/usr/bin/env python3
"""Convert public annotated corpora of scientific entity mentions into kg test data.

Each corpus becomes, per split (``dev``, ``heldout``; see :mod:`splits`):

* ``<corpus>-<split>.txt`` — one entry per sentence in the abstract-dump layout kg
  reads (the sentence on one line, then the line ``translated by 谷歌翻译``, then a
  blank line). A sentence shorter than an abstract is not a paragraph kg would take as
  an abstract, but the translation marker vouches for whatever precedes it, so every
  sentence is one entry whatever its length;
* ``<corpus>-<split>.gold.jsonl`` — one gold record per entry in the shape of the
  project's gold files (``file``, ``entry``, ``first_line``, ``kind``, fields). A field
  the corpus does not annotate is ``null`` (not ``[]``, which would claim "annotated,
  none here"), and ``corpus.json`` lists the annotated fields so the scorer runner
  scores only those;
* ``corpus.json`` (machine-readable provenance, fields and counts) and ``SOURCES.md``.

The corpora are read from a git repository (a clone, or a bare mirror) at a given
commit, so the output records exactly which commit and files it came from. The output
is deterministic: converting the same commit twice gives the same bytes.

Usage::

    python tests/corpora/convert_corpora.py tdmsci --repo PATH [--commit REV] --out DIR
    python tests/corpora/convert_corpora.py scirex --repo PATH [--commit REV] --out DIR
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_names import map_dataset_name, map_model_name, split_coordination  # noqa: E402
from splits import DEV_PERCENT, SPLITS, sampled, split_of  # noqa: E402

__all__ = [
    "MARKER",
    "CORPORA",
    "Unit",
    "GitSource",
    "rebuild_text",
    "bio_spans",
    "map_dataset_name",
    "map_model_name",
    "read_tdmsci",
    "read_scirex",
    "read_gsap",
    "write_corpus",
]

#: The line that closes an abstract entry in the translated-dump layout.
MARKER = "translated by 谷歌翻译"


class ConvertError(Exception):
    """A corpus file that cannot be read or does not have the expected shape."""


# ------------------------------------------------------------------ source access


class GitSource:
    """Files of one commit of a git repository (a work tree or a bare mirror)."""

    def __init__(self, repo: str | os.PathLike[str], commit: str = "HEAD") -> None:
        self.repo = os.fspath(repo)
        try:
            self.commit = self._git("rev-parse", "--verify", f"{commit}^{{commit}}").decode().strip()
        except ConvertError as e:
            raise ConvertError(f"{self.repo}: no commit {commit!r} ({e})") from None

    def _git(self, *args: str) -> bytes:
        try:
            done = subprocess.run(["git", "-C", self.repo, *args], capture_output=True, check=False)
        except OSError as e:
            raise ConvertError(f"cannot run git: {e}") from None
        if done.returncode:
            raise ConvertError(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or "git failed")
        return done.stdout

    def read(self, path: str) -> bytes:
        """The bytes of ``path`` at the commit."""
        return self._git("show", f"{self.commit}:{path}")

    def text(self, path: str) -> str:
        try:
            return self.read(path).decode("utf-8")
        except UnicodeDecodeError as e:
            raise ConvertError(f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from None

    def ls(self, folder: str) -> list[str]:
        """Paths of the files directly in ``folder``, sorted."""
        out = self._git("ls-tree", "--name-only", f"{self.commit}:{folder}").decode("utf-8")
        return sorted(f"{folder.rstrip('/')}/{name}" for name in out.splitlines() if name)


# ------------------------------------------------------------------ units


@dataclass
class Unit:
    """One entry to write: a sentence, its split key, and its gold names."""

    corpus: str
    key: str  # what the split hashes: a document id, or the sentence itself
    source_id: str  # where in the corpus: "path#sentence-number"
    text: str
    datasets: list[str]
    models: list[str] | None = None
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (reason, mention)
    notes: list[str] = field(default_factory=list)  # how the text was rebuilt, if not plainly
    aliases: dict[str, list[str]] = field(default_factory=dict)  # name -> acronyms written with it
    # Mentions under labels that mix names kg should report with generic terms it should
    # not (GSAP-NER's ModelArchitecture: "Transformer" and "encoder"): kg is neither
    # rewarded nor penalised for them (the runner drops them from predictions).
    optional: dict[str, list[str]] = field(default_factory=dict)  # field -> mentions

    @property
    def split(self) -> str:
        return split_of(self.corpus, self.key)


def rebuild_text(tokens: list[str], offsets: list[int]) -> tuple[str, list[int], bool]:
    """The sentence text from tokens and their character offsets in the source text.

    Tokens are joined by as many spaces as their offsets leave between them, which
    gives the source text back wherever the source separated words by spaces. Returns
    the text, each token's start in it, and whether the offsets were consistent (a
    token starting inside the previous one is joined by one space and reported).

    Example
    -------
    >>> rebuild_text(["on", "SQuAD", "v1.1", "."], [10, 13, 19, 23])
    ('on SQuAD v1.1.', [0, 3, 9, 13], True)
    """
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    consistent = True
    for i, (tok, off) in enumerate(zip(tokens, offsets)):
        if i:
            gap = off - (offsets[i - 1] + len(tokens[i - 1]))
            if gap < 0:
                consistent = False
                gap = 1
            parts.append(" " * gap)
            pos += gap
        starts.append(pos)
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), starts, consistent


#: Tokens written against the word before them in paper text ("results ,", "( PTB )").
_NO_SPACE_BEFORE = frozenset((",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't"))
#: Tokens written against the word after them.
_NO_SPACE_AFTER = frozenset(("(", "[", "{"))
#: Tokens that glue the words on both sides ("CIFAR - 10" is CIFAR-10, "RCV1 / RCV2").
_GLUE = frozenset(("-", "/"))
_APOSTROPHES = frozenset(("'", "’"))
_SHORT_YEAR = re.compile(r"\d\d")


def detokenize(words: list[str]) -> tuple[str, list[int]]:
    """Paper text from a tokenizer's word list (SciREX publishes tokens only), and each
    word's start in it.

    Joining every token by one space writes text no paper contains (``CIFAR - 10``,
    ``( PTB )``, ``Shoulder - Pain dataset``): kg reads written text, so the tokenizer's
    splits are undone where written English has no space — before closing punctuation,
    after opening brackets, and around a hyphen or slash between two words (in paper
    text a spaced dash is written ``--`` or ``—``, which stay spaced).

    Example
    -------
    >>> detokenize(["on", "CIFAR", "-", "10", "(", "ours", ")", "."])
    ('on CIFAR-10 (ours).', [0, 3, 8, 9, 12, 13, 17, 18])
    >>> detokenize(["ACL", "WMT", "’", "14", "."])[0]
    'ACL WMT’14.'
    """
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, w in enumerate(words):
        if i:
            prev = words[i - 1]
            glued = (w in _GLUE and i + 1 < len(words) and words[i + 1][:1].isalnum() and prev[-1:].isalnum()) or (
                prev in _GLUE and i >= 2 and words[i - 2][-1:].isalnum() and w[:1].isalnum()
            ) or (
                # "WMT’14", "CoNLL'03": an apostrophe eliding a century is written inside the name.
                w in _APOSTROPHES and i + 1 < len(words) and _SHORT_YEAR.fullmatch(words[i + 1]) and prev[-1:].isalnum()
            ) or (prev in _APOSTROPHES and i >= 2 and _SHORT_YEAR.fullmatch(w) and words[i - 2][-1:].isalnum())
            if not (glued or w in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER):
                parts.append(" ")
                pos += 1
        starts.append(pos)
        parts.append(w)
        pos += len(w)
    return "".join(parts), starts


def bio_spans(labels: list[str], kind: str) -> list[tuple[int, int]]:
    """Token spans ``[start, end)`` of the entities of type ``kind`` in BIO labels.

    An ``I-`` label that does not continue an entity of the same type starts one
    (annotation tools write such sequences; dropping them would lose mentions).

    Example
    -------
    >>> bio_spans(["O", "B-DATASET", "I-DATASET", "O", "I-DATASET", "B-TASK"], "DATASET")
    [(1, 3), (4, 5)]
    """
    spans: list[tuple[int, int]] = []
    start = None
    for i, lab in enumerate(labels + ["O"]):
        tag, _, typ = lab.partition("-")
        inside = typ == kind and tag == "I" and start is not None
        if start is not None and not inside:
            spans.append((start, i))
            start = None
        if typ == kind and not inside:
            start = i
    return spans


# ------------------------------------------------------------------ corpora


def read_tdmsci(src: GitSource, spec: dict) -> Iterator[Unit]:
    """TDMSci (Hou et al., EACL 2021): sentences of NLP papers in CoNLL format with
    token, character offset and BIO label (TASK, DATASET, METRIC)."""
    seen: set[str] = set()
    for path in spec["files"]:
        blocks = src.text(path).replace("\r\n", "\n").strip("\n").split("\n\n")
        for n, block in enumerate(blocks, 1):
            rows = [line.split("\t") for line in block.split("\n") if line.strip()]
            if not rows:
                continue
            if any(len(r) != 3 for r in rows):
                raise ConvertError(f"{path}: sentence {n}: expected token<TAB>offset<TAB>label rows")
            tokens = [r[0] for r in rows]
            try:
                offsets = [int(r[1]) for r in rows]
            except ValueError:
                raise ConvertError(f"{path}: sentence {n}: an offset is not an integer") from None
            labels = [r[2] for r in rows]
            text, starts, consistent = rebuild_text(tokens, offsets)
            unit = Unit("tdmsci", key=text, source_id=f"{path}#{n}", text=text, datasets=[])
            if not consistent:
                unit.notes.append("offsets overlap: tokens joined by one space")
            if text in seen:
                # The same sentence twice (in train and test, or repeated): one entry,
                # so it cannot sit in both splits.
                continue
            seen.add(text)
            for a, b in bio_spans(labels, "DATASET"):
                mention = text[starts[a] : starts[b - 1] + len(tokens[b - 1])]
                _add(unit, mention)
            yield unit


def read_scirex(src: GitSource, spec: dict) -> Iterator[Unit]:
    """SciREX (Jain et al., ACL 2020): full ML papers as word lists with sentence spans
    and typed mentions (Method, Task, Metric, Material = datasets). Only the training
    documents published for the online browser are in the repository (the release
    archive is over the mirror's size limit), so those are read; sentences are a fixed
    1-in-``sample`` hash sample.

    Annotators searched each paper for the mentions of its Papers-with-Code entities
    (``coref``: the paper's salient entities) and otherwise only corrected the spans a
    pre-annotation model had proposed: "Add spans and types (if a span match a PwC
    Entity name)", "Important to focus on span that can be matched to one of PwC Entity
    names" (the corpus's ``Annotation Guidelines.pdf``). So the mentions of a salient
    Material are complete and scored; every other dataset name is labelled only where
    that model happened to propose it, and is optional (neither a hit nor an extra)
    where ``spec["non_salient_optional"]``: the paper's own non-salient Material mentions,
    anywhere in the paper, and the names the corpus labels as a salient Material in any
    paper, wherever a sentence writes one that is not salient in its own paper."""
    one_in = spec["sample_one_in"]
    optional = bool(spec.get("non_salient_optional"))
    docs = []
    for path in src.ls(spec["folder"]):
        if not path.endswith(".json"):
            continue
        try:
            doc = json.loads(src.text(path))
            doc["words"], doc["sentences"], doc["ner"], doc["doc_id"] = (
                list(doc["words"]), doc["sentences"], doc["ner"], str(doc["doc_id"]))
            doc["salient"] = {tuple(span) for spans in (doc.get("coref") or {}).values() for span in spans}
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise ConvertError(f"{path}: not a SciREX document ({type(e).__name__}: {e})") from None
        docs.append((path, doc))
    # The corpus's own inventory of dataset names: every salient Material mention as
    # written (names, not sentences; the same rule for both splits).
    inventory = _dataset_names(
        [doc["words"][a:b] for _, doc in docs for a, b, typ in doc["ner"] if typ == "Material" and (a, b) in doc["salient"]]
    ) if optional else []
    for path, doc in docs:
        words, doc_id, salient = doc["words"], doc["doc_id"], doc["salient"]
        materials = sorted((a, b) for a, b, typ in doc["ner"] if typ == "Material")
        own = _dataset_names([words[a:b] for a, b in materials if (a, b) not in salient]) if optional else []
        for n, (s, e) in enumerate(doc["sentences"]):
            if not sampled("scirex", f"{doc_id}:{n}", one_in):
                continue
            text, starts = detokenize(words[s:e])
            unit = Unit("scirex", key=doc_id, source_id=f"{path}#{n}", text=text, datasets=[])
            for a, b in materials:
                if s <= a and b <= e:
                    mention = text[starts[a - s] : starts[b - 1 - s] + len(words[b - 1])]
                    if (a, b) in salient or not optional:
                        _add(unit, mention)
                    else:
                        unit.dropped.append(("non-salient: optional", mention))
            if optional:
                folded = _fold(text)
                names = own + [x for x in inventory if _fold(x) in folded]
                extra = sorted({x for x in names if x not in unit.datasets})
                if extra:
                    unit.optional["datasets"] = extra
            yield unit


def _fold(text: str) -> str:
    """Case-folded text with one space around every word, for whole-word containment."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _dataset_names(mentions: list[list[str]]) -> list[str]:
    """The distinct dataset names of word-list mentions, mapped as gold names are."""
    probe = Unit("scirex", key="", source_id="", text="", datasets=[])
    for words in mentions:
        _add(probe, detokenize(list(words))[0])
    return sorted(set(probe.datasets))


def read_gsap(src: GitSource, spec: dict) -> Iterator[Unit]:
    """GSAP-NER (Otto et al., 2023): paragraphs of 100 ML papers with character-offset
    mentions of MLModel, ModelArchitecture, Dataset, Datasource, Task, Method, URL and
    ReferenceLink, published as Hugging Face ``datasets`` Arrow files in ten folds. The
    ten test folds together hold every paper once, so those are read. Needs ``pyarrow``
    (a conversion-time tool, not a kg dependency)."""
    try:
        import io

        import pyarrow as pa
    except ImportError:
        raise ConvertError("reading GSAP-NER needs pyarrow: pip install pyarrow (into any Python, not kg's)") from None
    seen: set[str] = set()
    one_in = spec["sample_one_in"]
    for fold in range(10):
        path = spec["fold_file"].format(fold=fold)
        try:
            table = pa.ipc.open_stream(io.BytesIO(src.read(path))).read_all()
            names = json.loads(table.schema.metadata[b"huggingface"])["info"]["features"]["flat_base_label"]["feature"]["names"]
        except (pa.ArrowInvalid, KeyError, json.JSONDecodeError) as e:
            raise ConvertError(f"{path}: not a GSAP-NER Arrow file ({type(e).__name__}: {e})") from None
        cols = {c: table.column(c).to_pylist() for c in ("id", "text", "flat_base_start", "flat_base_end", "flat_base_label")}
        for pid, text, starts, ends, labels in zip(*cols.values()):
            if pid in seen or not sampled("gsap", pid, one_in):
                continue
            seen.add(pid)
            paper = pid.split("|", 1)[0]
            unit = Unit("gsap", key=paper, source_id=f"{path}#{pid}", text=text, datasets=[], models=[])
            for a, b, lab in sorted(zip(starts, ends, labels)):
                kind = names[lab]
                if kind == "Dataset":
                    _add(unit, text[a:b])
                elif kind == "MLModel":
                    _add_model(unit, text[a:b])
                elif kind in spec["optional"]:
                    mention = " ".join(text[a:b].split())
                    bucket = unit.optional.setdefault(spec["optional"][kind], [])
                    if mention not in bucket:
                        bucket.append(mention)
            yield unit


def _add_model(unit: Unit, mention: str) -> None:
    name, reason = map_model_name(mention)
    if reason:
        unit.dropped.append((f"model: {reason}", mention))
    if name is not None and unit.models is not None and name not in unit.models:
        unit.models.append(name)


def _add(unit: Unit, mention: str) -> None:
    parts = split_coordination(mention)
    if len(parts) > 1:
        unit.dropped.append(("coordination split", mention))
        for part in parts:
            _add(unit, part)
        return
    name, aliases, reason = map_dataset_name(mention)
    if reason:
        unit.dropped.append((reason, mention))
    if name is None:
        return
    if name not in unit.datasets:
        unit.datasets.append(name)
    for a in aliases:
        if a not in unit.aliases.setdefault(name, []):
            unit.aliases[name].append(a)


CORPORA: dict[str, dict] = {
    "gsap": {
        "title": "GSAP-NER: ML models and datasets in paragraphs of ML papers (Otto et al., 2023)",
        "repository": "ottowg/gsap-ner",
        "licence": "NONE STATED: the repository has no LICENSE file and its READMEs name no licence; "
        "the data may not be redistributed until its authors' terms are confirmed",
        "licence_file": None,
        "fold_file": "data/Paragraph/{fold}/test/dataset.arrow",
        "files": [f"data/Paragraph/{i}/test/dataset.arrow" for i in range(10)],
        "sample_one_in": 4,
        "reader": read_gsap,
        "unit": "paragraph; the split hashes the paper file name, so a paper is on one side",
        "fields": ["models", "datasets"],
        "optional": {"ModelArchitecture": "models", "Method": "models", "Datasource": "datasets"},
        "labels": {
            "MLModel": "models (named trained models; size variants left to the scorer's family rule)",
            "Dataset": "datasets (mapped like the other corpora's dataset labels)",
            "ModelArchitecture": "optional models: it mixes named architectures the guidelines count "
            "('Transformer') with generic kinds they exclude ('encoder', 'CNN'); a prediction that "
            "matches one is neither a hit nor an extra, and none is required",
            "Method": "optional models, as ModelArchitecture: named algorithms the guidelines count "
            "('Adam') mixed with techniques they exclude ('fine-tuning')",
            "Datasource": "optional datasets: sources of data ('Wikipedia', 'Reddit'), which the "
            "guidelines neither require nor exclude",
            "MLModelGeneric, DatasetGeneric": "dropped: generic references ('our model', 'the corpus')",
            "Task, URL, ReferenceLink": "dropped: not kg model/dataset entities",
        },
        "text": "the paragraph text as published (character offsets index it)",
    },
    "tdmsci": {
        "title": "TDMSci: task, dataset and metric mentions in NLP-paper sentences (Hou et al., EACL 2021)",
        "repository": "IBM/science-result-extractor",
        "licence": "Apache-2.0 (repository LICENSE, Copyright IBM Corporation 2019)",
        "licence_file": "LICENSE",
        "files": ["data/TDMSci/conllFormat/train_1500_v2.conll", "data/TDMSci/conllFormat/test_500_v2.conll"],
        "reader": read_tdmsci,
        "unit": "sentence (no document ids in the corpus: the split hashes the sentence text)",
        "fields": ["datasets"],
        "labels": {
            "DATASET": "datasets (split words cut, generic phrases dropped: see map_dataset_name)",
            "TASK": "dropped: tasks are not kg entities",
            "METRIC": "dropped: metrics are not kg entities (guidelines: 'Not models or datasets: ... metrics')",
        },
        "text": "tokens re-joined by the spaces their character offsets leave between them",
    },
    "scirex": {
        "title": "SciREX: Method/Task/Metric/Material mentions in full ML papers (Jain et al., ACL 2020)",
        "repository": "allenai/SciREX",
        "licence": "Apache-2.0 (repository LICENSE)",
        "licence_file": "LICENSE",
        "folder": "docs/train_docs",
        "sample_one_in": 25,
        "reader": read_scirex,
        "unit": "sentence; the split hashes the document id (Semantic Scholar id), so a paper is on one side",
        "fields": ["datasets"],
        "non_salient_optional": True,
        "optional": {"Material (non-salient), the corpus's salient-Material names": "datasets"},
        "labels": {
            "Material": "datasets where the mention belongs to a salient entity (the paper's Papers-with-Code "
            "entities, `coref`), split words cut and generic phrases dropped; the names of the paper's other "
            "Material mentions (`coref_non_salient` or none) are optional datasets in every sentence of the "
            "paper, and so is a name the corpus labels as a salient Material in any paper wherever a sentence "
            "writes it, since the guidelines had annotators add spans only for the paper's Papers-with-Code "
            "entity names",
            "Method": "not scored: it mixes named models with generic techniques ('dropout', 'CNN') "
            "that the guidelines exclude, and has no model/method distinction",
            "Task": "dropped: tasks are not kg entities",
            "Metric": "dropped: metrics are not kg entities",
        },
        "text": "the corpus's words detokenized (SciREX publishes tokens only): one space between words, "
        "none before closing or after opening punctuation, none around a hyphen or slash between words "
        "or an apostrophe eliding a century (WMT’14)",
    },
}


# ------------------------------------------------------------------ output


def _entry_lines(text: str) -> list[str]:
    return [text, MARKER, ""]


_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9\-]*")


def fold_defined_acronyms(unit: Unit) -> None:
    """One dataset written with its acronym is one name with an alias, whether the corpus
    annotated ``Long Form (ACR)`` as one span (``map_dataset_name``) or as two ("the
    Colossal Clean Crawled Corpus" (or C4), "Definite Pronoun Resolution (DPR)"): the
    acronym becomes an alias of the long form, as the guidelines count one entity once."""
    for acr in list(unit.datasets):
        if not _ACRONYM.fullmatch(acr) or sum(c.isupper() or c.isdigit() for c in acr) < 2:
            continue
        for long in unit.datasets:
            if long == acr or " " not in long:
                continue
            a, b = re.escape(long), re.escape(acr)
            if re.search(rf"{a}[\"”']?\s*\(\s*(?:or\s+|i\.e\.,?\s+)?{b}\b", unit.text) \
                    or re.search(rf"\b{b}\s*\(\s*{a}\b", unit.text):
                unit.datasets.remove(acr)
                unit.aliases.setdefault(long, [])
                if acr not in unit.aliases[long]:
                    unit.aliases[long].append(acr)
                unit.dropped.append(("acronym of a long form: alias", acr))
                break


def gold_record(file: str, entry: int, first_line: int, unit: Unit, fields: Iterable[str]) -> dict:
    """The gold record of ``unit`` in the shape of the project's gold files."""
    fields = set(fields)
    return {
        "file": file,
        "entry": entry,
        "first_line": first_line,
        "kind": "abstract",
        "lang": "en",
        "source_id": unit.source_id,
        # Not annotated by any of these corpora: null, and the runner is told so.
        "arxiv_id": None,
        "title": None,
        "title_zh": None,
        "category": None,
        "authors": None,
        "authors_truncated": None,
        "institutions": None,
        "models": [{"name": n, "role": None} for n in unit.models or []] if "models" in fields else None,
        "datasets": [{"name": n, "role": None, "aliases": unit.aliases.get(n, [])} for n in unit.datasets]
        if "datasets" in fields else None,
        "urls": None,
        **({"optional": {k: v for k, v in sorted(unit.optional.items()) if k in fields}} if unit.optional else {}),
    }


def write_corpus(
    name: str, units: Iterable[Unit], out: Path, spec: dict, src: GitSource | None, only: str | None = None
) -> dict:
    """Write the split files, gold, ``corpus.json`` and ``SOURCES.md``; return the counts.

    ``only`` writes the files of that split alone (a dev-only copy for rule writers, who
    must not have heldout sentences at hand); the counts still cover both splits.
    """
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    by_split: dict[str, list[Unit]] = {s: [] for s in SPLITS}
    skipped: collections.Counter[str] = collections.Counter()
    for u in units:
        if not u.text.strip():
            skipped["empty sentence"] += 1
        elif re.search(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", u.text):
            skipped["sentence with a line break"] += 1
        elif u.text.strip() == MARKER:
            skipped["sentence equal to the entry marker"] += 1
        else:
            by_split[u.split].append(u)
    counts: dict[str, dict] = {}
    for split, items in by_split.items():
        file = f"{name}-{split}.txt"
        lines: list[str] = []
        gold: list[dict] = []
        dropped: collections.Counter[str] = collections.Counter()
        for i, u in enumerate(items, 1):
            fold_defined_acronyms(u)
            gold.append(gold_record(file, i, len(lines) + 1, u, spec["fields"]))
            lines += _entry_lines(u.text)
            for reason, _ in u.dropped:
                dropped[reason] += 1
            for note in u.notes:
                skipped[f"{split}: {note}"] += 1
        counts[split] = _counts(items, dropped, spec)
        if only and split != only:
            continue
        (folder / file).write_text("\n".join(lines), encoding="utf-8", newline="\n")
        with open(folder / f"{name}-{split}.gold.jsonl", "w", encoding="utf-8", newline="\n") as f:
            for rec in gold:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        # The scorer reads aliases from a table, not from the records; one table per
        # split, so that reading dev's table reveals nothing of heldout.
        table: dict[str, list[str]] = {}
        for u in items:
            for n, alts in u.aliases.items():
                table.setdefault(n, [])
                table[n] += [a for a in alts if a not in table[n]]
        (folder / f"{name}-{split}.aliases.json").write_text(
            json.dumps(dict(sorted(table.items())), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    manifest = {
        "corpus": name,
        "title": spec["title"],
        "repository": spec["repository"],
        "commit": src.commit if src else None,
        "paths": spec.get("files") or [spec["folder"] + "/*.json"],
        "licence": spec["licence"],
        "unit": spec["unit"],
        "text": spec["text"],
        "fields": spec["fields"],
        "roles": False,
        "optional": spec.get("optional", {}),
        "labels": spec["labels"],
        "split": {"rule": f"sha256('{name}:<unit key>') % 100 < {DEV_PERCENT} -> dev, else heldout",
                  "dev_percent": DEV_PERCENT},
        "sample_one_in": spec.get("sample_one_in", 1),
        "skipped": dict(sorted(skipped.items())),
        "counts": counts,
        "splits_written": [only] if only else list(SPLITS),
    }
    (folder / "corpus.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "SOURCES.md").write_text(sources_md(manifest), encoding="utf-8")
    return manifest


def _counts(items: list[Unit], dropped: collections.Counter[str], spec: dict) -> dict:
    return {
        "entries": len(items),
        "entries_with_datasets": sum(1 for u in items if u.datasets),
        "dataset_names": sum(len(u.datasets) for u in items),
        **({"entries_with_models": sum(1 for u in items if u.models), "model_names": sum(len(u.models or []) for u in items)}
           if "models" in spec["fields"] else {}),
        "mentions_changed_or_dropped": dict(sorted(dropped.items())),
    }


def sources_md(m: dict) -> str:
    """Human-readable provenance of one converted corpus."""
    rows = [
        f"# {m['corpus']}: {m['title']}",
        "",
        f"- **repository**: https://github.com/{m['repository']}",
        f"- **commit**: `{m['commit']}`",
        "- **paths**: " + ", ".join(f"`{p}`" for p in m["paths"]),
        f"- **licence**: {m['licence']}. The converted files are a derivative of the corpus",
        "  (text re-joined where the corpus is tokenised, labels mapped as below) and carry its licence.",
        f"- **unit**: {m['unit']}",
        f"- **text**: {m['text']}",
        f"- **sample**: 1 in {m['sample_one_in']} text units (fixed SHA-256 sample of unit ids)"
        if m["sample_one_in"] > 1 else "- **sample**: every text unit",
        f"- **split**: {m['split']['rule']} (decided before any sentence was read)",
        f"- **scored fields**: {', '.join(m['fields'])} (other fields are null in the gold; roles are not annotated)",
        *([f"- **optional labels**: {', '.join(f'{k} ({v})' for k, v in m['optional'].items())}: listed per entry under "
           "`optional`; a prediction matching one is dropped before scoring (`score_corpora.py --strict` keeps it)"]
          if m["optional"] else []),
        "",
        "## Labels",
        "",
        "| corpus label | in kg |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in m["labels"].items()],
        "",
        "Dataset mentions are mapped to the bare names the annotation guidelines ask for",
        "(`map_dataset_name` in `tests/corpora/corpus_names.py`): a trailing split (`training",
        "set`, `test data`, `dev`) is cut (`CIFAR-10 training set` is `CIFAR-10`), so is a",
        "lower-case head noun (`dataset`, `corpus`, `data`, `benchmark`, `shared task`; a",
        "capitalised one is part of the name: `British National Corpus`) and a citation in",
        "parentheses; `Name (ACR)` becomes `Name` with the alias `ACR` (the split's",
        "`aliases.json`). A mention with no capital letter and no digit, or of five or more words",
        "with a lower-case preposition, describes data and names no dataset: it is dropped.",
        "Names are compared by the project scorer's rules (case, spaces, hyphens, dots).",
        *(["", "Model mentions (`map_model_name`) lose a possessive (`BART's`) and an acronym's plural",
           "(`NPTs` is NPT); size variants stay as written, the scorer maps them to their family;",
           "mentions with no capital letter and no digit (`multilingual finetuning`) and formula",
           "variables are dropped."] if "models" in m["fields"] else []),
        "",
        "## Counts",
        "",
        "| split | entries | with datasets | dataset names | with models | model names |",
        "|---|---|---|---|---|---|",
        *[f"| {s} | {c['entries']} | {c['entries_with_datasets']} | {c['dataset_names']} | "
          f"{c.get('entries_with_models', 'n/a')} | {c.get('model_names', 'n/a')} |" for s, c in m["counts"].items()],
        "",
        "Mentions changed or dropped by the mapping: "
        + "; ".join(f"{s}: " + (", ".join(f"{k} {v}" for k, v in c["mentions_changed_or_dropped"].items()) or "none")
                    for s, c in m["counts"].items()),
        "",
        ("Skipped or rebuilt sentences: " + ", ".join(f"{k} {v}" for k, v in m["skipped"].items()))
        if m["skipped"] else "No sentence skipped.",
        "",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", choices=sorted(CORPORA))
    ap.add_argument("--repo", required=True, help="a clone or bare mirror of the corpus repository")
    ap.add_argument("--commit", default="HEAD")
    ap.add_argument("--out", required=True, help="folder that receives <corpus>/")
    ap.add_argument("--only", choices=SPLITS, help="write this split's files only (e.g. a dev-only copy for rule writers)")
    a = ap.parse_args(argv)
    spec = CORPORA[a.corpus]
    try:
        src = GitSource(a.repo, a.commit)
        m = write_corpus(a.corpus, spec["reader"](src, spec), Path(a.out), spec, src, only=a.only)
    except ConvertError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    for split, c in m["counts"].items():
        models = f", {c['model_names']} model names" if "model_names" in c else ""
        print(f"{a.corpus} {split}: {c['entries']} entries, {c['dataset_names']} dataset names{models}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
