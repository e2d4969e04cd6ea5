"""A name that starts with a short number ("5 Degrés", "3 Suisses") keeps it when it opens the ad or a
sentence; a year or a number after other words is no part of the name ("En 2019 Acme recrute")."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "5 Sommets est une agence de conseil en produit digital.", "5 Sommets"),
        ("fr", "Poste en magasin. 3 Rivières recrute un vendeur.", "3 Rivières"),
        ("en", "12 Oaks Consulting is hiring a data analyst.", "12 Oaks Consulting"),
    ],
)
def test_short_number_opening_a_name(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "En 2019 Ravelio recrute un comptable.", "Ravelio"),
        ("fr", "2019 Ravelio recrute un comptable.", "Ravelio"),  # a year
        ("en", "We need 2 Brightwave Analytics is hiring engineers.", "Brightwave Analytics"),  # mid-sentence
    ],
)
def test_number_before_a_name_is_no_part_of_it(lang, text, name):
    assert run(text, lang).name == name
