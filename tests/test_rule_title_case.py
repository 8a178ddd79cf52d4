"""rules.title_case: mid-sentence Title-Case phrases with a method or dataset head."""
from rulehelp import found

from kg.extract.rules import title_case


def test_method_head():
    assert "Distributed Information Bottleneck" in found(title_case, "We apply the Distributed Information Bottleneck to text.")


def test_dataset_head():
    got = found(title_case, "We release the Waymo Open Motion Dataset today.")
    assert got["Waymo Open Motion Dataset"].label == "DATASET"


def test_titles_and_sentence_starts_say_nothing():
    assert not found(title_case, "Deep Networks are used.", title="Sparse Attention Network")


def test_unmarked_title_lines_say_nothing():
    # A title the parser did not mark: most words capitalised.
    assert not found(title_case, "1. *Sharp Rates and Asymptotic Efficiency in a Single Algorithm* [url]")


def test_chinese_sentences_keep_their_names():
    got = found(title_case, "这类架构包括Mixture-of-Experts、Switch Transformers、Routing Networks、BASE层等。")
    assert "Routing Networks" in got


def test_treebank_tail_makes_a_dataset():
    from kg.extract.rules import title_case

    # An unknown name (the TIGER Treebank itself is now a gazetteer name).
    got = found(title_case, "Early work used the ZorBer Treebank for German.")
    assert got["ZorBer Treebank"].label == "DATASET"


def test_a_known_name_grown_into_another_dataset():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "It replays real driving data (e.g., the Waymo Open Motion Dataset [15]) and the Waymo Open Dataset."
    _, datasets = find_entities(text, [Span(0, len(text))])
    assert [d.name for d in datasets] == ["Waymo Open Motion Dataset", "Waymo Open Dataset"]


def test_descriptive_words_and_heads_only_describe_a_kind():
    from rulehelp import found

    from kg.extract.rules import title_case

    assert not found(title_case, "Its field is agents (Embodied Foundation Models) in robotics.")
    assert "Distributed Zorb Network" in found(title_case, "We train the Distributed Zorb Network on images.")


def test_a_function_word_opens_no_name():
    assert "And Language-Oriented Network" not in found(title_case, "We call it the Time And Language-Oriented Network here.")


def test_a_wh_word_opens_no_name():
    # "How Claude is trained …" on a list line: the wh-word opens a clause, not a name.
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "Constitutional AI: Harmlessness from AI Feedback\n   - Bai et al., 2022 (Anthropic)\n   - How Claude is trained to be helpful"
    models, _ = find_entities(text, [Span(0, len(text))])
    names = {m.name for m in models}
    assert "Claude" in names and "How Claude" not in names


def test_a_phrase_does_not_open_inside_a_hyphenated_compound():
    from rulehelp import found

    from kg.extract.rules import title_case

    text = "The paper ZORB: Ontology-Enhanced Multi-Agent Collaboration Framework for zorbs is new."
    got = found(title_case, text)
    assert not any("Collaboration Framework" in name for name in got), got
    assert "Distributed Zorb Framework" in found(title_case, "We adopt the Distributed Zorb Framework here.")
