"""rules.naming_verbs: "we call it X", "we refer to this model as X" name the paper's own model."""
import pytest
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.rules import naming_verbs
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("We call it Tessellate and evaluate it on three tasks.", "Tessellate"),
        ("We call this model Tessellate and evaluate it.", "Tessellate"),
        ("We present a new architecture, which we call Tessellate, for long inputs.", "Tessellate"),
        ("We name our framework Tessellate.", "Tessellate"),
        ("We refer to this model as Tessellate throughout.", "Tessellate"),
        ("We dub the resulting model Tessellate.", "Tessellate"),
        ("We simply call it Zorb Mixer.", "Zorb Mixer"),
        ("The approach builds on R-FCN, thus we call it Zorb R-FCN.", "Zorb R-FCN"),
        ('We term the resulting network "ZorbNet" in what follows.', "ZorbNet"),
    ],
)
def test_a_name_we_give_is_proposed(text, name):
    got = found(naming_verbs, text)
    assert set(got) == {name} and got[name].proposed


@pytest.mark.parametrize(
    "text",
    [
        'We call this the "multimodality problem" and study it.',  # a term, not a name
        "They call it Tessellate in their paper.",  # not the writers' naming
        "The name Tessellate was chosen by the authors.",  # a noun, no verb of naming
        "We refer to Table 3 for details.",  # no "as"
        "We call the function recursively on each node.",  # a lower-case word follows
    ],
)
def test_other_sentences_name_nothing(text):
    assert not found(naming_verbs, text)


def test_the_name_reaches_the_reported_models_as_proposed():
    text = "We refer to this model as Tessellate. Tessellate beats BERT on GLUE."
    models, _ = find_entities(text, [Span(0, len(text))])
    got = {m.name: m.role for m in models}
    assert got.get("Tessellate") == "proposed"
