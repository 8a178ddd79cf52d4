"""Stage 1 — read: turn files into decoded :class:`~kg.records.Document` values.

Digests arrive as UTF-8 (with or without BOM), UTF-16 from Windows tools, GBK/GB18030
from Chinese sites, with CRLF or mixed line ends. We detect in a fixed order that is
cheap and deterministic — BOM, strict UTF-8, strict GB18030, then charset-normalizer's
guess — and refuse what is not text, rather than guessing one encoding and producing
mojibake that would poison the graph with garbage names.
"""
from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.errors import ReadError
from kg.records import Document

log = logging.getLogger(__name__)

__all__ = ["read_file", "read_bytes", "iter_paths", "read_paths", "Skipped", "DIGEST_SUFFIXES"]

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: Share of control characters (other than tab/CR/LF/FF) above which decoded text is
#: treated as binary. Real digests have none; 1% tolerates a stray escape code.
MAX_CONTROL_SHARE = 0.01

#: Share of undecodable bytes up to which a file that is otherwise valid UTF-8 is read
#: with those bytes replaced (and a warning), instead of being refused: one damaged byte
#: in a long digest should cost one character, not the file. 0.5% is far below what any
#: other encoding read as UTF-8 produces (GBK or Latin-1 text fails on most non-ASCII
#: bytes).
MAX_REPLACED_SHARE = 0.005


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path that was not read, and why (reported, never silently dropped)."""

    path: str
    reason: str


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte is NUL for ASCII-heavy text."""
    if len(data) < 4:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


# Control characters no text digest holds: below 32 save tab, line feed, form feed and
# carriage return, and DEL. One regex scan (C speed) instead of a Python step per
# character: every file read goes through this, and most have none.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = len(_CONTROL.findall(text))
    return bad / len(text)


def _stray_nuls(data: bytes) -> bool:
    """A few NUL bytes in what is otherwise valid UTF-8 text are damage to a text file,
    not the mark of a binary one."""
    if data.count(b"\x00") > MAX_CONTROL_SHARE * len(data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)`` or raises :class:`ReadError`."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as e:
            raise ReadError(path, f"cannot decode as {encoding}: {e}") from None
    if not data.strip():
        raise ReadError(path, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise ReadError(path, f"starts with a {enc} byte-order mark but is not {enc}: {e.reason}") from None
    guess16 = _looks_utf16(data)
    candidates = [guess16] if guess16 else []
    if b"\x00" in data and not guess16 and not _stray_nuls(data):
        raise ReadError(path, "binary file (contains NUL bytes), not a text digest")
    candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and not _plausible_gb(text):
            continue
        if enc == guess16 and not _plausible_utf16(text):
            if b"\x00" in data:
                raise ReadError(path, "binary file (contains NUL bytes), not a text digest")
            continue
        if enc != guess16 and "\x00" in text:
            # A stray NUL in a text file (the "\u" of a BibTeX "\url" turned into U+0000 by
            # a site generator): one replacement character each, so every offset stays.
            log.warning("%s: %d NUL byte(s) read as U+FFFD", path, text.count("\x00"))
            text = text.replace("\x00", "\ufffd")
        if _control_share(text) > MAX_CONTROL_SHARE:
            raise ReadError(path, "binary file (control bytes), not a text digest")
        return text, enc
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if 0 < bad <= MAX_REPLACED_SHARE * len(data) and _control_share(text) <= MAX_CONTROL_SHARE:
        log.warning("%s: %d byte(s) that are not UTF-8 replaced by U+FFFD", path, bad)
        return text, "utf-8"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # charset-normalizer is a heuristic; any failure means "unknown"
        best = None
    if best is not None and best.encoding:
        text, enc = str(best), best.encoding
        western = _western(data)
        if western is not None and _single_byte_latin(enc):
            # charset-normalizer picks among the Latin code pages by letter statistics and
            # may choose cp1250 for French; text that is plain Western European in cp1252
            # is read as cp1252 (the common case for digests in English).
            text, enc = western, "cp1252"
        if _control_share(text) <= MAX_CONTROL_SHARE:
            return text, enc
    raise ReadError(path, "not valid text in any supported encoding (UTF-8/16/32, GB18030); try --encoding")


def _plausible_utf16(text: str) -> bool:
    """Text guessed as UTF-16 from its NUL bytes must look like text: some spaces or
    line breaks (byte pairs of ASCII letters read as UTF-16 give CJK-looking runs
    without any)."""
    if len(text) <= 40:
        return True
    return sum(1 for c in text if c in " \n\t\u3000") >= len(text) / 200


def _single_byte_latin(enc: str) -> bool:
    e = enc.lower().replace("_", "-")
    return e.startswith(("cp125", "windows-125", "iso8859", "iso-8859", "latin", "mac-roman", "cp850"))


def _western(data: bytes) -> str | None:
    """``data`` as cp1252 when every non-ASCII character is a Latin-1 letter or common
    typographic punctuation, else ``None``."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for c in text:
        if not (c.isascii() or "\u00a0" <= c <= "\u00ff" or c in "‘’‚“”„–—…•€™ŠšŒœŽžŸ†‡‰‹›ˆ˜ƒ"):
            return None
    return text


def _plausible_gb(text: str) -> bool:
    """GB18030 decodes almost any byte string; accept it only when the result is mostly
    common CJK, ASCII and punctuation (mojibake from binary data is not)."""
    if not text:
        return False
    ok = sum(
        1
        for c in text
        if c.isascii() or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return ok / len(text) > 0.9


# Invisible characters that web copies scatter through text (Weibo pads counters with
# zero-width spaces; a BOM survives in the middle of concatenated files). They carry no
# meaning and break every "whole line" pattern, so they are removed on reading.
_INVISIBLE = "\u200b\u2060\ufeff"


def normalize_newlines(text: str) -> str:
    """LF line ends (from CRLF, CR or Unicode line separators), invisible characters
    removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # Each removed where it occurs: ``str.translate`` with a table looks every character of
    # a non-ASCII text up one by one (90 ms for a 2,000-entry file of Chinese abstracts).
    for ch in _INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    return text


def read_bytes(data: bytes, path: str = "<stdin>", encoding: str | None = None) -> Document:
    text, enc = decode(data, path, encoding)
    return Document(path=path, text=normalize_newlines(text), encoding=enc)


def read_file(path: str | os.PathLike[str], encoding: str | None = None) -> Document:
    """Read one file; ``-`` reads standard input."""
    p = os.fspath(path)
    if p == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", encoding)
    try:
        with open(p, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise ReadError(p, "no such file") from None
    except IsADirectoryError:
        raise ReadError(p, "is a directory") from None
    except OSError as e:
        raise ReadError(p, e.strerror or str(e)) from None
    return read_bytes(data, p, encoding)


#: File suffixes read when a folder is given: plain text, Markdown (Quarto's ``.qmd``
#: too), reStructuredText, BibTeX reading lists, and RSS/Atom feeds (whether a file is
#: a feed is decided by its content, not its suffix).
DIGEST_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".qmd", ".rst", ".bib", ".xml", ".rss", ".atom")


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Expand folders into their digest files (:data:`DIGEST_SUFFIXES`, sorted,
    recursively); keep files as given."""
    for path in paths:
        p = os.fspath(path)
        if p != "-" and os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                found += [os.path.join(root, f) for f in files if f.lower().endswith(DIGEST_SUFFIXES)]
            yield from sorted(found)
        else:
            yield p


def read_paths(
    paths: Iterable[str | os.PathLike[str]], encoding: str | None = None
) -> Iterator[Document | Skipped]:
    """Read every path, yielding a :class:`Skipped` for each that cannot be read."""
    for p in iter_paths(paths):
        try:
            yield read_file(p, encoding)
        except ReadError as e:
            # info, not warning: the caller reports every Skipped it gets (the CLI prints
            # "skipped PATH: reason" once), so a warning here would print the line twice.
            log.info("skipped %s: %s", e.path, e.reason)
            yield Skipped(e.path, e.reason)
