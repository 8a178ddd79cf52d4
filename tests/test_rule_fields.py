"""rules.fields: labelled fields that list models ("Algorithm: PPO-Clip, PPO-Penalty.")."""
import pytest
from rulehelp import found

from kg.extract.rules import fields
from kg.extract.rules.fields import field_spans


@pytest.mark.parametrize(
    "text, names",
    [
        ("Playing games, Mnih et al, 2013. Algorithm: Zorblax-Clip, Zorblax-Penalty.", {"Zorblax-Clip", "Zorblax-Penalty"}),
        ("Algorithm: Deep Recurrent Quintar.", {"Deep Recurrent Quintar"}),
        ("Algorithm: Prioritized Quintar Replay (PQR).", {"Prioritized Quintar Replay"}),
        ("模型: Zorblax、Quintar", {"Zorblax", "Quintar"}),
    ],
)
def test_items_of_a_model_field_are_models(text, names):
    got = found(fields, text)
    assert set(got) == names and all(c.label == "MODEL" for c in got.values()), got


def test_a_known_name_keeps_its_id():
    got = found(fields, "Algorithm: Dueling DQN, DQN.")
    assert set(got) == {"Dueling DQN", "DQN"} and got["DQN"].known


@pytest.mark.parametrize(
    "text",
    [
        "Model: we train a large network on images.",  # prose, not a list of names
        "Our model: Zorblax.",  # not a field label
        "Contribution: Introduces Zorblax, a code base.",  # prose field: read, not typed here
        "Algorithm: NVIDIA, OpenAI.",  # organisations
    ],
)
def test_no_model_without_a_listed_name(text):
    assert not found(fields, text)


def test_field_values_become_regions():
    text = "Title, 2015. Algorithm: DQN. Contribution: Introduces Zorblax.\nModel: X"
    assert [text[a:b] for a, b in field_spans(text)] == ["DQN", "Introduces Zorblax", "X"]


def test_extraction_reads_a_field_the_layout_left_out():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "Playing Games with Quintar Learning, Mnih et al, 2013. Algorithm: Zorblax-Clip."
    regions = [Span(0, 35)] + [Span(a, b) for a, b in field_spans(text)]
    models, _ = find_entities(text, regions, Span(0, 35))
    assert [m.name for m in models] == ["Zorblax-Clip"]


@pytest.mark.parametrize("text, own", [
    ("Zorb Policy Optimization, Smith et al, 2017. Algorithm: ZPO-Clip, ZPO-Penalty.", True),
    ("论文笔记。算法：ZPO-Clip", True),
    # a plural label lists what the paper compares as often as what it makes
    ("Results. Models: ZPO-Clip, ZPO-Penalty.", False),
])
def test_a_singular_label_names_the_papers_own_algorithm(text, own):
    got = found(fields, text)
    assert got and all(c.proposed == own for c in got.values())
