"""The entity rules, one module each, every one a function ``find(ctx, prior) -> list[Candidate]``.

Rules read the entry's :class:`~kg.extract.context.Context` and return candidates; they
never see each other's output except through ``prior``: the entities merged from the
stages before theirs (read-only). Stages:

1. rules that read only the text: gazetteer matches, acronym definitions, name shapes,
   names before a parameter count ("DeepSeek R1 70B"), naming cues, capitalised names
   after a contribution verb, appositions, "the X dataset", Title-Case phrases, a
   title's head (or the "Name:" label before it), the context rules for unknown names
   ("on the X and Y datasets", "outperforms X", "the self-conditioning technique"),
   labelled fields that list models ("Algorithm: DQN"), language editions of known
   corpora ("English Penn Treebank"), descriptive names in titles ("Sliced Recursive
   Transformer"), bibliography keys ("DBLP:conf/…", a veto), metrics ("评价指标PREFS",
   "the X metric", a veto), examples of non-model kinds ("procedures like X", a veto) and
   hashtags and handles ("#NLProc", "@JohnDoe", a veto) and shared-task names ("Task 6,
   iSarcasmEval", a veto);
2. rules that need the names found so far: ambiguous MT names in lists, typos of known
   names;
3. enumerations: words listed with known names of one kind.

Within a stage the order is the merge's tie-break (the first candidate of an entity
gives it its name and kind unless a known name does).
"""
from __future__ import annotations

from kg.extract.rules import (
    acronyms,
    appositions,
    citations,
    contributions,
    cues,
    dataset_context,
    fields,
    gazetteer,
    language_variants,
    lists,
    metrics,
    model_context,
    mt_lists,
    named_datasets,
    non_model_examples,
    shapes,
    sizes,
    social,
    title_case,
    title_head,
    task_names,
    techniques,
    title_phrases,
    typos,
)

STAGES = (
    (gazetteer, acronyms, shapes, sizes, cues, contributions, appositions, named_datasets, title_case, title_head,
     dataset_context, model_context, techniques, fields, language_variants, title_phrases, citations, metrics,
     non_model_examples, social, task_names),
    (mt_lists, typos),
    (lists,),
)

__all__ = ["STAGES"]
