"""rules.table_labels: a one-word name in the cell after a row's title labels its model."""
from kg.extract.context import build_context
from kg.extract.rules import table_labels
from kg.records import Span


def _found(row: str, title: str):
    a = row.index(title)
    ctx = build_context(row, [Span(0, len(row))], Span(a, a + len(title)))
    return {c.name: c for c in table_labels.find(ctx, [])}


def test_the_cell_after_the_title_labels_the_model():
    got = _found("| Structural Pruning for Diffusion Models  |  Diff-Pruning   |  paper |  NeurIPS   |  2023    |",
                 "Structural Pruning for Diffusion Models")
    assert set(got) == {"Diff-Pruning"} and got["Diff-Pruning"].proposed and got["Diff-Pruning"].label == "MODEL"
    assert set(_found("| Wanda:A Simple and Effective Pruning Approach | Wanda | paper | CVPR | 2023 |",
                      "Wanda:A Simple and Effective Pruning Approach")) == {"Wanda"}


def test_other_cells_are_no_labels():
    title = "AI for Mathematics: Progress, Challenges, and Prospects"
    assert not _found(f"| {title} | Survey | arXiv 2025 |", title)  # the paper's kind
    assert not _found(f"| {title} | Graph Theory, RL | arXiv 2025 |", title)  # several words
    assert not _found(f"| {title} | paper | arXiv | 2025 |", title)  # a link label
    assert not _found(f"| {title} | 2025 | arXiv |", title)
    assert not _found(f"| {title} | Stanford | arXiv |", title)  # an institution
    # the title does not fill its cell: no table row
    assert not _found("| Structural Pruning for Diffusion Models, a study | Wanda | paper |",
                      "Structural Pruning for Diffusion Models")
