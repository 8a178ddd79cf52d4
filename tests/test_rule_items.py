"""rules.items: coordinated name items, the list reader several rules share."""
import pytest
from rulehelp import ctx_of

from kg.extract.rules.items import items_after


def _names(text: str, after: str) -> list[str]:
    ctx = ctx_of(text)
    s = next(k for k, w in enumerate(ctx.words) if w == after) + 1
    return [ctx.stext(i, j) for i, j in items_after(ctx, s)]


@pytest.mark.parametrize(
    "text, names",
    [
        ("We evaluate on Zorblax [12] and Quintar [13].", ["Zorblax", "Quintar"]),
        # an author-year citation after an item does not end the list
        ("We evaluate on Zorblax (Smith et al., 2019) and Quintar (Lee and Kim, 2020a).", ["Zorblax", "Quintar"]),
        ("We evaluate on Zorblax (2019), Quintar and Frobnik.", ["Zorblax", "Quintar", "Frobnik"]),
        # tokenised text spaces its punctuation
        ("We evaluate on Zorblax ( Smith et al. , 2019 ) and Quintar.", ["Zorblax", "Quintar"]),
        # nor does a score in brackets
        ("Gains on Zorblax (+3.1), Quintar (85.2%) and Frobnik (+2 points).", ["Zorblax", "Quintar", "Frobnik"]),
        # nor does a split in brackets or a footnote mark
        ("We evaluate on Zorblax (test), Quintar (dev) and Frobnik.", ["Zorblax", "Quintar", "Frobnik"]),
        ("We evaluate on Zorblax†, Quintar‡ and Frobnik*.", ["Zorblax", "Quintar", "Frobnik"]),
        # nor does a release number
        ("We evaluate on Zorblax v2.0 and Quintar 1.1 as well.", ["Zorblax", "Quintar"]),
    ],
)
def test_citations_and_versions_between_items(text, names):
    assert _names(text, "on") == names


@pytest.mark.parametrize(
    "text, names",
    [
        # a bracket that is no citation (a gloss) ends the list
        ("We evaluate on Zorblax (a news corpus) and Quintar.", ["Zorblax"]),
        # a bracket without a year is no citation
        ("We evaluate on Zorblax (Smith et al.) and Quintar.", ["Zorblax"]),
    ],
)
def test_other_brackets_end_the_list(text, names):
    assert _names(text, "on") == names


def test_a_phrase_ending_in_a_function_word_is_no_name_item():
    from kg.extract.rules.items import name_item

    ctx = ctx_of("Diversity of environments and Zorblax of Quintar.")
    assert not name_item(ctx, 0, 2)  # "Diversity of"
    assert name_item(ctx, 4, 5)  # "Zorblax"


def test_a_russian_conjunction_joins_list_items():
    # "в CartPole, Acrobot и MiniGrid": "и" ends the list as "and" does
    ctx = ctx_of("производительность в Zorblax, Quintar и Frobnik.")
    s = next(k for k, w in enumerate(ctx.words) if w == "в") + 1
    assert [ctx.stext(i, j) for i, j in items_after(ctx, s)] == ["Zorblax", "Quintar", "Frobnik"]
