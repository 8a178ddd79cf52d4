"""rules.catalog_numbers: LDC and ELRA catalogue numbers name corpora."""
from rulehelp import ctx_of, found

from kg.extract.entities import entities_in
from kg.extract.rules import catalog_numbers


def test_catalogue_numbers_are_datasets():
    got = found(catalog_numbers, "We use the treebank LDC2005T20 and the ELRA-S0001 recordings.")
    assert set(got) == {"LDC2005T20", "ELRA-S0001"}
    assert all(c.label == "DATASET" and c.force_label for c in got.values())


def test_typed_a_dataset_over_the_shape_guess():
    names = {e.name: e.label for e in entities_in(ctx_of("We train on LDC2003T09 only."))}
    assert names.get("LDC2003T09") == "DATASET"


def test_other_codes_are_left():
    assert not found(catalog_numbers, "The LDC released LDC-style data; ELRA-2 is a meeting.")
