"""The "where to get help" lines for one result: the destination's and the reader's country first."""

from __future__ import annotations

from typing import Any

from webapp.i18n import catalogue, country_name, reader_country, translate, ui_language

FIRST_EVERYWHERE = "EU"  # Europe-wide lines follow the country lines in the first list


def _name(entry: dict[str, Any], ui: str) -> tuple[str, str]:
    """(name, its language): the official name in the reader's language where one exists, else the
    name in the country's language."""
    if entry.get("name_key") and entry["name_key"] in catalogue("en"):
        return translate(entry["name_key"]), ui
    names = entry.get("names") if isinstance(entry.get("names"), dict) else {}
    own = str(entry.get("lang") or "")
    if names.get(ui) and own != ui:
        return str(names[ui]), ui
    if entry.get("name"):
        return str(entry["name"]), own or ui
    return str(names.get("en") or ""), "en"


def _shown(entry: dict[str, Any], ui: str) -> dict[str, str]:
    kind_key = f"help.kind.{entry.get('kind')}"
    description = translate(kind_key) if kind_key in catalogue("en") else str(entry.get("description") or "")
    country = str(entry.get("country") or "")
    name, lang = _name(entry, ui)
    return {
        "name": name,
        "lang": lang,
        "url": str(entry["url"]),
        "description": description,
        "phone": str(entry.get("phone") or ""),
        "country": country_name(country) if country and country != FIRST_EVERYWHERE else "",
    }


Shown = list[dict[str, str]]


def for_result(entries: list[dict[str, Any]], destination: str | None) -> tuple[Shown, Shown]:
    """(first, more): the lines of the destination country and of the reader's country, then the
    Europe-wide lines and lines without a country; `more` holds the other countries' lines."""
    ui = ui_language()
    near = [code for code in (destination, reader_country()) if code]
    first: list[dict[str, Any]] = []
    for code in near:
        first += [e for e in entries if e.get("country") == code and e not in first]
    first += [e for e in entries if e.get("country") in (None, "", FIRST_EVERYWHERE) and e not in first]
    more = sorted((e for e in entries if e not in first), key=lambda e: country_name(str(e.get("country") or "")))
    return [_shown(e, ui) for e in first], [_shown(e, ui) for e in more]
