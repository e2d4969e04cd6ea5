"""Warnings: one English template per code, translated for the interface languages."""

from __future__ import annotations

import re
import string

import pytest

from validator import assess
from validator.notices import REPORT_PREFIX, _templates, localise_notices, notice
from validator.resources import data_path

PARAMS = {"lang": "mt", "guess": "nl", "confidence": "45%", "default": "en", "count": 3, "encoding": "utf-8"}
UI_LANGS = sorted(p.name.split(".")[1] for p in data_path("i18n").glob("notices.*.toml") if ".en." not in p.name)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_there_is_a_translation() -> None:
    assert "fr" in UI_LANGS


@pytest.mark.parametrize("lang", UI_LANGS)
def test_every_code_is_translated_with_the_same_placeholders(lang: str) -> None:
    english, other = _templates("en"), _templates(lang)
    assert set(other) == set(english)
    for code, text in english.items():
        assert _fields(other[code]) == _fields(text), code


@pytest.mark.parametrize("code", sorted(c for c in _templates("en") if not c.startswith(REPORT_PREFIX)))
def test_each_warning_reads_back_into_french(code: str) -> None:
    params = {k: v for k, v in PARAMS.items() if k in _fields(_templates("en")[code])}
    english = notice(code, **params)
    french = localise_notices([english], "fr")[0]
    assert french == _templates("fr")[code].format(**params)
    assert french != english
    assert localise_notices([english], "en") == [english]
    assert localise_notices([english], "ja") == [english]  # no file: English


def test_unknown_text_is_kept() -> None:
    assert localise_notices(["something the engine never says"], "fr") == ["something the engine never says"]


def test_report_labels_are_never_read_back_from_a_warning() -> None:
    """`report_*` labels share the files but are not warnings: "Contacts: x" stays as it is."""
    assert localise_notices(["Contacts: none found", "Wage: 3 EUR per hour"], "fr") == [
        "Contacts: none found",
        "Wage: 3 EUR per hour",
    ]


def test_engine_warnings_come_from_the_templates() -> None:
    a = assess("Wir suchen Mitarbeiter für die Arbeit im Lager.", language="mt")
    readers = [re.escape(t).replace(r"\{lang\}", ".+") for t in _templates("en").values()]
    assert a.warnings and all(any(re.fullmatch(r, w) for r in readers) for w in a.warnings)
    assert all(f != w for f, w in zip(localise_notices(a.warnings, "fr"), a.warnings, strict=True))
