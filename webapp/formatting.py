"""Facts in words for the pages (numbers in the UI language's format)."""

from __future__ import annotations

from babel.numbers import format_decimal

from validator.assessment import Contacts, Location, Wage
from webapp.i18n import country_name, translate, ui_language

# messengers as their makers write them (the facts hold lower-case ids)
MESSENGER_NAMES = {"whatsapp": "WhatsApp", "wechat": "WeChat", "imo": "imo", "line": "LINE"}


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return ""
    return format_decimal(round(value, digits), locale=ui_language())


def wage_line(wage: Wage) -> str:
    """E.g. "up to 3,000 EUR per month (about 3,000 EUR per month, 2.4 times the minimum wage in DE)"."""
    if wage.min is not None and wage.max is not None and wage.min != wage.max:
        amount = f"{number(wage.min)}–{number(wage.max)}"
    else:
        amount = number(wage.max if wage.max is not None else wage.min)
    parts = [translate("facts.up_to")] if wage.up_to else []
    parts += [amount, wage.currency or ""]
    if wage.period:
        parts.append(translate(f"facts.period.{wage.period}"))
    if wage.gross_net in ("gross", "net"):
        parts.append(translate(f"facts.{wage.gross_net}"))
    line = " ".join(p for p in parts if p) or wage.text
    notes = []
    if wage.eur_per_month is not None and not (wage.currency == "EUR" and wage.period == "month"):
        notes.append(translate("facts.eur_month", amount=number(wage.eur_per_month)))
    if wage.ratio_to_min_wage is not None and wage.reference_country:
        country = country_name(wage.reference_country)
        notes.append(translate("facts.ratio", ratio=number(wage.ratio_to_min_wage, 1), country=country))
    return f"{line} ({', '.join(notes)})" if notes else line


def places(locations: list[Location]) -> list[str]:
    """Each place once, by its gazetteer name when known ("Hamburg (Germany)" for "Hamburg" and "Hamburgu")."""
    seen: set[tuple[str, str | None]] = set()
    out: list[str] = []
    towns_in = {loc.country for loc in locations if loc.kind != "country" and loc.country}
    for loc in locations:
        if loc.kind == "country" and loc.country in towns_in:
            continue  # "Copenhagen (Denmark)" already names Denmark
        country = country_name(loc.country) if loc.country else ""
        # a country is named in the reader's language; a town by its gazetteer name, then its country
        name = country if loc.kind == "country" and country else (loc.name or loc.text).strip()
        key = (name.casefold(), loc.country)
        if not name or key in seen:
            continue
        seen.add(key)
        out.append(f"{name} ({country})" if country and country.casefold() != name.casefold() else name)
    return out


def wage_lines(wages: list[Wage]) -> list[str]:
    """Each stated pay once, in words."""
    return list(dict.fromkeys(wage_line(w) for w in wages))


def postcode_to_show(postcode: str | None, address: str | None) -> str | None:
    """The postcode when the address shown does not already hold it."""
    if not postcode or (address and postcode.replace(" ", "") in address.replace(" ", "")):
        return None
    return postcode


def contact_lines(contacts: Contacts) -> list[tuple[str, list[str]]]:
    """(label key, items) for each kind of contact the ad gives, each item once."""
    phones = []
    for p in contacts.phones:
        item = p.e164 or p.raw
        if p.region:
            item += f" ({country_name(p.region)}, {translate('facts.phone_type.' + p.type)})"
        phones.append(item)
    free = translate("facts.free_mail")
    emails = [f"{e.address} ({free})" if e.free_provider else e.address for e in contacts.emails]
    messengers = [MESSENGER_NAMES.get(m, m.title()) for m in contacts.messengers]
    handles = [f"{MESSENGER_NAMES.get(h.messenger, h.messenger.title())} {h.handle}" for h in contacts.handles]
    if messengers and handles:
        messengers[-1] += f" ({', '.join(dict.fromkeys(handles))})"
    rows = [
        ("facts.phones", phones),
        ("facts.emails", emails),
        ("facts.messengers", messengers),
        ("facts.links", [u.url for u in contacts.urls]),
    ]
    return [(key, list(dict.fromkeys(items))) for key, items in rows if items]
