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
    # other particles of place before an evaluation word (evaluation_particles_ja.txt)
    ("ZorbQA上で評価した結果、精度が向上した。", ["ZorbQA"]),
    ("ZorbQA において最先端の性能を示した。", ["ZorbQA"]),
    ("ZorbQAでの実験により有効性を確認した。", ["ZorbQA"]),
    # a list closed by など/の and a count before the noun (list_closers_ja.txt)
    ("ZorbQAやQuintarQAなどのベンチマークで最高性能を達成した。", ["QuintarQA", "ZorbQA"]),
    ("ZorbQA、QuintarQA、Flimset の3つのデータセットで評価。", ["Flimset", "QuintarQA", "ZorbQA"]),
    # the members in brackets after the noun
    ("複数のベンチマーク（ZorbQA、QuintarQA）で評価した。", ["QuintarQA", "ZorbQA"]),
])
def test_japanese_contexts_make_datasets(text, names):
    got = found(ja_dataset_context, text)
    assert sorted(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values())


@pytest.mark.parametrize("text", [
    "GPT-4 で評価した。",  # a known model judges
    "PyTorch で実験した。",  # software
    "Zorb で学習した。",  # trained with, no evaluation word
    "ZorbQA を提案した。",  # no context
    "GPT-4ベンチマークの結果を示す。",  # a known model glued to the noun names no data
    "Zorbnet のベンチマーク結果を示す。",  # a bare の is a possessive: Zorbnet's results
    "Zorbnet において、注意機構は重要である。",  # において with no evaluation word
    "手法（Zorbnet、Quxnet）を比較した。",  # brackets after a method noun
    "複数のベンチマーク（GPT-4、Zorbnet）で評価した。",  # a known model in the brackets
])
def test_no_japanese_dataset_context(text):
    assert not found(ja_dataset_context, text)
