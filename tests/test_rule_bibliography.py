"""rules.bibliography: locators, identifiers and BibTeX keys of a citation are no names."""
from rulehelp import found

from kg.extract.entities import find_entities
from kg.extract.rules import bibliography
from kg.records import Span


def _vetoed(text):
    got = found(bibliography, text)
    assert all(c.label == "GENERIC" for c in got.values())
    return set(got)


def test_glued_arxiv_ids_are_vetoed():
    assert _vetoed("主任务#语音合成 arXiv2606.09553 发布2026-06-10") == {"arXiv2606.09553"}
    assert _vetoed("| arXiv2606.09553v2 | 2026 |") == {"arXiv2606.09553v2"}
    assert not _vetoed("the arXiv 2606.09553 preprint")  # no glued run


def test_locators_and_the_journal_before_a_volume():
    assert _vetoed("Information Systems (TOIS), 22(1), pp.89-115.") == {"pp.89", "pp.89-115"}
    assert _vetoed("| Severe Weather Forecasts | AIES Vol.5 No.1 | 2026 |") == {"AIES", "Vol.5", "No.1"}
    # a lower-case word before "Vol." is prose, not a journal's abbreviation
    assert _vetoed("see vol.5 of the series") == {"vol.5"}


def test_bibtex_keys_and_dois():
    text = "@inproceedings{Redmon2017,\narchivePrefix = {arXiv},\narxivId = {1612.08242},\ndoi = {10.1109/CVPR.2017.690},\n}"
    assert {"archivePrefix", "arxivId", "CVPR.2017.690"} <= _vetoed(text)


def test_acronym_of_a_publication():
    assert "TOIT" in _vetoed("ACM Transactions on Internet Technology (TOIT), 10(4), pp.1-30.")
    assert "JMLR" in _vetoed("Journal of Machine Learning Research (JMLR) 21, 2020")
    # an acronym a model's long form defines is left alone
    assert not _vetoed("We propose Slot-Based Object-Centric Representations (SBOCR) for agents.")


def test_names_in_prose_are_left_alone():
    assert not _vetoed("We fine-tune GPT-4o and Llama-3.1 on MMLU (Hendrycks et al., 2021).")


def test_the_veto_removes_the_names_from_the_entry():
    text = "Novelty in top-n recommendation. ACM Transactions on Internet Technology (TOIT), 10(4), pp.1-30."
    models, datasets = find_entities(text, [Span(0, len(text))])
    names = {m.name for m in models + datasets}
    assert not names & {"TOIT", "pp.1-30", "pp.1"}


def test_non_breaking_hyphens_join_a_name():
    # U+2011 between the parts, as LLM-written digests write it: one name, reported with
    # an ASCII hyphen; the evidence keeps the text as written.
    text = "We propose HiTac\u2011WAM, a tactile world action model, and compare it with FG\u2011CLTP."
    models, _ = find_entities(text, [Span(0, len(text))])
    by_name = {m.name: m for m in models}
    assert "HiTac-WAM" in by_name and "HiTac" not in by_name
    m = by_name["HiTac-WAM"]
    assert m.text == text[m.start:m.end] == "HiTac\u2011WAM"
