"""rules.benchmark_names: a coined name ending in Bench, Eval or Arena is a dataset."""
import pytest
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.rules import benchmark_names, shapes
from kg.extract.rules.benchmark_names import benchmark_name
from kg.records import Span


@pytest.mark.parametrize("name", ["QuintarBench", "RM-Zorb-Bench", "LongZorbArena", "ZorbBench-v2"])
def test_a_benchmark_suffix_of_its_own(name):
    assert benchmark_name(name)


def test_eval_makes_a_benchmark_only_in_the_title():
    assert benchmark_name("ZorbEval", in_title=True) and not benchmark_name("ZorbEval")


@pytest.mark.parametrize("name", ["Medieval", "Retrieval", "Zorbeval", "Bench", "ZorbNet", "Zorb-Gym"])
def test_words_that_only_end_in_the_letters(name):
    assert not benchmark_name(name)


def test_the_guess_is_retyped():
    got = found(benchmark_names, "We release ZorbBench for testing agents.")
    assert got["ZorbBench"].label == "DATASET" and got["ZorbBench"].force_label


def test_a_framework_called_a_benchmark_by_its_name_is_reported_a_dataset():
    title = "ZorbEval: Scenario Specific Zorb Evaluation Dataset Generation Framework"
    text = title + "\nThis research introduces ZorbEval, a framework for generating evaluation data. We compare ZorbNet with BERT."
    models, datasets = find_entities(text, [Span(0, len(text))], Span(0, len(title)))
    assert "ZorbEval" in {d.name for d in datasets} and "ZorbEval" not in {m.name for m in models}
    assert "ZorbNet" in {m.name for m in models}


def test_an_evaluation_campaign_is_not_retyped():
    assert "SemEval-2010" not in found(benchmark_names, "Results on SemEval-2010 Task 8 are reported.")


def test_a_name_that_scores_is_a_metric_not_data():
    assert "ZorbBench" not in found(benchmark_names, "ZorbBench was developed to evaluate joint parsing in Hebrew.")
    assert "ZorbBench" in found(benchmark_names, "ZorbBench holds 5,000 questions; ZorbNet is evaluated on it.")
