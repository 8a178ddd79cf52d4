"""The Neo4j and Cypher commands of ``kg``: ``load``, ``neo4j start|stop|status``,
``cypher`` (on Neo4j) and ``query`` (Cypher on a graph file, no server).

A thin skin like :mod:`kg.cli` (and registered on its group there): each command calls
:mod:`kg.neo4j.store`, :mod:`kg.neo4j.server` or :mod:`kg.neo4j.cypher_lib` and
formats the result. Connection settings come from the options, else from the
environment variables Neo4j's own tools read (``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), else kg's local development server.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click
import orjson

__all__ = ["load", "neo4j", "cypher", "query", "neo4j_options"]


from kg.cli.common import handle_errors as _handle_errors  # noqa: E402
from kg.cli.common import curation_option, echo_curation  # noqa: E402


def neo4j_options(f):
    """``-a -u -p -d`` as cypher-shell means them; None means "environment, then default"."""
    options = [
        click.option("-a", "--address", "--uri", "uri", default=None, metavar="URI",
                     help="Bolt URI of Neo4j.  [default: $NEO4J_URI or bolt://127.0.0.1:7687]"),
        click.option("-u", "--username", "--user", "user", default=None, metavar="NAME",
                     help="Neo4j user.  [default: $NEO4J_USERNAME or neo4j]"),
        click.option("-p", "--password", default=None, metavar="SECRET",
                     help="Neo4j password (prefer $NEO4J_PASSWORD: options show in `ps`).  "
                          "[default: $NEO4J_PASSWORD or kg-password-123]"),
        click.option("-d", "--database", default=None, metavar="NAME",
                     help="Database.  [default: $NEO4J_DATABASE or the server's default]"),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _connect(uri, user, password, database):
    from kg.neo4j import store as neo4j_store

    uri, user, password, database = neo4j_store.connection_settings(uri, user, password, database)
    return neo4j_store.connect(uri, user, password, database=database), uri, database


# --- load ---------------------------------------------------------------------------------


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
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
@curation_option
@_handle_errors
def load(inputs, uri, user, password, database, batch_size, wipe, yes, encoding, retry, quiet, curation_file):
    """Load graph files or digests into Neo4j, merging into what is there.

    GRAPH is a graph file from `kg build` (*.json); PATH is a digest file or folder,
    extracted on the fly; - reads standard input, a graph file or a digest by its
    content. Loading the same input twice changes nothing, a new digest adds only
    what is new, and a load that failed half-way is completed by running it again.
    kg's schema (uniqueness constraints, name indexes, the full-text index) is
    created first.

    \b
    Example:
      kg neo4j start
      kg load out/seeds.kg.json
      kg load seeds/ --uri bolt://127.0.0.1:7687 --batch-size 5000
      kg build seeds/ -o - | kg load -
      kg load out/seeds.kg.json --wipe --yes
      kg load seeds/ --curation out/kg.curation.yaml
    """
    from kg.neo4j import store as neo4j_store

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
            result = _load_one(driver, G, database, batch_size, quiet, name, retry)
            if not quiet:
                click.echo(f"{name} -> {uri}: {result.summary()}", err=True)
    finally:
        driver.close()


def _retrying(batch, why: str, wait: float, left: float) -> None:
    # Always said, even with --quiet: a silent minute looks like a hang.
    click.echo(f"kg load: {batch.describe()} failed; waiting for {why}: retry in {wait:.1f}s "
               f"(giving up in {left:.0f}s)", err=True)


def _load_one(driver, G, database, batch_size, quiet, name, retry):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.neo4j import store as neo4j_store

    options = dict(database=database, batch_size=batch_size, retry_seconds=retry, retrying=_retrying)
    if quiet:
        return neo4j_store.load_graph(driver, G, **options)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task(f"loading {name}", total=None)

        def progress(batch, done, total):
            bar.update(task, completed=done, total=total, description=f"{batch.what} {batch.kind}")

        return neo4j_store.load_graph(driver, G, progress=progress, **options)


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
    from kg.neo4j import server as neo4j_server

    info = neo4j_server.start(data, bolt_port=bolt_port, http_port=http_port, timeout=timeout,
                              progress=lambda message: click.echo(message, err=True))
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
    from kg.neo4j import server as neo4j_server

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
    from kg.neo4j import server as neo4j_server

    info = neo4j_server.status(data)
    if info is None:
        click.echo(f"not running ({Path(data).resolve()})")
        raise SystemExit(3)  # LSB "program is not running", as scripts/neo4j-server
    _echo_server(info)


def _echo_server(info) -> None:
    click.echo(f"running  pid {info.pid}  data {info.data_dir}\n"
               f"  bolt:    {info.bolt_uri}  (user {info.user}, password from $NEO4J_PASSWORD)\n"
               f"  browser: {info.browser_url}\n"
               f"  guide:   :play {info.guide_url}  (style: :style + cypher/kg.grass)\n"
               f"  log:     {info.log_file}\n"
               f"  use it:  export NEO4J_URI={info.bolt_uri}; kg load out/seeds.kg.json")


# --- cypher and query ----------------------------------------------------------------------


FORMATS = ("table", "csv", "json", "jsonl")


def _cypher_input(f):
    """QUERY (text, a .cypher file or - for stdin), -f FILE, -P, --query, --list, --format."""
    options = [
        click.argument("text", required=False, metavar="QUERY|FILE|-"),
        click.option("-f", "--file", "file", default=None, type=click.Path(dir_okay=False),
                     help="Run the statements of a Cypher file (as cypher-shell -f).", metavar="FILE"),
        click.option("-P", "--param", "params", multiple=True, metavar="PARAM",
                     help="Set parameters, as cypher-shell: '{paper: \"2209.01947\", limit: 5}' or "
                          "'author => \"M Geva\"' (repeatable). Values are Cypher literals: quote strings."),
        click.option("--query", "title", default=None, metavar="TITLE",
                     help="Run only the query with this title (or the only one whose title contains it)."),
        click.option("--list", "list_only", is_flag=True, help="List the queries and their parameters; run nothing."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                     help="table: a drawn table on a terminal, plain lines (cypher-shell's plain) when piped; "
                          "csv and jsonl: the rows of one query; json: every query with its rows."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _read_queries(text: str | None, file: str | None):
    """The queries to run: from -f FILE, a .cypher file named as QUERY, stdin (-), or
    QUERY itself; statements without a // title are called 'query N'."""
    from kg.neo4j.cypher_lib import parse_cypher, parse_cypher_file

    if file is not None and text is not None:
        raise click.UsageError("give a QUERY or -f FILE, not both")
    if file is None and text is None:
        raise click.UsageError("give a QUERY (Cypher text), a .cypher FILE, or - to read standard input")
    if file is None and text != "-" and (text.endswith(".cypher") or os.path.isfile(text)):
        file = text
    if file is not None:
        return parse_cypher_file(file, titled=False), file
    if text == "-":
        return parse_cypher(sys.stdin.read(), "<stdin>", titled=False), "<stdin>"
    return parse_cypher(text, "<query>", titled=False), "<query>"


def _select(queries, where: str, title: str | None, params: tuple[str, ...], list_only: bool, fmt: str):
    """[(query, parameter values)] to run, after checking titles and parameters; None
    when --list printed the queries instead."""
    from kg.neo4j.cypher_lib import LiteralError, find_query, parse_param_option

    if not queries:
        raise click.ClickException(f"{where}: no Cypher statement to run")
    if title is not None:
        try:
            queries = [find_query(queries, title)]
        except KeyError as e:
            raise click.ClickException(e.args[0]) from None
    overrides: dict[str, Any] = {}
    for p in params:
        try:
            overrides.update(parse_param_option(p))
        except LiteralError as e:
            raise click.BadParameter(str(e), param_hint="-P/--param") from None
    if list_only:
        for q in queries:
            names = ", ".join(f"${n}" for n in sorted(q.parameter_names)) or "no parameters"
            click.echo(f"{q.title}  ({names})" + (f"\n  {q.description}" if q.description else ""))
        return None
    takes = set().union(*(q.parameter_names for q in queries))
    unknown = sorted(set(overrides) - takes)
    if unknown:
        which = "the query takes" if len(queries) == 1 else f"the {len(queries)} queries take"
        raise click.ClickException(
            f"unknown parameter {', '.join('$' + u for u in unknown)}: {which} "
            + (", ".join(f"${t}" for t in sorted(takes)) or "no parameters"))
    if fmt in ("csv", "jsonl") and len(queries) > 1:
        raise click.UsageError(f"--format {fmt} writes the rows of one query; {where} has {len(queries)}: "
                               "pick one with --query TITLE")
    runs = []
    for q in queries:
        values = {**q.params, **overrides}
        missing = sorted(q.parameter_names - set(values))
        if missing:
            raise click.ClickException(f"query {q.title!r} needs " + ", ".join(f"${m}" for m in missing)
                                       + ": add " + " ".join(f"-P '{m} => …'" for m in missing))
        runs.append((q, {k: v for k, v in values.items() if k in q.parameter_names}))
    return runs


@click.command()
@_cypher_input
@neo4j_options
@_handle_errors
def cypher(text, file, params, title, list_only, fmt, uri, user, password, database):
    """Run Cypher on Neo4j and print the results, as cypher-shell does.

    QUERY is Cypher text, a .cypher file (e.g. one of cypher/, whose :param lines
    give the parameters' example values), or - to read statements from standard
    input. -P sets parameters as cypher-shell does; -a -u -p -d are cypher-shell's
    address, user, password and database.

    \b
    Example:
      kg cypher "MATCH (p:Paper) RETURN p.name AS paper LIMIT 5"
      kg cypher cypher/30_coauthorship.cypher --query "Co-authors of an author" -P 'author => "M Geva"'
      kg cypher cypher/20_papers.cypher -P '{paper: "2209.01947"}' --query "with its authors" --format json
      echo 'MATCH (m:Model) RETURN m.name AS model;' | kg cypher - --format csv
      kg cypher cypher/10_overview.cypher --list
    """
    from kg.neo4j import store as neo4j_store

    queries, where = _read_queries(text, file)
    runs = _select(queries, where, title, params, list_only, fmt)
    if runs is None:
        return
    driver, _, database = _connect(uri, user, password, database)
    try:
        results = []
        for q, values in runs:
            warnings: list[str] = []
            keys, records = neo4j_store.run_query(driver, q.text, values, database, warnings=warnings)
            for w in dict.fromkeys(warnings):  # once each, in order
                click.echo(f"{q.title}: {w}", err=True)
            results.append((q, values, keys, [list(r.values()) for r in records]))
    finally:
        driver.close()
    _print_results(results, fmt)


@click.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@_cypher_input
@_handle_errors
def query(graph, text, file, params, title, list_only, fmt):
    """Run Cypher on a graph file, without a server (the grand-cypher engine).

    Takes what `kg cypher` takes, and prints the same formats. The graph looks as it
    does in Neo4j after `kg load`: labels, relationship types, properties and
    name_key. grand-cypher knows a subset of Cypher (MATCH, WHERE, RETURN, ORDER BY,
    SKIP, LIMIT, aggregates); anything else is a one-line error naming it (use Neo4j
    for those).

    \b
    Example:
      kg query out/seeds.kg.json "MATCH (a:Author)-[:AUTHORED]->(p:Paper) RETURN a.name, p.name LIMIT 5"
      kg query out/seeds.kg.json cypher/30_coauthorship.cypher --query "Most frequent co-author pairs"
      kg query out/seeds.kg.json 'MATCH (m:Model {name_key: $m})<-[:USES]-(p) RETURN p.name' -P 'm => "bart"'
    """
    from kg.stores import networkx_cypher, networkx_store

    queries, where = _read_queries(text, file)
    runs = _select(queries, where, title, params, list_only, fmt)
    if runs is None:
        return
    engine = networkx_cypher.Engine(networkx_store.load(graph))
    results = []
    for q, values in runs:
        keys, rows = engine.run(q.text, values)
        results.append((q, values, keys, rows))
    _print_results(results, fmt)


def _print_results(results, fmt: str) -> None:
    """Print (query, params, columns, rows) results in ``fmt`` (see FORMATS)."""
    if fmt == "json":
        out = [{"title": q.title, "params": values, "columns": keys,
                "rows": [{k: _plain(v) for k, v in zip(keys, row)} for row in rows]}
               for q, values, keys, rows in results]
        click.echo(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode())
        return
    if fmt == "jsonl":
        for _, _, keys, rows in results:
            for row in rows:
                click.echo(orjson.dumps({k: _plain(v) for k, v in zip(keys, row)}).decode())
        return
    if fmt == "csv":
        import csv
        import io

        for _, _, keys, rows in results:
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(keys)
            writer.writerows([_csv_cell(v) for v in row] for row in rows)
            click.echo(buf.getvalue(), nl=False)
        return
    if not _is_terminal():
        # cypher-shell's plain format: a header line, then one line per row, values as
        # Cypher literals; a // title line before each result when there are several.
        from kg.neo4j.cypher_lib import format_literal

        for i, (q, _, keys, rows) in enumerate(results):
            if len(results) > 1:
                click.echo(("\n" if i else "") + f"// {q.title}")
            click.echo(", ".join(keys))
            for row in rows:
                click.echo(", ".join(_text(v) if _is_graph_value(v) else format_literal(_plain(v)) for v in row))
        return
    from rich.table import Table

    from kg.report import render

    for q, values, keys, rows in results:
        table = Table(title=f"{q.title} ({len(rows)} rows)", caption=_params_text(values) or None)
        for k in keys:
            table.add_column(k)
        for row in rows:
            table.add_row(*(_cell(v) for v in row))
        click.echo(render(table), nl=False)


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def _params_text(values: dict[str, Any]) -> str:
    from kg.neo4j.cypher_lib import format_literal

    return ", ".join(f"${k} = {format_literal(v)}" for k, v in sorted(values.items()))


def _is_graph_value(v: Any) -> bool:
    import neo4j.graph as g

    return isinstance(v, g.Node | g.Relationship | g.Path)


def _csv_cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if _is_graph_value(v):
        return _text(v)
    if isinstance(v, bool | int | float):
        return orjson.dumps(v).decode()
    return orjson.dumps(_plain(v)).decode()


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
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
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
