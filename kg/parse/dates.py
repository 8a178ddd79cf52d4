"""Dates as digests write them, as ISO strings (``YYYY-MM-DD``, or ``YYYY-MM``).

A date comes from the text where it gives one (``发布时间: 2022-09-07 10:21``,
``Publish: 2024-05-01``, ``date: 2022-09-07`` in front matter, ``2022年9月7日`` in a
digest heading, ``2022-09-07.md`` as a file name); otherwise from the paper's arXiv id,
whose first four digits are its year and month (``2209.01947`` → ``2022-09``).
"""
from __future__ import annotations

import datetime as _dt
import re

__all__ = ["find_date", "arxiv_month", "iso_date", "leading_date", "slash_order", "slash_date"]

_MONTHS = {m: k for k, ms in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"), 1) for m in ms.split()}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MON_CAP = "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
_DATE_RES = (
    # 2022-09-07, 2022/9/7, 2022.09.07, 2022年9月7日 (a time after it is ignored)
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?:日|号)?(?!\d)"),
    # 20220907 (file names, ids of daily pages)
    re.compile(r"(?<!\d)(?P<y>20\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
    # 7 Sep 2022, Wed, 7 September 2022
    re.compile(rf"(?<![A-Za-z0-9])(?P<d>\d{{1,2}})\s+(?P<mon>{_MON})\.?,?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)", re.I),
    # Sep 7, 2022 / September 7 2022
    re.compile(rf"(?<![A-Za-z])(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)", re.I),
    # 06/22/2020: a month, a day, a year, as American pages write them (22/06/2020, whose
    # first number cannot be a month, is read day first)
    re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])"),
    # 2018, January (a Harvard reference's year and month), January 2018, Jan. 2018 (a month only)
    # (capitalised, as a month's name is: "we may 2023" is no date)
    re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d{{2}}),\s*(?P<mon>{_MON_CAP})\b\.?"),
    # 2022-09, 2022年9月 (a month only)
    # ("2024-01-active-learning.md": a word after the dash, not a day, leaves the month)
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:-|年)\s*(?P<m>\d{1,2})(?:月|(?![\d/]|-\d|\.\d))"),
    # July 2026, Jul. 2026 (a month only; the name capitalised, so that "may 2020" in a
    # sentence is no date)
    re.compile(rf"(?<![A-Za-z0-9])(?P<mon>{_MON_CAP})\.?,?\s+(?P<y>(?:19|20)\d{{2}})(?![\d.]\d|\d)"),
)


def iso_date(y: int, m: int, d: int | None = None) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``) when the parts make a real date, else ``None``."""
    try:
        if d is None:
            _dt.date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(s: str) -> tuple[int, int, str] | None:
    """``(start, end, iso)`` of the first date in ``s``.

    >>> find_date("发布时间: 2022-09-07 10:21")
    (6, 16, '2022-09-07')
    >>> find_date("arXiv每日速递 2023年1月5日")[2]
    '2023-01-05'
    >>> find_date("Publish: Wed, 1 May 2024 12:00:00 UTC")[2]
    '2024-05-01'
    >>> find_date("2024-03.md")[2]
    '2024-03'
    >>> find_date("arXiv 2607.01640, July 2026")[2]
    '2026-07'
    >>> find_date("Gebru, T., 2018, January. Gender shades")[2], find_date("Published: March 2023")[2]
    ('2018-01', '2023-03')
    >>> find_date("**06/22/2020** [Title](notes.md)")[2], find_date("22/06/2020")[2]
    ('2020-06-22', '2020-06-22')
    """
    best: tuple[int, int, str] | None = None
    for rx in _DATE_RES:
        for m in rx.finditer(s):
            g = m.groupdict()
            month = _MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
            day = int(g["d"]) if g.get("d") else None
            if month > 12 and day is not None and day <= 12 and not g.get("mon"):
                month, day = day, month  # "22/06/2020": the day first
            iso = iso_date(int(g["y"]), month, day)
            if iso is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end(), iso)
                break
    return best


# A compact date opening a text ("200122 FixMatch", "20200122 FixMatch"): year, month, day.
_DATE_LEAD = re.compile(r"\s*(?P<y>(?:19|20)?\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\s+(?=\S)")


def leading_date(s: str, pos: int = 0) -> tuple[int, str] | None:
    """``(end, iso)`` of a compact date (``YYMMDD`` or ``YYYYMMDD``) that opens ``s`` at
    ``pos`` and is followed by more text, as indexes of paper notes date their items.

    >>> leading_date("200122 FixMatch"), leading_date("2001 Odyssey"), leading_date("200122")
    ((7, '2020-01-22'), None, None)
    """
    m = _DATE_LEAD.match(s, pos)
    if m is None:
        return None
    y = int(m.group("y"))
    iso = iso_date(y if y >= 1900 else 2000 + y, int(m.group("m")), int(m.group("d")))
    return (m.end(), iso) if iso else None


_NEW_ID = re.compile(r"\d{4}\.\d{4,5}")  # a new-style arXiv id


def arxiv_month(aid: str | None) -> str | None:
    """The month a new-style arXiv id was issued (``2209.01947`` → ``2022-09``).

    >>> arxiv_month("2209.01947"), arxiv_month("cs/0112017")
    ('2022-09', None)
    """
    if not aid or not _NEW_ID.fullmatch(aid):
        return None
    yy, mm = int(aid[:2]), int(aid[2:4])
    # New-style ids start in April 2007 (0704.0001).
    if yy < 7 or not 1 <= mm <= 12:
        return None
    return iso_date(2000 + yy, mm)


# A date written with slashes and the year last ("30/07/2017", "7/30/2017"): day or month first.
_SLASH_DATE = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])")


def slash_order(texts) -> bool | None:
    """Whether a page writes its slashed dates day first (``True``: some date has a first
    part over 12, ``30/07/2017``), month first (``False``: some second part is, ``7/30/2017``),
    or says nothing either way (``None``): a page writes its dates one way.

    >>> slash_order(["01/12/2020", "30/07/2017"]), slash_order(["7/30/2017"]), slash_order(["01/12/2020"])
    (True, False, None)
    """
    for t in texts:
        for m in _SLASH_DATE.finditer(t):
            if int(m.group("a")) > 12:
                return True
            if int(m.group("b")) > 12:
                return False
    return None


def slash_date(s: str, day_first: bool) -> tuple[int, int, str] | None:
    """``(start, end, iso)`` of the first slashed date of ``s``, read in the page's order.

    >>> slash_date("01/12/2020", True)[2], slash_date("01/12/2020", False)[2]
    ('2020-12-01', '2020-01-12')
    """
    for m in _SLASH_DATE.finditer(s):
        a, b = int(m.group("a")), int(m.group("b"))
        iso = iso_date(int(m.group("y")), b if day_first else a, a if day_first else b)
        if iso:
            return m.start(), m.end(), iso
    return None
