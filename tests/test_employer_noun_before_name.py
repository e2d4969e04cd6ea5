"""French cues "l'aventure Acme" and "Bienvenue au sein de Acme", and a capitalised company noun
between a cue and the name ("Rejoignez l'aventure Groupe Acme", "Join Company Acme"): the name is
read after the noun; a preposition or a cue word of its own ("En", "Somos") is no such noun."""

from __future__ import annotations

import pytest
from test_employer_names import run

from validator.facts.employer_name import cues


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("fr", "Vendeur H/F. Rejoignez l'aventure Animalia et conseillez nos clients.", "Animalia"),
        ("fr", "Vendeur H/F. Envie de rejoindre l’aventure Maison Drevet ? Postulez.", "Maison Drevet"),
        ("fr", "Rejoignez l'aventure Groupe Ravelio , la plateforme n°1 du prêt.", "Ravelio"),
        ("fr", "Comptable. Bienvenue au sein du Groupe Sorelis, leader du conseil.", "Sorelis"),
    ],
)
def test_aventure_and_bienvenue_cues(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Vendeur H/F. Rejoignez l'aventure et conseillez nos clients."),  # no name
        ("fr", "Rejoignez l'aventure Groupe et conseillez nos clients."),  # the noun alone
        ("fr", "Bienvenue dans Annecy ! Ville agréable."),  # "dans" is no cue: a town may follow
    ],
)
def test_no_name_after_aventure_alone(lang, text):
    assert run(text, lang).name is None


@pytest.mark.parametrize(
    ("lang", "words", "not_words"),
    [
        ("fr", {"groupe", "société", "entreprise"}, {"chez", "de", "du", "dans"}),
        ("es", {"empresa", "compañía"}, {"en", "somos", "desde"}),
        ("de", {"firma", "unternehmen"}, {"bei", "der", "die", "wir"}),
        ("en", {"company", "agency"}, {"at", "of", "for", "us"}),
    ],
)
def test_nouns_read_before_a_name(lang, words, not_words):
    leads = cues(lang).noun_leads
    assert words <= leads
    assert not (not_words & leads)
