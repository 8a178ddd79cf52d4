"""rules.mt_lists: an ambiguous machine-translated name counts inside a list of names."""
from rulehelp import found

from kg.extract.rules import gazetteer, mt_lists


def test_ambiguous_translation_accepted_in_a_list():
    got = found(mt_lists, "我们比较了BERT、变压器和GPT-2。", prior_rules=(gazetteer,))
    assert got["Transformer"].known


def test_ambiguous_translation_alone_is_not_a_name():
    assert not found(mt_lists, "我们检查了变压器的温度。", prior_rules=(gazetteer,))
