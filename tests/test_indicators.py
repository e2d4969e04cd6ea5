"""The indicator catalogue: its coverage of the published red flags, and each indicator on an ad that
shows it and on one that does not."""

from __future__ import annotations

import pytest

from validator import assess
from validator.assessment import FAMILIES
from validator.indicators import catalogue

ORDINARY = (
    "Warehouse Operative\n\nNorthway Logistics Ltd, 12 Canal Road, Leeds LS12 2AB, United Kingdom.\n"
    "Your duties: picking and packing orders in our warehouse. Hours: 40 hours per week, Monday to Friday.\n"
    "Pay: £12.60 per hour. Apply at www.northwaylogistics.co.uk or recruitment@northwaylogistics.co.uk."
)

# indicator id -> (an ad that shows it, an ad that does not)
CASES: dict[str, tuple[str, str]] = {
    "finetune.high_pay_unskilled": (
        "Farm work in Germany, no experience needed. Salary 6000 EUR per month.",
        "Farm work in Germany, no experience needed. Salary 2400 EUR per month.",
    ),
    "dinicola.exaggerated_promise": ("Easy work, big money guaranteed!", ORDINARY),
    "pay.up_to": ("Cleaners in Denmark, pay up to 4000 EUR per month.", ORDINARY),
    "finetune.vague_job": ("Job in Germany. Good pay. Call 0049 151 23456789.", ORDINARY),
    "finetune.no_hours": (
        "Cleaner wanted in Leeds. Pay £12 per hour. Your duties: cleaning offices.",
        ORDINARY,
    ),
    "dinicola.no_destination": ("Well-paid jobs abroad, departure soon.", ORDINARY),
    "dinicola.too_general": ("Work abroad. Call now.", ORDINARY),
    "finetune.no_employer_address": ("Acme Ltd hires pickers, call +44 7700 900123.", ORDINARY),
    "dinicola.no_employer_name": ("We hire pickers for a farm, call +44 7700 900123.", ORDINARY),
    "finetune.phone_or_free_email_only": ("Pickers wanted. Write to farmjobs2024@gmail.com.", ORDINARY),
    "dinicola.messenger_only": ("Pickers wanted, contact only on WhatsApp.", ORDINARY),
    "contact.free_email": (
        "Pickers wanted. Write to farmjobs2024@gmail.com or visit www.acme-farms.com.",
        ORDINARY,
    ),
    "contact.premium_rate_number": ("Call our hotline 0906 123 4567 to apply for jobs in London.", ORDINARY),
    "ilo.recruitment_fee": (
        "A registration fee of 100 EUR is paid before departure.",
        "We never charge a fee.",
    ),
    "ilo.travel_loan": ("Your flight is a loan repaid from your salary.", ORDINARY),
    "volodko.wage_deductions": ("Rent is deducted from your wages.", "Nothing is deducted from your wages."),
    "volodko.free_accommodation": ("Free accommodation near the farm.", ORDINARY),
    "volodko.shared_accommodation": ("You share a room with other workers.", ORDINARY),
    "ilo.employer_housing": ("Accommodation provided by the employer.", "Accommodation is not provided."),
    "volodko.transport_to_work": ("Transport to work provided.", ORDINARY),
    "volodko.travel_arranged": ("We organise travel to Norway, bus tickets paid.", ORDINARY),
    "volodko.settling_in_help": ("We take care of everything on arrival.", ORDINARY),
    "volodko.no_experience": ("No experience required.", ORDINARY),
    "volodko.no_language": ("No English needed.", ORDINARY),
    "low_requirements.no_qualifications": ("No CV needed, just come.", ORDINARY),
    "pressure.urgency": ("Urgent! Departure next week, limited places.", ORDINARY),
    "pressure.no_interview": ("Hired without interview.", ORDINARY),
    "personal.sensitive_data_request": ("Send your bank account details and date of birth.", ORDINARY),
    "ilo.passport_request": ("Send a copy of your passport.", "We do not ask for a copy of your passport."),
    "visa.misleading_claim": ("A tourist visa is enough, no work permit needed.", ORDINARY),
    "ilo.document_retention": (
        "Your passport will be kept by the employer until the end of the contract.",
        "Bring your passport to the interview.",
    ),
    "targeting.age": ("Candidates aged 18-25 only.", ORDINARY),
    "targeting.gender": ("Girls wanted for hotel work.", ORDINARY),
    "targeting.hostess_work": (
        "Night club abroad seeks young girls aged 18-25 as hostesses, tickets paid.",
        "Hostesses aged 18-25 for the reception desk of our hotel in Leeds.",
    ),
    "ilo.excessive_hours": ("You work 12 hours a day, 7 days a week.", ORDINARY),
    "conditions.work_from_home_money": ("Work from home, data entry.", ORDINARY),
    "dinicola.poor_writing": (
        "BIG MONEY FOR EVERYONE WHO WANTS TO WORK HARD!!! CALL NOW!!! NO WAITING!!!",
        ORDINARY,
    ),
}


def ids(text: str) -> set[str]:
    return {hit.id for hit in assess(text, language="en").indicators}


def test_catalogue_is_complete_and_valid() -> None:
    cat = catalogue()
    assert len(cat) >= 25
    assert len({ind.id for ind in cat}) == len(cat)
    for ind in cat:
        assert ind.family in FAMILIES
        assert ind.title and ind.explanation and ind.advice and ind.sources
        assert 0 < ind.weight <= 2.0
    sources = " ".join(s for ind in cat for s in ind.sources)
    for source in ("Fine Tune Project 2011", "Volodko et al. 2019", "Di Nicola et al. 2017", "ILO"):
        assert source in sources


def test_published_red_flags_are_covered() -> None:
    have = {ind.id for ind in catalogue()}
    fine_tune = {
        "finetune.high_pay_unskilled",
        "finetune.vague_job",
        "finetune.no_employer_address",
        "finetune.phone_or_free_email_only",
    }
    volodko = {
        "volodko.wage_deductions",
        "volodko.transport_to_work",
        "volodko.shared_accommodation",
        "volodko.settling_in_help",
        "volodko.travel_arranged",
        "volodko.no_experience",
        "volodko.free_accommodation",
        "volodko.no_language",
    }
    di_nicola = {
        "dinicola.poor_writing",
        "dinicola.exaggerated_promise",
        "dinicola.too_general",
        "dinicola.no_destination",
        "dinicola.no_employer_name",
        "dinicola.messenger_only",
    }
    ilo = {
        "ilo.recruitment_fee",
        "ilo.travel_loan",
        "volodko.wage_deductions",
        "ilo.passport_request",
        "ilo.excessive_hours",
        "ilo.employer_housing",
    }
    assert fine_tune | volodko | di_nicola | ilo <= have


def test_every_indicator_has_a_case() -> None:
    assert set(CASES) == {ind.id for ind in catalogue()}


def test_absence_indicators_say_what_was_looked_for() -> None:
    hits = assess("Work abroad. Call now.", language="en").indicators
    absent = [hit for hit in hits if not hit.evidence]
    assert absent
    for hit in absent:
        assert hit.looked_for, hit.id


@pytest.mark.parametrize("indicator_id", sorted(CASES))
def test_indicator_fires_on_positive(indicator_id: str) -> None:
    positive, _ = CASES[indicator_id]
    assert indicator_id in ids(positive)


@pytest.mark.parametrize("indicator_id", sorted(CASES))
def test_indicator_silent_on_negative(indicator_id: str) -> None:
    _, negative = CASES[indicator_id]
    assert indicator_id not in ids(negative)


def test_evidence_quotes_the_text() -> None:
    a = assess(CASES["ilo.recruitment_fee"][0] + " " + CASES["ilo.passport_request"][0], language="en")
    for hit in a.indicators:
        for ev in hit.evidence:
            assert a.text[ev.start : ev.end] == ev.text
