"""Bibliography keys: ``DBLP:journals/corr/MelisDB17``, ``DBLP : conf / acl / …``.

Papers converted from LaTeX keep their citation keys in the text; the word before
``:journals/…`` or ``:conf/…`` names the bibliography the key comes from, not a
dataset or model used by the paper, so it is vetoed for the entry (the first segments
are data: ``kg/data/rules/citation_paths.txt``). A key a line break cut after its colon
(``DBLP:`` closing a text that holds nothing else, or nothing but another key before it:
``conf/acl/BowmanGRGMP16, DBLP:``) is vetoed too. Citation keys themselves (``Gal2015``)
are shapes :func:`kg.extract.names.generic` rejects.
"""
from __future__ import annotations

from kg.extract.candidate import GENERIC, NEVER, Candidate
from kg.extract.context import Context
from kg.extract.vocab import words

NAME = "citation"


def _colon_offsets(text: str):
    k = text.find(":")
    while k >= 0:
        yield k
        k = text.find(":", k + 1)


def find(ctx: Context, prior=()) -> list[Candidate]:
    paths = words("citation_paths")
    w, n = ctx.words, len(ctx.words)
    out = []
    # Colons are few: look at each rather than at every token.
    for k in (ctx.tok_at.get(x) for x in _colon_offsets(ctx.text)):
        if k is None or k < 1 or k + 1 >= n or ctx.lower[k + 1] not in paths or not ctx.is_word(k - 1):
            continue
        if k + 2 < n and w[k + 2] != "/":
            continue  # "… in this conf: …" is prose, a key goes on with a slash
        a, b = ctx.span(k - 1, k)
        out.append(Candidate(a, b, w[k - 1], NAME, GENERIC, yields=NEVER))
    out += _cut_key(ctx, paths)
    return out


def _cut_key(ctx: Context, paths) -> list[Candidate]:
    """A key cut off by a line break: "DBLP:" closing the text, alone or after another
    key ("conf/acl/BowmanGRGMP16, DBLP:"): the rest of the key went with the next line."""
    head = ctx.text.rstrip()
    if not head.endswith(":"):
        return []
    k = ctx.tok_at.get(len(head) - 1)
    if k is None or k < 1 or not ctx.is_word(k - 1) or ctx.ws[k - 1]:
        return []
    a, b = ctx.span(k - 1, k)
    before = ctx.text[:a].rstrip()
    # Only where nothing but another key stands before it: "Datasets: ImageNet:" is prose.
    last = before.rsplit(None, 1)[-1] if before else ""
    if before and not (last.endswith(",") and last.split("/", 1)[0].lower() in paths and last.count("/") >= 2):
        return []
    return [Candidate(a, b, ctx.words[k - 1], NAME, GENERIC, yields=NEVER)]
