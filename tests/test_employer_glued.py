"""Employer names in text a scraper ran together at former line breaks (validator/facts/employer_name.py
`_glued_hits`): a cue word run into the word before it ("DüsseldorfAt Acme"), a company noun run into
the name ("компанияАкме"), a legal form run into the next word ("Acme AGAcme is"), a comma into
the next word ("Акме,уже") or a line break written as "--". The ingested text itself stays as it is."""

from __future__ import annotations

import pytest
from test_employer_names import run


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "Data analytics in DüsseldorfAt Corvanta, we build safer networks.", "Corvanta"),
        ("en", "Skills: Python, SQLAbout usAt Orvilex, you can expect a friendly team.", "Orvilex"),
        ("en", "Fluent EnglishCompanyAbout Brennick Aero AGBrennick Aero is a leader in repairs.", "Brennick Aero AG"),
        ("de", "Gute DeutschkenntnisseWillkommen bei Falkenrath Systems, wir suchen dich.", "Falkenrath Systems"),
        ("fr", "Poste basé à LyonRejoignez Varelio et construisez nos outils.", "Varelio"),
        ("ru", "Привет!Мы — компанияЛУНА МАРТ,уже 15 лет шьём одежду. ЛУНА МАРТ ищет продавца.", "ЛУНА МАРТ"),
        # ... read back from the verb: the name starts at the glue; a camel-case brand stays whole
        ("ru", "компанияЛУНА МАРТ ищет продавца. ЛУНА МАРТ — это одежда.", "ЛУНА МАРТ"),
        ("ru", "amoCRM ищет разработчика в команду.", "amoCRM"),
        # line breaks a scraper wrote as "--"
        ("uk", "Доставка авто з США до Польща.--ВЕСТА ТРЕЙД — це команда. ВЕСТА ТРЕЙД пропонує роботу.", "ВЕСТА ТРЕЙД"),
        ("en", "About us--Brightwave Analytics is hiring--Apply now", "Brightwave Analytics"),
        # a cue run into the full stop before it
        ("de", "Bewerbungen sind willkommen. .Arbeiten bei Falkenrath ist mehr als ein Job.", "Falkenrath"),
        ("en", "Remote work possible .Join Corvanta and build safer networks.", "Corvanta"),
    ],
)
def test_glued_cues_and_names(lang, text, name):
    assert run(text, lang).name == name


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a glued capital that starts no cue, or a cue that reads on in lower case
        ("en", "Our office is in DüsseldorfAt least twice a week we meet, we said."),
        ("en", "You know JavaScript and TypeScript well, and SQLAt best too."),
        ("de", "Wir arbeiten in KölnBei Fragen wende dich an unser Team."),
        # a glued company noun before a lower-case word
        ("ru", "Наша компаниязанимается доставкой. Требуется водитель."),
        # a line break written as "--" ends a name: no subject before the verb on its own line
        ("en", "Great benefits--Is hiring fast the goal? Not for us."),
        # a camel-case brand is one word, not a glued cue
        ("en", "Experience with PowerAt tools is welcome."),
        # ... nor a capitalised noun after a cue run into a full stop
        ("de", "Kenntnisse in SAP.Bei Fragen wende dich an unser Team."),
        ("en", "Visit www.About.com for more."),
    ],
)
def test_glued_words_without_a_name(lang, text):
    assert run(text, lang).name is None
