"""What every kg command module shares: turning library errors into one-line messages."""
from __future__ import annotations

import functools
import sys

import click

from kg.errors import KgError

__all__ = ["handle_errors"]


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
