"""rules.title_case: mid-sentence Title-Case phrases with a method or dataset head."""
from rulehelp import found

from kg.extract.rules import title_case


def test_method_head():
    assert "Distributed Information Bottleneck" in found(title_case, "We apply the Distributed Information Bottleneck to text.")


def test_dataset_head():
    got = found(title_case, "We release the Waymo Open Motion Dataset today.")
    assert got["Waymo Open Motion Dataset"].label == "DATASET"


def test_titles_and_sentence_starts_say_nothing():
    assert not found(title_case, "Deep Networks are used.", title="Sparse Attention Network")
