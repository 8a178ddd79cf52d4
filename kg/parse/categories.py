"""arXiv categories as digests write them, normalised to one code.

``[LG]``, ``cs.LG``, ``arXiv_LG``, ``Machine Learning (cs.LG)`` and ``Subjects: Machine
Learning`` are one category, stored as the subject code without its archive (``LG``;
``eess.AS`` → ``AS``, ``stat.ML`` → ``ML``). Subject names are data
(``kg/data/parse/arxiv_subjects.json``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from kg.parse.data import load_json
from kg.parse.links import scholarly_link
from kg.records import Entry
from kg.text import arxiv_id, find_urls

__all__ = [
    "ARXIV_TAG_RE", "CODES", "source_category", "CATEGORY", "normalize_category", "find_category", "field_category", "category_line", "badge_category", "journal_paper_category",
]

# Subject codes as digests write them alone in brackets (``[CV]``). A whitelist, because
# ``[PDF]``, ``[Copy]`` or ``[REL]`` must not read as categories.
CODES = (
    "AI AR CC CE CG CL CR CV CY DB DC DL DM DS ET FL GL GR GT HC IR IT LG LO MA MM MS NA NE NI OH OS PF PL RO SC SD SE "
    "SI SY AS IV SP ML ME TH AP CO OC ST PR NT QM NC BM GN"
).split()
_ARCHIVES = r"(?:cs|stat|eess|math|econ|q-bio|q-fin|physics|astro-ph|cond-mat|nlin)"
#: A category code: archive-prefixed (``cs.CL``, ``stat.ML``), ``quant-ph``, or a bare code.
CATEGORY = rf"(?:{_ARCHIVES}\.[A-Za-z]{{2}}|quant-ph|" + "|".join(CODES) + ")"
_CODE_RE = re.compile(
    rf"(?<![A-Za-z])(?:arXiv_|{_ARCHIVES}\.)?(?P<c>{'|'.join(CODES)})(?![A-Za-z])|(?P<q>quant-ph)"
    # The arXiv_XX tag however a feed cases it ("arxiv_lg" as a source label).
    rf"|(?<![A-Za-z])(?P<t>(?i:arxiv_(?:{'|'.join(CODES)})))(?![A-Za-z])"
)


def _listing_re() -> re.Pattern[str]:
    """A value that is nothing but the name of an arXiv listing, in one of the forms of
    ``kg/data/parse/listing_forms.json`` (``arxiv_lg``, ``arXiv_CV``, ``arxiv_cs.RO``,
    ``arXiv cs.AI``): a category wherever a feed or a crawl writes it as an item's
    source, also under a key that is not a category key (``Source:``)."""
    codes = "|".join(CODES)
    forms = []
    for prefix, follows in load_json("listing_forms.json").items():
        if prefix.startswith("_"):
            continue
        # As feeds write them: a bare code in any case (``arxiv_lg``), an archive-prefixed
        # one in arXiv's own (``arXiv cs.AI``).
        code = rf"(?i:(?:{_ARCHIVES}\.)?(?:{codes}))" if follows == "code" else rf"{_ARCHIVES}\.(?:{codes})"
        sep = r"\s+" if prefix.endswith(" ") else ""
        forms.append(rf"(?i:{re.escape(prefix.strip())}){sep}(?:{code}|quant-ph)")
    return re.compile(r"\s*(?:" + "|".join(forms) + r")\s*")


#: See :func:`_listing_re`.
ARXIV_TAG_RE = _listing_re()
_PAREN_RE = re.compile(rf"[(（]\s*(?P<code>{_ARCHIVES}\.[A-Za-z]{{2}}|quant-ph)\s*[)）]")


def normalize_category(code: str) -> str:
    """One form per category: the code without its archive.

    >>> [normalize_category(c) for c in ("cs.LG", "LG", "eess.AS", "arXiv_CV", "arxiv_lg", "stat.ML", "quant-ph")]
    ['LG', 'LG', 'AS', 'CV', 'LG', 'ML', 'quant-ph']
    """
    c = code.strip().strip("[]［］")
    if c.casefold().startswith("arxiv_"):
        c = c[len("arXiv_") :]
    if "." in c:
        c = c.split(".", 1)[1]
    return c.upper() if len(c) == 2 else c


@functools.lru_cache(maxsize=1)
def _subjects() -> tuple[tuple[str, str], ...]:
    table = {k.casefold(): v for k, v in load_json("arxiv_subjects.json").items() if not k.startswith("_")}
    # Longest names first, so "Computer Vision and Pattern Recognition" beats "Computation".
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


def find_category(value: str, strict: bool = False) -> tuple[int, int, str] | None:
    """``(start, end, code)`` of the first category stated in a field value: a code in
    brackets after a subject name (``Computation and Language (cs.CL)``), a code
    (``cs.LG``, ``arXiv_CV``, ``[LG]``), or a subject name alone.

    >>> find_category("Computation and Language (cs.CL); Machine Learning (cs.LG)")
    (0, 24, 'CL')
    >>> find_category("arXiv_CV, arXiv_AI")[2]
    'CV'
    >>> find_category("Machine Learning")[2]
    'LG'

    ``strict`` (free tags): a bare code (``AI``) is not enough, it must be written as a
    code (``arXiv_AI``, ``cs.AI``) or be a subject name.
    """
    paren = _PAREN_RE.search(value)
    code = _CODE_RE.search(value)
    low = value.casefold()
    name = None
    for subject, c in _subjects():
        k = low.find(subject)
        if k >= 0 and (name is None or k < name[0]):
            name = (k, k + len(subject), c)
    if paren is not None and (name is None or name[1] <= paren.start()):
        start = name[0] if name is not None and not value[name[1] : paren.start()].strip(" \t") else paren.start("code")
        end = name[1] if start != paren.start("code") else paren.end("code")
        return start, end, normalize_category(paren.group("code"))
    if code is not None and strict and not (code.group(0).casefold().startswith("arxiv_") or "." in code.group(0) or code.group("q")):
        code = None  # a bare "AI" among free tags is a word, not a category
    if code is not None and (name is None or code.start() <= name[0]):
        if code.group("q"):
            return code.start(), code.end(), normalize_category(code.group("q"))
        return code.start(), code.end(), normalize_category(code.group(0))
    if name is not None:
        return name[0], name[1], normalize_category(name[2])
    return None


# What separates the items of a category field's list ("cs.CV, cs.AI", "RL / Reasoning").
_ITEM_SEP = re.compile(r"[,，;；/|｜、·•]")
# A gloss closing an item ("机器学习 (Machine Learning)").
_GLOSS = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


def field_category(value: str) -> tuple[int, int, str] | None:
    """``(start, end, code)`` of the first category a category field's value states: an
    item of its list that is a code written as one (``cs.AI``, ``arXiv_CV``, ``[CV]``, a
    name with its code in brackets) or that is, as a whole, a code or a subject name
    (``AI``, ``Robotics``, ``计算机视觉 (Computer Vision)``). A topic line names research
    directions in words that only contain one (``方向: Agentic AI / Tool Planning``,
    ``Humanoid Robotics``): no category.

    >>> field_category("Computation and Language (cs.CL); Machine Learning (cs.LG)")
    (0, 24, 'CL')
    >>> field_category("Robotics / Motion Generation"), field_category("Humanoid Robotics / Motion Generation")
    ((0, 8, 'RO'), None)
    >>> field_category("Agentic AI / Tool Planning") is None and field_category("AI, Agents")[2] == "AI"
    True
    """
    a = 0
    for m in [*_ITEM_SEP.finditer(value), None]:
        b = m.start() if m is not None else len(value)
        item = value[a:b]
        got = find_category(item)
        if got is not None:
            s, e, code = got
            found = item[s:e]
            core = _GLOSS.sub("", item.strip(" \t*`'\"")).strip("[]［］ ")
            written = (
                "." in found or found.casefold().startswith("arxiv_") or _PAREN_RE.search(item) is not None
                or item[s - 1 : s] in ("[", "［") and item[e : e + 1] in ("]", "］")
            )
            if written or core.casefold() == found.casefold():
                return a + s, a + e, code
        if m is not None:
            a = m.end()
    return None


def source_category(value: str) -> tuple[int, int, str] | None:
    """``(start, end, code)`` of the first arXiv listing a source field's list names
    (``arxiv_cs.RO, arxiv_keyword``, ``huggingface, arxiv_cs.RO``): an item that is
    nothing but a listing (:data:`ARXIV_TAG_RE`); other sources (a hub, a keyword
    search, ``arXiv`` alone, a date) state none.

    >>> source_category("huggingface, arxiv_cs.RO")
    (19, 24, 'RO')
    >>> source_category("arxiv_lg"), source_category("arXiv, 2026-06-30"), source_category("arxiv_keyword")
    ((0, 8, 'LG'), None, None)
    """
    a = 0
    for m in [*_ITEM_SEP.finditer(value), None]:
        b = m.start() if m is not None else len(value)
        item = value[a:b]
        if ARXIV_TAG_RE.fullmatch(item) and (got := find_category(item)) is not None:
            return a + got[0], a + got[1], got[2]
        if m is not None:
            a = m.end()
    return None


# One code of a line of codes: archive-prefixed (cs.CL, stat.ML), quant-ph, or an arXiv_
# tag, bracketed or not — bare two-letter codes ("AI") are words on a line of their own.
_LINE_CODE_RE = re.compile(rf"[\[［(（]?(?:{_ARCHIVES}\.[A-Za-z]{{2}}|quant-ph|(?i:arxiv_(?:{'|'.join(CODES)})))[\]］)）]?")
_LINE_PART_RE = re.compile(r"[^\s|｜,，;；/·•]+")  # what the separators (white space, bars, commas, …) leave
# A line of subjects as arXiv lists them: "Name (cs.XX)" parts separated by semicolons.
_SUBJECT_PART = rf"[A-Z][A-Za-z ,\-]*?\s*\((?:{_ARCHIVES}\.[A-Za-z]{{2}}|quant-ph)\)"
_SUBJECTS_LINE_RE = re.compile(
    rf"\s*(?P<first>[A-Z][A-Za-z ,\-]*?\s*\((?P<code>{_ARCHIVES}\.[A-Za-z]{{2}}|quant-ph)\))(?:\s*[;；]\s*{_SUBJECT_PART})*\s*[;；]?\s*"
)


def category_line(line: str) -> tuple[int, int, str] | None:
    """``(start, end, code)`` of the first code of a line that holds category codes and
    nothing else (``cs.LG | stat.ML``, ``[cs.CL] [cs.AI]``, the texts of a line of
    category links), as digests write an item's categories under its title.

    >>> category_line("cs.LG | stat.ML")
    (0, 5, 'LG')
    >>> category_line("AI | ML") is None and category_line("cs.LG is great") is None
    True

    arXiv's own notation, subject names each with its code in brackets, is such a line too:

    >>> category_line("Computer Vision and Pattern Recognition (cs.CV); Robotics (cs.RO)")
    (0, 47, 'CV')
    """
    listed = _SUBJECTS_LINE_RE.fullmatch(line)
    if listed is not None:
        return listed.start("first"), listed.end("first"), normalize_category(listed.group("code"))
    first = None
    # Part by part, stopping at the first that is no code: a paragraph is not split whole
    # to find that its first word is none (every entry's every line is asked).
    for m in _LINE_PART_RE.finditer(line):
        part, k = m.group(), m.start()
        if not _LINE_CODE_RE.fullmatch(part):
            return None
        if first is None:
            code = part.strip("[]［］()（）")
            first = (k + part.index(code), k + part.index(code) + len(code), normalize_category(code))
    return first


# A static badge's path: "/badge/<label>-<message>-<colour>" ("--" is a dash, "_" a space).
_BADGE_PATH = re.compile(r"/badge/(?P<spec>[^/?#]+)")


def badge_category(url: str) -> str | None:
    """The arXiv category a badge picture states in its label or message
    (``https://img.shields.io/badge/cs.CL-green``, ``…/badge/cs.CL-2311.09818-b31b1b``),
    as digests set an item's categories as badges under its title; ``None`` for any other
    picture, and for a bare code (``…/badge/AI-…``), which is a word.

    >>> badge_category("https://img.shields.io/badge/cs.LG-purple"), badge_category("https://img.shields.io/badge/arXiv-Papers-B31B1B.svg")
    ('LG', None)
    """
    m = _BADGE_PATH.search(url)
    if m is None:
        return None
    spec = m.group("spec").rsplit(".", 1)[0] if m.group("spec").endswith((".svg", ".png")) else m.group("spec")
    for piece in re.split(r"(?<!-)-(?!-)", spec):
        piece = piece.replace("--", "-").replace("_", " ").strip()
        if _LINE_CODE_RE.fullmatch(piece):
            return normalize_category(piece.strip("[]［］()（）"))
    return None


def journal_paper_category(e: Entry) -> Entry:
    """``e`` without the category it read from a subject named in words (``人工智能``,
    ``Machine Learning``) when it is a journal's paper: it links a DOI, PubMed or
    publisher page and states no arXiv paper. An arXiv category is the listing an arXiv
    paper is filed in; a journal paper's domain line names topics. A category written as
    a code (``cs.AI``) stays: the entry states it."""
    if e.category_code is None or e.category is None:
        return e
    written = e.category.of(e.text).strip("[]［］()（） ")
    if _LINE_CODE_RE.fullmatch(written) or written in CODES or written == "quant-ph":
        return e
    urls = [*e.links, *(u for u, _, _ in find_urls(e.text))]
    if e.ids or arxiv_id(e.text) or any(arxiv_id(u) for u in urls) or not any(scholarly_link(u) for u in urls):
        return e
    return replace(e, category=None, category_code=None)
