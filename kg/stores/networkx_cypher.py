"""Cypher on a graph file, without a server: ``kg query`` over the grand-cypher engine.

`grand-cypher <https://pypi.org/project/grand-cypher/>`_ evaluates a subset of Cypher
directly on a NetworkX graph: ``MATCH`` (several, with label and type alternatives,
property maps and variable-length paths), ``WHERE`` (comparisons, ``CONTAINS``,
``STARTS WITH``, ``IN``, ``toLower``/``trim``/``coalesce``/``size``/``type``),
``RETURN`` with ``DISTINCT`` and the aggregates, ``ORDER BY``, ``SKIP``, ``LIMIT``. It
was chosen over an embedded database (Kùzu, FalkorDB Lite) because it reads the
graph kg already has in memory, with no second copy and no schema to declare; the
price is the subset. Anything outside it is refused up front with a one-line
:class:`UnsupportedCypher` naming the feature, rather than with the parser's
multi-line report or, worse, a wrong answer.

The graph is presented as Neo4j holds it after ``kg load``: a node's label is its
``label`` attribute, a relationship's type its key, and every node with a name has
``name_key`` (:func:`kg.neo4j.store.name_key`), so the queries of ``cypher/`` that
fit the subset give the rows Neo4j gives (tests/test_cypher_query.py checks it).

grand-cypher takes no parameters, so ``$name`` is replaced by the value written as a
Cypher literal (:func:`kg.neo4j.cypher_lib.format_literal`: quoted and escaped,
never the raw text); it reads only double-quoted strings, so single-quoted ones are
rewritten, and it knows the aggregates only in upper case, so ``count(`` and the
like are upper-cased (only outside strings and comments).

Example:

>>> from kg.graph import new_graph
>>> G = new_graph()
>>> G.add_node("Model:bart", label="Model", key="bart", name="BART")
>>> Engine(G).run("MATCH (m:Model {name_key: $m}) RETURN m.name AS model", {"m": "bart"})
(['model'], [['BART']])
>>> Engine(G).run("MATCH (m:Model) WITH m RETURN m")
Traceback (most recent call last):
...
kg.stores.networkx_cypher.UnsupportedCypher: kg query (grand-cypher) does not support WITH (line 1); run it on Neo4j with kg cypher
"""
from __future__ import annotations

import re
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.neo4j.cypher_lib import LiteralError, format_literal, parse_literal

__all__ = ["Engine", "UnsupportedCypher", "CypherError"]


class UnsupportedCypher(KgError):
    """A query outside the Cypher subset grand-cypher evaluates (the message names what)."""


class CypherError(KgError):
    """A query grand-cypher accepted but could not evaluate (e.g. a missing parameter)."""


#: (pattern over code, name of the feature) for what grand-cypher's grammar lacks; the
#: first one found is reported.
_UNSUPPORTED: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), what) for p, what in (
        (r"\bOPTIONAL\s+MATCH\b", "OPTIONAL MATCH"),
        (r"\bCALL\b", "CALL (subqueries and procedures such as full-text search)"),
        (r"\bWITH\b", "WITH"),
        (r"\bUNWIND\b", "UNWIND"),
        (r"\bUNION\b", "UNION"),
        (r"\b(?:CREATE|MERGE|SET|DELETE|DETACH|REMOVE|FOREACH|LOAD\s+CSV)\b", "writing clauses (it only reads)"),
        (r"\b(?:SHOW|DROP|EXPLAIN|PROFILE|USE)\b", "schema and admin commands"),
        (r"\b(?:shortestPath|allShortestPaths|SHORTEST)\b", "shortest paths"),
        (r"\bCASE\b", "CASE expressions"),
        (r"\[\s*\w+\s+IN\b", "list comprehensions"),
        (r"\(\s*DISTINCT\b", "DISTINCT inside an aggregate"),
        (r"\bcount\s*\(\s*\*\s*\)", "count(*)"),
        (r"\bEXISTS\s*\{", "EXISTS subqueries"),
        (r"\bNOT\s+\(", "pattern predicates"),
        (r"(?<![<>=!])=~", "regular expressions (=~)"),
        (r"\[\s*-?\d*\s*\.\.\s*-?\d*\s*\]", "list slices"),
        (r"\bRETURN\s+\*", "RETURN *"),
        # grand-cypher turns a <- step around, and a path through it comes back reordered
        # or with the relationship missing: refused rather than answered wrongly.
        (r"\bMATCH\s+\w+\s*=\s*[^;]*?<-", "named paths with a right-to-left (<-) relationship"),
    ))
#: The functions grand-cypher knows (the aggregates, scalar functions and list predicates of its grammar).
_FUNCTIONS = frozenset({"count", "sum", "avg", "max", "min", "collect", "id", "tolower", "toupper", "trim",
                        "coalesce", "size", "type", "relationships", "all", "any", "none", "single"})
_AGGREGATES = re.compile(r"\b(count|sum|avg|max|min|collect)(\s*\()", re.I)
_FUNCTION_CALL = re.compile(r"(?<![.\w$`])([A-Za-z_][\w.]*)\s*\(")
_PARAM = re.compile(r"\$(?:([A-Za-z_]\w*)|`((?:[^`]|``)*)`)")


def _segments(text: str) -> list[tuple[str, str]]:
    """``text`` cut into ("code" | "string" | "comment", piece), in order."""
    out: list[tuple[str, str]] = []
    i, n, start = 0, len(text), 0
    while i < n:
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" and c != "`" else 1
            out += [("code", text[start:i]), ("string" if c != "`" else "code", text[i : j + 1])]
            i = start = j + 1
        elif text.startswith("//", i) or text.startswith("/*", i):
            j = text.find("\n", i) if text[i + 1] == "/" else text.find("*/", i)
            j = n if j < 0 else (j if text[i + 1] == "/" else j + 2)
            out += [("code", text[start:i]), ("comment", text[i:j])]
            i = start = j
        else:
            i += 1
    out.append(("code", text[start:]))
    return [(kind, piece) for kind, piece in out if piece]


def _line_of(text: str, code_offset: int, segments: list[tuple[str, str]]) -> int:
    seen = 0
    for _, piece in segments:
        if code_offset < seen + len(piece):
            return text.count("\n", 0, seen + (code_offset - seen)) + 1
        seen += len(piece)
    return text.count("\n") + 1


#: Planner hints (``USING INDEX a:Author(name_key)``): directives for Neo4j's planner,
#: which the embedded engine, with no indexes and no planner, does without.
_HINT = re.compile(r"\bUSING\s+(?:(?:TEXT|RANGE|POINT)\s+)?(?:INDEX\s+SEEK|INDEX|SCAN|JOIN\s+ON)\b[^\n]*", re.I)


def _without_hints(text: str) -> str:
    """``text`` with planner hints blanked out in its code (same length, same lines)."""
    return "".join(_HINT.sub(lambda m: " " * len(m.group(0)), piece) if kind == "code" else piece
                   for kind, piece in _segments(text))


def check_supported(text: str) -> None:
    """Raise :class:`UnsupportedCypher` naming the first feature of ``text`` that
    grand-cypher lacks (only code is looked at, not strings or comments; planner hints
    are ignored)."""
    text = _without_hints(text)
    segments = _segments(text)
    # Strings become blanks of the same length, so offsets still map to lines.
    code = "".join(piece if kind == "code" else " " * len(piece) for kind, piece in segments)
    found: list[tuple[int, str]] = []
    for pattern, what in _UNSUPPORTED:
        m = pattern.search(code)
        if m:
            found.append((m.start(), what))
    for m in _FUNCTION_CALL.finditer(code):
        name = m.group(1)
        if name.lower() not in _FUNCTIONS and name.upper() not in ("MATCH", "WHERE", "AND", "OR", "NOT", "IN", "RETURN", "AS"):
            found.append((m.start(), f"the function {name}()"))
    if found:
        offset, what = min(found)
        raise UnsupportedCypher(
            f"kg query (grand-cypher) does not support {what} (line {code.count(chr(10), 0, offset) + 1}); "
            "run it on Neo4j with kg cypher"
        )


def _translate(text: str, params: dict[str, Any]) -> str:
    """grand-cypher's dialect of ``text``: parameters as literals, aggregates in upper
    case, comments dropped, a final ``;`` removed."""
    out = []
    for kind, piece in _segments(_without_hints(text)):
        if kind == "comment":
            out.append(" ")
            continue
        if kind == "code":
            def literal(m: re.Match[str]) -> str:
                name = m.group(1) or m.group(2).replace("``", "`")
                if name not in params:
                    raise CypherError(f"the query uses ${name} but no value was given (-P '{name} => …')")
                return format_literal(params[name])

            piece = _PARAM.sub(literal, piece)
            piece = _AGGREGATES.sub(lambda m: m.group(1).upper() + m.group(2), piece)
        elif kind == "string":
            try:  # grand-cypher reads only "double-quoted" strings
                piece = format_literal(parse_literal(piece))
            except LiteralError as e:
                raise UnsupportedCypher(f"kg query (grand-cypher) cannot read the string {piece[:30]!r}: {e}") from None
        out.append(piece)
    return "".join(out).strip().rstrip(";").strip()


def _return_columns(text: str) -> list[str]:
    """The column names of the RETURN clause, in order (alias, else the expression)."""
    code = "".join(piece if kind != "string" else "''" for kind, piece in _segments(text))
    m = re.search(r"\bRETURN\s+(?:DISTINCT\s+)?(.*?)(?:\bORDER\s+BY\b|\bSKIP\b|\bLIMIT\b|$)", code, re.I | re.S)
    if not m:
        return []
    items, depth, current = [], 0, ""
    for c in m.group(1):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == "," and depth == 0:
            items.append(current)
            current = ""
        else:
            current += c
    items.append(current)
    columns = []
    for item in items:
        alias = re.search(r"\bAS\s+`?(\w+)`?\s*$", item.strip(), re.I)
        columns.append(alias.group(1) if alias else " ".join(item.split()))
    return columns


class Engine:
    """Cypher over one kg graph (see the module docstring)."""

    def __init__(self, G: nx.MultiDiGraph):
        from kg.neo4j.store import NAME_KEY, name_key

        H = nx.MultiDiGraph()
        for n, d in G.nodes(data=True):
            attrs = {k: v for k, v in d.items() if k != "label" and v is not None}
            if isinstance(d.get("name"), str):
                attrs[NAME_KEY] = name_key(d["name"])
            H.add_node(n, __labels__={d.get("label")}, **attrs)
        for u, v, k, d in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=k, __labels__={k}, **{a: b for a, b in d.items() if a != "type" and b is not None})
        self.graph = H

    def run(self, text: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        """(columns, rows) of one read-only statement; :class:`UnsupportedCypher` for a
        feature outside grand-cypher's subset, :class:`CypherError` for other failures."""
        from grandcypher import GrandCypher
        from lark.exceptions import LarkError, UnexpectedInput

        check_supported(text)
        translated = _translate(text, params or {})
        try:
            result = GrandCypher(self.graph).run(translated)
        except UnexpectedInput as e:
            pos = getattr(e, "pos_in_stream", None)
            if e.line is None or e.line < 1 or pos is None:
                where = "at the end of the query"
            else:
                near = translated[pos:][:30].split("\n")[0]
                where = f"at line {e.line}, column {e.column}" + (f" (near {near!r})" if near else "")
            raise UnsupportedCypher(
                f"kg query (grand-cypher) cannot parse this {where}: outside the Cypher subset it supports; "
                "run it on Neo4j with kg cypher"
            ) from None
        except LarkError as e:
            raise CypherError(f"kg query (grand-cypher) failed: {str(e).splitlines()[0]}") from None
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
            raise CypherError(f"kg query (grand-cypher) could not evaluate the query: {type(e).__name__}: {e}") from None
        by_name = {str(k): v for k, v in result.items()}
        columns = [c for c in _return_columns(translated) if c in by_name] or list(by_name)
        if set(columns) != set(by_name):  # an unforeseen column name: keep the engine's order
            columns = list(by_name)
        values = [list(by_name[c]) for c in columns]
        rows = [[_clean(v) for v in row] for row in zip(*values)] if values else []
        return columns, rows


def _clean(v: Any) -> Any:
    """A result value without grand-cypher's internal ``__labels__``."""
    if isinstance(v, dict):
        return {k: _clean(x) for k, x in v.items() if k != "__labels__"}
    if isinstance(v, list | tuple):
        return [_clean(x) for x in v]
    if isinstance(v, set):
        return sorted(_clean(x) for x in v)
    return v
