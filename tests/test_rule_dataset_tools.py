"""rules.dataset_tools: a known dataset's name before a tool or convention noun ("the PTB
Tokenizer", "the CoNLL format", "PTB-style") is no dataset, unless the entry also uses the
name as data."""
from rulehelp import ctx_of, found

from kg.extract.entities import entities_in
from kg.extract.rules import dataset_tools
from kg.extract.triggers import fires


def datasets(text: str) -> list[str]:
    return sorted(e.name for e in entities_in(ctx_of(text)) if e.label == "DATASET")


def test_a_tokenizer_named_after_a_corpus_is_no_dataset():
    text = "Each paragraph is tokenized by a word tokenizer (PTB Tokenizer) and fed into the model."
    assert "Penn Treebank" in datasets(text.replace("PTB Tokenizer", "PTB corpus"))
    got = found(dataset_tools, text)
    assert set(got) == {"Penn Treebank"} and got["Penn Treebank"].label == "GENERIC"
    assert datasets(text) == []


def test_a_hyphenated_convention_is_no_dataset():
    assert datasets("Trees are written as PTB-style brackets.") == []


def test_a_mention_as_data_keeps_the_name():
    assert datasets("We train on PTB and split words with the PTB tokenizer.") == ["Penn Treebank"]
    assert not found(dataset_tools, "We train on PTB and split words with the PTB tokenizer.")


def test_what_the_corpus_holds_is_data():
    # annotations and trained models are the corpus used, not a tool built on it
    assert datasets("We use the PTB annotations for training.") == ["Penn Treebank"]


def test_triggers_need_a_tool_noun():
    assert not fires(ctx_of("We train on PTB and report accuracy."), dataset_tools.TRIGGERS)
    assert fires(ctx_of("We use the PTB tokenizer."), dataset_tools.TRIGGERS)
