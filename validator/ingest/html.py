"""HTML to text (placeholder until the HTML ingest lands)."""

from __future__ import annotations

from validator.settings import Settings


def from_html(html: str | bytes, settings: Settings, url: str | None = None):
    raise NotImplementedError
