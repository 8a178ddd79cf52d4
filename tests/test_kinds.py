"""kinds: typing of merged entities, events dropped."""
import pytest
from rulehelp import ctx_of

from kg.extract.entities import entities_in


def _names(text: str) -> dict[str, str]:
    return {e.name: e.label for e in entities_in(ctx_of(text))}


def test_proceedings_and_challenges_are_events():
    assert "ZORBUC2021" not in _names("Preprint to be published in MICCAI ZORBUC2021 Proceedings.")
    assert "ZorbSkill 2021" not in _names("Results of the ZorbSkill 2021 challenge are summarised.")


def test_dated_data_is_a_dataset():
    assert _names("We tune on the ZORB 2006 evaluation data.").get("ZORB 2006") == "DATASET"


def test_chinese_naming_cue_with_the_kind_noun_after_the_name():
    assert _names("我们构建了一个名为Quintar的大规模基准，用于评估智能体。").get("Quintar") == "DATASET"
    assert _names("我们提出了一个名为Quintar的方法，在基准上效果很好。").get("Quintar") == "MODEL"


@pytest.mark.parametrize("kind", ["RLVR", "RLHF", "Reinforcement Learning from Human Feedback", "POSG",
                                  "Partially Observable Markov Decision Process", "dLLM", "dLLMs", "OmniLLMs", "LVLM", "LRMs", "PRM", "VLA", "MLLM-as-a-Judge",
                                  "LLM-judge", "T2V", "PTQ", "QAT", "PowerShell", "Verilog", "DLMs", "KV-cache"])
def test_llm_kinds_and_training_settings_are_generic(kind):
    from kg.extract.names import generic

    assert generic(kind)


def test_a_score_reported_on_a_name_makes_it_a_dataset():
    got = _names("ZORBNOVA extends training. 52.8% improvement on QBEH and 53.8% pass@1 on ZARC-2.")
    assert got.get("QBEH") == "DATASET" and got.get("ZARC-2") == "DATASET"


def test_a_score_in_another_clause_says_nothing():
    assert _names("It is 5% cheaper, and we build on QZorbNet for speed.").get("QZorbNet") == "MODEL"
