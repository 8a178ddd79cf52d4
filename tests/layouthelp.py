"""Helper for the layout tests: write a made-up digest into ``tmp_path`` and extract it
through the public pipeline (read → parse → extract), as a user's file would go."""
from __future__ import annotations

from pathlib import Path

import kg


def records_of(tmp_path: Path, text: str, name: str = "digest.md"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return kg.extract_paths([p])
