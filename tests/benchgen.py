"""bench/generate.py for the tests that need synthetic digests (bench/ is not a package)."""
from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def generator():
    """The module bench/generate.py, loaded once."""
    spec = importlib.util.spec_from_file_location("kg_bench_generate", ROOT / "bench" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is made
    spec.loader.exec_module(mod)
    return mod
