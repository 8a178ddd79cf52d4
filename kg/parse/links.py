"""Links and ids that say an item is a paper: an arXiv id an item states in brackets, a
link to a paper (arXiv, a paper page or PDF of a known host), a site's own page of a
paper named by its id, and a publisher's or preprint server's page
(kg/data/parse/scholarly_hosts.txt); and the words by which an item's description presents
a study (kg/data/parse/study_phrases.txt), where its link does not. :mod:`kg.parse.base`
exports them to layouts."""
from __future__ import annotations

import functools
import re

from kg.parse.data import load_words
from kg.text import PAPER_URL_RE, arxiv_id, find_urls

__all__ = ["MAX_IDS_OF_A_POST", "PAPER_LABELS", "page_paper_ids", "stated_arxiv_id", "paper_link", "local_paper_page", "scholarly_link", "states_paper", "presents_study"]

#: Labels that say a link is the paper itself (``[Paper](…)``, ``- PDF: https://…``), not
#: its code or page: the first words of kg/data/parse/link_labels.txt that name the paper.
PAPER_LABELS = frozenset({"paper", "pdf", "arxiv", "论文"})

# An arXiv link that names no paper ("https://arxiv.org/pdf/.pdf", a generator's empty id).
_NO_ID_RE = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(?:\.pdf)?/?$", re.I)


# A new-style arXiv id written on its own in brackets ("[2604.08477]", "(2402.03300v2)"):
# year-month, then four or five digits.
_STATED_ID_RE = re.compile(r"[\[(（]\s*(?P<id>\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?\s*[\])）]")


def stated_arxiv_id(text: str) -> tuple[str, int, int] | None:
    """``(id, start, end)`` of an arXiv id an item states in brackets of its own
    (``- **SD-Zero** — Self-revision … [2604.12002]``), the way research notes cite a
    paper without a link; ``None`` when there is none."""
    m = _STATED_ID_RE.search(text)
    return (m.group("id"), m.start(), m.end()) if m else None


def paper_link(url: str) -> bool:
    """Whether ``url`` points at a paper: an arXiv id, or a paper page or PDF of a known
    host — not an arXiv link with no id in it."""
    return bool(arxiv_id(url)) or bool(PAPER_URL_RE.search(url)) and not _NO_ID_RE.search(url)


# A site's own page of a paper, named by its arXiv id: "../../papers/arxiv-2607.18141/",
# "2026-07-14/2607.05394.md" — a relative link (no scheme, no host), the id a whole part
# of the path's last or second-last segment.
_LOCAL_PAPER_PAGE_RE = re.compile(r"^(?![a-z][a-z0-9+.\-]*:|//)[^\s?#]*?(?:^|[/_\-])(?:arxiv[_\-]?)?\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?(?:[/_\-.][^/\s]*)?/?$", re.I)


def local_paper_page(url: str) -> bool:
    """Whether ``url`` is a relative link to the site's own page of a paper, which the
    site names by the paper's arXiv id (``../../papers/arxiv-2607.18141/``): docs sites
    (Starlight, docsify, GitBook) that give every paper a page. The id in such a path is
    evidence of a paper, not a link to arXiv (no arXiv id is read from it)."""
    return bool(_LOCAL_PAPER_PAGE_RE.match(url.strip()))


@functools.lru_cache(maxsize=1)
def _scholarly_hosts() -> tuple[tuple[str, str], ...]:
    out = []
    for w in load_words("scholarly_hosts.txt"):
        host, _, path = w.casefold().partition("/")
        out.append((host, "/" + path if path else ""))
    return tuple(out)


def scholarly_link(url: str) -> bool:
    """Whether ``url`` points at a publication: a :func:`paper_link`, or a page of a
    publisher, DOI resolver or preprint server (kg/data/parse/scholarly_hosts.txt)."""
    if paper_link(url):
        return True
    m = re.match(r"(?i)^\s*(?:https?://)?(?:www\.)?([^/\s?#]+)(/[^\s?#]*)?", url)
    if not m:
        return False
    host, path = m.group(1).casefold(), (m.group(2) or "").casefold()
    return any((host == h or host.endswith("." + h)) and path.startswith(p) for h, p in _scholarly_hosts())


def states_paper(text: str) -> bool:
    """Whether ``text`` states a paper: an arXiv id, or a bare address of a paper's or a
    publication's page (``**連結**：https://arxiv.org/abs/…``, ``https://doi.org/…``).

    >>> states_paper("連結：https://doi.org/10.1000/x.1"), states_paper("Code: https://github.com/x/y")
    (True, False)
    """
    if arxiv_id(text):
        return True
    return "://" in text and any(scholarly_link(u) for u, _, _ in find_urls(text))


@functools.lru_cache(maxsize=1)
def _study_re() -> re.Pattern[str]:
    words = load_words("study_phrases.txt")
    english = sorted((re.escape(w) for w in words if w.isascii()), key=len, reverse=True)
    chinese = sorted((re.escape(w) for w in words if not w.isascii()), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(english) + r")\b|" + "|".join(chinese))


def presents_study(text: str) -> bool:
    """Whether a description presents a paper, study or report (``This study by Chroma
    investigates …``, ``Anthropic found that …``; ``kg/data/parse/study_phrases.txt``).

    >>> presents_study("This study by Chroma investigates context rot"), presents_study("The new update adds 92 languages")
    (True, False)
    """
    return _study_re().search(text) is not None


#: Distinct arXiv ids above which a page lists papers rather than presents one: a post
#: about one paper links its own id (abstract and PDF are one id), perhaps one more; a
#: daily page with front matter lists three or more (development set: posts 1, lists
#: 3–25).
MAX_IDS_OF_A_POST = 2

# An identifier the markup carries bare ("2304.02643" in a data-arxiv-id attribute).
_BARE_ID = re.compile(r"\d{4}\.\d{5}|\d{4}\.\d{4}(?!\d)")


def page_paper_ids(lines, stop: int, bare: bool = False) -> set[str] | None:
    """The arXiv ids ``lines`` (a page's, or part of them) state or link, or None once
    there are more than ``stop`` or two headings each carry a paper of their own (``###
    Title (https://arxiv.org/abs/…)``: a post of readings, one paper a section).
    ``bare``: a text, link or markup identifier that opens with a bare id
    (``2304.02643``) counts as that id too."""
    ids: set[str] = set()
    headed: set[str] = set()
    for ln in lines:
        if not ln.links and not ln.ids and not any(c.isdigit() for c in ln.text):
            continue  # cheap reject: no link, no stated id, no digit for an id
        for source in (ln.text, *(lk.url for lk in ln.links), *ln.ids):
            i = arxiv_id(source)
            if i is None and bare and _BARE_ID.match(source):
                i = source[:10]
            if i is not None:
                ids.add(i)
                if ln.kind == "heading":
                    headed.add(i)
                if len(ids) > stop or len(headed) > 1:
                    return None
    return ids

