"""rules.shapes: names by their shape (CamelCase, acronym with digits, hyphenated compounds)."""
import pytest
from rulehelp import found

from kg.extract.rules import shapes


@pytest.mark.parametrize("name", ["HighMMT", "ZQ3M", "CMU-MOSI", "mgo-T5"])
def test_name_shapes(name):
    assert name in found(shapes, f"We report results of {name} here.")


@pytest.mark.parametrize("text", ["The UE sends a packet.", "Set $HOME2 first.", "Trained on 8 A100 GPUs."])
def test_not_names(text):
    assert not [n for n in found(shapes, text) if n not in ("The",)]


def test_usage_suffix_is_cut():
    assert "SimCTG" in found(shapes, "A SimCTG-based decoder works.")


def test_benchmark_word_joins_the_name():
    assert "XYZ-IML Bench" in found(shapes, "We evaluate on XYZ-IML Bench today.")


def test_expert_size_variants_fold_into_the_family():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "We fine-tune Zorblax-8x7B and Mixtral-8x22B on code."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["Zorblax", "Mixtral"]


@pytest.mark.parametrize("text, name", [("Budget-aware LLM-Synthesized data.", "LLM"), ("We use CLIP-guided search.", "CLIP")])
def test_participle_suffixes_are_cut(text, name):
    got = found(shapes, text)
    assert all(c.name in (name,) for c in got.values()), got


def test_task_compounds_are_not_names():
    assert not found(shapes, "Methods for text-to-SQL and image-to-3D work.")
