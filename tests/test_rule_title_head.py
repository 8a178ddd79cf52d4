"""rules.title_head: ``Name: what it does`` heads a title with the paper's own name."""
import pytest
from rulehelp import found

from kg.extract.rules import title_head


def test_title_head_is_proposed():
    got = found(title_head, "Body text.", title="MO2: Model-Based Offline Options")
    assert got["MO2"].proposed and got["MO2"].label == "MODEL"


def test_benchmark_title_head_is_a_dataset():
    assert found(title_head, "Body.", title="ToolQuest: A Benchmark for Agents")["ToolQuest"].label == "DATASET"


def test_title_words_are_not_names():
    assert not found(title_head, "Body.", title="Survey: Deep Learning for Graphs")


def test_the_gloss_head_decides_the_kind():
    got = found(title_head, "Body.", title="Zorbarena: A Long Reasoning Benchmark for Large Language Models")
    assert got["Zorbarena"].label == "DATASET"
    got = found(title_head, "Body.", title="Quintar: A Manually Annotated Dataset for Instruction-Guided Image Editing")
    assert got["Quintar"].label == "DATASET"
    got = found(title_head, "Body.", title="Frobnik: A Framework for Benchmarking Agents on a Dataset")
    assert got["Frobnik"].label == "MODEL"


def test_a_several_word_head_may_hold_a_lower_case_led_shape_and_covers_it():
    got = found(title_head, "Body.", title="Deep zr-QXL: Deep Structurally Regularized Learning for Connectomics")
    assert got["Deep zr-QXL"].covers
    from kg.extract.entities import find_entities
    from kg.records import Span

    title = "Deep zr-QXL: Deep Structurally Regularized Learning for Connectomics"
    models, _ = find_entities(title, [Span(0, len(title))], Span(0, len(title)))
    assert [m.name for m in models] == ["Deep zr-QXL"]


def test_a_name_label_before_the_title_names_the_papers_model():
    from kg.extract.context import build_context
    from kg.records import Span

    text = '* ZQS: "Rethinking Token-Mixing for Vision Backbones", arXiv, 2021 (Baidu). [Paper]'
    t0 = text.index("Rethinking")
    ctx = build_context(text, [Span(0, len(text))], Span(t0, text.index('"', t0)))
    got = {c.name: c for c in title_head.find(ctx)}
    assert set(got) == {"ZQS"} and got["ZQS"].proposed
    text = '* Survey: "Token Mixing for Vision", arXiv, 2021.'
    t0 = text.index("Token")
    ctx = build_context(text, [Span(0, len(text))], Span(t0, text.index('"', t0)))
    assert not title_head.find(ctx)


@pytest.mark.parametrize(
    "text, name",
    [
        ("- ZqT Det: 2203.16527. Exploring Plain Backbones for Detection. Y Li et al | [abs]", "ZqT Det"),
        ("- Co-ZETR: arXiv:2211.12860v2. ZETRs with Hybrid Assignments. Z Zong et al", "Co-ZETR"),
    ],
)
def test_a_name_label_may_have_the_arxiv_id_before_the_title(text, name):
    from kg.extract.context import build_context
    from kg.records import Span

    t0 = text.index(". ", text.index(":")) + 2
    ctx = build_context(text, [Span(0, len(text))], Span(t0, text.index(".", t0)))
    got = {c.name: c for c in title_head.find(ctx)}
    assert name in got and got[name].proposed


def test_a_lower_case_label_is_no_name():
    from kg.extract.context import build_context
    from kg.records import Span

    text = "- abstract: 2203.16527. Exploring Plain Backbones for Detection."
    t0 = text.index("Exploring")
    ctx = build_context(text, [Span(0, len(text))], Span(t0, len(text) - 1))
    assert "abstract" not in {c.name for c in title_head.find(ctx)}


def test_a_clause_about_a_model_is_no_name():
    from rulehelp import found

    from kg.extract.rules import title_head

    assert not found(title_head, "Body text.", title="Evaluating CLIP: Towards Characterization of Broader Capabilities")


def test_a_spaced_dash_stands_for_the_colon():
    from rulehelp import found

    from kg.extract.rules import title_head

    got = found(title_head, "Body text.", title="ZorbGPT - Towards LLMs as Operating Systems")
    assert "ZorbGPT" in got and got["ZorbGPT"].proposed
    assert not found(title_head, "Body text.", title="Self-supervised learning - a survey of methods")


def test_a_dotted_version_is_part_of_the_head():
    assert found(title_head, "Body.", title="ZorbLM 2.1: Faster Decoding at Training Time")["ZorbLM 2.1"].proposed
    assert "Quix2.5-VL" in found(title_head, "Body.", title="Quix2.5-VL: A Vision Language Model")


def test_an_evaluation_or_arena_gloss_makes_a_benchmark():
    assert found(title_head, "Body.", title="ZorbEval: A Map-Based Evaluation of Spatial Reasoning")["ZorbEval"].label == "DATASET"
    assert found(title_head, "Body.", title="Q3: Android Agent Arena for Mobile GUI Agents")["Q3"].label == "DATASET"


def test_plain_words_ending_in_a_method_head_name_a_system():
    got = found(title_head, "Body.", title="Zorbic Memory Agent: Experience-Grounded Procedure Memory for Robots")
    assert got["Zorbic Memory Agent"].proposed and got["Zorbic Memory Agent"].label == "MODEL"
    # words that only describe stay a description
    assert not found(title_head, "Body.", title="Graph Neural Networks: Methods and Applications")


def test_a_verb_led_gloss_does_not_give_the_name_its_object_as_kind():
    got = found(title_head, "Body.", title="Attribute Descent: Simulating Object-Centric Datasets on the Content Level")
    assert got["Attribute Descent"].label == "MODEL"


def test_a_plus_plus_version_is_part_of_the_head():
    assert "ZorbPose++" in found(title_head, "Body.", title="ZorbPose++: Vision Transformer for Pose Estimation")


def test_a_known_model_closing_the_gloss_phrase_is_the_heads_kind():
    from kg.extract.candidate import GENERIC

    got = found(title_head, "Body.", title="Zorb Transformer: Hierarchical Vision Transformer using Shifted Windows")
    assert got["ViT"].label == GENERIC
    # named again outside the title, or after a clause rather than modifiers, it stays
    got = found(title_head, "We compare with ViT.", title="Zorb Transformer: Hierarchical Vision Transformer using Windows")
    assert "ViT" not in got
    got = found(title_head, "Body.", title="ZorbCLIP: Masked Self-Distillation Advances Contrastive Language-Image Pretraining")
    assert set(got) == {"ZorbCLIP"}


@pytest.mark.parametrize(
    "title, name",
    [
        ("Visual Zorbgrams: Generating Multi-View Illusions with Diffusion", "Visual Zorbgrams"),
        ("Quiet Zorb Lens: Seeing Through Fog", "Quiet Zorb Lens"),
    ],
)
def test_plain_words_before_the_colon_coin_a_name(title, name):
    from rulehelp import found

    assert name in found(title_head, "Body.", title=title)


@pytest.mark.parametrize(
    "title",
    [
        "Against Political Zorbization: A Unified Framework",  # a preposition opens it
        "Phase Continuity: Learning Derivatives of Phase Spectra",  # an abstract noun
        "Model Science: getting serious about verification",
        "Diffusion Models: A Comprehensive Look at Methods",  # only describes a kind
        "Video Zorbformers: A Survey",  # a review's subject
        "Zorbic Segmentation: Simple Baselines",  # a task
    ],
)
def test_other_plain_heads_are_no_names(title):
    from rulehelp import found

    assert not found(title_head, "Body.", title=title)


def test_a_whole_short_title_is_a_name():
    from rulehelp import found

    assert "Generative Zorb Dynamics" in found(title_head, "Body.", title="Generative Zorb Dynamics")
    for title in ("Learning to Zorb", "Zorbic Segmentation", "Deep Neural Networks", "Causal Zorbity", "Imperfect Zorbifiers"):
        assert title not in found(title_head, "Body.", title=title)


@pytest.mark.parametrize("title", ["Meta-Zorbing Requires Meta-Augmentation"])
def test_a_whole_title_with_a_verb_is_a_sentence_not_a_name(title):
    assert title not in found(title_head, "Body.", title=title)


def test_a_whole_title_with_a_plural_head_before_the_last_word_is_still_a_name():
    # "Networks" is a method head, not a verb
    assert "Zorb Networks Toolkit" in found(title_head, "Body.", title="Zorb Networks Toolkit")


@pytest.mark.parametrize(
    "title, name",
    [
        ("Probabilistic Assumptions Matter: Improved Models for Zorb QA", None),
        ("Pruning Zorb Helps: Sparse Models for Speech", None),
        ("Dark Matter Zorbs: Neural Simulation of Halos", "Dark Matter Zorbs"),  # no plural before "Matter"
    ],
)
def test_a_head_that_makes_a_claim_is_no_name(title, name):
    got = found(title_head, "Body.", title=title)
    assert (name in got) if name else not got, got


def test_clause_reads_verb_agreement():
    from kg.extract.names import clause

    assert clause(["Probabilistic", "Assumptions", "Matter"]) and clause(["Pruning", "Helps"])
    assert not clause(["Dark", "Matter"]) and not clause(["Matter", "Networks"])


@pytest.mark.parametrize(
    "title, name",
    [
        # reference lists copy titles in sentence case
        ("Binarized zorb networks: Training deep neural networks with binary weights", "Binarized zorb networks"),
        ("Batch normalization: Accelerating deep network training by reducing covariate shift", "Batch normalization"),
        ("Zorbed attention", "Zorbed attention"),
        # the same filters as in Title Case: plain words, a review, a task
        ("Graph neural networks: A review of methods and applications", None),
        ("Deep models: what they learn from the data we give them", None),
        # a lower-case head word before a gloss in Title Case is no sentence-case title
        ("Binarized zorb networks: Training Deep Networks With Binary Weights", None),
    ],
)
def test_a_sentence_case_title_head_is_a_name(title, name):
    got = found(title_head, "Body.", title=title)
    assert (name in got and got[name].proposed) if name else not got, got


def test_a_lab_labelling_a_paper_is_no_name():
    # "11. Anthropic: "A General Language Assistant …"": the list labels the paper by its lab.
    from kg.extract.context import build_context
    from kg.records import Span

    def heads(label):
        text = label + ': "A Zorb Language Assistant as a Laboratory for Alignment". A Quux et al.'
        t0 = text.index("A Zorb")
        ctx = build_context(text, [Span(0, len(text))], Span(t0, text.index('"', t0)))
        return [c.name for c in title_head.find(ctx)]

    assert heads("Anthropic") == [] and heads("ZorbChat") == ["ZorbChat"]


def test_a_review_word_past_the_gloss_head_does_not_make_a_review():
    got = found(title_head, "Body.", title="Inverse Zorb Weighting: the Missing Link between Survey Sampling and Estimation")
    assert "Inverse Zorb Weighting" in got, got
    assert not found(title_head, "Body.", title="Zorbic Quux: A Survey of Methods")


def test_a_whole_title_headed_by_vectors_names_the_representation():
    # "Skip-Thought Vectors", "Paragraph Vectors": learned vectors a paper names
    assert "Skip-Zorb Vectors" in found(title_head, "Body.", title="Skip-Zorb Vectors")
    assert not found(title_head, "Body.", title="Imperfect Zorbs")  # a plural common noun still is no name


@pytest.mark.parametrize("title, name", [
    ("Zorbelo: Benchmarking Competition-level Code Generation of LLMs", "Zorbelo"),
    ("Quargard: Evaluating Context-Sensitive Unlearning in Large Language Models", "Quargard"),
])
def test_a_gloss_led_by_a_benchmarking_verb_makes_a_benchmark(title, name):
    assert found(title_head, "Body.", title=title)[name].label == "DATASET"


def test_a_gloss_led_by_another_verb_still_says_nothing_of_the_kind():
    got = found(title_head, "Body.", title="Zorbify: Simulating Household Robots in Kitchens")
    assert got["Zorbify"].label == "MODEL"


def test_a_colon_without_a_space_still_ends_the_head():
    got = found(title_head, "Body.", title="QUARGE:Fine-grained Multimodal Evaluation for Manufacturing Scenarios")
    assert got["QUARGE"].label == "DATASET" and got["QUARGE"].proposed
    assert not found(title_head, "Body.", title="Seen at arXiv:2301.00001 in the wild")


def test_a_head_with_small_words_is_a_name_only_under_a_benchmark_gloss():
    got = found(title_head, "Body.", title="Proof of Zorbs: A Benchmark for Evaluating Idea Judgments")
    assert got["Proof of Zorbs"].label == "DATASET" and got["Proof of Zorbs"].force_label
    assert not found(title_head, "Body.", title="Learning to Rank: A Method for Retrieval")
    assert not found(title_head, "Body.", title="Towards the Zorbs: A Benchmark for Agents")


def test_a_coordinated_benchmarking_verb_makes_a_method_and_a_gerund_head_a_clause():
    got = found(title_head, "Body.", title="ZRM-MinMaxGAP: Benchmarking and Mitigating Gender Bias in Speech Models")
    assert got["ZRM-MinMaxGAP"].label == "MODEL"
    assert not found(title_head, "Body.", title="Counting from Sky: A Large-scale Dataset for Object Counting")


def test_a_gloss_led_by_a_verb_of_measuring_names_a_benchmark():
    got = found(title_head, "Body.", title="ConceptGuard: Benchmarking Context-Sensitive Unlearning in Large Language Models")
    assert got["ConceptGuard"].label == "DATASET"
    # other verbs say what a method does
    got = found(title_head, "Body.", title="Zorbnet: Simulating Rigid Bodies for Robots")
    assert got["Zorbnet"].label == "MODEL"


def test_a_colon_without_its_space():
    assert "Wanda" in found(title_head, "Body.", title="Wanda:A Simple and Effective Pruning Approach for Large Language Models")
    got = found(title_head, "Body.", title="FORGE:Fine-grained Multimodal Evaluation for Manufacturing Scenarios")
    assert got["FORGE"].label == "DATASET"
    # a lower-case letter after the colon is no gloss ("Qwen2.5:7b" is a tag)
    assert not found(title_head, "Body.", title="Zorbnet:latest build notes")


def test_an_x_of_y_head_names_the_contribution():
    assert found(title_head, "Body.", title="Chain of Ideas: Revolutionizing Research in Novel Idea Development")["Chain of Ideas"].proposed
    assert found(title_head, "Body.", title="Proof of Time: A Benchmark for Evaluating Scientific Idea Judgments")[
        "Proof of Time"].label == "DATASET"
    # more words are a phrase about something ("The Role of Data: …" opens with a stop word)
    assert not found(title_head, "Body.", title="The Role of Data: Lessons from Vision")


def test_a_hyphenated_name_a_title_says_what_it_is():
    got = found(title_head, "Body.", title="Living-Harness Is an Interactive-Agent Evolver")
    assert got["Living-Harness"].proposed and got["Living-Harness"].label == "MODEL"
    # a known kind or a plain descriptive compound is no name of the paper's
    assert not found(title_head, "Body.", title="Self-Attention Is a Kernel Machine")
    assert not found(title_head, "Body.", title="Chain-of-Thought Is a Strong Baseline")


@pytest.mark.parametrize(
    "title, label",
    [
        # modifiers joined by "and" or a comma lead on to the phrase's head noun
        ("Zorbeval: an Omnidirectional and Automatic RAG Evaluation Benchmark in Finance", "DATASET"),
        ("Zorbqa: A Large-Scale and Diverse Dataset for Visual Question Answering", "DATASET"),
        ("Zorbex: A Fine-grained and Holistic Evaluation Suite for Video", "DATASET"),
        ("Zorbex: An Efficient and Scalable Framework for LLM Serving", "MODEL"),
        # after a head noun, "and" joins a second head: the first decides
        ("Zorbex: A Dataset and Model for Sarcasm Detection", "DATASET"),
        # two noun phrases joined by "and": the first phrase's head is no modifier
        ("Zorbex: Data Contamination and Trustworthy Evaluation for LLMs", "MODEL"),
        # "Towards" leaves the head phrase as it is; "How to Evaluate" is a benchmark's gloss
        ("Zorbex: Towards a Comprehensive Evaluation of LLM Agents", "DATASET"),
        ("Zorbex: How to Evaluate Long-Context Language Models Thoroughly", "DATASET"),
    ],
)
def test_the_gloss_head_phrase_reads_past_joined_modifiers(title, label):
    got = found(title_head, "Body.", title=title)
    name = title.split(":")[0]
    assert got[name].label == label, got


@pytest.mark.parametrize(
    "title, name",
    [
        ("Zorbic Parrots: Large Language Models May Talk Zorbs But Are Not Zorbic", None),  # a claim's catchphrase
        ("Quintar Drift: Contextual Pressure Is What Undermines Zorbs", None),
        ("Visual Zorbagrams: Generating Multi-View Optical Illusions", "Visual Zorbagrams"),  # a gloss of no claim
    ],
)
def test_a_plain_head_before_a_claim_is_a_catchphrase(title, name):
    got = found(title_head, "Body.", title=title)
    assert (name in got) if name else not got, got


@pytest.mark.parametrize(
    "word, plural",
    [
        ("Sets", True), ("Plots", True), ("Verifiers", True), ("Confabulations", True),
        ("Networks", False), ("Mechanisms", False), ("Transformers", False),  # a system's own head
        ("LLMs", False), ("Corpus", False), ("Analysis", False), ("Dynamics", False), ("Loss", False),
    ],
)
def test_plural_thing_tells_a_plural_common_noun_from_a_head(word, plural):
    from kg.extract.rules.title_head_words import plural_thing

    assert plural_thing(word) is plural


@pytest.mark.parametrize("title, name", [
    ("Movement Pruning: Adaptive Sparsity by Fine-Tuning", "Movement Pruning"),
    ("Woodpecker Distillation: Weak Zorbs Diagnose Bugs in Strong Zorbs", "Woodpecker Distillation"),
])
def test_a_coined_modifier_makes_a_technique_head_a_methods_name(title, name):
    got = found(title_head, "Body text.", title=title)
    assert name in got and got[name].proposed


@pytest.mark.parametrize("title", ["Knowledge Distillation: A Zorb Study", "Bayesian Optimization: Methods and Zorbs"])
def test_a_paradigm_before_the_colon_is_no_name(title):
    assert not found(title_head, "Body text.", title=title)


@pytest.mark.parametrize("title, name", [
    ("Zorbita：不靠人工预设，自己造工具", "Zorbita"),
    ("Agent进入下一篇章！Zorbita：不靠人工预设", "Zorbita"),
    ("华为诺亚发布ZorbNet：模型放大通用新范式", "ZorbNet"),
])
def test_a_latin_name_before_a_chinese_gloss_heads_the_title(title, name):
    got = found(title_head, "正文。", title=title)
    assert name in got and got[name].proposed


@pytest.mark.parametrize("title", ["综述：大模型的推理能力", "Google：新论文发布", "LLM：推理的尽头", "Survey：推理"])
def test_no_name_before_a_chinese_gloss(title):
    assert not found(title_head, "正文。", title=title)


@pytest.mark.parametrize("title, name", [
    ("Batch normalization: Accelerating deep network training by reducing internal covariate shift", "Batch normalization"),
])
def test_a_sentence_case_head_with_a_method_head_is_a_name(title, name):
    assert name in found(title_head, "Body text.", title=title)


@pytest.mark.parametrize("title", [
    "Gender shades: Intersectional accuracy disparities in commercial gender classification",
    "Phantom menace: Exploring and enhancing the robustness of zorb models against attacks",
])
def test_a_sentence_case_catchphrase_is_no_name(title):
    assert not found(title_head, "Body text.", title=title)


@pytest.mark.parametrize("title", [
    "Inherited Zorb Drift: Contextual Pressure Undermines Agentic Goals",
    "Predictable Quxal Confabulations: Factual Recall Scales with Model Size",
])
def test_a_phenomenon_heading_a_title_is_no_name(title):
    # the head noun names something models do (non_name_heads.txt), not a system
    assert not found(title_head, "Body.", title=title)


def test_a_coined_head_before_the_colon_stays_a_name():
    assert found(title_head, "Body.", title="Zorb Drifter: Contextual Pressure Undermines Agentic Goals")


@pytest.mark.parametrize("title, kind", [
    ("Zorbscene: How Far Are VLMs from Effective High-Resolution Image Understanding?", "DATASET"),
    ("Quintab: How Well Do LLMs Reason over Tables?", "DATASET"),
    ("Frobgood: How Good Is GPT-4 at Olympiad Geometry?", "DATASET"),
    # yes/no questions are answered by the method the head names
    ("ZorbMLP: Do MLP-based Models Dream of Winning Over Computer Vision?", "MODEL"),
    ("Quintar: Can Language Models Solve Olympiad Geometry?", "MODEL"),
    # "How" before a noun asks how something works, not how far it gets
    ("Zorbmid: How Language Models Use Long Contexts", "MODEL"),
])
def test_a_gloss_asking_how_far_others_get_names_a_benchmark(title, kind):
    name = title.split(":")[0]
    assert found(title_head, "Body.", title=title)[name].label == kind


@pytest.mark.parametrize("title", [
    "Zorbnet: Learning Robust Features from Noisy Datasets",
    "Quxa: Distilling Benchmarks into Tiny Sets",
    "Glyph: Rethinking Benchmark Contamination for Code LLMs",
])
def test_a_data_word_in_a_verb_led_gloss_object_is_no_kind(title):
    # What the named thing works on is not what it is: a system titled with a data word.
    name = title.split(":")[0]
    assert found(title_head, "Body.", title=title)[name].label == "MODEL"
    # a benchmark's own verb still makes a benchmark
    assert found(title_head, "Body.", title="Zorbeval: Benchmarking Agents on Noisy Datasets")["Zorbeval"].label == "DATASET"


@pytest.mark.parametrize("title, kind", [
    ("Zorbwiz：大模型长文本推理评测基准", "DATASET"),
    ("Tarvo：首个中文医疗对话语料库", "DATASET"),
    ("Quorb：评测智能体的网页操作能力", "DATASET"),
    ("Quorb：评测智能体能力的新方法", "MODEL"),
    ("Mobble：面向机器人操作的基础模型", "MODEL"),
    ("ZorbGPT：受操作系统启发的大上下文LLM", "MODEL"),
])
def test_a_chinese_gloss_gives_the_latin_head_its_kind(title, kind):
    name = title.split("：")[0]
    got = found(title_head, "正文。", title=title)[name]
    assert got.label == kind and got.proposed


@pytest.mark.parametrize("title, kind", [
    ("Zorbmmr: Make Financial Numerical Reasoning More Multimodal, Comprehensive, and Challenging", "DATASET"),
    ("Quintar: Making Math Word Problems Harder for LLMs", "DATASET"),
    # a method makes its subject better, not harder
    ("Frobnik: Making LLMs More Robust and Efficient", "MODEL"),
])
def test_a_gloss_making_a_task_harder_names_a_benchmark(title, kind):
    name = title.split(":")[0]
    assert found(title_head, "Body.", title=title)[name].label == kind
