"""rules.dataset_qualifiers: capitalised words between a known dataset and a dataset noun
name a part of it ("the YFCC-100M Flickr dataset"); lower-case, split and other names do not."""
from rulehelp import ctx_of, found

from kg.extract.entities import entities_in
from kg.extract.rules import dataset_qualifiers


def datasets(text: str) -> list[str]:
    return sorted(e.name for e in entities_in(ctx_of(text)) if e.label == "DATASET")


def test_capitalised_part_before_a_dataset_noun():
    got = found(dataset_qualifiers, "Images were collected from the YFCC-100M Flickr dataset [59].")
    assert set(got) == {"YFCC-100M Flickr"}
    assert got["YFCC-100M Flickr"].covers and got["YFCC-100M Flickr"].label == "DATASET"


def test_a_roman_numeral_or_a_language_pair_qualifies():
    assert set(found(dataset_qualifiers, "We use the PTB III data for parsing.")) == {"PTB III"}
    assert set(found(dataset_qualifiers, "We train on the Europarl English-German corpus.")) == {"Europarl English-German"}


def test_a_capitalised_noun_is_part_of_the_name():
    assert set(found(dataset_qualifiers, "It is evaluated on the Waymo Open Motion Dataset today.")) \
        == {"Waymo Open Motion Dataset"}


def test_lower_case_split_and_other_names_do_not_qualify():
    for text in ("We use the COCO detection dataset.",  # what the data is for
                 "We tune on the Freebase Held-out data.",  # a split, even capitalised
                 "We test on the CIFAR-10 CIFAR-100 datasets.",  # another known name
                 "Results on MNIST. The dataset is small.",  # another sentence
                 "We use MNIST and the Fashion dataset."):  # no dataset noun right after
        assert not found(dataset_qualifiers, text), text


def test_the_qualified_name_replaces_the_known_one():
    assert datasets("Images were collected from the YFCC-100M Flickr dataset [59].") == ["YFCC-100M Flickr"]
    assert datasets("We train on ImageNet and the CIFAR-10 dataset.") == ["CIFAR-10", "ImageNet"]
