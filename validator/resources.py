"""Access to the package's data files (patterns, lexicons, reference tables), read once per process."""

from __future__ import annotations

import csv
import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)


@cache
def load_toml(*parts: str) -> dict[str, Any]:
    path = data_path(*parts)
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


@cache
def load_lines(*parts: str) -> tuple[str, ...]:
    """Non-empty lines of a text file, `#` comments stripped."""
    path = data_path(*parts)
    if not path.exists():
        return ()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return tuple(line for line in lines if line)


@cache
def load_jsonl(*parts: str) -> tuple[dict[str, Any], ...]:
    path = data_path(*parts)
    if not path.exists():
        return ()
    rows = []
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            rows.append(json.loads(line))
    return tuple(rows)


@cache
def load_csv(*parts: str) -> tuple[dict[str, str], ...]:
    path = data_path(*parts)
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(row for row in fh if not row.startswith("#")))


@cache
def language_packs() -> tuple[str, ...]:
    """Languages with a pack under data/lang/ (a directory holding cues.jsonl)."""
    root = data_path("lang")
    return tuple(sorted(p.name for p in root.iterdir() if (p / "cues.jsonl").exists()))
