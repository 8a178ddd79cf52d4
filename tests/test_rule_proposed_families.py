"""rules.proposed_families: the family of a labelled version on the paper's line is that version."""
from kg.extract.entities import find_entities
from kg.records import Span


def _models(line: str, title: str) -> set[str]:
    a = line.index(title)
    models, _ = find_entities(line, [Span(0, len(line))], Span(a, a + len(title)))
    return {m.name for m in models}


def test_the_family_in_a_versions_title_is_vetoed():
    line = "- Inception-v3 - Rethinking the Inception Architecture for Computer Vision : https://arxiv.org/abs/1512.00567"
    got = _models(line, "Rethinking the Inception Architecture for Computer Vision")
    assert "Inception-v3" in got and "Inception" not in got


def test_a_title_head_that_is_the_labels_family():
    line = "- EVA-01: 2211.07636. EVA: Exploring the Limits of Masked Visual Representation Learning at Scale. Yuxin Fang et al"
    got = _models(line, "EVA: Exploring the Limits of Masked Visual Representation Learning at Scale")
    assert "EVA-01" in got and "EVA" not in got


def test_a_name_built_on_the_family_keeps_it():
    # "ViTPose" adds more than a version: the paper builds on the Vision Transformer.
    line = "- ViTPose: 2204.12484. ViTPose: Simple Vision Transformer Baselines for Human Pose Estimation. Yufei Xu et al"
    got = _models(line, "ViTPose: Simple Vision Transformer Baselines for Human Pose Estimation")
    assert {"ViTPose", "ViT"} <= got


def test_a_family_named_outside_the_line_is_kept():
    text = ("- Inception-v3 - Rethinking the Inception Architecture for Computer Vision\n"
            "  We start from the Inception network and scale it up.")
    a = text.index("Rethinking")
    models, _ = find_entities(text, [Span(0, len(text))], Span(a, text.index("\n")))
    assert "Inception" in {m.name for m in models}
