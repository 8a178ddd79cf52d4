"""rules.linked_datasets: a name the entry links to a dataset host's page is a dataset."""
import pytest

from kg.extract.context import build_context
from kg.extract.entities import find_entities
from kg.extract.rules import linked_datasets
from kg.records import Span

TEXT = "ZorbTQA\nTowards Table Reading with Zorbs. A Quux, B Frob. PDF Dataset"


def found(text, links):
    ctx = build_context(text, [Span(0, len(text))], None, links)
    return {c.name: c for c in linked_datasets.find(ctx)}


@pytest.mark.parametrize(
    "link",
    [
        "https://huggingface.co/datasets/quux/zorbtqa?row=0",
        "https://www.kaggle.com/datasets/quux/zorb-tqa/",
        "https://paperswithcode.com/dataset/zorbtqa#results",
    ],
)
def test_a_name_spelt_like_a_dataset_page_is_a_dataset(link):
    got = found(TEXT, [link])
    assert set(got) == {"ZorbTQA"} and got["ZorbTQA"].label == "DATASET" and got["ZorbTQA"].force_label


@pytest.mark.parametrize(
    "link",
    [
        "https://github.com/quux/ZorbTQA",  # a repository holds code as often as data
        "https://huggingface.co/quux/zorbtqa",  # a model's page
        "https://huggingface.co/datasets/quux/zorbtqa-v2",  # another name
        "https://huggingface.co/datasets/",  # the host's index, no page
    ],
)
def test_other_links_type_nothing(link):
    assert not found(TEXT, [link])


def test_a_piece_of_a_written_word_is_not_the_linked_name():
    assert not found("numericZorb and Zorb-X", ["https://huggingface.co/datasets/q/zorb"])


def test_the_link_turns_a_name_shaped_like_a_model_into_a_dataset():
    models, datasets = find_entities(TEXT, [Span(0, len(TEXT))], None, ["https://huggingface.co/datasets/quux/zorbtqa"])
    assert [d.name for d in datasets] == ["ZorbTQA"] and not models
    models, datasets = find_entities(TEXT, [Span(0, len(TEXT))], None)
    assert [m.name for m in models] == ["ZorbTQA"] and not datasets
