"""Token classes several rules start from, computed once an entry (on first use) and
kept on the context's memo: a rule that needs, say, a Latin word holding a digit walks
these few indices instead of every Latin word or compound of the entry, and the same
list serves every rule that asks.

Each is a superset of what its users test first (they still apply their own test), so
reading one instead of ``ctx.latin`` or ``ctx.compounds`` never changes what a rule
finds, only how many tokens it looks at.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.tokens import CJK

if TYPE_CHECKING:  # the context imports no rule module; only its type is needed here
    from kg.extract.context import Context

__all__ = ["after_cjk", "capital_words", "glued_compounds", "numerals"]


def numerals(ctx: Context) -> list[int]:
    """Latin/digit words holding a character other than a letter — a digit, another
    numeral, or the dot of "3.5" — in order: every word a test such as
    ``w[-1:].isdigit()`` or ``w[:1].isdigit()`` can pass (a Latin token is made of
    letters, numerals and such dots only)."""
    got = ctx._squeezed.get("numerals")
    if got is None:
        w = ctx.words
        got = ctx._squeezed["numerals"] = [k for k in ctx.latin if not w[k].isalpha()]
    return got


def glued_compounds(ctx: Context) -> list[tuple[int, int]]:
    """The compounds of two words or more glued by ``-``/``_``/``+`` (three tokens at
    least: ``CMU-MOSI``, ``llama-3.1-70b``), in order."""
    got = ctx._squeezed.get("glued")
    if got is None:
        got = ctx._squeezed["glued"] = [(i, j) for i, j in ctx.compounds if j - i >= 3]
    return got


def capital_words(ctx: Context) -> list[int]:
    """The compounds of one word that starts with a capital (``ctx.caps`` that start a
    compound and end it), as their token index, in order."""
    got = ctx._squeezed.get("capital_words")
    if got is None:
        ends = ctx.compound_end
        got = ctx._squeezed["capital_words"] = [i for i in ctx.caps if ends.get(i) == i + 1]
    return got


def after_cjk(ctx: Context) -> list[int]:
    """Latin/digit words right after a CJK token (Chinese frames read a name there:
    "提出Harbor", "方法X"), in order; empty for an entry without CJK."""
    got = ctx._squeezed.get("after_cjk")
    if got is None:
        kinds, cjk = ctx.kinds, CJK
        got = ctx._squeezed["after_cjk"] = [k for k in ctx.latin if k and kinds[k - 1] == cjk] if ctx.has_cjk else []
    return got
