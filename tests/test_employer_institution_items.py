"""Institution heads written as a requirement (validator/facts/employer_name.py `_kind_of_body`): a head
and lower-case words that open a line or a list item name a kind of school or office, not an employer,
unless an address follows them (a signature or an address to apply to)."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    "text",
    [
        "Što tražimo: Srednja škola tehničkog usmjerenja; iskustvo na sličnim poslovima.",
        "Uvjeti:\nSrednja škola ekonomskog smjera\nVozačka dozvola B kategorije",
    ],
)
def test_a_kind_of_school_as_a_requirement_is_no_name(text):
    assert run(text, "xx").name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prijave na adresu:\nHrvatska matica useljenika, Trg Ivana Horvata 3, 10000 Zagreb",
         "Hrvatska matica useljenika"),
        ("Prijave na adresu: Srednja škola Zabok, Prilaz 1, 49210 Zabok.", "Srednja škola Zabok"),
        ("Natječaj provodi Hrvatski zavod za zapošljavanje.", "Hrvatski zavod za zapošljavanje"),
    ],
)
def test_named_institutions_stay(text, name):
    assert run(text, "xx").name == name


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # a name word after an elided article completes the institution's name
        ("fr", "Postulez dès maintenant pour nous rejoindre au sein de la Clinique d'Avernay !", "Clinique d'Avernay"),
        ("fr", "Le Centre hospitalier d'Orvaux recrute un infirmier de nuit.", "Centre hospitalier d'Orvaux"),
    ],
)
def test_names_after_an_elided_article(lang, text, name):
    assert run(text, lang).name == name


def test_an_elided_article_before_a_lower_case_word_ends_no_head():
    assert run("Vous avez une expérience en clinique d'excellence et en Clinique d'urgence.", "fr").name is None
