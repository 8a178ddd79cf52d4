"""``kg analyze GRAPH <question>``: the analytics of :mod:`kg.analytics` on a graph file.

A thin skin: each subcommand calls one library function and formats its rows, as a
table for people (``--format table``, the default), or JSON / CSV for pipes.
``--plot FILE.png`` also draws a picture where one says more (rankings, trends, the
model x dataset heat map). Library errors become ``Error: ...`` and exit code 1.
"""
from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Callable, Sequence

import click
import orjson
from rich.table import Table

from kg import analytics as A
from kg.graph import NODE_LABELS

__all__ = ["analyze"]

# Long paper titles (or abstracts standing in for them) are cut to this many characters
# in tables; JSON and CSV always carry the full names.
_CELL = 60
# A community lists at most this many members in a table.
_MEMBERS = 12


from kg.cli.common import handle_errors as _handle_errors  # noqa: E402


def _load(ctx: click.Context):
    return load_lean(ctx.obj)


# What kg.analytics reads of a graph: the label, key and name of each node and the type
# (key) of each edge. Evidence, sources and the other properties are most of a graph
# file's bytes and of its graph's memory (a 100k-entry graph: 2.3 GiB and 19 s loaded
# whole, a third of that lean), so ``kg analyze`` leaves them out.
_NODE_FIELDS = ("label", "key", "name")


def load_lean(path: str):
    """The graph file at ``path`` with only what analytics reads (``_NODE_FIELDS``, no edge
    properties): same nodes, edges and order as a full load, so every answer is the same,
    in a fraction of the memory."""
    from kg.stores import networkx_store

    return networkx_store.load(path, node_fields=_NODE_FIELDS, edge_data=False)


# --- shared options -------------------------------------------------------------------


def _format_option(f):
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                        show_default=True, help="table for people, json or csv for pipes.")(f)


def _k_option(default: int | None):
    return click.option("-k", "--top", "k", type=click.IntRange(min=1), default=default, show_default=default is not None,
                        help="How many rows." + ("" if default is not None else " [default: all]"))


def _of_option(default: str):
    return click.option("--of", "of", type=click.Choice(A.PROJECTIONS), default=default, show_default=True,
                        help="Projection: entities (all but digests and categories), coauthors, institutions, "
                             "usage (model-dataset) or papers (shared entities).")


def _community_options(f):
    f = click.option("--resolution", type=float, default=1.0, show_default=True,
                     help="Modularity resolution: above 1 gives more, smaller communities.")(f)
    f = click.option("--seed", type=int, default=A.SEED, show_default=True, help="Random seed of the detection.")(f)
    f = click.option("--method", type=click.Choice(A.METHODS), default="auto", show_default=True,
                     help="auto and leiden: Leiden (igraph); louvain: networkx's Louvain.")(f)
    return f


def _plot_option(f):
    return click.option("--plot", "plot", type=click.Path(dir_okay=False, writable=True), default=None,
                        metavar="FILE.png", help="Also draw the answer as a picture.")(f)


def _question(plot: bool = False):
    """What every question has below its own options: ``--format`` (and ``--plot`` where a
    picture says more), the context that holds the graph's path, and library errors as
    one ``Error:`` line."""

    def deco(f):
        f = click.pass_context(_handle_errors(f))
        return _format_option(_plot_option(f) if plot else f)

    return deco


def _label_option(default: str, labels: Sequence[str] = ("Author", "Institution", "Model", "Dataset", "Category")):
    return click.option("--label", type=click.Choice(labels), default=default, show_default=True,
                        help="Which entities to rank.")


def _role_option(f):
    return click.option("--role", type=click.Choice(A.ROLES), default="any", show_default=True,
                        help="Models/datasets: proposed (PROPOSES/INTRODUCES) or used (USES/EVALUATES_ON).")(f)


# --- output ---------------------------------------------------------------------------


def _cut(s: str, n: int = _CELL) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _flat(row) -> dict:
    """A row as one CSV record: tuples joined with "; ", dicts spread into columns."""
    out = {}
    for k, v in dataclasses.asdict(row).items():
        if isinstance(v, dict):
            out.update({f"{k}:{kk}": vv for kk, vv in v.items()})
        elif isinstance(v, (list, tuple)):
            out[k] = "; ".join(str(x) for x in v)
        else:
            out[k] = v
    return out


def _emit(rows: Sequence, fmt: str, cls: type, table: Callable[[], Table]) -> None:
    if fmt == "json":
        click.echo(orjson.dumps([dataclasses.asdict(r) for r in rows], option=orjson.OPT_INDENT_2).decode())
    elif fmt == "csv":
        records = [_flat(r) for r in rows]
        header = list(records[0]) if records else [f.name for f in dataclasses.fields(cls)]
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(records)
        click.echo(buf.getvalue(), nl=False)
    else:
        from kg.report import render

        click.echo(render(table()), nl=False)


def _table(title: str, columns: Sequence[tuple[str, dict]], rows: Sequence[Sequence[str]], caption: str | None = None) -> Table:
    t = Table(title=title, caption=caption or (None if rows else "no rows"))
    for name, kw in columns:
        t.add_column(name, **kw)
    for r in rows:
        t.add_row(*r)
    return t


_NUM = {"justify": "right", "no_wrap": True}
_PLURAL = {"Category": "categories"}


def _plural(label: str) -> str:
    return _PLURAL.get(label, label.lower() + "s")


def _digest_short(key: str) -> str:
    """Digest file names start with their sequence number; the hash after it is noise."""
    return key.split("_", 1)[0]


def _links_table(rows: Sequence[A.Link], title: str, a: str, b: str) -> Table:
    return _table(title, [(a, {}), (b, {}), ("papers", _NUM), ("shared papers", {"ratio": 2})],
                  [(r.source, r.target, str(r.weight), "\n".join(_cut(v) for v in r.via)) for r in rows])


def _plotted(path: str | None, fn: Callable[[], str]) -> None:
    if path:
        click.echo(f"wrote {fn()}", err=True)


# --- the group ------------------------------------------------------------------------


class _Group(click.Group):
    def list_commands(self, ctx):  # projections, rankings, structure: not alphabetical
        return list(self.commands)


@click.group(cls=_Group)
@click.argument("graph", type=click.Path(dir_okay=False))
@click.pass_context
def analyze(ctx: click.Context, graph: str) -> None:
    """Analytics of a graph file: who works with whom, what is used most, what rises,
    communities, central nodes and paths.

    \b
    Example:
      kg analyze out/seeds.kg.json coauthors --author "Y Bengio"
      kg analyze out/seeds.kg.json top --label Model --role used --plot top.png
      kg analyze out/seeds.kg.json path "H Su" "W Wang"
    """
    ctx.obj = graph  # read by each subcommand, so `--help` never touches the file


# --- projections ----------------------------------------------------------------------


def _pairs_command(name: str, pairs: Callable, label: str, partner: str, title: str, doc: str) -> None:
    """``kg analyze GRAPH <name> [--<label> X]``: the pairs of ``label`` nodes named on the
    same papers (``pairs``, a :mod:`kg.analytics` function), or only ``X``'s partners."""

    @analyze.command(name, help=doc)
    @click.option(f"--{label}", "focus", default=None, help=f"Only this {label}'s {partner}s (name or node id).")
    @_k_option(20)
    @_question()
    def command(ctx, focus, k, fmt):
        rows = pairs(_load(ctx), k, **{label: focus})
        heading = f"{partner.capitalize()}s of {rows[0].source}" if focus and rows else title
        _emit(rows, fmt, A.Link, lambda: _links_table(rows, heading, label, partner))


_pairs_command("coauthors", A.coauthors, "author", "co-author", "Co-authors", """Co-author pairs, by the number of papers written together.

    \b
    Example:
      kg analyze out/seeds.kg.json coauthors --author "Y Bengio"
    """)
_pairs_command("institutions", A.collaborations, "institution", "partner", "Institution collaborations",
               """Institution pairs named on the same papers (collaborations), most papers first.

    \b
    Example:
      kg analyze out/seeds.kg.json institutions --institution "University of Washington"
    """)


@analyze.command()
@click.option("--model-role", type=click.Choice(A.ROLES), default="any", show_default=True,
              help="proposed: the paper's own model; used: compared with, built on.")
@click.option("--dataset-role", type=click.Choice(A.ROLES), default="any", show_default=True,
              help="proposed: introduced by the paper; used: evaluated on.")
@click.option("--model", default=None, help="Only this model's datasets.")
@click.option("--dataset", default=None, help="Only this dataset's models.")
@_k_option(20)
@_question(plot=True)
def usage(ctx, model_role, dataset_role, model, dataset, k, fmt, plot):
    """Which models are used on which datasets (papers that have both).

    \b
    Example:
      kg analyze out/seeds.kg.json usage --model-role proposed --dataset-role used
      kg analyze out/seeds.kg.json usage -k 50 --plot visualizations/usage.png
    """
    rows = A.usage(_load(ctx), k, model_role=model_role, dataset_role=dataset_role, model=model, dataset=dataset)
    _emit(rows, fmt, A.Link, lambda: _links_table(rows, "Model × dataset usage", "model", "dataset"))
    _plotted(plot, lambda: A.plot_usage(rows, plot))


@analyze.command()
@click.option("--paper", default=None, help="Only papers like this one (title, arXiv id or node id).")
@click.option("--share", "labels", default=",".join(A.SHARED_LABELS), show_default=True,
              help="Comma-separated labels whose shared nodes make papers alike.")
@_k_option(20)
@_question()
def similar(ctx, paper, labels, k, fmt):
    """Paper pairs by shared authors, institutions, models and datasets.

    \b
    Example:
      kg analyze out/seeds.kg.json similar --paper 2209.01232 --share Institution
    """
    rows = A.similar_papers(_load(ctx), k, paper=paper, labels=[x.strip() for x in labels.split(",") if x.strip()])
    _emit(rows, fmt, A.Similarity, lambda: _table(
        "Similar papers", [("paper", {"ratio": 2}), ("similar paper", {"ratio": 2}), ("shared", _NUM),
                           ("jaccard", _NUM), ("shared entities", {"ratio": 1})],
        [(_cut(r.source), _cut(r.target), str(r.shared), f"{r.jaccard:.3f}", ", ".join(r.via)) for r in rows]))


# --- rankings -------------------------------------------------------------------------


@analyze.command()
@_label_option("Model")
@_role_option
@click.option("--by", type=click.Choice(["category", "digest"]), default=None, help="Rank within each category or digest.")
@click.option("--category", default=None, help="Only papers of this category (e.g. LG).")
@click.option("--digest", default=None, help="Only papers of this digest (file name or a prefix, e.g. 002).")
@_k_option(10)
@_question(plot=True)
def top(ctx, label, role, by, category, digest, k, fmt, plot):
    """The entities with the most papers: productive authors and institutions, most
    proposed or used models and datasets.

    \b
    Example:
      kg analyze out/seeds.kg.json top --label Institution
      kg analyze out/seeds.kg.json top --label Model --role used --by category
      kg analyze out/seeds.kg.json top --label Dataset --plot visualizations/top-datasets.png
    """
    rows = A.top(_load(ctx), label, k, role=role, by=by, category=category, digest=digest)
    what = {"any": "", "proposed": "proposed ", "used": "used "}[role]
    scope = "".join(f", {n} {v}" for n, v in (("category", category), ("digest", digest)) if v)
    title = f"Top {what}{_plural(label)} by papers{scope}"
    cols = ([(by, {"no_wrap": True})] if by else []) + [("#", _NUM), (label.lower(), {}), ("papers", _NUM)]
    _emit(rows, fmt, A.Ranked, lambda: _table(
        title, cols, [([r.group or ""] if by else []) + [str(r.rank), r.name, str(r.papers)] for r in rows]))
    _plotted(plot, lambda: A.plot_ranking(rows, plot, title))


@analyze.command()
@_label_option("Model")
@_role_option
@click.option("--between", nargs=2, default=None, metavar="BEFORE AFTER",
              help="Compare these two digests (file names or prefixes); default: the last two.")
@_k_option(10)
@_question(plot=True)
def trends(ctx, label, role, between, k, fmt, plot):
    """Papers per digest (the digests, in file-name order, are the time axis) and what
    rose most between two digests.

    \b
    Example:
      kg analyze out/seeds.kg.json trends --label Model
      kg analyze out/seeds.kg.json trends --label Category --between 001 002
    """
    rows = A.trends(_load(ctx), label, k, role=role, between=tuple(between) if between else None)

    def table() -> Table:
        keys = list(rows[0].counts) if rows else []
        cols = [(label.lower(), {})] + [(_digest_short(d), _NUM) for d in keys] + [("change", _NUM)]
        caption = (f"papers per digest; change = {_digest_short(rows[0].after)} − {_digest_short(rows[0].before)}"
                   if rows else None)
        return _table(f"{_plural(label).capitalize()} over time", cols,
                      [[r.name] + [str(r.counts[d]) for d in keys] + [f"{r.delta:+d}"] for r in rows], caption)

    _emit(rows, fmt, A.Trend, table)
    _plotted(plot, lambda: A.plot_trends(rows, plot))


# --- structure ------------------------------------------------------------------------


def _communities_table(rows: Sequence[A.Community], title: str, min_size: int) -> Table:
    def members(c: A.Community) -> str:
        shown = ", ".join(_cut(m, 40) for m in c.members[:_MEMBERS])
        return shown + (f" … (+{c.size - _MEMBERS})" if c.size > _MEMBERS else "")

    caption = f"size ≥ {min_size}; members most connected first" if rows else None
    return _table(title, [("#", _NUM), ("size", _NUM), ("members", {"ratio": 1})],
                  [(str(c.index), str(c.size), members(c)) for c in rows], caption)


@analyze.command()
@_of_option("coauthors")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True, help="Hide smaller components.")
@_question()
def components(ctx, of, min_size, fmt):
    """Connected components of a projection, largest first.

    \b
    Example:
      kg analyze out/seeds.kg.json components --of institutions
    """
    rows = A.components(_load(ctx), of, min_size=min_size)
    _emit(rows, fmt, A.Community, lambda: _communities_table(rows, f"Connected components ({of})", min_size))


@analyze.command()
@_of_option("entities")
@_community_options
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True, help="Hide smaller communities.")
@_question()
def communities(ctx, of, method, seed, resolution, min_size, fmt):
    """Communities of a projection (Leiden by default, or Louvain; fixed seed).

    \b
    Example:
      kg analyze out/seeds.kg.json communities --of coauthors
      kg analyze out/seeds.kg.json communities --method louvain --seed 7
    """
    rows = A.communities(_load(ctx), of, method=method, seed=seed, resolution=resolution, min_size=min_size)
    used = rows[0].method if rows else method
    _emit(rows, fmt, A.Community, lambda: _communities_table(rows, f"Communities ({of}, {used})", min_size))


@analyze.command()
@_of_option("entities")
@_community_options
@_k_option(20)
@_question()
def bridges(ctx, of, method, seed, resolution, k, fmt):
    """Nodes that link communities (numbered as by `communities` with the same options).

    \b
    Example:
      kg analyze out/seeds.kg.json bridges --of institutions
    """
    rows = A.bridges(_load(ctx), of, k, method=method, seed=seed, resolution=resolution)
    _emit(rows, fmt, A.Bridge, lambda: _table(
        f"Bridges between communities ({of})",
        [("node", {}), ("label", {}), ("community", _NUM), ("links to communities", {}), ("links", _NUM)],
        [(_cut(r.name), r.label, str(r.community), ", ".join(map(str, r.reaches)), str(r.links)) for r in rows]))


@analyze.command()
@click.option("--measure", type=click.Choice(A.MEASURES), default="pagerank", show_default=True)
@_of_option("entities")
@click.option("--label", type=click.Choice(NODE_LABELS), default=None, help="Rank only nodes with this label.")
@_k_option(10)
@_question(plot=True)
def centrality(ctx, measure, of, label, k, fmt, plot):
    """The most central nodes: degree, betweenness or PageRank.

    \b
    Example:
      kg analyze out/seeds.kg.json centrality --measure betweenness --of institutions
      kg analyze out/seeds.kg.json centrality --label Author -k 5
    """
    rows = A.centrality(_load(ctx), measure, of, label=label, k=k)
    title = f"{measure.capitalize()} centrality ({of}{', ' + label if label else ''})"
    _emit(rows, fmt, A.Score, lambda: _table(
        title, [("#", _NUM), ("node", {}), ("label", {}), ("score", _NUM)],
        [(str(r.rank), _cut(r.name), r.label, f"{r.score:.4f}") for r in rows]))
    _plotted(plot, lambda: A.plot_ranking(rows, plot, title))


@analyze.command()
@click.argument("source")
@click.argument("target")
@click.option("--via", default=",".join(A.PATH_LABELS), show_default=True,
              help="Comma-separated labels the path may pass through.")
@_question()
def path(ctx, source, target, via, fmt):
    """A shortest path between two nodes (names or ids) and the papers along it.

    \b
    Example:
      kg analyze out/seeds.kg.json path "H Su" "W Wang"
      kg analyze out/seeds.kg.json path "H Su" "W Wang" --via Paper,Author
    """
    p = A.shortest_path(_load(ctx), source, target, via=[x.strip() for x in via.split(",") if x.strip()])
    if fmt == "json":
        click.echo(orjson.dumps(dataclasses.asdict(p), option=orjson.OPT_INDENT_2).decode())
        return
    if fmt == "csv":
        _emit(p.steps, fmt, A.Step, lambda: None)
        return

    def arrow(s: A.Step) -> str:
        if s.rel is None:
            return ""
        return f"-{s.rel}->" if s.forward else f"<-{s.rel}-"

    caption = f"{p.length} step(s); papers along it: {len(p.papers)}"
    _emit(p.steps, fmt, A.Step, lambda: _table(
        f"Path from {_cut(p.steps[0].name, 40)} to {_cut(p.steps[-1].name, 40)}",
        [("#", _NUM), ("relationship", {"no_wrap": True}), ("node", {}), ("label", {})],
        [(str(i), arrow(s), _cut(s.name, 80), s.label) for i, s in enumerate(p.steps)], caption))
