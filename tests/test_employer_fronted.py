"""Employer names after a clause that opens the sentence ("Founded in 1999, Acme ...", "Depuis 1923,
Acme conçoit ...", "Con más de 20 años, Acme es ..."): the subject after the clause's comma, which
counts as a weak cue (with a verb after the name it is enough)."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "Data analyst. Founded in 1999, Brightwave Analytics offers tools to farmers.", "Brightwave Analytics"),
        ("en", "Driver wanted.\nAs a leading maker of valves, Corvell Systems provides parts to 40 countries.",
         "Corvell Systems"),
        ("en", "Nurse. With over 1,800 staff, Pellan Health is a trusted name in home care.", "Pellan Health"),
        ("en", "Cook. For more than 50 years, Tarrow Foods has served schools.", "Tarrow Foods"),
        ("fr", "Comptable. Depuis 1923, Ravelio conçoit des capteurs connectés.", "Ravelio"),
        ("fr", "Développeur. Fondée en 2018, l'agence Maison Drevet propose du conseil.", "Maison Drevet"),
        ("fr", "Groupe indépendant de conseil de 1 800 collaborateurs, Sorelis propose des missions variées.",
         "Sorelis"),
        ("es", "Analista. Con más de 20 años de experiencia, Talvera Consulting ofrece servicios de datos.",
         "Talvera Consulting"),
        ("es", "Fundada en 1990, Mirabel Energía es una empresa de renovables.", "Mirabel Energía"),
    ],
)
def test_name_after_an_opening_clause(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Driver wanted. Founded in 1999, Brightwave Analytics."),  # a clause and a name: no verb, no cue
        ("en", "Since 2019, London offers many jobs."),  # a place
        ("en", "As a leading engineer, you will design valves."),  # the reader
        ("en", "We were founded in 1999, Brightwave Analytics offers tools."),  # not opening the sentence
        ("fr", "Depuis 2005, nous proposons des missions variées."),
        ("fr", "Vous travaillez depuis 2005, Ravelio propose des missions."),  # mid-sentence
        ("es", "Desde 2010, Madrid ofrece empleo."),
    ],
)
def test_no_name_from_an_opening_clause_alone(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "Qui sommes-nous ? Objectil fondée en 1999 est une ESN spécialisée.", "Objectil"),
        ("fr", "Ravelio, créée en 2010, conçoit des capteurs.", "Ravelio"),
        ("en", "Brightwave Analytics, founded in 2004, builds tools for farmers.", "Brightwave Analytics"),
    ],
)
def test_name_before_founded_in(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Notre entreprise fondée en 1999 recrute un comptable."),  # no capitalised name
        ("en", "The company was small when founded in 1999."),
    ],
)
def test_no_name_before_founded_in_without_capitals(lang, text):
    assert run(text, lang).name is None
