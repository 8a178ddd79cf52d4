"""The analytics scripts of examples/ run as users run them (a fresh Python, any working
directory) and print the answers worked out by hand in tests/test_analytics.py."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.graph import build_graph
from kg.stores import networkx_store
from test_analytics import RECORDS  # the small graph with hand-computed answers

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(script: str, *args: str, cwd: Path) -> str:
    r = subprocess.run([sys.executable, str(EXAMPLES / script), *args], cwd=cwd, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("g") / "small.kg.json"
    networkx_store.save(build_graph(RECORDS), path)
    return str(path)


def test_every_example_is_tested():
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == [
        "institution_collaboration.py", "proposed_models_datasets.py", "rising_models.py"]


def test_institution_collaboration_small(small_graph, tmp_path):
    assert run("institution_collaboration.py", small_graph, cwd=tmp_path).splitlines() == [
        "2 collaborating institution pairs; the strongest:",
        "  2 paper(s)  MIT + Stanford",
        "  1 paper(s)  Oxford + Stanford",
        "",
        "Institutions with the most partners:",
        "  Stanford: 2 partner(s): MIT, Oxford",
        "  MIT: 1 partner(s): Stanford",
        "  Oxford: 1 partner(s): Stanford",
    ]


def test_institution_collaboration_seeds(tmp_path):
    out = run("institution_collaboration.py", cwd=tmp_path)  # default input: the repo's seeds/
    # seeds/002: ten pairs on Selective Annotation's five institutions, one on each of seven others.
    assert out.startswith("17 collaborating institution pairs")
    assert ("  University of Washington: 5 partner(s): Allen Institute for AI, Carnegie Mellon University, "
            "Meta AI, Pennsylvania State University, University of Hong Kong") in out.splitlines()


def test_proposed_models_datasets_small(small_graph, tmp_path):
    assert run("proposed_models_datasets.py", small_graph, cwd=tmp_path).splitlines() == [
        "2 proposed model(s); 2 evaluated on a known dataset:",
        "  Alpha: GLUE (1)",
        "  Beta: SQuAD (1)",
    ]


def test_proposed_models_datasets_seeds(tmp_path):
    lines = run("proposed_models_datasets.py", cwd=tmp_path).splitlines()
    assert lines[0].endswith("evaluated on a known dataset:") and all(ln.startswith("  ") for ln in lines[1:])


def test_rising_models_small_with_plot(small_graph, tmp_path):
    out = run("rising_models.py", small_graph, "--plot", "rising.png", cwd=tmp_path)
    assert out.splitlines() == [
        "Models from 01_a.txt to 02_b.txt:",
        "  +1  Beta (0 -> 1)",
        "  +0  Alpha (1 -> 1)",
        "  -1  BERT (2 -> 1)",
        "wrote rising.png",
    ]
    assert (tmp_path / "rising.png").read_bytes()[:4] == b"\x89PNG"


def test_rising_categories_seeds(tmp_path):
    out = run("rising_models.py", "--label", "Category", cwd=tmp_path)
    # Only seeds/002 has categories, so nothing changes from 003 to 004.
    assert out.splitlines()[1:] == ["  +0  CL (0 -> 0)", "  +0  CV (0 -> 0)", "  +0  LG (0 -> 0)"]  # ties by name
