"""rules.typos: one edit from a long known name is that name."""
from rulehelp import found

from kg.extract.rules import typos


def test_misspelt_long_name():
    got = found(typos, "We compare with the Tranformer baseline.")
    assert [c.name for c in got.values()] == ["Transformer"]


def test_sentence_start_and_short_words_are_left_alone():
    assert not found(typos, "Tranformer models are common. We use Bret.")


def test_another_first_letter_is_another_word():
    assert not found(typos, "We fit Canonical Deformer maps to faces.")


def test_nearest_from_names_of_a_reachable_length_is_the_whole_tables_answer():
    """typos._choices_near leaves out only names more than one character longer or
    shorter, which one edit cannot reach: the search over it answers as the search over
    every name does, for dropped, doubled, swapped and changed letters and for words far
    from any name (both outcomes seen)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    from kg.extract.rules import typos

    names = typos._choices()
    words = []
    for name in names[::5]:
        mid = len(name) // 2
        words += [name[:mid] + name[mid + 1 :], name[:mid] + name[mid] + name[mid:], name + "x",
                  name[:mid] + name[mid + 1 : mid + 2] + name[mid : mid + 1] + name[mid + 2 :], "q" + name[1:],
                  name[::-1]]
    seen = set()
    for w in words:
        whole = process.extractOne(w, names, scorer=Levenshtein.distance, score_cutoff=1)
        assert typos._nearest.__wrapped__(w) == (None if whole is None else whole[0]), w
        seen.add(whole is None)
    assert seen == {True, False}
