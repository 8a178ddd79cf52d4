"""rules.cues: names introduced by naming and contribution cues are proposed."""
import pytest
from rulehelp import found

from kg.extract.rules import cues


@pytest.mark.parametrize(
    "text, name",
    [
        ("Our method, dubbed PolarGrad, converges faster.", "PolarGrad"),
        ("We propose FlashNorm, a simple normalisation layer.", "FlashNorm"),
        ("This work presents Depth Anything V2.", "Depth Anything V2"),
        ("我们提出了一种名为GraphMixer的新框架。", "GraphMixer"),
        ("A new tuner (GoTune for short) is fast.", "GoTune"),
    ],
)
def test_cued_names_are_proposed(text, name):
    got = found(cues, text)
    assert name in got and got[name].proposed, got


def test_lower_case_word_after_a_verb_is_no_name():
    assert not found(cues, "We propose a simple method, which is fast.")


def test_capitalised_named_is_part_of_a_name():
    assert not found(cues, "We study Named Entity Recognition in tweets.")


def test_a_dataset_named_by_a_cue_is_a_dataset():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "We collect a large dataset of personal photos called PIS (Personalized Image Semantic Segmentation)."
    models, datasets = find_entities(text, [Span(0, len(text))])
    assert [d.name for d in datasets] == ["PIS"] and not models


def test_a_name_used_as_the_base_is_not_the_contribution():
    assert not found(cues, "In this paper, we present Gaussian Splatting based text-to-3D generation.")


def test_a_task_introduced_by_a_cue_is_no_model():
    from kg.extract.rules import cues

    assert "Entity Segmentation" not in found(cues, "In this paper we introduce Entity Segmentation, a new task for images.")
    assert "ZorbSeg" in found(cues, "In this paper we introduce ZorbSeg, a new model for images.")


def test_a_cued_name_followed_by_its_acronym_is_the_acronym():
    got = found(cues, "We propose encoding methods for images, called image RPE (iRPE). They are fast.")
    assert set(got) == {"iRPE"} and got["iRPE"].proposed


def test_a_quoted_name_runs_to_the_closing_quote():
    assert set(found(cues, "We propose a method called “Zorb Net Plus” for graphs.")) == {"Zorb Net Plus"}
    # … and a parenthesised acronym at its end is the name.
    assert set(found(cues, "提出一种称为“Reason for Future, Act for Now(RAFA)”的新框架。")) == {"RAFA"}


def test_a_lower_case_coined_name_with_a_kind_apposition_is_proposed():
    got = found(cues, "We propose zorbmix, a simple augmentation method for images.")
    assert "zorbmix" in got and got["zorbmix"].proposed
    assert not found(cues, "We propose that, in general, models fail.")


def test_a_stop_before_the_closing_quote_is_not_part_of_the_name():
    got = found(cues, 'We build a planner, termed "Zorb Planner," and test it.')
    assert set(got) == {"Zorb Planner"}, got


def test_a_lower_case_plural_term_in_quotes_names_a_class_not_a_system():
    assert not found(cues, 'Generative models, often termed "world models," have improved.')
    assert set(found(cues, 'A method called "zorb mixing" helps.')) == {"zorb mixing"}


def test_a_quoted_adverb_led_phrase_is_an_adjective_not_a_name():
    assert not found(cues, 'The two approaches are coined "quantitatively optimal" and "policy-relevant".')


@pytest.mark.parametrize("text", [
    "State-of-the-art named entity recognition systems rely on features.",
    "This study focuses on a loss function called maximum mean discrepancy (MMD) here.",
    "We summarize one such approach, called the multiple gradient descent algorithm.",
])
def test_a_lower_case_phrase_after_a_naming_word_is_no_name(text):
    # "named entity", "called maximum mean discrepancy": the word starts a description.
    assert not found(cues, text)


def test_a_coined_lower_case_name_after_a_cue_stays():
    assert set(found(cues, "We propose a simple augmentation called zorbmix, which helps.")) == {"zorbmix"}


def test_a_named_long_form_with_small_words_gives_its_acronym():
    # "Buffer of Thoughts (BoT)": the small word cuts the capitals, the acronym ends the name.
    assert set(found(cues, "We propose a framework called Buffer of Thoughts (BoT) for reasoning.")) == {"BoT"}
    assert set(found(cues, "我们提出了一个名为Buffer of Thoughts (BoT)的新型推理框架。")) == {"BoT"}


def test_a_contribution_whose_long_form_holds_small_words_is_named_by_its_acronym():
    text = "We propose Realistic and Privacy-Preserving Synthetic Data Generation (RPSG), which helps."
    assert set(found(cues, text)) == {"RPSG"}
    # Without an acronym the capitalised run before the small word stays the name.
    assert set(found(cues, "We propose ZorbNet and a new loss for depth.")) == {"ZorbNet"}


@pytest.mark.parametrize("text", [
    'Work on deriving so-called "scaling laws" for zorbformers grew.',
    'A classifier infers effects for so-called "unseen cluster" data.',
    "These are so-called zorb units in the network.",
])
def test_so_called_before_lower_case_words_quotes_a_term(text):
    assert not found(cues, text)


def test_so_called_keeps_a_capitalised_name():
    assert "Zorbformer" in found(cues, "We compare with the so-called Zorbformer in all settings.")
