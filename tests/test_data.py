"""The packaged gazetteers and alias tables pass their own consistency checker."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "kg" / "data"


def test_data_files_are_consistent():
    r = subprocess.run([sys.executable, str(DATA / "check_data.py")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().splitlines()[-1].startswith("OK")
