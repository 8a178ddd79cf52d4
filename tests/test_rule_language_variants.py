"""rules.language_variants: a language's name before a known corpus is part of its name."""
import pytest
from rulehelp import found

from kg.extract.rules import language_variants


@pytest.mark.parametrize(
    "text, name",
    [
        ("We train on the English Penn Treebank.", "English Penn Treebank"),
        ("Synonyms come from Japanese WordNet here.", "Japanese WordNet"),
    ],
)
def test_language_edition_of_a_known_corpus(text, name):
    got = found(language_variants, text)
    assert set(got) == {name} and got[name].label == "DATASET" and got[name].covers


@pytest.mark.parametrize(
    "text",
    [
        "We translate English and French sentences.",  # a language alone is no dataset
        "In English, ImageNet is spelt so.",  # no space-joined language before the name
        "We use the english WordNet.",  # lower case: a description, not a name
    ],
)
def test_no_edition(text):
    assert not found(language_variants, text)


def test_the_edition_replaces_the_known_name_inside_it():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "Embeddings are trained on the English Gigaword corpus and on ImageNet."
    _, datasets = find_entities(text, [Span(0, len(text))])
    assert [d.name for d in datasets] == ["English Gigaword", "ImageNet"]
