"""Wages written as real job boards write them, per pack language, with look-alikes that are not pay.

The snippets are written for these tests (the forms follow those seen on hh.ru, work.ua, France Travail,
InfoJobs, pracuj.pl and EURES ads); no text is copied from any ad.
"""

from __future__ import annotations

import pytest

from validator.facts.context import Context
from validator.facts.wages import extract_text

# lang, text, (min, max, currency, period, gross_net); None = not checked
POSITIVE = [
    ("ru", "Зарплата от 80 000 до 120 000 руб. в месяц", (80000, 120000, "RUB", "month", None)),
    ("ru", "Доход до 150 000 ₽ на руки", (None, 150000, "RUB", None, "net")),
    ("ru", "Зарплата 120 тыс. руб.", (120000, 120000, "RUB", None, None)),
    ("ru", "Зарплата: 100-150 тыс. рублей", (100000, 150000, "RUB", None, None)),
    ("ru", "заработная плата от 170 000 до 900 000 тг. в месяц", (170000, 900000, "KZT", "month", None)),
    ("ru", "Зарплата от 1500 BYN", (1500, None, "BYN", None, None)),
    ("ru", "Ставка 500 руб/час", (500, 500, "RUB", "hour", None)),
    ("ru", "оклад 45 000 + премии по итогам месяца", (45000, 45000, None, None, None)),
    ("uk", "з/п 25 000–30 000 грн", (25000, 30000, "UAH", None, None)),
    ("uk", "Зарплата 20 тис. грн", (20000, 20000, "UAH", None, None)),
    ("uk", "Рівень заробітної плати від 35000 .", (35000, None, None, None, None)),
    ("uk", "Заробітна плата: мінімум — 8100 грн", (8100, None, "UAH", None, None)),
    # "max" after a comma opens a clause of its own; right after the amount it bounds it
    ("uk", "Заробітна плата: мінімум — 8100 грн, максимум — без обмежень", (8100, None, "UAH", None, None)),
    ("uk", "Заробітна плата: 8100 грн максимум", (None, 8100, "UAH", None, None)),
    ("ru", "Оклад от 30 000 руб., максимум не ограничен", (30000, None, "RUB", None, None)),
    ("en", "Salary: minimum 1800 EUR per month, maximum unlimited", (1800, None, "EUR", "month", None)),
    ("en", "Salary: 1800 EUR max per month", (None, 1800, "EUR", "month", None)),
    ("en", "Pay: 2000 EUR or more", (2000, None, "EUR", None, None)),
    ("fr", "Salaire : 1801,80 € brut mensuel sur 12 mois", (1801.8, 1801.8, "EUR", "month", "gross")),
    ("fr", "Salaire : 12,50 € de l'heure", (12.5, 12.5, "EUR", "hour", None)),
    ("fr", "Taux horaire : 11,88 à 13,50 selon profil", (11.88, 13.5, None, "hour", None)),
    ("fr", "Rémunération : 11.98  bruts / heure  tickets restaurant", (11.98, 11.98, None, "hour", "gross")),
    ("fr", "Rémunération : 35 k€ à 40 k€ brut annuel", (35000, 40000, "EUR", "year", "gross")),
    ("fr", "Salaire : 14,20 €/heure + primes", (14.2, 14.2, "EUR", "hour", None)),
    ("es", "Salario: 35K-40K €/año", (35000, 40000, "EUR", "year", None)),
    ("es", "Salario: 36.000€ - 39.000€ Bruto/año", (36000, 39000, "EUR", "year", "gross")),
    ("es", "Banda salarial 33-42K brutos anuales", (33000, 42000, None, "year", "gross")),
    ("es", "Sueldo de 30 mil euros al año", (30000, 30000, "EUR", "year", None)),
    ("pl", "Wynagrodzenie: 45 000 - 55 000 PLN brutto rocznie", (45000, 55000, "PLN", "year", "gross")),
    ("pl", "8 000 - 10 000 zł brutto miesięcznie", (8000, 10000, "PLN", "month", "gross")),
    ("pl", "Wynagrodzenie: 12-15 tys. zł netto", (12000, 15000, "PLN", None, "net")),
    ("de", "Stundenlohn 14,50 €", (14.5, 14.5, "EUR", "hour", None)),
    ("de", "Jahresgehalt 55.000 - 65.000 EUR", (55000, 65000, "EUR", "year", None)),
    ("de", "Vergütung: 60-70 T€ p.a.", (60000, 70000, "EUR", "year", None)),
    ("ro", "Salariu: 3.500 lei net", (3500, 3500, "RON", None, "net")),
    ("ro", "Salariu: 5 mii lei brut", (5000, 5000, "RON", None, "gross")),
    ("ro", "Salariu: 3000 de lei net", (3000, 3000, "RON", None, "net")),
    ("ro", "Salariu: 5 mii de lei brut", (5000, 5000, "RON", None, "gross")),
    ("bg", "Заплата 1200 BGN", (1200, 1200, "BGN", None, None)),
    ("bg", "Възнаграждение: 3 000 - 4 000 лева нето", (3000, 4000, "BGN", None, "net")),
    ("bg", "Заплата 3 хил. лв. бруто", (3000, 3000, "BGN", None, "gross")),
    ("it", "RAL 35-40 k€", (35000, 40000, "EUR", "year", "gross")),
    ("it", "Stipendio di 30 mila euro annui", (30000, 30000, "EUR", "year", None)),
    ("lt", "Atlyginimas: 2,5 tūkst. EUR per mėnesį", (2500, 2500, "EUR", "month", None)),
    ("lv", "Alga: 1200–1500 EUR bruto mēnesī", (1200, 1500, "EUR", "month", "gross")),
    ("lt", "Atlyginimas: nuo 1200 iki 1500 EUR/mėn. (bruto)", (1200, 1500, "EUR", "month", "gross")),
    ("lt", "Mėnesinis atlyginimas (bruto): 1800 €", (1800, 1800, "EUR", "month", "gross")),
    ("it", "Retribuzione: 1.500-1.800 € netti mensili", (1500, 1800, "EUR", "month", "net")),
    ("uk", "Оплата 600 грн/зміна", (600, 600, "UAH", "day", None)),
    ("es", "Retribución: 24.000 - 28.000 € b/a", (24000, 28000, "EUR", "year", None)),
    ("ru", "з/п от 45 т.р.", (45000, None, None, None, None)),
    ("ru", "Опытный мастер зарабатывает 32000 — 35000 в месяц", (32000, 35000, None, "month", None)),
    ("uk", "Наш менеджер заробляє 25000", (25000, 25000, None, None, None)),
    ("es", "Banda salarial: 30.000 - 34.000", (30000, 34000, None, None, None)),
    ("ro", "Salariu: 10 000 - 15 000 lei lunar", (10000, 15000, "RON", "month", None)),
    ("fr", "Salaire : Mensuel de 1801.8 Euros à 1968.3 Euros sur 12 mois", (1801.8, 1968.3, "EUR", "month", None)),
    ("pl", "Wynagrodzenie: 6 000 - 8 000 zł / mies. brutto", (6000, 8000, "PLN", "month", "gross")),
    ("en", "Salary: 25 000–30 000 EUR", (25000, 30000, "EUR", None, None)),
    ("en", "Salary: 45 thousand USD a year", (45000, 45000, "USD", "year", None)),
    ("en", "Pay Rate: $32.2778 to $38.5556 per hour", (32.2778, 38.5556, "USD", "hour", None)),
    ("pl", "Wynagrodzenie 5500zł/m-c, pakiet medyczny za 1 zł", (5500, 5500, "PLN", "month", None)),
]

# lang, text: no wage at all
NEGATIVE = [
    ("ru", "бонусы от 50 до 150 $ за одну продажу"),
    ("ru", "Компания основана в 2004 году, у нас 10 тыс. сотрудников"),
    ("ru", "График 5/2, звоните +7 912 345-67-89"),
    ("uk", "Компенсація харчування 150 грн, знижки 20%"),
    ("fr", "Tickets restaurant d'une valeur faciale de 11,00 euros"),
    ("fr", "Panier repas 7.50 EUR par jour travaillé"),
    ("fr", "Chèque culture d'un montant de 240€"),
    ("fr", "clients âgés de 3 mois à 12 ans. Horaires 7h45 à 12h"),
    ("es", "Tarjeta Regalo de 50€ en tu cumpleaños"),
    ("es", "ayuda para la comida de 9EUR por cada día que trabajes"),
    ("es", "Salario acorde experiencia entre: *texto oculto*0 € b/a"),
    ("es", "Somos 10 mil empleados en 20 países"),
    ("pl", "Karta sportowa i dofinansowanie 300 zł"),
    ("de", "Wir sind 10 000 Mitarbeiter stark, gegründet 2024, Service 24/7"),
    ("de", "Essenszuschuss von 6 € pro Arbeitstag"),
    ("ro", "Tichete de masă de 40 lei pe zi"),
    ("ro", "Avem 20 de ani de experiență și 300 de angajați"),
    ("bg", "Ваучери за храна 200 лв."),
    ("it", "Buoni pasto da 8 euro"),
    ("lt", "Maitinimas kompensuojamas, nuolaida 50 EUR"),
    ("lv", "Ēdināšana un atlaide 20 EUR"),
    ("en", "We have 10 000 employees and work 24/7 in 3x8 shifts; 50% discount"),
    ("en", "Meal vouchers worth 9 EUR per working day"),
    ("ru", "Зарплата выплачивается 10.05.2025, период 01.09.2025-30.09.2025"),
    ("pl", "Termin: 12-05-2025, wynagrodzenie do uzgodnienia"),
    ("ru", "Зарабатывает компания 5000 заказов в день"),
]


def _wages(lang: str, text: str, country: str | None = None):
    found = extract_text(text, Context(language=lang, destination_country=country))
    for w in found:
        assert text[w.start : w.end] == w.text
    return found


@pytest.mark.parametrize(("lang", "text", "expected"), POSITIVE, ids=[f"{c[0]}:{c[1][:40]}" for c in POSITIVE])
def test_real_form(lang: str, text: str, expected: tuple) -> None:
    found = _wages(lang, text)
    assert len(found) == 1, [w.text for w in found]
    w = found[0]
    lo, hi, currency, period, gross_net = expected
    assert (w.min, w.max) == (
        pytest.approx(lo) if lo is not None else None,
        pytest.approx(hi) if hi is not None else None,
    )
    assert w.currency == currency
    if period is not None:
        assert w.period == period
    if gross_net is not None:
        assert w.gross_net == gross_net


@pytest.mark.parametrize(("lang", "text"), NEGATIVE, ids=[f"{c[0]}:{c[1][:40]}" for c in NEGATIVE])
def test_not_a_wage(lang: str, text: str) -> None:
    assert _wages(lang, text) == []


@pytest.mark.parametrize(("country", "currency"), [(None, "RON"), ("RO", "RON"), ("MD", "MDL")])
@pytest.mark.parametrize("lang", ["ro", "en"])
def test_lei_is_moldovan_in_moldova(lang: str, country: str | None, currency: str) -> None:
    (w,) = _wages(lang, "Salariu: 9.000 lei net" if lang == "ro" else "Salary: 9,000 lei net", country)
    assert w.currency == currency


@pytest.mark.parametrize(
    "text",
    ["Wynagrodzenie: 45 000 - 55 000 PLN", "Salary 1 000 000 - 2 000 000 UZS", "Зарплата 100 000 - 120 000 ₽"],
)
def test_thousands_groups_are_not_phone_numbers(text: str) -> None:
    lang = "pl" if "PLN" in text else "ru" if "₽" in text else "en"
    (w,) = _wages(lang, text)
    assert w.min is not None and w.max is not None and w.min >= 45000


def test_phone_numbers_still_masked() -> None:
    assert _wages("en", "Salary info: call 0888 123 456 or 00359 888 123 456") == []


@pytest.mark.parametrize(
    ("lang", "text", "reference"),
    [
        ("en", "Salary: 2000$ a month", "US"),
        ("ru", "Зарплата 2000$ в месяц", None),
        ("uk", "Зарплата 2000$ на місяць", None),
    ],
)
def test_dollars_point_to_the_us_only_in_english_ads(lang: str, text: str, reference: str | None) -> None:
    (w,) = _wages(lang, text)
    assert w.currency == "USD"
    assert w.reference_country == reference
