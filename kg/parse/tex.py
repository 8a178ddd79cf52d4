"""TeX accents in names, as BibTeX and arXiv metadata write them (``Vojt\\v{e}ch``,
``Veli{\\v c}kovi{\\'c}``, ``{\\o}``): what the name readers see in their place.

Values keep names as written; only the tests of whether text is a name look through the
markup, by :func:`tex_letters` (a token's letters) or :func:`tex_shadow` (the whole text
at its own length, so offsets stay exact).
"""
from __future__ import annotations

import re

__all__ = ["tex_letters", "tex_shadow"]


# A TeX accent inside a name, as arXiv metadata writes them ("Vojt\\v{e}ch Stan\\v{e}k",
# "Jirmusov\\'a" once Markdown has dropped the backslash before the quote): the letter it
# accents, when checking the word is a name; the value keeps it as written.
_TEX_ACCENT = re.compile(r"\\[`'^\"~=.uvHckrbd]\{?([A-Za-z])\}?|(?<=[a-z])'(?=[a-z])")


def tex_letters(tok: str) -> str:
    return _TEX_ACCENT.sub(lambda m: m.group(1) or "", tok)


# A TeX accent as BibTeX writes it inside a name, braced or not: "Veli{\\v c}kovi{\\'c}",
# "Ze{\\v{c}}evi{\\'c}", "Jirmusov\\'{a}", "{\\o}", "{\\ss}", a protected capital "{B}".
_TEX_GROUP = re.compile(
    r"\{\\(?:[`'^\"~=.]|[uvHckrbd](?=[\s{]))\s*\{?(?P<a>[A-Za-z])\}?\}"
    r"|\\(?:[`'^\"~=.]|[uvHckrbd](?=[\s{]))\s*\{?(?P<b>[A-Za-z])\}?"
    r"|\{\\(?P<c>i|j|o|O|l|L|ss|aa|AA|ae|AE|oe|OE)\}"
    r"|\{(?P<d>[A-Za-z]{1,3})\}"
)


def tex_shadow(s: str) -> str:
    r"""``s`` with each TeX accent group replaced by its letter padded with ``x`` to the
    group's length (``Veli{\\v c}kovi{\\'c}`` → ``Velicxxxxxkovicxxxx``): the same length, so
    offsets found in the shadow are offsets in ``s``, and a name test sees letters where
    BibTeX wrote markup. The value keeps the name as written.

    >>> tex_shadow("Veli{\\v c}kovi{\\'c}, Petar")
    'Velicxxxxxkovicxxxx, Petar'
    >>> tex_shadow("Ada Lovelace") == "Ada Lovelace"
    True
    """
    if "{" not in s and "\\" not in s:
        return s
    return _TEX_GROUP.sub(lambda m: (letters := next(g for g in m.groups() if g)) + "x" * (len(m.group(0)) - len(letters)), s)
