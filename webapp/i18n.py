"""UI text in message catalogues (translations/<lang>.json), one per language, loaded once."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from flask import current_app, g, request
from werkzeug.exceptions import HTTPException

from validator.indicators.i18n import wording
from validator.notices import localise_notices

CATALOGUE_DIR = Path(__file__).parent / "translations"


@cache
def languages() -> tuple[str, ...]:
    """UI languages shipped (a catalogue file each); English is the reference."""
    return tuple(sorted(p.stem for p in CATALOGUE_DIR.glob("*.json")))


@cache
def catalogue(lang: str) -> dict[str, str]:
    return json.loads((CATALOGUE_DIR / f"{lang}.json").read_text("utf-8"))


def pick_language() -> str:
    """`lang` in the query or form, else the browser's Accept-Language, else the deployment default."""
    asked = request.args.get("lang")
    if asked is None and request.method == "POST":
        try:
            asked = request.form.get("lang")
        except HTTPException:  # e.g. a body over the size limit: the error page still renders
            asked = None
    asked = (asked or "").strip().lower()
    if asked in languages():
        return asked
    best = request.accept_languages.best_match(languages())
    return best or current_app.config.get("DEFAULT_UI_LANGUAGE", "en")


def ui_language() -> str:
    if "ui_lang" not in g:
        g.ui_lang = pick_language()
    return g.ui_lang


def translate(key: str, **values: object) -> str:
    """The text of `key` in the request's UI language (English when missing), `{name}` filled in."""
    text = catalogue(ui_language()).get(key) or catalogue("en").get(key) or key
    return text.format(**values) if values else text


def indicator_text(indicator_id: str, field: str, default: str | None) -> str | None:
    """An indicator's title / explanation / advice / looked_for in the UI language, else the catalogue's."""
    return wording(ui_language()).get(indicator_id, {}).get(field) or default


def notices(texts: list[str]) -> list[str]:
    """An assessment's warnings in the UI language (English where no translation exists)."""
    return localise_notices(texts, ui_language())
