"""rules.social: hashtags and handles are tags and accounts, not names."""
from rulehelp import found

from kg.extract.candidate import GENERIC
from kg.extract.rules import social


def test_unknown_hashtags_and_handles_are_vetoed():
    got = found(social, "New paper w/ @JohnDoe! #NLProc #MachineLearning")
    assert set(got) == {"JohnDoe", "NLProc", "MachineLearning"} and all(c.label == GENERIC for c in got.values())


def test_known_names_as_tags_and_glued_marks_are_left_alone():
    assert not found(social, "Fine-tuning #GPT3 is fun.")
    assert not found(social, "Written in C#Script and F# for speed.")  # a mark glued after a word


def test_the_tag_is_no_model_in_the_entry():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "We show that GPT-3 can do few-shot learning. @OpenAIResearch #NLProc #MachineLearning"
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["GPT-3"]
