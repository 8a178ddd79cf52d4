"""rules.environments: environments, simulators and games an agent is tested in are datasets."""
import pytest
from rulehelp import found

from kg.extract.rules import environments


@pytest.mark.parametrize("text, names", [
    ("They also tested on the ZORCS car racing environment.", ["ZORCS"]),
    ("An agent was tested with DeepMind's Labyrinthe environment.", ["Labyrinthe"]),
    ("They tested on ZORCS and MuZoCo, the continuous-space physics simulation engine.", ["MuZoCo"]),
    ("We train the policy in the Gazebro simulator.", ["Gazebro"]),
    ("a model that plays the classic first-person shooter ZOOM in real time", ["ZOOM"]),
    ("在模拟与GazeboSim两种环境下均实现100%目标到达", ["GazeboSim"]),
])
def test_environments_are_datasets(text, names):
    got = found(environments, text)
    assert list(got) == names
    assert all(c.label == "DATASET" and c.force_label for c in got.values())


def test_a_game_in_a_title_is_the_object_of_a_play_verb():
    assert list(found(environments, "Body.", title="Playing ZOOM with 1.3M Parameters: Small Models")) == ["ZOOM"]


@pytest.mark.parametrize("text", [
    "We run it in a Docker environment and in the Python environment.",  # software, languages
    "This plays a key role in Zorbformer models.",  # no game after the verb
    "在 PyTorch 环境下训练。",
    "在复杂的 Web 环境中超越现有基线。",  # an everyday word before 环境
    "Through this environment, the model learns. Across four control environments it wins.",  # sentence openers
    "We introduce Waymax, a new data-driven simulator for driving.",  # the paper's own system
    "Waymax: An Accelerated, Data-Driven Simulator for Driving Research",  # a title's phrase
    "We compare against the GPT-4 environment.",  # a known model
])
def test_what_is_no_environment(text):
    assert not found(environments, text)


def test_a_phrase_ending_in_a_function_word_is_no_environment():
    # "Diversity of environments": the head's modifier stops at "of", which ends no name.
    assert not found(environments, "- Diversity of environments matters a lot.")
    assert not found(environments, "“Effect of environment diversity under a fixed budget”")
