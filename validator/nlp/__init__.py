"""spaCy pipelines built in code: `build_nlp(lang)` and the cached `get_nlp(lang)`."""

from validator.nlp.components import doc_text
from validator.nlp.pipeline import add_cues, analyse, build_nlp, get_nlp

__all__ = ["add_cues", "analyse", "build_nlp", "doc_text", "get_nlp"]
