"""What every kg command module shares: turning library errors into one-line messages."""
from __future__ import annotations

import functools
import sys

import click

from kg.errors import KgError

__all__ = ["handle_errors", "curation_option", "echo_curation"]


def curation_option(f):
    """``--curation FILE``: the user's decisions (see :mod:`kg.curation`)."""
    return click.option("--curation", "curation_file", type=click.Path(dir_okay=False), default=None,
                        metavar="FILE",
                        help="Apply the decisions in this curation file (default: kg.curation.yaml beside "
                             "the graph file, if there is one).")(f)


def echo_curation(outcomes, quiet: bool = False) -> None:
    """One stderr line per curation line that did not apply, then a count."""
    if quiet or not outcomes:
        return
    for o in outcomes:
        if o["status"] == "not applied":
            click.echo(f"curation {o['file']}:{o['line']}: {o['action']} {o['node']}: not applied: {o['detail']}",
                       err=True)
    n = {s: sum(o["status"] == s for o in outcomes) for s in ("applied", "in effect", "not applied")}
    click.echo(f"curation: {n['applied']} applied, {n['in effect']} in effect, {n['not applied']} not applied",
               err=True)


def handle_errors(f):
    """Run a command so that a :class:`KgError` becomes ``Error: …`` (exit 1) and a
    closed pipe (``kg … | head``) a quiet exit, never a traceback."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except KgError as e:
            raise click.ClickException(str(e)) from None
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)

    return wrapper
