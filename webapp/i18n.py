"""UI text in message catalogues (translations/<lang>.json), one per language, loaded once.

The interface languages are those with a web catalogue and the engine's wording
(`validator.indicators.i18n.ui_languages`); names of languages and countries come from Babel (CLDR).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from babel import Locale
from babel.core import get_global
from flask import current_app, g, request
from werkzeug.exceptions import HTTPException

from validator.errors import ValidatorError
from validator.indicators.i18n import ui_languages, wording
from validator.notices import localise_notices
from validator.resources import language_packs

CATALOGUE_DIR = Path(__file__).parent / "translations"


@cache
def languages() -> tuple[str, ...]:
    """UI languages shipped: a web catalogue each and the engine's wording; English is the reference."""
    return tuple(lang for lang in ui_languages() if (CATALOGUE_DIR / f"{lang}.json").exists())


@cache
def catalogue(lang: str) -> dict[str, str]:
    return json.loads((CATALOGUE_DIR / f"{lang}.json").read_text("utf-8"))


def _base(code: str) -> str:
    return code.strip().lower().replace("_", "-").split("-")[0]


def pick_language() -> tuple[str, bool]:
    """(language, chosen): `lang` in the query or form, else the browser's Accept-Language, else the
    deployment's VALIDATOR_UI_LANGUAGE (all three a choice), else English (not a choice when the browser
    asked for other languages)."""
    asked = request.args.get("lang")
    if asked is None and request.method == "POST":
        try:
            asked = request.form.get("lang")
        except HTTPException:  # e.g. a body over the size limit: the error page still renders
            asked = None
    asked = _base(asked or "")
    if asked in languages():
        return asked, True
    for code, _quality in request.accept_languages:  # "ro-RO" counts as "ro"
        if _base(code) in languages():
            return _base(code), True
    default = _base(current_app.config.get("DEFAULT_UI_LANGUAGE") or "")
    if default in languages():
        return default, True  # the deployment's explicit choice
    # a browser that asks only for languages we lack leaves the choice open; no header at all (scripts,
    # tests) keeps English as before
    return "en", not request.accept_languages


def ui_language() -> str:
    if "ui_lang" not in g:
        g.ui_lang, g.ui_lang_chosen = pick_language()
    return g.ui_lang


def ui_language_chosen() -> bool:
    """Whether the reader chose the UI language (link, form or browser language) rather than the default."""
    ui_language()
    return bool(g.ui_lang_chosen)


def follow_ad_language(ad_language: str | None) -> None:
    """When the reader chose no UI language we have, word the result in the ad's language if we can."""
    if not ui_language_chosen() and ad_language in languages():
        g.ui_lang = ad_language


def reader_country() -> str | None:
    """The reader's country: the region of the browser's first language ("ro-MD"), else the UI language's
    main country from CLDR (ro -> RO; none for English, spoken in too many countries)."""
    for code, _quality in request.accept_languages:
        parts = code.replace("_", "-").split("-")
        if _base(code) == ui_language() and len(parts) > 1 and len(parts[-1]) == 2 and parts[-1].isalpha():
            return parts[-1].upper()
    if ui_language() == "en":
        return None
    likely = str(get_global("likely_subtags").get(ui_language(), ""))  # e.g. "ro_Latn_RO"
    return likely.split("_")[-1] if likely.count("_") == 2 else None


def translate(key: str, **values: object) -> str:
    """The text of `key` in the request's UI language (English when missing), `{name}` filled in."""
    text = catalogue(ui_language()).get(key) or catalogue("en").get(key) or key
    return text.format(**values) if values else text


def label(key: str) -> str:
    """A field name followed by the colon of the UI language ("Address:", "Adresse :")."""
    return translate("label", label=translate(key))


def error_text(exc: ValidatorError) -> str:
    """A user's error in plain words of the UI language; in English, the engine's detail follows."""
    key = f"error.code.{exc.code}"
    if key not in catalogue("en"):
        return exc.message
    text = translate(key)
    return f"{text} ({exc.message})" if ui_language() == "en" and exc.message else text


@cache
def _display_names(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    locale = Locale.parse(lang)
    return dict(locale.territories), dict(locale.languages)


def country_name(code: str | None) -> str:
    """A country's name in the UI language ("DE" -> "Allemagne"), or the code when CLDR has none."""
    if not code:
        return ""
    return _display_names(ui_language())[0].get(code.upper(), code)


def language_name(code: str, in_language: str | None = None) -> str:
    """A language's own name ("ro" -> "Română"), or its name in `in_language`."""
    names = _display_names(in_language or code)[1]
    name = names.get(code, code)
    return name[:1].upper() + name[1:]


def ad_languages() -> list[tuple[str, str]]:
    """(code, own name) of every language pack, for the "language of the ad" choice."""
    return sorted(((code, language_name(code)) for code in language_packs()), key=lambda item: item[1].casefold())


def indicator_text(indicator_id: str, field: str, default: str | None) -> str | None:
    """An indicator's title / explanation / advice / looked_for in the UI language, else the catalogue's."""
    return wording(ui_language()).get(indicator_id, {}).get(field) or default


def notices(texts: list[str]) -> list[str]:
    """An assessment's warnings in the UI language (English where no translation exists)."""
    return localise_notices(texts, ui_language())
