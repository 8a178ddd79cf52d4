"""rules.model_context: unknown model names decided by their context, all used."""
import pytest
from rulehelp import found

from kg.extract.rules import model_context


@pytest.mark.parametrize(
    "text, names",
    [
        ("Our method outperforms Zorblax and Quintar on all tasks.", {"Zorblax", "Quintar"}),
        ("It is compared with the strong Zorblax baseline.", {"Zorblax"}),
        ("We build a Zorblax-based encoder.", {"Zorblax"}),
        ("我们提出了基于Zorblax的方法。", {"Zorblax"}),
        ("We fine-tune Zorblax on our data and initialize from Quintar weights.", {"Zorblax", "Quintar"}),
        ("Unlike Frobnik, our method needs no labels.", {"Frobnik"}),
        ("Our approach extends Blorbo to the multilingual setting.", {"Blorbo"}),
        ("与Zorblax相比，我们的方法更快。", {"Zorblax"}),
        ("与 Frobnik 和 Blarg 相比，效果更好。", {"Frobnik", "Blarg"}),
        ("作者将其与XMem和Cutie进行了比较。", {"XMem", "Cutie"}),  # a light verb before 比较
        ("与Zorblax进行对比，结果更优。", {"Zorblax"}),
        ("我们在Quintar的基础上进行了改进。", {"Quintar"}),
        ("We compare with strong baselines such as Zorblax and Quintar.", {"Zorblax", "Quintar"}),
        ("Baselines include Zorblax [12], Quintar [13] and Frobnik [14].", {"Zorblax", "Quintar", "Frobnik"}),
        ("Our method outperforms LLMs like Wibble on reasoning.", {"Wibble"}),
        ("相较于Zorblax和Quintar，我们的方法更优。", {"Zorblax", "Quintar"}),
        ("我们采用Frobnik作为骨干网络。", {"Frobnik"}),
        ("The policy uses Quartz as its backbone.", {"Quartz"}),
        ("Built upon Grommet, our model adds memory.", {"Grommet"}),
        ("利用Blarg模型生成数据。", {"Blarg"}),
    ],
)
def test_context_makes_a_used_model(text, names):
    got = found(model_context, text)
    assert set(got) == names and all(c.label == "MODEL" and c.used for c in got.values()), got


@pytest.mark.parametrize(
    "text",
    [
        "Gaussian-based priors are common here.",  # sentence start
        "We fit a 3D Gaussian-based scene.",  # a mathematical eponym
        "It outperforms existing methods.",  # no name
        "基于Zorblax数据集的实验。",  # a dataset, not a model
        "We propose Zorblax-based Policy Optimization (ZPO) here.",  # the first word of a name
    ],
)
def test_no_model_without_a_name(text):
    assert not found(model_context, text)


def test_a_title_case_line_says_nothing_about_bases():
    from rulehelp import found

    from kg.extract.rules import model_context

    assert "Data" not in found(model_context, "title={Waymax: An Accelerated, Data-Driven Simulator for Large-Scale Driving},")
    assert "Zorblax" in found(model_context, "We build a new Zorblax-based planner for driving.")


def test_document_parts_languages_and_plural_eponyms_are_no_names():
    assert not found(model_context, "Unlike Section 3, we extend Table 2. Unlike English, it has no spaces.")
    assert not found(model_context, "We initialize Gaussians from points.")


def test_training_on_data_is_no_base():
    assert not found(model_context, "我们在Zorbset上训练。")


def test_no_name_after_a_chinese_comparison_with_a_number():
    assert not found(model_context, "优于90%的方法。")


def test_kinds_and_layers_before_a_chinese_model_word_are_no_names():
    assert not found(model_context, "使用Diffusion模型和LLM模型。这类架构包括BASE层等。")


@pytest.mark.parametrize(
    "text",
    ["We use Zorblax as the backbone for our detector.", "We distil into a student with Zorblax as our teacher."],
)
def test_a_name_taken_in_a_models_role_is_a_model(text):
    assert "Zorblax" in found(model_context, text)


def test_a_role_word_after_other_names_says_nothing():
    assert not found(model_context, "We take English as the base language.")


def test_examples_of_a_model_kind_after_a_comma_and_such_as():
    got = found(model_context, "Attention methods, such as ZSA and Quixv2, select blocks.")
    assert {"ZSA", "Quixv2"} <= set(got), got


def test_examples_of_a_model_kind_in_chinese():
    # traditional and simplified: 方法如X、Y及Z
    got = found(model_context, "與其他先進方法如Zorbvgr、DeepZorb及Thyme相比，我們的方法更佳。")
    assert {"Zorbvgr", "DeepZorb", "Thyme"} <= set(got), got
    # 包括 lists parts as well as models: no example frame
    assert "BASE" not in found(model_context, "该架构类包括BASE层和其他。")


def test_a_bare_acronym_before_based_is_jargon():
    assert not found(model_context, "Existing AST-based static analysis tools do not recover them.")
    assert "Zorbex" in found(model_context, "Unlike the Zorbex-based pipeline, ours is fast.")
    assert "ZORBEX" in found(model_context, "Unlike the ZORBEX-based pipeline, ours is fast.")
