"""Affiliation text → institution names as written: the steps of
:func:`kg.extract.affiliations.split_affiliations` before resolution.

``[The University of Hong KongUniversity of Washington & CMU & Penn State University]``
is four institutions. The steps, each a small function:

1. split into groups on ``&``/``;``/``|``/``、`` and a spaced middle dot (``东京大学 · 庆应义塾大学``;
   not inside ``Texas A&M`` or ``AT&T``),
   and on ``/`` without spaces when every piece names an organisation (``清华大学/北京大学``,
   not ``TU/e``);
2. split glued names: a lower-case letter directly followed by the capital that starts
   a known institution or an organisation word (``Hong KongUniversity``), and Chinese
   names run together (``清华大学北京大学``) by longest known prefix;
3. within a comma group (``Dept. of CS, Stanford University, Stanford, CA 94305, USA``)
   keep the organisations: re-join comma parts whose joined form is a known name
   (``University of California, Santa Barbara``), drop departments, sub-units named
   before their university (``Leverhulme Centre …, University of Cambridge``),
   addresses, places and countries, a college named right before its university,
   footnote letters glued to a name (``bElectrical Engineering Department``), and
   affiliation numbers after a country (``USA 2 School of …``);
4. reduce each name to its institution: an abbreviation in brackets
   (``… (MBZUAI)``), a department glued to a Chinese name (``清华大学计算机系``), a
   site after a known name (``Inria Nancy - Grand Est``);
5. drop names cut off mid-way (``the University of Western``).

Resolution (step 6, canonical names) happens in :mod:`kg.extract.affiliations`.
"""
from __future__ import annotations

import re

from kg.parse.data import load_words
from kg.resolve import DEPARTMENT, ORG_WORDS, institutions
from kg.text import is_cjk, normalize

__all__ = ["institution_names", "names_organisation", "split_groups", "subject_phrase"]

# "&" separates institutions except inside names like "Texas A&M" or "AT&T" (a capital
# letter right before it and a lone capital right after it).
_GROUP_SEP = re.compile(
    r"(?<![A-Z])\s*[&＆]\s*|\s*[&＆]\s*(?![A-Z]\b)|\s*[;；|｜、]\s*|\s+/\s+|\s+[–—·•]\s+"
)
_GLUE = re.compile(r"(?<=[a-z\)])(?=[A-Z][a-z]|[A-Z]{2,}\b)")
_ORG_START = re.compile(
    r"^(?:The\s|University|Universit|Institute|School|College|Academy|Lab|Center|Centre|National|Max|Microsoft|Google|"
    r"Meta|Facebook|DeepMind|Amazon|Apple|NVIDIA|IBM|Tencent|Alibaba|Baidu|Huawei|ByteDance|Samsung|Mila|Allen|Stanford|"
    r"Harvard|MIT|CMU|UC\s|Inria|INRIA|CNRS|ETH|EPFL)"
)
# Organisation words beyond kg.resolve.ORG_WORDS: other languages' words for a university
# or institute, and research-organisation names that are words of their own.
_ORG_HINT = re.compile(
    r"\b(?:universidade|universidad|université|universite|universität|universitat|università|universiteit|"
    r"uniwersytet|politecnico|polytechnique|politécnica|politecnica|hochschule|instituto|institut|centro|"
    r"laboratoire|inria|cnrs|eth|epfl|kaust|labs?|college|univ|hospitals?|clinics?|trust|systems)\b|大学|学院|研究院|研究所|科学院|实验室|公司|集团|中心"
    # A company's one-word name with "AI" or "Lab" glued on ("OriginAI", "ZhipuAI", "CVLab").
    r"|(?-i:[a-z](?:AI|Labs?)\b)",
    re.I,
)
# Parts of a larger institution when named before it in one comma group.
_SUBUNIT = re.compile(
    r"\b(?:cent(?:re|er)|lab|labs|laborator\w*|institute|school|faculty|group|division|program(?:me)?|department|dept|"
    r"unit|chair|college of|graduate school)\b",
    re.I,
)
_UNIVERSITY_LEVEL = re.compile(
    r"universit|universidad|universidade|polytechnic|politecnico|hochschule|institute of technology|\bcollege\b(?!\s+of)|大学",
    re.I,
)
_ZH_SUBUNIT = re.compile(r"(?:系|学院|研究所|实验室|研究院|研究中心|中心|学部|课题组|研究组|研究室|所|部|院)$")
_ZH_ORG_SUFFIX = re.compile(r"大学|学院|研究院|研究所|科学院|实验室|公司|集团")
_CORP_SUFFIX = re.compile(r",\s*(?=(?:Inc|Ltd|LLC|Co|Corp|GmbH|S\.A|AG|PBC|L\.P)\b\.?)")

_COUNTRIES = {
    "usa", "us", "u s a", "u s", "united states", "united states of america", "america", "uk", "u k", "united kingdom",
    "great britain", "china", "p r china", "pr china", "p r c", "prc", "people s republic of china", "canada", "germany",
    "france", "japan", "korea", "south korea", "republic of korea", "singapore", "israel", "india", "australia",
    "switzerland", "netherlands", "the netherlands", "italy", "spain", "sweden", "hong kong", "hong kong sar",
    "hong kong sar china", "taiwan", "belgium", "austria", "denmark", "finland", "norway", "brazil", "brasil", "russia",
    "ireland", "scotland", "england", "wales", "uae", "united arab emirates", "saudi arabia", "qatar", "egypt", "turkey",
    "iran", "pakistan", "bangladesh", "vietnam", "thailand", "malaysia", "indonesia", "philippines", "new zealand",
    "mexico", "chile", "argentina", "colombia", "peru", "south africa", "nigeria", "kenya", "ghana", "ethiopia",
    "rwanda", "uganda", "poland", "czech republic", "czechia", "portugal", "greece", "hungary", "romania", "ukraine",
    "estonia", "luxembourg", "macau", "macao", "中国", "美国", "英国", "日本", "德国", "法国", "加拿大", "新加坡", "韩国",
}
_US_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI "
    "SC SD TN TX UT VT VA WA WV WI WY DC ON QC BC AB NSW VIC QLD"
).split()
# Cities that also name a university in the alias table ("Stanford", "Princeton"): after
# an organisation in one comma group they are its address, not a second institution.
_PLACES = {
    "stanford", "princeton", "berkeley", "oxford", "cambridge", "durham", "columbia", "ithaca", "evanston", "pasadena",
    "amherst", "new haven", "ann arbor", "pittsburgh", "seattle", "boston", "new york", "new york city", "nyc",
    "san francisco", "mountain view", "palo alto", "menlo park", "redmond", "cupertino", "santa clara", "los angeles",
    "san diego", "austin", "chicago", "atlanta", "toronto", "montreal", "montréal", "vancouver", "london", "paris",
    "berlin", "munich", "zurich", "zürich", "lausanne", "tübingen", "tubingen", "amsterdam", "beijing", "shanghai",
    "shenzhen", "hangzhou", "nanjing", "guangzhou", "wuhan", "hefei", "tokyo", "seoul", "abu dhabi", "dubai",
    "tel aviv", "haifa", "jerusalem", "sydney", "melbourne", "edinburgh", "baltimore", "philadelphia", "santiago",
}
# Affiliation words that name no organisation.
# Values that name no organisation (kg/data/parse/no_organisation.txt): "Independent
# Researcher", "N/A", "Not stated", "未知", an em dash for an empty field.
_NO_ORGANISATION = re.compile(
    "^(?:" + "|".join(sorted((re.escape(w) for w in load_words("no_organisation.txt")), key=len, reverse=True)) + ")$",
    re.I,
)
# A department named by its last word ("Electrical Engineering Department", "CS Dept.").
_DEPARTMENT_TAIL = re.compile(r"\b(?:department|dept)\.?$", re.I)
# A footnote letter glued to the name it marks ("bElectrical Engineering Department",
# "dPathology Department"): one lower-case letter before a capitalised word.
_FOOTNOTE_LETTER = re.compile(r"^[a-h](?=[A-Z][a-z])")
# A college named before a university in one comma group is one of its colleges
# ("MBIE College, Northeastern University"; "Trinity College, University of Cambridge").
_COLLEGE = re.compile(r"\bcollege\b", re.I)
# Last words of a name cut off mid-way (kg/data/parse/unfinished_name_words.txt).
_UNFINISHED = frozenset(w.casefold() for w in load_words("unfinished_name_words.txt"))
# An affiliation number inside a comma part, right after the country or institution that
# ends the previous affiliation: "…, USA 2 School of …", "Seoul National University 2 NAVER".
_INLINE_MARKER = re.compile(r"\s+\d{1,2}\s+(?=[^\W\d_])")
_STREET = re.compile(r"\b(?:road|rd|street|st|avenue|ave|blvd|boulevard|building|bldg|campus|district|room|floor|no\.)\b", re.I)


def _is_address(seg: str) -> bool:
    k = normalize(seg)
    if not k:
        return True
    if k in _COUNTRIES or seg.strip().rstrip(".") in _US_STATES:
        return True
    if re.fullmatch(r"[A-Z]{2}\s*\d{4,6}(?:-\d{4})?", seg.strip()):  # "MA 02115"
        return True
    if re.search(r"\d{3,}", seg) and not (ORG_WORDS.search(seg) or _ORG_HINT.search(seg)):  # postcodes, streets
        return True
    if _STREET.search(seg) and not (ORG_WORDS.search(seg) or _ORG_HINT.search(seg)):
        return True
    return False


def _is_department(seg: str) -> bool:
    return bool(DEPARTMENT.match(seg) or _DEPARTMENT_TAIL.search(seg))


def _unmark(seg: str) -> str:
    """``seg`` without a footnote letter glued to its first word, when that letter is not
    part of a known name (``eBay`` stays) and what follows reads as an organisation or a
    department."""
    if not _FOOTNOTE_LETTER.match(seg) or institutions().is_known(seg):
        return seg
    rest = seg[1:]
    return rest if (_is_department(rest) or _ORG_START.match(rest) or institutions().is_known(rest)) else seg


def _split_inline_marker(part: str) -> list[str]:
    """``Greece 3 University Hospital`` → ``[Greece, University Hospital]`` when what comes
    before the number is an address or a known institution (``Seoul National University 2
    NAVER AI Lab``); any other number stays in the name."""
    m = _INLINE_MARKER.search(part)
    if not m or not (_is_address(part[: m.start()]) or institutions().is_known(part[: m.start()])):
        return [part]
    return [part[: m.start()]] + _split_inline_marker(part[m.end() :])


def _unfinished(seg: str) -> bool:
    """Whether ``seg`` is a name cut off mid-way (``the University of Western``)."""
    words = seg.split()
    return len(words) > 1 and words[-1].casefold() in _UNFINISHED and not institutions().is_known(seg)


# Words of a field of study (kg/data/parse/subject_words.txt) and the connectors between them.
_SUBJECT_WORDS = frozenset(w.casefold() for w in load_words("subject_words.txt"))
_SUBJECT_JOINERS = frozenset({"and", "of", "for", "the", "&", "in"})


def subject_phrase(seg: str) -> bool:
    """Whether ``seg`` is made of a field's words only (``Science and Information
    Technologies``, ``Computer Science``): no proper name, so no organisation — the rest
    of a department's name that a comma cut off. A known name stays."""
    toks = [t.strip(".,()").casefold() for t in seg.split()]
    if not toks or institutions().is_known(seg):
        return False
    return all(t in _SUBJECT_WORDS or t in _SUBJECT_JOINERS for t in toks) and any(t in _SUBJECT_WORDS for t in toks)


def _model_name(seg: str) -> bool:
    """Whether ``seg`` is a model family kg knows (``InternLM`` beside ``上海AI Lab``) and
    neither a known institution nor organisation-shaped."""
    from kg.extract.nlp import gazetteer  # the model tables load only where a name is in doubt

    if institutions().is_known(seg) or names_organisation(seg) or _ZH_ORG_SUFFIX.search(seg):
        return False
    known = gazetteer().known(seg)
    return known is not None and known[0] == "MODEL"


def names_organisation(seg: str) -> bool:
    """Whether ``seg`` holds an organisation word (University, Lab, 大学 …) or an
    organisation's hint (Inc., GmbH …)."""
    return bool(ORG_WORDS.search(seg) or _ORG_HINT.search(seg))


def _clean(seg: str) -> str:
    return seg.strip(" \t,;.-–·:：[]［］")


def split_groups(text: str) -> list[tuple[int, str]]:
    """``(start, group)`` pairs of an affiliation line split on group separators.

    >>> [g for _, g in split_groups("Texas A&M University & Rice University; AT&T Labs")]
    ['Texas A&M University', 'Rice University', 'AT&T Labs']
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for m in list(_GROUP_SEP.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        seg = text[pos:end]
        if seg.strip():
            start = pos + len(seg) - len(seg.lstrip())
            out.extend(_split_slashes(start, seg.strip()))
        if m:
            pos = m.end()
    return _rejoin_ampersands(text, out)


def _rejoin_ampersands(text: str, groups: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Neighbour groups cut at an "&" that a known name spans ("University of Science &
    Technology of China" is the University of Science and Technology of China): one group."""
    res = institutions()
    out: list[tuple[int, str]] = []
    for start, group in groups:
        if out:
            pstart, prev = out[-1]
            gap = text[pstart + len(prev) : start]
            if gap.strip() in ("&", "＆") and (
                res.is_known(f"{prev} and {group}") or res.is_known(f"{prev} & {group}")
            ):
                out[-1] = (pstart, text[pstart : start + len(group)])
                continue
        out.append((start, group))
    return out


def _split_slashes(start: int, group: str) -> list[tuple[int, str]]:
    """A group of names joined by ``/`` without spaces (``清华大学/北京大学``,
    ``Stanford/MIT``) is one group per name — but only when every piece names an
    organisation, so that ``TU/e`` or ``N/A`` stay whole."""
    if "/" not in group or institutions().is_known(group):
        return [(start, group)]
    pieces = group.split("/")
    if not all(_names_organisation(p.strip()) for p in pieces):
        return [(start, group)]
    out, pos = [], start
    for p in pieces:
        lead = len(p) - len(p.lstrip())
        if p.strip():
            out.append((pos + lead, p.strip()))
        pos += len(p) + 1
    return out


def _names_organisation(piece: str) -> bool:
    res = institutions()
    if not piece:
        return False
    if res.is_known(piece) or names_organisation(piece) or _ZH_ORG_SUFFIX.search(piece):
        return True
    # Chinese names run together still start with a known name (清华大学计算机系).
    return is_cjk(piece[0]) and any(res.is_known(piece[:j]) for j in range(len(piece), 1, -1))


def _split_cjk(part: str) -> list[str]:
    """Chinese names run together, by longest known prefix; an unknown chunk right after a
    known name is its department (``清华大学计算机系`` → ``清华大学``)."""
    res = institutions()
    out: list[str] = []
    i, n = 0, len(part)
    after_known = False
    while i < n:
        for j in range(n, i + 1, -1):
            if res.is_known(part[i:j]):
                out.append(part[i:j])
                i = j
                after_known = True
                break
        else:
            # No known name starts here: take up to the next organisation suffix.
            m = _ZH_ORG_SUFFIX.search(part, i)
            j = m.end() if m else n
            chunk = part[i:j]
            if not (after_known and (_ZH_SUBUNIT.search(chunk) or not _ZH_ORG_SUFFIX.search(chunk))):
                out.append(chunk)
                after_known = False
            i = j
    return [c for c in out if c.strip()]


def _split_glued(part: str) -> list[str]:
    res = institutions()
    if res.is_known(part):
        return [part]
    letters = [c for c in part if c.isalpha()]
    if letters and sum(is_cjk(c) for c in letters) / len(letters) > 0.8:
        return _split_cjk(part)
    for m in _GLUE.finditer(part):
        left, right = part[: m.start()], part[m.start() :]
        if len(left.split()) < 2 and not res.is_known(left):
            continue
        if _ORG_START.match(right) or res.is_known(right) or (res.is_known(left) and len(right.split()) >= 2):
            return _split_glued(left) + _split_glued(right)
    return [part]


def _resolve_commas(group: str) -> list[str]:
    """A group like ``Dept. of CS, Stanford University, CA, USA`` → ``[Stanford University]``."""
    res = institutions()
    if res.is_known(group):
        return [group]
    # "Baidu, Inc." is one name: hide its comma behind a sentinel the text does not
    # contain (any fixed character could be in the input, even U+0000 from UTF-16).
    sentinel = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in group)
    protected = _CORP_SUFFIX.sub(sentinel + " ", group)
    parts = [_unmark(p.replace(sentinel, ",")) for p in (_clean(x) for x in re.split(r"\s*[,，]\s*", protected)) if p]
    parts = [q for p in parts for q in _split_inline_marker(p)]
    if len(parts) <= 1:
        return [p.replace(sentinel, ",") for p in parts] or [group]
    joined: list[str] = []
    i = 0
    while i < len(parts):
        # Longest run of comma parts that is a known name.
        for j in range(len(parts), i, -1):
            cand = ", ".join(parts[i:j])
            if j - i > 1 and res.is_known(cand):
                joined.append(cand)
                i = j
                break
        else:
            joined.append(parts[i])
            i += 1
    known = [res.is_known(p) for p in joined]
    org = [k or (names_organisation(p) and not _is_department(p)) for p, k in zip(joined, known)]
    if not any(org):
        # Nothing looks like an organisation: keep the line whole rather than invent parts
        # — less its address ("imec, Belgium" is imec).
        rest = [p for p in joined if not _is_address(p)]
        return rest if len(rest) == 1 else [group]
    out: list[str] = []
    seen_org = False
    for i, p in enumerate(joined):
        if _is_address(p) or seen_org and normalize(p) in _PLACES:
            continue
        if _is_department(p) and not known[i]:
            tail = _known_tail(p)
            if tail is not None:
                out.append(tail)  # "School of … of Southeast University"
                seen_org = True
            continue
        if not org[i]:
            continue  # a city, a state, a lab acronym: not an institution of its own
        later_univ = any((known[k] or _UNIVERSITY_LEVEL.search(joined[k])) for k in range(i + 1, len(joined)))
        if not known[i] and _SUBUNIT.search(p) and not _UNIVERSITY_LEVEL.search(p) and later_univ and _core(p) == p:
            continue  # "Leverhulme Centre …, University of Cambridge": part of the university
        next_univ = i + 1 < len(joined) and (known[i + 1] or _UNIVERSITY_LEVEL.search(joined[i + 1]))
        if not known[i] and _COLLEGE.search(p) and next_univ and not _UNIVERSITY_LEVEL.search(_COLLEGE.sub("", p)):
            continue  # "MBIE College, Northeastern University": one of the university's colleges
        out.append(p)
        seen_org = True
    return out


def _core(seg: str) -> str:
    """The institution inside ``seg``: without a bracketed abbreviation or site, when that
    is what makes it known; a known organisation that a department or centre names
    (``School of Computer Science and Engineering of Southeast University``,
    ``NVIDIA AI Technology Center``)."""
    res = institutions()
    if res.is_known(seg):
        return seg
    known_tail = _known_tail(seg)
    if known_tail is not None:
        return known_tail
    words = seg.split()
    for k in range(min(len(words) - 1, 4), 0, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if res.is_known(head) and _SUBUNIT.search(tail) and not _UNIVERSITY_LEVEL.search(tail):
            return head
    pm = re.fullmatch(r"(?P<name>.+?)\s*[(（](?P<inner>[^()（）]+)[)）]\s*", seg)
    if pm:
        name, inner = pm.group("name").strip(), pm.group("inner").strip()
        if res.is_known(name) or not res.is_known(inner):
            return _core(name)
        return inner
    # A known name followed by a site or campus ("Inria Nancy - Grand Est").
    words = seg.split()
    for k in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if res.is_known(head) and not names_organisation(tail):
            return head
    return seg


def _known_tail(seg: str) -> str | None:
    """``Department of X of Southeast University`` → ``Southeast University``: the
    longest known name after an ``of``/``at``."""
    res = institutions()
    for m in re.finditer(r"\b(?:of|at)\s+", seg):
        tail = seg[m.end() :].strip()
        if res.is_known(tail) and _UNIVERSITY_LEVEL.search(tail):
            return tail
    return None


def institution_names(text: str) -> list[tuple[int, str]]:
    """``(start in text, name as written)`` of every institution named in ``text``."""
    names: list[tuple[int, str]] = []
    for gstart, group in split_groups(text):
        group = _clean(group)
        if not group:
            continue
        for glued in _split_glued(group):
            for seg in _resolve_commas(glued):
                seg = _core(_unmark(_clean(seg)))
                if (
                    not seg
                    or _is_department(seg) and not institutions().is_known(seg)
                    or _NO_ORGANISATION.match(seg)
                    or _unfinished(seg)  # "the University of Western": cut off, no name as written
                    or subject_phrase(seg)  # "Science and Information Technologies": a department's words
                ):
                    continue
                seg = _clean(seg)
                k = text.find(seg, gstart)
                names.append((k if k >= 0 else gstart, seg))
    # "(上海AI Lab / InternLM)": a model family named beside its lab is no institution; a
    # name alone ("[Mistral]") is the field's only organisation, whatever else it names.
    models = [_model_name(seg) for _, seg in names]
    if any(models) and not all(models):
        names = [n for n, is_model in zip(names, models) if not is_model]
    return names
