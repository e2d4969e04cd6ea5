"""The one flow: ingest -> language -> nlp -> facts -> indicators -> risk -> Assessment."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from validator import language as langid
from validator.assessment import Assessment
from validator.bands import apply_floors, decide, order_signs, script_supported
from validator.errors import UsageError
from validator.facts import Context, extract_facts
from validator.indicators import detect_all
from validator.ingest import AdInput, load
from validator.model import get_model
from validator.nlp import add_cues, analyse, get_nlp
from validator.notices import notice
from validator.resources import language_packs
from validator.scoring import rule_score
from validator.settings import Settings

MIN_LANGUAGE_CONFIDENCE = 0.6
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
LANGUAGE_INDEPENDENT = "xx"  # spaCy's multi-language tokenizer: places, wages, contacts, no cue words


@cache
def default_settings() -> Settings:
    return Settings.from_env()


def assess(
    text: str | None = None,
    *,
    html: str | bytes | None = None,
    url: str | None = None,
    language: str | None = None,
    metadata: dict[str, Any] | None = None,
    settings: Settings | None = None,
) -> Assessment:
    """Assess one job ad given as plain text, HTML or a URL (exactly one of them)."""
    settings = settings or default_settings()
    ad = load(text, html=html, url=url, settings=settings)
    return assess_input(ad, language=language, metadata=metadata, settings=settings)


def choose_language(text: str, requested: str | None, warnings: list[str], default: str = "en") -> str:
    """The requested language, else the detected one when detection is confident, else `default`."""
    return read_language(text, requested, warnings, default)[0]


def language_code(value: object) -> str | None:
    """The one rule for a language given by a user (API, CLI, batch): empty means "detect it"; a two- or
    three-letter ISO 639 code is accepted (one without a pack is read with the language-independent
    pipeline, and the band says the ad cannot be judged); anything else is a usage error."""
    if value is None or value == "":
        return None
    code = value.strip().lower() if isinstance(value, str) else ""
    if not LANGUAGE_CODE.fullmatch(code):
        raise UsageError("the language must be an ISO 639-1 code such as 'en' or 'fr'")
    return code


def pipeline_language(lang: str) -> str:
    """The pipeline that reads `lang`: its pack's, else the language-independent one (`xx`); so only
    the packs' pipelines and one more are ever built, whatever codes users send."""
    return lang if lang in language_packs() else LANGUAGE_INDEPENDENT


def read_language(text: str, requested: str | None, warnings: list[str], default: str = "en") -> tuple[str, str]:
    """`choose_language` with how sure it is: "ok", "unsure" (detection not confident) or "unsupported"
    (no pack, or a script no pack reads); the last two make the band "insufficient" (validator.bands)."""
    packs = language_packs()
    requested = language_code(requested)
    if requested:
        lang = requested
        if lang not in packs:
            warnings.append(notice("pack_missing_requested", lang=lang))
            return lang, "unsupported"
        return lang, "ok"
    status = "ok"
    if not script_supported(text):
        warnings.append(notice("script_unsupported"))
        status = "unsupported"
    lang, confidence = langid.detect(text)
    if confidence < MIN_LANGUAGE_CONFIDENCE:
        if confidence > 0:
            warnings.append(notice("language_unsure", guess=lang, confidence=f"{confidence:.0%}", default=default))
            status = "unsupported" if status == "unsupported" else "unsure"
        lang = default
    if lang not in packs:
        warnings.append(notice("pack_missing_detected", lang=lang))
        status = "unsupported"
    return lang, status


def assess_input(
    ad: AdInput,
    *,
    language: str | None = None,
    metadata: dict[str, Any] | None = None,
    settings: Settings | None = None,
) -> Assessment:
    settings = settings or default_settings()
    warnings = list(ad.warnings)
    lang, language_status = read_language(ad.text, language, warnings, settings.default_language)
    doc = analyse(get_nlp(pipeline_language(lang)), ad.text)
    languages = [lang]
    if language is None:
        for other in langid.other_languages(ad.text, lang):
            if other in language_packs():
                add_cues(doc, analyse(get_nlp(other), ad.text))
                languages.append(other)
    ctx = Context(language=pipeline_language(lang), structured=ad.structured, metadata=dict(metadata or {}))
    facts = extract_facts(doc, ctx)
    hits = detect_all(doc, facts, ctx)
    model = get_model(settings)
    if model is None:
        risk = rule_score(hits)
        warnings.append(notice("no_model"))
    else:
        risk = model.score(doc=doc, facts=facts, hits=hits, ctx=ctx)
    risk = apply_floors(risk, hits)
    hits = order_signs(hits)
    risk = decide(risk, hits, words=facts.job.word_count, language_status=language_status)
    return Assessment(
        text=ad.text,
        language=lang,
        languages=languages,
        risk=risk,
        indicators=hits,
        facts=facts,
        source=ad.source,
        url=ad.url,
        warnings=warnings,
    )
