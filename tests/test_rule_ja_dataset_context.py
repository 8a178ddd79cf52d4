"""rules.ja_dataset_context: Japanese dataset contexts around Latin names."""
import pytest
from rulehelp import found

from kg.extract.rules import ja_dataset_context


@pytest.mark.parametrize("text, names", [
    ("我々は ZorbQA データセットで評価した。", ["ZorbQA"]),
    ("新しい ZorbQA と QuintarQA で評価したところ、精度が向上した。", ["QuintarQA", "ZorbQA"]),
    ("ZorbQA、QuintarQA で実験した。", ["QuintarQA", "ZorbQA"]),
    # no space between the name and the noun: the change of script is the boundary
    ("本研究では、ZorbQAデータセットで評価した。", ["ZorbQA"]),
    ("ZorbQAベンチマークにおいて、既存手法を上回った。", ["ZorbQA"]),
])
def test_japanese_contexts_make_datasets(text, names):
    got = found(ja_dataset_context, text)
    assert list(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values())


@pytest.mark.parametrize("text", [
    "GPT-4 で評価した。",  # a known model judges
    "PyTorch で実験した。",  # software
    "Zorb で学習した。",  # trained with, no evaluation word
    "ZorbQA を提案した。",  # no context
    "GPT-4ベンチマークの結果を示す。",  # a known model glued to the noun names no data
])
def test_no_japanese_dataset_context(text):
    assert not found(ja_dataset_context, text)
