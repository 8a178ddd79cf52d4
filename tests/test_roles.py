"""kg.extract.roles: the paper's own names (proposed) and the ones it uses."""
import pytest

from kg.extract.entities import find_entities
from kg.records import Span


def roles(text: str) -> dict[str, str]:
    models, _ = find_entities(text, [Span(0, len(text))])
    return {m.name: m.role for m in models}


@pytest.mark.parametrize("verb", ["compare", "evaluate", "employ", "adopt", "fine-tune", "benchmark", "prompt"])
def test_a_verb_of_use_after_we_makes_no_contribution(verb):
    # "we compare BERT …": the name after "we <verb>" is the paper's own only for a verb
    # of making (propose, introduce, build), not for one of use.
    assert roles(f"We {verb} BERT and GPT-2 on GLUE.")["BERT"] == "used"


def test_own_words_and_contribution_cues_still_propose():
    assert roles("We propose Zorblax, a retriever.")["Zorblax"] == "proposed"
    assert roles("In this paper, our ZorbNet beats BERT.")["ZorbNet"] == "proposed"


def _title_roles(title: str, body: str) -> dict[str, str]:
    text = f"{title}\n\n{body}"
    models, datasets = find_entities(text, [Span(0, len(text))], title=Span(0, len(title)))
    return {m.name: m.role for m in models + datasets}


@pytest.mark.parametrize("title", ["ZorbNet", "ZorbNet:", "**ZorbNet**", "Fast R-CNN"])
def test_a_title_that_is_one_name_proposes_it(title):
    # A heading names its paper by what the paper introduces, with no contribution cue in
    # the body ("同样基于 TRELLIS 的无训练编辑方法"), and a known name too ("Fast R-CNN").
    name = title.strip("*:")
    assert _title_roles(title, "基于 TRELLIS 骨干的无训练编辑方法。")[name] == "proposed"


def test_a_name_inside_a_longer_title_is_not_proposed_by_it():
    # Only the whole title: "Fast R-CNN" in a title about it is the paper's subject, not
    # its contribution; other names in the entry keep their roles.
    roles_ = _title_roles("Analysing Fast R-CNN on Zorbset", "We compare Fast R-CNN with TRELLIS.")
    assert roles_.get("Fast R-CNN") == "used"
    assert _title_roles("ZorbNet", "ZorbNet builds on TRELLIS.")["TRELLIS"] == "used"


def test_a_name_opening_the_title_before_a_dataset_noun_or_its_colon_is_proposed():
    # "CRYSTAL Benchmark for …", "The Flan Collection: Designing …", "mixup: Beyond …"
    assert _title_roles("ZORBAL Benchmark for Transparent Reasoning", "ZORBAL 是诊断基准。")["ZORBAL"] == "proposed"
    assert _title_roles("mixup: Beyond Empirical Risk Minimization", "We use mixup with ResNet.")["Mixup"] == "proposed"
    # another word after the name is no title of the name's own
    assert _title_roles("ZORBAL Scores Improve with Scale", "ZORBAL 是诊断基准。").get("ZORBAL") != "proposed"


def _labelled_roles(line: str, title: str) -> dict[str, str]:
    a = line.index(title)
    models, datasets = find_entities(line, [Span(0, len(line))], title=Span(a, a + len(title)))
    return {m.name: m.role for m in models + datasets}


@pytest.mark.parametrize("line, title, name", [
    ("- ZorbNet-v3 - Rethinking the Zorb Architecture for Vision : https://arxiv.org/abs/1512.00567",
     "Rethinking the Zorb Architecture for Vision", "ZorbNet-v3"),
    ("- Zorb/QuxNet - Going Deeper with Convolutions : https://arxiv.org/abs/1409.4842",
     "Going Deeper with Convolutions", "QuxNet"),
    ("* ZorbMLP: Sparse MLP for Image Recognition, arXiv, 2021.", "Sparse MLP for Image Recognition", "ZorbMLP"),
])
def test_a_label_opening_the_titles_line_is_proposed(line, title, name):
    assert _labelled_roles(line, title)[name] == "proposed"


def test_a_name_elsewhere_on_the_titles_line_is_not_a_label():
    line = "- Going Deeper with Convolutions - compared with ZorbNet-v3 : https://arxiv.org/abs/1409.4842"
    assert _labelled_roles(line, "Going Deeper with Convolutions").get("ZorbNet-v3") != "proposed"


@pytest.mark.parametrize("title, name, role", [
    ("Chain of Zorbish Rewards (CoZR): LLMs for Reward Design", "CoZR", "proposed"),
    ("Modelling the Genome with Zorbide Transformer v3 (ZTv3)", "ZTv3", "proposed"),
    ("ZorbNet-7B: An Agent Trained with Reinforcement Learning from Zorb Feedback (RLZF)", "RLZF", "used"),
    ("Optimizing Zorbic Quantile Networks (ZQNet) in clinical medicine", "ZQNet", "used"),
])
def test_a_name_the_title_defines_in_its_head_or_at_its_end_is_proposed(title, name, role):
    assert _title_roles(title, f"Results are reported; {name} helps.").get(name) == role


@pytest.mark.parametrize("title, name, role", [
    ("The ZU-test for Statistical Modeling of Unimodal Data", "ZU-test", "proposed"),
    ("Zorb-LiDAR from Visual Depth Estimation: Bridging the Gap", "Zorb-LiDAR", "proposed"),
    # a review of it, a known system applied, a gloss naming another system
    ("Zorb-LiDAR for Driving: A Survey", "Zorb-LiDAR", "used"),
    ("BERT for Joint Intent Classification", "BERT", "used"),
    ("ZorbRAG for Engineering Diagrams: ChatQ&ID Enables LLM Interaction", "ZorbRAG", "used"),
])
def test_a_new_name_opening_the_title_before_what_it_is_for_is_proposed(title, name, role):
    assert _title_roles(title, f"We study it; {name} is used.").get(name) == role
