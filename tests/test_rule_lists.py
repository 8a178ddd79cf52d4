"""rules.lists: a capitalised word listed with known names of one kind shares their kind."""
from rulehelp import found

from kg.extract.rules import gazetteer, lists


def test_listed_with_two_known_datasets():
    got = found(lists, "We test on Cora, Citeseer and Squirrelly.", prior_rules=(gazetteer,))
    assert got["Squirrelly"].label == "DATASET"


def test_one_known_neighbour_is_not_enough():
    assert not found(lists, "We test on Cora and Squirrelly.", prior_rules=(gazetteer,))
