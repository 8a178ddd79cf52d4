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


def test_the_vote_needs_as_many_typing_entries_as_guessing_ones():
    # "ODQA datasets" once, "ODQA" guessed in three other paragraphs: the task's data,
    # not a dataset called ODQA.
    a = rec(1, datasets=[m("Zorblax", "context")])
    guessed = [rec(n, models=[m("Zorblax", "shape")]) for n in (2, 3, 4)]
    out = vote_kinds([a, *guessed])
    assert all(r.models and not r.datasets for r in out[1:])
    # Two entries typing it against two guessing it: moved.
    b = rec(9, datasets=[m("Zorblax", "context")])
    out = vote_kinds([a, b, *guessed[:2]])
    assert [x.name for r in out[2:] for x in r.datasets] == ["Zorblax", "Zorblax"]


def test_one_entry_repeating_a_guess_is_one_voice():
    a = rec(1, datasets=[m("Zorblax", "context")])
    b = rec(2, models=[m("Zorblax", "shape"), m("Zorblax", "shape", start=20)])
    out = vote_kinds([a, b])
    assert not out[1].models and [x.name for x in out[1].datasets] == ["Zorblax"]


def test_a_campaign_typed_data_in_one_entry_is_no_witness_for_another():
    a = rec(1, datasets=[m("NIST", "context")])  # "the NIST evaluation test sets"
    b = rec(2, models=[m("NIST", "shape")])
    c = rec(3, datasets=[m("NTCIR-9", "context")])
    d = rec(4, models=[m("NTCIR-9", "shape")])
    assert vote_kinds([a, b, c, d]) == [a, b, c, d]


def test_the_vote_keeps_the_written_case():
    a = rec(1, datasets=[m("FINANCE", "context")])  # a corpus
    b = rec(2, models=[m("Finance", "shape")])  # the sector
    assert vote_kinds([a, b]) == [a, b]


def test_vote_by_file_votes_within_each_file_only():
    from dataclasses import replace

    from kg.extract.votes import vote_by_file

    a = rec(1, datasets=[m("Zorblax", "context")])
    b = rec(2, models=[m("Zorblax", "shape")])
    other = replace(rec(1, models=[m("Zorblax", "shape")]), file="g.txt")
    out = list(vote_by_file([a, b, other]))
    assert [x.name for x in out[1].datasets] == ["Zorblax"] and not out[1].models
    assert out[2] == other  # another file: no witness there


def test_extraction_output_carries_a_type_across_one_files_entries(tmp_path):
    from kg.pipeline import extract_paths

    sep = "translated by 谷歌翻译"
    f = tmp_path / "paper.txt"
    f.write_text(f"We release ZORBQA, a dataset of 9,000 questions about tide tables.\n{sep}\n\n"
                 f"Answers in ZORBQA are short, and the questions were written by sailors in port.\n{sep}\n",
                 encoding="utf-8")
    recs = extract_paths([f])
    assert [[d.name for d in r.datasets] for r in recs] == [["ZORBQA"], ["ZORBQA"]]
    assert not any(r.models for r in recs)
