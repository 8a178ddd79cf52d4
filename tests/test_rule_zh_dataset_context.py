"""rules.zh_dataset_context: Chinese dataset contexts around unknown names."""
import pytest
from rulehelp import found

from kg.extract.rules import zh_dataset_context


@pytest.mark.parametrize(
    "text, names",
    [
        ("在Zorblax、Quintar等数据集上的实验表明方法有效。", {"Zorblax", "Quintar"}),
        ("我们在Frobnik和Blemish两个数据集上验证了方法。", {"Frobnik", "Blemish"}),
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
