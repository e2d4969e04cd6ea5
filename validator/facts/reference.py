"""Reference figures for wages: FX to EUR, period -> month factors, and each country's reference wage.

Data (read once per process):
- `data/reference/fx_rates.csv`: ECB euro reference rates of one date (`eur_per_unit`);
- `data/reference/assumptions.toml`: hours per month, days per month ... and the reference-wage rules;
- `data/reference/minimum_wages_eu.csv`: statutory minimum wages and median earnings (Eurostat and others).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cache

from validator.resources import load_csv, load_toml

PERIODS = ("hour", "day", "week", "month", "year")


@dataclass(frozen=True)
class ReferenceWage:
    country: str  # ISO 3166-1 alpha-2 (GR, not the CSV's EL)
    eur_month: float
    kind: str  # "minimum_wage" (statutory) | "median_earnings" (fallback where there is no statutory minimum)
    period: str  # the CSV's period: date in force or survey year
    source: str


@cache
def assumptions() -> dict:
    return load_toml("reference", "assumptions.toml")


@cache
def month_factors() -> dict[str, float]:
    """Multiplier bringing a wage of each period to one month (documented in assumptions.toml)."""
    m = assumptions()["month"]
    weeks_per_month = m["weeks_per_year"] / m["months_per_year"]
    hours = m["hours_per_week"] * weeks_per_month
    days = m["days_per_week"] * weeks_per_month
    # the rounded figures written in the file for readers must agree with the ones derived here
    for key, value in (("hours_per_month", hours), ("days_per_month", days), ("weeks_per_month", weeks_per_month)):
        if key in m and not math.isclose(m[key], value, abs_tol=0.01):
            raise ValueError(f"assumptions.toml: {key} = {m[key]} disagrees with the derived {value:.2f}")
    return {"hour": hours, "day": days, "week": weeks_per_month, "month": 1.0, "year": 1 / m["months_per_year"]}


@cache
def fx_table() -> dict[str, float]:
    """EUR per one unit of each currency."""
    return {row["currency"]: float(row["eur_per_unit"]) for row in load_csv("reference", "fx_rates.csv")}


def fx_date() -> str | None:
    rows = load_csv("reference", "fx_rates.csv")
    return rows[0]["date"] if rows else None


def to_eur(amount: float, currency: str | None) -> float | None:
    """`amount` in EUR, or None for an unknown currency or one without a rate (e.g. RUB, UAH)."""
    rate = fx_table().get(currency or "")
    return None if rate is None else amount * rate


def to_month(amount: float, period: str) -> float:
    return amount * month_factors()[period]


def guess_period(eur_amount: float) -> str | None:
    """A period for an amount stated without one, from its size in EUR (thresholds in assumptions.toml)."""
    limits = assumptions()["unstated_period"]
    if eur_amount < limits["hour_below"]:
        return "hour"
    if eur_amount <= limits["month_upto"]:
        return "month"
    if eur_amount >= limits["year_from"]:
        return "year"
    return None


def _period_start(text: str) -> date:
    """'2026-01' -> 2026-01-01, '2018' -> 2018-01-01."""
    parts = [int(p) for p in text.strip().split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _csv_country(country: str) -> str:
    aliases = assumptions().get("reference", {}).get("csv_country_aliases", {})
    return aliases.get(country, country)


def _to_eur_month(row: dict[str, str]) -> float | None:
    amount = float(row["amount"])
    if row["unit"] == "hour":
        amount = to_month(amount, "hour")
    elif row["unit"] != "month":
        return None
    return to_eur(amount, row["currency"])


def _latest(rows: list[dict[str, str]], as_of: date) -> dict[str, str] | None:
    in_force = [r for r in rows if _period_start(r["period"]) <= as_of]
    if not in_force:
        return None
    # latest date first; on the same date a monthly figure beats an hourly one (no hours assumption needed)
    return max(in_force, key=lambda r: (_period_start(r["period"]), r["unit"] == "month"))


@cache
def reference_wage(country: str | None, as_of: date | None = None) -> ReferenceWage | None:
    """The reference wage of `country` (ISO alpha-2) on `as_of` (default: today), in EUR per month.

    The latest statutory minimum wage in force; for a country without one, the latest median earnings.
    None when the table has neither (or the figure's currency has no FX rate).
    """
    if not country:
        return None
    iso = country.upper()
    if iso == "EL":
        iso = "GR"
    key = _csv_country(iso)
    as_of = as_of or date.today()
    rows = [r for r in load_csv("reference", "minimum_wages_eu.csv") if r["country"] == key]
    for kind in ("minimum_wage", "median_earnings"):
        row = _latest([r for r in rows if r["kind"] == kind], as_of)
        if row is None:
            continue
        eur = _to_eur_month(row)
        if eur:
            return ReferenceWage(iso, eur, kind, row["period"], row["source"])
    return None


def reference_wage_eur_month(country: str | None, as_of: date | None = None) -> float | None:
    ref = reference_wage(country, as_of)
    return ref.eur_month if ref else None
