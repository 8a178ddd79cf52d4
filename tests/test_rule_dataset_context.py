"""rules.dataset_context: unknown dataset names decided by their context."""
import pytest
from rulehelp import found

from kg.extract.merge import merge
from kg.extract.rules import dataset_context


@pytest.mark.parametrize(
    "text, names",
    [
        ("Results on the Zorblax and Quintar datasets are strong.", {"Zorblax", "Quintar"}),
        ("We evaluate on Zorblax, Quintar and Frobnik.", {"Zorblax", "Quintar", "Frobnik"}),
        ("The model is trained on Zorblax only.", {"Zorblax"}),
        ("Scores on the Zorblax test set rise.", {"Zorblax"}),
        ("We use the Waymo Open Motion dataset.", {"Waymo Open Motion"}),
        ("It tops the Zorblax Leaderboard.", {"Zorblax Leaderboard"}),
        ("我们在Zorblax数据集上取得了最好结果。", {"Zorblax"}),
        ("在Zorblax和Quintar上的实验表明该方法有效。", {"Zorblax", "Quintar"}),
        ("在Zorblax-Hard子集上提升明显。", {"Zorblax-Hard"}),  # a subset is data
        ("在Zorblax测评集上取得最好结果。", {"Zorblax"}),  # an evaluation set
        # a dataset noun closes the 在…上 frame, modifiers between it and the name
        ("在Zorblax Quest长程任务套件上，相比基线改进。", {"Zorblax Quest"}),
        ("在 Zorblax 困难评测集上，相比基线改进。", {"Zorblax"}),
        # a percentage right after the frame is a score measured on the names
        ("相比基线，在Zorblax上提升**+5.4%**。", {"Zorblax"}),
    ],
)
def test_context_makes_a_dataset(text, names):
    got = found(dataset_context, text)
    assert set(got) == names and all(c.label == "DATASET" and c.force_label for c in got.values()), got


@pytest.mark.parametrize(
    "text",
    [
        "We evaluate on English and French.",  # languages
        "The spontaneous ME datasets are small.",  # a lone bare acronym is jargon
        "Trained on GPUs for a week.",  # a kind of thing
        "Results on the new dataset are strong.",  # no name
        "在Zorblax长程推理上，相比基线改进。",  # no dataset noun before 上, no evaluation word
        "在Zorblax上部署，速度快15%以上。",  # a percentage past the frame's reach
        "在Zorblax长程任务，套件上改进。",  # a clause ends before the noun
    ],
)
def test_no_dataset_without_a_name(text):
    assert not found(dataset_context, text)


def test_title_case_title_needs_a_name_shape():
    assert not found(dataset_context, "Body text.", title="Robotic Learning Datasets and Models")


def test_names_listed_after_a_known_dataset():
    got = found(dataset_context, "Gains hold for ImageNet, Zorblax and Quintar alike.")
    assert {"Zorblax", "Quintar"} <= set(got)


def test_class_counts_make_benchmarks():
    from kg.extract.names import label_hint

    assert label_hint("ABC100") == "DATASET" and label_hint("ResNet50") == "MODEL" and label_hint("C51") == "MODEL"


@pytest.mark.parametrize(
    "text, names",
    [
        ("Large annotated corpora such as Zorblax, Quintar, and Frobnik exist.", {"Zorblax", "Quintar", "Frobnik"}),
        ("Benchmarks including Zorblax are hard.", {"Zorblax"}),
        # a task's acronym in the list names no dataset, but the list goes on past it
        ("Evaluation on the challenging ZORBLAX and VQA datasets is done.", {"ZORBLAX"}),
    ],
)
def test_examples_and_lists_of_a_dataset_word(text, names):
    assert set(found(dataset_context, text)) == names


def test_a_heading_in_title_case_names_nothing_plain():
    assert not found(dataset_context, "Lexical Comparison Between Zorblax and Quintar Corpora by Using Word Embeddings")


def test_treebanks_are_datasets_by_shape():
    from kg.extract.names import label_hint

    assert label_hint("ZorbBank") == "DATASET" and label_hint("CCGbank") == "DATASET"


@pytest.mark.parametrize("name", ["Chinese-to-English", "UrduEnglish", "English-German", "Czech"])
def test_languages_and_language_pairs_are_not_corpora(name):
    from kg.extract.names import generic

    assert generic(name)


def test_a_benchmark_named_for_its_task_is_no_dataset():
    from kg.extract.entities import find_entities
    from kg.records import Span

    for text, want in [("MQA is simpler than the RTE task , which needs reasoning .", []),
                       ("The tagger is trained on the CoNLL03 shared task data set .", ["CoNLL-2003"]),
                       ("We evaluate on RTE and report accuracy .", ["RTE"])]:
        _, datasets = find_entities(text, [Span(0, len(text))])
        assert [d.name for d in datasets] == want, text


def test_data_set_written_in_two_words():
    assert set(found(dataset_context, "The Zorblax and Quintar data sets are larger.")) == {"Zorblax", "Quintar"}


def test_capitalised_dataset_word_is_part_of_a_whole_name():
    got = found(dataset_context, "We parse the Zorb Treebank with it.")
    assert got["Zorb Treebank"].covers  # "Zorb" inside it is no name of its own


def test_capitalised_singular_word_extends_the_nearest_item_only():
    got = found(dataset_context, "We evaluate on the Zorblax and Quintar Treebank.")
    assert {"Zorblax", "Quintar Treebank"} <= set(got)


def test_lower_case_word_next_to_the_dataset_word_ends_the_list():
    # "English universal treebank": "universal" is no name, so "English" is not reached.
    assert "English universal" not in found(dataset_context, "We train on the English universal treebank.")


def test_known_name_keeps_its_span_inside_a_whole_name():
    got = found(dataset_context, "We use the ImageNet Benchmark here.")
    assert not got["ImageNet Benchmark"].covers


def test_descriptive_title_words_before_dataset_word_are_no_name():
    assert not found(dataset_context, "Counting from Sky: A Large-scale Dataset for Remote Sensing")


def test_doubled_space_before_the_dataset_word():
    assert "Zorblax" in found(dataset_context, "Scores of the parser on the Zorblax  corpus.")


def test_test_data_but_not_training_data():
    assert "Zorblax" in found(dataset_context, "We also score each pair on the Zorblax test data.")
    assert "Zorblax" not in found(dataset_context, "We study the Zorblax training data mix.")


def test_chinese_frame_with_a_plus_combination_is_one_name():
    got = found(dataset_context, "在Zorb + Quint-10上的精度")
    assert list(got) == ["Zorb + Quint-10"]
    assert not found(dataset_context, "在Zorb + 我们的数据上的精度")


def test_score_before_on_names_a_dataset():
    got = found(dataset_context, "Our model achieves 80% on Zorblax and a score of 71.2 on Quintar.")
    assert {"Zorblax", "Quintar"} <= set(got)
    assert not found(dataset_context, "It improves by 2.1 on average.")


def test_release_number_belongs_to_the_name():
    assert "Zorb Treebank 5.1" in found(dataset_context, "We parse the Zorb Treebank 5.1 and report scores.")
    assert "Zorblax 2.0" in found(dataset_context, "Results on Zorblax 2.0 are strong.")


def test_counts_and_descriptive_words_are_no_names():
    assert not found(dataset_context, "Two data sets are adopted for testing.")
    assert not found(dataset_context, "Data: Experimental data set comes from a lab.")
    assert not found(dataset_context, "The best system uses the Image corpus as well.")


def test_split_phrase_vouches_for_a_bare_acronym():
    assert "ZRB" in found(dataset_context, "We trained on the public ZRB training set only.")


def test_definite_singular_names_an_acronym_dataset():
    assert "ZRB" in found(dataset_context, "It was evaluated on the ZRB dataset.")
    assert "ZR" not in found(dataset_context, "Spontaneous ZR datasets are scarce.")


def test_a_score_and_what_it_counts_before_on_names_a_dataset():
    got = found(dataset_context, "It reaches 85.2 F1 on Zorblax and 80% accuracy on Quintar.")
    assert {"Zorblax", "Quintar"} <= set(got)
    # a count of layers is no score
    assert not found(dataset_context, "We stack 2 Layers on Zorblax nodes.")


@pytest.mark.parametrize(
    "text",
    [
        "We fine-tune LLaMA on Zorbal.",  # the tokenizer splits "fine-tune" at its hyphen
        "The model is fine-tuned on Zorbal.",
        "We pre-train the encoder on Zorbal.",
        # every written form of the verb right before "on" (dataset_cues.txt)
        "We fine-tune on Zorbal.",
        "After fine-tuning on Zorbal, the model improves.",
        "We pre-train on Zorbal.",
        "Pre-training on Zorbal, the encoder converges.",
        "Our model outperforms BERT on Zorbal.",  # a comparison's place is a dataset
        "It surpasses strong baselines on Zorbal.",
    ],
)
def test_hyphenated_and_comparison_verbs_before_on(text):
    assert "Zorbal" in found(dataset_context, text)


def test_evaluation_verb_with_its_object_before_on():
    assert "Zorbal" in found(dataset_context, "We benchmark 12 LLMs on Zorbal and find gaps.")
    assert "Zorbal" in found(dataset_context, "We evaluate our new model on Zorbal.")
    assert not found(dataset_context, "We evaluate it carefully, and on Zorbal day we rest.")


def test_hardware_is_no_dataset():
    assert not found(dataset_context, "We trained the model on NVIDIA DGX-1 servers for 6 hours.")


def test_a_following_compound_is_grown_whole():
    assert "Penn Tree-bank" in found(dataset_context, "We evaluate our parsers on the Penn Tree-bank and PDT.")


def test_a_several_word_name_covers_the_new_acronym_inside_it():
    # "Turkish ZRBT treebank": ZRBT inside the name the context vouches for is that
    # dataset, not a second one beside it.
    from kg.extract.rules import shapes
    from rulehelp import ctx_of
    ctx = ctx_of("We obtain better results on the Turkish ZRBT treebank.")
    got = {c.name: c for c in dataset_context.find(ctx, [])}
    assert got["Turkish ZRBT"].covers
    ents = merge([c for r in (shapes, dataset_context) for c in r.find(ctx, [])])
    assert [e.name for e in ents if e.label == "DATASET"] == ["Turkish ZRBT"]


def test_names_in_brackets_after_a_dataset_word_are_its_members():
    got = found(dataset_context, "It holds two domain-specific corpora (ZORBS and QUINTS).")
    assert {"ZORBS", "QUINTS"} <= set(got)


def test_a_citation_in_brackets_is_no_member_list():
    assert not found(dataset_context, "We compare several corpora (Smith and Jones, 2010) here.")
    assert not found(dataset_context, "We use the corpus (Zorblax) for training.")  # one name: a gloss


def test_a_list_holding_a_known_model_lists_models():
    # "On ImageNet, X and ResNet-50 …": ResNet-50 is a known model, so X is no dataset.
    assert "Zorblax" not in found(dataset_context, "On ImageNet, Zorblax and ResNet-50 reach 80% accuracy.")
    assert "Zorblax" not in found(dataset_context, "We evaluate on Zorblax and ResNet-50 with care.")
    assert {"Zorblax", "Quintar"} <= set(found(dataset_context, "We evaluate on ImageNet, Zorblax and Quintar."))


@pytest.mark.parametrize("text, name", [
    ("Our parser obtained 59% Smatch on the SemEval test set.", "SemEval"),
    ("We evaluate on two translation tasks using WMT data sets.", "WMT"),
    ("Results on three NIST evaluation test sets show gains.", "NIST"),
    ("We used the CoNLL shared task data for training.", "CoNLL"),
])
def test_a_campaign_before_its_data_is_that_data(text, name):
    assert found(dataset_context, text)[name].label == "DATASET"


def test_a_campaign_elsewhere_is_no_dataset():
    assert not found(dataset_context, "The paper was presented at SemEval and CoNLL last year.")
    assert "TREC" not in found(dataset_context, "We follow TREC-style data formats.")


def test_a_campaign_s_data_survives_the_venue_filter():
    from kg.extract.entities import find_entities
    from kg.records import Span
    text = "Our parser obtained 59% Smatch on the SemEval test set, presented at CoNLL."
    _, datasets = find_entities(text, [Span(0, len(text))])
    assert [d.name for d in datasets] == ["SemEval"]


def test_a_bare_version_or_a_metric_after_on_is_no_dataset():
    assert not found(dataset_context, "Results on the v1.0 of development and test sets are shown.")
    assert "Exact Match" not in found(dataset_context, "It went from 68.16 to 73.72 on the Exact Match score.")


def test_one_word_before_a_capitalised_generic_head_is_the_name():
    # "Boston Dataset" names Boston; the phrase with its head is vetoed, so a Title-Case
    # reading of it cannot come back.
    got = found(dataset_context, "Zorblax Dataset. See Table 4 for the results on it.")
    assert got["Zorblax"].label == "DATASET"
    assert got["Zorblax Dataset"].label == "GENERIC"
    # so does "Benchmark" ("CRYSTAL Benchmark for …"), but a known whole name keeps it
    got = found(dataset_context, "Results on the Zorblax Benchmark and the STS Benchmark improve.")
    assert got["Zorblax"].label == "DATASET" and got["Zorblax Benchmark"].label == "GENERIC"
    assert got["STS Benchmark"].label == "DATASET" and "STS" not in got


def test_several_words_keep_their_capitalised_head():
    got = found(dataset_context, "We evaluate on the Berkeley Segmentation Dataset and the Zorb Treebank.")
    assert {"Berkeley Segmentation Dataset", "Zorb Treebank"} <= set(got)
    assert all(c.label == "DATASET" for c in got.values())


def test_next_sentence_first_word_is_not_part_of_a_listed_name():
    # A heading without a full stop runs into the sentence: "…, HIV We used …".
    got = found(dataset_context, "Dataset -MNIST, Zorblax, Quintar We used the three datasets.")
    assert "Quintar" in got and not any(n.endswith(" We") for n in got)


def test_a_section_number_is_no_name():
    assert not found(dataset_context, "A.1 Dataset splits are listed in the table.")


def test_campaign_before_a_language_pair_is_its_data():
    got = found(dataset_context, "For WMT English to German, we use the standard data.")
    assert got["WMT"].label == "DATASET"
    assert not found(dataset_context, "The WMT meeting was held in Lisbon.")


def test_a_heading_of_one_word_and_a_plural_dataset_noun_names_a_kind():
    assert not found(dataset_context, "Cloze datasets. Recently, researchers have built cloze datasets.")
    assert "Zorblax" in found(dataset_context, "Results are reported on the Zorblax datasets.")


def test_a_list_item_bounded_by_separators_covers_the_known_name_inside():
    from rulehelp import ctx_of
    from kg.extract.entities import entities_in
    text = "It does poorly on datasets like PubMed Central, PubMed Zorbstracts, and ArXiv."
    names = [e.name for e in entities_in(ctx_of(text))]
    assert "PubMed Zorbstracts" in names and "PubMed" not in names
    # Outside a list the known name keeps its own span.
    names = [e.name for e in entities_in(ctx_of("We evaluate on the NPS Chat Corpus."))]
    assert "NPS Chat" in names


def test_a_bracketed_list_after_a_known_dataset_takes_a_lone_acronym():
    got = found(dataset_context, "It raises knowledge demands (GPQA, ZQE) instead.")
    assert "ZQE" in got
    # Outside brackets a lone bare acronym after a comma is still jargon.
    assert "ZQE" not in found(dataset_context, "It raises knowledge demands on GPQA, ZQE said.")


def test_a_preposition_opening_a_sentence_is_no_name_before_a_dataset_noun():
    from rulehelp import ctx_of

    from kg.extract.entities import entities_in

    names = [e.name for e in entities_in(ctx_of("Across benchmark cases, the decisions hold. Through Zorbset benchmark runs we see."))]
    assert names == ["Zorbset"]


def test_a_quoted_phrase_keeps_its_dataset_word():
    from rulehelp import ctx_of

    from kg.extract.entities import entities_in

    assert [e.name for e in entities_in(ctx_of('Then we compile a "Zorb Dataset" of prompts.'))] == ["Zorb Dataset"]
    # unquoted, a one-word name before a generic head is the name, the head its kind
    assert [e.name for e in entities_in(ctx_of("We use the Zorb Dataset of prompts."))] == ["Zorb"]


def test_a_framework_a_result_is_reported_on_is_no_dataset():
    assert not found(dataset_context, "结果显示在 MLX 和 PyTorch 上表现尤为突出。")
    # serving engines and compilers are software too
    assert not found(dataset_context, "结果显示在 vLLM 和 TensorRT-LLM 上表现尤为突出。")
    assert list(found(dataset_context, "结果显示在 Zorbset 和 Quintar 上表现尤为突出。")) == ["Zorbset", "Quintar"]


@pytest.mark.parametrize("text, names", [
    ("在 Zorbset 和 Quintar 上进行实验。", ["Zorbset", "Quintar"]),  # spaced Latin words
    ("在 ZorbVQA（覆盖多种文档类型）和 Manga109 的角色命名任务 M109ZC 上进行评估；", ["ZorbVQA", "M109ZC"]),
])
def test_spaced_and_glossed_chinese_evaluation_frames(text, names):
    assert list(found(dataset_context, text)) == names


def test_a_frame_broken_by_a_clause_or_without_evaluation_names_nothing():
    assert not found(dataset_context, "在 Zorb（一个模型）上对 Quintar 做微调。")
    assert not found(dataset_context, "在 Zorbset（很大），Quintar 上进行实验。")


def test_a_possessive_before_a_held_out_split():
    assert "Zorbal" in found(dataset_context, "Zorbal's test set contains 2,000 sentences.")
    assert "Zorbal" in found(dataset_context, "We report scores on Zorbal’s dev set.")
    # a model has training data of its own
    assert not found(dataset_context, "Zorbnet's training set is private.")


def test_a_list_whose_last_item_takes_the_article_and_the_noun():
    # "ETH3D, EuRoC and the IMC 2025 benchmark": the names listed before "and the" are data
    got = found(dataset_context, "Across captures plus Zorblax, Quintar and the Frobnik benchmark we report findings.")
    assert {"Zorblax", "Quintar", "Frobnik"} <= set(got)
    # one name before "and the" is no list; a known model makes it a list of models
    assert set(found(dataset_context, "We use Zorblax and the Frobnik dataset.")) == {"Frobnik"}
    assert set(found(dataset_context, "We compare BERT, Quintar and the Frobnik dataset.")) == {"Frobnik"}


@pytest.mark.parametrize("text", ["在Zorblax和Quintar", "我们的方法在Zorblax和Qu"])
def test_a_frame_the_text_ends_inside_is_read_without_error(text):
    # Found by the fuzz test: names closing the text left no token after them.
    found(dataset_context, text)


def test_a_plural_noun_after_the_list_makes_its_items_modifiers():
    got = found(dataset_context, "We evaluate our model on Zorb, Quin channels and report PSNR.")
    assert not got
    # A dataset noun there, or no noun at all, keeps the names.
    assert sorted(found(dataset_context, "We evaluate our model on Zorb and Quin datasets.")) == ["Quin", "Zorb"]
    assert sorted(found(dataset_context, "We evaluate our model on Zorb and Quin, and report PSNR.")) == ["Quin", "Zorb"]
