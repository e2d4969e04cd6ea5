"""Shared fixtures: the shared EMSCAD sample (skipped when absent) and the Chromium binary."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EMSCAD = Path(os.environ.get("VALIDATOR_EMSCAD", ROOT.parent / "shared/data/emscad-sample/emscad_sample.csv"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def emscad_csv() -> Path:
    """The shared EMSCAD sample; tests using it skip with the reason when it is absent."""
    if not EMSCAD.exists():
        pytest.skip(f"shared EMSCAD sample not found at {EMSCAD} (set VALIDATOR_EMSCAD to its path)")
    return EMSCAD


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Debian's chromium (installed by scripts/setup --dev); Playwright cannot download browsers here."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("chromium not found: run scripts/test (it installs Debian's chromium) or set CHROMIUM")
    return path
