"""rules.modified_names: "Momentum SGD", "Advantage Actor-Critic" in running text."""
import pytest
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.rules import modified_names
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("The implementations of RMSProp and Zorbic SGD used a lock-free scheme.", "Zorbic SGD"),
        ("We implemented SARSA, n-step Q-learning, and Zorbage Actor-Critic in it.", "Zorbage Actor-Critic"),
    ],
)
def test_a_capitalised_modifier_makes_a_name_of_its_own(text, name):
    got = found(modified_names, text)
    assert set(got) == {name} and got[name].covers


@pytest.mark.parametrize(
    "text",
    [
        "We fine-tune the Chinese BERT here.",  # a language
        "We compare with Google T5 models.",  # an organisation
        "Sparse Transformer layers help.",  # opens the sentence
        "We train a Large BERT and a Vanilla Transformer.",  # a size, a description
        "Training GPT-4 is costly.",  # a verb
    ],
)
def test_descriptions_and_organisations_make_no_name(text):
    assert not found(modified_names, text)


def test_the_known_name_inside_is_not_reported():
    text = "The implementations of RMSProp and Zorbic SGD used a lock-free scheme."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["RMSProp", "Zorbic SGD"]


def test_the_second_half_of_a_compound_modifier_is_no_name():
    # "Non-Parametric Transformers": "Parametric Transformers" is not a name of its own.
    assert "Parametric Transformers" not in found(modified_names, "Later we introduce Non-Parametric Transformers for tables.")


def test_a_capitalised_run_going_on_after_the_known_name_is_no_modified_name():
    # "Fréchet Inception Distance" names a metric: "Fréchet Inception" is no model.
    assert not found(modified_names, "Tests like the Inception Score and the Fréchet Inception Distance are popular.")


def test_a_conjunction_opening_a_quoted_sentence_is_no_modifier():
    # "> While transformer-based LLMs …": the quote mark hides the sentence start.
    assert not found(modified_names, "Abstract:\n> While transformer-based LLMs scale well, they are slow.")
