"""Layout ``abstract``: abstract dumps (machine-translated Chinese, English, or both).

Abstracts closed by ``translated by 谷歌翻译``, separated by blank lines, or one per
line; a short line over an abstract is its title::

    我们为梯度下降提供了收敛分析……
    translated by 谷歌翻译
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.parse.base import NOT_IN_ENTRY, Builder, LayoutResult, blocks, next_nonblank, strip_span
from kg.parse.boilerplate import TRANSLATED_RE, is_boilerplate, translated_tail
from kg.parse.document import ParsedDoc
from kg.parse.titles import SENTENCE_END_RE
from kg.records import Span, Unassigned
from kg.text import cjk_share, find_urls, latin_share

__all__ = ["parse", "name", "in_gaps"]

name = "abstract"


_ABSTRACT_LABEL = re.compile(r"(?:abstract|摘要)\s*[:：]\s*", re.I)


def in_gaps(doc: ParsedDoc) -> bool:
    """Read a stretch another layout left over only when it has a translation marker: an
    introduction paragraph reads like an abstract and must not become a paper."""
    return any(TRANSLATED_RE.match(x.text) for x in doc.lines)

def _abstract_like(line: str) -> bool:
    s = line.strip()
    if cjk_share(s) > 0.5:
        return len(s) >= 60 and s.count("。") + s.count("，") + s.count(",") + s.count("；") >= 2
    return len(s) >= 160 and len(SENTENCE_END_RE.findall(s)) >= 2 and latin_share(s) > 0.8


def _title_line(line: str) -> bool:
    """A line that can be a title: short, one sentence at most, not a label or a link."""
    s = line.strip()
    if not 8 <= len(s) <= 250 or find_urls(s) or s.endswith((":", "：")):
        return False
    if cjk_share(s) > 0.5:
        return len(s) <= 80 and not SENTENCE_END_RE.search(s[:-1])
    return len(s.split()) >= 2 and s[0].isupper() and not SENTENCE_END_RE.search(s.rstrip(".")) and not _abstract_like(s)


def parse(doc: ParsedDoc) -> LayoutResult:
    """Abstracts each closed by ``translated by 谷歌翻译``; without any marker, blank-line
    separated paragraphs that read like abstracts, or one abstract per line."""
    b = Builder(doc, "abstract", kind="abstract")
    lines, file = b.lines, doc.path
    has_marker = any(TRANSLATED_RE.match(x) or translated_tail(x) for x in lines)

    def body(i: int) -> None:
        if b.cur is None:
            b.open(i)
        d = b.cur
        off = b.take(i)
        line = lines[i]
        tail = translated_tail(line)
        end = tail.start() if tail else None
        nxt = next_nonblank(lines, i, 1)
        if len(d.lines) == 1 and nxt and _title_line(line) and _abstract_like(lines[nxt[0]]):
            # A short first line over the abstract is the paper's title.
            a, e = strip_span(line, off, 0, end)
            label = re.match(r"(?:title|标题|题目)\s*[:：]\s*", line[a - off :], re.I)
            a += label.end() if label else 0
            d.set("title_zh" if cjk_share(line) > 0.5 else "title", a, e)
        else:
            a, e = strip_span(line, off, 0, end)
            label = _ABSTRACT_LABEL.match(line, a - off)  # at its offset: no copy of the paragraph
            d.body.append(Span(off + label.end() if label else a, e))
        if tail:
            b.close()

    if has_marker:
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            if TRANSLATED_RE.match(line):
                if b.cur is None:
                    b.report(i, "translation marker with no abstract")
                else:
                    b.covered += 1
                    b.unassigned.append(Unassigned(file, i + 1, line.strip(), "translation marker"))
                    b.close()
                continue
            reason = is_boilerplate(line, between_entries=b.cur is None)
            if reason:
                b.report(i, reason)
                continue
            # The marker vouches for everything since the previous one.
            body(i)
        return _labels_untitled(b.result())

    for block in blocks(lines):
        kept = []
        for k in block:
            reason = is_boilerplate(lines[k], between_entries=True)
            if reason:
                b.report(k, reason)
            elif doc.lines[k].kind in ("table", "table-rule"):
                # A table row is a record of its columns, not a paragraph: the table's
                # readers' (a description cell reads like an abstract).
                b.report(k, NOT_IN_ENTRY)
            else:
                kept.append(k)
        # Runs of consecutive kept lines form the candidate paragraphs.
        runs: list[list[int]] = []
        for k in kept:
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
        for run in runs:
            if len(run) > 1 and sum(_abstract_like(lines[k]) for k in run) >= 2:
                # One abstract per line: each long line stands alone; short lines go with
                # the abstract before them (a trailing "Code: …" line).
                for k in run:
                    if _abstract_like(lines[k]):
                        b.close()
                        body(k)
                    elif b.cur is not None:
                        body(k)
                    else:
                        b.report(k, NOT_IN_ENTRY)
                b.close()
            elif _abstract_like(" ".join(lines[k].strip() for k in run)):
                b.close()
                for k in run:
                    body(k)
                b.close()
            else:
                for k in run:
                    b.report(k, NOT_IN_ENTRY)
    return _labels_untitled(b.result())


def _labels_untitled(res: LayoutResult) -> LayoutResult:
    """A short line that heads several of the page's paragraphs alike (``**Why it
    matters**``, ``Summary``) is a caption the page repeats over each item's text, not a
    paper's title: entries it heads keep no title."""
    seen: dict[str, int] = {}
    for e in res.entries:
        if e.title is not None:
            key = e.title.of(e.text).casefold()
            seen[key] = seen.get(key, 0) + 1
    if all(n < 2 for n in seen.values()):
        return res
    entries = [
        replace(e, title=None) if e.title is not None and seen[e.title.of(e.text).casefold()] >= 2 else e for e in res.entries
    ]
    return replace(res, entries=entries)
