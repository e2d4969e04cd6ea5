"""Wages (placeholder until the wage extractor lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from validator.assessment import Wage
from validator.facts.context import Context


def extract(doc: Doc, ctx: Context) -> list[Wage]:
    return []
