"""The ``kg`` command line: a thin skin over the library (no logic lives here).

Every library error (:class:`kg.errors.KgError`) becomes ``Error: …`` on stderr with
exit code 1; usage errors exit 2 (click's default).
"""
from __future__ import annotations

import functools
import logging
import os
import sys

import click
import orjson

import kg


from kg.cli_common import handle_errors as _handle_errors  # noqa: E402  (shared by every command module)
from kg.cli_common import curation_option as _curation_option, echo_curation as _echo_curation  # noqa: E402


def _encoding_option(f):
    return click.option("--encoding", default=None, metavar="NAME",
                        help="Decode inputs with this encoding instead of detecting it (e.g. gb18030).")(f)


def _quiet_option(f):
    return click.option("-q", "--quiet", is_flag=True, help="Do not print the run summary on stderr.")(f)


def _report_summary(report, quiet: bool) -> None:
    if quiet:
        return
    for s in report.files_skipped:
        click.echo(f"skipped {s.path}: {s.reason}", err=True)
    click.echo(report.summary(), err=True)


class _Group(click.Group):
    def list_commands(self, ctx):  # keep the pipeline order in --help, not alphabetical
        return list(self.commands)

    def invoke(self, ctx):
        # Ctrl-C in any command: one line and exit 130 (128 + SIGINT, what shells
        # report), not click's "Aborted!" with status 1. extract and build say more.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("kg: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(kg.__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) on stderr.")
def cli(verbose: int) -> None:
    """kg — knowledge graphs of AI papers, authors, institutions, models and datasets.

    \b
    Typical session:
      kg extract seeds/ --format table
      kg build seeds/ -o out/seeds.kg.json
      kg stats out/seeds.kg.json
      kg export out/seeds.kg.json --format html -o visualizations/full.html
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


# --- extract ----------------------------------------------------------------------------


def _interruptible(message: str):
    """Ctrl-C ends the command with one line on stderr and exit code 130 (128 + SIGINT,
    what shells report), not click's "Aborted!" with status 1 or a traceback."""

    def deco(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            try:
                return f(*args, **kwargs)
            except KeyboardInterrupt:
                click.echo(f"kg: interrupted; {message}", err=True)
                sys.exit(130)

        return wrapper

    return deco


def _jobs_option(f):
    return click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
                        help="Extract on N processes (0: one per CPU); the output is the same for any N.")(f)


def _engine_options(f):
    f = click.option("--scheduler", metavar="ADDRESS",
                     help="With --engine dask: the scheduler (tcp://host:8786); without it a local "
                          "cluster of --jobs workers is started for the run.")(f)
    return click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                        help="Where extraction runs: this machine's processes, or a Dask cluster "
                             "(pip install 'kg[dask]'); the output is the same.")(f)


def _rejects_option(f):
    return click.option("--rejects", type=click.Path(dir_okay=False, writable=True),
                        help="Write every line that went into no entry, and every file that was not read, "
                             "with the reason, to this JSONL file.")(f)


def _write_rejects(report, path: str) -> None:
    """One JSON object per rejected line (``file``, ``line``, ``reason``, ``text``), and per
    unreadable file (``line`` null, listed first); lines sorted by file and line."""
    with open(path, "wb") as f:
        for s in report.files_skipped:
            f.write(orjson.dumps({"file": s.path, "line": None, "reason": s.reason, "text": ""}) + b"\n")
        for u in sorted(report.unassigned + report.ignored + report.failed, key=lambda u: (u.file, u.line)):
            f.write(orjson.dumps({"file": u.file, "line": u.line, "reason": u.reason, "text": u.text}) + b"\n")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              help="Write here instead of stdout (- is stdout).")
@click.option("--no-evidence", is_flag=True, help="Leave evidence spans out of the JSONL records.")
@_rejects_option
@_jobs_option
@_engine_options
@_encoding_option
@_quiet_option
@_interruptible("the output may be incomplete")
@_handle_errors
def extract(paths, fmt, output, no_evidence, rejects, jobs, engine, scheduler, encoding, quiet):
    """Extract one record per paper entry from digest files.

    PATHS are files, folders of .txt/.md/.markdown/.rst files, or - for standard input.

    \b
    Example:
      kg extract seeds/ --format jsonl -o out/seeds.jsonl
      kg extract seeds/002_bfb65bf37921ed7f.txt --format table
      kg extract digests/ --jobs 4 --rejects out/rejects.jsonl -o out/all.jsonl
    """
    from kg.parallel import extract_documents
    from kg.pipeline import Report
    from kg.read import read_file, read_paths

    report = Report()
    single = len(paths) == 1 and not os.path.isdir(paths[0])
    # One file that cannot be read is an error, not a skip.
    docs = [read_file(paths[0], encoding)] if single else read_paths(paths, encoding)
    records = extract_documents(docs, report, jobs, engine=engine, scheduler=scheduler)
    output = None if output == "-" else output
    out = open(output, "wb") if output else sys.stdout.buffer
    try:
        if fmt == "jsonl":
            for r in records:
                out.write(orjson.dumps(r.to_dict(evidence=not no_evidence)) + b"\n")
        else:
            from kg.report import records_table

            recs = list(records)
            text = records_table(recs)
            out.write(text.encode("utf-8"))
    finally:
        if output:
            out.close()
        else:
            out.flush()
    if rejects:
        _write_rejects(report, rejects)
    _report_summary(report, quiet)
    if report.entries == 0:
        raise click.ClickException("no paper entries found in the input" + (
            f" ({len(report.files_skipped)} file(s) could not be read)" if report.files_skipped else ""))


# --- build --------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "graph_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Graph file (kg node-link JSON). Merged into if it exists; - writes the graph to stdout.")
@_rejects_option
@_jobs_option
@_engine_options
@_encoding_option
@_curation_option
@_quiet_option
@_interruptible("the graph file was not changed")
@_handle_errors
def build(paths, graph_path, rejects, jobs, engine, scheduler, encoding, curation_file, quiet):
    """Extract PATHS and write (or merge into) a graph file.

    Building the same input twice changes nothing; a new digest adds only what is new.

    \b
    Example:
      kg build seeds/ -o out/seeds.kg.json
      kg build digests/ -o out/all.kg.json --jobs 4 --rejects out/rejects.jsonl
      kg build arxiv/ -o out/arxiv.kg.json --engine dask --scheduler tcp://dask-scheduler:8786
      kg build seeds/ -o out/seeds.kg.json --curation my.curation.yaml
    """
    from kg.curation import find_curation
    from kg.parallel import iter_records
    from kg.graph import input_root
    from kg.pipeline import Report, merge_into, unresolved_graph
    from kg.stores import networkx_store

    curation = find_curation(curation_file, graph_path)  # a bad file fails before the slow part
    report = Report()
    # Records stream into a graph of this input (none is kept); extraction, the slow
    # part, runs unlocked and only load-merge-save holds the graph file's lock.
    new = unresolved_graph(iter_records(paths, report, encoding, jobs, engine=engine, scheduler=scheduler),
                           input_root(paths))
    if rejects:
        _write_rejects(report, rejects)
    if report.entries == 0:
        _report_summary(report, quiet)
        raise click.ClickException("no paper entries found in the input; graph not written")
    if graph_path == "-":
        G, before = merge_into(None, new, curation), (0, 0)
        sys.stdout.buffer.write(networkx_store.dumps(G))
        sys.stdout.buffer.flush()
    else:
        G, before = networkx_store.update(graph_path, lambda old: merge_into(old, new, curation))
    _report_summary(report, quiet)
    _echo_curation(G.graph.get("curation") if curation else None, quiet)
    if not quiet:
        click.echo(f"graph {graph_path}: {G.number_of_nodes()} nodes (+{G.number_of_nodes() - before[0]}), "
                   f"{G.number_of_edges()} edges (+{G.number_of_edges() - before[1]})", err=True)


# --- stats --------------------------------------------------------------------------------


@cli.command()
@click.argument("graph", type=click.Path(dir_okay=False), required=False)
@click.option("--top", "k", default=5, show_default=True, help="How many top entities per type.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--neo4j", "from_neo4j", is_flag=True, help="Read the graph in Neo4j (see `kg load`) instead of a file.")
@click.option("--uri", default=None, metavar="URI",
              help="--neo4j: Bolt URI.  [default: $NEO4J_URI or bolt://127.0.0.1:7687]")
@click.option("--user", default=None, metavar="NAME", help="--neo4j: user.  [default: $NEO4J_USERNAME or neo4j]")
@click.option("--password", default=None, metavar="SECRET",
              help="--neo4j: password.  [default: $NEO4J_PASSWORD or kg-password-123]")
@click.option("--database", default=None, metavar="NAME",
              help="--neo4j: database.  [default: $NEO4J_DATABASE or the server's default]")
@_handle_errors
def stats(graph, k, fmt, from_neo4j, uri, user, password, database):
    """Node and edge counts per type, and the top entities, of a graph file or of Neo4j.

    Neo4j gives the same figures as the graph file of the same input.

    \b
    Example:
      kg stats out/seeds.kg.json --top 10
      kg stats --neo4j --uri bolt://127.0.0.1:7687
    """
    from kg.stats import graph_stats
    from kg.stores import networkx_store

    if from_neo4j == (graph is not None):
        raise click.UsageError("give either a GRAPH file or --neo4j")
    if from_neo4j:
        from kg.neo4j import store as neo4j_store

        uri, user, password, database = neo4j_store.connection_settings(uri, user, password, database)
        driver = neo4j_store.connect(uri, user, password, database=database)
        try:
            s = neo4j_store.read_stats(driver, k, database)
        finally:
            driver.close()
    else:
        s = graph_stats(networkx_store.load(graph), k)
    if fmt == "json":
        click.echo(orjson.dumps(s.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    from kg.report import stats_table

    click.echo(stats_table(s), nl=False)


# --- export -------------------------------------------------------------------------------


@cli.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["html", "png", "graphml", "gexf", "json", "vosviewer", "csv"]),
              default="html", show_default=True,
              help="html: interactive map; png: a picture of it (headless Chromium); vosviewer: the map as "
                   "VOSviewer JSON; graphml/gexf/json/csv: the whole graph.")
@click.option("-o", "--output", required=True, type=click.Path(allow_dash=True),
              help="Output file (a folder for csv); - is stdout.")
@click.option("--view", type=click.Choice(["full", "coauthors", "institutions", "models-datasets"]), default="full",
              show_default=True,
              help="map: what to draw (coauthors: authors linked by shared papers; institutions: institutions "
                   "linked by shared papers; models-datasets: models and datasets linked by the papers that "
                   "have both; full: every node and relationship).")
@click.option("--weights", type=click.Choice(["count", "association"]), default="count", show_default=True,
              help="map: link weight: shared papers, or association strength (shared papers over what the "
                   "two nodes' totals predict, as VOSviewer normalises).")
@click.option("--min-papers", default=0, show_default=True, type=click.IntRange(min=0), metavar="N",
              help="map: leave out nodes with fewer than N papers.")
@click.option("--min-weight", default=0.0, show_default=True, type=click.FloatRange(min=0), metavar="W",
              help="map: leave out links whose weight is below W.")
@click.option("--min-degree", default=0, show_default=True, type=click.IntRange(min=0), metavar="K",
              help="map: keep only nodes with at least K links, repeatedly (the K-core).")
@click.option("--resolution", default=1.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="map: cluster resolution (higher: more, smaller clusters).")
@click.option("--focus", default=None, metavar="NAME",
              help="map: draw only the neighbourhood of this node (an id like 'Model:gpt-4', or a name or part of one).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0), help="map: hops around --focus.")
@click.option("--since", default=None, metavar="YYYY-MM[-DD]", help="Only papers (and digests) from this month on.")
@click.option("--until", default=None, metavar="YYYY-MM[-DD]", help="Only papers (and digests) up to this month.")
@click.option("--title", default=None, help="map: page heading (default: after the view).")
@click.option("--color-by", type=click.Choice(["cluster", "type", "time"]), default=None,
              help="html/png: colour nodes by cluster, type, or the mean date of their papers when the page "
                   "opens (default: cluster, or type in a small full view).")
@_curation_option
@_handle_errors
def export(graph, fmt, output, view, weights, min_papers, min_weight, min_degree, resolution, focus, depth, since,
           until, title, color_by, curation_file):
    """Export a graph file as an interactive map (HTML), a picture of it (PNG), VOSviewer
    JSON, GraphML, GEXF, node-link JSON or CSV.

    The HTML map is one self-contained file that works offline: clusters named in the
    legend, links as wide as their weight, a time slider, search, details with links,
    and a button to save the view as PNG or SVG. Maps of more than 5,000 nodes open on
    the map of their clusters. CSV is a folder of files for `neo4j-admin database
    import` with an import.sh beside them.

    \b
    Example:
      kg export out/seeds.kg.json --format html -o visualizations/full.html
      kg export out/seeds.kg.json --view coauthors --min-papers 2 -o coauthors.html
      kg export out/seeds.kg.json --view institutions --weights association -o institutions.html
      kg export out/seeds.kg.json --view coauthors --format png -o coauthors.png
      kg export out/seeds.kg.json --view coauthors --format vosviewer -o coauthors.json
      kg export out/seeds.kg.json --focus "GPT-4" --depth 2 -o gpt4.html
      kg export out/seeds.kg.json --format gexf --since 2023-01 -o out/seeds.gexf
      kg export out/seeds.kg.json --format csv -o out/neo4j-csv/
    """
    from kg.export import PAGE_FORMATS
    from kg.export import export as do_export
    from kg.stores import networkx_store

    map_only = {"--view": view != "full", "--focus": focus is not None, "--depth": depth != 1,
                "--min-degree": min_degree != 0, "--min-papers": min_papers != 0, "--min-weight": min_weight != 0,
                "--weights": weights != "count", "--resolution": resolution != 1.0,
                "--title": title is not None, "--color-by": color_by is not None}
    if fmt not in PAGE_FORMATS and any(map_only.values()):
        used = [k for k, v in map_only.items() if v]
        raise click.UsageError(f"{', '.join(used)} {'applies' if len(used) == 1 else 'apply'} only to "
                               "--format html, png and vosviewer")
    from kg.curation import apply_curation, find_curation

    curation = find_curation(curation_file, graph)
    G = networkx_store.load(graph)
    if curation is not None:  # idempotent: lines the build applied are "in effect"
        G.graph["curation"] = [o.to_dict() for o in apply_curation(G, curation)]
    opts = {}
    if fmt in PAGE_FORMATS:
        opts = {"view": view, "focus": focus, "depth": depth, "min_degree": min_degree, "title": title,
                "min_papers": min_papers, "min_weight": min_weight, "weights": weights, "resolution": resolution,
                "color_by": color_by}
    if output == "-":
        if fmt == "csv":
            raise click.UsageError("--format csv writes a folder of files; give a folder, not -")
        import tempfile

        with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
            for p in do_export(G, fmt, os.path.join(tmp, f"graph.{fmt}"), since=since, until=until, **opts):
                with open(p, "rb") as f:
                    sys.stdout.buffer.write(f.read())
            sys.stdout.buffer.flush()
        return
    for p in do_export(G, fmt, output, since=since, until=until, **opts):
        click.echo(f"wrote {p}", err=True)


# --- resolve ------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--report", "show", is_flag=True, default=True, help="List every merge made and why (the default).")
@click.option("--all", "include_identity", is_flag=True, help="Also list names kept exactly as written.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--curation", "curation_file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Also build the graph of PATHS and show what each line of this curation file did "
                   "(applied, in effect, or not applied and why).")
@_encoding_option
@_handle_errors
def resolve(paths, show, include_identity, fmt, curation_file, encoding):
    """Show how names were resolved: institution aliases, fuzzy fixes, author variants,
    retyped names, and the lines of a curation file.

    \b
    Example:
      kg resolve seeds/ --report
      kg resolve seeds/ --all --format json
      kg resolve seeds/ --curation out/kg.curation.yaml
    """
    from dataclasses import asdict

    from kg.curation import load_curation
    from kg.pipeline import extract_paths
    from kg.resolve import resolution_report

    curation = load_curation(curation_file) if curation_file else None
    rows = resolution_report(extract_paths(paths, encoding=encoding), include_identity=include_identity,
                             curation=curation)
    if fmt == "json":
        click.echo(orjson.dumps([asdict(r) for r in rows], option=orjson.OPT_INDENT_2).decode())
        return
    from kg.report import decisions_table

    click.echo(decisions_table(rows), nl=False)


# --- evaluate -----------------------------------------------------------------------------


@cli.command()
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("pred", type=click.Path(dir_okay=False))
@click.option("--aliases", type=click.Path(dir_okay=False), default=None,
              help="Alias table (JSON: canonical → [aliases]); default aliases.json beside GOLD.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_handle_errors
def evaluate(gold, pred, aliases, fmt):
    """Score extracted records (PRED) against annotated gold records (GOLD).

    Per-field micro precision, recall and F1 under the matching rules of the annotation
    guidelines (case, spaces, hyphens and dots ignored; size variants map to families).

    \b
    Example:
      kg extract seeds/ -o out/pred.jsonl
      kg evaluate tests/data/seeds.jsonl out/pred.jsonl
    """
    from kg.evaluate import evaluate_files

    rep = evaluate_files(gold, pred, aliases)
    if fmt == "json":
        click.echo(orjson.dumps(rep.to_dict(), option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(rep.format_table())


from kg.cli_analyze import analyze
cli.add_command(analyze)

from kg.cli_neo4j import load, neo4j, cypher, query
cli.add_command(load); cli.add_command(neo4j); cli.add_command(cypher); cli.add_command(query)


# --- why --------------------------------------------------------------------------------


@cli.command()
@click.argument("ref", metavar="NAME|NODE-ID")
@click.option("-g", "--graph", required=True, envvar="KG_GRAPH", type=click.Path(dir_okay=False),
              help="Graph file (default: $KG_GRAPH).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_handle_errors
def why(ref, graph, fmt):
    """Show how a node came to be: its mentions (file:line, evidence, rule), the merges
    into it and why, its edges' sources, and the curation lines that touched it.

    \b
    Example:
      kg why T5 -g out/seeds.kg.json
      kg why "Institution:CMU" -g out/seeds.kg.json --format json
    """
    from kg.stores import networkx_store
    from kg.why import explain, explanation_text

    e = explain(networkx_store.load(graph), ref)
    if fmt == "json":
        click.echo(orjson.dumps(e.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    click.echo(explanation_text(e), nl=False)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
