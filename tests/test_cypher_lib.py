"""kg.neo4j.cypher_lib: the parser of the Cypher library files (no server needed)."""
from __future__ import annotations

import pytest

from kg.neo4j.cypher_lib import LiteralError, find_query, parse_cypher, parse_cypher_file, parse_literal
from kg.errors import ParseError


@pytest.mark.parametrize(
    "text, expected",
    [
        ("'M Geva'", "M Geva"),
        ('"M Geva"', "M Geva"),
        ("  'padded'  ", "padded"),
        (r"'it\'s'", "it's"),
        (r'"say \"hi\""', 'say "hi"'),
        (r"'back\\slash'", "back\\slash"),
        (r"'line\nbreak\ttab'", "line\nbreak\ttab"),
        (r"'\u00e9\U0001F600'", "é\U0001F600"),
        ("'$not `a` param; <script>'", "$not `a` param; <script>"),
        ("''", ""),
        ("42", 42),
        ("-7", -7),
        ("0x1F", 31),
        ("0o17", 15),
        ("2.5", 2.5),
        ("-1e3", -1000.0),
        (".5", 0.5),
        ("true", True),
        ("FALSE", False),
        ("null", None),
        ("[]", []),
        ("[1, 'a', [true]]", [1, "a", [True]]),
        ("{}", {}),
        ("{name: 'x', `odd key`: 1, 'quoted': [2]}", {"name": "x", "odd key": 1, "quoted": [2]}),
        ("{a: {b: null}}", {"a": {"b": None}}),
    ],
)
def test_literals(text, expected):
    value = parse_literal(text)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    "text", ["", "abc", "M Geva", "[1,", "'open", "1 2", "{a 1}", "rand()", "$x", r"'\q'", "[1] x", "{1: 2}"]
)
def test_not_literals(text):
    with pytest.raises(LiteralError):
        parse_literal(text)


LIBRARY = """\
// What this file is about (a comment block followed by a blank line belongs to no query).

// Title: Co-authors
// Description: Everyone who wrote with $author.
:param author => 'M Geva'
:param limit: 10
MATCH (a:Author)-[:AUTHORED]->(p)<-[:AUTHORED]-(c)
WHERE a.name = $author // a comment; with a semicolon
  AND c.name <> 'x;y' /* block; comment */
RETURN c.name LIMIT $limit;

// Second query
// spans two
// description lines
:param `odd name` => [1, 2]
RETURN $`odd name` AS v, $author AS a, "$inside string" AS s
LIMIT 1;
// Third, right after a statement
// No parameters of its own.
RETURN 1 AS one LIMIT 1
"""


def test_parse_queries():
    qs = parse_cypher(LIBRARY, "lib.cypher")
    assert [q.title for q in qs] == ["Co-authors", "Second query", "Third, right after a statement"]
    co, second, third = qs
    assert co.description == "Everyone who wrote with $author."
    assert co.line == 3 and co.file == "lib.cypher"
    assert co.text.startswith("MATCH (a:Author)") and co.text.endswith("LIMIT $limit")
    assert "// a comment; with a semicolon" in co.text  # comments in a statement are kept
    assert co.params == {"author": "M Geva", "limit": 10}
    assert co.parameter_names == {"author", "limit"} and not co.missing_params
    assert second.description == "spans two description lines"
    # Browser semantics: parameters set earlier in the file stay set.
    assert second.params == {"author": "M Geva", "limit": 10, "odd name": [1, 2]}
    assert second.parameter_names == {"odd name", "author"}  # not the one inside a string
    assert second.bound_params == {"author": "M Geva", "odd name": [1, 2]}
    assert third.text == "RETURN 1 AS one LIMIT 1" and third.parameter_names == frozenset()


def test_params_replaces_all_parameters():
    qs = parse_cypher(":param a => 1\n:params {b: 2}\n// T\n// d\nRETURN $b LIMIT 1;\n")
    assert qs[0].params == {"b": 2}


def test_missing_params_are_reported():
    (q,) = parse_cypher("// T\n// d\nRETURN $nowhere LIMIT 1;")
    assert q.missing_params == {"nowhere"}


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("RETURN 1;", 1, "without a title"),
        ("// header\n\nRETURN 1;", 3, "without a title"),  # a blank line cuts the header off
        ("// T\n:param x => rand()\nRETURN $x;", 2, ":param x"),
        ("// T\n:param x => 'open\nRETURN 1;", 2, ":param x"),
        ("// T\n:use system\nRETURN 1;", 2, "unsupported Browser command ':use'"),
        ("// T\nRETURN 'open;\n", 2, "unclosed quote '"),
        ("// T\nRETURN 1 /* open;\n", 2, "unclosed comment"),
        ("// T\nRETURN 1; RETURN 2;", 2, "one statement per line"),
    ],
)
def test_parse_errors_carry_file_and_line(text, line, message):
    with pytest.raises(ParseError) as e:
        parse_cypher(text, "bad.cypher")
    assert e.value.file == "bad.cypher" and e.value.line == line
    assert message in str(e.value)


def test_parse_file(tmp_path):
    path = tmp_path / "q.cypher"
    path.write_text("// Überschrift\n// d\n:param s => 'ä'\nRETURN $s LIMIT 1;\n", encoding="utf-8")
    (q,) = parse_cypher_file(path)
    assert (q.title, q.params, q.file) == ("Überschrift", {"s": "ä"}, str(path))
    with pytest.raises(ParseError, match="no such Cypher file"):
        parse_cypher_file(tmp_path / "missing.cypher")


def test_find_query():
    qs = parse_cypher(LIBRARY)
    assert find_query(qs, "co-authors").title == "Co-authors"
    assert find_query(qs, "SECOND").title == "Second query"
    assert find_query(qs, "right after").title.startswith("Third")
    with pytest.raises(KeyError, match="no queries match"):
        find_query(qs, "nothing like it")
    with pytest.raises(KeyError, match="several queries match"):
        find_query(qs, "o")
