"""rules.ru_acronyms: a Latin acronym a Russian long form or apposition calls a system."""
import pytest
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.rules import ru_acronyms
from kg.records import Span


@pytest.mark.parametrize(
    "text, name",
    [
        ("Машины зорбового мышления (ZTM) — революционная нейросетевая архитектура.", "ZTM"),  # head noun first
        ("Мы изучаем Квинтарный перенос (QTX) — новый метод обучения.", "QTX"),  # apposition ends in a kind
    ],
)
def test_a_russian_long_form_of_a_system_names_the_acronym(text, name):
    got = found(ru_acronyms, text)
    assert name in got and got[name].label == "MODEL"


@pytest.mark.parametrize(
    "text",
    [
        "Набор зорбовых задач (ZQA) — новый бенчмарк.",  # data
        "Они используют обучение с подкреплением (RLHF) для выравнивания.",  # generic, no kind
        "Сеть Zorb (ZN) хорошая.",  # one-letter-less acronym shape is still read, but "Сеть" is no listed stem
        "Machines of Zorb (ZTM) are a new architecture.",  # no Cyrillic long form
    ],
)
def test_other_brackets_are_left_alone(text):
    assert not found(ru_acronyms, text)


def test_the_acronym_is_reported_with_its_mentions():
    text = "Машины зорбового мышления (ZTM) — нейросетевая архитектура.\nZTM доказывает, что синхронизация важна."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert "ZTM" in {m.name for m in models}
