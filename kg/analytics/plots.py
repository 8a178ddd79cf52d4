"""Pictures of rows (rankings, trends, usage) with matplotlib."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from kg.analytics.errors import AnalyticsError
from kg.analytics.rows import Link, Ranked, Score, Trend

# The package's one logger name, as before the split, so log lines keep reading
# "kg.analytics" whichever module writes them.
log = logging.getLogger("kg.analytics")


# matplotlib's object API with the Agg canvas: no pyplot, so no global backend switch
# and no window, whatever the caller's matplotlib configuration.


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=120, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _save(fig, path: str | os.PathLike[str]) -> str:
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    try:
        # No "Software" stamp, so the same rows give the same bytes for any matplotlib.
        fig.savefig(path, metadata={"Software": None} if path.lower().endswith(".png") else None)
    except (OSError, ValueError) as e:
        raise AnalyticsError(f"{path}: cannot write the picture ({e})") from None
    log.info("wrote %s", path)
    return path


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def plot_ranking(rows: Sequence[Ranked | Score], path: str | os.PathLike[str], title: str | None = None) -> str:
    """A horizontal bar chart of :func:`top` or :func:`centrality` rows (grouped rows
    are labelled ``group · name``); returns the path written."""
    if not rows:
        raise AnalyticsError("nothing to plot: no rows")
    names = [(f"{r.group} · " if getattr(r, "group", None) else "") + _short(r.name) for r in rows]
    values = [r.papers if isinstance(r, Ranked) else r.score for r in rows]
    fig = _figure(8, 1.2 + 0.32 * len(rows))
    ax = fig.add_subplot()
    ax.barh(range(len(rows)), values, color="#4C72B0")
    ax.set_yticks(range(len(rows)), names)
    ax.invert_yaxis()  # rank 1 on top
    first = rows[0]
    ax.set_xlabel("papers" if isinstance(first, Ranked) else f"{first.measure} centrality")
    if isinstance(first, Ranked):
        ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title or (f"Top {first.label.lower()}s" if isinstance(first, Ranked) else "Centrality"))
    return _save(fig, path)


def plot_trends(rows: Sequence[Trend], path: str | os.PathLike[str], title: str | None = None) -> str:
    """Papers per digest of :func:`trends` rows, one line per entity."""
    if not rows:
        raise AnalyticsError("nothing to plot: no rows")
    keys = list(rows[0].counts)
    fig = _figure(9, 5)
    ax = fig.add_subplot()
    for r in rows:
        ax.plot(range(len(keys)), [r.counts[d] for d in keys], marker="o", label=f"{_short(r.name, 30)} ({r.delta:+d})")
    # Digest file names start with their sequence number; the hash after it is noise here.
    ax.set_xticks(range(len(keys)), [d.split("_", 1)[0] for d in keys])
    ax.set_xlabel("digest")
    ax.set_ylabel("papers")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_title(title or f"{rows[0].label}s per digest (change {rows[0].before.split('_')[0]} → {rows[0].after.split('_')[0]})")
    return _save(fig, path)


def plot_usage(rows: Sequence[Link], path: str | os.PathLike[str], title: str | None = None) -> str:
    """A model x dataset heat map of :func:`usage` rows (cell = papers with both)."""
    if not rows:
        raise AnalyticsError("nothing to plot: no model is linked to a dataset")
    models = sorted({r.source for r in rows}, key=lambda m: (-sum(r.weight for r in rows if r.source == m), m))
    datasets = sorted({r.target for r in rows}, key=lambda d: (-sum(r.weight for r in rows if r.target == d), d))
    cell = {(r.source, r.target): r.weight for r in rows}
    grid = [[cell.get((m, d), 0) for d in datasets] for m in models]
    fig = _figure(max(6.0, 3.5 + 0.45 * len(datasets)), max(4.0, 2.5 + 0.35 * len(models)))
    ax = fig.add_subplot()
    image = ax.imshow(grid, cmap="Blues", vmin=0, aspect="auto")
    ax.set_xticks(range(len(datasets)), [_short(d, 25) for d in datasets], rotation=45, ha="right")
    ax.set_yticks(range(len(models)), [_short(m, 30) for m in models])
    top_value = max(max(row) for row in grid)
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            if v:
                ax.text(j, i, str(v), ha="center", va="center", color="white" if v > top_value / 2 else "black")
    from matplotlib.ticker import MaxNLocator

    fig.colorbar(image, ax=ax, label="papers", ticks=MaxNLocator(integer=True))
    ax.set_xlabel("dataset")
    ax.set_ylabel("model")
    ax.set_title(title or "Which model on which dataset")
    return _save(fig, path)
