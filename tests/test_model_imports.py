"""Scoring an ad with the shipped model imports neither sklearn nor skops (nor scipy): a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from validator.model import SHIPPED_DIR, store

ROOT = Path(__file__).resolve().parents[1]
AD = "Free accommodation, no experience needed. Registration fee 100 EUR. Send your passport on WhatsApp."
SCRIPT = f"""
import sys, validator
a = validator.assess({AD!r})
assert a.risk.model.startswith("risk-model"), a.risk.model
heavy = [m for m in ("sklearn", "skops", "scipy") if m in sys.modules]
assert not heavy, heavy
"""


def test_scoring_one_ad_imports_neither_sklearn_nor_skops():
    assert (SHIPPED_DIR / store.MODEL_FILE).is_file(), f"no shipped model in {SHIPPED_DIR}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VALIDATOR_")}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
