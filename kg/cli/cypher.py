"""``kg cypher`` (Cypher on Neo4j, as cypher-shell) and ``kg query`` (Cypher on a graph
file, no server), with the output formats they share.

A thin skin (registered on :mod:`kg.cli`'s group): the queries are read by
:mod:`kg.neo4j.cypher_lib`, run by :mod:`kg.neo4j.store` or
:mod:`kg.stores.networkx_cypher`, and printed here.
"""
from __future__ import annotations

import os
import sys
from typing import Any

import click
import orjson

from kg.cli.common import handle_errors as _handle_errors
from kg.cli.neo4j import connect, neo4j_options

__all__ = ["cypher", "query", "FORMATS"]


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
    driver, _, database = connect(uri, user, password, database)
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
