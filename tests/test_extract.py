"""Extraction rules on small, made-up entries (not the seeds): shapes, acronym
definitions, naming cues, roles, typing, machine-translation aliases and evidence."""
from __future__ import annotations

import pytest

from kg.extract import extract_entry
from kg.extract.entities import find_entities
from kg.extract.nlp import get_nlp
from kg.records import Span


def ents(text: str, title: str | None = None):
    full = (title + "\n" if title else "") + text
    tspan = Span(0, len(title)) if title else None
    models, datasets = find_entities(full, [Span(0, len(full))], tspan)
    return ({m.name: m.role for m in models}, {d.name: d.role for d in datasets}, models + datasets, full)


def test_tokenizer_is_offset_exact_on_mixed_text():
    text = "我们提出CubeMLP，在CMU-MOSI上  测试。\nT5-XL (3B)"
    doc = get_nlp()(text)
    assert doc.text == text
    assert "CubeMLP" in [t.text for t in doc] and "提" in [t.text for t in doc]
    for t in doc:
        assert text[t.idx : t.idx + len(t.text)] == t.text


@pytest.mark.parametrize(
    "text, model, role",
    [
        ("In this work, we propose FlashNorm, a simple normalisation layer for transformers.", "FlashNorm", "proposed"),
        ("We introduce Hierarchical Token Routing (HTR) for sparse models.", "HTR", "proposed"),
        ("Our method, dubbed the PolarGrad optimiser, converges faster.", "PolarGrad", "proposed"),
        ("我们提出了一种名为GraphMixer的新框架,用于时序图学习。", "GraphMixer", "proposed"),
        ("本文提出一种基于图的选择性标注方法vote-k,来选择样本。", "vote-k", "proposed"),
    ],
)
def test_new_names_and_proposed_role(text, model, role):
    models, _, _, _ = ents(text)
    assert models.get(model) == role, models


def test_new_name_compared_against_is_used():
    models, _, _, _ = ents("We propose a new sampler. It outperforms DiffRank and SwiftSample on all tasks.")
    assert models.get("DiffRank") == "used" and models.get("SwiftSample") == "used"


def test_lowercase_long_form_makes_acronym_generic():
    models, datasets, _, _ = ents("We study post-training quantization (PTQ) and reinforcement learning (RL) agents.")
    assert "PTQ" not in models and "RL" not in models


def test_task_long_form_is_not_a_model():
    models, _, _, _ = ents("Neural models provide a solution to Question Generation (QG) in dialogue.")
    assert "QG" not in models


def test_dataset_typing_by_context_and_coordination():
    _, datasets, _, _ = ents("Experiments on the SynthVid-12K dataset, OmniQA and TabBench show gains.")
    assert "SynthVid-12K" in datasets
    _, datasets, _, _ = ents("我们的实验是在情感分析数据集上进行的:AffectX-1和AffectX-2。")
    assert {"AffectX-1", "AffectX-2"} <= set(datasets)


def test_title_head_names_the_contribution():
    models, _, _, _ = ents("A study of routing.", title="HammingGrid: A Network Topology for Training")
    assert models.get("HammingGrid") == "proposed"


def test_evidence_spans_point_at_the_text():
    _, _, mentions, full = ents("To this end we introduce Model-Free Offline Skills (MFOS2), a framework.")
    assert mentions
    for m in mentions:
        assert full[m.start : m.end] == m.text


def test_names_inside_urls_are_not_mentions():
    from kg.parse import parse
    from kg.records import Document

    doc = Document("x.txt", "我们提出了GridNet,代码见https://github.com/someone/OtherNet。\ntranslated by 谷歌翻译\n", "utf-8")
    rec = extract_entry(parse(doc).entries[0])
    assert [m.name for m in rec.models] == ["GridNet"]
    assert rec.urls == ("https://github.com/someone/OtherNet",)


def test_known_name_written_with_spaces():
    _, datasets, _, _ = ents("When fine-tuned on Science QA, the model reaches 92% accuracy.")
    assert datasets.get("ScienceQA") == "used"


def test_chinese_title_from_a_summary_full_of_names():
    from kg.parse import parse
    from kg.records import Document

    text = ("1、[CL] LongFormer2: Scaling Attention\nA Author, B Author\n[Tsinghua University]\n"
            "LongFormer2:将Transformer扩展到10亿token。本文提出LongFormer2,一种Transformer变体。\n"
            "We introduce LongFormer2.\nhttps://arxiv.org/abs/2401.00001\n")
    rec = extract_entry(parse(Document("d.txt", text, "utf-8")).entries[0])
    assert rec.title_zh == "LongFormer2:将Transformer扩展到10亿token"


def test_known_name_after_an_indefinite_article_is_a_kind_not_the_contribution():
    models, _, _, _ = ents("我们提出了一种新的视觉变压器,称为Swin变压器,它可以作为通用骨干。与ResNet相比效果更好。")
    assert models.get("Swin Transformer") == "proposed"
    assert models.get("ViT") == "used" and models.get("ResNet") == "used"


def test_list_members_share_the_kind_and_role_of_known_names():
    models, datasets, _, _ = ents(
        "We introduce HetGate, a gating mechanism. On Cora, Citeseer, Chameleon and Squirrel, "
        "HetGate improves over GCN, GAT and H2GCN by up to 7.3%."
    )
    assert {"Cora", "Citeseer", "Chameleon", "Squirrel"} <= set(datasets)
    assert models.get("HetGate") == "proposed" and "HetGate" not in datasets
    assert models.get("H2GCN") == "used"


def test_a_new_name_listed_with_a_credited_new_name_is_used_too():
    # "such as" credits the first; the second, new as well, is listed with it
    models, _, _, _ = ents("We introduce ZorbThink, a decoder for dLLMs such as QuixDA 2.0 and Frobble 7B.")
    assert models.get("ZorbThink") == "proposed"
    assert models.get("QuixDA 2.0") == "used" and models.get("Frobble") == "used", models


@pytest.mark.parametrize(
    "text",
    [
        "Accepted at NeurIPS 2023 and the ICML-2024 workshop.",  # venues
        "It improves MOTA and HOTA by two points on our data.",  # metrics
        "Listed under cs.CL and arXiv_LG, see the GitHub and PDF links.",  # category codes, page tags
        # a reference list's proceedings series and preprint slot, also glued from a PDF
        "Zorb M. Quux nets[C]//ICML. PMLR, 2017. Frob K. Blip nets[J]. arXivpreprint arXiv:1602.02830, 2016.",
        "We crop each RoI and pool the RoIs on one GPU.",  # units of the input and hardware
        "We solve the equation with PINNs and a PINN-based solver.",  # a kind, like GNN
    ],
)
def test_venues_metrics_tags_and_codes_are_never_names(text):
    models, datasets, _, _ = ents(text)
    assert not models and not datasets, (models, datasets)


def test_benchmark_years_and_dataset_variants_are_datasets():
    _, datasets, _, _ = ents("We report results on VisDA-2017 and ImageNet-LT.")
    assert {"VisDA-2017", "ImageNet-LT"} <= set(datasets)


def test_generic_kinds_joined_stay_generic():
    from kg.extract.names import generic

    assert generic("CNN-RNN") and generic("GNN/MLP") and not generic("ViT-GPT2")


def test_size_variants_beside_a_name_are_that_name():
    models, _, _, _ = ents("We propose HyperSeg, with HyperSeg-S and HyperSeg-L variants for small budgets.")
    assert models == {"HyperSeg": "proposed"}
    models, _, _, _ = ents("ERNIE-M improves over ERNIE.")  # M is not a size here
    # ERNIE-M may come out in its catalog spelling (ErnieM, transformers): one name either way.
    assert {m.replace("-", "").casefold() for m in models} == {"erniem", "ernie"}


def test_a_known_name_the_contribution_builds_on_is_used():
    models, _, _, _ = ents("In this paper, we present Gaussian Splatting based text-to-3D generation (GSGEN).")
    assert models.get("3D Gaussian Splatting", models.get("Gaussian Splatting")) == "used", models


def test_an_entry_without_a_body_is_read_outside_its_header():
    # A table row whose summary cell the layout did not mark as the body: its names
    # count, the author cell's do not.
    from kg.extract import extract_entry
    from kg.records import Entry, Span

    text = "| Zorblax Tricks for Graphs | A Quintarsson, B Smith | We propose TSN4PI, a framework that beats GraphSAGE. |"
    t = text.index("Zorblax")
    au = text.index("A Quintarsson")
    rec = extract_entry(Entry(file="x.md", line=1, end_line=1, kind="digest", layout="table", text=text,
                              title=Span(t, t + 25), authors=Span(au, au + 22)))
    assert {m.name for m in rec.models} == {"TSN4PI", "GraphSAGE"}


def test_a_block_label_glued_to_its_text_is_no_name():
    from kg.extract.names import generic

    assert generic("ShowGiven") and generic("AbstractWe") and not generic("ShowNet") and not generic("Showcase")


def test_a_body_of_links_only_is_no_body():
    # The layout marked the link line as the body and left the abstract out: the rest
    # of the entry is read (outside its author line); a body with prose is read alone.
    from kg.extract import extract_entry
    from kg.records import Entry, Span

    text = ("### Zorblax Tricks\nAuthors: A Quintarsson\nNotes: QuintarNet\n"
            "We propose ZorbNet, a network that beats GraphSAGE on many graphs of every size and shape.\n"
            "[Paper](https://arxiv.org/abs/2309.16585) | [Code](https://github.com/x/y)")
    link, prose, au = text.index("[Paper]"), text.index("We"), text.index("A Quintarsson")

    def models(body):
        rec = extract_entry(Entry(file="x.md", line=1, end_line=5, kind="digest", layout="fields", text=text,
                                  title=Span(4, 18), authors=Span(au, au + 13), body=body))
        return {m.name for m in rec.models}

    assert models((Span(link, len(text)),)) == {"QuintarNet", "ZorbNet", "GraphSAGE"}
    assert models((Span(prose, link),)) == {"ZorbNet", "GraphSAGE"}


def test_glued_block_labels_units_and_venues_are_generic():
    from kg.extract.names import generic

    assert generic("ShowNon-invasive") and generic("ShowWEASEL") and generic("ShowGiven")
    assert not generic("ShowUI") and not generic("ShowNet")  # names of their own
    assert generic("mmHg") and generic("ECML") and generic("PKDD") and generic("SIGCOMM 2023") and generic("ShowA")
    assert generic("NP-hard") and generic("Non-IID") and generic("Parameter-Efficient Fine-Tuning")


def test_tasks_tools_radios_agencies_and_counts_are_no_model_names():
    from kg.extract.names import generic

    # task acronyms, libraries and services, radio and bus jargon, agencies, reported counts
    for term in ("ODQA", "CBQA", "SfM", "FAISS", "LangGraph", "CoreNLP", "EC2", "GPIO",
                 "FoV", "DARPA", "FLOP", "MMSE", "UWB"):
        assert generic(term), term
    # a name built on one is a name, a kind after one too ("MMD-GAN", "MIDI-LLM", "R2-D2")
    assert not generic("ODQA-Net") and not generic("FAISS-RAG") and not generic("MMD-GAN")
    assert not generic("MIDI-LLM") and not generic("R2-D2")
    models, _, _, _ = ents("We use FAISS for the index and CoreNLP for parsing; ODQA systems such as RePAQ are fast.")
    assert "FAISS" not in models and "CoreNLP" not in models and "ODQA" not in models


def test_split_labels_metric_variants_special_tokens_and_keywords_are_no_model_names():
    from kg.extract.names import generic

    assert generic("Train-v0") and generic("Test-2") and generic("kMMD") and generic("kMMDs")
    assert generic("MASK") and generic("JOIN")
    assert generic("WBCE") and generic("InfoNCE") and generic("PAC-Bayes") and not generic("HuBERT")
    # a split word heading a coined name, a prefixed model name: names
    assert not generic("Dev-Net") and not generic("mT5") and not generic("xLSTMs")


def test_prefixed_names_count_compounds_and_modified_kinds_are_no_names():
    from kg.extract.names import generic

    assert generic("non-S3D") and generic("pre-BERT") and generic("two-step") and generic("three-stage")
    assert generic("Dual-LLM") and not generic("Multi-NLI")  # a dataset's name
    # lower-case techniques and capitalised coined names stay
    assert not generic("self-conditioning") and not generic("Co-DETR") and not generic("Self-RAG")


def test_a_compound_modifier_ending_in_an_adjective_of_use_is_no_name():
    from kg.extract.names import generic

    # a hyphenated last word ending in an adjective or participle (modifier_tails.txt)
    assert generic("LLM-Centric") and generic("KDE-based") and generic("Decision-Aligned")
    assert generic("GPT-2sized") and generic("Graph-Guided") and generic("Proxy LLM-Centric")
    # names ending in other words, or in "only"/"like" (data and methods are named so), stay
    assert not generic("LLM-Blender") and not generic("RealNews-like") and not generic("Forward-Only")
    assert not generic("Self-RAG") and not generic("Centric")
    # in running text: the modifier is dropped, the name it modifies kept
    text = "We propose Invariant Representation Learning with LLM-Centric Proxy Denoising, compared with ZorbNet."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert "LLM-Centric" not in {m.name for m in models}


def test_a_kind_spelled_out_with_generic_initials_is_no_name():
    from kg.extract.names import generic

    # initials that are a generic kind (PRM, LRM, LLM, GNN) under a model-kind noun
    assert generic("Process Reward Model") and generic("Large Reasoning Models")
    assert generic("Outcome Reward Model") and generic("Large Language Model")
    # other initials, a head that is no kind noun, or more words: names stay
    assert not generic("Hyperbolic Graph Neural Networks") and not generic("Zorb Reward Model")
    assert not generic("Vision Transformer") and not generic("Long Short-Term Memory")
    text = "The survey compares the Outcome Reward Model with ZorbNet on math."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert {m.name for m in models} == {"ZorbNet"}


def test_a_task_the_paper_introduces_is_no_model_a_system_is():
    text = "To bridge this gap, we introduce Clinician-facing Radiology Note {}, a {} that explains notes."
    assert ents(text.format("Interpretation", "task"))[0] == {}
    assert ents(text.format("Explainer", "model"))[0] == {"Clinician-facing Radiology Note Explainer": "proposed"}


def test_a_new_version_of_a_known_model_stays_a_model_in_a_dataset_context():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "We benchmark Llama 3.1 on GSM8K and MATH. Results on SQuAD 2.0 and CoQA are shown."
    models, datasets = find_entities(text, [Span(0, len(text))])
    assert "Llama 3.1" in {m.name for m in models}
    assert {"GSM8K", "MATH", "SQuAD 2.0", "CoQA"} <= {d.name for d in datasets}


def test_tuned_checkpoints_of_a_size_belong_to_the_family():
    from kg.extract.names import family

    assert family("Qwen2.5-7B-Instruct") == "Qwen2.5" and family("Llama-2-7b-chat-hf") == "Llama-2"
    assert family("Mixtral-8x7B-Instruct-v0.1") == "Mixtral" and family("Mistral-7B-v0.3") == "Mistral"
    assert family("Zorb-it") == "Zorb-it" and family("ResNet-50") == "ResNet-50"  # no size: left alone


def test_known_names_keep_a_size_word_that_is_part_of_the_name():
    from kg.extract.entities import find_entities
    from kg.records import Span

    text = "We compare Transformer-XL, Stable Diffusion XL, Mistral 7B, T5-XL and OPT-30B."
    models, _ = find_entities(text, [Span(0, len(text))])
    assert [m.name for m in models] == ["Transformer-XL", "Stable Diffusion XL", "Mistral", "T5", "OPT"]


def test_relative_link_targets_are_not_mentions():
    # "[pdf](../pdfs/<id>_<title>.pdf)": a file name repeating the title is no mention.
    from kg.records import Entry, Span

    text = "- ZorbNet: we propose ZorbNet. [[pdf](../pdfs/2106.08254_QuixFormer: Image Transformers.pdf)]"
    rec = extract_entry(Entry(file="x.md", line=1, end_line=1, kind="digest", layout="list", text=text,
                              body=(Span(0, len(text)),)))
    assert [m.name for m in rec.models] == ["ZorbNet"]


def test_a_new_release_of_a_known_model_is_used_unless_introduced():
    models, _, _, _ = ents("We introduce ZorbThink, a decoder. Compared with baselines like Qwen3-8B and "
                           "Llama 3.1 70B, ZorbThink is faster.")
    assert models.get("ZorbThink") == "proposed" and models.get("Llama 3.1") == "used", models


def test_a_period_or_script_of_a_language_is_that_language_not_a_name():
    from kg.extract.names import generic

    assert generic("Ancient Greek") and generic("Modern Standard Arabic") and generic("Simplified Chinese")
    assert not generic("Modern Hopfield") and not generic("Standard")  # no language in it
    models, datasets, _, _ = ents("We translate Ancient Greek to Modern Greek (AG-MG) with ZorbMT.")
    assert set(models) == {"ZorbMT"} and not datasets, (models, datasets)


def test_a_generic_acronym_glued_to_a_lower_case_word_is_a_compound_adjective():
    from kg.extract.names import generic

    assert generic("human-AI") and generic("multi-GPU") and generic("AI-driven")
    assert not generic("LLM-Blender") and not generic("e-SNLI")  # a capitalised or name-shaped part
    models, _, _, _ = ents("Our results show the potential for human-AI collaboration with ZorbNet on multi-GPU rigs.")
    assert set(models) == {"ZorbNet"}, models


def test_a_generic_term_heading_a_kind_noun_is_a_kind():
    from kg.extract.names import generic

    assert generic("LSTM models") and generic("CNN Network")
    assert not generic("Swin Networks") and not generic("Graph Networks")


def test_names_each_in_brackets_of_their_own_split_one_by_one():
    from kg.extract.authors import split_authors

    authors, truncated = split_authors("[Ada Quill] [Bo Marsh]  [Cy Tenn]", 100)
    assert [a.name for a in authors] == ["Ada Quill", "Bo Marsh", "Cy Tenn"] and not truncated
    assert (authors[1].start, authors[1].end) == (113, 121)
    # brackets beside names that are not all the text are annotations, not this form
    assert [a.name for a in split_authors("Ada Quill [一作] (Zorb University), Bo Marsh")[0]] == ["Ada Quill", "Bo Marsh"]


def test_an_organisation_the_entrys_affiliation_field_names_is_no_model():
    # A company written in CamelCase looks like a model to the shape rule; the entry's
    # own organisation field says what it is. A cued model of the same entry stays.
    from kg.extract import extract_entry
    from kg.records import Entry, Span

    text = ("Zorb Biomarkers at Scale\nInstitution: QuintaDeep\n"
            "QuintaDeep's researchers propose ZorbFormer, which beats GraphSAGE on three cohorts.")
    aff = text.index("QuintaDeep")
    body = text.index("QuintaDeep's")
    rec = extract_entry(Entry(file="x.md", line=1, end_line=3, kind="digest", layout="fields", text=text,
                              title=Span(0, 24), affiliations=Span(aff, aff + 10), body=(Span(body, len(text)),)))
    assert [i.name for i in rec.institutions] == ["QuintaDeep"]
    assert {m.name for m in rec.models} == {"ZorbFormer", "GraphSAGE"}


def test_positioning_and_inertial_sensors_are_no_data():
    # "GNSS-denied indoor environments": a sensor's acronym, not an environment's name
    _, datasets, _, _ = ents("Real-world experiments in GNSS-denied indoor environments and GPS-referenced captures.")
    assert not datasets


def test_needle_in_a_haystack_and_its_acronym_are_one_benchmark():
    _, datasets, _, _ = ents("Benchmarks include LongBench and Needle-in-a-Haystack (NIAH); NIAH scores stay high.")
    assert "Needle-in-a-Haystack" in datasets and "NIAH" not in datasets
