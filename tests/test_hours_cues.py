"""Working hours stated (issue 12): `finetune.no_hours` fires only when an ad really says nothing about its
hours, shifts, working days or full/part time, and a cue never makes hours "stated" for unrelated text.
Sentences are invented, one or two per way of stating hours in each pack language."""

from __future__ import annotations

import pytest

from validator import assess

STATED = [
    # English
    ("en", "Warehouse operative wanted. The pay is based on a 40-hour work week."),
    ("en", "Kitchen porter. Tips are shared among the team after each shift."),
    ("en", "Store assistant. Hours: 7am-3pm, Monday to Friday."),
    ("en", "Call centre agent, shift: 14:00−22:00."),
    ("en", "Office clerk. No weekend work, ever."),
    ("en", "Data analyst (m/f/d)\nVollzeit\nHamburg"),
    ("en", "Receptionist in a hotel, 35-hour weeks and a friendly team."),
    # French
    ("fr", "Agent d'entretien. Poste en journée, 35h de travail hebdomadaire."),
    ("fr", "Vendeuse en boutique, CDI 35H, prise de poste en mars."),
    ("fr", "Aide-cuisinier, service de 11h à 15h et de 18h30 à 22h."),
    ("fr", "Femme de chambre, deux jours de repos hebdomadaire."),
    ("fr", "Commercial : du lundi au jeudi sur la route, le vendredi au bureau."),
    ("fr", "Agent de sécurité, travail de nuit et les week-ends."),
    # German
    ("de", "Bürokraft gesucht. Wir bieten flexible Arbeitszeitmodelle und ein nettes Team."),
    ("de", "Lagerhelfer in einer 39-Stunden-Woche, Start sofort."),
    ("de", "Verkäufer (m/w/d), Öffnungszeiten des Lagers: 7 bis 16 Uhr, Einsatz von 7 - 16 Uhr."),
    ("de", "Sachbearbeiter mit Vertrauensarbeitszeit und Homeoffice."),
    ("de", "Fahrer gesucht. Offizielle Anstellung, unbefristet, Vollzeit."),
    # Spanish
    ("es", "Administrativo. Se ofrece: L a J de 8:00 a 17:00h y V de 8:00 a 14:30h."),
    ("es", "Técnico de soporte con flexibilidad horaria y teletrabajo."),
    ("es", "Dependiente. Contrato indefinido.\nJornada completa."),
    ("es", "Camarero para fines de semana en una terraza."),
    ("es", "Analista de datos. Ofrecemos: flexible working hours y seguro médico."),  # an English line
    # Italian
    ("it", "Magazziniere, orario di lavoro dalle 8:00 alle 17:00."),
    ("it", "Commessa part-time per negozio di abbigliamento."),
    # Polish
    ("pl", "Magazynier. Praca od poniedziałku do piątku, w godzinach 6-14."),
    ("pl", "Operator maszyn, praca jednozmianowa."),
    ("pl", "Pracownik produkcji, praca II-zmianowa, umowa o pracę."),
    ("pl", "Spawacz, praca w systemie zmianowym."),
    ("pl", "Księgowa na umowę o pracę, w pełnym etacie."),
    ("pl", "Sekretarka, 0,5 etatu, umowa na czas określony."),
    ("pl", "Programista, praca full-time w biurze w Krakowie."),
    # Lithuanian
    ("lt", "Valytojas. Darbas naktinėje pamainoje prekybos centre."),
    ("lt", "Analitikas. Siūlome lankstų darbo grafiką ir nuotolinį darbą."),
    # Latvian
    ("lv", "Laborants (0,5 slodze) uz noteiktu laiku."),
    ("lv", "Skolotājs, 1 likme, darbs skolā Rīgā."),
    ("lv", "Pārdevējs. Piedāvājam elastīgu darba grafiku."),
    ("lv", "Apsargs, darbs arī brīvdienās un svētku dienās."),
    # Romanian
    ("ro", "Vânzător, program de lucru 8:00 - 16:00, de luni până vineri."),
    ("ro", "Ospătar cu normă întreagă într-un restaurant."),
    # Russian
    ("ru", "Разработчик. Удалённая работа с гибким графиком."),
    ("ru", "Бухгалтер. Пятидневная рабочая неделя с 9-00 до 18-00."),
    ("ru", "Аналитик, готовность работать полную 40-часовую неделю."),
    ("ru", "Инженер. Официальное трудоустройство. Полный рабочий день."),
    ("ru", "Тестировщик, готовность работать full-time."),
    # Ukrainian
    ("uk", "Маляр, робота в нічну зміну на виробництві."),
    ("uk", "Адміністратор, графік 2 через 2, з 8:00 по 21:00."),
    ("uk", "Бухгалтер, п'ятиденний робочий тиждень."),
    ("uk", "Викладач курсів. Бонуси за овертайм години."),
    ("uk", "Викладач. Офіційне працевлаштування. Повна зайнятість."),
    # Bulgarian
    ("bg", "Склададжия, работно време от 8:00 до 17:00 часа."),
    ("bg", "Оператор, пълен работен ден, трудов договор."),
]

NOT_STATED = [
    ("en", "IT company offers 24h support to its clients. We expect a shift in KPI focus this year."),
    ("en", "Engineer for Grafana dashboards and graphic design of reports. Apply by e-mail."),
    ("en", "Reply within 48h. Our product saw a shift to the cloud."),
    ("en", "Managing project schedules and delivery schedules for our clients."),
    ("fr", "Réponse sous 48h. Vous intégrerez une équipe de 5 personnes à Lyon."),
    ("fr", "Les réunions d'équipe sont hebdomadaires. Vous animerez des ateliers."),
    ("de", "Wir unterstützen Sie zu jeder Zeit. Ein Team mit Zeit für Weiterbildung."),
    ("de", "Du arbeitest mit Grafana und mit mehrschichtigen Anwendungen."),
    ("es", "A la hora de desarrollar proyectos buscamos personas constantes."),
    ("es", "Retribución flexible y seguro médico."),
    ("pl", "Wprowadzanie zmian w dokumentacji technicznej i grafikach."),
    ("pl", "Pomoc w przygotowaniu grafiki do mediów społecznościowych."),
    ("lt", "Darbo grafikų sudarymas darbuotojams, darbų apskaita."),
    ("lv", "Plānot apkopes grafikus un sekot to izpildei."),
    ("ro", "Programare PLC și întocmirea programelor de producție."),
    ("ru", "Участие в разработке графиков поставок и изменений в проекте."),
    ("uk", "Участь у змінах процесів компанії та розвиток нових проєктів."),
    ("bg", "Участие в изготвянето на графици на доставките."),
]


@pytest.mark.parametrize(("lang", "text"), STATED)
def test_hours_stated(lang: str, text: str) -> None:
    a = assess(text, language=lang)
    assert a.facts.job.hours_stated, text
    assert "finetune.no_hours" not in {hit.id for hit in a.indicators}


@pytest.mark.parametrize(("lang", "text"), NOT_STATED)
def test_hours_not_stated(lang: str, text: str) -> None:
    a = assess(text, language=lang)
    assert not a.facts.job.hours_stated, text
    assert "finetune.no_hours" in {hit.id for hit in a.indicators}
