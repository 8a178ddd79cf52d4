"""rules.bare_mentions: a short name typed in one place of the entry, carried to its bare
mentions elsewhere in the entry with its kind."""
from rulehelp import ctx_of, found

from kg.extract.candidate import Entity
from kg.extract.entities import find_entities
from kg.extract.merge import merge
from kg.extract.rules import acronyms, bare_mentions
from kg.records import Span


def _spans(text, got):
    return sorted(text[c.start : c.end] for c in got)


def _carried(text):
    """The rule's candidates with the acronyms rule's entities as ``prior``."""
    ctx = ctx_of(text)
    return bare_mentions.find(ctx, merge(acronyms.find(ctx, [])))


def test_a_defined_acronym_is_carried_to_its_bare_mentions():
    text = "We propose Zorb Slot Routing (ZSR) for agents. ZSR is fast, and ZSR scales."
    got = _carried(text)
    assert [c.start for c in got] == [text.index("ZSR is"), text.index("ZSR scales")]
    assert all(c.name == "ZSR" and c.label == "MODEL" and c.rule == bare_mentions.NAME for c in got)


def test_a_plural_definition_and_plural_mentions_are_the_name():
    text = "Zorb Configuration Networks (ZCNs) learn fast. We compare ZCNs with ZCN variants."
    got = _carried(text)
    assert _spans(text, got) == ["ZCN", "ZCNs"] and {c.name for c in got} == {"ZCN"}


def test_the_kind_is_carried():
    text = "We release the Zorb Question Set (ZQS) dataset. ZQS has 5k questions."
    got = found(bare_mentions, text, prior_rules=(acronyms,))
    assert got and all(c.label == "DATASET" for c in got.values())


def test_a_form_inside_a_longer_word_is_no_mention():
    text = "We propose Zorb Slot Routing (ZSR) for agents. ZSR-based tools and xZSR and ZSR_v2 differ."
    assert not found(bare_mentions, text, prior_rules=(acronyms,))


def test_a_vetoed_acronym_is_not_carried():
    text = "We study post-training quantization (PTQ) at scale. PTQ is cheap."
    assert not found(bare_mentions, text, prior_rules=(acronyms,))


def test_stop_listed_abbreviations_are_not_carried():
    text = "US data. The US is large."
    ctx = ctx_of(text)
    prior = [Entity(name="US", label="DATASET", known=False, spans=[(0, 2)])]
    assert not bare_mentions.find(ctx, prior)


def test_several_word_names_are_not_carried():
    text = "Zorb Slot Routing is new. We like Zorb Slot Routing."
    ctx = ctx_of(text)
    prior = [Entity(name="Zorb Slot Routing", label="MODEL", known=False, spans=[(0, 17)])]
    assert not bare_mentions.find(ctx, prior)


def test_the_entry_reports_one_entity_with_the_definitions_kind():
    text = "We release the Zorb Question Set (ZQS) dataset. Models trained on ZQS do well; ZQS is hard."
    models, datasets = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in datasets] == ["ZQS"] and not any(m.name == "ZQS" for m in models)
