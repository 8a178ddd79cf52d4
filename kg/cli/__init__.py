"""The ``kg`` command line: a thin skin over the library (no logic lives here).

One module per command group — :mod:`~kg.cli.pipeline` (extract, build, resolve,
evaluate), :mod:`~kg.cli.graph` (stats, export, why), :mod:`~kg.cli.analyze`,
:mod:`~kg.cli.load`, :mod:`~kg.cli.neo4j` (the server; the Neo4j connection options),
:mod:`~kg.cli.cypher` (cypher, query) — and the options they share in
:mod:`~kg.cli.common`. Every library error (:class:`kg.errors.KgError`) becomes
``Error: …`` on stderr with exit code 1; usage errors exit 2 (click's default).
"""
from __future__ import annotations

import logging

import click

import kg
from kg.cli.analyze import analyze
from kg.cli.graph import export, stats, why
from kg.cli.cypher import cypher, query
from kg.cli.load import load
from kg.cli.neo4j import neo4j
from kg.cli.pipeline import build, evaluate, extract, resolve

__all__ = ["cli", "main"]


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
      kg export out/seeds.kg.json --format html -o out/full.html
    """
    level = max(logging.WARNING - 10 * verbose, logging.DEBUG)
    # The level goes on the handler too: a library that sets its own logger's level
    # (distributed sets INFO on import) would otherwise print its INFO lines whatever -v
    # says, since the root logger's level does not filter what other loggers pass on.
    handler = logging.StreamHandler()
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])


# --help lists commands in pipeline order.
for _command in (extract, build, stats, export, resolve, evaluate, analyze, load, neo4j, cypher, query, why):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
