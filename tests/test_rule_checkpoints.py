"""rules.checkpoints: glued tuned releases ("Qwen2.5-7B-Instruct") as one mention."""
import pytest
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.names import tuned_checkpoint
from kg.extract.rules import checkpoints
from kg.records import Span


@pytest.mark.parametrize(
    "name, tuned",
    [
        ("Qwen2.5-7B-Instruct", True),
        ("LLaMA-3.1-8B-Instruct", True),
        ("Mixtral-8x7B-Instruct-v0.1", True),
        ("Llama-2-13b-chat-hf", False),  # a repository id: the family
        ("gemma-2-2b-it", False),
        ("Qwen2.5-7B", False),  # a size only
        ("7B-Instruct", False),  # no name before the size
    ],
)
def test_tuned_checkpoint(name, tuned):
    assert tuned_checkpoint(name) is tuned


def test_the_whole_compound_is_a_mention():
    got = found(checkpoints, "We fine-tune Zorb-3.1-8B-Instruct and Zorb-3.1-8B on code.")
    assert set(got) == {"Zorb-3.1-8B-Instruct"}


def test_a_known_family_is_reported_under_the_release_name():
    text = "Baselines include LLaMA-3.1-8B-Instruct and GPT-4."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["LLaMA-3.1-8B-Instruct", "GPT-4"]
    assert text[models[0].start : models[0].end] == "LLaMA-3.1-8B-Instruct"


def test_a_repository_id_is_reported_as_its_family():
    text = "Baselines include Llama-2-13b-chat-hf and GPT-4."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["Llama 2", "GPT-4"]
