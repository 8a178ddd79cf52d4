"""Shortcuts the parser takes for speed answer as the slow test they skip: the
truncation tail of an author line (``kg.parse.names._truncation`` against a search with
``TRUNC_RE``) and the CJK test of a whole string (``kg.text.has_cjk`` against
``is_cjk`` per character)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.parse.names import KEY_PREFIX_RE, TRUNC_RE, _truncation, without_bidi
from kg.text import has_cjk, is_cjk

ROOT = Path(__file__).resolve().parent.parent

TAILS = ["A Smith, B Jones et al.", "A Smith, B Jones ET AL", "A, B et Al", "A, B etal.", "张三，李四 等", "张三，李四等人",
         "张三 等 8 人", "A, B 等5位作者", "A, B …等 3 位", "A, B and others", "A, B AND OTHERS", "A, B and otherſ",
         "A, B + 12 more", "A, B ...", "A, B …", "A, B ⋯", "A, B.", "A, B al", "A Smith", "Recent progress in X.",
         "分析表明，性能提升主要来自上下文。", "x", "."]


def _lines():
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.*"))
    for p in paths:
        if p.suffix in (".txt", ".md", ".markdown", ".rst"):
            yield from p.read_text(encoding="utf-8", errors="replace").splitlines()


@pytest.mark.parametrize("line", TAILS)
def test_truncation_answers_as_the_search(line):
    got, want = _truncation(line), TRUNC_RE.search(line)
    assert (got and got.span()) == (want and want.span())


def test_truncation_answers_as_the_search_on_every_fixture_line():
    n = 0
    for line in _lines():
        s = KEY_PREFIX_RE.sub("", without_bidi(line).strip())
        if s:
            n += 1
            got, want = _truncation(s), TRUNC_RE.search(s)
            assert (got and got.span()) == (want and want.span()), s
    assert n > 300


def test_has_cjk_answers_as_is_cjk_per_character():
    for line in [*TAILS, "𠀀 (an ideograph beyond the BMP)", "かな only", "한국어", "豈 compatibility"]:
        assert has_cjk(line) == any(is_cjk(c) for c in line), line


NAME_LINES = ["Henry Sprueill, Jr., A Smith", "Jr., A Smith", "张伟，李娜、王芳", "李明轩, Sergey Levine",
              "Sergey Levine, 李明轩", "A Smith, B Jones", "Segment Anything", "S Salter, M Wulfmeier, R T. Q. Chen",
              "Recent progress in question answering has been driven by large models, but costs limit adoption",
              "约翰·史密斯, A Smith", ", A Smith, B Jones", "A Smith and B Jones & C Wu", "Analyzing Transformers"]


def test_a_first_name_that_fails_makes_the_whole_list_fail():
    """Where the first-name shortcut answers None, splitting the whole line would too."""
    from kg.parse.names import _first_name_fails, _listed_names

    skipped = 0
    for line in [*NAME_LINES, *_lines()]:
        body = line.strip()
        if body and _first_name_fails(body):
            skipped += 1
            assert _listed_names(body, False) is None, body
    assert skipped > 100


def test_without_bidi_answers_as_the_translate():
    from kg.parse.names import _BIDI, without_bidi

    for line in [*TAILS, "a\u200eb", "\u2066Zorb\u2069 et al.", "", "中文\u202e", *_lines()]:
        assert without_bidi(line) == line.translate(_BIDI)


def test_cjk_share_without_ideographs_answers_as_the_count():
    """cjk_share returns 0.0 without counting letters when no ideograph occurs: the same
    float the count gives (0 / letters, or 0.0 without letters), on every fixture line,
    each fixture file whole and crafted cases, both branches seen."""
    from kg.text import _CJK_RUN, _LETTER_RUN, _count, cjk_share

    def counted(s):
        letters = _count(_LETTER_RUN, s)
        return _count(_CJK_RUN, s) / letters if letters else 0.0

    texts = list(_lines()) + ["", "123 456", "Zorb 模型", "ｆｕｌｌ", "한국어", "かな", "𠀀x"]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    shares = set()
    for s in texts:
        got = cjk_share.__wrapped__(s)
        assert repr(got) == repr(counted(s)), s
        shares.add(got == 0.0)
    assert shares == {True, False}
