"""rules.zh_dataset_context: Chinese dataset contexts around unknown names."""
import pytest
from rulehelp import found

from kg.extract.rules import zh_dataset_context


@pytest.mark.parametrize(
    "text, names",
    [
        ("在Zorblax、Quintar等数据集上的实验表明方法有效。", {"Zorblax", "Quintar"}),
        ("我们在Frobnik和Blemish两个数据集上验证了方法。", {"Frobnik", "Blemish"}),
        # a quantifier between the list's closer and the noun
        ("在Zorblax、Quintar等多个主流基准上表现优异。", {"Zorblax", "Quintar"}),
        # 包括 … 在内 brackets the names before the noun
        ("在包括Zorblax和Quintar在内的多个基准上取得最好结果。", {"Zorblax", "Quintar"}),
        ("在公开数据集Zorblax上，我们的方法达到了95%的准确率。", {"Zorblax"}),
        ("在多个基准（如Zorblax和Quintar）上均取得最佳结果。", {"Zorblax", "Quintar"}),
        ("实验数据集包括Zorblax、Quintar。", {"Zorblax", "Quintar"}),
    ],
)
def test_chinese_contexts(text, names):
    got = found(zh_dataset_context, text)
    assert set(got) == names and all(c.label == "DATASET" for c in got.values())


def test_baseline_before_a_model_is_no_dataset_context():
    # 基准 is also "baseline": 与基准BERT相比 names a model.
    assert not found(zh_dataset_context, "与基准Zorblax相比，我们的方法更快。")


def test_names_in_brackets_after_a_dataset_noun_are_its_members():
    got = found(zh_dataset_context, "集成证据库（ZorbReg、FPzorb、文献 DOI 等）共 23,762 条记录")
    assert list(got) == ["ZorbReg", "FPzorb"] and all(c.label == "DATASET" for c in got.values())
    assert list(found(zh_dataset_context, "使用知识库（Wikizorb和DBzorb）")) == ["Wikizorb", "DBzorb"]


def test_a_gloss_or_a_clause_in_the_brackets_lists_no_members():
    assert not found(zh_dataset_context, "构建数据集（训练，400K FOA音频片段）")
    assert not found(zh_dataset_context, "在数据集（ZorbNet）上")  # one name may gloss the noun
    assert not found(zh_dataset_context, "构建数据集（ZorbNet、CIFAR-zorb，以及其他很多）")


def test_included_names_need_a_dataset_noun():
    # 包括 … 在内 before a kind that is no data names models or methods
    assert not found(zh_dataset_context, "包括Zorblax和Quintar在内的多个模型表现不佳。")
    # 在内 without 包括 before the names
    assert not found(zh_dataset_context, "Zorblax和Quintar在内的多个基准上表现优异。")


@pytest.mark.parametrize(
    "text, names",
    [
        # a name at a clause's head, 是, and a description ending in a dataset noun
        ("Zorblax 是一个评估多模态推理的诊断基准。", ["Zorblax"]),
        ("核心创新：\nZorblax (Clear Reasoning via Steps) 是通过中间步骤评估推理的诊断基准，包含6,372个实例。", ["Zorblax"]),
        ("Zorblax是面向医学问答的数据集，包含1万条样本。", ["Zorblax"]),
        ("Zorblax 是一个包含 6,372 个实例的数据集", ["Zorblax"]),  # the text ends the clause
    ],
)
def test_a_name_a_copula_describes_as_data(text, names):
    got = found(zh_dataset_context, text)
    assert list(got) == names and all(c.label == "DATASET" for c in got.values())


@pytest.mark.parametrize(
    "text",
    [
        "Zorblax是一个强基准。",  # 基准 with no evaluation in the description: a baseline
        "我们发现Zorblax是评估推理的诊断基准。",  # not at the head of its clause
        "Zorblax是在ImageNet数据集上训练的模型。",  # the clause ends in a model
        "Zorblax是一个数据集。",  # no description: a kind, said of anything
    ],
)
def test_no_copula_dataset_without_its_frame(text):
    assert not found(zh_dataset_context, text)
