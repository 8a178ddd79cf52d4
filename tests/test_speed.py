"""The shortcuts taken for speed give the answers of the long way round.

* the driver picks a long file's layout from a sample of its lines: the result equals
  scoring every layout on the whole file;
* the link finder skips patterns whose anchor is absent: same links as running them all.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.parse import driver
from kg.parse.document import read_document
from kg.text import ARXIV_RE, BARE_PAGE_RE, BARE_URL_RE, URL_RE, find_urls

from benchgen import generator  # tests/benchgen.py: bench/generate.py, loaded once

ROOT = Path(__file__).resolve().parents[1]




def _long_docs(tmp_path: Path) -> list[Path]:
    gen = generator()
    out = []
    p = tmp_path / "structured.txt"
    gen.write_digest(p, 120, "structured", seed=11)
    out.append(p)
    # A long file whose head is not entries at all: a notes page of short lines, then
    # a structured digest (the sample must hold some entries to pick the layout).
    notes = tmp_path / "notes-then-digest.txt"
    head = "".join(f"note {k}: see the list below\n" for k in range(40))
    notes.write_text(head + "\n" + out[0].read_text(encoding="utf-8"), encoding="utf-8")
    out.append(notes)
    # Translated abstracts: one paragraph a line, no blank line to cut the sample at.
    abstracts = tmp_path / "abstracts.txt"
    gen.write_digest(abstracts, 400, "abstract", seed=11)
    out.append(abstracts)
    return out


def test_sampled_layout_choice_equals_the_full_scoring(tmp_path, monkeypatch):
    docs = _long_docs(tmp_path)
    for p in docs:
        doc = read_document(str(p), p.read_text(encoding="utf-8"))
        assert driver._sample_end(doc) is not None, p  # long enough to be sampled
        sampled = driver.parse_document(doc)
        with monkeypatch.context() as m:
            m.setattr(driver, "SAMPLE_LINES", 10**9)  # every layout reads the whole file
            m.setattr(driver, "SHORT_MIN", 10**9)  # (nor is it sampled as a short file)
            full = driver.parse_document(doc)
        assert sampled.layout == full.layout, p
        assert sampled.entries == full.entries and sampled.unassigned == full.unassigned, p
        assert len(sampled.entries) > 100
        # Every layout is still accounted for in the scores, finalist or not.
        assert sorted(n for n, _, _ in sampled.scores) == sorted(n for n, _, _ in full.scores)


def test_sample_ends_at_a_blank_line_and_short_files_are_read_whole(tmp_path):
    long_doc, short, unbroken = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    long_doc.write_text("".join(f"line {k}\n" + ("\n" if k % 7 == 0 else "") for k in range(1000)), encoding="utf-8")
    short.write_text("one\n\ntwo\n", encoding="utf-8")
    doc = read_document(str(long_doc), long_doc.read_text(encoding="utf-8"))
    cut = driver._sample_end(doc)
    assert cut is not None and cut >= driver.SAMPLE_LINES and not doc.lines[cut - 1].raw.strip()
    assert driver._sample_end(read_document(str(short), short.read_text(encoding="utf-8"))) is None
    # Translated abstracts have no blank line to cut at: the sample ends at SAMPLE_LINES.
    generator().write_digest(unbroken, 400, "abstract", seed=11)
    doc = read_document(str(unbroken), unbroken.read_text(encoding="utf-8"))
    assert len(doc.lines) > 2 * driver.SAMPLE_LINES and driver._sample_end(doc) == driver.SAMPLE_LINES


def test_a_decisive_sample_lets_only_its_best_layout_read_the_whole_file(tmp_path, monkeypatch):
    """Bench digests of both formats: their best layout explains the whole sample and
    the runner-up less than half of it, so no other layout reads the whole file; a
    sample without such a winner keeps the runner-up as a finalist."""
    from kg.parse.layouts import LAYOUTS

    whole: list[str] = []
    for layout in LAYOUTS:
        def spy(doc, _parse=layout.parse, _name=layout.name):
            if len(doc.lines) > 2 * driver.SAMPLE_LINES:
                whole.append(_name)
            return _parse(doc)
        monkeypatch.setattr(layout, "parse", spy)
    structured, _, abstracts = _long_docs(tmp_path)
    for p, layout in ((structured, "structured"), (abstracts, "abstract")):
        whole.clear()
        res = driver.parse_document(read_document(str(p), p.read_text(encoding="utf-8")))
        assert res.layout == layout and whole == [layout], (p, whole)
    # Notes no layout explains before the digest: the sample decides nothing alone.
    _, notes, _ = _long_docs(tmp_path)
    whole.clear()
    driver.parse_document(read_document(str(notes), notes.read_text(encoding="utf-8")))
    assert len(whole) >= 2, whole


def _all_patterns(text: str) -> list[tuple[str, int, int]]:
    """find_urls without its anchor shortcuts (the patterns always run)."""
    found, taken = [], []
    from kg.text import _trim_url

    for m in URL_RE.finditer(text):
        u = _trim_url(m.group(0))
        found.append((u, m.start(), m.start() + len(u)))
        taken.append((m.start(), m.end()))
    for m in BARE_URL_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        u = _trim_url(m.group(0))
        if "/" in u:
            found.append((u, m.start(), m.start() + len(u)))
            taken.append((m.start(), m.start() + len(u)))
    for m in BARE_PAGE_RE.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            found.append((m.group(0), m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


@pytest.mark.parametrize("text", [
    "no link here, just prose about BERT.",
    "code at github.com/a/b and HTTPS://Example.org/x).",
    "page: someone.github.io and t.cn/A6abc, 见 https://arxiv.org/abs/2401.00001。",
    "a dotted.name without suffix/ and foo.io/ end",
    "mixed.GitHub.io/ is not a page; x.github.io/path is a bare link",
    "long prose " * 20 + "then ftp://x.org/y, s3://bucket and finally Http://b.com/c?d=1 and https://e.io/f",
])
def test_find_urls_shortcuts_change_nothing(text):
    assert find_urls(text) == _all_patterns(text)


def test_spaced_names_prefilter_keeps_every_known_spaced_name():
    """A known name written with spaces ("Science QA") is still found once the first
    word must start some gazetteer key; a capitalised word that starts none is skipped."""
    from kg.extract.context import build_context
    from kg.extract.nlp import _squash, gazetteer
    from kg.records import Span

    gaz = gazetteer()
    assert gaz.starts_key(_squash("Science")) and gaz.known("Science QA")
    assert not gaz.starts_key(_squash("Zorblaxquint"))
    text = "Zorblaxquint Frobnik results: we fine-tune on Science QA and report accuracy."
    ctx = build_context(text, [Span(0, len(text))])
    spaced = [m for m in ctx.matches if ctx.text[m.a : m.b] == "Science QA"]
    assert spaced and spaced[0].name == gaz.known("Science QA")[1]
    assert not any(ctx.text[m.a : m.b].startswith("Zorblaxquint") for m in ctx.matches)


@pytest.mark.parametrize("text", [
    "see https://arxiv.org/abs/2401.00001v2 and arXiv:2312.01234",
    "no id here at all, only BERT and GLUE",
    "ArXiv ID: 2512.24157v1 (no link)",
    "mirror huggingface.co/papers/2401.00002 then ARXIV.ORG/pdf/2401.00003",
    "papers.cool/arxiv/2401.00004 and alphaxiv.org/abs/2401.00005",
    "only a mirror: AlphaXiv.org/2401.00010",
    "old style arxiv.org/abs/cs/0112017 and math.GT: arxiv.org/abs/math.GT/0309136",
    "dotless arxıv.org/abs/2401.00006 matches case-insensitively",
    "İstanbul paper: https://arxiv.org/abs/2401.00007",
    "pſeudo huggingface.co/paperſ/2401.00008",
    "arxiv.org/abs/ broken then arxiv.org/abs/2401.00009",
])
def test_arxiv_id_shortcut_changes_nothing(text):
    from kg.text import ARXIV_TEXT_RE, arxiv_id

    m = ARXIV_RE.search(text) or ARXIV_TEXT_RE.search(text)
    assert arxiv_id(text) == (m.group("id") if m else None)


def test_control_share_counts_what_a_per_character_test_counts():
    from kg.read import _control_share

    chars = "".join(map(chr, range(0, 200))) + "\u2028\x85 text 中文"
    want = sum(1 for c in chars if (ord(c) < 32 and c not in "\t\r\n\f") or c == "\x7f") / len(chars)
    assert _control_share(chars) == want and 0 < want < 1
    assert _control_share("") == 0.0 and _control_share("plain\ttext\r\n\f") == 0.0


def test_tokenize_round_trips_random_text_with_breaks():
    """Words and "space after" flags rebuild any text exactly, offsets point at the words,
    no token crosses a break, and a token's class is its first character's."""
    import random

    from kg.extract.nlp import CJK, PUNCT, SPACE, WORD, tokenize

    rng = random.Random(7)
    alphabet = list("ab Z9. -_\n\t\u3000中文䷀\uf900\u3400é,;!") + ["  ", " \n ", "2.0"]
    cjk = lambda c: "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"  # noqa: E731
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        breaks = tuple(sorted({rng.randrange(1, len(text)) for _ in range(2)})) if len(text) > 1 else ()
        words, spaces, idx, kinds = tokenize(text, breaks)
        assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text
        assert all(text[a : a + len(w)] == w for a, w in zip(idx, words))
        assert not any(a < b < a + len(w) for a, w, k in zip(idx, words, kinds) if k != SPACE for b in breaks)
        for w, k in zip(words, kinds):
            assert k == (SPACE if w.isspace() else CJK if len(w) == 1 and cjk(w) else
                         WORD if w[0].isalnum() else PUNCT), (text, w, k)


def _contexts():
    from kg.extract.context import build_context
    from kg.records import Span

    texts = [
        "We compare Zorblax with BERT on GLUE, and the dataset SQuAD; results on MNLI and the Quintar set.",
        "本文提出Zorblax，与BERT相比，在GLUE和SQuAD数据集上优于RoBERTa。相较于 GPT-4，我们基于Llama构建。",
        "Methods such as NSA, InfLLMv2 and Frobnik, compared to T5 — 其他先进方法如TreeVGR、DeepEyes及Thyme。",
        "",
    ]
    out = []
    for t in texts:
        out.append(build_context(t, [Span(0, len(t))]))
        out.append(build_context(t, [Span(0, len(t) // 2)]))  # half the text outside the regions
    return out


def test_context_where_equals_a_scan_of_every_token():
    """Context.where (an index of the entry's words) gives the tokens a plain scan gives,
    in order, with and without the region test, for small and large vocabularies."""
    vocabs = [frozenset(("on", "and", "the")), frozenset(("，", ",")), frozenset(("与", "在", "zorblax", "glue")),
              frozenset(), frozenset(f"w{k}" for k in range(500)) | {"bert", "数"}]
    for ctx in _contexts():
        for vocab in vocabs:
            for region in (False, True):
                want = [k for k, w in enumerate(ctx.lower) if w in vocab and (not region or ctx.in_region[k])]
                assert ctx.where(vocab, region=region) == want, (ctx.text, vocab, region)


def test_latin_after_holds_every_latin_word_a_joined_window_ends_with_a_phrase():
    """Context.latin_after gives (at least) every Latin word whose ``window`` tokens before
    end with one of the phrases, as the rules' own test reads them."""
    from kg.extract.nlp import WORD

    phrases = [("与", "在", "同"), ("相较于", "相比于", "优于"), ("方法如",), ("compared",)]
    for ctx in _contexts():
        for ps in phrases:
            for window in (2, 3, 5):
                got = ctx.latin_after(ps, window)
                assert got == sorted(set(got)) and all(ctx.kinds[k] == WORD for k in got)
                want = [k for k in range(len(ctx.words)) if ctx.kinds[k] == WORD
                        and ctx.joined(k - window, k).strip().endswith(ps)]
                assert set(want) <= set(got), (ctx.text, ps, window)
