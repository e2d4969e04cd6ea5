"""The risk design (validator/bands.py, data/risk_bands.toml): too little text abstains, severe signs are
never cancelled and always weigh, complete ordinary ads in every pack language are low."""

from __future__ import annotations

import re

import pytest

from validator import assess
from validator.assessment import SEVERITIES, IndicatorHit, Risk
from validator.bands import config, decide, order_signs, signs_band
from validator.indicators import catalogue

JAPANESE = (
    "看護師募集。東京都内の総合病院で、日勤のみの勤務です。月給30万円、賞与年2回。"
    "経験者優遇、資格必須。社会保険完備。お気軽にご応募ください。"
)
RUSSIAN_HOSTESS = (
    "Срочно! Требуются девушки 18-25 лет, приятной внешности, на работу хостес в ночной клуб за границей. "
    "Доход от 3000 евро в месяц. Паспорт сдаётся работодателю на хранение на весь срок контракта. "
    "Расходы на билеты и жильё вычитаются из зарплаты. Опыт не нужен, язык не нужен. "
    "Связь только в Telegram: @club_jobs_abroad"
)

# complete ordinary ads (written for these tests): employer with legal form, address, duties, hours, pay
ORDINARY = {
    "en": (
        "Warehouse operative (full-time). Northfield Logistics Ltd, Unit 4, Carrow Road, Norwich NR1 1HU, "
        "United Kingdom, is hiring a warehouse operative for its distribution centre. Duties: receive and "
        "check deliveries, pick and pack customer orders with a hand scanner, keep the loading area clean and "
        "safe. Hours: 40 hours a week, Monday to Friday, 7:00 to 15:30. Pay: 12.60 GBP per hour, 28 days of "
        "paid holiday and a workplace pension. Requirements: a forklift licence is an advantage. Apply with your "
        "CV at careers@northfield-logistics.co.uk or call 01603 555 210."
    ),
    "bg": (
        "Продавач-консултант в магазин за строителни материали. Строймаркет ЕООД, гр. Пловдив, бул. "
        "Кукленско шосе 17, търси продавач-консултант. Задължения: обслужване на клиенти, консултация за "
        "продуктите, подреждане на стоките и работа с касов апарат. Работно време: 8 часа дневно, от "
        "понеделник до петък, от 9:00 до 17:30 ч. Заплата: 1600 лв. бруто месечно, допълнително здравно "
        "осигуряване и платен годишен отпуск. Изисквания: средно образование и опит в търговията. "
        "Кандидатствайте с автобиография на имейл karieri@stroymarket.bg или на телефон 032 555 120."
    ),
    "ro": (
        "Operator producție în fabrica de mobilă. Lemn Design SRL, str. Fabricii nr. 12, Cluj-Napoca, "
        "angajează operator producție. Responsabilități: debitarea și șlefuirea panourilor, asamblarea "
        "mobilierului după fișa tehnică, verificarea calității produselor finite. Program: 8 ore pe zi, de luni "
        "până vineri, între orele 7:00 și 15:30. Salariu: 4500 lei brut pe lună, bonuri de masă și transport "
        "decontat. Cerințe: studii medii, experiența în producție constituie un avantaj. Trimiteți CV-ul la "
        "adresa resurse.umane@lemndesign.ro sau sunați la 0264 555 310."
    ),
    "lt": (
        "Sandėlio darbuotojas. UAB „Baltijos prekyba“, Savanorių pr. 178, Vilnius, ieško sandėlio "
        "darbuotojo. Pareigos: priimti ir tikrinti prekes, komplektuoti užsakymus skeneriu, tvarkyti "
        "sandėlio patalpas. Darbo laikas: 40 valandų per savaitę, nuo pirmadienio iki penktadienio, nuo 8 iki "
        "17 val. Atlyginimas: 1400 eurų per mėnesį prieš mokesčius, papildomas sveikatos draudimas. "
        "Reikalavimai: vidurinis išsilavinimas, darbo patirtis sandėlyje būtų privalumas. CV siųskite el. paštu "
        "darbas@baltijosprekyba.lt arba skambinkite tel. 8 5 255 1234."
    ),
    "lv": (
        "Noliktavas darbinieks. SIA „Rīgas Loģistika“, Krasta iela 52, Rīga, aicina darbā noliktavas "
        "darbinieku. Pienākumi: preču pieņemšana un pārbaude, pasūtījumu komplektēšana ar skeneri, "
        "noliktavas uzturēšana kārtībā. Darba laiks: 40 stundas nedēļā, no pirmdienas līdz piektdienai, no "
        "8:00 līdz 17:00. Atalgojums: 1300 eiro mēnesī pirms nodokļiem, veselības apdrošināšana. Prasības: "
        "vidējā izglītība, pieredze noliktavā būs priekšrocība. CV sūtiet uz e-pastu darbs@rigaslogistika.lv "
        "vai zvaniet pa tālruni 67 555 123."
    ),
    "pl": (
        "Magazynier. Firma Trans-Pol Sp. z o.o., ul. Przemysłowa 14, 60-123 Poznań, zatrudni magazyniera. "
        "Obowiązki: przyjmowanie i kontrola dostaw, kompletowanie zamówień przy użyciu skanera, dbanie o "
        "porządek w magazynie. Godziny pracy: 40 godzin tygodniowo, od poniedziałku do piątku, w godzinach "
        "7:00-15:00. Wynagrodzenie: 5200 zł brutto miesięcznie, umowa o pracę, prywatna opieka medyczna. "
        "Wymagania: wykształcenie średnie, uprawnienia na wózek widłowy będą atutem. CV prosimy przesyłać na "
        "adres rekrutacja@trans-pol.pl lub dzwonić pod numer 61 555 20 30."
    ),
    "uk": (
        "Комірник на склад. ТОВ «Київ Дистрибуція», м. Київ, вул. Промислова, 8, шукає комірника. "
        "Обов'язки: приймання та перевірка товару, комплектування замовлень за допомогою сканера, облік "
        "залишків на складі. Графік роботи: 40 годин на тиждень, з понеділка по п'ятницю, з 8:00 до 17:00. "
        "Заробітна плата: 18000 грн на місяць, офіційне працевлаштування, оплачувана відпустка. Вимоги: "
        "середня освіта, досвід роботи на складі буде перевагою. Резюме надсилайте на пошту "
        "hr@kyivdistribution.com.ua або телефонуйте за номером 044 555 12 34."
    ),
    "ru": (
        "Кладовщик на склад. ООО «Северный Склад», г. Санкт-Петербург, ул. Складская, д. 5, приглашает на "
        "работу кладовщика. Обязанности: приёмка и проверка товара, комплектация заказов со сканером, учёт "
        "остатков на складе. График работы: 40 часов в неделю, с понедельника по пятницу, с 9:00 до 18:00. "
        "Заработная плата: 65000 рублей в месяц, официальное оформление по ТК РФ, оплачиваемый отпуск. "
        "Требования: среднее образование, опыт работы на складе приветствуется. Резюме отправляйте на почту "
        "hr@severnysklad.ru или звоните по телефону +7 812 555 12 34."
    ),
    "de": (
        "Lagermitarbeiter (m/w/d) in Vollzeit. Die Nordlager GmbH, Hafenstraße 21, 28217 Bremen, sucht einen "
        "Lagermitarbeiter. Ihre Aufgaben: Warenannahme und Kontrolle der Lieferungen, Kommissionierung der "
        "Aufträge mit dem Handscanner, Pflege der Lagerbestände. Arbeitszeit: 40 Stunden pro Woche, Montag bis "
        "Freitag von 7:00 bis 15:30 Uhr. Vergütung: 2800 Euro brutto im Monat, 30 Tage Urlaub und betriebliche "
        "Altersvorsorge. Anforderungen: abgeschlossene Ausbildung, Staplerschein von Vorteil. Bewerbungen an "
        "bewerbung@nordlager.de oder telefonisch unter 0421 555 1200."
    ),
    "fr": (
        "Préparateur de commandes en CDI. La société Logistique du Rhône SAS, 15 rue de l'Industrie, 69007 "
        "Lyon, recrute un préparateur de commandes. Missions : réception et contrôle des livraisons, "
        "préparation des commandes avec un scanner, rangement et inventaire du stock. Horaires : 35 heures par "
        "semaine, du lundi au vendredi, de 7h à 14h. Rémunération : 1900 euros bruts par mois, mutuelle "
        "d'entreprise et tickets restaurant. Profil : CAP logistique ou première expérience, CACES apprécié. "
        "Envoyez votre CV à recrutement@logistique-rhone.fr ou appelez le 04 72 55 12 30."
    ),
    "es": (
        "Mozo de almacén a jornada completa. Distribuciones Levante S.L., Calle de la Industria 24, 46015 "
        "Valencia, busca mozo de almacén. Funciones: recepción y control de mercancía, preparación de pedidos "
        "con escáner, carga y descarga de camiones y mantenimiento del orden del almacén. Horario: 40 horas "
        "semanales, de lunes a viernes, de 7:00 a 15:00. Salario: 1450 euros brutos al mes, contrato indefinido "
        "y 23 días de vacaciones. Requisitos: educación secundaria, se valorará carnet de carretillero. Envía tu "
        "CV a empleo@distribucioneslevante.es o llama al 963 55 12 30."
    ),
    "it": (
        "Magazziniere a tempo pieno. La ditta Logistica Padana S.r.l., Via dell'Industria 18, 20141 Milano, "
        "cerca un magazziniere. Mansioni: ricevimento e controllo della merce, preparazione degli ordini con "
        "lettore ottico, carico e scarico dei camion e inventario. Orario di lavoro: 40 ore settimanali, dal "
        "lunedì al venerdì, dalle 8:00 alle 17:00. Retribuzione: 1600 euro lordi al mese, contratto a tempo "
        "indeterminato e buoni pasto. Requisiti: diploma, patentino per il carrello elevatore gradito. Inviare "
        "il CV a lavoro@logisticapadana.it oppure chiamare lo 02 5551 2300."
    ),
}


def test_every_indicator_has_a_declared_tier() -> None:
    assert {ind.severity for ind in catalogue()} <= set(SEVERITIES)
    assert config()["tiers"]["order"] == list(SEVERITIES)


def test_nurse_wanted_is_insufficient() -> None:
    a = assess("Nurse wanted")
    assert a.risk.band == "insufficient"
    assert a.risk.reason == "too_short"


def test_a_short_cleaner_ad_is_not_high() -> None:
    assert assess("Cleaner job in Berlin, 2,000 EUR a month.").risk.band != "high"


def test_japanese_ad_is_insufficient_with_a_language_warning() -> None:
    a = assess(JAPANESE)
    assert a.risk.band == "insufficient"
    assert a.risk.reason == "language"
    assert any("script no language pack reads" in w for w in a.warnings)


def test_russian_hostess_ad_is_high_with_document_and_debt_signs() -> None:
    a = assess(RUSSIAN_HOSTESS)
    ids = {h.id for h in a.indicators}
    assert a.language == "ru"
    assert "ilo.document_retention" in ids
    assert "volodko.wage_deductions" in ids
    assert a.risk.band == "high"
    assert a.risk.signs_band == "high"
    # severe signs come first and always weigh in the explanation
    tiers = [h.severity for h in a.indicators]
    assert tiers == sorted(tiers, key=SEVERITIES.index)
    for hit in a.indicators:
        if hit.severity == "severe":
            assert hit.contribution is not None and hit.contribution > 0


@pytest.mark.parametrize("lang", sorted(ORDINARY))
def test_a_complete_ordinary_ad_is_low(lang: str) -> None:
    a = assess(ORDINARY[lang])
    assert a.language == lang
    assert a.risk.band == "low", (a.risk.reason, [(h.id, h.severity) for h in a.indicators])
    assert not [h.id for h in a.indicators if h.severity in ("severe", "strong")]


def _hit(id_: str, family: str, severity: str) -> IndicatorHit:
    return IndicatorHit(id_, family, id_, "", "", [], 0.5, severity=severity)


def test_absence_signs_alone_never_raise_the_signs_band() -> None:
    hits = [_hit(f"a{i}", fam, "absence") for i, fam in enumerate(("vague_job", "hidden_employer", "weak_contact"))]
    assert signs_band(hits) == ("low", None)


def test_one_severe_sign_is_medium_and_cannot_be_cancelled_by_the_model() -> None:
    hits = [_hit("fee", "fees_or_debt", "severe")]
    risk = decide(Risk(0.01, "low", "m", True), hits, words=200)
    assert (risk.band, risk.signs_band, risk.model_band, risk.reason) == ("medium", "medium", "low", "severe")


def test_severe_and_strong_of_another_family_is_high() -> None:
    hits = [_hit("fee", "fees_or_debt", "severe"), _hit("msg", "weak_contact", "strong")]
    assert signs_band(hits) == ("high", "severe_and_strong")


def test_the_model_can_raise_the_band() -> None:
    risk = decide(Risk(0.9, "high", "m", True), [_hit("x", "vague_job", "moderate")], words=200)
    assert (risk.band, risk.reason) == ("high", "model_high")


def test_a_severe_sign_overrides_abstention() -> None:
    hits = [_hit("fee", "fees_or_debt", "severe")]
    assert decide(Risk(0.9, "high", "m", True), hits, words=5).band == "medium"
    assert decide(Risk(0.9, "high", "m", True), hits[:0], words=5).band == "insufficient"
    assert decide(Risk(0.1, "low", "m", True), hits, words=200, language_status="unsupported").band == "medium"


def test_only_absence_signs_on_a_short_text_abstain() -> None:
    hits = [_hit("a", "vague_job", "absence")]
    short = config()["abstain"]["short_words"]
    assert decide(Risk(0.9, "high", "m", True), hits, words=short - 1).reason == "absence_only"
    assert decide(Risk(0.9, "high", "m", True), hits, words=short + 100).band == "high"


def test_signs_are_ordered_by_tier_then_evidence() -> None:
    hits = [_hit("m", "x", "moderate"), _hit("a", "y", "absence"), _hit("s", "z", "severe"), _hit("t", "w", "strong")]
    assert [h.id for h in order_signs(hits)] == ["s", "t", "m", "a"]


# ---------------------------------------------------------------- every surface shows the band, never a score


def test_cli_report_says_cannot_judge_and_shows_no_score(capsys) -> None:
    from validator.cli import main

    assert main(["check", "Nurse wanted", "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "CANNOT JUDGE" in out and "too short to judge" in out
    assert "%" not in out.split("\n")[0]


def test_web_result_and_widget_show_the_band_words_not_a_score() -> None:
    from webapp import create_app

    client = create_app({"WARMUP": False, "RATELIMIT_ENABLED": False}).test_client()
    page = client.post("/widget", data={"text": "Nurse wanted"}).get_data(as_text=True)
    assert "Cannot judge" in page and "out of 100" not in page
    page = client.post("/widget", data={"text": RUSSIAN_HOSTESS}).get_data(as_text=True)
    shown = re.findall(r'<li data-indicator="([^"]+)"', page)
    assert shown and all(s in {"ilo.document_retention", "volodko.wage_deductions", "targeting.hostess_work",
                               "ilo.recruitment_fee", "ilo.travel_loan", "visa.misleading_claim"} for s in shown)
    api = client.post("/api/v1/assess", json={"text": "Nurse wanted"}).get_json()
    assert (api["risk"]["band"], api["risk"]["reason"]) == ("insufficient", "too_short")
    assert {"signs_band", "model_band", "signs"} <= set(api["risk"])


def test_batch_report_counts_insufficient_and_describes_the_bands(tmp_path) -> None:
    import csv

    from validator.cli import main

    src = tmp_path / "ads.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text"])
        writer.writerows([["a", "Nurse wanted"], ["b", RUSSIAN_HOSTESS], ["c", ORDINARY["en"]]])
    out, report = tmp_path / "out.csv", tmp_path / "report.html"
    assert main(["batch", str(src), "-o", str(out), "--report", str(report), "--workers", "1"]) == 0
    html = report.read_text("utf-8")
    assert "insufficient (too little to judge)" in html
    assert "Signs band high: 2 severe" in html and "Band = the higher of the two" in html
    assert "below 0.35" not in html
    rows = {r["id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert (rows["a"]["risk_band"], rows["b"]["risk_band"], rows["c"]["risk_band"]) == ("insufficient", "high", "low")
    # the highest band comes first in the report's list of ads
    assert html.index(">b<") < html.index(">c<")
