"""rules.lists: a capitalised word listed with known names of one kind shares their kind."""
from rulehelp import found

from kg.extract.rules import gazetteer, lists


def test_listed_with_two_known_datasets():
    got = found(lists, "We test on Cora, Citeseer and Squirrelly.", prior_rules=(gazetteer,))
    assert got["Squirrelly"].label == "DATASET"


def test_one_known_neighbour_is_not_enough():
    assert not found(lists, "We test on Cora and Squirrelly.", prior_rules=(gazetteer,))


def test_a_size_glued_to_a_known_name_is_no_list_item():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "We evaluate T5-XL, Flan-T5-XXL, GPT-3 175B, Vicuna-13B and Falcon-40B."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert "XXL" not in {m.name for m in models} and "Flan-T5" in {m.name for m in models}
