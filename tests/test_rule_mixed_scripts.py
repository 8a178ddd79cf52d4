"""rules.mixed_scripts: a guess glued across Latin and Cyrillic is cut to its Latin name."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import mixed_scripts, shapes, title_case
from kg.records import Span


@pytest.mark.parametrize(
    "text, mixed, name",
    [
        ("**ZorbiT-модель со скользящим окном** для декодирования.", "ZorbiT-модель", "ZorbiT"),
        ("Мы используем RAG-систему ZorbQA для поиска.", "RAG-систему", None),  # RAG is a generic kind
    ],
)
def test_a_latin_name_glued_to_a_cyrillic_word_is_cut(text, mixed, name):
    got = found(mixed_scripts, text, prior_rules=(shapes, title_case))
    assert mixed in got and got[mixed].label == GENERIC
    if name:
        assert got[name].label == "MODEL"


@pytest.mark.parametrize("text", ["We compare ZorbNet with DeBERTa-v3.", "Модель ZorbNet лучше."])
def test_names_of_one_alphabet_are_left_alone(text):
    assert not found(mixed_scripts, text, prior_rules=(shapes, title_case))


def test_the_cut_name_is_reported():
    text = "В архитектуре используется ZorbiT-модель со скользящим окном."
    models, _ = find_entities(text, [Span(0, len(text))])
    names = {m.name for m in models}
    assert "ZorbiT" in names and "ZorbiT-модель" not in names
