"""kg.analytics and ``kg analyze``: answers computed by hand on a small graph, and seed
facts read off ``seeds/002_bfb65bf37921ed7f.txt`` (the only structured seed digest, so
every author, institution and category of the seed graph comes from it).

Seed facts, from the digest text (institutions as the resolver canonicalises them):

====  ==========  ==========================================  ================================
#     arXiv       authors                                     [affiliations]
====  ==========  ==========================================  ================================
1 LG  2209.01947  S Salter, M Wulfmeier, D Tirumala, N Heess,  DeepMind
                  M Riedmiller, R Hadsell, D Rao
2 LG  2209.01667  W Fedus, J Dean, B Zoph                      Google Brain & Google Research
3 CL  2209.02535  G Dar, M Geva, A Gupta, J Berant             Tel-Aviv University & Allen
                                                               Institute for Artificial Intelligence
4 LG  2209.02606  D Zhang, R T. Q. Chen, N Malkin, Y Bengio    Mila & Facebook AI Research
5 CL  2209.01975  H Su, J Kasai, C H Wu, W Shi...              The University of Hong Kong,
                                                               University of Washington, CMU,
                                                               Penn State University, Meta AI
- CV  2209.01540  T Fu, L Li, Z Gan, K Lin, W Y Wang, L Wang,  UC Santa Barbara & Microsoft
                  Z Liu
- LG  2209.01346  T Hoefler, T Bonato, D D Sensi, S D          ETH Zurich & Microsoft Corporation
                  Girolamo, S Li, M Heddes, J Belk, D Goel,
                  M Castro, S Scott
- CL  2209.01232  W Wang, V Srikumar, H Hajishirzi, N A. Smith  University of Washington & Allen
                                                               Institute for AI
- CV  2209.02136  H Tang, N Sebe                               ETH Zurich & University of Trento
====  ==========  ==========================================  ================================

So: 45 distinct authors, each on one paper (co-author cliques of 7, 3, 4, 4, 4, 7, 10, 4
and 2: 115 pairs); 16 institutions once "Microsoft Corporation" is Microsoft and both
spellings of the Allen Institute are one; categories LG 4, CL 3, CV 2, all in digest 002.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg import analytics as A
from kg.analytics.structure import _lean
from kg.cli import cli
from kg.graph import build_graph as graph_from_records
from kg.records import Author, Mention, PaperRecord
from kg.stores import networkx_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


# --- a small graph with known answers -------------------------------------------------


def _mentions(names, role="used"):
    return tuple(Mention(n, n, 0, 0, role=role) for n in names)


def rec(file, line, arxiv, category, authors, insts=(), proposes=(), uses=(), introduces=(), evaluates=()):
    return PaperRecord(
        file=file, line=line, end_line=line + 3, kind="digest", layout="test", lang="en", arxiv_id=arxiv,
        title=f"Paper {arxiv}", title_zh=None, category=category,
        authors=tuple(Author(a, i, 0, 0) for i, a in enumerate(authors, 1)), authors_truncated=False,
        institutions=_mentions(insts), models=_mentions(proposes, "proposed") + _mentions(uses),
        datasets=_mentions(introduces, "proposed") + _mentions(evaluates), urls=(), text=f"entry {arxiv}",
    )


# Two digests (01 then 02), five papers:
#   P1 01 LG  Ann Bob Cat  MIT Stanford   proposes Alpha, uses BERT   introduces SetA, evaluates GLUE
#   P2 01 LG  Ann Bob      MIT Stanford   uses BERT                   evaluates GLUE
#   P3 02 CL  Bob Dan      Stanford Oxford uses BERT, Alpha           evaluates GLUE, SQuAD
#   P4 02 CL  Eve          Oxford          proposes Beta              evaluates SQuAD
#   P5 02 --  Fay Gus      -               -                          -
RECORDS = [
    rec("01_a.txt", 1, "2301.00001", "LG", ["Ann", "Bob", "Cat"], ["MIT", "Stanford"], ["Alpha"], ["BERT"], ["SetA"], ["GLUE"]),
    rec("01_a.txt", 10, "2301.00002", "LG", ["Ann", "Bob"], ["MIT", "Stanford"], (), ["BERT"], (), ["GLUE"]),
    rec("02_b.txt", 1, "2302.00003", "CL", ["Bob", "Dan"], ["Stanford", "Oxford"], (), ["BERT", "Alpha"], (), ["GLUE", "SQuAD"]),
    rec("02_b.txt", 10, "2302.00004", "CL", ["Eve"], ["Oxford"], ["Beta"], (), (), ["SQuAD"]),
    rec("02_b.txt", 20, "2302.00005", None, ["Fay", "Gus"]),
]
P1, P2, P3, P4, P5 = (f"Paper {r.arxiv_id}" for r in RECORDS)


@pytest.fixture(scope="module")
def small():
    return graph_from_records(RECORDS)


@pytest.fixture(scope="module")
def seed():
    return kg.build_graph([SEEDS])


def rows(links):
    return [(r.source, r.target, r.weight) for r in links]


# --- projections ----------------------------------------------------------------------


def test_coauthors_weight_is_shared_papers(small):
    assert rows(A.coauthors(small)) == [
        ("Ann", "Bob", 2), ("Ann", "Cat", 1), ("Bob", "Cat", 1), ("Bob", "Dan", 1), ("Fay", "Gus", 1),
    ]
    assert A.coauthors(small)[0].via == (P1, P2)
    assert rows(A.coauthors(small, author="Bob")) == [("Bob", "Ann", 2), ("Bob", "Cat", 1), ("Bob", "Dan", 1)]
    assert rows(A.coauthors(small, k=2)) == [("Ann", "Bob", 2), ("Ann", "Cat", 1)]
    H = A.coauthor_graph(small)
    assert "Author:eve" in H and H.degree("Author:eve") == 0  # a sole author is still a node


def test_institution_collaborations(small):
    assert rows(A.collaborations(small)) == [("MIT", "Stanford", 2), ("Oxford", "Stanford", 1)]
    assert rows(A.collaborations(small, institution="Oxford")) == [("Oxford", "Stanford", 1)]
    # Author -> Institution edges (Eve -> Oxford) never make an institution pair.
    assert A.institution_graph(small).number_of_edges() == 2


def test_usage_bipartite_and_roles(small):
    assert rows(A.usage(small)) == [
        ("BERT", "GLUE", 3), ("Alpha", "GLUE", 2),
        ("Alpha", "SQuAD", 1), ("Alpha", "SetA", 1), ("BERT", "SQuAD", 1), ("BERT", "SetA", 1), ("Beta", "SQuAD", 1),
    ]
    # Which datasets is each proposed model evaluated on?
    assert rows(A.usage(small, model_role="proposed", dataset_role="used")) == [("Alpha", "GLUE", 1), ("Beta", "SQuAD", 1)]
    assert rows(A.usage(small, dataset="SQuAD")) == [("Alpha", "SQuAD", 1), ("BERT", "SQuAD", 1), ("Beta", "SQuAD", 1)]
    assert rows(A.usage(small, model="Beta", dataset_role="proposed")) == []
    H = A.usage_graph(small)
    assert {d["bipartite"] for n, d in H.nodes(data=True) if n.startswith("Model:")} == {0}
    with pytest.raises(A.AnalyticsError, match="not both"):
        A.usage(small, model="BERT", dataset="GLUE")


def test_similar_papers_by_shared_entities(small):
    got = [(r.source, r.target, r.shared, r.jaccard) for r in A.similar_papers(small)]
    # P1 has 9 entities, P2 6, P3 8, P4 4: shared / union by hand.
    assert got == [
        (P1, P2, 6, round(6 / 9, 6)),
        (P1, P3, 5, round(5 / 12, 6)),
        (P2, P3, 4, round(4 / 10, 6)),
        (P3, P4, 2, round(2 / 10, 6)),
    ]
    assert A.similar_papers(small, paper="2302.00004")[0].via == ("Oxford", "SQuAD")
    assert [r.via for r in A.similar_papers(small, labels=["Author"])] == [("Ann", "Bob"), ("Bob",), ("Bob",)]


# --- rankings -------------------------------------------------------------------------


def ranked(rs):
    return [(r.name, r.papers) for r in rs]


@pytest.mark.parametrize(
    "label, role, expected",
    [
        ("Author", "any", [("Bob", 3), ("Ann", 2), ("Cat", 1), ("Dan", 1), ("Eve", 1), ("Fay", 1), ("Gus", 1)]),
        ("Institution", "any", [("Stanford", 3), ("MIT", 2), ("Oxford", 2)]),
        ("Model", "any", [("BERT", 3), ("Alpha", 2), ("Beta", 1)]),
        ("Model", "proposed", [("Alpha", 1), ("Beta", 1)]),
        ("Model", "used", [("BERT", 3), ("Alpha", 1)]),
        ("Dataset", "any", [("GLUE", 3), ("SQuAD", 2), ("SetA", 1)]),
        ("Dataset", "proposed", [("SetA", 1)]),
        ("Dataset", "used", [("GLUE", 3), ("SQuAD", 2)]),
        ("Category", "any", [("CL", 2), ("LG", 2)]),
    ],
)
def test_top(small, label, role, expected):
    assert ranked(A.top(small, label, k=None, role=role)) == expected


def test_top_grouped_and_filtered(small):
    got = [(r.group, r.rank, r.name, r.papers) for r in A.top(small, "Author", k=1, by="category")]
    assert got == [("CL", 1, "Bob", 1), ("LG", 1, "Ann", 2), (A.NO_GROUP, 1, "Fay", 1)]
    got = [(r.group, r.name, r.papers) for r in A.top(small, "Model", k=None, by="digest")]
    assert got == [("01_a.txt", "BERT", 2), ("01_a.txt", "Alpha", 1),
                   ("02_b.txt", "Alpha", 1), ("02_b.txt", "BERT", 1), ("02_b.txt", "Beta", 1)]
    assert ranked(A.top(small, "Author", k=2, category="LG")) == [("Ann", 2), ("Bob", 2)]
    assert ranked(A.top(small, "Institution", digest="02")) == [("Oxford", 2), ("Stanford", 1)]
    with pytest.raises(A.AnalyticsError, match="no role"):
        A.top(small, "Author", role="proposed")
    with pytest.raises(A.UnknownNodeError):
        A.top(small, "Author", category="XX")


def test_trends_last_two_digests_and_chosen_pair(small):
    got = [(r.name, r.counts["01_a.txt"], r.counts["02_b.txt"], r.delta) for r in A.trends(small, "Author")]
    assert got == [("Dan", 0, 1, 1), ("Eve", 0, 1, 1), ("Fay", 0, 1, 1), ("Gus", 0, 1, 1),
                   ("Bob", 2, 1, -1), ("Cat", 1, 0, -1), ("Ann", 2, 0, -2)]
    assert [(r.name, r.delta) for r in A.trends(small, "Model", role="any")] == [("Beta", 1), ("Alpha", 0), ("BERT", -1)]
    back = A.trends(small, "Model", between=("02", "01_a.txt"), k=1)
    assert [(r.name, r.delta, r.before, r.after) for r in back] == [("BERT", 1, "02_b.txt", "01_a.txt")]
    with pytest.raises(A.AmbiguousNodeError):
        A.trends(small, "Model", between=("0", "02"))
    with pytest.raises(A.AnalyticsError, match="no digest"):
        A.trends(small, "Model", between=("03", "02"))


# --- structure ------------------------------------------------------------------------


def test_components_and_communities(small):
    comps = A.components(small, of="coauthors")
    assert [(c.size, c.members) for c in comps] == [
        (4, ("Bob", "Ann", "Cat", "Dan")),  # most connected first: Bob has 4 co-author papers
        (2, ("Fay", "Gus")),
        (1, ("Eve",)),
    ]
    assert [c.index for c in A.components(small, of="coauthors", min_size=2)] == [1, 2]
    cs = A.communities(small, of="coauthors", method="louvain")
    assert sorted(n for c in cs for n in c.ids) == sorted(A.coauthor_graph(small))  # a partition
    assert all(c.method == "louvain" for c in cs)
    # Same seed, same answer; also after a save/load round trip (different insertion order).
    assert A.communities(small, of="coauthors", method="louvain") == cs


def test_results_survive_a_store_round_trip(small, tmp_path):
    path = tmp_path / "g.kg.json"
    networkx_store.save(small, path)
    G2 = networkx_store.load(path)
    for f in (lambda G: A.communities(G, method="louvain"), lambda G: A.centrality(G, k=None),
              lambda G: A.top(G, "Model", by="digest"), lambda G: A.shortest_path(G, "Ann", "Eve")):
        assert f(G2) == f(small)


@pytest.fixture(scope="module")
def two_triangles():
    # A1 A2 A3 and B1 B2 B3 each wrote a paper; A3 and B1 wrote one together.
    return graph_from_records([
        rec("d.txt", 1, "2301.00010", "LG", ["A1", "A2", "A3"]),
        rec("d.txt", 5, "2301.00011", "LG", ["B1", "B2", "B3"]),
        rec("d.txt", 9, "2301.00012", "LG", ["A3", "B1"]),
    ])


def test_bridges_between_communities(two_triangles):
    cs = A.communities(two_triangles, of="coauthors", method="louvain")
    assert [c.members for c in cs] == [("A3", "A1", "A2"), ("B1", "B2", "B3")]
    got = [(b.name, b.community, b.reaches, b.links) for b in A.bridges(two_triangles, of="coauthors", method="louvain")]
    assert got == [("A3", 1, (2,), 1), ("B1", 2, (1,), 1)]


def test_centrality_values(two_triangles):
    # Betweenness: A3 is on the 2 x 3 shortest paths from A1, A2 to the Bs, of C(5, 2) = 10.
    got = [(s.name, s.score) for s in A.centrality(two_triangles, "betweenness", of="coauthors", k=3)]
    assert got == [("A3", 0.6), ("B1", 0.6), ("A1", 0.0)]
    got = [(s.name, s.score) for s in A.centrality(two_triangles, "degree", of="coauthors", k=3)]
    assert got == [("A3", 0.6), ("B1", 0.6), ("A1", 0.4)]
    pr = A.centrality(two_triangles, "pagerank", of="coauthors", k=None)
    assert [s.name for s in pr[:2]] == ["A3", "B1"] and abs(sum(s.score for s in pr) - 1) < 1e-6
    assert [s.label for s in A.centrality(two_triangles, "degree", label="Paper")] == ["Paper"] * 3
    with pytest.raises(A.AnalyticsError, match="measure"):
        A.centrality(two_triangles, "closeness")


def test_shortest_path_prefers_papers_then_smallest_ids(small):
    p = A.shortest_path(small, "Ann", "Eve")
    # No path of 4: Ann's papers share nothing with P4. Of the paths of 5 (all with two
    # papers), the one through the smallest ids: P1, then Author:bob.
    assert [s.name for s in p.steps] == ["Ann", P1, "Bob", P3, "Oxford", "Eve"]
    assert [(s.rel, s.forward) for s in p.steps[1:]] == [
        ("AUTHORED", True), ("AUTHORED", False), ("AUTHORED", True), ("AFFILIATED_WITH", True), ("AFFILIATED_WITH", False),
    ]
    assert p.length == 5 and p.papers == (P1, P3)
    assert str(p).startswith(f"Ann -AUTHORED-> {P1} <-AUTHORED- Bob")
    with pytest.raises(A.NoPathError, match="through Paper, Author"):
        A.shortest_path(small, "Ann", "Eve", via=["Paper", "Author"])
    assert A.shortest_path(small, "Ann", "Ann").length == 0


def test_find_node(small):
    G = small.copy()
    G.add_node("Dataset:bert", label="Dataset", key="bert", name="BERT")
    assert A.find_node(G, "Model:bert") == "Model:bert"  # an id
    assert A.find_node(G, "Model:BERT") == "Model:bert"  # Label:name
    assert A.find_node(G, "oxford") == "Institution:oxford"  # normalised name
    assert A.find_node(G, "2301.00001") == "Paper:2301.00001"  # key
    with pytest.raises(A.AmbiguousNodeError) as e:
        A.find_node(G, "BERT")
    assert e.value.candidates == ("Dataset:bert", "Model:bert")
    with pytest.raises(A.UnknownNodeError, match="did you mean 'Stanford'"):
        A.find_node(G, "Stanfrd")
    assert issubclass(A.UnknownNodeError, kg.KgError)


def test_unknown_options_are_errors(small):
    for call in (lambda: A.projection(small, "nope"), lambda: A.communities(small, method="nope"),
                 lambda: A.top(small, "Nope"), lambda: A.top(small, "Model", by="year"),
                 lambda: A.shortest_path(small, "Ann", "Eve", via=["Nope"])):
        with pytest.raises(A.AnalyticsError):
            call()


def test_leiden_is_builtin_and_seeded(small):
    # Leiden comes with python-igraph (a core dependency), so it never falls back
    cs = A.communities(small, of="coauthors", method="leiden")
    assert cs[0].method == "leiden" and sum(c.size for c in cs) == 7
    assert A.communities(small, of="coauthors")[0].method == "leiden"  # auto is Leiden
    assert A.communities(small, of="coauthors", method="leiden") == cs  # same seed, same answer


def test_leiden_two_cliques_and_resolution():
    # two triangles joined by one link: two communities; a tiny resolution merges them
    edges = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]
    assert A.leiden(6, edges) == [0, 0, 0, 1, 1, 1]
    assert len(set(A.leiden(6, edges, resolution=0.01))) == 1
    assert A.leiden(0, []) == []


# --- the seed graph: facts read off the digest text -----------------------------------


def test_seed_coauthorship(seed):
    H = A.coauthor_graph(seed)
    assert (H.number_of_nodes(), H.number_of_edges()) == (45, 115)
    assert {w for _, _, w in H.edges(data="weight")} == {1}  # nobody is on two seed papers
    comps = A.components(seed, of="coauthors")
    assert [c.size for c in comps] == [10, 7, 7, 4, 4, 4, 4, 3, 2]
    assert set(comps[0].members) == {"T Hoefler", "T Bonato", "D D Sensi", "S D Girolamo", "S Li", "M Heddes",
                                     "J Belk", "D Goel", "M Castro", "S Scott"}
    assert [r.target for r in A.coauthors(seed, author="N Heess")] == [
        "D Rao", "D Tirumala", "M Riedmiller", "M Wulfmeier", "R Hadsell", "S Salter"]
    # Disjoint cliques: Louvain's communities are exactly the papers' author lists.
    cs = A.communities(seed, of="coauthors", method="louvain")
    assert [set(c.ids) for c in cs] == [set(c.ids) for c in comps]


def test_seed_institutions(seed):
    assert ranked(A.top(seed, "Institution", k=5)) == [
        ("Allen Institute for AI", 2),  # 2209.02535 and 2209.01232
        ("ETH Zurich", 2),  # HammingMesh and Facial Expression Translation
        ("Microsoft", 2),  # Video-Language Transformers and HammingMesh
        ("University of Washington", 2),  # Selective Annotation and Elaboration-Generating
        ("Carnegie Mellon University", 1),
    ]
    assert [r.target for r in A.collaborations(seed, institution="University of Washington")] == [
        "Allen Institute for AI", "Carnegie Mellon University", "Meta AI", "Pennsylvania State University",
        "University of Hong Kong"]
    assert len(A.collaborations(seed)) == 17  # 10 on the five-institution paper, one on each of 7 others
    assert [c.size for c in A.components(seed, of="institutions")] == [7, 4, 2, 2, 1]
    # Betweenness over C(15, 2) = 105 pairs: UW is on 2 x 4 shortest paths, the Allen
    # Institute on 5 (Tel Aviv to the others), ETH and Microsoft on 2 each.
    got = [(s.name, round(s.score, 6)) for s in A.centrality(seed, "betweenness", of="institutions", k=4)]
    assert got == [("University of Washington", round(8 / 105, 6)), ("Allen Institute for AI", round(5 / 105, 6)),
                   ("ETH Zurich", round(2 / 105, 6)), ("Microsoft", round(2 / 105, 6))]


def test_seed_categories_digests_and_trends(seed):
    assert ranked(A.top(seed, "Category")) == [("LG", 4), ("CL", 3), ("CV", 2)]
    assert {r.group for r in A.top(seed, "Author", k=None, by="digest")} == {"002_bfb65bf37921ed7f.txt"}
    assert len(A.top(seed, "Author", k=None, digest="002")) == 45
    assert A.digests(seed) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [(r.name, r.delta) for r in A.trends(seed, "Category", between=("001", "002"))] == [("LG", 4), ("CL", 3), ("CV", 2)]
    assert {r.delta for r in A.trends(seed, "Category")} == {0}  # 003 -> 004: no categorised papers


def test_seed_paths(seed):
    p = A.shortest_path(seed, "H Su", "W Wang", via=["Paper", "Author", "Institution"])
    assert [s.id for s in p.steps] == ["Author:h su", "Paper:2209.01975", "Institution:university-of-washington",
                                       "Paper:2209.01232", "Author:w wang"]
    assert p.papers == ("Selective Annotation Makes Language Models Better Few-Shot Learners",
                        "Elaboration-Generating Commonsense Question Answering at Scale")
    # Co-authors: through their paper, not through the DeepMind affiliation (same length).
    assert [s.id for s in A.shortest_path(seed, "S Salter", "D Rao").steps] == [
        "Author:s salter", "Paper:2209.01947", "Author:d rao"]
    # MO2's people and DeepMind appear on no other seed paper.
    with pytest.raises(A.NoPathError):
        A.shortest_path(seed, "S Salter", "Y Bengio", via=["Paper", "Author", "Institution"])


def test_doctests_run_on_the_seed_graph(monkeypatch):
    import doctest

    import importlib
    import pkgutil

    monkeypatch.chdir(ROOT)  # the examples read seeds/ from the repository root
    # kg.analytics is a package: testmod(A) sees only the package module, whose names are
    # re-exported from the submodules, so the examples are run module by module.
    attempted = failed = 0
    for info in pkgutil.iter_modules(A.__path__, A.__name__ + "."):
        result = doctest.testmod(importlib.import_module(info.name), optionflags=doctest.NORMALIZE_WHITESPACE)
        attempted, failed = attempted + result.attempted, failed + result.failed
    assert attempted > 20 and failed == 0


# --- pictures -------------------------------------------------------------------------


def test_plots_are_png(small, tmp_path):
    for name, write in (("top.png", lambda p: A.plot_ranking(A.top(small, "Model"), p)),
                        ("grouped.png", lambda p: A.plot_ranking(A.top(small, "Model", by="category"), p)),
                        ("centrality.png", lambda p: A.plot_ranking(A.centrality(small), p)),
                        ("trends.png", lambda p: A.plot_trends(A.trends(small, "Model"), p)),
                        ("usage.png", lambda p: A.plot_usage(A.usage(small), p))):
        path = tmp_path / "sub" / name
        assert write(path) == str(path)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(A.AnalyticsError, match="nothing to plot"):
        A.plot_usage([], tmp_path / "x.png")


# --- the command line -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory, seed):
    path = tmp_path_factory.mktemp("g") / "seed.kg.json"
    networkx_store.save(seed, path)
    return str(path)


@pytest.fixture(scope="module")
def small_file(tmp_path_factory, small):
    path = tmp_path_factory.mktemp("g") / "small.kg.json"
    networkx_store.save(small, path)
    return str(path)


def run(*args):
    r = CliRunner().invoke(cli, ["analyze", *args])
    return r


def ok(*args) -> str:
    r = run(*args)
    assert r.exit_code == 0, r.output
    return r.output


def test_cli_json_equals_the_library(seed_file, seed):
    import dataclasses

    cases = [
        (["coauthors", "--author", "Y Bengio"], A.coauthors(seed, 20, author="Y Bengio")),
        (["institutions"], A.collaborations(seed, 20)),
        (["top", "--label", "Institution", "-k", "4"], A.top(seed, "Institution", 4)),
        (["top", "--label", "Category", "--by", "digest"], A.top(seed, "Category", by="digest")),
        (["trends", "--label", "Category", "--between", "001", "002"], A.trends(seed, "Category", 10, between=("001", "002"))),
        (["components", "--of", "coauthors"], A.components(seed, "coauthors", min_size=2)),
        (["communities", "--of", "coauthors", "--method", "louvain"], A.communities(seed, "coauthors", method="louvain", min_size=2)),
        (["bridges", "--of", "institutions", "--method", "louvain"], A.bridges(seed, "institutions", 20, method="louvain")),
        (["centrality", "--measure", "betweenness", "--of", "institutions"], A.centrality(seed, "betweenness", "institutions")),
        (["usage"], A.usage(seed, 20)),
        (["similar", "--share", "Institution"], A.similar_papers(seed, 20, labels=["Institution"])),
    ]
    for args, expected in cases:
        got = json.loads(ok(seed_file, *args, "--format", "json"))
        assert got == json.loads(json.dumps([dataclasses.asdict(r) for r in expected])), args


def test_cli_tables_show_the_answers(seed_file):
    out = ok(seed_file, "top", "--label", "Category")
    assert "Top categories by papers" in out
    assert [ln.split("│")[2:4] for ln in out.splitlines() if "│" in ln] == [[" LG       ", "      4 "],
                                                                          [" CL       ", "      3 "],
                                                                          [" CV       ", "      2 "]]
    out = ok(seed_file, "coauthors", "--author", "Y Bengio")
    assert "Co-authors of Y Bengio" in out and "R T. Q. Chen" in out and "Unifying Generative Models with GFlowNets" in out
    out = ok(seed_file, "trends", "--label", "Category", "--between", "001", "002")
    assert "change = 002 − 001" in out and "+4" in out
    out = ok(seed_file, "path", "H Su", "W Wang", "--via", "Paper,Author,Institution")
    assert "-AFFILIATED_WITH->" in out and "University of Washington" in out and "4 step(s); papers along it: 2" in out
    out = ok(seed_file, "communities", "--of", "institutions", "--method", "louvain")
    assert "Communities (institutions, louvain)" in out and "University of Washington" in out
    out = ok(seed_file, "centrality", "--measure", "betweenness", "--of", "institutions", "-k", "1")
    assert "University of Washington" in out and "0.0762" in out


def test_cli_csv(seed_file):
    out = ok(seed_file, "top", "--label", "Category", "--format", "csv")
    assert out.splitlines() == ["rank,name,papers,id,label,group", "1,LG,4,Category:LG,Category,",
                                "2,CL,3,Category:CL,Category,", "3,CV,2,Category:CV,Category,"]
    out = ok(seed_file, "trends", "--label", "Category", "--format", "csv", "--between", "001", "002")
    header = out.splitlines()[0].split(",")
    assert header[:2] == ["name", "delta"] and "counts:002_bfb65bf37921ed7f.txt" in header
    out = ok(seed_file, "path", "S Salter", "D Rao", "--format", "csv")
    assert out.splitlines()[1:] == ["Author:s salter,Author,S Salter,,", "Paper:2209.01947,Paper,MO2: Model-Based Offline Options,AUTHORED,True",
                                    "Author:d rao,Author,D Rao,AUTHORED,False"]


def test_cli_csv_without_rows_is_still_a_header(small_file):
    out = ok(small_file, "usage", "--model", "Beta", "--dataset-role", "proposed", "--format", "csv")
    assert out.splitlines() == ["source,target,weight,via,source_id,target_id"]


def test_cli_path_json(seed_file):
    got = json.loads(ok(seed_file, "path", "S Salter", "D Rao", "--format", "json"))
    assert got["length"] == 2 and got["papers"] == ["MO2: Model-Based Offline Options"]


def test_cli_plots(small_file, tmp_path):
    for args in (["top", "--label", "Dataset"], ["usage"], ["trends"], ["centrality"]):
        png = tmp_path / f"{args[0]}.png"
        r = CliRunner().invoke(cli, ["analyze", small_file, *args, "--plot", str(png)])
        assert r.exit_code == 0, r.output
        assert png.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    "args, message",
    [
        (["path", "Y Bengo", "H Su"], "no node named 'Y Bengo'; did you mean"),
        # part of a name is a last resort (the rule kg export --focus follows too): here
        # more than one author's name contains it
        (["path", "Wang", "H Su"], "'Wang' names 3 nodes"),
        (["path", "S Salter", "Y Bengio", "--via", "Paper,Author"], "no path between 'S Salter' and 'Y Bengio'"),
        (["top", "--label", "Author", "--role", "used"], "Author has no role 'used'"),
        (["trends", "--between", "009", "002"], "no digest '009'"),
        (["similar", "--share", "Digest"], "unknown label 'Digest'"),
    ],
)
def test_cli_errors_are_one_line(seed_file, args, message):
    r = run(seed_file, *args)
    assert r.exit_code == 1
    assert r.output.startswith("Error: ") and message in r.output and "Traceback" not in r.output


def test_cli_missing_graph_file(tmp_path):
    r = run(str(tmp_path / "none.kg.json"), "top")
    assert r.exit_code == 1 and "no such graph file" in r.output


def test_cli_help_has_examples():
    for sub in ("coauthors", "institutions", "usage", "similar", "top", "trends", "components", "communities",
                "bridges", "centrality", "path"):
        r = CliRunner().invoke(cli, ["analyze", "g.json", sub, "--help"])
        assert r.exit_code == 0 and "Example:" in r.output, sub


# --- the fast paths give the projections' answers --------------------------------------
# kg analyze computes rows and structure from plain lists (and igraph) instead of the
# networkx projections, which are too slow at 100k entries. Here the projections are
# the reference: the answers below are recomputed from them the way the first,
# networkx-only version of kg.analytics did, on graphs with ties and several components.


@pytest.fixture(scope="module", params=["small", "seed", "two_triangles"])
def any_graph(request):
    return request.getfixturevalue(request.param)


def _reference_links(G, H, focus=None, oriented=False):
    rows = []
    for u, v, d in (H.edges(focus, data=True) if focus else H.edges(data=True)):
        if focus:
            a, b = focus, (v if u == focus else u)
        elif oriented:
            a, b = (u, v) if H.nodes[u].get("bipartite") == 0 else (v, u)
        else:
            a, b = sorted((u, v), key=lambda n: (H.nodes[n]["name"], n))
        rows.append(A.Link(H.nodes[a]["name"], H.nodes[b]["name"], d["weight"],
                           tuple(sorted(G.nodes[x]["name"] for x in d["via"])), a, b))
    return sorted(rows, key=lambda r: (-r.weight, r.source, r.target, r.source_id, r.target_id))


def _reference_communities(H, parts):
    def strength(n):
        return H.degree(n, weight="weight")
    ordered = sorted((sorted(p, key=lambda n: (-strength(n), H.nodes[n]["name"], n)) for p in parts),
                     key=lambda ids: (-len(ids), min((H.nodes[n]["name"], n) for n in ids)))
    return [(len(ids), tuple(ids)) for ids in ordered]


def test_rows_equal_the_projections_edges(any_graph):
    G = any_graph
    assert A.coauthors(G) == _reference_links(G, A.coauthor_graph(G))
    assert A.collaborations(G) == _reference_links(G, A.institution_graph(G))
    assert A.usage(G) == _reference_links(G, A.usage_graph(G), oriented=True)
    for k in (1, 2, 5):
        assert A.coauthors(G, k) == A.coauthors(G)[:k]
        assert A.usage(G, k) == A.usage(G)[:k]
    H = A.coauthor_graph(G)
    for n in H:
        assert A.coauthors(G, author=n) == _reference_links(G, H, focus=n)
    H = A.usage_graph(G, "used", "any")
    for n in H:
        want = _reference_links(G, H, focus=n)
        if n.startswith("Dataset:"):  # usage keeps the model as the source
            want = [A.Link(r.target, r.source, r.weight, r.via, r.target_id, r.source_id) for r in want]
        assert A.usage(G, model_role="used", **{n.split(":")[0].lower(): n}) == want


@pytest.mark.parametrize("of", A.PROJECTIONS)
def test_lean_projection_is_the_projection(any_graph, of):
    """Node order, edge order (as H.edges() gives them) and weights: what igraph and
    Louvain see, hence their answers, are the same."""
    H, P = A.projection(any_graph, of), _lean(any_graph, of)
    assert P.nodes == list(H)
    assert [(P.nodes[i], P.nodes[j]) for i, j in P.edges] == list(H.edges())
    assert P.weights == [w for _, _, w in H.edges(data="weight")]


@pytest.mark.parametrize("of", A.PROJECTIONS)
def test_structure_equals_networkx_on_the_projection(any_graph, of):
    import networkx as nx

    G, H = any_graph, A.projection(any_graph, of)
    got = [(c.size, c.ids) for c in A.components(G, of)]
    assert got == _reference_communities(H, nx.connected_components(H))
    louvain = nx.community.louvain_communities(H, weight="weight", resolution=1.3, seed=5)
    got = [(c.size, c.ids) for c in A.communities(G, of, method="louvain", seed=5, resolution=1.3)]
    assert got == _reference_communities(H, louvain)
    if H.number_of_nodes() == 0:
        return
    for measure, scores in (("degree", nx.degree_centrality(H)), ("betweenness", nx.betweenness_centrality(H))):
        want = sorted(H, key=lambda n: (-round(scores[n], 9), H.nodes[n]["name"], n))
        got = A.centrality(G, measure, of, k=None)
        assert [s.id for s in got] == want, measure
        assert all(abs(s.score - scores[s.id]) < 1e-9 for s in got), measure


def test_papers_components_on_hubs():
    # One author on every paper: one component; strength = the other papers per entity.
    G = graph_from_records([rec("d.txt", i, f"2301.{i:05d}", "LG", ["Hub", f"X{i}"], ["MIT"] if i < 3 else ())
                            for i in range(1, 7)] + [rec("d.txt", 9, "2301.00009", "LG", ["Solo"])])
    (big, solo) = A.components(G, of="papers")
    assert big.size == 6 and solo.ids == ("Paper:2301.00009",)
    assert big.ids[:2] == ("Paper:2301.00001", "Paper:2301.00002")  # Hub (5) + MIT (1) each
    assert [(c.size, c.ids) for c in A.components(G, of="papers")] == _reference_communities(
        A.paper_graph(G), __import__("networkx").connected_components(A.paper_graph(G)))


def test_trends_top_k_equal_the_full_ranking(any_graph):
    if len(A.digests(any_graph)) < 2:
        return
    for label in ("Author", "Model", "Category"):
        full = A.trends(any_graph, label)
        for k in (1, 3):
            assert A.trends(any_graph, label, k) == full[:k]


def test_lean_load_keeps_what_analytics_reads(small_file, small, tmp_path):
    from kg.cli.analyze import load_lean

    G = load_lean(small_file)
    full = networkx_store.load(small_file)
    assert list(G.nodes) == list(full.nodes) and list(G.edges(keys=True)) == list(full.edges(keys=True))
    assert all(set(d) <= {"label", "key", "name"} for _, d in G.nodes(data=True))
    assert A.shortest_path(G, "Ann", "Eve") == A.shortest_path(small, "Ann", "Eve")
    assert A.communities(G) == A.communities(small)
    bad = tmp_path / "bad.kg.json"
    bad.write_text('{"format": "kg-graph", "version": 1, "nodes": [{"label": "Paper"}], "links": []}')
    r = run(str(bad), "top")
    assert r.exit_code == 1 and "malformed graph file" in r.output and "Traceback" not in r.output
    bad.write_text('[1, 2]')
    r = run(str(bad), "top")
    assert r.exit_code == 1 and "not a kg graph file" in r.output
