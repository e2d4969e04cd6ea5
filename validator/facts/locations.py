"""Locations (placeholder until the locations extractor lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from validator.assessment import Location
from validator.facts.context import Context


def extract(doc: Doc, ctx: Context) -> tuple[list[Location], str | None]:
    return [], None
