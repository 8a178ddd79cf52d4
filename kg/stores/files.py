"""The one atomic file writer every kg output goes through (graph files, exports).

A temporary file in the target's folder is written, flushed to disk and renamed over
the target, so an interrupted write never leaves a half-written file behind and a
reader sees either the old file or the new one.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable

from kg.errors import KgError

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: bytes | Iterable[bytes], error: type[KgError] = KgError) -> str:
    """Write ``data`` (bytes, or an iterable of byte chunks written as they come, so a
    large file never has to exist in memory as one string) to ``path`` atomically and
    return the path.

    The folder is created. The file gets the permissions any new file gets under the
    user's umask (``mkstemp`` makes 0600 files; kg's outputs are ordinary data meant to
    be shared). An ``OSError`` becomes ``error`` with a one-line message naming the path.

    Example
    -------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = write_atomic(os.path.join(d, "sub", "a.txt"), b"hi")
    ...     open(p, "rb").read(), os.listdir(os.path.dirname(p))
    (b'hi', ['a.txt'])
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".kg-", suffix=".tmp", dir=folder)
    except OSError as e:
        raise error(f"{path}: cannot write ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, (bytes, bytearray, memoryview)):
                f.write(data)
            else:
                for chunk in data:
                    f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as e:  # includes KeyboardInterrupt: never leave the temp file around
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(e, OSError):
            raise error(f"{path}: cannot write ({e.strerror or e})") from None
        raise
    return path
