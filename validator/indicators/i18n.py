"""Indicator wording in the user's interface language (data/i18n/indicators.<lang>.toml).

The catalogue (data/indicators.toml) is written in English. `localise` swaps the title, explanation,
advice and looked_for of an indicator hit (an `IndicatorHit` or its JSON dict) for the wording of the
interface language; evidence quotes, ids, families and sources are left as they are, so quotes stay in
the ad's own language. An interface language without a file, or an id missing from it, keeps English.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any, TypeVar

from validator.assessment import Assessment, IndicatorHit
from validator.resources import data_path, load_toml

DEFAULT_UI = "en"
AUTO = "auto"  # word the result in the ad's language
FIELDS = ("title", "explanation", "advice", "looked_for")

T = TypeVar("T", IndicatorHit, dict)


def wording(ui_lang: str) -> dict[str, dict[str, str]]:
    """Indicator id -> translated fields for `ui_lang` ({} for English or a language without a file)."""
    lang = (ui_lang or DEFAULT_UI).lower().split("-")[0]
    if lang == DEFAULT_UI:
        return {}
    return load_toml("i18n", f"indicators.{lang}.toml")


@cache
def ui_languages() -> tuple[str, ...]:
    """Interface languages: English and every language with both indicator and warning wording.

    The one list the CLI (`--ui-language`), the API (`ui_language`) and the web pages accept."""
    root = data_path("i18n")
    found = {p.name.split(".")[1] for p in root.glob("indicators.*.toml")}
    return tuple(sorted({lang for lang in found if (root / f"notices.{lang}.toml").exists()} | {DEFAULT_UI}))


def resolve_ui_language(asked: str | None, ad_language: str | None) -> str:
    """The interface language to word a result in: `asked`, or for "auto" the ad's own language when it
    is an interface language (else English). None and "" mean English (the JSON's language)."""
    if asked == AUTO:
        return ad_language if ad_language in ui_languages() else DEFAULT_UI
    return asked or DEFAULT_UI


def _translated(indicator_id: str, current: dict[str, Any], ui_lang: str) -> dict[str, str]:
    entry = wording(ui_lang).get(indicator_id, {})
    # looked_for is translated only where the hit carries one (absence indicators)
    return {k: entry[k] for k in FIELDS if k in entry and (k != "looked_for" or current.get(k))}


def localise(hit: T, ui_lang: str) -> T:
    """A copy of `hit` (IndicatorHit or dict) with its wording in `ui_lang`; the input is not changed."""
    if isinstance(hit, IndicatorHit):
        changes = _translated(hit.id, {"looked_for": hit.looked_for}, ui_lang)
        return dataclasses.replace(hit, **changes) if changes else hit
    if isinstance(hit, dict):
        changes = _translated(str(hit.get("id", "")), hit, ui_lang)
        return {**hit, **changes} if changes else dict(hit)
    raise TypeError(f"cannot localise {type(hit).__name__}: expected IndicatorHit or dict")


def localise_all(hits: list[T], ui_lang: str) -> list[T]:
    """`localise` over a list of hits (e.g. `Assessment.indicators` or `to_dict()["indicators"]`)."""
    return [localise(hit, ui_lang) for hit in hits]


def localise_assessment(assessment: Assessment, ui_lang: str) -> None:
    """Put the indicators' wording and the warnings of `assessment` in `ui_lang` (in place); "auto"
    means the ad's language (English when it has no interface wording)."""
    from validator.notices import localise_notices

    ui_lang = resolve_ui_language(ui_lang, assessment.language)
    assessment.indicators = localise_all(assessment.indicators, ui_lang)
    assessment.warnings = localise_notices(assessment.warnings, ui_lang)
