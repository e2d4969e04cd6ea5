"""Contacts (placeholder until the contacts extractor lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from validator.assessment import Contacts
from validator.facts.context import Context


def extract(doc: Doc, ctx: Context) -> Contacts:
    return Contacts()
