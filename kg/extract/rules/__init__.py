"""The entity rules, one module each, every one a function ``find(ctx, prior) -> list[Candidate]``.

Rules read the entry's :class:`~kg.extract.context.Context` and return candidates; they
never see each other's output except through ``prior``: the entities merged from the
stages before theirs (read-only). Stages:

1. rules that read only the text: gazetteer matches, acronym definitions, name shapes,
   lower-case identifiers of known families ("claude-3-5-sonnet", "llama-3.1-70b"),
   names before a parameter count ("DeepSeek R1 70B"), tuned checkpoints
   ("Qwen2.5-7B-Instruct"), naming cues, announcements ("Introducing X: …", "Meet X,"),
   first-person naming ("we call it X", "we refer to this model as X"),
   capitalised names after a contribution verb, lower-case names a contribution verb
   introduces and an apposition types ("we propose virtual context management, a
   technique"), appositions, "the X dataset", Title-Case phrases, a title's head (or
   the "Name:" label before it), a title's subject before its verb ("Chain of Hindsight
   Aligns Language Models …"), acronyms of the title ("NFQ" under "Neural Fitted Q
   Iteration"), the context rules for unknown names
   ("on the X and Y datasets", "outperforms X", "the self-conditioning technique",
   "three datasets: X, Y and Z", "X, a dataset of …", "在X、Y等数据集上", "ZorbQA と QuintarQA で評価した", "ZorbQA 벤치마크에서", "на датасете Zorbank",
   "X and Y are used for evaluation", "we use X as the training data", "the test sets of X",
   names listed before a known dataset: "on X, MMLU and Y", a dataset noun before its names:
   "on the benchmarks X and Y", "three datasets, namely X, Y and Z", a list's last item
   taking the noun: "X, Y and the Z benchmark", a Chinese copula: "X（…）是…的诊断基准"), a modifier
   and a known name in running text ("Momentum SGD"), names with a
   year ("DUC-2004"), labelled fields that list models ("Algorithm: DQN"), language
   editions of known corpora ("English Penn Treebank"), descriptive names in titles
   ("Sliced Recursive Transformer"), bibliography keys ("DBLP:conf/…", a veto), metrics
   ("评价指标PREFS", "the X metric", "Match F1", "Hit-Ratio-1", a veto), categories of methods ("different LSOD
   methods", 不同LSOD方法, a veto), examples of non-model kinds ("procedures
   like X", a veto), hashtags and handles ("#NLProc", "@JohnDoe", a veto) and
   shared-task names ("Task 6, iSarcasmEval", a veto), acrostic capitals in
   a title ("CHAIN: … lipsCHitz continuity constrAIned …", a veto) and kind families
   inside a title's phrase ("… of Image Transformers", a veto), surnames cited before
   "et al" (a veto), subscripts and functions of a formula ("the loss L kl1",
   "MHSelfAtt(H)", a veto), numbered layer labels ("conv1 to conv6", "Pool5", a veto),
   labels of the paper's figures and tables ("Fig. S4", "Table A2", a veto),
   hyphen-joined Title-Case words in Chinese prose ("Voxel-Merge 在结构层融合"),
   coined names ending in a benchmark word ("RAGEval", "RM-Bench": typed a dataset, before
   the title and cue rules whose gloss or apposition may call it a framework),
   Latin names a Chinese frame gives a kind ("提出Harbor方法", "Lion-X是一种新的优化器"),
   Latin names a Japanese frame proposes or compares ("ZorbNet を提案", "提案手法 Zorb",
   "GPT-4o と比較"), Latin acronyms a Russian long form or apposition gives a system's kind
   ("Машины непрерывного мышления (CTM) — нейросетевая архитектура"), Latin method names a Chinese frame explains or introduces ("Time-Adaptive Gating（根据…）",
   '提出 "Policy Reincarnation"'), a bracketed name closing a list item after its links
   ("… NeurIPS 2019. [pdf] (Grover)"), a one-word name in the table cell after a row's
   title ("| Structural Pruning for Diffusion Models | Diff-Pruning | paper |"), reference apparatus (glued arXiv ids "arXiv2606.09553", locators "pp.89-115",
   "AIES Vol.5", BibTeX keys, DOIs, "Transactions on … (TOIT)", a veto),
   a kind family a modifier makes a kind in running text ("decoder-only transformer",
   "Rectified Flow Transformer", a veto),
   and names the entry links to a dataset host's page (huggingface.co/datasets/…, typed
   a dataset), a known dataset's edition ("MovieLens 1M", "OpenWebText2") or hyphenated
   spelling ("Super-GLUE"), lists a dataset noun introduces or closes ("benchmarks: A
   (Smith, 1996), B and C", "A, B and C handwritten databases"), names described by what
   they hold ("X contains 23,354 turns"), data distributors' catalogue numbers
   ("LDC2003T09"), environments, simulators and games an agent is tested in ("the TORCS
   car racing environment", "plays … DOOM", GazeboSim两种环境), names that own a set of
   data in Chinese and Japanese ("BIRD の難問セット"), names a Korean dataset noun follows
   ("GenEval 벤치마크에서");
2. rules that need the names found so far: ambiguous MT names in lists or in a dataset
   context (可可数据集 is COCO), typos of known names (one word, or one word of two:
   "Mapillary Vitas"), siblings written with a slash ("ModelNet10/40"), names guessed
   from their shape that modify a noun of no model ("WordPiece tokens", a veto), and
   name shapes the text treats as data ("X was collected", "X contains 23,354 turns",
   "from MNLI to X", "CIFAR-10/100 [25] and X": typed a dataset), name shapes under
   an entry's data heading ("📊 数据集", "Datasets: A, B": typed a dataset), grant codes and
   programmes in an acknowledgement ("the MSMT LL1303 ERC-CZ grant", a veto), the family
   of a version a list labels the paper with ("- Inception-v3 - Rethinking the Inception
   Architecture", a veto) and a labelled paper's descriptive title phrase ("- VGG16 -
   Very Deep Convolutional Networks for …", a veto), models a limitations section says
   were not used ("局限 … 未与其他TTS方法（如FastSpeech）对比", a veto), variables a
   letter and an underscore name ("R_POS2", "X_train", a veto), identifiers of code in
   lowerCamelCase ("expMean", "inferProgs", a veto), exception classes and library files
   ("ImportError", "libsqlite3", a veto),
   runs of encoded data ("YnBsaXN0MDDSAQID…", a veto), guesses glued across the Latin and
   Cyrillic alphabets ("DiT-модель": "DiT", the mixed name a veto), letter-2-letter labels of
   a mapping ("c2d", "T2I", a veto), English glosses of Chinese terms in brackets
   ("渐进式训练（Progressive Training）", a veto), names joined into a combination
   ("ESIM+ELMo": ESIM and ELMo; "BICC-RCC" beside BICC and RCC: a veto), and the bare
   mentions of a short name typed elsewhere in the entry ("… Representations (SBOCR) …
   SBOCR is a promising direction"), and a heading that is only a name over a body that
   builds unnamed data and names its model apart ("### 3DEditVerse" over "构建了…数据集，
   提出专用编辑模型 3DEditFormer": typed a dataset);
3. enumerations: words listed with known names of one kind, Latin items of a Chinese
   enumeration listed with models ("如Qwen2-Audio和Mini-Omni", "（AASIST、CA-MHFA、SLS）"),
   and Latin items a Korean list gives as examples of models ("GPT Image 1, Seedream 3.0
   같은 상용 모델").

Within a stage the order is the merge's tie-break (the first candidate of an entity
gives it its name and kind unless a known name does).
"""
from __future__ import annotations

from kg.extract.rules import (
    acronyms,
    acrostics,
    announcements,
    appositions,
    bare_mentions,
    benchmark_names,
    bibliography,
    catalog_numbers,
    categories,
    checkpoints,
    cited_authors,
    code_identifiers,
    combined_names,
    citations,
    contributions,
    counted_lists,
    cues,
    data_evidence,
    data_roles,
    data_sections,
    dataset_appositions,
    dataset_context,
    dataset_descriptions,
    dataset_enumerations,
    dataset_nouns_before,
    dataset_prefixes,
    dataset_qualifiers,
    dataset_tools,
    dataset_siblings,
    dataset_variants,
    dated_names,
    encoded_strings,
    environments,
    fields,
    figure_labels,
    funding,
    gazetteer,
    hyphenated_names,
    introduced_phrases,
    ja_dataset_context,
    ja_method_frames,
    ko_dataset_context,
    ko_model_lists,
    labelled_titles,
    language_variants,
    layer_names,
    linked_datasets,
    lists,
    mapping_labels,
    math_symbols,
    metrics,
    mixed_scripts,
    model_context,
    model_ids,
    modified_families,
    modifier_heads,
    modified_names,
    mt_datasets,
    mt_lists,
    named_datasets,
    naming_verbs,
    non_model_examples,
    org_neighbours,
    phrase_typos,
    possessive_sets,
    proposed_families,
    ru_acronyms,
    ru_dataset_context,
    shapes,
    sizes,
    slash_variants,
    social,
    table_labels,
    task_names,
    techniques,
    title_acronyms,
    title_case,
    title_data_names,
    title_clauses,
    title_families,
    title_head,
    title_phrases,
    trailing_labels,
    translation_glosses,
    typos,
    unused_in_limitations,
    variable_names,
    zh_dataset_context,
    zh_hyphen_names,
    zh_kind_frames,
    zh_method_frames,
    zh_model_lists,
)

STAGES = (
    (gazetteer, benchmark_names, hyphenated_names, acronyms, acrostics, shapes, model_ids, catalog_numbers, sizes, checkpoints, dated_names, cues,
     naming_verbs, announcements, contributions, introduced_phrases, appositions, named_datasets, title_case, title_head, title_clauses, title_families,
     title_acronyms, dataset_context, data_roles, dataset_siblings, dataset_nouns_before, dataset_descriptions, dataset_enumerations,
     dataset_appositions, zh_dataset_context,
     ja_dataset_context, ko_dataset_context, ru_dataset_context, environments, possessive_sets, counted_lists, model_context, modified_names,
     techniques, fields, language_variants, dataset_variants, dataset_qualifiers, dataset_tools, title_phrases, citations, cited_authors, categories, metrics,
     math_symbols, layer_names, figure_labels, non_model_examples, social, task_names, linked_datasets, bibliography, zh_method_frames,
     trailing_labels, table_labels, modified_families, zh_hyphen_names, ja_method_frames, zh_kind_frames, ru_acronyms),
    (mt_lists, mt_datasets, typos, phrase_typos, slash_variants, dataset_prefixes, modifier_heads, variable_names, code_identifiers, encoded_strings, mixed_scripts, mapping_labels, data_evidence, data_sections, funding,
     proposed_families, labelled_titles, unused_in_limitations, translation_glosses, combined_names, org_neighbours,
     bare_mentions, title_data_names),
    (lists, zh_model_lists, ko_model_lists),
)

__all__ = ["STAGES"]
