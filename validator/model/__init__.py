"""The trained risk model (placeholder until the risk model lands)."""

from __future__ import annotations

from validator.settings import Settings


def get_model(settings: Settings):
    """The process-wide model for these settings, or None when no model is found."""
    return None
