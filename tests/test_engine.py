"""End-to-end: the example ads, the JSON contract and bad input through `validator.assess`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator import assess
from validator.assessment import BANDS, FAMILIES, SCHEMA_VERSION
from validator.errors import EmptyInputError, InputTooLargeError, UsageError
from validator.settings import Settings

ADS = Path(__file__).parent / "fixtures" / "ads"


def ad(name: str) -> str:
    return (ADS / name).read_text("utf-8")


@pytest.mark.parametrize("name", ["risky_farm_en.txt", "risky_hostess_en.txt", "fraud_work_from_home_en.txt"])
def test_risky_ads_are_high(name: str) -> None:
    a = assess(ad(name))
    assert a.risk.band == "high"
    assert len(a.families) >= 4


@pytest.mark.parametrize("name", ["ordinary_warehouse_en.txt", "ordinary_nurse_en.txt"])
def test_ordinary_ads_are_low(name: str) -> None:
    a = assess(ad(name))
    assert a.risk.band == "low"


def test_risky_farm_explained() -> None:
    a = assess(ad("risky_farm_en.txt"))
    found = {hit.id for hit in a.indicators}
    assert {
        "ilo.recruitment_fee",
        "ilo.passport_request",
        "volodko.shared_accommodation",
        "volodko.transport_to_work",
        "volodko.no_experience",
        "volodko.no_language",
        "pressure.no_interview",
        "targeting.age",
        "dinicola.no_destination",
        "dinicola.messenger_only",
    } <= found
    phones = a.facts.contacts.phones
    assert phones and phones[0].e164 == "+359888123456"
    assert "whatsapp" in a.facts.contacts.messengers
    wage = a.facts.wages[0]
    assert (wage.max, wage.currency, wage.period, wage.up_to) == (3000, "EUR", "month", True)


def test_json_contract() -> None:
    data = json.loads(json.dumps(assess(ad("risky_farm_en.txt")).to_dict()))
    assert data["schema_version"] == SCHEMA_VERSION
    assert set(data) >= {"schema_version", "language", "risk", "indicators", "facts", "warnings", "text"}
    assert set(data["risk"]) >= {"score", "band", "model", "calibrated"}
    assert 0.0 <= data["risk"]["score"] <= 1.0 and data["risk"]["band"] in BANDS
    assert set(data["facts"]) >= {"wages", "locations", "employer", "contacts", "job"}
    assert set(data["facts"]["contacts"]) >= {"phones", "emails", "messengers", "urls"}
    for hit in data["indicators"]:
        assert set(hit) >= {"id", "family", "title", "explanation", "advice", "sources", "evidence", "contribution"}
        assert hit["family"] in FAMILIES
        for ev in hit["evidence"]:
            assert data["text"][ev["start"] : ev["end"]] == ev["text"]


def test_one_indicator_is_never_high() -> None:
    a = assess("Registration fee 200 EUR. Warehouse work at Acme Ltd, 1 Main Street, Leeds LS1 1AA. "
               "Your duties: packing. 40 hours per week. Call +44 113 496 0000 or jobs@acme.co.uk, www.acme.co.uk")
    assert a.risk.band != "high"


def test_contributions_add_up() -> None:
    a = assess(ad("risky_hostess_en.txt"))
    total = a.risk.base_logit + sum(c["value"] for c in a.risk.contributions)
    assert total == pytest.approx(a.risk.logit, abs=1e-3)


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_refused(text: str) -> None:
    with pytest.raises(EmptyInputError):
        assess(text)


def test_too_large_refused() -> None:
    with pytest.raises(InputTooLargeError):
        assess("x" * 2_000, settings=Settings(max_text_bytes=1_000))


def test_exactly_one_source() -> None:
    with pytest.raises(UsageError):
        assess("text", url="https://example.org/")
    with pytest.raises(UsageError):
        assess()


def test_language_override_without_pack_warns() -> None:
    a = assess("Práce v Německu, 3000 EUR měsíčně, tel. +420 601 123 456", language="cs")
    assert a.language == "cs"
    assert any("language pack" in w for w in a.warnings)
