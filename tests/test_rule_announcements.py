"""rules.announcements: "Introducing Zorblax: …", "Meet Zorblax, …"."""
import pytest
from rulehelp import found

from kg.extract.rules import announcements


@pytest.mark.parametrize(
    "text, name",
    [
        ("Introducing Zorblax: a family of open reasoning models.", "Zorblax"),
        ("New paper out!\nMeet Zorb Agent, a planner that looks ahead.", "Zorb Agent"),
        ("Presenting Zorblax 2.1, our fastest model.", "Zorblax 2.1"),
    ],
)
def test_an_announcement_names_the_papers_system(text, name):
    got = found(announcements, text)
    assert set(got) == {name} and got[name].proposed


@pytest.mark.parametrize(
    "text",
    [
        "Introducing the first benchmark for agents.",  # a description, not a name
        "We thank everyone. They meet Zorblax later.",  # not an opening
        "The paper is about Introducing Query Denoising.",  # inside a sentence
    ],
)
def test_other_uses_name_nothing(text):
    assert not found(announcements, text)
