"""Inline tokens markdown-it leaves as text but digests mean as links."""
from __future__ import annotations

from typing import Any

__all__ = ["repair_links"]


class _Tok:
    """A stand-in inline token for links markdown-it leaves as text."""

    __slots__ = ("type", "content", "attrs")

    def __init__(self, type: str, content: str = "", attrs: dict[str, str] | None = None):
        self.type, self.content, self.attrs = type, content, attrs or {}


def repair_links(children: list[Any]) -> list[Any]:
    """``[Jane Doe](https://arxiv.org/search/?query=Jane Doe)``: a link whose target has a
    space is text to CommonMark, but digests generated from arXiv author searches write
    them. Inside a text token, ``[…](…)`` with a target that starts with ``http`` is read
    as the link it was meant to be."""
    out: list[Any] = []
    for c in children:
        if c.type != "text" or "](http" not in c.content:
            out.append(c)
            continue
        s, k = c.content, 0
        while True:
            j = s.find("](http", k)
            if j < 0:
                break
            o = s.rfind("[", k, j)
            close = s.find(")", j)
            if o < 0 or close < 0 or "\n" in s[o:close]:
                break
            if o > k:
                out.append(_Tok("text", s[k:o]))
            out.append(_Tok("link_open", attrs={"href": s[j + 2 : close]}))
            out.append(_Tok("text", s[o + 1 : j]))
            out.append(_Tok("link_close"))
            k = close + 1
        if k < len(s):
            out.append(_Tok("text", s[k:]))
    return out
