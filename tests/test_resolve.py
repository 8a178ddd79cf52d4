"""Resolution: institutions (aliases, conservative fuzzy), model families, author variants."""
from __future__ import annotations

import pytest

from kg.records import Author, Mention, PaperRecord
from kg.resolve import Institutions, model_family, resolve_authors

TABLE = Institutions([
    {"id": "University of Washington", "aliases": ["UW"], "zh": ["华盛顿大学"]},
    {"id": "Washington University in St. Louis", "aliases": ["WashU"]},
    {"id": "Carnegie Mellon University", "aliases": ["CMU"], "zh": ["卡内基梅隆大学"]},
    {"id": "Tsinghua University", "aliases": [], "zh": ["清华大学"]},
    {"id": "Peking University", "aliases": ["PKU"], "zh": ["北京大学"]},
    {"id": "Beijing University of Posts and Telecommunications", "aliases": ["BUPT"]},
])


@pytest.mark.parametrize(
    "surface, canonical, reason",
    [
        ("CMU", "Carnegie Mellon University", "alias"),
        ("Carnegie Mellon University", "Carnegie Mellon University", "canonical"),
        ("carnegie-mellon university", "Carnegie Mellon University", "alias"),
        ("The University of Washington", "University of Washington", "alias"),
        ("清华大学", "Tsinghua University", "chinese-name"),
        ("Carnegie Melon University", "Carnegie Mellon University", "fuzzy"),  # a typo
    ],
)
def test_institution_lookup(surface, canonical, reason):
    hit = TABLE.resolve(surface)
    assert hit.canonical == canonical
    assert hit.reason.startswith(reason)


@pytest.mark.parametrize(
    "surface",
    [
        "Washington University",  # a different university of the same city name
        "Beijing University",  # neither Peking University nor BUPT
        "Tsinghua Shenzhen International Graduate School",
    ],
)
def test_distinct_institutions_are_never_merged(surface):
    hit = TABLE.resolve(surface)
    assert hit.reason == "as-written"
    assert hit.canonical == surface


DOMAINS = Institutions([
    {"id": "Hong Kong University of Science and Technology", "aliases": ["HKUST"], "domains": ["ust.hk"]},
    {"id": "Princeton University", "aliases": ["Princeton"]},
    {"id": "University of Science and Technology of China", "aliases": ["USTC"]},
    {"id": "Meituan", "aliases": []},
])


@pytest.mark.parametrize(
    "surface, canonical",
    [
        ("ust.hk", "Hong Kong University of Science and Technology"),  # a listed domain
        ("cse.ust.hk", "Hong Kong University of Science and Technology"),  # under a listed one
        ("cs.princeton.edu", "Princeton University"),  # the domain's own name is an alias
        ("@ustc.edu.cn", "University of Science and Technology of China"),  # past edu.cn
        ("meituan.com", "Meituan"),
    ],
)
def test_domain_stands_for_its_organisation(surface, canonical):
    hit = DOMAINS.lookup(surface)
    assert hit is not None and hit.canonical == canonical


@pytest.mark.parametrize("surface", ["edu.cn", "github.com", "v1.2", "e.g", "ox.ac.uk"])
def test_no_organisation_from_a_generic_or_unknown_domain(surface):
    assert DOMAINS.lookup(surface) is None


def test_unknown_institution_drops_leading_article():
    assert TABLE.resolve("The Institute of Imaginary Studies").canonical == "Institute of Imaginary Studies"


def test_packaged_table_has_no_alias_collisions():
    from kg.resolve import institutions
    from kg.text import normalize

    res = institutions()
    seen = {}
    for cid, row in res.info.items():
        for alias in [cid, *row.get("aliases", ()), *row.get("zh", ())]:
            k = normalize(alias)
            assert seen.setdefault(k, cid) == cid, f"{alias!r} names both {seen[k]!r} and {cid!r}"


@pytest.mark.parametrize(
    "name, family",
    [("T5-small", "T5"), ("T5-XL", "T5"), ("OPT-30B", "OPT"), ("OPT (175B)", "OPT"), ("OPT-IML 30B", "OPT-IML"),
     ("ResNet-18", "ResNet-18"), ("GPT-3", "GPT-3"), ("BERT-base", "BERT"), ("LLaMA-2 70B", "LLaMA-2")],
)
def test_model_family(name, family):
    assert model_family(name) == family


def _rec(line, authors, insts=()):
    return PaperRecord(
        file="d.txt", line=line, end_line=line, kind="digest", layout="structured", lang="en", arxiv_id=None,
        title=f"Paper {line}", title_zh=None, category=None,
        authors=tuple(Author(a, i + 1, 0, len(a)) for i, a in enumerate(authors)), authors_truncated=False,
        institutions=tuple(Mention(x, x, 0, len(x)) for x in insts), models=(), datasets=(), urls=(),
    )


def test_author_variants_merge_only_with_shared_evidence():
    recs = [
        _rec(1, ["Sasha Salter", "Markus Wulfmeier"]),
        _rec(2, ["S. Salter", "Markus Wulfmeier"]),  # shares a co-author: same person
        _rec(3, ["S Salter", "Nobody Else"]),  # shares nothing: kept apart
    ]
    out, merges = resolve_authors(recs)
    assert [a.name for a in out[1].authors] == ["Sasha Salter", "Markus Wulfmeier"]
    assert [a.name for a in out[2].authors] == ["S Salter", "Nobody Else"]
    assert [(m.surface, m.canonical) for m in merges] == [("S. Salter", "Sasha Salter")]
    assert "shared co-author" in merges[0].reason


def test_author_variants_merge_on_shared_institution():
    recs = [_rec(1, ["J Wang", "A B"], ["DeepMind"]), _rec(2, ["Jian Wang", "C D"], ["DeepMind"])]
    out, merges = resolve_authors(recs)
    assert out[0].authors[0].name == "Jian Wang"


def _authored(G, paper_title):
    from kg.graph import nodes_of

    return sorted(G.nodes[a]["name"] for p in nodes_of(G, "Paper") if G.nodes[p]["name"] == paper_title
                  for a, _, k in G.in_edges(p, keys=True) if k == "AUTHORED")


def test_graph_resolution_matches_record_resolution_and_keeps_written_evidence():
    from kg.pipeline import records_to_graph

    recs = [
        _rec(1, ["Sasha Salter", "Markus Wulfmeier"]),
        _rec(2, ["S. Salter", "Markus Wulfmeier"]),
        _rec(3, ["Sam Salter", "Nobody Else"]),  # shares nothing: kept apart
    ]
    G = records_to_graph(iter(recs))  # an iterator: the build streams
    assert _authored(G, "Paper 2") == ["Markus Wulfmeier", "Sasha Salter"]
    assert _authored(G, "Paper 3") == ["Nobody Else", "Sam Salter"]
    target = "Author:sasha salter"
    assert G.nodes[target]["variants"] == ["S. Salter (shared co-author markus wulfmeier)"]
    assert "Author:s. salter" not in G
    # The moved edge still shows what the entry wrote.
    paper2 = next(p for p in G if G.nodes[p].get("name") == "Paper 2")
    assert G.edges[target, paper2, "AUTHORED"]["evidence"] == "S. Salter"


def test_variants_resolve_across_builds_merged_into_one_graph():
    from kg.pipeline import records_to_graph

    first = records_to_graph([_rec(1, ["Jian Wang", "C D"], ["DeepMind"])])
    both = records_to_graph([_rec(2, ["J Wang", "A B"], ["DeepMind"])], into=first)
    assert _authored(both, "Paper 2") == ["A B", "Jian Wang"]
    assert both.nodes["Author:jian wang"]["variants"] == ["J Wang (shared institution DeepMind)"]


def test_a_build_with_a_known_root_consumes_records_one_at_a_time(monkeypatch):
    """Streaming: each record is in the graph before the next is read."""
    import kg.pipeline.stages

    recs = [_rec(i, [f"Author {i}"]) for i in range(1, 4)]
    consumed: list = []

    def stream():
        for r in recs:
            consumed.append(r)
            yield r

    calls: list[int] = []
    add = kg.pipeline.stages.add_records
    monkeypatch.setattr(kg.pipeline.stages, "add_records", lambda G, rs, root: (calls.append(len(consumed)), add(G, rs, root))[1])
    kg.pipeline.stages.unresolved_graph(stream(), root="/inputs")
    assert calls == [1, 2, 3]


# --- graph-side: rules on edges, merge records, the type vote --------------------------------


def _typed(line, models=(), datasets=()):
    def ms(xs):
        return tuple(Mention(n, t, 0, len(t), role=role, source=src) for n, t, src, role in xs)

    return PaperRecord(
        file="d.txt", line=line, end_line=line, kind="digest", layout="structured", lang="en", arxiv_id=None,
        title=f"Paper {line}", title_zh=None, category=None, authors=(), authors_truncated=False,
        institutions=(), models=ms(models), datasets=ms(datasets), urls=(), text="x",
    )


def _pid(G, title):
    return next(n for n, d in G.nodes(data=True) if d.get("name") == title)


def test_edges_carry_the_rule_and_nodes_the_aliases_merged_into_them():
    from kg.pipeline import records_to_graph

    G = records_to_graph([_typed(1, models=[("T5", "T5-XL", "gazetteer", "used"), ("Zorb", "Zorb", "cue", "proposed")])])
    assert G.edges[_pid(G, "Paper 1"), "Model:t5", "USES"]["rule"] == "gazetteer"
    assert G.nodes["Model:t5"]["variants"] == ["T5-XL (size variant → family)"]
    assert "variants" not in G.nodes["Model:zorb"]  # written as its name: nothing was merged


def test_merge_records_add_up_across_builds():
    from kg.pipeline import records_to_graph

    first = records_to_graph([_typed(1, models=[("T5", "T5-XL", "gazetteer", "used")])])
    both = records_to_graph([_typed(2, models=[("T5", "T5-small", "gazetteer", "used")])], into=first)
    assert both.nodes["Model:t5"]["variants"] == ["T5-XL (size variant → family)", "T5-small (size variant → family)"]


def test_a_guessed_model_becomes_the_dataset_other_entries_name():
    from kg.pipeline import records_to_graph

    G = records_to_graph([
        _typed(1, datasets=[("Zorblax", "Zorblax", "context", "used")]),
        _typed(2, models=[("Zorblax", "Zorblax", "shape", "proposed"), ("BERT", "BERT", "gazetteer", "used")]),
        _typed(3, models=[("ZORBLAX", "ZORBLAX", "list", "used")]),
    ])
    assert "Model:zorblax" not in G
    p2, p3 = _pid(G, "Paper 2"), _pid(G, "Paper 3")
    # A shape guess is not a claim the paper made it: used, not introduced.
    assert G.has_edge(p2, "Dataset:zorblax", key="EVALUATES_ON") and not G.has_edge(p2, "Dataset:zorblax", key="INTRODUCES")
    assert G.has_edge(p3, "Dataset:zorblax", key="EVALUATES_ON")
    notes = G.nodes["Dataset:zorblax"]["variants"]
    assert any(n.startswith("Zorblax (retyped Model → Dataset: a Dataset in 1 entry") for n in notes)
    assert G.has_edge(p2, "Model:bert", key="USES")


def test_model_evidence_anywhere_keeps_the_model():
    from kg.pipeline import records_to_graph

    G = records_to_graph([
        _typed(1, datasets=[("Zorblax", "Zorblax", "context", "used")]),
        _typed(2, models=[("Zorblax", "Zorblax", "shape", "used")]),
        _typed(3, models=[("Zorblax", "Zorblax", "context", "used")]),  # "outperforms Zorblax"
    ])
    assert "Model:zorblax" in G and "Dataset:zorblax" in G


def test_edges_without_a_rule_are_evidence():
    """Graphs built before edges carried their rule are never retyped."""
    from kg.graph import new_graph
    from kg.resolve import vote_types

    G = new_graph()
    G.add_node("Paper:a", label="Paper", key="a", name="A")
    G.add_node("Model:zorb", label="Model", key="zorb", name="Zorb")
    G.add_node("Dataset:zorb", label="Dataset", key="zorb", name="Zorb")
    G.add_edge("Paper:a", "Model:zorb", key="USES", type="USES", file="d", line=1, evidence="Zorb", sources=["d:1"])
    assert vote_types(G) == [] and "Model:zorb" in G


def test_report_lists_retypes():
    from kg.resolve import resolution_report

    rows = resolution_report([
        _typed(1, datasets=[("Zorblax", "Zorblax", "context", "used")]),
        _typed(2, models=[("Zorblax", "Zorblax", "shape", "used")]),
    ])
    assert [(d.kind, d.surface, d.canonical) for d in rows if d.kind == "type"] == [("type", "Zorblax", "Zorblax")]


# --- one normalize ---------------------------------------------------------------------------


def _old_text_normalize(s: str) -> str:
    """The first ``kg.text.normalize``, from before the one rule of :mod:`kg.text.normalization`
    (kept here only to prove the move to that rule changed no key)."""
    import re
    import unicodedata

    s = unicodedata.normalize("NFKC", s)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.casefold().replace("&", " and ")
    s = re.sub(r"[^\w]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def _data_names():
    import json
    from importlib import resources

    names = set()
    for fn in ("institutions.jsonl", "models.jsonl", "datasets.jsonl", "catalog_models.jsonl",
               "catalog_datasets.jsonl", "mt_aliases.jsonl"):
        path = resources.files("kg") / "data" / fn
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                row = json.loads(line)
                for k in ("id", "pattern"):
                    if isinstance(row.get(k), str):
                        names.add(row[k])
                for k in ("aliases", "zh"):
                    names.update(x for x in row.get(k, ()) if isinstance(x, str))
    return names


def test_the_one_normalize_keeps_every_key_of_the_old_text_normalize():
    """Node keys (slugs, author keys) and institution aliases did not move: on every name
    in kg/data and every author of the seeds the two agree."""
    from kg.text import normalize
    from kg.pipeline import extract_paths

    names = _data_names() | {a.name for r in extract_paths(["seeds/"]) for a in r.authors}
    assert len(names) > 1000
    differ = sorted(n for n in names if normalize(n) != _old_text_normalize(n))
    assert differ == []


def test_the_one_normalize_keeps_hangul_composed():
    """Where the two differ: the old form left Hangul syllables as loose jamo, so a key
    never equalled the name typed again in NFC; the one normalize recomposes."""
    from kg.text import normalize

    assert normalize("서울대학교") == "서울대학교"
    assert _old_text_normalize("서울대학교") != "서울대학교"


def test_fuzzy_lookup_scores_only_keys_of_a_reachable_length():
    """Institutions._near leaves out only keys fuzz.ratio cannot bring to the cutoff:
    extractOne over it picks what it picks over the whole table, on typos (an edit or
    two), other lengths and unrelated strings, with both outcomes seen."""
    from rapidfuzz import fuzz, process

    from kg.resolve import FUZZY_MIN_SCORE, institutions

    inst = institutions()
    keys = inst._keys
    queries = []
    for n, key in enumerate(keys[::7]):
        queries += [key, key[1:], key + "s", key[:-2], key[: len(key) // 2] + "x" + key[len(key) // 2 :],
                    key.replace("u", "v", 1), key + " research lab"]
        if n % 5 == 0:
            queries.append(keys[(n * 31) % len(keys)] + " of " + key)
    found = set()
    for q in queries:
        if len(q) < 12:
            continue
        whole = process.extractOne(q, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        near = process.extractOne(q, inst._near(len(q)), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        assert (whole and whole[:2]) == (near and near[:2]), q
        found.add(whole is None)
    assert found == {True, False}
