"""What one part of an affiliation is: an organisation, an address, a department, a
footnote mark, a field's words, a name cut off mid-way.

The word lists and tests that :mod:`kg.extract.institution_names` and
:mod:`kg.extract.institution_groups` use to keep or drop a part, and that
:mod:`kg.extract.affiliation_fields` and :mod:`kg.extract.maker_frames` use to tell an
organisation from other text. Kept apart from the splitting steps because they read
one part at a time and know nothing of the line it came from.
"""
from __future__ import annotations

import re

from kg.parse.data import load_words
from kg.resolve import DEPARTMENT, ORG_WORDS, institutions
from kg.text import normalize

__all__ = [
    "NO_ORGANISATION", "ORG_START", "PLACES", "ZH_ORG_SUFFIX", "is_address", "is_department", "names_organisation",
    "subject_phrase", "unfinished", "unmark",
]

# How an organisation's name starts: a glued name splits before it ("Hong KongUniversity"),
# and a footnote letter glued to it is dropped ("bUniversity of …").
ORG_START = re.compile(
    r"^(?:The\s|University|Universit|Institute|School|College|Academy|Lab|Center|Centre|National|Max|Microsoft|Google|"
    r"Meta|Facebook|DeepMind|Amazon|Apple|NVIDIA|IBM|Tencent|Alibaba|Baidu|Huawei|ByteDance|Samsung|Mila|Allen|Stanford|"
    r"Harvard|MIT|CMU|UC\s|Inria|INRIA|CNRS|ETH|EPFL)"
)
# Organisation words beyond kg.resolve.ORG_WORDS: other languages' words for a university
# or institute, and research-organisation names that are words of their own.
_ORG_HINT = re.compile(
    r"\b(?:universidade|universidad|université|universite|universität|universitat|università|universiteit|"
    r"uniwersytet|politecnico|polytechnique|politécnica|politecnica|hochschule|instituto|institut|centro|"
    r"laboratoire|inria|cnrs|eth|epfl|kaust|labs?|college|univ|hospitals?|clinics?|trust|systems)\b|大学|学院|研究院|研究所|科学院|实验室|公司|集团|中心|医院"
    # A Chinese company's name ends in its trade: 旷视科技, 北京Zoezen机器人.
    r"|科技$|机器人$"
    # A company's one-word name with "AI" or "Lab" glued on ("OriginAI", "ZhipuAI", "CVLab").
    r"|(?-i:[a-z](?:AI|Labs?)\b)",
    re.I,
)
ZH_ORG_SUFFIX = re.compile(r"大学|学院|研究院|研究所|科学院|实验室|公司|集团|医院|科技$|机器人$")

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
PLACES = {
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
NO_ORGANISATION = re.compile(
    "^(?:" + "|".join(sorted((re.escape(w) for w in load_words("no_organisation.txt")), key=len, reverse=True)) + ")$",
    re.I,
)
# A department named by its last word ("Electrical Engineering Department", "CS Dept.").
_DEPARTMENT_TAIL = re.compile(r"\b(?:department|dept)\.?$", re.I)
# A footnote letter glued to the name it marks ("bElectrical Engineering Department",
# "dPathology Department"): one lower-case letter before a capitalised word.
_FOOTNOTE_LETTER = re.compile(r"^[a-h](?=[A-Z][a-z])")
# Last words of a name cut off mid-way (kg/data/parse/unfinished_name_words.txt).
_UNFINISHED = frozenset(w.casefold() for w in load_words("unfinished_name_words.txt"))
_STREET = re.compile(r"\b(?:road|rd|street|st|avenue|ave|blvd|boulevard|building|bldg|campus|district|room|floor|no\.)\b", re.I)


def is_address(seg: str) -> bool:
    """Whether ``seg`` is an address: a country, a state, a postcode, a street."""
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


def is_department(seg: str) -> bool:
    """Whether ``seg`` names a department ("Dept. of CS", "CS Department"), no institution."""
    return bool(DEPARTMENT.match(seg) or _DEPARTMENT_TAIL.search(seg))


def unmark(seg: str) -> str:
    """``seg`` without a footnote letter glued to its first word, when that letter is not
    part of a known name (``eBay`` stays) and what follows reads as an organisation or a
    department."""
    if not _FOOTNOTE_LETTER.match(seg) or institutions().is_known(seg):
        return seg
    rest = seg[1:]
    return rest if (is_department(rest) or ORG_START.match(rest) or institutions().is_known(rest)) else seg


def unfinished(seg: str) -> bool:
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


def names_organisation(seg: str) -> bool:
    """Whether ``seg`` holds an organisation word (University, Lab, 大学 …) or an
    organisation's hint (Inc., GmbH …)."""
    return bool(ORG_WORDS.search(seg) or _ORG_HINT.search(seg))
