"""kg: knowledge graphs of AI papers from paper digests.

The library is organised one module per pipeline stage; records flow one way::

    read  ->  parse  ->  extract  ->  resolve  ->  graph  ->  stores / export / analytics

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
from kg.pipeline import build_graph, extract_paths  # noqa: E402

__all__ = [
    "__version__",
    "KgError",
    "ParseError",
    "ReadError",
    "StoreError",
    "extract_paths",
    "build_graph",
]
