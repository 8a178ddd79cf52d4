"""rules.data_roles: names the sentence gives a data role are datasets."""
import pytest
from rulehelp import found

from kg.extract.rules import data_roles


@pytest.mark.parametrize(
    "text, names",
    [
        ("Zorbank, Quxal, and Flimset are used for evaluation.", ["Zorbank", "Quxal", "Flimset"]),
        ("Zorbank is used as the test set.", ["Zorbank"]),
        ("Both Zorbank and Quxal were adopted as evaluation benchmarks.", ["Zorbank", "Quxal"]),
        ("Zorbank and Quxal serve as our evaluation benchmarks.", ["Zorbank", "Quxal"]),
        ("We use Zorbank as the training data.", ["Zorbank"]),
        ("We adopt Zorbank as the benchmark.", ["Zorbank"]),
        ("We report results on the test sets of Zorbank and Quxal.", ["Zorbank", "Quxal"]),
        ("We follow the standard splits of Zorbank.", ["Zorbank"]),
        ("A subset of Zorbank is used.", ["Zorbank"]),
    ],
)
def test_a_data_role_makes_a_dataset(text, names):
    got = found(data_roles, text)
    assert list(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values()), got


@pytest.mark.parametrize(
    "text",
    [
        "Adam is used for training.",  # optimisers are used for training too
        "Zorbnet is used for training the model.",
        "GPT-4 is used for evaluation.",  # a known model is the judge
        "BLEU and ROUGE are used for evaluation.",  # metrics
        "We use Zorbnet as the encoder.",  # a role that is no data
        "We use PyTorch as the framework.",
        "English and German are used for evaluation.",  # languages
        "The model trained with Zorbnet is used for evaluation.",  # the list does not open the clause
        "A subset of Zorbank users is studied.",  # the name modifies a plural noun
        "Images from Flickr are used.",  # "from" names a source, not a role
        "A subset of Twitter is used.",  # a website is no dataset
    ],
)
def test_no_data_role(text):
    assert not found(data_roles, text)
