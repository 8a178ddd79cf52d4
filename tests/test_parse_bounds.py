"""Bounds and cheap rejects the parse driver takes for speed decide as the readers they
spare would: the generic reader's entry bound (``generic.entry_bound``, used by the
driver to skip that reader on a file it cannot win) and the layouts' cheap rejects.
Each is checked both ways on the layout fixtures, the seeds and bench's synthetic
digests: the reader kept is the same with and without the shortcut, and where the
shortcut skips a reader, running it shows it could not have won."""
from __future__ import annotations

from pathlib import Path

import pytest

from benchgen import generator
from kg.parse import driver
from kg.parse.document import read_document
from kg.parse.driver import parse_document
from kg.parse.layouts import generic
from kg.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
PATHS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.txt"))


def _doc(path: Path):
    d = read_bytes(path.read_bytes(), str(path))
    return read_document(d.path, d.text)


@pytest.fixture(scope="module")
def bench_files(tmp_path_factory):
    """A day folder of both bench formats and one long translated-abstract dump."""
    out = tmp_path_factory.mktemp("bench")
    gen = generator()
    days = [Path(p) for p in gen.write_folder(out / "days", 120, fmt="mixed")]
    gen.write_digest(out / "abstract.txt", 700, fmt="abstract")
    return days + [out / "abstract.txt"]


def _all_paths(bench_files):
    return PATHS + list(bench_files)


def _doc_text(text: str, markdown: bool = False):
    return read_document("t.md" if markdown else "t.txt", text, markdown=markdown)


ABSTRACT = (
    "We study how to adapt large models to question answering with little data. "
    "Experiments on two benchmarks show clear gains over strong baselines at no cost."
)


def test_bound_is_the_paragraph_count_of_a_plain_page_without_ids():
    doc = _doc_text(f"{ABSTRACT}\n{ABSTRACT}\n\n{ABSTRACT}\n\n\n{ABSTRACT}\n")
    assert generic.entry_bound(doc) == 3


@pytest.mark.parametrize(
    "text, markdown",
    [
        (f"{ABSTRACT} See https://arxiv.org/abs/2301.12345 for details.\n", False),  # an id in a link
        (f"{ABSTRACT} arXiv: 2301.12345\n", False),  # an id after its tag
        (f"{ABSTRACT} [2301.12345]\n", False),  # an id stated in brackets
        (f"{ABSTRACT} arxiv.org/abs/hep-th/9901001\n", False),  # an old-style id
        (f"{ABSTRACT} (２３０１.１２３４５)\n", False),  # full-width digits are digits to the patterns too
        (f"[{ABSTRACT}](https://example.org/a)\n", True),  # a link
        (f"**Name** — {ABSTRACT}\n", True),  # a bold run: a named item
        (f"## Name (2025.08)\n{ABSTRACT}\n", True),  # a heading
        (f"| Title | Authors |\n|---|---|\n| {ABSTRACT} | A B |\n", True),  # a table
    ],
)
def test_no_bound_where_the_reader_splits_paragraphs_or_an_id_is_written(text, markdown):
    assert generic.entry_bound(_doc_text(text, markdown)) is None


def test_bound_holds_on_every_page(bench_files):
    """The bound is never below what the reader finds, on any page it bounds."""
    bounded = 0
    for path in _all_paths(bench_files):
        doc = _doc(path)
        bound = generic.entry_bound(doc)
        if bound is not None:
            bounded += 1
            assert len(generic.parse(doc).entries) <= bound, path.name
    assert bounded >= 2  # the abstract fixtures and dumps are bounded: the test tests something


def test_the_bound_never_changes_the_reader_kept(bench_files, monkeypatch):
    """Both ways: the parse is the same with and without the bound, and wherever the bound
    spares the generic reader, that reader run anyway does not read the file better."""
    spared = 0
    real = driver._generic_cannot_win
    results = {}
    for path in _all_paths(bench_files):
        doc = _doc(path)
        results[path] = parse_document(doc)
    # Every time the bound answers, the reader it spares is run and asked.
    def checked(doc, res):
        nonlocal spared
        cannot = real(doc, res)
        if cannot:
            spared += 1
            assert not driver._generic_better(doc, res, generic.parse(doc)), doc.path
        return False  # and the parse goes on as without the bound
    monkeypatch.setattr(driver, "_generic_cannot_win", checked)
    for path, want in results.items():
        got = parse_document(_doc(path))
        assert (got.layout, got.entries, got.unassigned) == (want.layout, want.entries, want.unassigned), path.name
    assert spared >= 2  # the bound spared the reader on the abstract dumps
