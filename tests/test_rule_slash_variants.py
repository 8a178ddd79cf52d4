"""rules.slash_variants: "ModelNet10/40" names a sibling of a dataset already found."""
from rulehelp import found

from kg.extract.rules import dataset_context, gazetteer, shapes, slash_variants


def test_sibling_of_a_known_dataset():
    got = found(slash_variants, "We test on CIFAR-10/100 only.", prior_rules=(gazetteer,))
    assert got["CIFAR-100"].known and got["CIFAR-100"].label == "DATASET"


def test_sibling_of_a_new_dataset():
    got = found(slash_variants, "The Zorb10 dataset is small; Zorb10/40 results follow.", prior_rules=(dataset_context, shapes))
    assert "Zorb40" in got


def test_a_date_or_a_path_is_no_sibling():
    assert not found(slash_variants, "We test on CIFAR-10/100/7 splits.", prior_rules=(gazetteer,))
    assert not found(slash_variants, "We test on Zorblax today.", prior_rules=(dataset_context,))
