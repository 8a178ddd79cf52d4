"""kg extract, build, resolve and evaluate: digests in, records and graph files out."""
from __future__ import annotations

import os
import sys

import click
import orjson

from kg.cli.common import (
    curation_option,
    echo_curation,
    encoding_option,
    engine_options,
    handle_errors,
    interruptible,
    jobs_option,
    open_output,
    quiet_option,
    rejects_option,
    report_summary,
    write_rejects,
)


# --- extract ----------------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              help="Write here instead of stdout (- is stdout).")
@click.option("--no-evidence", is_flag=True, help="Leave evidence spans out of the JSONL records.")
@rejects_option
@jobs_option
@engine_options
@encoding_option
@quiet_option
@interruptible("the output may be incomplete")
@handle_errors
def extract(paths, fmt, output, no_evidence, rejects, jobs, engine, scheduler, encoding, quiet):
    """Extract one record per paper entry from digest files.

    PATHS are files, folders of .txt/.md/.markdown/.rst files, or - for standard input.

    \b
    Example:
      kg extract seeds/ --format jsonl -o out/seeds.jsonl
      kg extract seeds/002_bfb65bf37921ed7f.txt --format table
      kg extract digests/ --jobs 4 --rejects out/rejects.jsonl -o out/all.jsonl
    """
    from kg.pipeline import Report, extract_documents
    from kg.read import read_file, read_paths

    report = Report()
    single = len(paths) == 1 and not os.path.isdir(paths[0])
    # One file that cannot be read is an error, not a skip.
    docs = [read_file(paths[0], encoding)] if single else read_paths(paths, encoding)
    records = extract_documents(docs, report, jobs, engine=engine, scheduler=scheduler)
    output = None if output == "-" else output
    out = open_output(output) if output else sys.stdout.buffer
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
        write_rejects(report, rejects)
    report_summary(report, quiet)
    if report.entries == 0:
        raise click.ClickException("no paper entries found in the input" + (
            f" ({len(report.files_skipped)} file(s) could not be read)" if report.files_skipped else ""))


# --- build --------------------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "graph_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Graph file (kg node-link JSON). Merged into if it exists; - writes the graph to stdout.")
@rejects_option
@jobs_option
@engine_options
@encoding_option
@curation_option
@quiet_option
@interruptible("the graph file was not changed")
@handle_errors
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
    from kg.resolve.curation import find_curation
    from kg.graph import input_root
    from kg.pipeline import Report, iter_records, merge_into, unresolved_graph
    from kg.stores import networkx_store

    curation = find_curation(curation_file, graph_path)  # a bad file fails before the slow part
    report = Report()
    # Records stream into a graph of this input (none is kept); extraction, the slow
    # part, runs unlocked and only load-merge-save holds the graph file's lock.
    new = unresolved_graph(iter_records(paths, report, encoding, jobs, engine=engine, scheduler=scheduler),
                           input_root(paths))
    if rejects:
        write_rejects(report, rejects)
    if report.entries == 0:
        report_summary(report, quiet)
        raise click.ClickException("no paper entries found in the input; graph not written")
    if graph_path == "-":
        G, before = merge_into(None, new, curation), (0, 0)
        networkx_store.write(G, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        G, before = networkx_store.update(graph_path, lambda old: merge_into(old, new, curation))
    report_summary(report, quiet)
    echo_curation(G.graph.get("curation") if curation else None, quiet)
    if not quiet:
        # A signed change: a curation line that merges or rejects shrinks the graph, and
        # "(+-2)" read as a typo.
        click.echo(f"graph {graph_path}: {G.number_of_nodes()} nodes ({G.number_of_nodes() - before[0]:+d}), "
                   f"{G.number_of_edges()} edges ({G.number_of_edges() - before[1]:+d})", err=True)


# --- resolve ------------------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--report", "show", is_flag=True, default=True, help="List every merge made and why (the default).")
@click.option("--all", "include_identity", is_flag=True, help="Also list names kept exactly as written.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--curation", "curation_file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Also build the graph of PATHS and show what each line of this curation file did "
                   "(applied, in effect, or not applied and why).")
@encoding_option
@handle_errors
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

    from kg.resolve.curation import load_curation
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


@click.command()
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("pred", type=click.Path(dir_okay=False))
@click.option("--aliases", type=click.Path(dir_okay=False), default=None,
              help="Alias table (JSON: canonical → [aliases]); default aliases.json beside GOLD.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
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
