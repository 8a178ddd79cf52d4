"""rules.trailing_labels: a bracketed name closing a list item labels the paper's model."""
from rulehelp import found

from kg.extract.rules import trailing_labels


def test_a_bracket_after_the_links_labels_the_model():
    got = found(trailing_labels, "11. Defending Against Neural Fake News. Rowan Zellers, Yejin Choi. NeurIPS 2019. [pdf] [project] (Grover)")
    assert set(got) == {"Grover"} and got["Grover"].proposed and got["Grover"].label == "MODEL"
    got = found(trailing_labels, "3. Unsupervised Pretraining for Sequence to Sequence Learning. P. Liu. EMNLP 2017. [pdf] (Pre-trained seq2seq)")
    assert set(got) == {"Pre-trained seq2seq"}
    # after the venue's year, without links
    assert set(found(trailing_labels, "Cross-lingual Language Model Pretraining. G. Lample. NeurIPS 2019. (XLM)")) == {"XLM"}


def test_what_is_no_trailing_label():
    assert not found(trailing_labels, "Deep contextualized word representations. M. Peters. NAACL 2018. [pdf]")
    assert not found(trailing_labels, "A paper on things. ECCV, 2022 (Tsinghua University)")  # an institution
    assert not found(trailing_labels, "A paper on things. ICLR 2024. [pdf] (Oral)")  # a presentation tag
    assert not found(trailing_labels, "We compare against the baseline (Zorb) in the table.")  # prose
    assert not found(trailing_labels, "Results. NeurIPS 2019. [pdf] (2019)")
