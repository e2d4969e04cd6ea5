"""Duties stated as a list of tasks without a heading (lang/<lang>/job.toml [duties]), per language,
with lists that are not tasks (benefits, requirements) as negative cases."""

from __future__ import annotations

import pytest

from validator import assess
from validator.facts.job import _task_list

TASK_LISTS = {
    "fr": "Réaliser les pièces sur rectifieuse.\nMaîtriser les commandes numériques du poste.\nRégler le moyen de production chaque matin.",
    "it": "- gestione di pratiche doganali\n- pianificazione ed organizzazione spedizioni\n- supporto al dipartimento vendite",
    "es": "Gestionar los pedidos de clientes; atención telefónica a proveedores; control de calidad del almacén",
    "de": "• Beratung unserer Kunden vor Ort\n• Entwicklung von Handlungsempfehlungen für Projekte\n• Analysieren von verschiedenen Daten",
    "lt": "rengti pranešimus spaudai; įgyvendinti komunikacijos projektus; skelbti informaciją svetainėse",
    "lv": "- nodrošināt klientu apkalpošanu veikalā\n- sagatavot preces izstādei\n- plānošana un uzskaite katru nedēļu",
    "ru": "Разработка новых сервисов компании;\nВедение технической документации проекта;\nУчаствовать в код-ревью команды.",
    "uk": "Розробляти нові сервіси компанії;\nВедення технічної документації проєкту;\nПідготовка звітів для клієнтів.",
    "bg": "• Извършва дейности по залепване на салове;\n• Изготвяне на количествени сметки за обекти;\n• Подготовка на оферти и участие в процедури;",
    "ro": "• Întocmește documentele justificative necesare.\n• Asigură evidența financiară a proiectului.\n• Colaborează cu consultantul IT zilnic.",
}
NOT_TASKS = {
    "fr": "Salaire attractif et primes.\nLogement gratuit pour tous.\nTransport offert chaque jour.",
    "it": "- ottimo stipendio mensile garantito\n- alloggio gratuito per tutti\n- contratto a tempo indeterminato",
    "es": "Salario muy competitivo; alojamiento gratis incluido; contrato indefinido desde el inicio",
    "de": "• Gutes Gehalt und Prämien\n• Kostenlose Unterkunft für alle\n• Unbefristeter Vertrag ab sofort",
    "lt": "geras atlyginimas kas mėnesį; nemokamas apgyvendinimas visiems; neterminuota darbo sutartis",
    "lv": "- laba alga katru mēnesi\n- bezmaksas dzīvesvieta visiem\n- beztermiņa darba līgums",
    "ru": "Высокая зарплата каждый месяц;\nБесплатное жильё для всех;\nОфициальное оформление по ТК.",
    "uk": "Висока зарплата щомісяця;\nБезкоштовне житло для всіх;\nОфіційне оформлення з першого дня.",
    "bg": "• Добро възнаграждение всеки месец;\n• Безплатно жилище за всички;\n• Трудов договор от първия ден;",
    "ro": "• Salariu foarte bun lunar.\n• Cazare gratuită pentru toți.\n• Contract pe perioadă nedeterminată.",
}


@pytest.mark.parametrize("lang", sorted(TASK_LISTS))
def test_a_list_of_tasks_states_the_duties(lang):
    assert _task_list(TASK_LISTS[lang], lang)


@pytest.mark.parametrize("lang", sorted(NOT_TASKS))
def test_a_list_of_benefits_does_not(lang):
    assert not _task_list(NOT_TASKS[lang], lang)


@pytest.mark.parametrize("lang", sorted(TASK_LISTS))
def test_two_tasks_are_not_yet_a_list(lang):
    two = "\n".join(TASK_LISTS[lang].splitlines()[:2]) if "\n" in TASK_LISTS[lang] else ""
    assert not _task_list(two, lang)


def test_a_language_without_task_words_reads_no_list():
    assert not _task_list(TASK_LISTS["fr"], "en")


def test_the_vague_job_sign_is_spared_by_a_task_list():
    text = (
        "Atelier Savoie recrute un rectifieur (H/F) pour son site.\n" + TASK_LISTS["fr"] +
        "\nVous travaillerez en équipe avec nos techniciens expérimentés sur des machines récentes et bien entretenues."
    )
    result = assess(text, language="fr").to_dict()
    assert result["facts"]["job"]["duties_stated"]
    assert "finetune.vague_job" not in {hit["id"] for hit in result["indicators"]}


COMMA_RUNS = {
    "it": "Gestione della posta in arrivo, supporto nella redazione dei verbali, archiviazione dei documenti cartacei, rapporti con i fornitori",
    "ro": "Întocmirea ofertelor pentru clienți, actualizarea bazei de date, redactarea contractelor de vânzare",
    "lt": "rengti mėnesio ataskaitas vadovybei, tikrinti gautas sąskaitas faktūras, derinti mokėjimų grafikus su tiekėjais",
    "es": "Gestionar la agenda del equipo, preparar las reuniones semanales, controlar los pedidos de material",
}
NOT_COMMA_RUNS = {
    # a run of benefits or skills, and a run that does not begin with a task
    "it": "Ottimo stipendio mensile, alloggio gratuito per tutti, contratto a tempo indeterminato, formazione continua garantita",
    "ru": "Бонусы до 100 долларов, влиять на свой доход, реализовать свой потенциал, путешествовать по всему миру",
    "es": "Empresa líder del sector, formación continua en idiomas, análisis de datos con Python, seguro médico privado",
}


@pytest.mark.parametrize("lang", sorted(COMMA_RUNS))
def test_a_comma_separated_run_of_tasks_states_the_duties(lang):
    assert _task_list(COMMA_RUNS[lang], lang)


@pytest.mark.parametrize("lang", sorted(NOT_COMMA_RUNS))
def test_a_comma_separated_run_of_benefits_or_skills_does_not(lang):
    assert not _task_list(NOT_COMMA_RUNS[lang], lang)
