"""Fact extractors: wages, locations, employer, contacts and job details, with offsets into the text."""

from __future__ import annotations

from spacy.tokens import Doc

from validator.assessment import Facts
from validator.facts import contacts, employer, job, locations, wages
from validator.facts.context import Context


def extract_facts(doc: Doc, ctx: Context) -> Facts:
    """All facts of one ad. Locations come first: the destination country sets the reference wage
    and the default phone region."""
    places, destination = locations.extract(doc, ctx)
    ctx.destination_country = destination
    facts = Facts(
        wages=wages.extract(doc, ctx),
        locations=places,
        destination_country=destination,
        employer=employer.extract(doc, ctx),
        contacts=contacts.extract(doc, ctx),
    )
    facts.job = job.extract(doc, ctx, facts)
    return facts


__all__ = ["Context", "extract_facts"]
