"""rules.zh_method_frames: Latin method names a Chinese frame explains or introduces."""
from rulehelp import found

from kg.extract.rules import zh_method_frames


def test_a_chinese_gloss_in_brackets_names_the_phrase():
    got = found(zh_method_frames, "插入 DualAttn（交叉注意力融合）和 Time-Adaptive Gating（根据去噪时间步动态调节编辑强度）。")
    assert set(got) == {"Time-Adaptive Gating"} and got["Time-Adaptive Gating"].label == "MODEL"
    assert not got["Time-Adaptive Gating"].proposed


def test_a_quoted_name_after_a_contribution_verb_is_the_papers():
    got = found(zh_method_frames, 'Dual Space RL (DSRL)：提出 "Policy Reincarnation"——先用 NSR-PreRL 扩张推理视野')
    assert set(got) == {"Policy Reincarnation"} and got["Policy Reincarnation"].proposed
    assert not found(zh_method_frames, '作者称之为 "Policy Reincarnation"。')  # no contribution verb


def test_what_is_no_name():
    # an English gloss of a Chinese term, in brackets after it
    assert not found(zh_method_frames, "本文对稀疏混合专家模型（Sparse Mixture-of-Experts models, MoEs）进行了研究。")
    # one hyphenated word, descriptive words only, a field label before a colon
    assert not found(zh_method_frames, "优于 Cross-Attention（交叉注意力）等替代方案。")
    assert not found(zh_method_frames, "采用 Deep Neural Network（深度神经网络）。")
    assert not found(zh_method_frames, "Research Gap：现有方法忽视了长程依赖。")
    # English prose is the English rules'
    assert not found(zh_method_frames, "We add Time Adaptive Gating (a gate) to the decoder.")


def test_a_mechanism_noun_after_the_phrase():
    got = found(zh_method_frames, "技术特点是 KV Cache Replacement 机制：在去噪过程中替换缓存。")
    assert set(got) == {"KV Cache Replacement"}
    assert not found(zh_method_frames, "核心发现是 Token Concatenation 策略优于其他方案。")  # a strategy describes


def test_a_series_word_after_one_word():
    got = found(zh_method_frames, "这条路线补齐了今年 Eureka 系列的不足。")
    assert set(got) == {"Eureka"} and got["Eureka"].label == "MODEL"
    assert not found(zh_method_frames, "主流 LLM 系列的不足")  # a generic term
    assert not found(zh_method_frames, "今年 Eureka 的不足")  # no series word


def test_a_snake_case_identifier_after_a_kind_noun():
    got = found(zh_method_frames, "构建了一个离线多智能体系统 micro_biorobot_agent，用于将需求转化为设计报告。")
    assert set(got) == {"micro_biorobot_agent"}
    assert not found(zh_method_frames, "配置文件 max_len 设为 512。")  # no kind noun before it


def test_a_gloss_giving_examples_makes_a_kind():
    assert not found(zh_method_frames, "当前的Zorb Agent（比如帮你订机票、写报告的Agent）有个大问题。")
    assert "Zorb Agent" in found(zh_method_frames, "当前的Zorb Agent（负责调度资源）很重要。")
