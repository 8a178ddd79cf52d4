"""merge: overlaps, grouping and alias folding of the rules' candidates."""
from kg.extract.candidate import Candidate
from kg.extract.merge import merge


def _cand(name: str, start: int, rule: str = "shape", known: bool = False) -> Candidate:
    return Candidate(start, start + len(name), name, rule, "MODEL", known=known)


def test_a_name_shaped_tail_of_a_longer_new_name_is_that_name():
    ents = merge([_cand("Mobile Z-MoEs", 0, "title"), _cand("Z-MoEs", 40)])
    assert [e.name for e in ents] == ["Mobile Z-MoEs"]
    assert len(ents[0].spans) == 2


def test_a_plain_word_tail_and_a_known_tail_stay_apart():
    ents = merge([_cand("Zorbic Model", 0, "title"), _cand("Model", 40)])
    assert [e.name for e in ents] == ["Zorbic Model", "Model"]
    ents = merge([_cand("Pessimistic Q-Learning", 0, "title"), _cand("Q-Learning", 40, "gazetteer", known=True)])
    assert [e.name for e in ents] == ["Pessimistic Q-Learning", "Q-Learning"]


def test_a_glued_prefix_makes_a_variant_not_the_name():
    ents = merge([_cand("PreZL", 0), _cand("NSZ-PreZL", 40)])
    assert [e.name for e in ents] == ["PreZL", "NSZ-PreZL"]


def test_a_datasets_numeric_size_is_another_dataset_a_models_is_its_family():
    # "ZorbLens 1M" and "ZorbLens" are two datasets; "ZorbLM 7B" is a size of ZorbLM.
    data = [Candidate(0, 8, "ZorbLens", "context", "DATASET"), Candidate(20, 31, "ZorbLens 1M", "context", "DATASET")]
    assert [e.name for e in merge(data)] == ["ZorbLens", "ZorbLens 1M"]
    models = [_cand("ZorbLM", 0), _cand("ZorbLM 7B", 20)]
    assert [e.name for e in merge(models)] == ["ZorbLM"]


def test_a_plural_acronym_is_reported_as_its_system():
    # "Stochastic Configuration Networks (SCNs)": the system is SCN, and a later "SCN"
    # is the same entity.
    ents = merge([_cand("SCNs", 0), _cand("SCN", 40), _cand("2DSCNs", 60)])
    assert [e.name for e in ents] == ["SCN", "2DSCN"]
    # Names with other lower-case letters are words of their own.
    assert [e.name for e in merge([_cand("GFlowNets", 0)])] == ["GFlowNets"]
    assert [e.name for e in merge([_cand("V-MoEs", 0)])] == ["V-MoEs"]


def test_interval_tests_by_bisection_agree_with_pairwise_tests():
    # The merge's coverage tests read sorted starts and running furthest ends; they must
    # answer as a test against every span would, nested and touching spans included.
    import random

    from kg.extract.merge import _inside, _overlapping, _reach

    rnd = random.Random(15)
    for _ in range(400):
        spans = [(a, a + rnd.randint(1, 12)) for a in (rnd.randint(0, 40) for _ in range(rnd.randint(0, 8)))]
        starts, reach = _reach(spans)
        for s in range(0, 50):
            assert _inside(starts, reach, s) == any(a <= s < b for a, b in spans)
            for e in range(s + 1, s + 8):
                assert _overlapping(starts, reach, s, e) == any(s < b and a < e for a, b in spans)
