"""``kg query``: Cypher on the graph file (grand-cypher) against Neo4j on the same graph.

Every query of cypher/ that grand-cypher supports must give Neo4j's rows; every other
one must be refused with one line that names the missing feature.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.neo4j import store as neo4j_store
from kg.neo4j.cypher_lib import parse_cypher_file
from kg.pipeline import build_graph
from kg.stores import networkx_store
from kg.stores.networkx_cypher import Engine, UnsupportedCypher

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CYPHER = ROOT / "cypher"
ALL = [(p.stem, q) for p in sorted(CYPHER.glob("*.cypher")) for q in parse_cypher_file(p)]


@pytest.fixture(scope="module")
def seed_graph():
    return build_graph([str(p) for p in sorted(SEEDS.glob("*.txt"))])


@pytest.fixture(scope="module")
def engine(seed_graph):
    return Engine(seed_graph)


@pytest.fixture(scope="module")
def graph_file(seed_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "seeds.kg.json"
    networkx_store.save(seed_graph, path)
    return str(path)


def _supported(engine, q) -> bool:
    try:
        engine.run(q.text, q.bound_params)
    except UnsupportedCypher:
        return False
    return True


def _norm(v):
    """A value comparable across the engines: a path is its node ids."""
    import neo4j.graph as g

    if isinstance(v, g.Path):
        return tuple(f"{next(iter(n.labels))}:{n['key']}" for n in v.nodes)
    if isinstance(v, list) and len(v) % 2 == 1 and all(isinstance(x, str) for x in v[0::2]) and all(
            x is None or isinstance(x, dict) for x in v[1::2]):  # grand-cypher's path: node, {type: edge}, node, ...
        return tuple(v[0::2])
    if isinstance(v, list):
        return tuple(_norm(x) for x in v)
    return v


@pytest.fixture(scope="module")
def seeds_in_neo4j(neo4j_driver, neo4j_empty, seed_graph):
    neo4j_empty()
    neo4j_store.load_graph(neo4j_driver, seed_graph, batch_size=200)
    return neo4j_driver


def test_the_engine_supports_part_of_the_library(engine):
    supported = [q.title for _, q in ALL if _supported(engine, q)]
    # Enough for the parity test to mean something; the rest are refused (below).
    assert len(supported) >= 5, supported
    assert "Most frequent co-author pairs" in supported


@pytest.mark.parametrize("item", ALL, ids=lambda i: f"{i[0]}: {i[1].title}")
def test_unsupported_queries_are_one_line_naming_the_feature(engine, item):
    _, q = item
    try:
        engine.run(q.text, q.bound_params)
    except UnsupportedCypher as e:
        message = str(e)
        assert "\n" not in message
        assert re.match(r"kg query \(grand-cypher\) does not support .+ \(line \d+\); run it on Neo4j with kg cypher$",
                        message), message


@pytest.mark.neo4j
@pytest.mark.parametrize("item", ALL, ids=lambda i: f"{i[0]}: {i[1].title}")
def test_parity_with_neo4j(seeds_in_neo4j, engine, item):
    _, q = item
    if not _supported(engine, q):
        pytest.skip("outside grand-cypher's subset (refused with a one-line error)")
    # Every row, not only the first $limit: unordered results are compared as sets.
    params = {**q.bound_params, **({"limit": 100_000} if "limit" in q.bound_params else {})}
    keys, records = neo4j_store.run_query(seeds_in_neo4j, q.text, params)
    expected = [tuple(_norm(v) for v in r.values()) for r in records]
    columns, rows = engine.run(q.text, params)
    got = [tuple(_norm(v) for v in row) for row in rows]
    assert columns == keys
    assert expected, "a parity check on no rows proves nothing"
    if re.search(r"\bORDER\s+BY\b", q.text, re.I):
        assert got == expected
    else:
        assert sorted(got, key=repr) == sorted(expected, key=repr)
    # ... and with the file's own $limit, the same first rows when the order is defined.
    if re.search(r"\bORDER\s+BY\b", q.text, re.I):
        _, records = neo4j_store.run_query(seeds_in_neo4j, q.text, q.bound_params)
        assert [tuple(_norm(v) for v in row) for row in engine.run(q.text, q.bound_params)[1]] == \
            [tuple(_norm(v) for v in r.values()) for r in records]


# --------------------------------------------------------------------------- kg query


def test_kg_query_string_with_params_in_every_format(graph_file):
    runner = CliRunner()
    text = ("MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author) "
            "WHERE a.name_key = toLower(trim($author)) AND c.name <> a.name "
            "RETURN c.name AS coauthor, p.name AS paper ORDER BY coauthor")
    plain = runner.invoke(cli, ["query", graph_file, text, "-P", "author => 'm geva '"])
    assert plain.exit_code == 0, plain.output
    # Not a terminal: cypher-shell's plain format, values as Cypher literals.
    assert plain.output.splitlines() == [
        "coauthor, paper",
        '"A Gupta", "Analyzing Transformers in Embedding Space"',
        '"G Dar", "Analyzing Transformers in Embedding Space"',
        '"J Berant", "Analyzing Transformers in Embedding Space"',
    ]
    csv = runner.invoke(cli, ["query", graph_file, text, "-P", '{author: "M Geva"}', "--format", "csv"])
    assert csv.output.splitlines()[:2] == ["coauthor,paper", "A Gupta,Analyzing Transformers in Embedding Space"]
    jsonl = runner.invoke(cli, ["query", graph_file, text, "-P", '{author: "M Geva"}', "--format", "jsonl"])
    assert jsonl.output.splitlines()[0] == '{"coauthor":"A Gupta","paper":"Analyzing Transformers in Embedding Space"}'
    import orjson

    (result,) = orjson.loads(runner.invoke(cli, ["query", graph_file, text, "-P", '{author: "M Geva"}',
                                                 "--format", "json"]).output)
    assert result["params"] == {"author": "M Geva"} and len(result["rows"]) == 3


def test_kg_query_reads_stdin_and_library_files(graph_file):
    runner = CliRunner()
    out = runner.invoke(cli, ["query", graph_file, "-", "--format", "csv"],
                        input="// Models\nMATCH (m:Model {name_key: 'bart'}) RETURN m.name AS model;\n")
    assert out.exit_code == 0, out.output
    assert out.output == "model\nBART\n"
    lib = runner.invoke(cli, ["query", graph_file, str(CYPHER / "30_coauthorship.cypher"),
                              "--query", "Most frequent co-author pairs", "-P", "limit => 2", "--format", "csv"])
    assert lib.exit_code == 0, lib.output
    assert lib.output.splitlines()[0] == "author,coauthor,papers" and len(lib.output.splitlines()) == 3


def test_kg_query_unsupported_feature_is_one_line(graph_file):
    runner = CliRunner()
    out = runner.invoke(cli, ["query", graph_file, "MATCH (a:Author) WITH a RETURN a.name"])
    assert out.exit_code == 1
    assert out.output == ("Error: kg query (grand-cypher) does not support WITH (line 1); "
                          "run it on Neo4j with kg cypher\n")
    parse = runner.invoke(cli, ["query", graph_file, "MATCH (a:Author) RETURN a.name ORDER BY"])
    assert parse.exit_code == 1 and len(parse.output.splitlines()) == 1
    assert "cannot parse this at the end of the query" in parse.output


def test_kg_query_strings_stay_values(graph_file):
    """A parameter is written in as an escaped literal, never as query text."""
    runner = CliRunner()
    nasty = 'x" OR 1=1 RETURN a.name //'
    out = runner.invoke(cli, ["query", graph_file, "MATCH (a:Author) WHERE a.name = $n RETURN a.name AS name",
                              "-P", "{n: " + repr(nasty) + "}"])  # repr: a single-quoted Cypher string
    assert out.exit_code == 0, out.output
    assert out.output.splitlines() == ["name"]


def test_planner_hints_are_ignored_by_the_embedded_engine(engine):
    """USING INDEX is for Neo4j's planner; on the graph file it changes nothing."""
    plain = "MATCH (a:Author)\nWHERE a.name = 'S Salter'\nRETURN a.name AS name"
    hinted = "MATCH (a:Author)\nUSING INDEX a:Author(name)\nWHERE a.name = 'S Salter'\nRETURN a.name AS name"
    assert engine.run(hinted) == engine.run(plain) == (["name"], [["S Salter"]])
