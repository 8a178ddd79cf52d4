"""rules.dataset_nouns_before: a dataset noun before the names it introduces."""
import pytest
from rulehelp import found

from kg.extract.rules import dataset_nouns_before


@pytest.mark.parametrize(
    "text, names",
    [
        ("We evaluate on the benchmarks Zorbank and Quxal.", ["Zorbank", "Quxal"]),
        ("Results on the datasets Zorbank, Quxal and Flimset are reported.", ["Zorbank", "Quxal", "Flimset"]),
        ("The benchmark Zorbank is hard.", ["Zorbank"]),
        ("We consider three datasets, namely Zorbank, Quxal and Flimset.", ["Zorbank", "Quxal", "Flimset"]),
        ("These datasets are Zorbank, Quxal and Flimset.", ["Zorbank", "Quxal", "Flimset"]),
        ("The datasets used are Zorbank and Quxal.", ["Zorbank", "Quxal"]),
    ],
)
def test_a_dataset_noun_introduces_its_names(text, names):
    got = found(dataset_nouns_before, text)
    assert list(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values()), got


@pytest.mark.parametrize(
    "text",
    [
        "This work benchmarks the Zorbnet problem.",  # a verb with its object
        "In this paper we benchmark Zorbnet's understanding.",  # a subject before the verb
        "Many datasets are Zorbish in style.",  # no determiner before the copula's noun
        "We compare with the benchmark GPT-4 results.",  # a known model
        "Two benchmarks, Zorbank and Quxal, are used.",  # after a comma only "namely" introduces
        "Zorb dataset Quxal is odd.",  # a name before the noun: left to the other rules
        "On this benchmark Zorbnet achieves an F1 of 0.84.",  # Zorbnet opens the next clause
        "On the dataset Zorbnet outperforms all baselines.",
        "On this benchmark Zorbnet achieves an F1 of 0.8.",  # the noun points back; the name acts
        "Beyond that dataset Zorbnet also generalises.",
    ],
)
def test_no_names_introduced(text):
    assert not found(dataset_nouns_before, text)
