"""Facts in words for the pages (numbers in the UI language's format)."""

from __future__ import annotations

from babel.numbers import format_decimal

from validator.assessment import Wage
from webapp.i18n import country_name, translate, ui_language


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
    line = " ".join(p for p in parts if p) or wage.text
    notes = []
    if wage.eur_per_month is not None and not (wage.currency == "EUR" and wage.period == "month"):
        notes.append(translate("facts.eur_month", amount=number(wage.eur_per_month)))
    if wage.ratio_to_min_wage is not None and wage.reference_country:
        country = country_name(wage.reference_country)
        notes.append(translate("facts.ratio", ratio=number(wage.ratio_to_min_wage, 1), country=country))
    return f"{line} ({', '.join(notes)})" if notes else line
