"""rules.dataset_variants: a known dataset's size or release after its name is another
dataset ("MovieLens 1M", "MIMIC-III v1.4", "OpenWebText2"), reported as written."""
from rulehelp import ctx_of, found

from kg.extract.entities import entities_in
from kg.extract.rules import dataset_variants


def test_size_after_a_space_or_a_hyphen():
    got = found(dataset_variants, "We report results on MovieLens 1M (ML-1M) and on MovieLens-20M.")
    assert {"MovieLens 1M", "MovieLens-20M"} <= set(got)
    assert all(c.label == "DATASET" and c.covers for c in got.values())


def test_a_count_of_things_is_no_edition():
    # "1.2M images" counts the images of ImageNet; it names no other dataset.
    assert not found(dataset_variants, "ImageNet 1.2M images are used for pre-training.")


def test_release_number_before_any_word():
    got = found(dataset_variants, "We use the notes in the MIMIC-III v1.4 database.")
    assert set(got) == {"MIMIC-III v1.4"}


def test_digits_glued_to_a_known_name():
    got = found(dataset_variants, "We also introduce OpenWebText2 and BookCorpus2 as extensions.")
    assert set(got) == {"OpenWebText2", "BookCorpus2"}


def test_glued_digits_need_a_known_dataset_stem():
    # "Zorblax2" has no known stem; "CIFAR10" is a known name matched whole by the gazetteer.
    assert not found(dataset_variants, "We train Zorblax2 on CIFAR10.")


def test_edition_and_known_name_are_two_datasets():
    ctx = ctx_of("The last dataset is MovieLens 1M (denoted as ML-1M), besides MovieLens-20M.")
    names = [(e.name, e.label) for e in entities_in(ctx)]
    assert ("MovieLens 1M", "DATASET") in names and ("MovieLens-20M", "DATASET") in names
    # "ML-1M" is a known alias of MovieLens and stays that entity, beside the two editions.
    assert sum(1 for n, _ in names if n.startswith("MovieLens")) == 3


def test_capitalised_edition_word_glued_on():
    # (a catalog may know an edition whole, "MMLU-Pro": then the gazetteer reads it)
    got = found(dataset_variants, "We evaluate on WebArena-Lite only.")
    assert set(got) == {"WebArena-Lite"} and got["WebArena-Lite"].covers


def test_usage_suffix_in_a_title_is_no_edition():
    assert not found(dataset_variants, "ImageNet-Based Pretraining for Zorb Detection")
