"""``__numericNLG__ … [data](https://huggingface.co/datasets/kasnerz/numericnlg)``: a name
the entry links to a dataset host's page for it is a dataset, whatever its shape says.

Link targets are no text (annotation guidelines, "Markup is not text"), so the name
must be written in the entry; the link only types it. A host counts when every page
under the prefix is a dataset's (``kg/data/rules/dataset_hosts.txt``); the link's last
path segment must equal the name after the guidelines' matching (case, spaces, hyphens,
underscores and dots aside)."""
from __future__ import annotations

import functools
import re

from kg.extract.candidate import Candidate
from kg.extract.context import Context
from kg.extract.names import generic, squash
from kg.extract.nlp import WORD, gazetteer
from kg.extract.vocab import phrases

NAME = "link"
#: Tokens a linked name may span ("CMU-MOSI" is three: CMU, -, MOSI).
MAX_TOKENS = 5
_SCHEME = re.compile(r"^https?://(?:www\.)?", re.I)


@functools.cache
def _hosts() -> tuple[str, ...]:
    return tuple(h.lower() for h in phrases("dataset_hosts"))


def dataset_slugs(links) -> set[str]:
    """Squashed last path segments of the links that point at a dataset host's page."""
    out = set()
    for url in links:
        rest = _SCHEME.sub("", url.strip())
        if not rest.lower().startswith(_hosts()):
            continue
        path = re.split(r"[?#]", rest, maxsplit=1)[0].rstrip("/")
        slug = path.rsplit("/", 1)[-1]
        if slug and not any(slug.lower() == h.rstrip("/").rsplit("/", 1)[-1] for h in _hosts()):
            out.add(squash(slug))
    return out


def find(ctx: Context, prior=()) -> list[Candidate]:
    slugs = dataset_slugs(ctx.links)
    if not slugs:
        return []
    out = []
    n = len(ctx.words)
    for i in ctx.latin:
        # A written word from its start: not "NLG" inside "numericNLG".
        if not ctx.in_region[i] or (i > 0 and not ctx.ws[i - 1] and ctx.kinds[i - 1] == WORD):
            continue
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            last = j - 1
            # The written word goes on past a glued hyphen or underscore ("Zorb-X").
            ends = j >= n or ctx.ws[last] or not (ctx.kinds[j] == WORD or (
                ctx.words[j] in ("-", "_") and j + 1 < n and not ctx.ws[j] and ctx.kinds[j + 1] == WORD))
            if ctx.kinds[last] == WORD and ends:
                text = ctx.stext(i, j)
                if squash(text) in slugs and not generic(text):
                    a, b = ctx.span(i, j)
                    known = gazetteer().known(text)
                    out.append(Candidate(a, b, known[1] if known else text, NAME, "DATASET", known=bool(known),
                                         force_label=True))
            if j >= n or ctx.ws[last]:
                break  # one written word: "numericNLG", "CMU-MOSI"
    return out
