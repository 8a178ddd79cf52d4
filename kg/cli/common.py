"""What every kg command module shares: library errors as one-line messages, and the
options and reports several commands have in common (shared options are decorators)."""
from __future__ import annotations

import functools
import os
import sys

import click
import orjson

from kg.errors import KgError

__all__ = ["handle_errors", "curation_option", "echo_curation", "encoding_option", "quiet_option", "report_summary",
           "interruptible", "jobs_option", "engine_options", "rejects_option", "write_rejects"]


def curation_option(f):
    """``--curation FILE``: the user's decisions (see :mod:`kg.resolve.curation`)."""
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


def encoding_option(f):
    return click.option("--encoding", default=None, metavar="NAME",
                        help="Decode inputs with this encoding instead of detecting it (e.g. gb18030).")(f)


def quiet_option(f):
    return click.option("-q", "--quiet", is_flag=True, help="Do not print the run summary on stderr.")(f)


def report_summary(report, quiet: bool) -> None:
    if quiet:
        return
    for s in report.files_skipped:
        click.echo(f"skipped {s.path}: {s.reason}", err=True)
    click.echo(report.summary(), err=True)

def interruptible(message: str):
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


def jobs_option(f):
    return click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
                        help="Extract on N processes (0: one per CPU); the output is the same for any N.")(f)


def engine_options(f):
    f = click.option("--scheduler", metavar="ADDRESS",
                     help="With --engine dask: the scheduler (tcp://host:8786); without it a local "
                          "cluster of --jobs workers is started for the run.")(f)
    return click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                        help="Where extraction runs: this machine's processes, or a Dask cluster "
                             "(pip install 'dask[distributed]', the dask extra); the output is the same.")(f)


def rejects_option(f):
    return click.option("--rejects", type=click.Path(dir_okay=False, writable=True),
                        help="Write every line that went into no entry, and every file that was not read, "
                             "with the reason, to this JSONL file.")(f)


def write_rejects(report, path: str) -> None:
    """``--rejects FILE``: :meth:`kg.pipeline.Report.rejects` as JSON lines."""
    with open_output(path) as f:
        for row in report.rejects():
            f.write(orjson.dumps(row) + b"\n")


def open_output(path: str):
    """Open an output file (-o, --rejects) for writing, making its folder as kg build and
    kg export do (out/ does not exist after a bare scripts/setup); a path that cannot be
    written is one line."""
    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        return open(path, "wb")
    except OSError as e:
        raise click.ClickException(f"cannot write {path}: {e.strerror or e}") from None
