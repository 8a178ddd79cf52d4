"""rules.shapes: names by their shape (CamelCase, acronym with digits, hyphenated compounds)."""
import pytest
from rulehelp import found

from kg.extract.rules import shapes


@pytest.mark.parametrize("name", ["HighMMT", "ZQ3M", "CMU-MOSI", "mgo-T5", "xZorbLM", "mZorb5", "Video-ZorbLM"])
def test_name_shapes(name):
    assert name in found(shapes, f"We report results of {name} here.")


@pytest.mark.parametrize("text", ["The UE sends a packet.", "Set $HOME2 first.", "Trained on 8 A100 GPUs.", "Served on L40S cards.",
                                  "Quantised to W4A8KV4 and W8A8 settings.",
                                  # a GPU with its form factor and memory
                                  "Evaluated on an NVIDIA A100-SXM4-40GB in bf16.", "Served on H100-80GB nodes.",
                                  # units of size and compute, with or without their number, and GPUs counted
                                  "The corpus is 825.18 GiB of text.", "We hold out 10GiB of data.",
                                  "Each step costs 2 TFLOPs.", "Trained for 6 days on 8 V100s.",
                                  # degrees of freedom glued to their number
                                  "A 6-DOF AUV and a 3-DoF ASV navigate.",
                                  "The result is 0.59dB better.", "We generate JPEG compressed patches.",
                                  # metric variants with a lower-case prefix, and their scores
                                  "It reaches a gFID 2.74 and rFID of 0.9.", "We call it monolingual BLEU or mBLEU.",
                                  "It reaches an F1-Score of 85.95% on the test split.",
                                  "It runs on a single NVIDIA RTX4090 (24GB).", "Served on AMD MI300X nodes in E4M3.",
                                  # a modality or domain glued before a generic kind is a kind
                                  "We survey MM-LLMs, Video-LLMs and Med-VLMs.",
                                  "An L2-regularization term and an L1-norm penalty are added."])
def test_not_names(text):
    assert not [n for n in found(shapes, text) if n not in ("The",)]


def test_usage_suffix_is_cut():
    assert "SimCTG" in found(shapes, "A SimCTG-based decoder works.")


def test_benchmark_word_joins_the_name():
    assert "XYZ-IML Bench" in found(shapes, "We evaluate on XYZ-IML Bench today.")


def test_expert_size_variants_fold_into_the_family():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "We fine-tune Zorblax-8x7B and Mixtral-8x22B on code."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["Zorblax", "Mixtral"]


@pytest.mark.parametrize("text, name", [("Budget-aware LLM-Synthesized data.", "LLM"), ("We use CLIP-guided search.", "CLIP")])
def test_participle_suffixes_are_cut(text, name):
    got = found(shapes, text)
    assert all(c.name in (name,) for c in got.values()), got


def test_task_compounds_are_not_names():
    assert not found(shapes, "Methods for text-to-SQL and image-to-3D work.")


def test_a_line_in_capitals_holds_no_new_names():
    # Every word of a shouted title looks like an acronym; known names still count.
    got = found(shapes, "V1: LANGUAGE AGENT TREE SEARCH UNIFIES REASON- ING WITH GPT-4\nWe use ZQ3M and NASA ADS.")
    assert "LANGUAGE" not in got and "UNIFIES" not in got and "ING" not in got
    assert "ZQ3M" in got and "GPT-4" in got


def test_two_capital_words_are_no_shouted_line():
    assert "ZORB" in found(shapes, "We compare ZORB QUUX models here.")


@pytest.mark.parametrize("key", ["Zhou2023LanguageAT", "Gal2015", "ahn2016neural", "MelisDB17", "Xu2016", "YuM17", "zaremba-arxiv2015"])
def test_citation_keys_are_not_names(key):
    assert key not in found(shapes, f"As shown by {key}, dropout helps.")


@pytest.mark.parametrize("name", ["Caltech101", "ModelNet40", "VisDA2017", "Llama2"])
def test_names_with_numbers_are_not_citation_keys(name):
    from kg.extract.names import generic

    assert not generic(name)


@pytest.mark.parametrize("name", ["TPDS", "IJCV 2023", "SPARQL", "RDF"])
def test_journals_and_technologies_are_not_names(name):
    from kg.extract.names import generic

    assert generic(name)


def test_a_known_dataset_named_after_its_venue_is_no_venue():
    from kg.extract.names import generic

    assert not generic("CoNLL-2003") and generic("CoNLL 2024") and generic("SemEval")


def test_mixed_case_acronym_is_spelt_by_its_capitals():
    from kg.extract.names import initials_match

    assert initials_match("XGBoost", ["eXtreme", "Gradient", "Boosting"])
    assert not initials_match("XGBoost", ["Gradient", "Boosting"])


def test_a_longer_name_is_no_acronym_of_a_shorter_one():
    from kg.extract.names import initials_match

    assert not initials_match("Memory-GPT", ["MemGPT"])


def test_prefixed_surnames_are_not_names():
    from kg.extract.names import generic

    assert generic("McAllister") and generic("MacKay") and not generic("MobileNet")


def test_sok_heads_no_title_name():
    from kg.extract.rules import title_head

    assert not found(title_head, "Body.", title="SoK: Large Language Model Auditing")


@pytest.mark.parametrize("name", ["all-MLP", "Fully-MLP", "pure-CNN"])
def test_a_modifier_glued_to_a_kind_is_a_kind(name):
    from kg.extract.names import generic

    assert generic(name)


def test_a_resolution_suffix_is_cut():
    assert "VGA-resolution" not in found(shapes, "Events at VGA-resolution (640x480 pixels) are read.")


def test_lower_case_handles_are_no_names_but_known_lower_case_models_are():
    from rulehelp import found

    from kg.extract.rules import shapes

    assert not found(shapes, "Code: [PyTorch-2 (rishikksh20)] and [PyTorch-1 (lucidrains)].")
    assert "ResNet-50" in found(shapes, "We fine-tune resnet50 on it.")


def test_a_size_letter_glued_to_a_known_model_is_the_model():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "Table 2 compares ViT-B/16, ConvNeXt-T, Swin-T and ERNIE-M on images with 8xA100 GPUs."
    models, _ = find_entities(text, [Span(0, len(text))])
    names = {m.name for m in models}
    assert {"ViT", "ConvNeXt", "Swin Transformer"} <= names
    assert not any(n.endswith(("-B", "-T")) for n in names) and "8xA100" not in names
    assert any(m.text == "ERNIE-M" for m in models)  # M is no size: a name of its own


@pytest.mark.parametrize("text,name", [
    ("We compare with ZorbLM 2.1 on code.", "ZorbLM 2.1"),
    ("Baselines include QuixNet v1.5 and others.", "QuixNet v1.5"),
])
def test_a_spaced_dotted_version_joins_the_name(text, name):
    assert name in found(shapes, text)


@pytest.mark.parametrize("text,name", [
    ("ZorbLM 2604.06777 proposes a method.", "ZorbLM"),  # an arXiv id, not a version
    ("QuixNet 50 layers deep.", "QuixNet"),  # a count, and undotted numbers stay out
])
def test_arxiv_ids_and_counts_are_no_versions(text, name):
    assert set(found(shapes, text)) == {name}


@pytest.mark.parametrize("text", ["Stacking for AnomalyBased Intrusion Detection.", "An LLMGuided search."])
def test_a_glued_usage_participle_is_no_name(text):
    assert not [n for n in found(shapes, text) if n not in ("Stacking", "Intrusion", "Detection")]


def test_a_glued_plus_plus_belongs_to_the_name():
    got = found(shapes, "We compare ZorbPose++ and DETR with C++ code.")
    assert "ZorbPose++" in got and "ZorbPose" not in got


def test_a_closing_plus_belongs_to_the_name():
    # "SmoothQuant+", "PS+": one plus that closes the word marks an improved version.
    got = found(shapes, "ZorbQuant+: 4-bit weights. Our ZQ+ prompting beats ZQ.")
    assert "ZorbQuant+" in got and "ZorbQuant" not in got and "ZQ+" in got, got
    # A plus between two names joins them: no improved version of either.
    got = found(shapes, "We stack ZorbNet+ZorbCRF layers.")
    assert "ZorbNet+" not in got, got


def test_a_size_in_capitals_is_no_name():
    # "BERT BASE": the capitals of a size word are a style, not an acronym.
    got = found(shapes, "The teacher is BERT BASE; the students use ZORB LARGE and XL sizes.")
    assert not {"BASE", "LARGE", "XL"} & set(got)
    assert "ZORB" in got


def test_an_appendix_section_number_is_no_name():
    assert not found(shapes, "A.1 Dataset splits For the rest we use the standard splits.")


def test_a_bare_version_closing_a_list_items_name():
    # "TRELLIS 2 (2512) — …": the number before the item's date or dash is the version
    assert "TRELLIS 2" in found(shapes, "TRELLIS 2 (2512) — O-Voxel 表示替代 SDF。")
    assert "TRELLIS 2" in found(shapes, "TRELLIS 2 — a native 3D generator")
    # in prose a bare number is as often a count
    got = found(shapes, "We ran TRELLIS 2 times on each scene.")
    assert "TRELLIS" in got and "TRELLIS 2" not in got


@pytest.mark.parametrize("tag", ["arXiv23", "arXiv 2024", "EMNLP'23", "ICLR’24", "CVPR2024"])
def test_a_venue_tag_with_its_year_is_no_name(tag):
    # "- [arXiv23] Chain of Hindsight …": paper lists tag items with venue and year.
    assert tag not in found(shapes, f"- [{tag}] Zorb Aligns Models with Feedback")
    assert tag not in found(shapes, f"Accepted at {tag} as a poster.")


def test_a_name_that_starts_with_a_venue_stays_a_name():
    assert "ArXivQA" in found(shapes, "We train on ArXivQA and report accuracy.")


def test_a_medical_journal_is_a_venue():
    from kg.extract.names import generic

    # A PubMed digest names its journal ("基于JAMA+ AI Conversations访谈"): no model.
    assert generic("JAMA") and generic("NEJM") and generic("Lancet")
    assert not generic("JAMA-Bench")


def test_a_glued_top_k_cutoff_is_a_metric():
    from kg.extract.names import generic

    # "工业场景Top5精度提升8.6%": a ranking cutoff written without its hyphen.
    assert generic("Top5") and generic("top10") and generic("Top-5")


def test_a_lower_case_word_with_an_index_is_a_label_not_a_name():
    got = found(shapes, "It abstracts variables as var1, var2 and numbers as num1; see figure1, eq.1 and fp32 weights.")
    assert not {"var1", "var2", "num1", "figure1", "eq.1", "fp32"} & set(got)
    # A digit inside makes a name, and a known name stays.
    got = found(shapes, "We use set2set pooling, context2vec and gpt2.")
    assert {"set2set", "context2vec", "GPT-2"} <= set(got)
    # A year is no index: it keeps a corpus's name ("semeval2010").
    from kg.extract.rules.shapes import _INDEXED_WORD

    assert not _INDEXED_WORD.fullmatch("zorbcorpus2019") and _INDEXED_WORD.fullmatch("rdgrp-f23")


def test_an_acronym_opening_an_organisations_name_is_the_organisation():
    # An institute column a layout did not mark: "CISPA Helmholtz Center for …".
    got = found(shapes, "| 23.10 | CISPA Helmholtz Center for Information Security | NAACL2024 | Composite Attacks |")
    assert "CISPA" not in got
    got = found(shapes, "ZorbLab Research Institute released ZorbNet, which beats GPT-4 on MMLU.")
    assert "ZorbLab" not in got and "ZorbNet" in got
    # A name followed by ordinary capitalised words is still a name.
    assert "ZorbNet" in found(shapes, "We evaluate ZorbNet Large Scale Retrieval on MS MARCO.")
