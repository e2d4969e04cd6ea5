"""Employer (placeholder until the employer extractor lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from validator.assessment import Employer
from validator.facts.context import Context


def extract(doc: Doc, ctx: Context) -> Employer:
    return Employer()
