"""Property tests: read → parse → extract → graph never raises on damaged or random input.

Inputs are the seed digests and synthetic ones (``bench/generate.py``) mutated the way
real files get damaged — lines deleted, duplicated or swapped, junk Unicode inserted,
the file cut off (mid-line, mid-character in the UTF-8 bytes) — plus digests built from
random lines. Besides "no exception", every record must point back into its input:
line numbers inside the file, and every evidence span equal to the text it names.

Profiles (choose with ``HYPOTHESIS_PROFILE``):

* unset — a quick run for every ``pytest`` (25 examples per test, a few seconds);
* ``long`` — the maintainers' fuzz run, 20,000 examples per test and no deadline
  (8.5 minutes on the 2-CPU bench machine, all passing on 2026-11-25)::

      HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_fuzz_extract.py -x -q

  A failing example is printed and kept in ``.hypothesis/``, so the next run repeats it
  first.
"""
from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.extract import extract_entry, find_entities
from kg.parse import parse
from kg.pipeline import records_to_graph
from kg.read import read_bytes
from kg.records import Document, Span

from benchgen import generator  # tests/benchgen.py: bench/generate.py, loaded once

ROOT = Path(__file__).resolve().parents[1]

# Named profiles, applied per test (not loaded globally), so other test modules keep
# their own settings.
settings.register_profile("kg-fuzz-quick", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=20_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
PROFILE = settings.get_profile("long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "kg-fuzz-quick")


def _synthetic() -> list[str]:
    return ["\n".join(lines) for _, lines in generator().iter_days(30, "mixed", seed=11)][:3]


SOURCES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + _synthetic()

#: Characters that break naive code: controls, bidi overrides, zero-width joiners,
#: combining marks, surrogates' neighbours, emoji, CJK punctuation, markup and quotes.
NASTY = ["\x00", "\x1b[31m", "\u202e", "\u200f", "\u200b", "\u2028", "\ufeff", "\u0301", "e\u0301", "🧪", "👩‍🔬",
         "\U0001f1fa\U0001f1f8", "【", "】", "［", "］", "（", "）", "，", "。", "、", "…", "<script>", "\"", "'", "`",
         "\\", "$", "{", "}", "[", "]", "(", ")", "&", "%s", "{0}", "\t", "\r", "\r\n", "\x0c", "1、", "[LG] ",
         "translated by 谷歌翻译", "https://arxiv.org/abs/", "et al.", " & ", ", "]
junk = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.lists(st.sampled_from(NASTY), min_size=1, max_size=6).map("".join),
)


@st.composite
def mutated(draw) -> str:
    """A source digest with 1-6 mutations applied."""
    lines = draw(st.sampled_from(SOURCES)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            lines = [""]
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert_line", "insert_in_line", "truncate_line", "cut_file"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert_line":
            lines.insert(i, draw(junk))
        elif op == "insert_in_line":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(junk) + lines[i][k:]
        elif op == "truncate_line":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            lines = lines[:i] + [lines[i][: draw(st.integers(0, len(lines[i])))]]
    return "\n".join(lines)


#: Lines of the shapes the parsers look for, to build digests that are random but dense
#: in things the extractor reacts to.
_SHAPES = [line for text in SOURCES for line in text.split("\n") if line.strip()][:400]
random_digest = st.lists(st.one_of(st.sampled_from(_SHAPES), junk, st.just("")), min_size=1, max_size=40).map("\n".join)


def _check(text: str, path: str = "fuzz.txt") -> None:
    """Parse and extract ``text``; every record must point back into it."""
    doc = Document(path, text, "utf-8")
    result = parse(doc)
    n_lines = text.count("\n") + 1
    records = []
    for entry in result.entries:
        rec = extract_entry(entry)
        assert 1 <= rec.line <= rec.end_line <= n_lines
        for m in rec.models + rec.datasets + rec.institutions:
            assert 0 <= m.start <= m.end <= len(rec.text)
            assert rec.text[m.start : m.end] == m.text, (m, rec.line)
        for a in rec.authors:
            assert 0 <= a.start <= a.end <= len(rec.text)
        records.append(rec)
    for u in result.unassigned:
        assert 1 <= u.line <= n_lines
    if records:
        records_to_graph(records)


@settings(PROFILE)
@given(mutated())
def test_mutated_digests_never_break_extraction(text):
    _check(text)


@settings(PROFILE)
@given(random_digest)
def test_random_digests_never_break_extraction(text):
    _check(text)


@settings(PROFILE)
@given(mutated(), st.integers(0, 2000), st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_damaged_bytes_are_read_or_refused(text, cut, encoding):
    """Bytes cut anywhere (mid-character too) are decoded or refused with a ReadError;
    whatever is decoded extracts without error."""
    data = text.encode(encoding, errors="replace")
    data = data[: len(data) * cut // 2000]
    try:
        doc = read_bytes(data, "fuzz.txt")
    except KgError:
        return
    _check(doc.text)


@settings(PROFILE)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300), st.data())
def test_entity_finder_on_any_text(text, data):
    """``find_entities`` over arbitrary text and regions: no error, exact evidence."""
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    models, datasets = find_entities(text, [Span(a, b), Span(0, len(text))])
    for m in models + datasets:
        assert text[m.start : m.end] == m.text


def test_affiliation_evidence_keeps_nul():
    # Found by the long fuzz run: a fixed \x00 sentinel once turned a real U+0000 into ",".
    from kg.extract.affiliations import split_affiliations

    text = "T\x00el-Aviv University & MIT"
    mentions, _ = split_affiliations(text)
    assert all(text[m.start : m.end] == m.text for m in mentions)
