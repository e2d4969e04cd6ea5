"""A company noun, lower-case words completing it, then the quoted name: "компания по производству
мебели «Северный Дом»", "сеть магазинов натуральных продуктов «Эко-Лавка»" (the noun and the quotes
count as for "компания «Ромашка»")."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("ru", "Компания по производству мебели «Северный Дом» ищет сборщика.", "Северный Дом"),
        ("ru", "Национальная сеть магазинов натуральных продуктов «Эко-Лавка» объявляет конкурс.", "Эко-Лавка"),
        ("uk", "Мережа стоматологічних клінік «Зоряна Усмішка» запрошує асистента.", "Зоряна Усмішка"),
        ("pl", "Firma budowlana „Kowalski” zatrudni murarza.", "Kowalski"),
    ],
)
def test_quoted_name_after_a_noun_and_its_complement(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Компания по производству мебели предлагает «белую» зарплату."),  # a quoted word, no name
        ("ru", "Компания предлагает официальное оформление и «белую» зарплату."),
        ("ru", "Работа в компании с большой историей и хорошими условиями труда. «Северный Дом»"),  # too far
        ("uk", "Компанія пропонує роботу в режимі «день через день»."),
    ],
)
def test_no_name_from_a_quoted_phrase_after_a_noun(lang, text):
    assert run(text, lang).name is None
