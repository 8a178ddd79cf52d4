"""rules.title_phrases: descriptive architecture names that open a title or follow "with"."""
import pytest
from rulehelp import found

from kg.extract.rules import title_phrases


@pytest.mark.parametrize(
    "title, name",
    [
        ("Sliced Recursive Zorbformer Network", "Sliced Recursive Zorbformer Network"),
        ("Geometry Uncertainty Projection Network for Monocular 3D Object Detection", "Geometry Uncertainty Projection Network"),
        ("Few-Shot Learning with Attentive Independent Mechanisms", "Attentive Independent Mechanisms"),
        ("Regularized Densely-connected Pyramid Network for Salient Instance Segmentation",
         "Regularized Densely-connected Pyramid Network"),
    ],
)
def test_title_phrase_names_the_architecture(title, name):
    got = found(title_phrases, "Body text.", title=title)
    assert set(got) == {name} and got[name].proposed and got[name].label == "MODEL"


@pytest.mark.parametrize(
    "title",
    [
        "Large Language Models Are Few-Shot Learners",  # descriptive words and a head only
        "Deep Graph Neural Networks for Molecules",
        "A Simple Kernel Machine for Ranking",  # indefinite
        "Adapting Pretrained Speech Networks to Clinics",  # a clause
        "Survey of Transformer Networks",  # a title word
        "Learning to Rank with Gradient Boosting Models",  # a weak head
    ],
)
def test_descriptions_are_not_names(title):
    assert not found(title_phrases, "Body text.", title=title)


def test_only_titles_are_read():
    assert not found(title_phrases, "Sliced Recursive Zorbformer Network works.")


@pytest.mark.parametrize(
    "title, name",
    [
        ("Deep Recurrent Q-Learning for Partially Observable MDPs", "Deep Recurrent Q-Learning"),
        ("Deep Reinforcement Learning with Zorbed Q-learning", "Zorbed Q-learning"),
    ],
)
def test_words_before_a_known_model_make_a_name_of_their_own(title, name):
    got = found(title_phrases, "Body text.", title=title)
    assert set(got) == {name} and got[name].covers


def test_the_known_name_inside_is_not_reported():
    from kg.extract.entities import find_entities
    from kg.records import Span

    title = "Deep Reinforcement Learning with Double Q-learning"
    models, _ = find_entities(title, [Span(0, len(title))], Span(0, len(title)))
    assert [m.name for m in models] == ["Double Q-learning"]


def test_a_reviews_subject_is_not_its_own_name():
    assert not found(title_phrases, "Body text.", title="Zorb Transformers: A Survey")


def test_an_indefinite_description_hides_the_family_inside_it():
    from kg.extract.entities import find_entities
    from kg.records import Span

    title = "A Unified Efficient Pyramid Transformer for Semantic Segmentation"
    models, _ = find_entities(title, [Span(0, len(title))], Span(0, len(title)))
    assert models == []
    text = title + "\nWe compare with the Transformer of prior work."
    models, _ = find_entities(text, [Span(0, len(text))], Span(0, len(title)))
    assert [m.name for m in models] == ["Transformer"]


def test_a_known_name_before_a_known_model_is_the_gazetteers():
    # "Double Q-learning" is in the gazetteer: the gazetteer reports it, under its id.
    from kg.extract.entities import find_entities
    from kg.records import Span

    title = "Deep Reinforcement Learning with Double Q-learning"
    text = title + "\nBody text."
    models, _ = find_entities(text, [Span(0, len(text))], Span(0, len(title)))
    assert [m.name for m in models] == ["Double Q-learning"]


def test_a_task_word_after_a_known_name_is_not_part_of_the_name():
    got = found(title_phrases, "Body text.", title="Multimodal Chain-of-Thought Reasoning in Language Models")
    assert set(got) == {"Multimodal Chain-of-Thought"} and got["Multimodal Chain-of-Thought"].covers


@pytest.mark.parametrize(
    "title, name",
    [
        ("Data Selection for Language Models via Importance Resampling", "Importance Resampling"),
        ("Causal Delivery through Hybrid Buffering", "Hybrid Buffering"),
        ("Efficient Zorb Routing via Ant Colony Optimization", "Ant Colony Optimization"),  # a technique head
        ("Nowcasting in a Pandemic using Non-Parametric Mixed Frequency VARs", "Non-Parametric Mixed Frequency VARs"),
        # after "with", a technique head closes the method's name
        ("Accelerating Zorb Decoding with Speculative Sampling", "Speculative Sampling"),
        ("Few-shot Zorb Generation with Elastic Weight Consolidation", "Elastic Weight Consolidation"),
    ],
)
def test_a_closing_method_phrase_names_the_method(title, name):
    got = found(title_phrases, "Body text.", title=title)
    assert name in got and got[name].proposed


@pytest.mark.parametrize(
    "title",
    [
        "Facial Expression Translation using Landmark Guided GANs",  # a kind
        "Facilitating Safeguards through Intent Reasoning",  # a task
        "Empathetic Speech Response Generation through Large Language Models",  # descriptive words
        "Adapting ASR Models using Uncertainty-based Data Selection",  # a usage
        "Robust Representation Learning via Perceptual Similarity Metrics",  # metrics
        "Hire-MLP: Vision MLP via Hierarchical Rearrangement",  # the head names the contribution
        "AutoGen - Enabling Next-Gen LLM Applications via Multi-Agent Conversation",
        "Secure Cooperative Links via Mamba Empowered Graph Precoding",  # built on a known model
        "Judging Zorb Models via Contrast Sets",  # a plural common noun: things the method uses
        "Explaining Zorb Optimization via Partial Dependence Plots",
        "Faster Zorb Training via Structured Pruning",  # a paradigm
        "Smaller Zorbs via Knowledge Distillation",
        # after "with", a phrase without a technique head is the tool the paper works with
        "Reasoning about Zorbs with Large Language Models",
        "Zorb Detection with Graph Attention Networks",
        "Compressing Zorbs with Knowledge Distillation",  # a paradigm
    ],
)
def test_closing_phrases_that_name_no_method(title):
    got = found(title_phrases, "Body text.", title=title)
    assert not [n for n, c in got.items() if c.start > len(title) // 2], got


@pytest.mark.parametrize(
    "title, name",
    [
        ("Zorbish Q-Learning for Offline RL: Towards Optimal Sample Complexity", "Zorbish Q-Learning"),
        ("Sliced Zorbformer Network: When Slicing Meets Recursion", "Sliced Zorbformer Network"),
    ],
)
def test_a_question_word_in_the_subtitle_leaves_the_head_alone(title, name):
    assert name in found(title_phrases, "Body text.", title=title)


@pytest.mark.parametrize(
    "title",
    ["Towards Sliced Zorbformer Networks", "When Do Sliced Zorbformer Networks Work?",
     "Sliced Zorbformer Networks: A Survey"],
)
def test_a_title_opened_by_a_question_word_or_a_review_names_nothing(title):
    assert not found(title_phrases, "Body text.", title=title)


@pytest.mark.parametrize(
    "title",
    [
        "Domain Zorb Features Outperform Transformers in Emotion Recognition",
        "Sparse Zorb Networks Beat Dense Transformers",
    ],
)
def test_a_run_of_capitalised_words_with_a_verb_is_a_claim_not_a_name(title):
    assert not found(title_phrases, "Body text.", title=title)


def test_after_a_clause_head_the_subtitle_names_the_method():
    got = found(title_phrases, "Body text.", title="Learned in Translation: Contextualized Zorb Vectors")
    assert set(got) == {"Contextualized Zorb Vectors"} and got["Contextualized Zorb Vectors"].proposed
    # a head that is a name keeps the subtitle a description
    assert not found(title_phrases, "Body text.", title="ZorbNet: Contextualized Zorb Vectors")


def test_a_tuning_method_opening_a_title_is_a_name():
    got = found(title_phrases, "Body text.", title="Latent-Zorb Tuning in Text-to-Image Models")
    assert set(got) == {"Latent-Zorb Tuning"}, got


def test_a_capitalised_preposition_joins_two_phrases_not_one_name():
    assert not found(title_phrases, "Body text.", title="Calibration Zorb Collapse Under Sycophancy Networks")


@pytest.mark.parametrize("title, name", [
    ("Dynamic Zorbing for End-to-End Hierarchical Sequence Modeling", None),  # no technique head
    ("Dynamic Chunking for End-to-End Hierarchical Zorb Modeling", None),  # descriptive words and a head only
    ("Woodpecker Delta Distillation for Multilingual Math Reasoning", "Woodpecker Delta Distillation"),
    ("Locality Sensitive Hashing for Structured Zorbs", "Locality Sensitive Hashing"),
    ("Locality Sensitive Hashing Improves Structured Zorbs", None),  # no preposition after the phrase
])
def test_an_opening_phrase_ending_in_a_technique_head_names_the_method(title, name):
    got = found(title_phrases, "Body text.", title=title)
    assert (set(got) == {name} and got[name].proposed) if name else not got


@pytest.mark.parametrize("title", [
    "Data-Augmentation for Graph Neural Zorb Learning",  # a paradigm, hyphenated
    "Structural Pruning for Diffusion Zorbs",
    "A Memory Enhanced Zorb Architecture with Fine-Tuning of Large Language Models",
])
def test_a_paradigm_is_no_methods_name(title):
    assert not found(title_phrases, "Body text.", title=title)
