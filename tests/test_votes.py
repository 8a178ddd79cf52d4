"""kg.extract.votes: a name's type found in one entry carries to entries that guessed it."""
from kg.extract.votes import vote_kinds
from kg.records import Mention, PaperRecord


def rec(line, models=(), datasets=()):
    return PaperRecord(file="f.txt", line=line, end_line=line, kind="digest", layout="structured", lang="en",
                       arxiv_id=None, title=None, title_zh=None, category=None, authors=(), authors_truncated=False,
                       institutions=(), models=tuple(models), datasets=tuple(datasets), urls=(), text="x")


def m(name, source, role="used", start=0):
    return Mention(name=name, text=name, start=start, end=start + len(name), role=role, source=source)


def test_a_guessed_model_follows_a_dataset_typing_elsewhere():
    a = rec(1, datasets=[m("Zorblax", "context")])
    b = rec(5, models=[m("Zorblax", "shape", role="proposed"), m("BERT", "gazetteer", start=9)])
    out = vote_kinds([a, b])
    assert [x.name for x in out[1].models] == ["BERT"]
    assert [(x.name, x.role) for x in out[1].datasets] == [("Zorblax", "used")]


def test_model_evidence_anywhere_blocks_the_vote():
    a = rec(1, datasets=[m("Zorblax", "context")])
    b = rec(5, models=[m("Zorblax", "shape")])
    c = rec(9, models=[m("Zorblax", "context")])  # "outperforms Zorblax"
    out = vote_kinds([a, b, c])
    assert [x.name for x in out[1].models] == ["Zorblax"] and out[2].models


def test_records_without_guesses_are_unchanged():
    a = rec(1, models=[m("Zorblax", "cue", role="proposed")])
    b = rec(2, datasets=[m("Zorblax", "context")])
    assert vote_kinds([a, b]) == [a, b]
