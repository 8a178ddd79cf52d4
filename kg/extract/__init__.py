"""Stage 3 — extract: one :class:`~kg.records.PaperRecord` per parsed entry.

Header fields (title, category, authors, affiliations) come from the spans the parser
found; models and datasets from :mod:`kg.extract.entities` over the title and body;
arXiv id and URLs from the whole entry text.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.affiliations import (
    affiliations_below,
    affiliations_by_marker,
    continued_affiliations,
    split_affiliations,
)
from kg.extract.authors import split_authors
from kg.extract.entities import find_entities
from kg.extract.affiliation_fields import labelled_affiliations
from kg.extract.dated_makers import byline_slots
from kg.extract.maker_frames import maker_institutions
from kg.extract.org_spans import is_team
from kg.extract.names import squash
from kg.extract.rules.fields import field_spans
from kg.parse.categories import normalize_category
from kg.parse.dates import arxiv_month
from kg.records import Entry, PaperRecord, Span
from kg.text import arxiv_id, cjk_share, find_urls

__all__ = ["extract_entry", "split_authors", "split_affiliations", "find_entities"]


# An arXiv id stated on its own (a data attribute): new-style, any version.
_BARE_ID = re.compile(r"(?:arxiv:)?(\d{4}\.\d{4,5})(?:v\d+)?", re.I)
_SPACES = re.compile(r"\s+")
# A Markdown link's target written relative to the page ("[pdf](../pdfs/2106.08254_BEiT:
# BERT Pre-Training….pdf)"): a file name, not text, even when it repeats the title.
_RELATIVE_TARGET = re.compile(r"\]\((?!https?://)([^()\n]+)\)", re.I)


def _lang(entry: Entry) -> str:
    # The uncached function: cjk_share's cache is for the lines layouts ask about again
    # and again; every entry text is new, and caching it kept up to 65,536 entry texts
    # alive for nothing.
    share = cjk_share.__wrapped__(entry.text)
    if share > 0.6:
        return "zh"
    if share < 0.05:
        return "en"
    return "mixed"


def extract_entry(entry: Entry) -> PaperRecord:
    text = entry.text
    authors, truncated = ([], False)
    if entry.authors is not None:
        authors, truncated = split_authors(entry.authors.of(text), entry.authors.start)
        if any(is_team(a.name) for a in authors):
            # "NeoteAI Team, Fudan TEAI Team": a team names no person; the maker frames
            # below read its organisation.
            people = [a for a in authors if not is_team(a.name)]
            authors = [replace(a, position=k + 1) for k, a in enumerate(people)]
    insts: list = []
    pairs: list[tuple[int, str]] = []
    if entry.affiliations is not None:
        insts, _ = split_affiliations(entry.affiliations.of(text), entry.affiliations.start)
        # "Princeton University\n Google DeepMind": organisations listed one per line
        # (footnote definitions) where the reader marked only the first line.
        for m in continued_affiliations(text, entry.affiliations.end):
            if all(m.name != i.name for i in insts):
                insts.append(m)
        if any(a.marks for a in authors):
            # "A Smith1, B Jones2" with "1 MIT; 2 Stanford": who belongs where.
            by = affiliations_by_marker(entry.affiliations.of(text), entry.affiliations.start)
            pairs = [(a.position, m.name) for a in authors for k in a.marks for m in by.get(k, [])]
    # "A Author (Org), B Author (Org)": each author's organisations written beside the name.
    seen = {m.name for m in insts}
    for au in authors:
        for s, e in au.affiliations:
            for m in split_affiliations(text[s:e], s)[0]:
                pairs.append((au.position, m.name))
                if m.name not in seen:
                    seen.add(m.name)
                    insts.append(m)
    found_urls = find_urls(text)
    url_spans = [(a, b) for _, a, b in found_urls]
    if not insts and entry.affiliations is None and entry.authors is not None:
        # "Ann Lee[^1], Bo Chen[^2]" over a block of organisations: the notes the marks
        # point to, unmarked by the reader.
        insts = affiliations_below(text, (entry.authors.start, entry.authors.end))
    if not insts and entry.affiliations is None:
        # An affiliation field the reader did not mark ("**机构**：…" in a layout kg has no
        # reader for) says who made the paper, as a marked one does.
        insts = labelled_affiliations(text)
    if not insts and entry.affiliations is None:
        # No affiliation field: prose may still say who made the paper ("a new paper by
        # OpenAI", 来自清华大学的研究团队), outside its links.
        # "… Ann Lee (Google Research)": a bracket closing the author list (or the title).
        after = [(s.end, shaped) for s, shaped in ((entry.authors, True), (entry.title, False)) if s is not None]
        links = list(entry.links) + [u for u, _, _ in found_urls]
        insts = maker_institutions(
            text,
            [(s.start, s.end) for s in _minus([Span(0, len(text))], url_spans)],
            after,
            title=entry.get("title"),
            urls=links,
            title_span=(entry.title.start, entry.title.end) if entry.title is not None else None,
            headlines=_headlines(entry),
        )
    regions: list[Span] = [s for s in (entry.title, entry.title_zh) if s is not None] + list(entry.body)
    if entry.kind == "abstract" and not entry.body:
        regions = [Span(0, len(text))]
    elif not _has_prose(text, entry.body, url_spans):
        # A layout that marks no body (a table's summary cell, a reading list's notes),
        # or only a line of links as its body: the rest of the entry is the paper's
        # text too, save its header fields.
        header = [(s.start, s.end) for s in (entry.authors, entry.affiliations) if s is not None]
        regions = regions + _minus([Span(0, len(text))], header + [(r.start, r.end) for r in regions])
    # "… 2013. Algorithm: DQN.": a labelled field the layout left out of the body still
    # names the paper's models.
    regions += [Span(a, b) for a, b in field_spans(text) if not any(r.start <= a < r.end for r in regions)]
    # Link targets of Markdown/HTML links first (their text is in the entry, the target
    # is not), then links written out in the text.
    urls = [u for u in entry.links if u.lower().startswith(("http://", "https://"))] + [u for u, _, _ in found_urls]
    # Names inside links (github.com/ruiyan1995/region_learner) are not mentions.
    regions = _minus(regions, url_spans + [m.span(1) for m in _RELATIVE_TARGET.finditer(text)])
    models, datasets = find_entities(text, regions, entry.title, urls)
    models = _not_organisations(models, insts)
    if entry.title is not None:
        # "(FRicci 2011)", "(PARC 1992)": the byline slot after a title holds a maker or a
        # person, never a model, whatever the name's look suggested.
        slots = byline_slots(text, (entry.title.start, entry.title.end))
        models = [m for m in models if not (_guessed(m) and any(a <= m.start and m.end <= b for a, b in slots))]
    title = entry.get("title")
    category = entry.category_code or (normalize_category(c) if (c := entry.get("category")) else None)
    aid = (
        arxiv_id(text)
        or next((a for u in entry.links if (a := arxiv_id(u))), None)
        or next((m.group(1) for x in entry.ids if (m := _BARE_ID.fullmatch(x.strip()))), None)
    )
    return PaperRecord(
        file=entry.file,
        line=entry.line,
        end_line=entry.end_line,
        kind=entry.kind,
        layout=entry.layout,
        lang=_lang(entry),
        arxiv_id=aid,
        title=_SPACES.sub(" ", title) if title else None,
        title_zh=entry.get("title_zh"),
        category=category,
        authors=tuple(authors),
        authors_truncated=truncated,
        institutions=tuple(insts),
        models=tuple(models),
        datasets=tuple(datasets),
        urls=tuple(dict.fromkeys(urls)),
        text=text,
        date=entry.date or arxiv_month(aid),
        author_institutions=tuple(dict.fromkeys(pairs)),
    )


#: Rules whose finding is a guess from a name's look (rules.guesses.GUESSES).
_GUESSES = frozenset(("shape", "title-case", "acronym"))


def _not_organisations(models, insts) -> list:
    """Models the entry's own organisation field names ("Institution: AstraZeneca",
    "Affiliation: InstaDeep") are its makers, not models, where only a name's look made
    them models; a known or cued name ("Mistral") stays."""
    if not insts:
        return list(models)
    orgs = {squash(m.name) for m in insts}
    return [m for m in models if not (squash(m.name) in orgs and _guessed(m))]


def _headlines(entry: Entry) -> list[tuple[int, int]]:
    """Where a headline may name the paper's makers as its subject: the titles the layout
    found, else the entry's first line (a linked headline in a news list)."""
    spans = [(s.start, s.end) for s in (entry.title, entry.title_zh) if s is not None]
    if not spans:
        eol = entry.text.find("\n")
        spans = [(0, len(entry.text) if eol < 0 else eol)]
    # A line longer than a headline is prose ("我们提出了…" in an abstract's first
    # paragraph): reading every verb of it back for a subject cost 2.5 % of an abstract
    # entry's extraction and names nobody's maker.
    return [(a, b) for a, b in spans if b - a <= MAX_HEADLINE_CHARS]


#: The longest line read as a headline, in characters (news headlines run 20–80).
MAX_HEADLINE_CHARS = 160


def _guessed(m) -> bool:
    """Only a name's look made ``m`` a model."""
    return set(m.source.split("+")) <= _GUESSES


#: Fewer words than this in the body (outside links) is no prose: "📄 Paper | 💻 Code".
PROSE_MIN_WORDS = 12
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _has_prose(text: str, body, url_spans: list[tuple[int, int]]) -> bool:
    """The body holds some prose outside its links (a Chinese word is about two
    characters)."""
    if not body:
        return False
    words = 0
    for s in _minus(list(body), url_spans):
        # Latin words first, stopping at the threshold (an English body reaches it in
        # its first line): counting on could only add to the sum.
        for _ in _LATIN_WORD.finditer(text, s.start, s.end):
            words += 1
            if words >= PROSE_MIN_WORDS:
                return True
        words += len(_CJK_CHAR.findall(text, s.start, s.end)) // 2
        if words >= PROSE_MIN_WORDS:
            return True
    return False


def _minus(regions: list[Span], holes: list[tuple[int, int]]) -> list[Span]:
    out = []
    for r in regions:
        pieces = [(r.start, r.end)]
        for a, b in holes:
            nxt = []
            for s, e in pieces:
                if b <= s or a >= e:
                    nxt.append((s, e))
                else:
                    if s < a:
                        nxt.append((s, a))
                    if b < e:
                        nxt.append((b, e))
            pieces = nxt
        out += [Span(s, e) for s, e in pieces if e > s]
    return out
