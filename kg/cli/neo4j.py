"""The ``kg neo4j start|stop|status`` commands, and the connection options every
Neo4j command shares (cypher-shell's ``-a -u -p -d``).

A thin skin like :mod:`kg.cli` (and registered on its group there): the commands call
:mod:`kg.neo4j.server` and format the result. The other Neo4j commands are
:mod:`kg.cli.load` (``kg load``) and :mod:`kg.cli.cypher` (``kg cypher``, ``kg query``).
Connection settings come from the options, else from the environment variables Neo4j's
own tools read (``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``), else kg's local development server.
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import handle_errors as _handle_errors

__all__ = ["neo4j", "neo4j_options", "connect"]


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


def connect(uri, user, password, database):
    """(driver, uri, database) from the options, the environment and kg's defaults."""
    from kg.neo4j import store as neo4j_store

    uri, user, password, database = neo4j_store.connection_settings(uri, user, password, database)
    return neo4j_store.connect(uri, user, password, database=database), uri, database


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
@click.option("--bolt-port", default=7687, show_default=True, type=int,
              help="Bolt port (kg load, kg cypher, kg stats --neo4j; set $NEO4J_URI to match).")
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
