"""The Neo4j commands of ``kg``: ``load``, ``neo4j start|stop|status`` and ``cypher``.

A thin skin like :mod:`kg.cli` (and registered on its group there): each command calls
:mod:`kg.stores.neo4j_store`, :mod:`kg.neo4j_server` or :mod:`kg.cypher_lib` and
formats the result. Connection settings come from the options, else from the
environment variables Neo4j's own tools read (``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), else kg's local development server.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click
import orjson

__all__ = ["load", "neo4j", "cypher", "neo4j_options"]


from kg.cli_common import handle_errors as _handle_errors  # noqa: E402
from kg.cli_common import curation_option, echo_curation  # noqa: E402


def neo4j_options(f):
    """``--uri --user --password --database``; None means "environment, then default"."""
    options = [
        click.option("--uri", default=None, metavar="URI",
                     help="Bolt URI of Neo4j.  [default: $NEO4J_URI or bolt://127.0.0.1:7687]"),
        click.option("--user", default=None, metavar="NAME", help="Neo4j user.  [default: $NEO4J_USERNAME or neo4j]"),
        click.option("--password", default=None, metavar="SECRET",
                     help="Neo4j password (prefer $NEO4J_PASSWORD: options show in `ps`).  "
                          "[default: $NEO4J_PASSWORD or kg-password-123]"),
        click.option("--database", default=None, metavar="NAME",
                     help="Database.  [default: $NEO4J_DATABASE or the server's default]"),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _connect(uri, user, password, database):
    from kg.stores import neo4j_store

    uri, user, password, database = neo4j_store.connection_settings(uri, user, password, database)
    return neo4j_store.connect(uri, user, password), uri, database


# --- load ---------------------------------------------------------------------------------


def _input_graphs(inputs: tuple[str, ...], encoding: str | None, quiet: bool, curation_file: str | None = None):
    """(name, graph) for each graph file given, then one graph built from all digest
    paths; each with its curation applied (``--curation``, else the file beside a graph)."""
    from kg.curation import apply_curation, find_curation
    from kg.pipeline import Report, extract_paths, records_to_graph
    from kg.stores import networkx_store

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
@click.argument("inputs", nargs=-1, required=True, metavar="GRAPH|PATH...")
@neo4j_options
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Rows per transaction.")
@click.option("--wipe", is_flag=True, help="First delete every kg node and relationship in the database.")
@click.option("-y", "--yes", is_flag=True, help="Do not ask before --wipe.")
@click.option("--encoding", default=None, metavar="NAME",
              help="Decode digest inputs with this encoding instead of detecting it (e.g. gb18030).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
@curation_option
@_handle_errors
def load(inputs, uri, user, password, database, batch_size, wipe, yes, encoding, quiet, curation_file):
    """Load graph files or digests into Neo4j, merging into what is there.

    GRAPH is a graph file from `kg build` (*.json); PATH is a digest file or folder,
    extracted on the fly. Loading the same input twice changes nothing, a new digest
    adds only what is new, and a load that failed half-way is completed by running
    it again. Uniqueness constraints on each label's key are created first.

    \b
    Example:
      kg neo4j start
      kg load out/seeds.kg.json
      kg load seeds/ --uri bolt://127.0.0.1:7687 --batch-size 5000
      kg load out/seeds.kg.json --wipe --yes
      kg load seeds/ --curation out/kg.curation.yaml
    """
    from kg.stores import neo4j_store

    graphs = list(_input_graphs(inputs, encoding, quiet, curation_file))  # fail on bad input before connecting
    driver, uri, database = _connect(uri, user, password, database)
    try:
        if wipe:
            if not yes:
                click.confirm(f"Delete every kg node and relationship in {uri} "
                              f"(database {database or 'default'})?", abort=True, err=True)
            deleted = neo4j_store.wipe(driver, database)
            if not quiet:
                click.echo(f"wiped {deleted} nodes", err=True)
        for name, G in graphs:
            result = _load_one(driver, G, database, batch_size, quiet, name)
            if not quiet:
                click.echo(f"{name} -> {uri}: {result.summary()}", err=True)
    finally:
        driver.close()


def _load_one(driver, G, database, batch_size, quiet, name):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.stores import neo4j_store

    if quiet:
        return neo4j_store.load_graph(driver, G, database=database, batch_size=batch_size)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(f"loading {name}", total=None)

        def progress(batch, done, total):
            bar.update(task, completed=done, total=total, description=f"{batch.what} {batch.kind}")

        return neo4j_store.load_graph(driver, G, database=database, batch_size=batch_size, progress=progress)


# --- neo4j start|stop|status --------------------------------------------------------------


def _data_option(f):
    return click.option("--data", default=".neo4j", show_default=True, type=click.Path(file_okay=False),
                        help="Data folder of the server (databases, logs, pid file).")(f)


@click.group()
def neo4j():
    """Run a local Neo4j 5 Community server (with Neo4j Browser) for kg.

    Needs Java 17 or 21, and Maven once to fetch Neo4j. The password of user neo4j
    is $NEO4J_PASSWORD (default kg-password-123).

    \b
    Example:
      kg neo4j start --data .neo4j
      kg load out/seeds.kg.json
      kg neo4j stop --data .neo4j
    """


@neo4j.command()
@_data_option
@click.option("--bolt-port", default=7687, show_default=True, type=int)
@click.option("--http-port", default=7474, show_default=True, type=int, help="HTTP port (Neo4j Browser).")
@click.option("--timeout", default=180.0, show_default=True, type=float, help="Seconds to wait for start-up.")
@_handle_errors
def start(data, bolt_port, http_port, timeout):
    """Start Neo4j for a data folder (or report the one already running).

    \b
    Example:
      NEO4J_PASSWORD=my-secret-pw kg neo4j start --data .neo4j --bolt-port 7687
    """
    from kg import neo4j_server

    info = neo4j_server.start(data, bolt_port=bolt_port, http_port=http_port, timeout=timeout)
    _echo_server(info)


@neo4j.command()
@_data_option
@_handle_errors
def stop(data):
    """Stop the Neo4j server of a data folder (cleanly; the data stays).

    \b
    Example:
      kg neo4j stop --data .neo4j
    """
    from kg import neo4j_server

    if neo4j_server.stop(data):
        click.echo(f"stopped Neo4j for {Path(data).resolve()}", err=True)
    else:
        click.echo(f"Neo4j is not running for {Path(data).resolve()}", err=True)


@neo4j.command()
@_data_option
@_handle_errors
def status(data):
    """Show whether Neo4j runs for a data folder (exit code 3 if not).

    \b
    Example:
      kg neo4j status --data .neo4j
    """
    from kg import neo4j_server

    info = neo4j_server.status(data)
    if info is None:
        click.echo(f"not running ({Path(data).resolve()})")
        raise SystemExit(3)  # LSB "program is not running", as scripts/neo4j-server
    _echo_server(info)


def _echo_server(info) -> None:
    click.echo(f"running  pid {info.pid}  data {info.data_dir}\n"
               f"  bolt:    {info.bolt_uri}  (user {info.user}, password from $NEO4J_PASSWORD)\n"
               f"  browser: {info.browser_url}\n"
               f"  log:     {info.log_file}\n"
               f"  use it:  export NEO4J_URI={info.bolt_uri}; kg load out/seeds.kg.json")


# --- cypher -------------------------------------------------------------------------------


def _parse_param(text: str) -> tuple[str, Any]:
    from kg.cypher_lib import LiteralError, parse_literal

    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise click.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--param")
    try:
        return name, parse_literal(raw)
    except LiteralError:
        return name, raw  # not a Cypher literal: the text itself (so author=M Geva works)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Set a parameter (repeatable). VALUE is a Cypher literal (5, 'x', [1, 2]) or else plain text.")
@click.option("--query", "title", default=None, metavar="TITLE",
              help="Run only the query with this title (or the only one whose title contains it).")
@click.option("--list", "list_only", is_flag=True, help="List the queries of FILE and their parameters; run nothing.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@neo4j_options
@_handle_errors
def cypher(file, params, title, list_only, fmt, uri, user, password, database):
    """Run the queries of a Cypher library file (see cypher/) and print their results.

    Parameters come from the file's :param lines, overridden by --param.

    \b
    Example:
      kg cypher cypher/30_coauthorship.cypher --query "Co-authors of an author" --param author="M Geva"
      kg cypher cypher/50_models.cypher --param model=transformer --param limit=10
      kg cypher cypher/10_overview.cypher --list
    """
    from kg.cypher_lib import find_query, parse_cypher_file
    from kg.stores import neo4j_store

    queries = parse_cypher_file(file)
    if title is not None:
        try:
            queries = [find_query(queries, title)]
        except KeyError as e:
            raise click.ClickException(e.args[0]) from None
    overrides = dict(_parse_param(p) for p in params)
    if list_only:
        for q in queries:
            names = ", ".join(f"${n}" for n in sorted(q.parameter_names)) or "no parameters"
            click.echo(f"{q.title}  ({names})\n  {q.description}")
        return
    runs = []
    for q in queries:
        values = {**q.params, **overrides}
        missing = sorted(q.parameter_names - set(values))
        if missing:
            raise click.ClickException(f"query {q.title!r} needs " + ", ".join(f"${m}" for m in missing)
                                       + ": add --param " + " --param ".join(f"{m}=…" for m in missing))
        runs.append((q, {k: v for k, v in values.items() if k in q.parameter_names}))
    driver, _, database = _connect(uri, user, password, database)
    try:
        results = []
        for q, values in runs:
            keys, records = neo4j_store.run_query(driver, q.text, values, database)
            results.append((q, values, keys, records))
    finally:
        driver.close()
    if fmt == "json":
        out = [{"title": q.title, "params": values, "columns": keys,
                "rows": [{k: _plain(r[k]) for k in keys} for r in records]}
               for q, values, keys, records in results]
        click.echo(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode())
        return
    from rich.table import Table

    from kg.report import render

    for q, values, keys, records in results:
        table = Table(title=f"{q.title} ({len(records)} rows)", caption=_params_text(values) or None)
        for k in keys:
            table.add_column(k)
        for r in records:
            table.add_row(*(_cell(r[k]) for k in keys))
        click.echo(render(table), nl=False)


def _params_text(values: dict[str, Any]) -> str:
    return ", ".join(f"${k} = {v!r}" for k, v in sorted(values.items()))


def _plain(v: Any) -> Any:
    """A JSON-able value: nodes as {labels, properties}, relationships as {type, …}, paths
    as their nodes and relationships."""
    import neo4j.graph as g

    if isinstance(v, g.Node):
        return {"labels": sorted(v.labels), "properties": dict(v)}
    if isinstance(v, g.Relationship):
        return {"type": v.type, "start": _plain(v.start_node)["properties"].get("key"),
                "end": _plain(v.end_node)["properties"].get("key"), "properties": dict(v)}
    if isinstance(v, g.Path):
        return {"nodes": [_plain(n) for n in v.nodes], "relationships": [_plain(r) for r in v.relationships]}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if v is None or isinstance(v, bool | int | float | str):
        return v
    return str(v)  # temporal and spatial values


def _cell(v: Any) -> str:
    """A table cell (rich markup escaped): nodes by label and name, paths as arrows."""
    from rich.markup import escape

    return escape(_text(v))


def _text(v: Any) -> str:
    import neo4j.graph as g

    def node(n) -> str:
        return f"({':'.join(sorted(n.labels))} {n.get('name', n.get('key', ''))})"

    if isinstance(v, g.Node):
        return node(v)
    if isinstance(v, g.Relationship):
        return f"[:{v.type}]"
    if isinstance(v, g.Path):
        parts = [node(v.start_node)]
        for a, b, r in zip(v.nodes, v.nodes[1:], v.relationships):
            forward = r.start_node.element_id == a.element_id
            parts.append((f"-[:{r.type}]->" if forward else f"<-[:{r.type}]-") + " " + node(b))
        return " ".join(parts)
    if isinstance(v, list):
        return ", ".join(_text(x) for x in v)
    if v is None:
        return ""
    return str(v)
