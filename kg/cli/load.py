"""``kg load``: graph files or digests (or standard input) into Neo4j.

A thin skin over :mod:`kg.neo4j.store` (registered on :mod:`kg.cli`'s group): reads the
inputs, applies curation, loads each graph with a progress bar and reports retries.
"""
from __future__ import annotations

import os
import sys

import click

from kg.cli.common import curation_option, echo_curation
from kg.cli.common import handle_errors as _handle_errors
from kg.cli.neo4j import connect, neo4j_options

__all__ = ["load"]


def _stdin_graph_or_digest(encoding: str | None, quiet: bool):
    """(name, graph) from standard input: a kg graph file if the bytes are one (JSON
    with kg's format name), else a digest, extracted; says which on stderr."""
    import orjson as _orjson

    from kg.pipeline import Report, extract_document, records_to_graph
    from kg.read import read_bytes
    from kg.stores import networkx_store

    data = sys.stdin.buffer.read()
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    parsed = None
    if head.startswith(b"{"):
        try:
            parsed = _orjson.loads(head)
        except _orjson.JSONDecodeError:
            parsed = None
    if isinstance(parsed, dict) and parsed.get("format") == networkx_store.FORMAT_NAME:
        if not quiet:
            click.echo("kg load: standard input is a kg graph file", err=True)
        return "<stdin>", networkx_store.from_data(parsed, "<stdin>")
    if isinstance(parsed, dict | list):
        raise click.ClickException("standard input is JSON but not a kg graph file (no \"format\": "
                                   f"\"{networkx_store.FORMAT_NAME}\"); give a graph file from `kg build` or a digest")
    if not quiet:
        click.echo("kg load: standard input is a digest (text); extracting it", err=True)
    report = Report()
    records = extract_document(read_bytes(data, "<stdin>", encoding), report)
    if not quiet:
        click.echo(report.summary(), err=True)
    if not records:
        raise click.ClickException("no paper entries found in standard input; nothing loaded")
    return "<stdin>", records_to_graph(records)


def _input_graphs(inputs: tuple[str, ...], encoding: str | None, quiet: bool, curation_file: str | None = None):
    """(name, graph) for each graph file given, then one graph built from all digest
    paths; each with its curation applied (``--curation``, else the file beside a graph)."""
    from kg.resolve.curation import apply_curation, find_curation
    from kg.pipeline import Report, extract_paths, records_to_graph
    from kg.stores import networkx_store

    if inputs.count("-") > 1:
        raise click.UsageError("standard input (-) can be read only once")
    if "-" in inputs:
        name, G = _stdin_graph_or_digest(encoding, quiet)
        curation = find_curation(curation_file)
        if curation is not None:
            G.graph["curation"] = [o.to_dict() for o in apply_curation(G, curation)]
            echo_curation(G.graph["curation"], quiet)
        yield name, G
    inputs = tuple(p for p in inputs if p != "-")
    graph_files = [p for p in inputs if p.endswith(".json") and not os.path.isdir(p)]
    digests = [p for p in inputs if p not in graph_files]
    for path in graph_files:
        G = networkx_store.load(path)
        curation = find_curation(curation_file, path)
        if curation is not None:  # idempotent: what the build applied is "in effect"
            G.graph["curation"] = [o.to_dict() for o in apply_curation(G, curation)]
            echo_curation(G.graph["curation"], quiet)
        yield path, G
    if digests:
        report = Report()
        records = extract_paths(digests, report, encoding)
        if not quiet:
            for s in report.files_skipped:
                click.echo(f"skipped {s.path}: {s.reason}", err=True)
            click.echo(report.summary(), err=True)
        if not records:
            raise click.ClickException("no paper entries found in " + ", ".join(digests) + "; nothing loaded")
        curation = find_curation(curation_file)
        G = records_to_graph(records, curation=curation)
        echo_curation(G.graph.get("curation") if curation else None, quiet)
        yield ", ".join(digests), G


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="GRAPH|PATH|-...")
@neo4j_options
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Rows per transaction.")
@click.option("--wipe", is_flag=True, help="First delete every kg node and relationship in the database.")
@click.option("-y", "--yes", is_flag=True, help="Do not ask before --wipe.")
@click.option("--encoding", default=None, metavar="NAME",
              help="Decode digest inputs with this encoding instead of detecting it (e.g. gb18030).")
@click.option("--retry", default=30.0, show_default=True, type=click.FloatRange(min=0), metavar="SECONDS",
              help="How long to retry a batch while Neo4j is unreachable or busy (each retry is reported).")
@click.option("--similar/--no-similar", "similar", default=True, show_default=True,
              help="After loading, store the graph's most similar paper pairs (what cypher/80's "
                   "'Similar papers' reads; without them it computes them, slowly on large graphs).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Transactions at once, on batches that share no node (so they never wait on each other's locks).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
@curation_option
@_handle_errors
def load(inputs, uri, user, password, database, batch_size, wipe, yes, encoding, retry, similar, workers, quiet,
         curation_file):
    """Load graph files or digests into Neo4j, merging into what is there.

    GRAPH is a graph file from `kg build` (*.json); PATH is a digest file or folder,
    extracted on the fly; - reads standard input, a graph file or a digest by its
    content. Loading the same input twice changes nothing, a new digest adds only
    what is new, and a load that failed half-way is completed by running it again.
    kg's schema (uniqueness constraints, name indexes, the full-text index) is
    created first. Then the graph's most similar paper pairs are stored for the
    "Similar papers" query (kg.neo4j.similar; --no-similar skips it).

    \b
    Example:
      kg neo4j start
      kg load out/seeds.kg.json
      kg load seeds/ --uri bolt://127.0.0.1:7687 --batch-size 5000
      kg build seeds/ -o - | kg load -
      kg load out/seeds.kg.json --wipe --yes
      kg load seeds/ --curation out/kg.curation.yaml
    """
    from kg.neo4j import similar as neo4j_similar
    from kg.neo4j import store as neo4j_store

    graphs = list(_input_graphs(inputs, encoding, quiet, curation_file))  # fail on bad input before connecting
    driver, uri, database = connect(uri, user, password, database)
    try:
        if wipe:
            if not yes:
                click.confirm(f"Delete every kg node and relationship in {uri} "
                              f"(database {database or 'default'})?", abort=True, err=True)
            deleted = neo4j_store.wipe(driver, database)
            neo4j_similar.drop(driver, database)  # computed from what was wiped
            if not quiet:
                click.echo(f"wiped {deleted} nodes", err=True)
        for name, G in graphs:
            result = _load_one(driver, G, database, batch_size, quiet, name, retry, workers)
            if not quiet:
                click.echo(f"{name} -> {uri}: {result.summary()}", err=True)
        if similar:
            _store_similar(driver, database, quiet)
    finally:
        driver.close()


def _store_similar(driver, database, quiet: bool) -> None:
    from kg.neo4j import similar as neo4j_similar
    from kg.neo4j.store import StoreError

    try:
        result = neo4j_similar.refresh(driver, database)
    except StoreError as e:
        # The graph is loaded and every query still answers (computing the pairs itself):
        # a warning, not a failed load.
        click.echo(f"kg load: warning: {e} (the graph is loaded; 'Similar papers' computes the pairs itself)",
                   err=True)
        return
    if not quiet or not result.stored:
        click.echo(f"kg load: {result.summary()}", err=True)


def _retrying(batch, why: str, wait: float, left: float) -> None:
    # Always said, even with --quiet: a silent minute looks like a hang.
    click.echo(f"kg load: {batch.describe()} failed; waiting for {why}: retry in {wait:.1f}s "
               f"(giving up in {left:.0f}s)", err=True)


def _load_one(driver, G, database, batch_size, quiet, name, retry, workers=2):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.neo4j import store as neo4j_store

    options = dict(database=database, batch_size=batch_size, retry_seconds=retry, retrying=_retrying, workers=workers)
    if quiet:
        return neo4j_store.load_graph(driver, G, **options)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(f"loading {name}", total=None)

        def progress(batch, done, total):
            bar.update(task, completed=done, total=total, description=f"{batch.what} {batch.kind}")

        return neo4j_store.load_graph(driver, G, progress=progress, **options)
