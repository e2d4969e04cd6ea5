"""German puts the verb second: a name between a `framed` verb and its closing words
(lang/de/employer_names.toml `framed`, `framed_closing`): "Mit 3.000 Mitarbeitern zählt ACME zu den
führenden Anbietern". One capitalised word there may be any noun ("zählt Teamarbeit zu den ...")."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mit seinen Business Applications zählt NORVEX zu den führenden Hosting-Anbietern in Europa.", "NORVEX"),
        ("Seit 2010 gehört Kessler Logistik zum Verbund der Hansa Gruppe.", "Kessler Logistik"),
    ],
)
def test_names_between_verb_and_closing_words(text, name):
    assert run(text, "de").name == name


@pytest.mark.parametrize(
    "text",
    [
        "Zu deinen Aufgaben zählt Teamarbeit zu den wichtigsten Dingen.",
        "Dazu zählt Kommunikation mit Kunden.",
        "Außerdem gehört Reisebereitschaft dazu.",
        "Zu deinen Aufgaben zählt Datenanalyse und Reporting.",
    ],
)
def test_nouns_between_verb_and_closing_words(text):
    assert run(text, "de").name is None
