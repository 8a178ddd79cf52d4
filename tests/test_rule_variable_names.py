"""rules.variable_names: a one-letter prefix and an underscore name a variable, not a model."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import shapes, variable_names
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("The boosted tree relied on R_POS2 in three of the five folds.", "R_POS2"),
        ("Regions (L_DVT, R_AAIC, R_FST) were selected.", "L_DVT"),
        ("We split X_train1 and X_test1 by date.", "X_train1"),
    ],
)
def test_a_letter_and_an_underscore_is_vetoed(text, name):
    got = found(variable_names, text, prior_rules=(shapes,))
    assert name in got and got[name].label == GENERIC


@pytest.mark.parametrize(
    "text",
    [
        "We compare ZorbNet with QuintarNet on the test set.",  # no underscore
        "The agent MB_Zorb plans its moves.",  # a two-letter first part is a name's
        "We fine-tune Zorb_7B on the data.",
    ],
)
def test_other_names_are_left_alone(text):
    assert not found(variable_names, text, prior_rules=(shapes,))


def test_the_veto_reaches_the_reported_models():
    text = "ZorbNet predicts R_POS2 and L_DVT from the scans."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert {m.name for m in models} == {"ZorbNet"}
