"""Human-readable tables for the terminal (rich), kept apart from the CLI so scripts
can print the same tables."""
from __future__ import annotations

import io
import os
import shutil

from rich.console import Console
from rich.table import Table

from kg.records import PaperRecord
from kg.stats import Stats

__all__ = ["render", "records_table", "stats_table"]


def render(*renderables) -> str:
    width = shutil.get_terminal_size((120, 24)).columns
    buf = io.StringIO()
    console = Console(file=buf, width=max(width, 80), force_terminal=False, color_system=None, highlight=False)
    for r in renderables:
        console.print(r)
    return buf.getvalue()


def _ents(ms) -> str:
    return ", ".join(f"{m.name}{'*' if m.role == 'proposed' else ''}" for m in ms)


def records_table(records: list[PaperRecord]) -> str:
    t = Table(title=f"{len(records)} entries (* = proposed by the paper)", show_lines=True, expand=True)
    for col, kw in (("source", {"no_wrap": True}), ("paper", {"ratio": 3}), ("authors / institutions", {"ratio": 2}),
                    ("models", {"ratio": 2}), ("datasets", {"ratio": 2})):
        t.add_column(col, **kw)
    for r in records:
        paper = r.title or (" ".join(r.text.split())[:90] + "…")
        if r.arxiv_id:
            paper += f"\narXiv {r.arxiv_id}"
        if r.category:
            paper += f" [{r.category}]"
        people = ", ".join(a.name for a in r.authors) + (" …" if r.authors_truncated else "")
        if r.institutions:
            people += "\n" + "; ".join(m.name for m in r.institutions)
        t.add_row(f"{os.path.basename(r.file)}:{r.line}", paper, people, _ents(r.models), _ents(r.datasets))
    return render(t)


def stats_table(s: Stats) -> str:
    nodes = Table(title="Nodes")
    nodes.add_column("label")
    nodes.add_column("count", justify="right")
    for k, v in s.nodes.items():
        nodes.add_row(k, str(v))
    edges = Table(title="Relationships")
    edges.add_column("type")
    edges.add_column("count", justify="right")
    for k, v in s.edges.items():
        edges.add_row(k, str(v))
    top = Table(title="Top entities (by papers)")
    top.add_column("type")
    top.add_column("entities")
    for label, rows in s.top.items():
        top.add_row(label, ", ".join(f"{n} ({c})" for n, c in rows))
    return render(nodes, edges, top)


def decisions_table(rows) -> str:
    t = Table(title=f"{len(rows)} resolution decisions")
    for col in ("kind", "as written", "resolved to", "why", "first seen"):
        t.add_column(col)
    for d in rows:
        t.add_row(d.kind, d.surface, d.canonical, d.reason, d.where)
    return render(t)
