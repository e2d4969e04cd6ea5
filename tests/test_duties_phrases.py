"""Duties stated (issue 12): `finetune.vague_job` fires only when an ad really leaves out what the work
involves. Phrases that introduce or state the tasks ("responsible for", "Du entwickelst", "ta mission",
"Pagrindinės funkcijos") count, per pack language; sentences are invented, with negatives that name no task."""

from __future__ import annotations

import pytest

from validator import assess

STATED = [
    ("en", "Site technician. Responsible for the maintenance of the cooling units in the plant."),
    ("en", "Caretaker. Every morning to clean the classrooms and the staff kitchen."),
    ("en", "Coach driver, carrying out the daily route between the two towns."),
    ("fr", "Développeur web. Ta mission : faire évoluer notre site de réservation."),
    ("fr", "Boulanger. Vous assurerez la fabrication du pain et des viennoiseries."),
    ("de", "Werkstudent Vertrieb. Du unterstützt unser Team bei der Pflege der Kundendaten."),
    ("de", "Data Engineer. Du entwickelst Datenstrecken für unsere Kunden in der Cloud."),
    ("es", "Programador. Tu misión será mantener las aplicaciones internas de la empresa."),
    ("it", "Operatore di accoglienza. Dovrà occuparsi di accogliere gli ospiti della struttura."),
    ("pl", "Magazynier. Do twoich zadań należy przyjmowanie towaru i kontrola dostaw."),
    ("lt", "Energetikas. Pagrindinės funkcijos: prižiūri pastato šildymo sistemas."),
    ("lv", "Tehniķis. Mēs Tev uzticēsim: laboratorijas iekārtu apkopi."),
    ("ro", "Vânzător. Vei avea ocazia să consiliezi clienții din magazin."),
    ("bg", "Поддръжка. Отговаря за поддръжката на басейна през летния сезон."),
    ("ru", "Разработчик. Чем предстоит заниматься: поддержкой внутренних сервисов компании."),
    ("uk", "Менеджер. Твої обов'язки: робота з постійними клієнтами компанії."),
]

NOT_STATED = [
    ("en", "Great team, good pay. We are not responsible for any travel costs. Apply now."),
    ("fr", "Rejoignez une équipe dynamique ! Salaire attractif. Envoyez votre CV."),
    ("de", "Wir sind ein junges Unternehmen in Berlin. Bewirb dich jetzt mit deinem Lebenslauf."),
    ("es", "Empresa líder del sector busca incorporar talento. Salario competitivo."),
    ("lt", "Siūlome gerą atlyginimą ir draugišką kolektyvą. Skambinkite."),
    ("ru", "Компания приглашает кандидатов. Достойная зарплата, дружный коллектив."),
]


@pytest.mark.parametrize(("lang", "text"), STATED)
def test_duties_stated(lang: str, text: str) -> None:
    assert assess(text, language=lang).facts.job.duties_stated, text


@pytest.mark.parametrize(("lang", "text"), NOT_STATED)
def test_duties_not_stated(lang: str, text: str) -> None:
    assert not assess(text, language=lang).facts.job.duties_stated, text
