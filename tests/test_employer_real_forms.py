"""Employer names as EU job boards write them: legal forms before and after the name, spelled out,
Hungarian activity-word lists, registration labels after the name; and the benchmark's name matching
(validator.evaluation.real_ads.same_name)."""

from __future__ import annotations

import pytest

from validator.evaluation.real_ads import same_name
from validator.facts import Context, employer
from validator.nlp import get_nlp


def run(text: str, lang: str):
    found = employer.extract(get_nlp(lang)(text), Context(language=lang))
    for ev in found.evidence:
        assert text[ev.start : ev.end] == ev.text
    return found


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # Hungarian (no pack: read language-independently): activity words joined by "és" and commas
        ("xx", "A(z) TARCHA WORLD Kereskedelmi és Szolgáltató Kft. technikus munkatársat keres.",
         "TARCHA WORLD Kereskedelmi és Szolgáltató Kft."),
        ("xx", "A(z) BIOLLA Termelő, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság munkatársat keres.",
         "BIOLLA Termelő, Kereskedelmi és Szolgáltató Korlátolt Felelősségű Társaság"),
        ("xx", "A(z) Nara és Mira Pékség Kft. pék munkatársat keres.", "Nara és Mira Pékség Kft."),
        ("xx", "A(z) Buci & Luci Kft. szakácsot keres.", "Buci & Luci Kft."),
        # Latvian: a quoted name after the form, registration labels, lower-case words before the form
        ("lv", 'RP SIA "Rīgas satiksme" aicina darbā atslēdznieku.', 'SIA "Rīgas satiksme"'),
        ("lv", "SIA Stafline Reg Nr 40103355141 meklē kravas automobiļa vadītāju.", "SIA Stafline"),
        ("lv", 'Ar šo SIA "GI Constructs", reģ.Nr. 41203065049, piesaka brīvo darba vietu.', 'SIA "GI Constructs"'),
        ("lv", 'Valsts akciju sabiedrība "Latvijas Pasts" aicina darbā pastnieku.',
         'Valsts akciju sabiedrība "Latvijas Pasts"'),
    ],
)
def test_names_with_legal_forms(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text", "not_name"),
    [
        ("xx", "Budapest, Acme Kft. munkatársat keres.", "Budapest, Acme Kft."),  # no list without "és"
        ("lv", "Darbs šo SIA komandā.", "šo SIA"),
    ],
)
def test_names_with_legal_forms_negative(lang, text, not_name):
    assert run(text, lang).name != not_name


@pytest.mark.parametrize(
    ("found", "truth"),
    [
        ('SIA "Smarttec"', 'Sabiedrība ar ierobežotu atbildību "Smarttec"'),
        ('AS "Ķekava Foods"', 'Akciju sabiedrība "Ķekava Foods"'),
        ("Acme Kft.", "Acme Korlátolt Felelősségű Társaság"),
        ("Acme Sp. z o.o.", "ACME SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ"),
        ('SIA "Vides enerģija"', 'Sabiedrība ar ierobežotu atbildību "Vides enerģija'),  # cut at 50 characters
        ('Sabiedrība ar ierobežotu atbildību "LIEPĀJAS REĢIONĀLĀ SLIMNĪCA"',
         'Sabiedrība ar ierobežotu atbildību "LIEPĀJAS REĢIO'),
    ],
)
def test_same_name_legal_forms_and_cut_values(found, truth):
    assert same_name(found, truth)


@pytest.mark.parametrize(
    ("found", "truth"),
    [
        ("RP SIA", "Rīgas pašvaldības sabiedrība ar ierobežotu atbildī"),
        ("SIA", 'Sabiedrība ar ierobežotu atbildību "Smarttec"'),
        ('SIA "Smart"', 'Sabiedrība ar ierobežotu atbildību "Smarttec"'),
        ("Kft.", "Acme Kft."),
    ],
)
def test_same_name_negative(found, truth):
    assert not same_name(found, truth)
