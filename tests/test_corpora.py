"""The public-corpus evaluation: converter, split, runner, and figures on real corpora.

The converter and runner are tested end to end on a corpus written here (a git
repository holding a TDMSci-shaped CoNLL file), so they are checked wherever the
tests run. The real corpora are not in the repository (see tests/corpora/SOURCES.md);
where they are installed (``tests/data/corpora``, ``shared/corpora`` beside the
repository, or ``$KG_CORPORA``) kg is scored on the start of each dev split and must
stay above a floor.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "corpora"))

import convert_corpora as cc  # noqa: E402
import score_corpora as sc  # noqa: E402
from splits import DEV_PERCENT, split_of  # noqa: E402


# ------------------------------------------------------------------ the split


def test_split_is_stable_and_about_forty_sixty():
    keys = [f"doc-{i}" for i in range(2000)]
    first = [split_of("c", k) for k in keys]
    assert first == [split_of("c", k) for k in keys]
    dev = first.count("dev") / len(keys)
    assert abs(dev - DEV_PERCENT / 100) < 0.04, dev
    # The corpus name is part of the key: two corpora do not share one partition.
    assert first != [split_of("other", k) for k in keys]


# ------------------------------------------------------------------ label mapping


@pytest.mark.parametrize(
    "mention, name, aliases",
    [
        ("ImageNet", "ImageNet", []),
        ("CIFAR-10 training set", "CIFAR-10", []),
        ("WMT14 English-German test data", "WMT14 English-German", []),
        ("20 Newsgroups dataset", "20 Newsgroups", []),
        ("British National Corpus (BNC)", "British National Corpus", ["BNC"]),
        ("Penn Treebank (PTB) corpus", "Penn Treebank", ["PTB"]),
        ("CoNLL-2003 shared task data", "CoNLL-2003", []),
        ("Open Multilingual Wordnet (Bond and Foster, 2013)", "Open Multilingual Wordnet", []),
        ("Berkeley Segmentation Dataset", "Berkeley Segmentation Dataset", []),
        ("Interval", "Interval", []),  # "val" inside a word is not a split
        ("bAbI dataset", "bAbI", []),
        ("the training data", None, []),
        ("news articles", None, []),
        ("small corpus of IWSLT-2008 talks in the travel domain", None, []),
        ("100", None, []),
    ],
)
def test_dataset_names_follow_the_guidelines(mention, name, aliases):
    got, got_aliases, _ = cc.map_dataset_name(mention)
    assert (got, got_aliases) == (name, aliases)


@pytest.mark.parametrize(
    "mention, name",
    [("BERT", "BERT"), ("BART's", "BART"), ("NPTs", "NPT"), ("2DSCNs", "2DSCN"), ("GPT2-small", "GPT2-small"),
     ("multilingual finetuning", None), ("X", None), ("11", None)],
)
def test_model_names_follow_the_guidelines(mention, name):
    assert cc.map_model_name(mention)[0] == name


def test_optional_mentions_are_neither_hits_nor_extras():
    gold = [{"file": "c-dev.txt", "first_line": 1, "models": [{"name": "RePAQ"}],
             "optional": {"models": ["Transformer", "encoder", "RePAQ"]}}]
    pred = [{"source": {"file": "/x/c-dev.txt", "line": 1},
             "models": [{"name": "Transformers-XL"}, {"name": "transformer"}, {"name": "RePAQ"}, {"name": "LSTM"}]}]
    assert sc.drop_optional(gold, pred, {}) == 1
    # "transformer" matches an optional mention; RePAQ is gold as well, so it stays.
    assert [m["name"] for m in pred[0]["models"]] == ["Transformers-XL", "RePAQ", "LSTM"]


def test_a_prediction_is_compared_under_the_form_the_sentence_wrote():
    gold = [{"file": "c-dev.txt", "first_line": 1, "datasets": ["PTB", "MNLI"]}]
    pred = [{"source": {"file": "c-dev.txt", "line": 1}, "datasets": [
        {"name": "Penn Treebank", "evidence": {"text": "PTB"}},     # canonical name, written PTB: renamed
        {"name": "MNLI", "evidence": {"text": "MultiNLI"}},         # its own name is gold: kept
        {"name": "ImageNet", "evidence": {"text": "ImageNet"}},     # not gold either way: an extra still
        {"name": "SQuAD"}]}]                                        # no evidence: left as it is
    assert sc.match_written_forms(gold, pred, {}, ["datasets"]) == 1
    assert [d["name"] for d in pred[0]["datasets"]] == ["PTB", "MNLI", "ImageNet", "SQuAD"]


def test_a_leading_article_is_not_part_of_the_name_compared():
    gold = [{"file": "c-dev.txt", "first_line": 1, "datasets": ["Pile"]}]
    pred = [{"source": {"file": "c-dev.txt", "line": 1}, "datasets": [
        {"name": "The Pile", "evidence": {"text": "the Pile"}}, {"name": "The Stack", "evidence": {"text": "the Stack"}}]}]
    assert sc.match_written_forms(gold, pred, {}, ["datasets"]) == 1
    assert [d["name"] for d in pred[0]["datasets"]] == ["Pile", "The Stack"]


class _Docs:
    """A GitSource stand-in holding SciREX-shaped documents in memory."""

    def __init__(self, docs):
        self.docs = {f"docs/train_docs/{i}.json": json.dumps(d) for i, d in enumerate(docs)}

    def ls(self, folder):
        return sorted(self.docs)

    def text(self, path):
        return self.docs[path]


def test_scirex_scores_salient_materials_and_makes_the_others_optional():
    words = "We train on CIFAR-10 and Frogger ; ImageNet is used elsewhere .".split()
    paper = {"doc_id": "p1", "words": words, "sentences": [[0, len(words)]],
             # CIFAR-10 is the paper's salient (Papers-with-Code) dataset; Frogger a non-salient one.
             "ner": [[3, 4, "Material"], [5, 6, "Material"]], "coref": {"CIFAR-10": [[3, 4]]}}
    other = {"doc_id": "p2", "words": ["ImageNet", "results"], "sentences": [[0, 2]],
             "ner": [[0, 1, "Material"]], "coref": {"ImageNet": [[0, 1]]}}
    spec = {"sample_one_in": 1, "folder": "docs/train_docs", "non_salient_optional": True}
    units = {u.key: u for u in cc.read_scirex(_Docs([paper, other]), spec)}
    assert units["p1"].datasets == ["CIFAR-10"]
    # Frogger: this paper's non-salient mention; ImageNet: salient in another paper only.
    assert units["p1"].optional == {"datasets": ["Frogger", "ImageNet"]}
    assert units["p2"].datasets == ["ImageNet"] and not units["p2"].optional
    # Without the rule every Material mention is gold, as before.
    plain = {u.key: u for u in cc.read_scirex(_Docs([paper, other]), {**spec, "non_salient_optional": False})}
    assert plain["p1"].datasets == ["CIFAR-10", "Frogger"] and not plain["p1"].optional


def test_an_acronym_annotated_beside_its_long_form_is_an_alias():
    text = 'We dub this data set the "Colossal Clean Crawled Corpus" (or C4) and add DPR and the Definite Pronoun Resolution (DPR) data.'
    unit = cc.Unit("c", key="k", source_id="s", text=text, datasets=["Colossal Clean Crawled Corpus", "C4", "Definite Pronoun Resolution", "DPR"])
    cc.fold_defined_acronyms(unit)
    assert unit.datasets == ["Colossal Clean Crawled Corpus", "Definite Pronoun Resolution"]
    assert unit.aliases == {"Colossal Clean Crawled Corpus": ["C4"], "Definite Pronoun Resolution": ["DPR"]}
    # Two names that are not written as a definition stay two names.
    other = cc.Unit("c", key="k", source_id="s", text="We use Natural Questions and NQ-open.", datasets=["Natural Questions", "NQ-open"])
    cc.fold_defined_acronyms(other)
    assert other.datasets == ["Natural Questions", "NQ-open"] and not other.aliases


def test_text_is_rebuilt_from_offsets():
    text, starts, ok = cc.rebuild_text(["Results", "on", "SQuAD", "(", "v1.1", ")", "."], [0, 8, 11, 17, 18, 22, 23])
    assert (text, ok) == ("Results on SQuAD (v1.1).", True)
    assert [text[s : s + len(t)] for s, t in zip(starts, ["Results", "on", "SQuAD"])] == ["Results", "on", "SQuAD"]
    # Overlapping offsets (a corpus glitch) still give every token, one space apart.
    assert cc.rebuild_text(["a", "b"], [5, 3]) == ("a b", [0, 2], False)


def test_bio_spans_keep_entities_that_start_with_i():
    labels = ["I-DATASET", "I-DATASET", "O", "B-DATASET", "B-DATASET", "I-TASK"]
    assert cc.bio_spans(labels, "DATASET") == [(0, 2), (3, 4), (4, 5)]
    assert cc.bio_spans(labels, "TASK") == [(5, 6)]


# ------------------------------------------------------------------ converter + runner, end to end


def _conll(sentences: list[list[tuple[str, str]]]) -> str:
    """CoNLL rows token<TAB>offset<TAB>label, offsets as if the tokens were spaced text."""
    blocks, pos = [], 0
    for sent in sentences:
        rows = []
        for tok, lab in sent:
            rows.append(f"{tok}\t{pos}\t{lab}")
            pos += len(tok) + 1
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n"


def _words(text: str, *spans: tuple[int, int]) -> list[tuple[str, str]]:
    toks = text.split()
    labels = ["O"] * len(toks)
    for a, b in spans:
        labels[a : b] = ["B-DATASET"] + ["I-DATASET"] * (b - a - 1)
    return list(zip(toks, labels))


SENTENCES = [
    _words("We pretrain on the ImageNet training set and evaluate on CIFAR-10 .", (4, 7), (10, 11)),
    _words("Results on SQuAD improve by two points .", (2, 3)),
    _words("This paragraph names no dataset at all .",),
    _words("We collect the training data from forums .", (2, 5)),
    _words("Results on SQuAD improve by two points .", (2, 3)),  # a repeated sentence
]


@pytest.fixture(scope="module")
def toy_corpus(tmp_path_factory):
    """A git repository with a TDMSci-shaped file, converted by the real converter."""
    if subprocess.run(["git", "--version"], capture_output=True).returncode:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("corpus")
    repo = root / "repo"
    spec = cc.CORPORA["tdmsci"]
    path = repo / spec["files"][0]
    path.parent.mkdir(parents=True)
    path.write_text(_conll(SENTENCES[:3]), encoding="utf-8")
    second = repo / spec["files"][1]
    second.write_text(_conll(SENTENCES[3:]), encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "toy"], check=True)
    out = root / "out"
    assert cc.main(["tdmsci", "--repo", str(repo), "--out", str(out)]) == 0
    return out


def test_converter_writes_entries_gold_and_provenance(toy_corpus):
    folder = toy_corpus / "tdmsci"
    manifest = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    assert manifest["fields"] == ["datasets"] and len(manifest["commit"]) == 40
    gold = []
    for split in ("dev", "heldout"):
        recs = [json.loads(x) for x in (folder / f"tdmsci-{split}.gold.jsonl").read_text(encoding="utf-8").splitlines()]
        lines = (folder / f"tdmsci-{split}.txt").read_text(encoding="utf-8").split("\n")
        for r in recs:
            # Each entry: the sentence at first_line, then the marker that closes it.
            assert lines[r["first_line"]] == cc.MARKER
            assert r["models"] is None and r["authors"] is None and r["kind"] == "abstract"
        gold += [(lines[r["first_line"] - 1], [d["name"] for d in r["datasets"]]) for r in recs]
    assert sorted(gold) == [
        ("Results on SQuAD improve by two points .", ["SQuAD"]),  # once, though written twice
        ("This paragraph names no dataset at all .", []),
        ("We collect the training data from forums .", []),  # "the training data" names nothing
        ("We pretrain on the ImageNet training set and evaluate on CIFAR-10 .", ["ImageNet", "CIFAR-10"]),
    ]
    assert "SOURCES.md" in {p.name for p in folder.iterdir()}


def test_converting_twice_gives_the_same_bytes(toy_corpus, tmp_path):
    repo = toy_corpus.parent / "repo"
    assert cc.main(["tdmsci", "--repo", str(repo), "--out", str(tmp_path)]) == 0
    for p in sorted((toy_corpus / "tdmsci").iterdir()):
        assert (tmp_path / "tdmsci" / p.name).read_bytes() == p.read_bytes(), p.name


def test_runner_scores_every_entry_of_the_toy_corpus(toy_corpus):
    scores = [sc.score_split(toy_corpus / "tdmsci", split) for split in ("dev", "heldout")]
    assert sum(s.entries for s in scores) == 4
    assert all(set(s.fields) == {"entries", "datasets"} for s in scores)  # models are not annotated
    entries = [s.fields["entries"] for s in scores]
    assert sum(e.tp for e in entries) == 4 and sum(e.fn + e.fp for e in entries) == 0
    ds = [s.fields["datasets"] for s in scores]
    assert sum(d.tp + d.fn for d in ds) == 3  # ImageNet, CIFAR-10, SQuAD (one entry), no more
    # ImageNet, CIFAR-10 and SQuAD are in kg's gazetteers: all three are found.
    assert sum(d.tp for d in ds) == 3, [s.misses["datasets"] for s in scores]


def test_runner_limit_reads_only_the_first_entries(toy_corpus):
    split = next(s for s in ("dev", "heldout") if sc.score_split(toy_corpus / "tdmsci", s).entries >= 2)
    s = sc.score_split(toy_corpus / "tdmsci", split, limit=1)
    assert s.entries == 1 and s.fields["entries"].tp == 1 and s.fields["entries"].fp == 0


def test_dev_only_copy_has_no_heldout_sentences(toy_corpus, tmp_path, capsys):
    repo = toy_corpus.parent / "repo"
    assert cc.main(["tdmsci", "--repo", str(repo), "--out", str(tmp_path), "--only", "dev"]) == 0
    names = {p.name for p in (tmp_path / "tdmsci").iterdir()}
    assert "tdmsci-dev.txt" in names and not any("heldout" in n for n in names)
    capsys.readouterr()
    assert sc.main(["--corpora", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "no heldout split here" in captured.err
    assert {x.split()[1] for x in captured.out.splitlines()[2:]} == {"dev"}


_REFERENCE = HERE.parent.parent / "shared" / "tools" / "score_extraction.py"


@pytest.mark.skipif(not _REFERENCE.is_file(), reason=f"no reference scorer at {_REFERENCE}")
def test_runner_counts_equal_the_reference_scorer(toy_corpus):
    for split in ("dev", "heldout"):
        s = sc.score_split(toy_corpus / "tdmsci", split, strict=True)
        assert sc.reference_check(toy_corpus / "tdmsci", split, _REFERENCE, s) == []


def test_runner_cli_reports_missing_corpora_in_one_line(tmp_path, capsys):
    assert sc.main(["--corpora", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error:") and "\n" not in err


def test_runner_cli_rejects_an_unknown_corpus(toy_corpus, capsys):
    assert sc.main(["--corpora", str(toy_corpus), "--corpus", "nope"]) == 1
    assert "no corpus nope" in capsys.readouterr().err


def test_runner_cli_prints_a_table(toy_corpus, capsys):
    assert sc.main(["--corpora", str(toy_corpus), "--split", "dev", "--split", "heldout"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split()[:3] == ["corpus", "split", "entries"]
    assert {tuple(x.split()[:2]) for x in out[2:]} == {("tdmsci", "dev"), ("tdmsci", "heldout")}


# ------------------------------------------------------------------ the real corpora

#: Floors on the first ``REAL_LIMIT`` entries of each dev split, as (field, measure).
#: Measured when set (datasets F1: tdmsci 0.579, later 0.708, gsap 0.639; scirex recall 0.667, later
#: 0.688 on the detokenised text; gsap
#: models F1 0.468; entries 0.998+; after the dataset rules of issue 12, tdmsci 0.718 and
#: scirex recall 0.867 on its salient-dataset gold, 15 names; after the dataset rules of
#: branch datasets6, gsap 0.878; gsap models 0.511, then 0.550 after the model-precision
#: rules of issue 12's model round) and set about 0.05 below, so
#: a change that loses names on real paper text fails here while the work that raises them
#: passes. SciREX is held to recall: even with non-salient names optional (SOURCES.md) its
#: gold leaves real datasets outside its inventory unlabelled, and 400 sentences hold few
#: predictions. Raise them as kg improves.
REAL_LIMIT = 400
FLOORS = {
    "tdmsci": {("entries", "f1"): 0.99, ("datasets", "f1"): 0.68},
    "scirex": {("entries", "f1"): 0.99, ("datasets", "recall"): 0.80},
    "gsap": {("entries", "f1"): 0.99, ("datasets", "f1"): 0.82, ("models", "f1"): 0.50},
}

_ROOT = sc.find_corpora()
_REAL = sc.list_corpora(_ROOT) if _ROOT else []


@pytest.mark.skipif(not _REAL, reason="public corpora not installed (tests/corpora/SOURCES.md says how to convert them)")
@pytest.mark.parametrize("corpus", _REAL)
def test_real_corpus_dev_figures(corpus):
    s = sc.score_split(_ROOT / corpus, "dev", limit=REAL_LIMIT)
    assert s.entries == min(REAL_LIMIT, s.entries) and s.entries > 0
    assert "datasets" in s.fields
    for (field, measure), floor in FLOORS.get(corpus, {("entries", "f1"): 0.99}).items():
        score = s.fields[field]
        got = getattr(score, measure)
        assert got >= floor, f"{corpus} dev {field} {measure} {got:.3f} < {floor} (tp={score.tp} fp={score.fp} fn={score.fn})"
