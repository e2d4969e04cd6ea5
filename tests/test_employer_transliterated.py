"""A Cyrillic name spelled like the ad's e-mail or web domain ("Домклик" / domclick.ru): both are
written in Latin letters and reduced to one spelling key (common/employer_names.toml [transliteration])."""

from __future__ import annotations

import pytest
from test_employer_names import run

from validator.facts.employer_name import _latin_key


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Домклик", "domclick"), ("Смартшоп", "smartshop"), ("Сузирья", "suziria"), ("Чайка", "chaika")],
)
def test_same_spelling_key(cyrillic, latin):
    assert _latin_key(cyrillic) == _latin_key(latin)


@pytest.mark.parametrize(("cyrillic", "latin"), [("Омега", "omnia"), ("Домклик", "domclub")])
def test_different_spelling_key(cyrillic, latin):
    assert _latin_key(cyrillic) != _latin_key(latin)


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("ru", "Домострой — крупнейшая платформа. Пишите на hr@domostroi.ru", "Домострой"),
        ("uk", "Вакансія.\nСмарттех пропонує роботу продавцю.\nПишіть: job@smarttech.ua", "Смарттех"),
    ],
)
def test_cyrillic_name_spelled_like_the_domain(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Вакансия.\nДомострой предлагает работу. Пишите на hr@gmail.com"),  # free mail names nobody
        ("ru", "Работа в Москве. Пишите на hr@moskva-trans.ru"),  # the town, not the whole label
        ("ru", "Работа в офисе на Москве. Пишите на hr@moskva.ru"),  # a place after a preposition
    ],
)
def test_no_name_from_an_unrelated_domain(lang, text):
    assert run(text, lang).name is None
