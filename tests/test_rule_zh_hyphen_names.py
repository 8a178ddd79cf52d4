"""rules.zh_hyphen_names: hyphen-joined Title-Case words in Chinese prose name a method."""
from rulehelp import found

from kg.extract.rules import zh_hyphen_names

TEXT = "采用不同的技术路线：Voxel-Merge 在结构层融合编辑体素，Slat-Merge 在潜变量层做精细混合。"


def test_names_in_chinese_prose():
    got = found(zh_hyphen_names, TEXT)
    assert set(got) == {"Voxel-Merge", "Slat-Merge"} and got["Voxel-Merge"].label == "MODEL"


def test_kinds_terms_and_english_prose_are_left():
    assert not found(zh_hyphen_names, "采用Mixture-of-Experts结构和Multi-Head注意力")  # descriptive words only
    assert not found(zh_hyphen_names, "We merge voxels with Voxel-Merge here.")  # no Chinese
    assert not found(zh_hyphen_names, "优于 Long-Range Arena 基准")  # a Latin word follows: not alone in Chinese
    assert not found(zh_hyphen_names, "在 voxel-merge 阶段")  # lower case is a term
