"""Employer names in text taken from web pages and API snippets, where a stripped tag leaves a space
before a comma ("Chez Acme , nous") or a scraper runs words of two scripts together."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "Poste basé à Lyon. Chez Ravelio Santé , notre mission est de soigner mieux.", "Ravelio Santé"),
        ("en", "Remote role. At Quillmore Labs , we build tools for nurses.", "Quillmore Labs"),
        ("es", "Trabajo en Madrid. En Talvera Consulting , buscamos talento.", "Talvera Consulting"),
    ],
)
def test_opening_cue_with_a_space_before_the_comma(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Poste basé à Lyon. Chez Ravelio Santé le process est simple."),  # no comma, no verb of "nous"
        ("en", "Remote role. At Quillmore Labs the team is small."),
        ("fr", "Poste basé à Lyon , Annecy , Paris."),  # places in a list
    ],
)
def test_opening_cue_without_a_comma_is_not_enough(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # a Latin name run into the Cyrillic words around it is no name of its own; the domain's is
        ("uk", "Вакансія--В УкраїніZORAодна з провідних груп.--ZORA--Пишіть: hr@zora.com.ua", "ZORA"),
        ("ru", "Работа в РоссииVELTAодна из лучших компаний.--VELTA--Пишите: job@velta.ru", "VELTA"),
    ],
)
def test_words_of_two_scripts_run_together(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("ru", "Компания «IT-Кластер» ищет инженера.", "IT-Кластер"),  # a hyphen joins the scripts
        ("ru", "Компания «ЗD Мир» ищет дизайнера.", "ЗD Мир"),  # one letter of the other script
        ("uk", "Компанія «SoftСервіс» шукає тестувальника.", "SoftСервіс"),  # a brand of two scripts, capitals
    ],
)
def test_names_written_in_two_scripts_stay(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "Sales role.\nNorth-Vale Logistics pays well.\nApply: jobs@north-vale.com", "North-Vale Logistics"),
        ("en", "Sales role.\nNorthvale Logistics pays well.\nApply: jobs@north-vale.com", "Northvale Logistics"),
        ("de", "Lagerhelfer gesucht.\nDie Kessel Bau GmbH bietet gute Arbeit.\nkontakt@kessel-bau.de", "Kessel Bau GmbH"),
    ],
)
def test_name_spelled_like_a_hyphenated_domain(lang, text, name):
    assert run(text, lang).name == name


def test_hyphenated_domain_needs_the_whole_label():
    # the first part of the label alone ("north") is no name
    assert run("Sales role in the North.\nWe pay well.\nApply: jobs@north-vale.com").name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # an acronym ending the sentence before is no abbreviation of the name ("CDI.", "SAP.")
        ("fr", "Poste en CDI. Ravelio recrute un vendeur.", "Ravelio"),
        ("en", "We use SAP. Brightwave Analytics is hiring.", "Brightwave Analytics"),
        # ... while abbreviations and initials keep their dot
        ("en", "Hayes & Co. is hiring drivers.", "Hayes & Co."),
        ("en", "J.P. Morgan is hiring analysts.", "J.P. Morgan"),
    ],
)
def test_acronym_ending_a_sentence(lang, text, name):
    assert run(text, lang).name == name
