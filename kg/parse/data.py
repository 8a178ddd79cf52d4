"""Loaders for the parser's vocabularies in ``kg/data/parse/`` (read once, cached)."""
from __future__ import annotations

import functools
import json
from pathlib import Path

__all__ = ["DATA_DIR", "load_json", "load_jsonl", "load_words"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "parse"


@functools.lru_cache(maxsize=None)
def load_json(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return json.load(f)


@functools.lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict, ...]:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return tuple(json.loads(x) for x in f if x.strip())


@functools.lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """Non-empty lines of a word list, ``#`` comments skipped."""
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return tuple(w for w in (x.strip() for x in f) if w and not w.startswith("#"))
