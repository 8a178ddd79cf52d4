"""rules.ru_dataset_context: Russian dataset contexts around Latin names."""
import pytest
from rulehelp import ctx_of, found

from kg.extract.rules import ru_dataset_context
from kg.extract.triggers import fires


@pytest.mark.parametrize("text, names", [
    ("Мы оцениваем модель на датасете Zorbank.", ["Zorbank"]),
    # any case ending of the data noun; names joined by commas and и/или
    ("На бенчмарках Zorbank и Quxal модель показывает лучшие результаты.", ["Quxal", "Zorbank"]),
    ("Корпуса Zorbank, Quxal или Flimset используются редко.", ["Flimset", "Quxal", "Zorbank"]),
    ("Мы используем набор данных Zorbank-2.", ["Zorbank-2"]),
    # "на" after an evaluation or training word
    ("Эксперименты на Zorbank и Quxal показали прирост.", ["Quxal", "Zorbank"]),
    ("Модель обучена на Zorbank.", ["Zorbank"]),
    ("Мы оцениваем нашу модель на Zorbank.", ["Zorbank"]),
])
def test_russian_contexts_make_datasets(text, names):
    got = found(ru_dataset_context, text)
    assert sorted(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values()), got


@pytest.mark.parametrize("text", [
    "Эксперименты на GPT-4 показали прирост.",  # a known model
    "Модель обучена на H100.",  # hardware
    "Мы используем набор правил Zorbank.",  # "набор" alone is any set
    "Мы опубликовали код на GitHub.",  # "на" with no evaluation word
    "Датасет Датасет собран вручную.",  # Cyrillic words are no names here
])
def test_no_russian_dataset_context(text):
    assert not found(ru_dataset_context, text)


def test_no_cyrillic_no_frame():
    assert not found(ru_dataset_context, "We evaluate on the Zorbank benchmark.")
    assert not fires(ctx_of("We evaluate on the Zorbank benchmark."), ru_dataset_context.TRIGGERS)
    assert fires(ctx_of("ДАТАСЕТ Zorbank"), ru_dataset_context.TRIGGERS)
