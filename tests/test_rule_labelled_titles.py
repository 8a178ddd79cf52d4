"""rules.labelled_titles: a title's descriptive phrase is no second name where a label names the paper."""
from kg.extract.entities import find_entities
from kg.records import Span


def _models(line: str, title: str) -> set[str]:
    a = line.index(title)
    models, _ = find_entities(line, [Span(0, len(line))], Span(a, a + len(title)))
    return {m.name for m in models}


def test_a_labelled_papers_title_phrase_is_vetoed():
    got = _models("- Fast R-CNN - Fast Region-based Convolutional Network : https://arxiv.org/abs/1504.08083",
                  "Fast Region-based Convolutional Network")
    assert "Fast R-CNN" in got and "Fast Region-based Convolutional Network" not in got
    got = _models("- Mask2Former: 2112.01527. Masked-attention Mask Transformer for Universal Image Segmentation. Bowen Cheng et al",
                  "Masked-attention Mask Transformer for Universal Image Segmentation")
    assert "Mask2Former" in got and "Masked-attention Mask Transformer" not in got


def test_without_a_label_the_title_phrase_names_the_paper():
    got = _models("- Fast Region-based Convolutional Network : https://arxiv.org/abs/1504.08083",
                  "Fast Region-based Convolutional Network")
    assert "Fast Region-based Convolutional Network" in got


def test_a_titles_head_before_its_colon_stays():
    title = "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift"
    got = _models("- BN-Inception-v2 - " + title + " : https://arxiv.org/abs/1502.03167", title)
    assert "Batch Normalization" in got
