"""Gazetteer component (placeholder until the locations extractor lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class PlaceMatcher:
    def __init__(self, nlp: Language, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["places"] = []
        return doc
