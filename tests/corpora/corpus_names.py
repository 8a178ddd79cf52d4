"""Map corpus mentions to the names kg's annotation guidelines ask for.

Corpus annotators mark spans; the guidelines want names. The differences are regular
(a head noun or split taken into the span, an acronym or citation in parentheses, a
generic phrase annotated as if it were a name), and these functions undo them the same
way for every corpus. They were written from the guidelines and the dev splits' label
statistics only, never from heldout.
"""
from __future__ import annotations

import re

__all__ = ["map_dataset_name", "map_model_name", "split_coordination"]


# Guideline mapping of a dataset mention to the name kg is asked for. Decided from the
# kg annotation guidelines and the dev split's label statistics only, never heldout.
# The guidelines' names are bare ("ImageNet", "CIFAR-10", "MS MARCO"), while corpus
# annotators often took in the head noun ("20 Newsgroups dataset", "FBIS corpus"), the
# split ("CIFAR-10 training set": the resolution issue maps it to CIFAR-10), an acronym
# ("Penn Treebank (PTB)", which the guidelines treat as one name with an alias) or a
# citation ("(Bond and Foster, 2013)").
_SPLIT_TAIL = re.compile(
    r"(?:(?:\s+|\s*[-‐]\s*)(?:training|train|test|testing|dev|development|validation|valid|val|evaluation|eval|held-out)"
    r"(?:\s+(?:set|sets|split|splits|data|portion|partition|subset|section|sections))?)+$",
    re.IGNORECASE,
)
# Only lower-case heads: a capitalised one is part of a proper name ("British National
# Corpus", "Berkeley Segmentation Dataset", "OPT-IML Bench").
_GENERIC_HEAD = re.compile(
    r"(?:\s+(?:dataset|datasets|data\s+set|data\s+sets|data|corpus|corpora|benchmark|benchmarks|collection|sentences"
    r"|shared\s+task|task))+$"
)
_POSSESSIVE = re.compile(r"['’]s$")
# Lower-case words before a capitalised or numbered name describe the data, they do not
# name it ("out-of-domain Brown", "unaugmented CIFAR10"); a word with a capital inside
# ("bAbI", "mini-ImageNet") is part of the name.
_LEADING_MODIFIERS = re.compile(r"^(?:[a-z][a-z-]*\s+)+(?=[A-Z0-9])")
_CITATION = re.compile(r"\s*\([^()]*\b(?:19|20)\d\d[a-z]?\)")
_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<acr>[^()\s][^()]{0,15}?)\s*\)$")
# A mention of five or more words with a lower-case preposition describes data ("small
# corpus of IWSLT-2008 BTEC task of spoken language translation in travel domain").
_PREPOSITION = re.compile(r"\s(?:of|from|for|in|with|except|on|by)\s")


_COORDINATION = re.compile(r"\s+(?:and|&)\s+")


def _name_shaped(part: str) -> bool:
    # A name on its own: a capital after the first letter or a digit ("NomBank",
    # "NIST", "CoNLL-2003"), or several words one of which is capitalised ("Chinese
    # PropBank"); a lone plain word ("English") may be the tail of a shared head.
    return bool(re.search(r"\S[A-Z]|\d", part)) or (len(part.split()) > 1 and bool(re.search(r"[A-Z]", part)))


def split_coordination(mention: str) -> list[str]:
    """The names a coordinated mention holds: annotators sometimes mark ``A and B`` as
    one span; the guidelines count each named dataset. Split only where every part is
    name-shaped, so ``ACE RDC 2005 Chinese and English`` (a shared head) stays whole.

    Example
    -------
    >>> split_coordination("Chinese PropBank and NomBank")
    ['Chinese PropBank', 'NomBank']
    >>> split_coordination("ACE RDC 2005 Chinese and English")
    ['ACE RDC 2005 Chinese and English']
    """
    parts = _COORDINATION.split(" ".join(mention.split()))
    if len(parts) > 1 and all(_name_shaped(p) for p in parts):
        return parts
    return [mention]


def map_dataset_name(mention: str) -> tuple[str | None, list[str], str]:
    """The gold name and aliases of an annotated dataset mention, and what was changed;
    the name is ``None`` when the mention names no dataset.

    Example
    -------
    >>> map_dataset_name("CIFAR-10 training set")
    ('CIFAR-10', [], 'split removed')
    >>> map_dataset_name("Penn Treebank (PTB) corpus")
    ('Penn Treebank', ['PTB'], 'head noun removed; acronym kept as alias')
    >>> map_dataset_name("the training data")
    (None, [], 'generic: no capital letter or digit')
    >>> map_dataset_name("unaugmented CIFAR10")
    ('CIFAR10', [], 'descriptive modifier removed')
    >>> map_dataset_name("SQuAD")
    ('SQuAD', [], '')
    """
    name = " ".join(mention.split())
    changes: list[str] = []
    aliases: list[str] = []

    def apply(rx: re.Pattern[str], why: str, repl: str = "") -> None:
        nonlocal name
        cut = rx.sub(repl, name).strip(" -,;:")
        if cut != name and cut:
            name = cut
            changes.append(why)

    apply(_POSSESSIVE, "possessive removed")
    apply(_CITATION, "citation removed")
    apply(_LEADING_MODIFIERS, "descriptive modifier removed")
    if name.endswith(")") and name.count(")") > name.count("("):
        apply(re.compile(r"\)$"), "stray parenthesis removed")
    for _ in range(2):  # "Penn Treebank (PTB) corpus": head, then acronym, then head
        apply(_SPLIT_TAIL, "split removed")
        apply(_GENERIC_HEAD, "head noun removed")
        m = _ACRONYM.match(name)
        if m and re.search(r"[A-Za-z]", m["acr"]):
            name = m["name"].strip()
            aliases.append(m["acr"])
            changes.append("acronym kept as alias")
    # A name has a capital letter or a digit somewhere ("ImageNet", "20 Newsgroups",
    # "bAbI"); an all-lowercase phrase is a description ("news articles").
    if not re.search(r"[A-Z0-9]", name):
        return None, [], "generic: no capital letter or digit"
    if len(name.split()) >= 5 and _PREPOSITION.search(name):
        return None, [], "description, not a name"
    if not re.search(r"[A-Za-z]", name):
        return None, [], "no letter: not a name"
    if _is_variable(name):
        return None, [], "a variable ('D', 'X'), not a name"
    return name, aliases, "; ".join(dict.fromkeys(changes))


def _is_variable(name: str) -> bool:
    # "X", "D T" (D_T with its subscript flattened): symbols in formulas, not names.
    return all(len(w) == 1 for w in name.split())


def map_model_name(mention: str) -> tuple[str | None, str]:
    """The gold model name of an annotated mention, or ``None`` and why it is dropped.

    Size variants are left to the scorer (``BERT-base`` is BERT there, as in the
    guidelines); a possessive is not part of a name, nor is the plural of an acronym
    (``NPTs`` are NPT models).

    Example
    -------
    >>> map_model_name("BART's")
    ('BART', 'possessive removed')
    >>> map_model_name("GCNs")
    ('GCN', 'plural removed')
    >>> map_model_name("multilingual finetuning")
    (None, 'generic: no capital letter or digit')
    """
    name = " ".join(mention.split())
    why = ""
    cut = _POSSESSIVE.sub("", name)
    if cut != name and cut:
        name, why = cut, "possessive removed"
    if re.fullmatch(r"[0-9A-Z][0-9A-Z-]*[A-Z]s", name):
        name, why = name[:-1], "plural removed"
    if not re.search(r"[A-Z0-9]", name):
        return None, "generic: no capital letter or digit"
    if not re.search(r"[A-Za-z]", name):
        return None, "no letter: not a name"
    if _is_variable(name):
        return None, "a variable ('D', 'X'), not a name"
    return name, why
