"""rules.title_acronyms: "Neural Fitted Q Iteration" … "NFQ attempts to …"."""
import pytest
from rulehelp import found

from kg.extract.rules import title_acronyms


@pytest.mark.parametrize(
    "title, text, name",
    [
        ("Neural Zorbed Q Iteration", "NZQ attempts to address this by offline learning.", "NZQ"),
        ("Zorbic Networks for Learning about Objects", "ZNL is simple.", "ZNL"),  # "for" skipped
    ],
)
def test_an_acronym_of_the_title_names_the_papers_method(title, text, name):
    got = found(title_acronyms, text, title=title)
    assert set(got) == {name} and got[name].proposed


@pytest.mark.parametrize(
    "title, text",
    [
        ("Neural Zorbed Q Iteration", "We compare with QZN on Atari."),  # other letters
        ("Neural Zorbed Q Iteration", "NZ is short."),  # too short to tell
        ("Zorbic Networks", "The ZN model."),  # too short a title
    ],
)
def test_other_acronyms_are_left_alone(title, text):
    assert not found(title_acronyms, text, title=title)
