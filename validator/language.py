"""Language identification (placeholder until the language id lands)."""

from __future__ import annotations


def detect(text: str) -> tuple[str, float]:
    return "en", 0.0
