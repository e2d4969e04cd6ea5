"""Brands written in lower case before their legal form (data/common/legal_forms.toml `articles`,
`not_lowercase_names`, `adjective_endings`): after an article, a workplace preposition or at the start
of a line; never function words or an inflected adjective before a bare legal form."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("de", "Wir bei quandor GmbH suchen eine Assistenz der Geschäftsführung.", "quandor GmbH"),
        ("de", "Kompetent und persönlich – das ist die top datenwerk AG: Wir vermitteln IT-Fachkräfte.",
         "top datenwerk AG"),
        ("de", "Die velotrix SE wurde 2004 in Köln gegründet.", "velotrix SE"),
        # a lower-case word between the opening article and the capitalised name ("Die item ... GmbH")
        ("de", "Die vario Fördertechnik GmbH ist der Pionier für Baukastensysteme.", "vario Fördertechnik GmbH"),
        # ... but no adjective there
        ("de", "Die erfahrene Kessler Logistik GmbH sucht Fahrer.", "Kessler Logistik GmbH"),
        ("de", "Die neue Kessler Logistik GmbH sucht Fahrer.", "Kessler Logistik GmbH"),
        ("en", "About us\nmarvolt GmbH is the leading job market for engineers.", "marvolt GmbH"),
        ("en", "At brindle Ltd, we repair bicycles for the whole city.", "brindle Ltd"),
        ("fr", "Travailler chez quartzo SAS, c'est rejoindre une équipe soudée.", "quartzo SAS"),
    ],
)
def test_lowercase_brands_with_a_legal_form(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Sie wechseln in die neu gegründete GmbH unseres Konzerns."),
        ("de", "Die Arbeit bei einer GmbH ist spannend."),
        ("de", "Wir sind eine Tochter der operativen AG und suchen Verstärkung."),
        ("de", "Gesucht wird ein Buchhalter\nund GmbH-Geschäftsführer mit Erfahrung."),
        ("en", "You will advise the new Ltd and its partners."),
        ("fr", "Vous accompagnez la nouvelle SAS du groupe dans sa croissance."),
    ],
)
def test_lowercase_words_that_name_no_brand(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "What you can expect\nAt lumio, we create adhesive tapes.\nApply: jobs@lumio.com", "lumio"),
        ("de", "Arbeiten bei lumio ist abwechslungsreich. Bewerbung an karriere@lumio.de", "lumio"),
        ("fr", "Rejoignez lumio et fabriquez nos rubans.\nCandidature : rh@lumio.fr", "lumio"),
    ],
)
def test_lowercase_brands_spelled_like_the_domain_after_a_cue(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the domain's word in lower case, but no cue before it (an ordinary word)
        ("en", "We value fresh ideas and fresh food.\nApply: jobs@fresh.com"),
        # after a cue, but part of a longer word
        ("en", "At freshmarkets, we sell fruit.\nApply: jobs@fresh.com"),
    ],
)
def test_lowercase_domain_words_without_a_cue(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a common preposition before the domain's word: an ordinary word, no brand
        ("en", "Welcome to fresh produce every day.\nApply: jobs@fresh.com"),
        ("de", "Wir sind Teil von fresh und mehr.\nBewerbung: jobs@fresh.de"),
    ],
)
def test_lowercase_domain_words_after_common_prepositions(lang, text):
    assert run(text, lang).name is None
