"""rules.dataset_prefixes: a name-like word before a dataset closed by a dataset noun is part
of its name ("the PASCAL RTE datasets", "the AFP Gigaword English corpus"); a sentence's
ordinary first word, a language, a known model or a phrase with no dataset noun is not."""
from rulehelp import ctx_of

from kg.extract.entities import entities_in
from kg.extract.rules import dataset_prefixes
from kg.extract.triggers import fires


def datasets(text: str) -> list[str]:
    return sorted(e.name for e in entities_in(ctx_of(text)) if e.label == "DATASET")


def test_an_acronym_before_a_known_dataset_and_its_noun():
    assert datasets("On PASCAL RTE datasets, strict logical inference has low recall.") == ["PASCAL RTE"]


def test_the_prefix_covers_a_qualified_edition():
    assert datasets("A subset of the AFP Gigaword English corpus was used.") == ["AFP Gigaword English"]


def test_a_capitalised_word_inside_the_sentence_qualifies():
    # Zorbset is unknown: found by the context, then named with its publisher.
    assert datasets("We evaluate on the Quxal Zorbset dataset in all runs.") == ["Quxal Zorbset"]


def test_no_prefix_without_a_dataset_noun_or_a_name_like_word():
    for text, joined in (
        ("Using COCO data we train a detector.", "Using COCO"),  # the sentence's first word
        ("We train on PASCAL RTE and report accuracy.", "PASCAL RTE"),  # no dataset noun after it
        ("We use the English Gigaword corpus.", "English English Gigaword"),  # a language: an edition
        ("We fine-tune BERT SQuAD data for this.", "BERT SQuAD"),  # a known model is its own name
        ("Results on the Zorb-PASCAL RTE dataset.", "PASCAL RTE"),  # glued on to another word
    ):
        assert joined not in datasets(text), text
    assert datasets("We use the English Gigaword corpus.") == ["English Gigaword"]
    assert datasets("Using COCO data we train a detector.") == ["COCO"]


def test_triggers_need_a_dataset_noun():
    assert not fires(ctx_of("We train on PASCAL RTE and report accuracy."), dataset_prefixes.TRIGGERS)
    assert fires(ctx_of("On PASCAL RTE datasets we report accuracy."), dataset_prefixes.TRIGGERS)
