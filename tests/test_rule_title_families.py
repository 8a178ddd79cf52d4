"""rules.title_families: a kind family inside a title's longer phrase is no model used."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.entities import find_entities
from kg.extract.rules import title_families
from kg.records import Span


@pytest.mark.parametrize(
    "title, family",
    [
        ("ZEiT: BERT Pre-Training of Image Transformers", "Transformer"),
        ("FreeZ: Free Lunch in Diffusion U-Net", "U-Net"),
        ("Towards A Unified Transformer-based Framework for Zorbing", "Transformer"),
        ("Mobile Z-MoEs: Scaling Down via Sparse Mixture-of-Experts", "Mixture-of-Experts"),
    ],
)
def test_a_modified_kind_family_in_a_title_is_vetoed(title, family):
    got = found(title_families, "Body text.", title=title)
    assert family in got and got[family].label == GENERIC


@pytest.mark.parametrize(
    "title, text",
    [
        ("Transformers for Image Recognition at Scale", "Body text."),  # unmodified
        ("Analysing Chain of Thought Dynamics", "Body text."),  # a verb's object
        ("ZEiT: BERT Pre-Training of Image Transformers", "We pre-train a Transformer on images."),  # used in the text
        ("Zorbing with Mamba Layers", "Body text."),  # not a kind family
    ],
)
def test_other_mentions_stay(title, text):
    assert not found(title_families, text, title=title)


def test_the_entry_drops_the_family_and_keeps_the_rest():
    title = "ZEiT: BERT Pre-Training of Image Transformers"
    models, _ = find_entities(title, [Span(0, len(title))], Span(0, len(title)))
    assert [m.name for m in models] == ["ZEiT", "BERT"]


def test_a_kind_family_after_a_comparison_verb_is_its_object_not_a_modified_kind():
    # "Outperform" is not a modifier of "Transformers": the title compares with them.
    got = found(title_families, "Body text.", title="Handcrafted Zorb Features Outperform Transformers in Speech")
    assert "Transformer" not in got, got
