"""Wage extractor: amounts, ranges, currencies, periods, gross/net, "up to", normalisation and ratios."""

from __future__ import annotations

import csv
from datetime import date

import pytest
import spacy

from validator.facts import reference
from validator.facts.context import Context
from validator.facts.wages import extract
from validator.nlp import get_nlp
from validator.resources import data_path

H_MONTH = 40 * 52 / 12  # 173.33 hours per month (data/reference/assumptions.toml)
D_MONTH = 5 * 52 / 12  # 21.67 working days per month
W_MONTH = 52 / 12  # 4.33 weeks per month
# ECB reference rates of 2024-06-28 (units per euro), as in data/reference/fx_rates.csv
USD, GBP, PLN, DKK, RON = 1.0705, 0.84638, 4.3090, 7.4575, 4.9773


def wages(text: str, country: str | None = None, lang: str = "en"):
    doc = get_nlp("en")(text) if lang == "en" else spacy.blank(lang)(text)
    found = extract(doc, Context(language=lang, destination_country=country))
    for w in found:
        assert doc.text[w.start : w.end] == w.text
    return found


def one(text: str, country: str | None = None):
    found = wages(text, country)
    assert len(found) == 1, [w.text for w in found]
    return found[0]


# text, expected fields, the wage's text
POSITIVE = [
    (
        "Salary: 2,000–3,000 EUR per month gross",
        dict(min=2000, max=3000, currency="EUR", period="month", gross_net="gross"),
        "2,000–3,000 EUR per month gross",
    ),
    ("Pay 2000-3000 € monthly", dict(min=2000, max=3000, currency="EUR", period="month"), "2000-3000 € monthly"),
    ("We pay €12.50/h net", dict(min=12.5, max=12.5, currency="EUR", period="hour", gross_net="net"), "€12.50/h net"),
    ("Wage 1.800,50 € brutto", dict(min=1800.5, max=1800.5, currency="EUR", gross_net="gross"), "1.800,50 € brutto"),
    ("salary of 1,800.50 USD a month", dict(min=1800.5, currency="USD", period="month"), "1,800.50 USD a month"),
    (
        "between 1 800 and 2 200 zł netto",
        dict(min=1800, max=2200, currency="PLN", gross_net="net"),
        "1 800 and 2 200 zł netto",
    ),
    (
        "from 1800 to 2200 euros per month",
        dict(min=1800, max=2200, currency="EUR", period="month"),
        "1800 to 2200 euros per month",
    ),
    ("Salary 2k-3k USD monthly", dict(min=2000, max=3000, currency="USD", period="month"), "2k-3k USD monthly"),
    ("Salary 2-3k GBP per month", dict(min=2000, max=3000, currency="GBP", period="month"), "2-3k GBP per month"),
    ("Salary: 40k per year", dict(min=40000, max=40000, currency=None, period="year"), "40k per year"),
    ("Annual compensation of £40-65,000.", dict(min=40000, max=65000, currency="GBP", period="year"), "£40-65,000"),
    (
        "earn up to £3000 a month",
        dict(min=None, max=3000, currency="GBP", period="month", up_to=True),
        "up to £3000 a month",
    ),
    (
        "Salary to 3000 EUR max per month",
        dict(min=None, max=3000, up_to=True, period="month"),
        "3000 EUR max per month",
    ),
    (
        "at least 15 EUR per hour before tax",
        dict(min=15, max=None, period="hour", gross_net="gross"),
        "15 EUR per hour before tax",
    ),
    ("$1,500+ USD monthly", dict(min=1500, max=None, currency="USD", period="month"), "$1,500+ USD monthly"),
    ("Pay: $9.00 - $13.00 per hour", dict(min=9, max=13, currency="USD", period="hour"), "$9.00 - $13.00 per hour"),
    ("$92K to $145K/yr", dict(min=92000, max=145000, currency="USD", period="year"), "$92K to $145K/yr"),
    (
        "£35,000 – £45,000 per annum",
        dict(min=35000, max=45000, currency="GBP", period="year"),
        "£35,000 – £45,000 per annum",
    ),
    ("3000 lei pe luna", dict(min=3000, currency="RON"), "3000 lei"),
    ("Заплата 1500 лв на месец", dict(min=1500, currency="BGN"), "1500 лв"),
    ("зарплата 12 000 грн", dict(min=12000, currency="UAH"), "12 000 грн"),
    ("зарплата 90 000 ₽", dict(min=90000, currency="RUB"), "90 000 ₽"),
    ("25 000 Kč per month", dict(min=25000, currency="CZK", period="month"), "25 000 Kč per month"),
    ("CHF 4'500 per month", dict(min=4500, currency="CHF", period="month"), "CHF 4'500 per month"),
    ("EUR 350 per shift", dict(min=350, currency="EUR", period="day"), "EUR 350 per shift"),
    ("€600 weekly, after tax", dict(min=600, period="week", gross_net="net"), "€600 weekly, after tax"),
    ("Monthly salary: 2500 EUR", dict(min=2500, period="month"), "2500 EUR"),
    ("Hourly rate: $15", dict(min=15, currency="USD", period="hour"), "$15"),
    ("Salary 1800 net", dict(min=1800, currency=None, gross_net="net"), "1800 net"),
    ("Salary $45,000Position type: full time", dict(min=45000, currency="USD"), "$45,000"),
    ("Pay 15€/h", dict(min=15, currency="EUR", period="hour"), "15€/h"),
    ("£500pw", dict(min=500, currency="GBP", period="week"), "£500pw"),
    ("2000EUR monthly", dict(min=2000, currency="EUR", period="month"), "2000EUR monthly"),
    ("€ 1.500,- per month", dict(min=1500, currency="EUR", period="month"), "€ 1.500,- per month"),
    ("€1,5k per month", dict(min=1500, currency="EUR", period="month"), "€1,5k per month"),
    ("Pay $30k -- 50k per year", dict(min=30000, max=50000, currency="USD", period="year"), "$30k -- 50k per year"),
]


@pytest.mark.parametrize(("text", "expected", "span"), POSITIVE, ids=[p[0][:40] for p in POSITIVE])
def test_positive(text: str, expected: dict, span: str) -> None:
    w = one(text)
    for key, value in expected.items():
        assert getattr(w, key) == value, (key, getattr(w, key))
    assert w.text == span


NEGATIVE = [
    "Founded in 2024, we are growing fast.",
    "Salary review in 2025.",
    "Call +359 888 123 456 for salary details",
    "Call 0888 123 456 today to ask about pay",
    "Phone (555) 123-4567, good pay",
    "Work 40 hours per week, great pay",
    "Pay: shifts of 12 hours, 6 days a week",
    "We offer a 10% bonus on your salary",
    "Our office: Hauptstrasse 5, 10115 Berlin. Salary negotiable.",
    "Candidates aged 18-45 years, salary negotiable",
    "Age 25 to 40, good pay",
    "We need 3 people, good pay",
    "Salary paid on the 15th of each month",
    "Interviews from 9:00 to 17:00, pay negotiable",
    "Start date 12.05.2026, salary negotiable",
    "Must be able to lift up to 50 pounds",
    "We raised $30 million in venture capital",
    "401k plan with up to 3% match",
    "Registration fee only 150 EUR, to pay before departure",
    "Referral bonus of $2,000 for every hire",
    "We type 12,000 keystrokes per hour",
    "Interview at 3 pm, pay on arrival",
    "1) earn more income",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    assert wages(text) == []


def test_wage_among_distractors() -> None:
    text = "Farm work, 10 hours a day, age 18-45. Salary 1800 EUR net per month. Call +359 888 123 456."
    w = one(text)
    assert (w.min, w.currency, w.period, w.gross_net) == (1800, "EUR", "month", "net")


def test_two_wages_with_offsets() -> None:
    text = "Training: $10.00/hr. After training: $12/hour plus commission."
    found = wages(text)
    assert [(w.min, w.period) for w in found] == [(10, "hour"), (12, "hour")]
    assert [w.text for w in found] == ["$10.00/hr", "$12/hour"]


# --------------------------------------------------------------------------- EUR per month, by hand

EUR_MONTH = [
    ("€12.50 per hour", 12.5 * H_MONTH),  # 2166.67
    ("€100 per day", 100 * D_MONTH),  # 2166.67
    ("€500 per week", 500 * W_MONTH),  # 2166.67
    ("2000-3000 EUR per month", 2500),  # midpoint of the range
    ("up to 4000 EUR a month", 4000),  # the maximum of an "up to"
    ("from 1800 EUR per month", 1800),  # the lower bound
    ("€30,000 per year", 2500),
    ("£3000 a month", 3000 / GBP),  # 3544.51
    ("$40,000 per year", 40000 / 12 / USD),  # 3113.81
    ("500 zł a week", 500 * W_MONTH / PLN),  # 502.82
    ("2500 lei per month", 2500 / RON),  # 502.28
]


@pytest.mark.parametrize(("text", "expected"), EUR_MONTH)
def test_eur_per_month(text: str, expected: float) -> None:
    assert one("Salary " + text).eur_per_month == pytest.approx(expected, abs=0.01)


def test_unstated_period_is_guessed_from_size_but_not_reported() -> None:
    yearly = one("We offer $40,000 salary plus benefits")
    assert yearly.period is None
    assert yearly.eur_per_month == pytest.approx(40000 / 12 / USD, abs=0.01)
    hourly = one("Salary: €15")
    assert hourly.period is None and hourly.eur_per_month == pytest.approx(15 * H_MONTH, abs=0.01)
    monthly = one("Salary: €1500")
    assert monthly.eur_per_month == pytest.approx(1500, abs=0.01)
    unclear = one("Salary: €11,000")  # between the monthly and yearly thresholds: nothing assumed
    assert unclear.eur_per_month is None


def test_currency_without_fx_rate_has_no_eur() -> None:
    w = one("зарплата 12 000 грн per month")
    assert w.currency == "UAH" and w.eur_per_month is None and w.ratio_to_min_wage is None


# --------------------------------------------------------------------------- reference wages, by hand


@pytest.mark.parametrize(
    ("country", "as_of", "expected", "kind"),
    [
        ("DE", date(2026, 6, 1), 2343, "minimum_wage"),  # monthly row preferred over the hourly one of 2026-01
        ("DE", date(2025, 6, 1), 2161, "minimum_wage"),
        ("DE", date(2027, 6, 1), 14.60 * H_MONTH, "minimum_wage"),  # only an hourly figure for 2027
        ("GB", date(2026, 6, 1), 12.71 * H_MONTH / GBP, "minimum_wage"),  # 2602.93: GBP per hour -> EUR per month
        ("GB", date(2025, 6, 1), 12.21 * H_MONTH / GBP, "minimum_wage"),
        ("DK", date(2026, 6, 1), 4057, "median_earnings"),  # no statutory minimum: median earnings
        ("SE", date(2026, 6, 1), 3135, "median_earnings"),
        ("US", date(2026, 6, 1), 7.25 * H_MONTH / USD, "minimum_wage"),  # 1173.91
        ("GR", date(2026, 6, 1), 1027, "minimum_wage"),  # the CSV writes Greece as EL
        ("EL", date(2026, 6, 1), 1027, "minimum_wage"),
    ],
)
def test_reference_wage(country: str, as_of: date, expected: float, kind: str) -> None:
    ref = reference.reference_wage(country, as_of)
    assert ref is not None
    assert ref.eur_month == pytest.approx(expected, abs=0.01)
    assert ref.kind == kind
    assert ref.source


def test_reference_wage_unknown() -> None:
    assert reference.reference_wage("IT") is None  # neither a statutory minimum nor median in the table
    assert reference.reference_wage(None) is None


# --------------------------------------------------------------------------- ratios to the reference wage


def ratio_ok(w, country: str) -> None:
    ref = reference.reference_wage_eur_month(country)
    assert w.reference_country == country
    assert w.reference_wage_eur_month == pytest.approx(ref, abs=0.01)
    assert w.ratio_to_min_wage == pytest.approx(w.eur_per_month / ref, abs=1e-3)


def test_ratio_de_monthly() -> None:
    w = one("Salary 4700 EUR per month", country="DE")
    assert w.eur_per_month == 4700
    ratio_ok(w, "DE")
    assert w.ratio_to_min_wage > 1.5


def test_ratio_de_hourly() -> None:
    w = one("Pay: €15 per hour", country="DE")
    assert w.eur_per_month == pytest.approx(15 * H_MONTH, abs=0.01)
    ratio_ok(w, "DE")


def test_ratio_gb_in_gbp_without_destination() -> None:
    w = one("Pay: £12.60 per hour")  # GBP implies GB
    assert w.eur_per_month == pytest.approx(12.60 * H_MONTH / GBP, abs=0.01)
    ratio_ok(w, "GB")


def test_ratio_dk_median_fallback() -> None:
    w = one("Løn: 25000 kr per month", country="DK")  # "kr" is DKK in Denmark
    assert w.currency == "DKK"
    assert w.eur_per_month == pytest.approx(25000 / DKK, abs=0.01)
    ratio_ok(w, "DK")
    assert reference.reference_wage("DK").kind == "median_earnings"


def test_ratio_us() -> None:
    w = one("Compensation: $20/hr")  # "$" reads as USD without a destination; USD implies US
    assert w.currency == "USD"
    ratio_ok(w, "US")


def test_euro_alone_gives_no_country() -> None:
    w = one("Salary 2500 EUR per month")
    assert w.eur_per_month == 2500
    assert (w.ratio_to_min_wage, w.reference_country) == (None, None)


def test_unstated_currency_uses_destination_currency() -> None:
    w = one("Salary 2000 net per month", country="PL")
    assert w.currency is None
    assert w.eur_per_month == pytest.approx(2000 / PLN, abs=0.01)
    ratio_ok(w, "PL")


def test_ambiguous_symbols_follow_destination() -> None:
    assert one("Pay: $25 per hour", country="CA").currency == "CAD"
    assert one("Salary 500 kr per day", country="SE").currency == "SEK"
    assert one("Salary 500 kr per day").currency is None  # no destination: unknown krone/krona


# --------------------------------------------------------------------------- data files and languages


def test_fx_table_is_dated_and_consistent() -> None:
    lines = data_path("reference", "fx_rates.csv").read_text("utf-8").splitlines()
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert {r["date"] for r in rows} == {"2024-06-28"}
    for r in rows:
        assert float(r["eur_per_unit"]) == pytest.approx(1 / float(r["units_per_eur"]), rel=1e-6)
        assert r["source"]


def test_month_factors() -> None:
    f = reference.month_factors()
    assert f["hour"] == pytest.approx(173.33, abs=0.01)
    assert f["day"] == pytest.approx(21.67, abs=0.01)
    assert f["week"] == pytest.approx(4.33, abs=0.01)
    assert f["year"] == pytest.approx(1 / 12)


def test_language_without_word_list_reads_only_currency_amounts() -> None:
    found = wages("Loon 2500 EUR, werktijd 40 uur, salaris 1800", lang="nl")
    assert [(w.min, w.currency) for w in found] == [(2500, "EUR")]


# --------------------------------------------------------------------------- shared data


@pytest.mark.slow
def test_emscad_sample_never_raises(emscad_csv) -> None:
    nlp = get_nlp("en")
    found = 0
    with emscad_csv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = "\n".join(
                row.get(c) or "" for c in ("title", "company_profile", "description", "requirements", "benefits")
            )
            doc = nlp.make_doc(text)
            for w in extract(doc, Context(language="en", destination_country="US")):
                assert doc.text[w.start : w.end] == w.text
                assert w.min is not None or w.max is not None
                found += 1
    assert found > 50  # the sample states pay in a few hundred places
