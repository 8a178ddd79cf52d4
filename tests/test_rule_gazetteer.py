"""rules.gazetteer: known names from the context's gazetteer matches."""
from rulehelp import ctx_of, found

from kg.extract.rules import gazetteer


def test_known_names_with_canonical_ids_and_claims():
    got = found(gazetteer, "We fine-tune BERT and evaluate on CIFAR-10.")
    assert got["BERT"].label == "MODEL" and got["BERT"].known and got["BERT"].claims
    assert got["CIFAR-10"].label == "DATASET"


def test_a_pattern_inside_a_longer_word_is_not_that_name():
    assert "BERT" not in found(gazetteer, "We report BERTScore on all outputs.")


def test_a_version_makes_another_name():
    got = found(gazetteer, "Samples from DALL-E 3 and from ours.")
    assert any(n.startswith("DALL") and n.endswith("3") for n in got), got


def test_spaced_spelling_of_a_known_name():
    ctx = ctx_of("Results on Science QA improve.")
    assert [m.name for m in ctx.matches] == ["ScienceQA"]


def test_ambiguous_translation_is_pending_without_a_model_word():
    ctx = ctx_of("我们检查了变压器的温度。")
    assert not ctx.matches and [m.name for m in ctx.ambiguous] == ["Transformer"]


def test_gazetteer_still_reads_spacy_docs():
    from kg.extract.nlp import gazetteer, get_nlp

    doc = get_nlp().tokenizer("We fine-tune BERT here.")
    assert {(h.label, h.id) for h in gazetteer()(doc)} >= {("MODEL", "BERT")}


def test_a_known_versioned_release_keeps_its_version():
    # "LLaVA-1.5", "FlowNet2" are releases of their own (like "DALL-E 3"), not the family
    got = found(gazetteer, "We compare LLaVA-1.5, FlowNet2 and P-tuning v2 with ours.")
    assert {"LLaVA-1.5", "FlowNet 2.0", "P-Tuning v2"} <= set(got), got


def test_an_edition_word_and_a_dotted_version_make_a_release():
    assert "Granite Vision 3.3" in found(gazetteer, "We fine-tune Granite Vision 3.3 on charts.")
    # an undotted number after the word is a count, not a release
    assert "Granite" in found(gazetteer, "We run Granite Vision 3 times.")


def test_a_hyphen_glued_dotted_version_makes_another_name():
    got = found(gazetteer, "We fine-tune Llama-3.1-8B-Instruct and Qwen-2.5 on code.")
    assert "Llama-3.1" in got and "Qwen-2.5" in got, got


def test_a_longer_mt_rendering_wins_over_the_one_inside_it():
    # "开关稀疏变压器" renders "Switch sparse transformers": the Switch Transformer, not a Sparse Transformer
    got = found(gazetteer, "我们评估了大型基础上的开关稀疏变压器的行为。")
    assert "Switch Transformer" in got and "Sparse Transformer" not in got, got


def test_a_pattern_with_an_apostrophe_matches_the_curly_one():
    # datasets.jsonl lists "WMT'14"; typeset papers write "WMT’14".
    ctx = ctx_of("We use the parallel corpora provided by WMT’14 and WMT'14.")
    assert [c.name for c in gazetteer.find(ctx, [])] == ["WMT14", "WMT14"]


def test_a_product_tier_stays_in_the_name():
    # A tier names a product of its own; a size (mini) folds into the family elsewhere.
    got = found(gazetteer, "We ask GPT-5-Pro, Gemini 2.5 Flash and Claude 3 Opus; GPT-4o mini is the judge.")
    assert {"GPT-5-Pro", "Gemini 2.5 Flash", "Claude 3 Opus"} <= set(got), got
    assert not any(n.endswith("mini") for n in got), got


def test_a_distilled_release_is_a_tier():
    # "DeepSeek R1 Distill 8B": the distilled releases are a product line of their own.
    got = found(gazetteer, "We evaluate DeepSeek R1 Distill 8B and DeepSeek-R1-Distill-Qwen-7B.")
    assert "DeepSeek R1 Distill" in got and "DeepSeek-R1-Distill-Qwen" not in got, got


def test_a_tier_word_in_lower_case_or_inside_a_longer_word_is_not_a_tier():
    got = found(gazetteer, "GPT-4 pro users and GPT-4 Pro-Active agents.")
    assert set(got) == {"GPT-4"}, got


def test_a_latex_superscript_glued_to_a_known_name_makes_another_name():
    # arXiv titles and abstracts keep their LaTeX: "GPT$^4$" is not GPT.
    got = found(gazetteer, "A new model, called GPT$^4$, and BERT$_{2}$; BERT $^4$ is prose, and so is GPT$^ 4$.")
    assert {"GPT$^4$", "BERT$_{2}$"} <= set(got), got
    assert "BERT" in got and "GPT" in got  # spaced: no superscript of the name


def test_a_known_name_marked_as_improved_is_another_name():
    # "ViTPose++" is the improved version's own name, not ViTPose.
    assert "ViTPose" not in found(gazetteer, "We train ViTPose++ on all body parts.")
    assert "ViTPose" in found(gazetteer, "We train ViTPose + a head, and ViTPose.")
    # One closing plus marks it too ("SmoothQuant+"), before a colon or a space.
    assert "ViTPose" not in found(gazetteer, "ViTPose+: better keypoints.")
    assert "ViTPose" not in found(gazetteer, "Our ViTPose+ beats it.")


def test_a_variable_and_its_subscript_are_no_spaced_name():
    # "forcing C T 0": a formula's letter and number, not T0 written with a space.
    ctx = ctx_of("More complex models over-fit, forcing C T 0, and simpler ones underfit.")
    assert "T0" not in {m.name for m in ctx.matches}


def test_a_lower_case_hashtag_is_a_topic_not_a_mention():
    from rulehelp import found

    from kg.extract.rules import gazetteer

    assert "Mixup" not in found(gazetteer, "1. [210318 ZorbMix](papers/zorbmix.md) #mixup #nlp")
    assert "Mixup" in found(gazetteer, "ZorbMix extends mixup to pairs of images.")
    assert "GPT-3" in found(gazetteer, "Fun with #GPT3 today.")  # spelt as the name is


def test_a_known_name_in_lower_case_plural_is_the_kind():
    from rulehelp import found

    from kg.extract.rules import gazetteer

    assert "Transformer" not in found(gazetteer, "Cross-modal transformers fuse the two views.")
    assert "Transformer" in found(gazetteer, "We replace the Transformer with ZorbNet.")
    assert "Transformer" in found(gazetteer, "A transformer encodes the scene.")  # singular: left to the kind rules


def test_a_known_method_written_as_a_lower_case_phrase_is_the_technique():
    got = found(gazetteer, "The model is trained with stochastic gradient descent and decoded by beam search.")
    assert "SGD" not in got and "Beam Search" not in got
    # Written as a name it is one; so is a one-word name in lower case and a Chinese rendering.
    got = found(gazetteer, "Beam Search: we keep the k best hypotheses, then apply SGD and a transformer.")
    assert "Beam Search" in got and "SGD" in got and "Transformer" in got
    assert "DPO" in found(gazetteer, "我们使用直接偏好优化进行对齐。")


def test_openai_o_series_with_its_vendor_only():
    # "OpenAI o1", "OpenAI-o3": the vendor makes the two characters a model; a bare "o1"
    # is as often a variable or an output label.
    got = found(gazetteer, "We compare OpenAI o1, OpenAI-o3 and OpenAI o4-mini; the outputs o1 and o3 differ.")
    assert set(got) == {"OpenAI o1", "OpenAI o3", "OpenAI o4-mini"}, got


def test_deepseek_alone_is_its_model_family():
    # "across Gemini/GPT/Claude/DeepSeek", "models such as Qwen2.5 and DeepSeek": the
    # maker's name used alone names its models; "DeepSeek-AI" (the company) is no match.
    got = found(gazetteer, "Tested across Gemini/GPT/Claude/DeepSeek; authors from DeepSeek-AI.")
    assert "DeepSeek" in got and got["DeepSeek"].end - got["DeepSeek"].start == len("DeepSeek"), got
    assert sum(1 for c in gazetteer.find(__import__("rulehelp").ctx_of("Work by DeepSeek-AI."), []) if c.name == "DeepSeek") == 0


def test_a_lower_case_identifier_with_a_digit_is_a_name_not_a_common_phrase():
    # "gpt-4" as an API writes it is the model; "beam search" in lower case is the technique.
    got = found(gazetteer, "We call gpt-4 through the API and decode with beam search.")
    assert "GPT-4" in got
    assert not any(n.lower() == "beam search" for n in got), got
