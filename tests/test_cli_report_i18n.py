"""The terminal report of `validator check` in the twelve interface languages: by default in the ad's
language, `--ui-language` to choose another; every label is a `report_*` key of the notices catalogues,
numbers, countries and languages come from Babel, indicator wording from indicators.<lang>.toml."""

from __future__ import annotations

import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from phonenumbers import PhoneNumberType

from validator.cli import main
from validator.indicators import catalogue as indicator_catalogue
from validator.indicators.i18n import FIELDS, ui_languages, wording
from validator.notices import REPORT_PREFIX, _templates
from validator.report import number

ADS = Path(__file__).parent / "fixtures" / "ads"
LANGS = ui_languages()
OTHERS = tuple(lang for lang in LANGS if lang != "en")
# the report's own wording: its labels, and the band and reason lines
REPORT_PREFIXES = (REPORT_PREFIX, "band_", "reason_")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _report_keys(lang: str) -> dict[str, str]:
    return {k: v for k, v in _templates(lang).items() if k.startswith(REPORT_PREFIX)}


def _risky_ad(lang: str) -> Path:
    return ADS / ("risky_farm_en.txt" if lang == "en" else f"risky_{lang}.txt")


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["check", "--no-color", *args]) == 0
    return capsys.readouterr().out


def _english_fragments(lang: str) -> list[str]:
    """The English labels (each template's text between placeholders) that `lang` words otherwise."""
    english, other = _templates("en"), _templates(lang)
    # a word the language itself uses ("web" in "site web") is no English left
    own = " ".join([*other.values(), *(v for fields in wording(lang).values() for v in fields.values())])
    found = []
    for key, template in english.items():
        if not key.startswith(REPORT_PREFIXES) or other.get(key) == template:
            continue
        for piece in re.split(r"\{\w+\}", template):
            piece = piece.strip()
            if re.search(r"[^\W\d_]{2}", piece) and not re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", own):
                found.append(piece)
    for ind in indicator_catalogue():
        described, translated = ind.describe(), wording(lang).get(ind.id, {})
        found += [described[f] for f in FIELDS if described.get(f) and translated.get(f, described[f]) != described[f]]
    return found


def _english_left(report: str, lang: str) -> list[str]:
    # quotes stay in the ad's language (and carry its words); the rest must be in `lang`
    text = " ".join(" ".join(line.split()) for line in report.splitlines() if "»" not in line)
    return [f for f in _english_fragments(lang) if re.search(rf"(?<!\w){re.escape(' '.join(f.split()))}(?!\w)", text)]


def test_every_language_has_a_catalogue_and_a_risky_ad() -> None:
    assert len(LANGS) == 12 and "en" in LANGS
    assert all(_risky_ad(lang).exists() for lang in LANGS)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_report_key_is_in_every_catalogue_with_the_same_placeholders(lang: str) -> None:
    english, other = _report_keys("en"), _report_keys(lang)
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "not in English"
    assert {k: _fields(v) for k, v in other.items()} == {k: _fields(v) for k, v in english.items()}
    assert all(v.strip() for v in other.values())
    long_copies = [k for k, v in english.items() if len(v.split()) >= 4 and other[k] == v]
    assert long_copies == [], "left in English"


def test_every_value_the_report_words_has_a_key() -> None:
    """Families, severities, periods, phone types and kinds of place: each has its `report_*` label."""
    keys = set(_report_keys("en"))
    wanted = {f"report_family_{ind.family}" for ind in indicator_catalogue()}
    wanted |= {f"report_severity_{ind.severity}" for ind in indicator_catalogue()}
    wanted |= {f"report_period_{p}" for p in ("hour", "day", "week", "month", "year")}
    wanted |= {f"report_phone_type_{n.lower()}" for n in [*dir(PhoneNumberType), "MASKED"] if n.isupper()}
    wanted |= {f"report_kind_{k}" for k in ("city", "region", "country", "vague")}
    wanted |= {f"report_band_{b}" for b in ("low", "medium", "high")}
    assert sorted(wanted - keys) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_of_a_risky_ad_speaks_its_language(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    report = _report(capsys, "--file", str(_risky_ad(lang)))
    labels = _templates(lang)
    assert report.startswith(labels["report_risk"].split("{")[0])
    assert labels["report_facts_heading"] in report and labels["report_advice_fee"] in report
    assert "»" in report  # quoted evidence, as written
    if lang != "en":
        assert _english_left(report, lang) == []
        titles = {fields["title"] for fields in wording(lang).values()}
        signs = [line[2:].split("  [")[0] for line in report.splitlines() if line.startswith("• ")]
        assert signs and all(title in titles for title in signs)


def test_the_english_fragments_would_be_found(capsys: pytest.CaptureFixture[str]) -> None:
    """The check above can fail: a Polish ad worded in English shows the English labels."""
    report = _report(capsys, "--ui-language", "en", "--file", str(_risky_ad("pl")))
    left = _english_left(report, "pl")
    assert "What the ad says" in left and "Wage:" in left and "You are asked to pay a fee" in left


def test_ui_language_overrides_the_ads_language(capsys: pytest.CaptureFixture[str]) -> None:
    polish_ad = str(_risky_ad("pl"))
    default = _report(capsys, "--file", polish_ad)
    assert _report(capsys, "--ui-language", "auto", "--file", polish_ad) == default
    german = _report(capsys, "--ui-language", "DE", "--file", polish_ad)
    de, pl = _templates("de"), _templates("pl")
    assert de["report_facts_heading"] in german and pl["report_facts_heading"] not in german
    assert wording("de")["ilo.recruitment_fee"]["title"] in german
    assert "»Opłata rejestracyjna«" in german  # quotes stay as written
    assert _english_left(german, "de") == []
    english = _report(capsys, "--ui-language", "en", "--file", polish_ad)
    assert "What the ad says" in english and "Wage: up to 3,000 EUR per month" in english


def test_numbers_countries_and_languages_follow_the_locale(capsys: pytest.CaptureFixture[str]) -> None:
    assert number(3000, "en") == "3,000" and number(3000, "de") == "3.000"
    assert number(2.5, "fr", 1) == "2,5" and number(1234.5, "en", 2) == "1,234.5" and number(100.0, "pl", 2) == "100"
    report = _report(capsys, "--file", str(ADS / "ordinary_de.txt"))
    assert "Sprache: Deutsch" in report and "(Deutschland)" in report
    assert re.search(r"Lohn: .*\d\.\d{3} EUR", report), report
    french = _report(capsys, "--ui-language", "fr", "--file", str(ADS / "ordinary_de.txt"))
    assert "langue\u202f: allemand" in french and "(Allemagne)" in french


def test_json_keeps_english_unless_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", "--file", str(_risky_ad("pl"))]) == 0
    titles = {h["id"]: h["title"] for h in json.loads(capsys.readouterr().out)["indicators"]}
    assert titles["ilo.recruitment_fee"] == "You are asked to pay a fee"
    assert main(["check", "--json", "--ui-language", "auto", "--file", str(_risky_ad("pl"))]) == 0
    titles = {h["id"]: h["title"] for h in json.loads(capsys.readouterr().out)["indicators"]}
    assert titles["ilo.recruitment_fee"] == wording("pl")["ilo.recruitment_fee"]["title"]


def test_an_unknown_ui_language_is_a_usage_error() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "validator.cli", "check", "--ui-language", "xx", "Warehouse work in Berlin."],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 2  # as every usage error (README, `validator --help`)
    err = proc.stderr.decode()
    assert "--ui-language" in err and "invalid choice: 'xx'" in err and "'fr'" in err
    assert "Traceback" not in err
