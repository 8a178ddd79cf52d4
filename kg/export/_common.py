"""Helpers shared by the exporters: the error type, safe JSON for HTML, atomic writes."""
from __future__ import annotations

import os
import tempfile
from typing import Any

import orjson

from kg.errors import KgError

__all__ = ["ExportError", "json_for_html", "write_atomic"]


class ExportError(KgError):
    """A graph could not be exported (bad option, unknown node, unwritable path)."""


# Inside <script> the HTML parser ends the element at "</script", and "<!--" switches it
# into a mode where a later "<script" changes parsing; escaping every "<" (and ">" and
# "&" for good measure) as a JSON \u escape makes both impossible. U+2028/2029 are
# escaped too: they are legal in JSON strings but were line terminators in older JS.
# (A chain of str.replace is ~20x faster than str.translate on a 10 MB page.)
_HTML_JSON = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_for_html(value: Any) -> str:
    r"""``value`` as compact JSON that is safe inside an HTML ``<script>`` element.

    Example
    -------
    >>> print(json_for_html({"name": "</script><!--"}))
    {"name":"\u003c/script\u003e\u003c!--"}
    """
    try:
        text = orjson.dumps(value).decode("utf-8")  # ~10x faster than json at 10 MB
    except TypeError as e:
        raise ExportError(f"cannot serialise page data: {e}") from None
    for raw, escaped in _HTML_JSON:
        text = text.replace(raw, escaped)
    return text


def write_atomic(path: str | os.PathLike[str], data: bytes) -> str:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename, so
    an interrupted export never leaves a half-written file behind. Returns the path."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".kg-", suffix=".tmp", dir=folder)
    except OSError as e:
        raise ExportError(f"{path}: cannot write ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600 files; exports are meant to be shared
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(e, OSError):
            raise ExportError(f"{path}: cannot write ({e.strerror or e})") from None
        raise
    return path
