"""Cue patterns (data/lang/en/cues.jsonl) and negation: each cue fires where the ad states it, and
not where the ad denies it."""

from __future__ import annotations

import pytest

from validator.nlp import get_nlp
from validator.resources import load_jsonl


def _labels(text: str, key: str) -> set[str]:
    doc = get_nlp("en")(text)
    return {span.label_ for span in doc.spans[key]}


def labels(text: str) -> set[str]:
    return _labels(text, "cues")


def negated(text: str) -> set[str]:
    return _labels(text, "negated_cues")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("No experience required, we train you.", "EXPERIENCE_WAIVED"),
        ("Experience is not necessary for this role.", "EXPERIENCE_WAIVED"),
        ("At least 3 years of experience in logistics.", "EXPERIENCE_REQUIRED"),
        ("No English needed on the farm.", "LANGUAGE_WAIVED"),
        ("Fluent English is a must.", "LANGUAGE_REQUIRED"),
        ("No CV needed, just call us.", "EDUCATION_WAIVED"),
        ("Free accommodation near the site.", "FREE_ACCOMMODATION"),
        ("You will live in shared rooms with 4 people per room.", "SHARED_ACCOMMODATION"),
        ("Accommodation is provided by the employer.", "EMPLOYER_HOUSING"),
        ("Transport to work provided every morning.", "TRANSPORT_TO_WORK"),
        ("We pay your ticket to Germany.", "TRAVEL_ARRANGED"),
        ("We take care of everything on arrival.", "SETTLING_HELP"),
        ("Meals provided three times a day.", "MEALS_PROVIDED"),
        ("A registration fee of 100 EUR is due.", "FEE"),
        ("Pay a deposit of 200 EUR to book your place.", "FEE"),
        ("Travel costs will be repaid from your salary.", "LOAN"),
        ("Rent is deducted from your wages each week.", "DEDUCTION"),
        ("Immediate start, apply now!", "URGENCY"),
        ("Hired without interview.", "NO_INTERVIEW"),
        ("Write to us on WhatsApp.", "MESSENGER"),
        ("Contact only via Telegram.", "CONTACT_ONLY"),
        ("Send a copy of your passport with the application.", "PASSPORT_REQUEST"),
        ("Send your bank account details for payroll.", "PERSONAL_DATA_REQUEST"),
        ("A tourist visa is enough to start.", "VISA_CLAIM"),
        ("Candidates aged 18-30 only.", "AGE_TARGETING"),
        ("Candidates aged 18 to 30 only.", "AGE_TARGETING"),
        ("Young girls wanted for hotel work.", "GENDER_TARGETING"),
        ("Unlimited earnings for motivated people!", "PAY_PROMISE"),
        ("Easy work, no stress.", "EASY_WORK"),
        ("Work from home on your own schedule.", "WORK_FROM_HOME"),
        ("You will work 12 hours a day.", "EXCESSIVE_HOURS"),
        ("Shifts are 7 days a week in the season.", "EXCESSIVE_HOURS"),
        ("Working hours: 40 hours per week.", "HOURS"),
        ("Your duties include cleaning rooms.", "DUTIES"),
        ("The job is in a meat processing plant.", "WORKPLACE"),
        ("Seasonal work from May to September.", "CONTRACT"),
        ("Great jobs abroad for everyone.", "VAGUE_DESTINATION"),
    ],
)
def test_cue_fires(text: str, label: str) -> None:
    assert label in labels(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("We never charge a fee to candidates.", "FEE"),
        ("No fees, no deposits.", "FEE"),
        ("We do not ask for a copy of your passport.", "PASSPORT_REQUEST"),
        ("Accommodation is not provided.", "EMPLOYER_HOUSING"),
        ("There is no deduction from salary for transport.", "DEDUCTION"),
        ("Nothing is deducted from your wages.", "DEDUCTION"),
    ],
)
def test_negated_or_absent(text: str, label: str) -> None:
    assert label not in labels(text)


def test_negation_is_reported() -> None:
    assert "FEE" in negated("We do not charge any fee.")


def test_waiver_does_not_negate_next_cue() -> None:
    """The "no" of "no experience needed" belongs to that cue, not to the accommodation offer."""
    found = labels("No experience needed free accommodation")
    assert {"EXPERIENCE_WAIVED", "FREE_ACCOMMODATION"} <= found


def test_negation_stops_at_clause_break() -> None:
    assert "FEE" in labels("No experience needed. Registration fee 50 EUR.")
    assert "FEE" in labels("No experience needed, but a registration fee applies.")


def test_experience_required_negated_by_waiver_phrase() -> None:
    assert "EXPERIENCE_REQUIRED" not in labels("Experience not required.")


@pytest.mark.parametrize(
    "text",
    [
        "Direct deposit of your salary every two weeks.",
        "Our coffee shop needs a barista.",
    ],
)
def test_fee_false_friends(text: str) -> None:
    assert "FEE" not in labels(text)


def test_patterns_are_valid_and_labels_documented() -> None:
    from validator.resources import data_path

    documented = data_path("lang", "CUES.md").read_text("utf-8")
    rows = load_jsonl("lang", "en", "cues.jsonl")
    assert len(rows) > 500
    for row in rows:
        assert set(row) <= {"label", "pattern", "regex", "id"} and ("pattern" in row) != ("regex" in row)
        assert f"| {row['label']}" in documented or f"/ {row['label']}" in documented, row["label"]
    token_patterns = [row for row in rows if isinstance(row.get("pattern"), list)]
    assert len(token_patterns) < 20, "token patterns are slow: keep them few (DESIGN.md §7)"
