"""Job title: schema.org `title`, a title label line, the first line when it names an occupation, or a
short line with a gender mark; never a section heading, greeting, sentence or company line."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter

import pytest

from validator import assess
from validator.assessment import Facts
from validator.facts import Context, job
from validator.nlp import analyse, get_nlp


def title(text: str, lang: str, structured: dict | None = None, employer: str | None = None) -> str | None:
    doc = analyse(get_nlp(lang), text)
    facts = Facts()
    facts.employer.name = employer
    return job.extract(doc, Context(language=lang, structured=structured or {}), facts).title


def test_schema_org_title_wins():
    assert title("Lagerhelfer gesucht.", "de", {"title": "Lagerhelfer (m/w/d)"}) == "Lagerhelfer (m/w/d)"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Job title: Warehouse operative\nPay 12 GBP per hour.", "Warehouse operative"),
        ("en", "Position: Farm worker\nWe offer housing.", "Farm worker"),
        ("de", "Stelle: Lagerhelfer\nWir bieten 15 Euro pro Stunde.", "Lagerhelfer"),
        ("fr", "Poste : Cariste\nContrat CDI.", "Cariste"),
        ("es", "Puesto: Camarero de sala\nJornada completa.", "Camarero de sala"),
        ("it", "Posizione: Magazziniere\nContratto a tempo determinato.", "Magazziniere"),
        ("pl", "Stanowisko: Magazynier\nUmowa o pracę.", "Magazynier"),
        ("ro", "Postul: Operator CNC\nSalariu 4000 lei.", "Operator CNC"),
        ("bg", "Длъжност: Готвач\nЗаплата 2000 лв.", "Готвач"),
        ("ru", "Должность: Водитель погрузчика\nЗарплата 80000 руб.", "Водитель погрузчика"),
        ("uk", "Посада: Зварник\nЗарплата 30000 грн.", "Зварник"),
        ("lt", "Pareigos: Sandėlio darbuotojas\nAtlyginimas 1200 EUR.", "Sandėlio darbuotojas"),
        ("lv", "Amats: Noliktavas darbinieks\nAlga 1200 EUR.", "Noliktavas darbinieks"),
        ("en", "Job title: Picker (m/f/d)\nApply now.", "Picker (m/f/d)"),
    ],
)
def test_title_labels(lang, text, expected):
    assert title(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Warehouse Operative\n\nAcme Ltd is hiring in Leeds.", "Warehouse Operative"),
        ("de", "Lagerhelfer (m/w/d)\nWir suchen Verstärkung.", "Lagerhelfer (m/w/d)"),
        ("de", "Vollständige Stellenbeschreibung\nFachkraft für Lagerlogistik (m/w/d)\nIhre Aufgaben",
         "Fachkraft für Lagerlogistik (m/w/d)"),
        ("fr", "Préparateur de commandes H/F\nNous recrutons.", "Préparateur de commandes H/F"),
        ("es", "Mozo de almacén\nOfrecemos contrato.", "Mozo de almacén"),
        ("it", "Addetto alle pulizie\nOrario full time.", "Addetto alle pulizie"),
        ("pl", "Pracownik produkcji (k/m)\nOferujemy umowę.", "Pracownik produkcji (k/m)"),
        ("ro", "Muncitor necalificat\nOferim cazare.", "Muncitor necalificat"),
        ("bg", "Общ работник\nПредлагаме квартира.", "Общ работник"),
        ("ru", "Кладовщик\nГрафик 5/2.", "Кладовщик"),
        ("uk", "Вантажник\nОфіційне працевлаштування.", "Вантажник"),
        ("lt", "Vairuotojas\nSiūlome darbą.", "Vairuotojas"),
        ("lv", "Pārdevējs\nPiedāvājam darbu.", "Pārdevējs"),
        # occupations as public employment services list them, and Lithuanian / Polish gender marks
        ("lt", "Technologas (-ė)\nSiūlome darbą.", "Technologas (-ė)"),
        ("lt", "Apie įmonę\nLaborantė (-as)\nSiūlome darbą.", "Laborantė (-as)"),
        ("lt", "Chemikas\nSiūlome darbą.", "Chemikas"),
        ("lv", "MEHATRONIĶIS\nPiedāvājam darbu.", "MEHATRONIĶIS"),
        ("lv", "Tirdzniecības pārstāvis\nPiedāvājam darbu.", "Tirdzniecības pārstāvis"),
        ("lv", "Biomedicīnas laborants\nPiedāvājam darbu.", "Biomedicīnas laborants"),
        ("pl", "Automatyk\nOferujemy umowę.", "Automatyk"),
        ("pl", "Technolog betonu\nOferujemy umowę.", "Technolog betonu"),
        ("pl", "Architekt Systemów IT K/M\nOferujemy umowę.", "Architekt Systemów IT K/M"),
        ("bg", "Крупие\nПредлагаме работа.", "Крупие"),
        ("bg", "Експерт, продажби\nПредлагаме работа.", "Експерт, продажби"),
        ("ro", "ARHITECT CLADIRI\nOferim contract.", "ARHITECT CLADIRI"),
        ("ro", "Logistician gestiune flux\nOferim contract.", "Logistician gestiune flux"),
    ],
)  # fmt: skip
def test_first_line_or_gender_marked_title(lang, text, expected):
    assert title(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Job Description\nWe need people."),  # a section heading
        ("en", "About the Team\nWe build things."),
        ("en", "Dear candidate,\nWe offer work."),  # a greeting
        ("en", "We are looking for drivers for our farm in Spain."),  # a sentence
        ("en", "Safety-Kleen in\nthe city"),  # cut mid-sentence
        ("en", "Disney Entertainment & Technology\nJoin us."),  # no occupation word
        ("es", "Requisitos\nEstudios mínimos"),
        ("de", "Wir suchen am Standort Frankfurt\nDetails folgen."),
        ("fr", "Développer le chiffre d'affaires de l'entreprise\nVos missions"),
        ("fr", "Entretien des locaux\nHoraires de jour"),
        ("it", "Durante la stagione estiva\nOffriamo alloggio"),
        ("pl", "Zakres obowiązków: pakowanie towaru\nWymagania"),
        ("pl", "Praca w Niemczech\nOferujemy zakwaterowanie"),  # "work in Germany" names no occupation
        ("ru", "Внимание! Конкурс на вакансию открыт до 2 октября!"),
        ("ru", "Компания\nМы ищем сотрудников."),
        ("uk", "Привіт! Мене звати Олена\nШукаємо людей"),
        ("lv", "B) Sektors darbam ar klientiem\nPienākumi"),
        ("lv", "Uzņēmuma vērtības\nPienākumi"),  # no occupation word
        ("lt", "Apie mus (-ą)\nSiūlome darbą"),  # no gender ending of the pack
        ("pl", "Katalogi produktów\nWymagania"),
        ("bg", "За компанията\nПредлагаме работа"),
        ("en", "Acme Staffing Ltd\nPickers wanted"),  # the employer's name line
        ("en", "Call +44 7700 900123 or write jobs@example.com"),
    ],
)
def test_no_title(lang, text):
    assert title(text, lang, employer="Acme Staffing Ltd") is None


def test_title_in_the_assessment_and_its_json():
    a = assess("Warehouse Operative\n\nAcme Ltd is hiring in Leeds. Pay 12 GBP per hour.", language="en")
    assert a.facts.job.title == "Warehouse Operative"
    assert a.to_dict()["facts"]["job"]["title"] == "Warehouse Operative"


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.lower()).strip()


def test_titles_read_from_real_ads_are_mostly_the_boards_title():
    """Precision against the board's own title on the real-ads development set (kept outside the project)."""
    from validator.evaluation.real_ads import data_dir

    directory = data_dir()
    if not directory.is_dir():
        pytest.skip(f"real-ads development set not found at {directory} (set VALIDATOR_REAL_ADS)")
    csv.field_size_limit(sys.maxsize)
    c: Counter = Counter()
    for path in sorted(directory.glob("*/groundtruth.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r["text_format"] == "plain" and r["title"]][:40]
        for row in rows:
            found = assess(row["text"]).facts.job.title
            if found:
                a, b = _norm(found), _norm(row["title"])
                c["returned"] += 1
                c["same"] += bool(a and b and (a in b or b in a or len(set(a.split()) & set(b.split())) * 2 >= len(set(a.split()) | set(b.split()))))
    if c["returned"] < 5:
        pytest.skip("too few titles read in the sample to measure precision")
    assert c["same"] / c["returned"] >= 0.6, c


def test_batch_rows_carry_the_job_title():
    from validator.batch.scoring import FACT_COLUMNS, assessment_row

    row = assessment_row(assess("Warehouse Operative\n\nAcme Ltd is hiring in Leeds.", language="en"))
    assert "job_title" in FACT_COLUMNS and row["job_title"] == "Warehouse Operative"
