"""vocab.phrase_search answers exactly what the substring loops it replaced did."""
from pathlib import Path

import pytest

from kg.extract.vocab import phrase_search, phrases

LISTS = ["used_cues_zh", "block_words_zh", "dataset_words_zh", "evaluation_words_zh"]
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _texts(name):
    ps = phrases(name)
    out = ["", "plain English with no phrase", "我们在这里", "ImageNet上的结果"]
    for p in ps:
        out += [p, "前" + p + "后", p[:-1], p[1:], p.upper()]
    for f in sorted(SEEDS.glob("*"))[:20]:
        if f.is_file():
            text = f.read_text(encoding="utf-8", errors="replace")
            # every window of a few characters the rules would hand it
            out += [text[k : k + 12] for k in range(0, min(len(text), 4000), 5)]
    return out


@pytest.mark.parametrize("name", LISTS)
def test_phrase_search_matches_the_substring_loop(name):
    search = phrase_search(name)
    seen = set()
    for s in _texts(name):
        expected = any(z in s for z in phrases(name))
        assert (search(s) is not None) == expected, (name, s)
        seen.add(expected)
    assert seen == {True, False}  # both answers were exercised


def test_several_lists_at_once():
    search = phrase_search("used_cues_zh", "block_words_zh")
    for p in phrases("used_cues_zh") + phrases("block_words_zh"):
        assert search("x" + p + "y") is not None
    assert search("nothing here") is None
