"""From what the user gave (text, HTML, URL) to the text to analyse and its structured data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from validator.errors import UsageError
from validator.ingest.text import check_text
from validator.settings import Settings


@dataclass
class AdInput:
    text: str  # the text every offset in the Assessment indexes
    source: str  # text | html | url
    url: str | None = None
    structured: dict[str, Any] = field(default_factory=dict)  # schema.org JobPosting fields
    warnings: list[str] = field(default_factory=list)


def load(
    text: str | None = None, *, html: str | bytes | None = None, url: str | None = None, settings: Settings
) -> AdInput:
    given = [name for name, value in (("text", text), ("html", html), ("url", url)) if value is not None]
    if len(given) != 1:
        raise UsageError("give exactly one of text, html or url")
    if text is not None:
        warnings: list[str] = []
        return AdInput(text=check_text(text, settings, warnings=warnings), source="text", warnings=warnings)
    from validator.ingest.html import from_html

    if html is not None:
        return from_html(html, settings)
    from validator.ingest.fetch import fetch_ad

    return fetch_ad(url, settings)
