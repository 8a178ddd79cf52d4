"""Helpers for the per-rule tests: build a context over a made-up entry and run one rule."""
from __future__ import annotations

from kg.extract.context import build_context
from kg.extract.merge import merge
from kg.records import Span


def ctx_of(text: str, title: str | None = None):
    full = (title + "\n" if title else "") + text
    return build_context(full, [Span(0, len(full))], Span(0, len(title)) if title else None)


def found(rule, text: str, title: str | None = None, prior_rules=()):
    """``{name: candidate}`` of ``rule`` on ``text`` (prior stages run first when given)."""
    ctx = ctx_of(text, title)
    prior = merge([c for r in prior_rules for c in r.find(ctx, [])]) if prior_rules else []
    return {c.name: c for c in rule.find(ctx, prior)}
