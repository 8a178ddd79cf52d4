"""Read the Cypher library files of ``cypher/`` into titled, parameterised queries.

The files are written for Neo4j Browser: paste a block (or a whole file) into the
editor and run it. The same files are what ``kg cypher`` runs and what the tests
check, so this module is the one parser for all three.

File format::

    // Shared comment of the file (any comment block followed by a blank line
    // belongs to no query).

    // Co-authors of an author
    // Everyone who wrote a paper with $author, with how many papers they share.
    :param author => 'M Geva'
    :param limit => 25
    MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
    WHERE toLower(a.name) = toLower($author)
    RETURN c.name AS coauthor, count(p) AS papers
    ORDER BY papers DESC, coauthor
    LIMIT $limit;

* A query is one statement, ended by ``;`` (outside strings and comments) or by the
  end of the file. ``//`` and ``/* */`` comments inside it are kept in its text.
* The ``//`` lines right before it (up to a blank line or the previous statement)
  are its header: the first is its **title**, the others its **description**.
  ``// Title: …`` and ``// Description: …`` prefixes are accepted and dropped.
  A statement without a header is a :class:`~kg.errors.ParseError`.
* ``:param name => value`` and ``:param name: value`` set one parameter and
  ``:params {name: value, …}`` replaces them all, as in Browser. ``value`` is a
  Cypher literal: a string in single or double quotes (with backslash escapes),
  an integer (decimal, ``0x``, ``0o``), a float, ``true``/``false``/``null``, a
  list ``[…]`` or a map ``{key: …}``. Expressions are not evaluated.
* Browser keeps parameters for the whole session, so :attr:`Query.params` holds
  every parameter set *so far in the file*: running the file top to bottom in
  Browser and running any one query with its ``params`` agree.

Example:

>>> qs = parse_cypher('''
... // Papers in a category
... // Every paper filed under $category.
... :param category => "CL"
... MATCH (p:Paper)-[:IN_CATEGORY]->(:Category {key: $category})
... RETURN p.name AS paper LIMIT 10;
... ''')
>>> qs[0].title, qs[0].params, sorted(qs[0].parameter_names)
('Papers in a category', {'category': 'CL'}, ['category'])
>>> parse_literal("['a\\\\'b', 1, -2.5e1, {x: true, `y z`: null}]")
["a'b", 1, -25.0, {'x': True, 'y z': None}]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from kg.errors import ParseError

__all__ = ["Query", "parse_cypher_file", "parse_cypher", "parse_literal", "parse_param_option", "format_literal",
           "LiteralError", "find_query"]


@dataclass(frozen=True)
class Query:
    """One statement of a Cypher library file."""

    title: str
    description: str
    text: str  # the statement, without its header, :param lines and final ";"
    params: dict[str, Any] = field(default_factory=dict)  # every parameter set so far in the file
    file: str = "<text>"
    line: int = 0  # 1-based line of the title

    @property
    def parameter_names(self) -> frozenset[str]:
        """The ``$parameters`` the statement uses (outside strings and comments)."""
        return frozenset(_scan(self.text).params)

    @property
    def bound_params(self) -> dict[str, Any]:
        """:attr:`params` restricted to the parameters the statement uses."""
        return {k: v for k, v in self.params.items() if k in self.parameter_names}

    @property
    def missing_params(self) -> frozenset[str]:
        """Parameters the statement uses that no ``:param`` line before it sets."""
        return self.parameter_names - set(self.params)


class LiteralError(ValueError):
    """Text that is not a Cypher literal (the message says where)."""


# --------------------------------------------------------------------------- statements


@dataclass
class _Scan:
    end: int | None = None  # index just after the terminating ";", if any
    params: list[str] = field(default_factory=list)
    state: str = ""  # "" (code) or the open quote / "/*" at the end of the text


_PARAM_NAME = re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)|`((?:[^`]|``)*)`)")


def _scan(text: str, state: str = "") -> _Scan:
    """Walk Cypher text, skipping strings, quoted names and comments; find the first
    ``;`` in code and the ``$parameters``. ``state`` continues an open string or
    block comment from a previous line."""
    out = _Scan()
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if state == "/*":
            j = text.find("*/", i)
            if j < 0:
                i = n
                break
            i, state = j + 2, ""
        elif state:  # inside '…', "…" or `…`
            if c == "\\" and state != "`":
                i += 2
            elif c == state:
                if state == "`" and text.startswith("``", i):  # escaped backtick
                    i += 2
                else:
                    i, state = i + 1, ""
            else:
                i += 1
        elif c in "'\"`":
            i, state = i + 1, c
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            i, state = i + 2, "/*"
        elif c == "$":
            m = _PARAM_NAME.match(text, i)
            if m:
                out.params.append(m.group(1) or m.group(2).replace("``", "`"))
                i = m.end()
            else:
                i += 1
        elif c == ";":
            out.end = i + 1
            break
        else:
            i += 1
    out.state = state
    return out


_TITLE = re.compile(r"^title\s*:\s*", re.I)
_DESCRIPTION = re.compile(r"^description\s*:\s*", re.I)
_PARAM = re.compile(r"^:param\s+(?:([A-Za-z_][A-Za-z0-9_]*)|`((?:[^`]|``)+)`)\s*(=>|:)\s*(.*?)\s*;?\s*$", re.S)
_PARAMS = re.compile(r"^:params\s+(\{.*\})\s*;?\s*$", re.S)


def parse_cypher(text: str, file: str = "<text>", *, titled: bool = True) -> list[Query]:
    """The queries of a Cypher library text (see the module docstring for the format).

    Raises :class:`~kg.errors.ParseError` (with ``file:line``) for a statement without
    a title (unless ``titled`` is False: then such a statement is called ``query N``,
    as for text typed at ``kg cypher``), a malformed ``:param`` line, another Browser
    command, or an unclosed string or comment.
    """
    queries: list[Query] = []
    params: dict[str, Any] = {}
    header: list[tuple[int, str]] = []  # (line, comment text) since the last blank line / statement
    body: list[str] = []  # lines of the statement being read
    body_header: list[tuple[int, str]] = []
    body_line = 0
    state = ""

    def finish(last_line: str) -> None:
        nonlocal body, body_header
        body.append(last_line)
        statement = "\n".join(body).strip()
        body, hdr, body_header = [], body_header, []
        if not statement:
            return
        if not hdr and not titled:
            hdr = [(body_line, f"query {len(queries) + 1}")]
        if not hdr:
            raise ParseError(file, body_line, "query without a title: put a '// Title' comment line right before it")
        title = _TITLE.sub("", hdr[0][1]).strip()
        description = " ".join(_DESCRIPTION.sub("", t).strip() for _, t in hdr[1:]).strip()
        if not title:
            raise ParseError(file, hdr[0][0], "empty query title")
        queries.append(Query(title, description, statement, dict(params), file, hdr[0][0]))

    lines = text.splitlines()
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if not body and not state:  # between statements
            if not stripped:
                header = []
                continue
            if stripped.startswith("//"):
                header.append((number, stripped[2:].strip()))
                continue
            if stripped.startswith(":"):
                _browser_command(stripped, params, file, number)
                continue
            body_header, header, body_line = header, [], number
        scan = _scan(raw + "\n", state)  # "\n" ends a // comment at the end of the line
        state = scan.state
        if scan.end is None:
            body.append(raw)
            continue
        finish(raw[: scan.end - 1])
        rest = raw[scan.end :].strip()
        if rest and not rest.startswith("//"):
            raise ParseError(file, number, f"put one statement per line end; text after ';': {rest[:40]!r}")
    if state:
        raise ParseError(file, body_line, f"unclosed {'comment' if state == '/*' else 'quote ' + state} in this query")
    if body:
        finish("")
    return queries


def _browser_command(line: str, params: dict[str, Any], file: str, number: int) -> None:
    m = _PARAM.match(line)
    if m:
        name = m.group(1) or m.group(2).replace("``", "`")
        try:
            params[name] = parse_literal(m.group(4))
        except LiteralError as e:
            raise ParseError(file, number, f":param {name}: {e}") from None
        return
    m = _PARAMS.match(line)
    if m:
        try:
            value = parse_literal(m.group(1))
        except LiteralError as e:
            raise ParseError(file, number, f":params: {e}") from None
        params.clear()
        params.update(value)
        return
    raise ParseError(file, number, f"unsupported Browser command {line.split()[0]!r} (only :param and :params)")


def parse_cypher_file(path: str | os.PathLike[str], *, titled: bool = True) -> list[Query]:
    """The queries of one Cypher library file (UTF-8); see :func:`parse_cypher`."""
    path = os.fspath(path)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        raise ParseError(path, 0, "no such Cypher file") from None
    except UnicodeDecodeError as e:
        raise ParseError(path, 0, f"not UTF-8 ({e.reason})") from None
    return parse_cypher(text, path, titled=titled)


def find_query(queries: list[Query], title: str) -> Query:
    """The query whose title is ``title`` (case-insensitive), else the only one whose
    title contains it; ``KeyError`` listing the titles otherwise."""
    want = title.casefold()
    exact = [q for q in queries if q.title.casefold() == want]
    if exact:
        return exact[0]
    partial = [q for q in queries if want in q.title.casefold()]
    if len(partial) == 1:
        return partial[0]
    titles = "; ".join(q.title for q in (partial or queries))
    raise KeyError(f"{'several' if partial else 'no'} queries match {title!r}: {titles}")


# --------------------------------------------------------------------------- literals

_NUMBER = re.compile(
    r"-?(?:0x[0-9a-fA-F]+|0o[0-7]+|(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?)"
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "`": "`"}


def parse_literal(text: str) -> Any:
    """The Python value of a Cypher literal (see the module docstring); raises
    :class:`LiteralError` for anything else, e.g. an expression."""
    p = _LiteralParser(text)
    value = p.value()
    p.space()
    if p.i != len(text):
        p.fail("unexpected text after the value")
    return value


class _LiteralParser:
    def __init__(self, text: str):
        self.text = text
        self.i = 0

    def fail(self, why: str) -> None:
        raise LiteralError(f"{why} at column {self.i + 1} of {self.text!r}")

    def space(self) -> None:
        while self.i < len(self.text) and self.text[self.i].isspace():
            self.i += 1

    def value(self) -> Any:
        self.space()
        if self.i >= len(self.text):
            self.fail("expected a value")
        c = self.text[self.i]
        if c in "'\"":
            return self.string()
        if c == "[":
            return self.sequence("]", self.value)
        if c == "{":
            return dict(self.sequence("}", self.entry))
        m = _NUMBER.match(self.text, self.i)
        if m and not _WORD.match(self.text, m.end()):
            self.i = m.end()
            s = m.group().lower()
            if "0x" in s:
                return int(s.replace("0x", ""), 16)
            if "0o" in s:
                return int(s.replace("0o", ""), 8)
            return float(s) if any(ch in s for ch in ".e") else int(s)
        m = _WORD.match(self.text, self.i)
        if m and m.group().lower() in ("true", "false", "null"):
            self.i = m.end()
            return {"true": True, "false": False, "null": None}[m.group().lower()]
        self.fail("not a literal (strings, numbers, true/false/null, lists and maps only)")

    def string(self) -> str:
        quote = self.text[self.i]
        self.i += 1
        out: list[str] = []
        while self.i < len(self.text):
            c = self.text[self.i]
            if c == quote:
                self.i += 1
                return "".join(out)
            if c == "\\":
                nxt = self.text[self.i + 1 : self.i + 2]
                if nxt in _ESCAPES:
                    out.append(_ESCAPES[nxt])
                    self.i += 2
                elif nxt in ("u", "U"):
                    width = 4 if nxt == "u" else 8
                    digits = self.text[self.i + 2 : self.i + 2 + width]
                    if len(digits) != width or not all(d in "0123456789abcdefABCDEF" for d in digits):
                        self.fail(f"bad \\{nxt} escape")
                    out.append(chr(int(digits, 16)))
                    self.i += 2 + width
                else:
                    self.fail(f"unknown escape \\{nxt}")
            else:
                out.append(c)
                self.i += 1
        self.fail("unclosed string")

    def sequence(self, close: str, item) -> list:
        self.i += 1  # the opening bracket
        items = []
        self.space()
        if self.text.startswith(close, self.i):
            self.i += 1
            return items
        while True:
            items.append(item())
            self.space()
            if self.text.startswith(",", self.i):
                self.i += 1
            elif self.text.startswith(close, self.i):
                self.i += 1
                return items
            else:
                self.fail(f"expected ',' or '{close}'")

    def entry(self) -> tuple[str, Any]:
        self.space()
        if self.text.startswith("`", self.i):
            j = self.i + 1
            key = []
            while True:
                k = self.text.find("`", j)
                if k < 0:
                    self.fail("unclosed `name`")
                key.append(self.text[j:k])
                if self.text.startswith("``", k):
                    key.append("`")
                    j = k + 2
                    continue
                self.i = k + 1
                break
            name = "".join(key)
        elif self.i < len(self.text) and self.text[self.i] in "'\"":
            name = self.string()  # Browser's JavaScript-style maps
        else:
            m = _WORD.match(self.text, self.i)
            if not m:
                self.fail("expected a map key")
            name, self.i = m.group(), m.end()
        self.space()
        if not self.text.startswith(":", self.i):
            self.fail("expected ':' after a map key")
        self.i += 1
        return name, self.value()


_PARAM_OPTION = re.compile(r"^\s*(?:([A-Za-z_][A-Za-z0-9_]*)|`((?:[^`]|``)+)`)\s*(=>|:)\s*(.*?)\s*$", re.S)


def parse_param_option(text: str) -> dict[str, Any]:
    """The parameters of one cypher-shell ``-P`` / ``--param`` value: a map
    ``{name: value, …}``, or ``name => value`` (also ``name: value``, as in Browser).
    Values are Cypher literals, so ``'2209.01947'`` is a string and ``2209.01947`` a
    float. Raises :class:`LiteralError` with a hint otherwise.

    >>> parse_param_option('{paper: "2209.01947", limit: 5}')
    {'paper': '2209.01947', 'limit': 5}
    >>> parse_param_option("author => 'M Geva'")
    {'author': 'M Geva'}
    """
    stripped = text.strip()
    if stripped.startswith("{"):
        value = parse_literal(stripped)
        if not isinstance(value, dict):
            raise LiteralError(f"{text!r} is not a map")
        return value
    m = _PARAM_OPTION.match(text)
    if not m:
        raise LiteralError(f"{text!r} is neither a map {{name: value}} nor 'name => value'")
    name = m.group(1) or m.group(2).replace("``", "`")
    try:
        return {name: parse_literal(m.group(4))}
    except LiteralError as e:
        raise LiteralError(f"{e}; quote strings, e.g. {name} => {format_literal(m.group(4))}") from None


def format_literal(value: Any) -> str:
    """``value`` written as a Cypher literal (the inverse of :func:`parse_literal`).

    >>> print(format_literal(["it's", 1, None, {"x y": True}]))
    ["it's", 1, null, {`x y`: true}]
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        out = []
        for c in value:
            if c in "\\\"":
                out.append("\\" + c)
            elif c == "\n":
                out.append("\\n")
            elif c == "\t":
                out.append("\\t")
            elif c == "\r":
                out.append("\\r")
            elif ord(c) < 0x20:
                out.append(f"\\u{ord(c):04x}")
            else:
                out.append(c)
        return '"' + "".join(out) + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(format_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_map_key(k)}: {format_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for a {type(value).__name__}")


def _map_key(key: str) -> str:
    return key if _WORD.fullmatch(key) else "`" + key.replace("`", "``") + "`"
