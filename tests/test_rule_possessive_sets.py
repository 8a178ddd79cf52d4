"""rules.possessive_sets: a name that owns a set of data (の/的 … セット/子集) is a dataset."""
import pytest
from rulehelp import found

from kg.extract.rules import possessive_sets


@pytest.mark.parametrize("text, name", [
    ("SQL 生成（ZIRD の難問セット）で正答率が上がった", "ZIRD"),
    ("在 Zorb的困难子集上提升明显", "Zorb"),
    ("Quintar-2 のテストセットで評価した", "Quintar-2"),
])
def test_a_name_owning_a_set_is_a_dataset(text, name):
    got = found(possessive_sets, text)
    assert list(got) == [name] and got[name].label == "DATASET" and got[name].force_label


@pytest.mark.parametrize("text", [
    "GPT-4 的训练数据集很大",  # a known model's data
    "Zorb の結果をセットした",  # a particle breaks the phrase
    "Zorb的方法在数据集上有效",  # a preposition ends the noun phrase
    "Zorb模型的训练数据集",  # the model word owns the set
    "Zorb 的训练数据很多",  # data, not a set: a model has training data
])
def test_no_owned_set(text):
    assert not found(possessive_sets, text)


def test_the_datasets_of_a_task_make_it_no_dataset():
    assert not found(possessive_sets, "本综述回顾了FSOD和ZSOD的数据集设置和评估指标")
    assert not found(possessive_sets, "Zorb のベンチマークを作った")
