"""The packaged gazetteers and alias tables pass their own consistency checker, the
checker catches what it is meant to catch in the catalog files, and the catalog build
(scripts/build-gazetteers) reads catalogs and normalises names by its stated rules."""
from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "data"
CHECKER = DATA / "check_data.py"


def run_checker(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECKER), str(data_dir)], capture_output=True, text=True)


def test_data_files_are_consistent():
    r = run_checker(DATA)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().splitlines()[-1].startswith("OK")
    assert "catalog_models.jsonl=" in r.stdout and "catalog_datasets.jsonl=" in r.stdout


# --- the checker on the catalog files -------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    shutil.copytree(DATA, out, ignore=shutil.ignore_patterns("neo4j", "__pycache__"))
    return out


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, rows: list[dict]) -> None:
    rows = sorted(rows, key=lambda r: (r["id"], r["pattern"]))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _first_curated(name: str) -> dict:
    return next(r for r in _rows(DATA / name) if "lang" not in r)


def _bad_rows():
    """(description, catalog file, row to add, expected message fragment)."""
    model = _first_curated("models.jsonl")
    dataset = _first_curated("datasets.jsonl")
    stop = next(
        line for line in (DATA / "catalog_stoplist.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    generic = next(
        line for line in (DATA / "generic_terms.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    src = "somecatalog==1.0"
    # A curated pattern written with a separator, and a catalog spelling without it: the
    # same name to kg's lookup, which ignores case, spaces, hyphens and dots.
    spaced = next(r for r in _rows(DATA / "models.jsonl") if " " in r["pattern"] and "lang" not in r)
    glued = spaced["pattern"].replace(" ", "")
    return [
        ("a curated name spelt without its space, for another id", "catalog_models.jsonl",
         {"label": "MODEL", "pattern": glued, "id": "Zq Model", "source": src}, "is the curated name"),
        ("a surface the curated files already list", "catalog_models.jsonl",
         {"label": "MODEL", "pattern": model["pattern"], "id": model["id"], "source": src}, "already curated"),
        ("a curated name given another id", "catalog_datasets.jsonl",
         {"label": "DATASET", "pattern": "Zq Unlisted Form", "id": dataset["id"].upper() + "-", "source": src},
         "is the curated name"),
        ("a curated model name listed as a dataset", "catalog_datasets.jsonl",
         {"label": "DATASET", "pattern": "Zq Other Form", "id": model["id"], "source": src}, "is the curated name"),
        ("a stop-listed surface", "catalog_models.jsonl",
         {"label": "MODEL", "pattern": stop, "id": "Zq Model", "source": src}, "catalog_stoplist.txt"),
        ("a generic term", "catalog_models.jsonl",
         {"label": "MODEL", "pattern": generic, "id": "Zq Model", "source": src}, "generic_terms.txt"),
        ("no version in the source", "catalog_models.jsonl",
         {"label": "MODEL", "pattern": "Zq Model", "id": "Zq Model", "source": "somecatalog"}, "source must be"),
        ("a missing source", "catalog_models.jsonl",
         {"label": "MODEL", "pattern": "Zq Model", "id": "Zq Model"}, "missing keys"),
        ("a dataset row in the model file", "catalog_models.jsonl",
         {"label": "DATASET", "pattern": "Zq Model", "id": "Zq Model", "source": src}, "label must be"),
    ]


@pytest.mark.parametrize("what,name,row,message", _bad_rows(), ids=[b[0] for b in _bad_rows()])
def test_checker_rejects_bad_catalog_rows(data_copy, what, name, row, message):
    _write(data_copy / name, _rows(data_copy / name) + [row])
    r = run_checker(data_copy)
    assert r.returncode == 1, f"{what} passed the checker"
    assert message in r.stdout


def test_checker_rejects_one_surface_for_two_catalog_ids(data_copy):
    src = "somecatalog==1.0"
    models = _rows(data_copy / "catalog_models.jsonl") + [
        {"label": "MODEL", "pattern": "Zq Shared", "id": "Zq One", "source": src}]
    datasets = _rows(data_copy / "catalog_datasets.jsonl") + [
        {"label": "DATASET", "pattern": "zq shared", "id": "Zq Two", "source": src}]
    _write(data_copy / "catalog_models.jsonl", models)
    _write(data_copy / "catalog_datasets.jsonl", datasets)
    r = run_checker(data_copy)
    assert r.returncode == 1 and "maps to ('DATASET', 'Zq Two') but also to ('MODEL', 'Zq One')" in r.stdout


def test_checker_rejects_two_catalog_ids_for_one_name_up_to_punctuation(data_copy):
    src = "somecatalog==1.0"
    rows = _rows(data_copy / "catalog_datasets.jsonl") + [
        {"label": "DATASET", "pattern": "Zq-Set 9", "id": "Zq-Set 9", "source": src},
        {"label": "DATASET", "pattern": "ZqSet9", "id": "ZqSet9", "source": src},
    ]
    _write(data_copy / "catalog_datasets.jsonl", rows)
    r = run_checker(data_copy)
    assert r.returncode == 1 and "is the same name as a pattern of" in r.stdout


def test_checker_rejects_an_unsorted_stop_list_section(data_copy):
    path = data_copy / "catalog_stoplist.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a section\nzzz\naaa\n", encoding="utf-8")
    r = run_checker(data_copy)
    assert r.returncode == 1 and "'aaa' is not sorted within its section" in r.stdout


def test_checker_rejects_unsorted_catalog(data_copy):
    path = data_copy / "catalog_datasets.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[1:] + lines[:1]), encoding="utf-8")
    r = run_checker(data_copy)
    assert r.returncode == 1 and "not sorted" in r.stdout


# --- the runtime loads the catalogs after the curated files --------------------------------


def test_gazetteer_matches_catalog_names_and_curated_names_win():
    from kg.extract.nlp import _squash, gazetteer, get_nlp

    gaz = gazetteer()
    nlp = get_nlp()
    curated = {}
    for name in ("models.jsonl", "datasets.jsonl"):
        for r in _rows(DATA / name):
            curated.setdefault(_squash(r["pattern"]), (r["label"], r["id"]))
            curated.setdefault(_squash(r["id"]), (r["label"], r["id"]))
    for name in ("catalog_models.jsonl", "catalog_datasets.jsonl"):
        rows = _rows(DATA / name)
        # Every catalog line is matched in text to its id (first, middle and last line).
        for r in (rows[0], rows[len(rows) // 2], rows[-1]):
            doc = nlp.tokenizer(f"We use {r['pattern']} here.")
            hits = {(h.label, h.id) for h in gaz(doc) if doc[h.start : h.end].text == r["pattern"]}
            assert (r["label"], r["id"]) in hits, r
        # A name known to the curated files keeps its curated id and label.
        for r in rows:
            key = _squash(r["pattern"])
            if key in curated:
                assert gaz.known(r["pattern"]) == curated[key]


# --- the build script ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def build():
    path = ROOT / "scripts" / "build-gazetteers"
    loader = importlib.machinery.SourceFileLoader("build_gazetteers", str(path))
    spec = importlib.util.spec_from_loader("build_gazetteers", loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteers"] = module  # dataclasses look their module up there
    loader.exec_module(module)
    return module


@pytest.mark.parametrize("name,doc,family,expected", [
    ("squad", "The Stanford Question Answering Dataset (SQuAD) is ...", False, "SQuAD"),
    ("imdb_reviews", "Large Movie Review Dataset.", False, None),  # the docs never write it
    ("cifar10", "from the CIFAR-10 page; cifar10 in code", False, "CIFAR-10"),
    ("convnext_tiny_in22k", "ConvNeXt\n\nPapers: A ConvNet for the 2020s", True, "ConvNeXt"),
    ("resnet50", "ResNet / ResNeXt models", True, "ResNet-50"),
    ("efficientnet_b0", "EfficientNet, MobileNetV3, etc", True, "EfficientNet"),
    ("resnet50d", "ResNet models", True, None),  # a tweak, not a depth the docs name
    ("vit_base_patch16_224", "vision transformer code", True, None),  # only lower-case forms
])
def test_find_display_uses_the_documentations_casing(build, name, doc, family, expected):
    assert build.find_display(name, build.casings(doc), family=family) == expected


@pytest.mark.parametrize("raw,expected", [
    ("The Food-101 Data Set", "Food-101"),
    ("MS Coco Detection", "MS Coco"),
    ("🇳🇴 NorEval", "NorEval"),
    ("Generic Kinetics", "Kinetics"),
    ("TMMLU+", "TMMLU+"),
])
def test_tidy_strips_registry_wrapping(build, raw, expected):
    assert build.tidy(raw) == expected


@pytest.mark.parametrize("title,display,aliases", [
    ("Describable Textures Dataset (DTD)", "Describable Textures Dataset (DTD)", ()),  # tidy runs first in readers
    ("Catalan Bias Benchmark for Question Answering (CaBBQ)", "CaBBQ", ("Catalan Bias Benchmark for Question Answering",)),
    ("MSMARCO (passage)", "MSMARCO", ()),
    ("C-Eval (Validation)", "C-Eval", ()),
])
def test_long_forms_and_qualifiers(build, title, display, aliases):
    c = build._with_long_form(title, "DATASET", "x")
    if title.startswith("Describable"):
        c = build._with_long_form(build.tidy("Describable Textures Dataset (DTD)"), "DATASET", "x")
        assert (c.display, c.aliases) == ("DTD", ("Describable Textures Dataset",))
    else:
        assert (c.display, c.aliases) == (display, aliases)


@pytest.mark.parametrize("name,expected", [
    ("CORD-19", {"CORD-19", "CORD 19", "CORD19"}),
    ("Gemma2", {"Gemma2", "Gemma 2", "Gemma-2"}),
    ("PVTv2", {"PVTv2"}),  # a version mark stays glued
    ("Squad-completion", {"Squad-completion"}),
    ("Touché", {"Touché", "Touche"}),
    ("Natural Questions", {"Natural Questions", "Natural-Questions"}),
])
def test_variants(build, name, expected):
    assert build.variants(name) == expected


@pytest.fixture(scope="module")
def filters(build):
    pytest.importorskip("wordfreq", reason="the catalogs dev extra is not installed")
    return build.Filters({"stopped name"}, {"cnn"})


@pytest.mark.parametrize("surface,why", [
    ("Stopped Name", "stop list"),
    ("CNN", "generic term"),
    ("T5", "too short"),
    ("GIT", "three-letter acronym"),
    ("Amazon", "everyday word"),
    ("MixNet S", "a one-letter word"),
    ("Peptides-func", None),
    ("HellaSwag", None),
])
def test_filters_say_why_a_surface_is_dropped(filters, surface, why):
    assert filters.why_not(surface) == why


@pytest.mark.parametrize("surface,exact", [
    ("Whisper", True),  # an English word: only in its own casing
    ("Funnel Transformer", True),
    ("ViLT", True),  # short and cased
    ("HellaSwag", False),
    ("ogbn-arxiv", False),
])
def test_exact_case_for_everyday_words(filters, surface, exact):
    assert filters.exact(surface) is exact


def _wheel(tmp_path: Path, files: dict[str, str]) -> Path:
    path = tmp_path / "fake-0.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as z:
        for name, text in sorted(files.items()):
            z.writestr(name, text)
    return path


def test_read_transformers_takes_display_names_not_class_names(build, tmp_path):
    src = (
        "from collections import OrderedDict\n"
        "MODEL_NAMES_MAPPING = OrderedDict([\n"
        "    ('xlm-roberta', 'XLM-RoBERTa'), ('gemma3_text', 'Gemma3ForCausalLM'),\n"
        "    ('clip_vision_model', 'CLIPVisionModel'), ('qwen2_5_vl', 'Qwen2_5_VL'),\n"
        "    ('speech-encoder-decoder', 'Speech Encoder decoder'), ('whisper', 'Whisper'), ('mamba2', 'mamba2'),\n"
        "])\n"
    )
    w = build.Wheel(_wheel(tmp_path, {"transformers/models/auto/configuration_auto.py": src}))
    assert [c.display for c in build.read_transformers(w)] == ["XLM-RoBERTa", "Whisper"]


def test_read_pyg_takes_name_shaped_classes_and_name_choices(build, tmp_path):
    src = '''
class Planetoid:
    r"""The citation network datasets from the paper.

    Args:
        root (str): Root directory where the dataset should be saved.
        name (str): The name of the dataset (:obj:`"Cora"`, :obj:`"CiteSeer"`,
            :obj:`"ogbn-arxiv"`).
        split (str, optional): :obj:`"public"` or :obj:`"Full"`.
    """

class QM9:
    """The QM9 dataset."""

class TUDataset:
    """A variety of graph kernel benchmark datasets."""

class StochasticBlockModelDataset:
    """A synthetic dataset."""

class FB15k_237:
    """The FB15K237 dataset."""
'''
    w = build.Wheel(_wheel(tmp_path, {"torch_geometric/datasets/planetoid.py": src}))
    found = build.read_pyg(w)
    assert sorted(c.display for c in found if not c.type_only) == ["CiteSeer", "FB15k-237", "QM9", "ogbn-arxiv"]
    # A plain word among the choices is kept as evidence of its type only.
    assert [c.display for c in found if c.type_only] == ["Cora"]


def test_a_name_typed_differently_by_two_catalogs_is_left_out(build, filters):
    C = build.Candidate
    rows, stats = build.build(
        [C("MODEL", "Zqameleon", "transformers"), C("DATASET", "zqameleon", "torch-geometric", type_only=True),
         C("MODEL", "Zqorilla", "transformers")],
        filters,
        {key: f"{key}==1" for key in build.READERS},
    )
    assert {r["id"] for r in rows} == {"Zqorilla"}
    assert stats["model in one catalog, dataset in another"] == {"Zqameleon"}


def test_build_lets_curated_names_win_and_drops_shared_surfaces(build, filters):
    curated = _first_curated("datasets.jsonl")
    C = build.Candidate
    rows, stats = build.build(
        [
            C("DATASET", curated["id"].upper(), "lm-eval"),  # the curated name again: nothing new
            C("MODEL", curated["id"], "transformers"),  # a curated dataset offered as a model: dropped
            C("DATASET", "Zq-Bench", "lm-eval"),
            C("MODEL", "Zq Bench", "transformers"),  # same surface as a model: ambiguous
            C("DATASET", "Stopped Name", "lm-eval"),
            C("DATASET", "QxCorpus7", "mteb"),
        ],
        filters,
        {key: f"{key}==1" for key in build.READERS},
    )
    assert curated["id"] in stats["curated label differs"]
    # The curated name is joined, never given a second id; only its new variants are added.
    folds = {r["pattern"].casefold() for r in _rows(DATA / "datasets.jsonl")}
    for r in rows:
        if r["id"] == curated["id"]:
            assert r["label"] == "DATASET" and r["pattern"].casefold() not in folds
    assert {r["id"] for r in rows} - {curated["id"]} == {"QxCorpus7"}
    assert {r["pattern"] for r in rows if r["id"] == "QxCorpus7"} == {"QxCorpus7", "QxCorpus 7", "QxCorpus-7"}
    assert all(r["source"] == "mteb==1" for r in rows if r["id"] == "QxCorpus7")
    assert stats["model in one catalog, dataset in another"] == {"Zq-Bench", "Zq Bench"}


def test_read_pykeen_folds_sizes_and_keeps_other_datasets_apart(build, tmp_path):
    datasets = '''
class CoDExSmall:
    """The CoDEx small dataset.

    ---
    name: CoDEx (small)
    """

class WN18RR:
    """The WN18-RR dataset.

    ---
    name: WordNet-18 (RR)
    """
'''
    models = '''
class TransE:
    """An implementation of TransE [bordes2013]_."""

class DistMultLiteral:
    """An implementation of the LiteralE model with the DistMult interaction."""
'''
    w = build.Wheel(_wheel(tmp_path, {"pykeen/datasets/codex.py": datasets, "pykeen/models/unimodal/trans_e.py": models}))
    found = sorted((c.label, c.display) for c in build.read_pykeen(w))
    assert found == [("DATASET", "CoDEx"), ("DATASET", "WN18RR"), ("MODEL", "TransE")]


def test_read_ir_datasets_and_lm_eval_titles(build, tmp_path):
    files = {
        "ir_datasets/docs/hc4.yaml": "_:\n  pretty_name: 'HC4 (HLTCOE CLIR Common-Crawl Collection)'\n  desc: 'x'\n",
        "ir_datasets/docs/msmarco-passage.yaml": "_:\n  pretty_name: 'MSMARCO (passage)'\n",
        "lm_eval/tasks/mmlu_pro/README.md": "# mmlu_pro\n\nMMLU-Pro is a harder MMLU.\n",
        "lm_eval/tasks/c4/README.md": "# Colossal Clean Crawled Corpus(C4)\n",
        "lm_eval/tasks/misc/README.md": "# inverse_scaling\n\nno cased form here\n",
    }
    w = build.Wheel(_wheel(tmp_path, files))
    ir = sorted((c.display, c.aliases) for c in build.read_ir_datasets(w))
    # A parenthesis after the name qualifies it (or expands it): the name is what stays.
    assert ir == [("HC4", ()), ("MSMARCO", ())]
    # Lower-case identifiers as titles take the README's casing, or are dropped.
    assert sorted(c.display for c in build.read_lm_eval(w)) == ["Colossal Clean Crawled Corpus", "MMLU-Pro"]


def test_read_mteb_strips_task_suffixes_and_needs_the_descriptions_casing(build, tmp_path):
    src = '''
a = TaskMetadata(name="SciFactRetrieval.v2", type="Retrieval", description="SciFact verifies claims.")
b = TaskMetadata(name="Banking77Classification", type="Classification", description="Online banking queries.")
c = TaskMetadata(name="TamilNewsClassification", type="Classification", description="Tamil news articles.")
d = TaskMetadata(name="FiQA-PL", type="Retrieval", description="FiQA-PL is a Polish translation.")
'''
    w = build.Wheel(_wheel(tmp_path, {"mteb/tasks/retrieval/eng/x.py": src}))
    assert sorted(c.display for c in build.read_mteb(w)) == ["FiQA-PL", "SciFact"]


def test_read_torchvision_datasets_take_the_docstring_title(build, tmp_path):
    src = '''
class DTD:
    """`Describable Textures Dataset (DTD) <https://example.org/dtd/>`_.
    """

class CIFAR10:
    """`CIFAR10 <https://example.org/cifar.html>`_ Dataset."""

class FakeData:
    """A fake dataset that returns randomly generated images."""
'''
    w = build.Wheel(_wheel(tmp_path, {"torchvision/datasets/dtd.py": src}))
    found = sorted((c.display, c.aliases) for c in build.read_torchvision(w))
    assert found == [("CIFAR10", ()), ("DTD", ("Describable Textures Dataset",))]


def test_read_ogb_takes_master_csv_headers_and_lsc_classes(build, tmp_path):
    files = {
        "ogb/nodeproppred/master.csv": ",ogbn-proteins,ogbn-arxiv\nnum tasks,112,1\n",
        "ogb/lsc/pcqm4mv2.py": "class PCQM4Mv2Dataset:\n    pass\n\nclass PCQM4Mv2Evaluator:\n    pass\n",
    }
    w = build.Wheel(_wheel(tmp_path, files))
    assert sorted(c.display for c in build.read_ogb(w)) == ["PCQM4Mv2", "ogbn-arxiv", "ogbn-proteins"]


def test_read_lm_eval_names_a_suite_s_subtasks_as_its_readme_writes_them(build, tmp_path):
    files = {
        "lm_eval/tasks/super_glue/README.md": "# SuperGLUE\n\nTasks: BoolQ, MultiRC, WiC and AGIEVAL.\n",
        "lm_eval/tasks/super_glue/multirc/default.yaml": "task: multirc\n",
        "lm_eval/tasks/super_glue/wic/default.yaml": "task: wic\n",
        "lm_eval/tasks/super_glue/prompt_1/default.yaml": "task: p\n",   # no name-shaped casing
        "lm_eval/tasks/super_glue/agieval/default.yaml": "task: a\n",    # a task README names it
        "lm_eval/tasks/agieval/README.md": "# AGIEval\n",
    }
    w = build.Wheel(_wheel(tmp_path, files))
    assert sorted(c.display for c in build.read_lm_eval(w)) == ["AGIEval", "MultiRC", "SuperGLUE", "WiC"]


def test_read_flair_takes_the_corpus_name_its_docstring_gives(build, tmp_path):
    src = '''
class BIO_INFER:
    """Original BioInfer corpus.

    More text."""

class JNLPBA:
    """Original corpus of the JNLPBA shared task."""

class NER_GERMAN_MOBIE:
    def __init__(self):
        """Initialize the German MobIE NER dataset."""

class NCBI_DISEASE:
    """Original NCBI disease corpus containing disease annotations."""

class NER_ARABIC_ANER:
    """Initialize a preprocessed version of the Arabic Named Entity Recognition Corpus (ANERCorp)."""

class NEL_ENGLISH_TWEEKI:
    """Initialize Tweeki Entity Linking corpus."""

class NER_ENGLISH_WIKIGOLD:
    """Initialize the wikigold corpus."""

class ColumnCorpus:
    """Instantiates a Corpus from CoNLL column-formatted task data such as CoNLL03 or CoNLL2000."""
'''
    w = build.Wheel(_wheel(tmp_path, {"flair/datasets/sequence_labeling.py": src}))
    # "NCBI disease": a lower-case word before "corpus" is a description; "wikigold" is
    # not written as a name; CamelCase classes are base classes; a leading language goes.
    assert sorted(c.display for c in build.read_flair(w)) == ["ANERCorp", "BioInfer", "JNLPBA", "MobIE NER", "Tweeki"]


def test_read_parlai_takes_display_names_that_stand_on_their_own(build, tmp_path):
    src = """
task_list = [
    {"id": "ConvAI2", "display_name": "ConvAI2", "tags": ["ChitChat"]},
    {"id": "CBT", "display_name": "Children's Book Test (CBT)", "tags": ["Cloze"]},
    {"id": "SNLI", "display_name": "The Stanford Natural Language Inference (SNLI) Corpus", "tags": []},
    {"id": "TicketTalk", "display_name": "TicketTalk (Taskmaster3)", "tags": ["Goal"]},
    {"id": "decanlp", "display_name": "DecaNLP: The Natural Language Decathlon", "tags": []},
    {"id": "safety", "display_name": "Dialogue Safety", "tags": []},
    {"id": "wow", "display_name": "Wizard_of_Wikipedia", "tags": ["ChitChat"]},
    {"id": "integration", "display_name": "IntegrationTests", "tags": ["Debug"]},
    {"id": "x", "display_name": "Chat" + "Bot", "tags": []},
]
"""
    w = build.Wheel(_wheel(tmp_path, {"parlai/tasks/task_list.py": src}))
    got = {c.display: c.aliases for c in build.read_parlai(w)}
    # Descriptions, code ids, test fixtures and computed values are no names.
    assert got == {"ConvAI2": (), "CBT": ("Children's Book Test",), "SNLI": ("The Stanford Natural Language Inference",),
                   "TicketTalk": (), "DecaNLP": ()}


def test_an_unreadable_wheel_is_a_one_line_error(build, tmp_path):
    bad = tmp_path / "broken-1.0-py3-none-any.whl"
    bad.write_bytes(b"not a zip")
    with pytest.raises(SystemExit) as exc:
        build.Wheel(bad)
    assert "is not a readable wheel" in str(exc.value) and "\n" not in str(exc.value)


def test_script_help_runs(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "build-gazetteers"), "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "Example:" in r.stdout


def test_read_transformers5_names_types_as_their_checkpoints_write_them(build, tmp_path):
    files = {
        "transformers/models/deepseek_v4/configuration_deepseek_v4.py":
            '@auto_docstring(checkpoint="deepseek-ai/DeepSeek-V4-Flash-Base")\nclass DeepseekV4Config: ...\n',
        "transformers/models/gemma4/configuration_gemma4.py":
            '@auto_docstring(checkpoint="google/gemma-4-e2b-it")\nclass Gemma4Config: ...\n',  # only lower case
        "transformers/models/beam/configuration_beam.py":
            '@auto_docstring(checkpoint="org/Beam-Base")\nclass BeamConfig: ...\n',  # a plain word
    }
    w = build.Wheel(_wheel(tmp_path, files))
    assert [c.display for c in build.read_transformers5(w)] == ["DeepSeek-V4"]
