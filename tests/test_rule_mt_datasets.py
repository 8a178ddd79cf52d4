"""rules.mt_datasets: an everyday-word MT rendering of a dataset counts in a dataset context."""
from rulehelp import found

from kg.extract.rules import mt_datasets


def test_dataset_word_after_the_rendering():
    got = found(mt_datasets, "我们在可可数据集上取得了最好结果。")
    assert got["COCO"].label == "DATASET" and got["COCO"].known


def test_evaluation_frame_around_the_rendering():
    assert "Cityscapes" in found(mt_datasets, "我们在可可数据集和城市景观上进行了大量实验。")


def test_everyday_use_is_no_dataset():
    assert not found(mt_datasets, "我喜欢可可和巧克力，城市景观也很美。")
    assert not found(mt_datasets, "在城市景观中，汽车很多。")
