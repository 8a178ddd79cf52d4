"""rules.acronyms: ``Long Form (ACR)`` / ``ACR (Long Form)`` definitions and vetoes."""
import pytest
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.rules import acronyms


def test_title_case_long_form_defines_a_name_and_its_long_form_is_a_mention():
    ctx_text = "We introduce Hierarchical Token Routing (HTR) for sparse models."
    got = [c for c in acronyms.find(__import__("rulehelp").ctx_of(ctx_text))]
    assert {c.name for c in got} == {"HTR"}
    long_form = [c for c in got if c.covers]
    assert long_form and ctx_text[long_form[0].start : long_form[0].end] == "Hierarchical Token Routing"


def test_lower_case_long_form_vetoes_the_acronym():
    got = found(acronyms, "We study post-training quantization (PTQ) at scale.")
    assert got["PTQ"].label == GENERIC


def test_task_head_vetoes_the_acronym():
    got = found(acronyms, "It improves Named Entity Recognition (NER) a lot.")
    assert got["NER"].label == GENERIC


def test_acronym_before_its_long_form():
    # (made-up name; "FLOP" itself is a count of operations, generic_terms.txt)
    got = found(acronyms, "We train FLOR (Fast Learned Operator Routing) on images.")
    assert got["FLOR"].label != GENERIC


def test_chinese_long_form_needs_a_kind_word():
    assert "GTR" in found(acronyms, "我们提出了图变换路由框架(GTR)。")
    assert found(acronyms, "我们研究了强化学习(RL)。")["RL"].label == GENERIC


def test_a_kind_noun_after_the_acronym_makes_it_a_name():
    got = found(acronyms, "We propose a novel Point Noise-Adaptive Learning (PNAL) framework.")
    assert got["PNAL"].label == "MODEL"
    assert found(acronyms, "We study Named Entity Recognition (NER) models.")["NER"].label == GENERIC


def test_long_form_and_acronym_inside_one_parenthesis():
    got = found(acronyms, "本文研究了少样本目标检测(few-shot Object Detection, FSOD)的方法。")
    assert got["FSOD"].label == GENERIC  # a task
    got = found(acronyms, "我们使用了对比语言图像预训练(Contrastive Language-Image Pretraining, CLIP)。")
    assert got["CLIP"].label == "MODEL" and not any(c.covers for c in got.values())


def test_a_coined_mixed_case_name_with_a_lower_case_gloss_stays_a_name():
    got = found(acronyms, "We learn a universal simulator (UnoSim) of real-world interaction.")
    assert got["UnoSim"].label == "MODEL"
    got = found(acronyms, "We apply post-training quantization (PTQ) to the model.")
    assert got["PTQ"].label == "GENERIC"


def test_a_naming_cue_makes_a_task_headed_long_form_a_name():
    got = found(acronyms, "To address this, we propose a novel approach called Interval Score Matching (ISM).")
    assert got["ISM"].label == "MODEL"
    # … but not where the cue names a task, and not without the cue.
    assert found(acronyms, "We introduce a new task called Entity Alignment Matching (EAM).")["EAM"].label == GENERIC
    assert found(acronyms, "It improves Entity Alignment Matching (EAM) a lot.")["EAM"].label == GENERIC
    assert found(acronyms, "We introduce a new image segmentation task, termed Entity Segmentation (ES), for images."
                 )["ES"].label == GENERIC


def test_a_pair_of_acronyms_for_coordinated_long_forms():
    text = "We introduce the Attribute-Aware and Identity-Aware Proxy embedding modules (AAP and IAP) here."
    got = found(acronyms, text)
    assert {"AAP", "IAP"} == set(got) and got["IAP"].label == "MODEL"
    assert all(text[c.start:c.end] == name for name, c in got.items())
    # Letters the clause does not spell, or one acronym twice, define nothing.
    assert not found(acronyms, "It runs on two processors (CPU and GPU) at once.")
    assert not found(acronyms, "The Long Short modules (LS and LS) are small.")


def test_the_acronym_of_a_generic_kind_is_vetoed():
    got = found(acronyms, "We present a study of Tensor Network (TN) models for jet tagging.")
    assert got["TN"].label == GENERIC


def test_a_chinese_kind_noun_after_the_acronym_makes_it_a_name():
    assert found(acronyms, "提出语言Agent树搜索(LATS)框架，结合规划。")["LATS"].label == "MODEL"
    assert found(acronyms, "我们使用对比学习(CLX)方法。")["CLX"].label == GENERIC
    assert found(acronyms, "探索性主动学习(ALX)算法。")["ALX"].label == GENERIC


def test_a_gloss_of_a_glued_name_covers_the_known_name_inside_it():
    from kg.extract.entities import find_entities
    from kg.records import Span

    for text in ("In this paper, we propose ms-ESM (multi-scale ESM), a novel approach.",
                 "本文提出了ms-ESM（多尺度ESM），一种新颖的方法。"):
        models, _ = find_entities(text, [Span(0, len(text))])
        assert [m.name for m in models] == ["ms-ESM"], text


def test_an_apposition_that_spells_the_acronym_defines_it():
    from rulehelp import ctx_of

    text = "- **Method**: Introduced GZDNF, a Generalized Zorb Dynamics Neural Framework, integrating models."
    got = [(c.name, text[c.start:c.end]) for c in acronyms.find(ctx_of(text))]
    assert ("GZDNF", "Generalized Zorb Dynamics Neural Framework") in got and ("GZDNF", "GZDNF") in got
    # an apposition that does not spell it, or describes something built on a name, defines nothing
    for text in ("We use QXM, a New Model of the Zorb Network.", "We use QXM, a Quick Xtra Model-based method."):
        assert not [c for c in acronyms.find(ctx_of(text)) if c.covers], text


def test_a_lower_case_long_form_the_paper_owns_is_named_by_its_acronym():
    got = found(acronyms, "The proposed residual-based efficient bidirectional zorb model (RBZM) uses chains.")
    assert got["RBZM"].label == "MODEL"
    # without an owning word it stays a concept; "we" owns a clause, not the phrase
    assert found(acronyms, "We use a residual-based efficient bidirectional zorb model (RBZM).")["RBZM"].label == GENERIC
    from rulehelp import ctx_of

    got = acronyms.find(ctx_of("Using this, we introduce ZemGPT (Memory-GPT), a system."))
    assert "Memory-GPT" not in {c.name for c in got if c.label != GENERIC}


def test_a_defined_acronym_of_a_kind_is_no_name():
    assert not [c for c in found(acronyms, "A Process Reward Model (PRM) scores each step.").values() if c.label != GENERIC]


def test_a_chinese_long_form_the_clause_proposes_is_named_by_its_acronym():
    from rulehelp import ctx_of

    def labels(text):
        return {c.name: c.label for c in acronyms.find(ctx_of(text))}

    assert labels("本文提出测试时强化学习（ZTRL）方法，通过多数投票估计奖励") == {"ZTRL": "MODEL"}
    # without a contribution verb in the clause a Chinese long form says nothing: jargon
    assert labels("传统的测试时强化学习（ZTRL）方法，通过多数投票") == {"ZTRL": GENERIC}
    # a generic paradigm stays one even when introduced
    assert labels("我们引入了两个低位训练后训练量化(PTQ)方法") in ({}, {"PTQ": GENERIC})


def test_a_proposed_definition_outweighs_the_entrys_other_definitions():
    from rulehelp import ctx_of

    got = acronyms.find(ctx_of("本文提出测试时强化学习（ZTRL）方法。传统的测试时强化学习（ZTRL）有局限。"))
    assert {c.label for c in got if c.name == "ZTRL"} == {"MODEL"}


def test_a_policy_optimization_long_form_is_a_method():
    got = found(acronyms, "It uses Group Relative Zorb Policy Optimization (GRZPO) on math.")
    assert got["GRZPO"].label == "MODEL"
    # a coined modifier before a technique head ("Ant Colony Optimization") makes a
    # method's name; a paradigm ("Bayesian Optimization") stays a paradigm
    assert found(acronyms, "We study Combinatorial Zorb Optimization (CZO) here.")["CZO"].label == "MODEL"
    assert found(acronyms, "We study Bayesian Optimization (BO) here.")["BO"].label == GENERIC


def test_a_long_form_the_title_spells_out_is_the_name():
    text = "We propose the Zorbic Reasoning Model (ZRM), which recurs."
    got = found(acronyms, text, title="Zorbic Reasoning Model")
    assert set(got) == {"Zorbic Reasoning Model"}
    assert "ZRM" in got["Zorbic Reasoning Model"].aliases


def test_a_title_that_writes_the_acronym_keeps_it_as_the_name():
    text = "We propose the Chain of Zorbic Rewards (CoZR) for design."
    assert set(found(acronyms, text, title="Chain of Zorbic Rewards (CoZR): Reward Design")) == {"CoZR"}
    assert set(found(acronyms, text, title="Reward Design with Language Models")) == {"CoZR"}


def test_a_lower_case_long_form_in_the_title_leaves_the_acronym_the_name():
    text = "The proposed residual-based zorbic diffusion model (RZDM) denoises."
    assert "RZDM" in found(acronyms, text, title="Residual-based Zorbic Diffusion Model for Images")


def test_a_lower_case_long_form_a_contribution_verb_introduces_is_named_by_the_acronym():
    got = found(acronyms, "Here we introduce emulated zorb-tuning (EZT), a principled method.")
    assert got["EZT"].label != GENERIC
    got = found(acronyms, "We propose a novel zorbic fitting procedure (ZFP) for graphs.")
    assert got["ZFP"].label != GENERIC


def test_a_lower_case_long_form_without_a_contribution_verb_still_vetoes():
    got = found(acronyms, "We study emulated zorb-tuning (EZT) at scale.")
    assert got["EZT"].label == GENERIC


def test_a_chinese_definition_coordinated_with_a_names_definition_is_a_name():
    got = found(acronyms, "它包括动态令牌合并（DZoMe）和虚拟令牌取消合并（VZU）两个组件。")
    assert "VZU" in got and got["VZU"].label != GENERIC
    got = found(acronyms, "它包括虚拟令牌取消合并（VZU）和动态令牌合并（DZoMe）两个组件。")
    assert "VZU" in got and got["VZU"].label != GENERIC


def test_coordinated_concepts_stay_vetoed():
    got = found(acronyms, "我们研究了后训练量化（PZQ）和知识蒸馏（KZ）。")
    assert got["PZQ"].label == GENERIC and got["KZ"].label == GENERIC


def test_a_quoted_long_form_defines_the_acronym():
    got = found(acronyms, '本文带来了一种名为“Chain of Zorbity” (CoZ) 的方式。')
    assert "CoZ" in got and "Chain of Zorbity" in got["CoZ"].aliases
    got = found(acronyms, 'We call it "Chain of Zorbity" (CoZ) here.')
    assert "CoZ" in got and "Chain of Zorbity" in got["CoZ"].aliases


def test_an_organisation_or_cost_long_form_vetoes_the_acronym():
    # Funders and agencies, and quantities named like costs, are no methods.
    assert found(acronyms, "Feng is funded by the China Zorbship Council (CZC) this year.")["CZC"].label == GENERIC
    assert found(acronyms, "It is measured by the Parameter Zorb Cost (PZC) on all runs.")["PZC"].label == GENERIC


def test_a_density_or_a_transfer_long_form_vetoes_the_acronym():
    # A quantity ("Empirical Spectral Density") and a task ("Knowledge Transfer") are no methods.
    assert found(acronyms, "We measure the Empirical Zorb Density (EZD) of each layer.")["EZD"].label == GENERIC
    assert found(acronyms, "It studies Parametric Zorb Transfer (PZT) across scales.")["PZT"].label == GENERIC


def test_latin_long_form_after_chinese_is_the_long_form():
    # The Latin words before the bracket spell the acronym; the Chinese before them is
    # the sentence, not a Chinese long form.
    text = "作者提出 Zorb-based Policy Quintar (ZPQ)，用轨迹之间的相似度加权。"
    got = [c for c in acronyms.find(__import__("rulehelp").ctx_of(text))]
    assert {c.name for c in got} == {"ZPQ"}
    assert all("Zorb-based Policy Quintar" in c.aliases for c in got)
    assert any(c.covers and text[c.start:c.end] == "Zorb-based Policy Quintar" for c in got)


def test_a_bracket_right_after_chinese_keeps_its_chinese_long_form():
    assert found(acronyms, "提出语言Agent树搜索(LATS)框架，结合规划。")["LATS"].label == "MODEL"


def test_words_before_a_known_method_make_a_method_whatever_its_head():
    # "Search" heads tasks, but "Monte Carlo Tree Search" is a known method: the
    # capitalised words before it coin a method of their own.
    got = found(acronyms, "The lab introduces Zorbing Branching Monte Carlo Tree Search (ZB-MCTS), a framework.")
    assert got["ZB-MCTS"].label == "MODEL"
    # the known method's own definition stays the known method; a task stays a task
    assert found(acronyms, "We compare with Monte Carlo Tree Search (MCTS).")["MCTS"].label == "MODEL"
    assert found(acronyms, "It improves Zorb Entity Recognition (ZER) a lot.")["ZER"].label == GENERIC


def test_a_dimension_may_open_the_acronym():
    got = found(acronyms, "We lift the videos into 4D Zorbian Splatting (4DZS), then render.")
    assert got["4DZS"].label == "MODEL"
    assert "4K" not in found(acronyms, "We render at ultra high definition (4K) only.")


def test_a_version_in_the_long_form_is_no_lower_case_word():
    got = found(acronyms, "Modelling the Genome with Nucleotide Zorbformer v3 (NZv3)")
    assert got["NZv3"].label == "MODEL"


def test_a_latin_definition_outweighs_a_chinese_gloss_of_the_same_acronym():
    # A bilingual entry: the English abstract defines the name, its Chinese translation
    # glosses it again without a kind word (which alone would veto it).
    text = ("We explore Zorb-Slot Object Representations (ZSOR), which group features. "
            "我们探索了基于槽的对象表示（ZSOR），它将特征分组。")
    got = acronyms.find(__import__("rulehelp").ctx_of(text))
    assert got and all(c.label != GENERIC for c in got if c.name == "ZSOR")


def test_a_chinese_gloss_alone_still_vetoes():
    got = found(acronyms, "我们探索了基于槽的对象表示（ZSOR），它将特征分组。")
    assert got["ZSOR"].label == GENERIC


def test_a_title_case_long_form_keeps_small_prepositions_lower_case():
    got = found(acronyms, "- **Generalized Zorbing Learning from Demonstration (GZLD)** improves agents.")
    assert got["GZLD"].label != GENERIC
    got = found(acronyms, "We use learning from demonstration (LFD) here.")
    assert got["LFD"].label == GENERIC


def test_a_sentence_opening_long_form_in_sentence_case_used_again_bare_is_a_name():
    text = ("Zorbic configuration networks (ZCNs) as a class of learners have been used. "
            "This paper extends the original ZCNs to two dimensions.")
    got = acronyms.find(__import__("rulehelp").ctx_of(text))
    assert got and {c.label for c in got} == {"MODEL"}
    assert any(text[c.start : c.end] == "ZCNs" for c in got)
    assert any(text[c.start : c.end] == "Zorbic configuration networks" for c in got)


@pytest.mark.parametrize(
    "text",
    [
        # never used again: nothing says the text names a thing by it
        "Zorbic configuration networks (ZCNs) as a class of learners have been used.",
        # not a sentence's opening: the lower-case long form is read as written
        "We study zorbic configuration networks (ZCNs) here. ZCNs are fast.",
        # no method head: a concept
        "Value level parallelism (VLP) has been proposed. VLP saves energy.",
    ],
)
def test_other_sentence_case_long_forms_still_veto(text):
    got = found(acronyms, text)
    assert all(c.label == GENERIC for c in got.values())


def test_the_titles_spelling_of_a_sentence_case_long_form_is_the_name():
    text = "Locality sensitive hashing (LSH) hashes alike items together. Trees need other LSH algorithms."
    got = acronyms.find(__import__("rulehelp").ctx_of(text, title="Locality Sensitive Hashing for Structured Data: A Survey"))
    assert {c.name for c in got} == {"Locality sensitive hashing"}


@pytest.mark.parametrize("text, acr", [
    ("The authors build a zorbic-tabular GAN (ZT-GAN) for rows.", "ZT-GAN"),
    ("We train a sparse voxel grid (SVG3) on scenes.", "SVG3"),
])
def test_a_lower_case_gloss_of_capitals_with_a_hyphen_or_digit_leaves_a_name(text, acr):
    got = found(acronyms, text)
    assert got[acr].label != GENERIC


@pytest.mark.parametrize("text, acr", [
    # a meeting spelt out: the event, not a system
    ("Runs for the fifth workshop on statistical machine translation (WMT10) are shown.", "WMT10"),
    # a task spelt out
    ("It improves zorbic entity recognition (ZER-2) a lot.", "ZER-2"),
    # plain capitals stay a concept's initials
    ("We study post-training quantization (PTQ) at scale.", "PTQ"),
])
def test_other_lower_case_glosses_still_veto(text, acr):
    got = found(acronyms, text)
    assert got[acr].label == GENERIC
