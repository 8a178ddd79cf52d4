"""kg: knowledge graphs of AI papers from paper digests.

The library is organised one module or package per pipeline stage; records flow one way::

    read  ->  parse  ->  extract  ->  resolve  ->  graph  ->  stores / export / analytics

and :mod:`kg.pipeline` is the one orchestrator that runs the stages for every command.

Typical use from a script::

    import kg
    records = kg.extract_paths(["seeds/"])
    G = kg.build_graph(records)
"""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("kg")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+local"

from kg.errors import KgError, ParseError, ReadError, StoreError  # noqa: E402


def __getattr__(name: str):
    # The pipeline imports spaCy (about half a second); commands that only read a graph
    # file (stats, export, analyze) should not pay for it, so it loads on first use.
    if name in ("extract_paths", "build_graph"):
        from kg import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")

__all__ = [
    "__version__",
    "KgError",
    "ParseError",
    "ReadError",
    "StoreError",
    "extract_paths",
    "build_graph",
]
